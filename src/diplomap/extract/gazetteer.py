"""The gazetteer as entity-ruler patterns, and the Entity records the store keeps.

Labels: STATE, DEMONYM, CAPITAL (a capital: the government when it acts, a place otherwise),
METONYM (Kremlin, White House), GROUP ("Central Asian leaders": its id lists the member states,
"KAZ/KGZ/TJK/TKM/UZB", as a multi-actor dictionary code does), ORG, PERSON, PROJECT, PLACE. Each
pattern's id is the entity id: ISO alpha-3 for states (and their demonyms and capitals), organisation ids, person ids,
project ids, ``place:<name>`` for other places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplomap.knowledge import Knowledge
from diplomap.knowledge.grammar import NOT_NAMES
from diplomap.model import Entity

# When one surface form names several things, the earlier label wins.
PRIORITY = ("STATE", "ORG", "PERSON", "METONYM", "GROUP", "PROJECT", "CAPITAL", "DEMONYM", "PLACE", "OTHER")
ACTOR_LABELS = {"STATE", "DEMONYM", "CAPITAL", "METONYM", "GROUP", "ORG", "PERSON"}
# the labels that name a state, a body or an office holder (not a crowd: "Georgian protesters")
OFFICIAL_LABELS = {"STATE", "ORG", "CAPITAL", "METONYM", "PERSON", "GROUP"}


@dataclass(frozen=True)
class Pattern:
    label: str
    text: str
    id: str
    tokens: tuple[tuple[str, str, bool], ...] = ()  # (attr, value, is_prefix) for case-insensitive forms

    def spacy(self) -> dict[str, object]:
        """The pattern as spaCy's entity ruler takes it."""
        if not self.tokens:
            return {"label": self.label, "pattern": self.text, "id": self.id}
        toks: list[dict[str, object]] = []
        for attr, value, prefix in self.tokens:
            toks.append({attr: {"REGEX": "^" + re.escape(value)} if prefix else value})
        return {"label": self.label, "pattern": toks, "id": self.id}


def place_id(name: str) -> str:
    return "place:" + name


def patterns(kb: Knowledge) -> list[Pattern]:
    """All surface forms, one pattern each, deduplicated by text with PRIORITY deciding clashes."""
    out: dict[str, Pattern] = {}
    rank = {label: i for i, label in enumerate(PRIORITY)}

    def add(label: str, text: str, ent_id: str) -> None:
        text = text.strip()
        if len(text) < 2:
            return
        # news writes a name's apostrophe straight or curled ("People's Republic", "People’s Republic")
        for form in dict.fromkeys((text, text.replace("'", "\u2019"), text.replace("\u2019", "'"))):
            old = out.get(form)
            if old is None or rank[label] < rank[old.label]:
                out[form] = Pattern(label, form, ent_id)

    capitals: dict[str, str] = {}
    combining: list[Pattern] = []
    for st in kb.states.values():
        for form in (st.name, *st.aliases):
            add("STATE", form, st.iso3)
            if form.startswith("the ") or form.startswith("The "):
                add("STATE", form[4:], st.iso3)
        for form in st.demonyms:
            if form.endswith("-"):  # a combining form, "Sino-": only before a hyphen ("Sino-Russian talks")
                combining.append(Pattern("DEMONYM", form, st.iso3, (("ORTH", form[:-1], False), ("ORTH", "-", False))))
            else:
                add("DEMONYM", form, st.iso3)
        if st.capital:
            capitals[st.capital] = st.iso3
    for pl in kb.places.values():
        iso = capitals.get(pl.name) if pl.kind == "capital" or pl.name in capitals else None
        for form in (pl.name, *pl.aliases):
            if iso:
                add("CAPITAL", form, kb.metonyms.get(form, iso))
            else:
                add("PLACE", form, place_id(pl.name))
    for cap, iso in capitals.items():
        # a capital that acts for more than its state ("Brussels" for the EU) says so in metonyms.csv
        add("CAPITAL", cap, kb.metonyms.get(cap, iso))
    for term, code in kb.metonyms.items():
        if term in capitals:
            continue  # still a place when it is one: "talks in Brussels"
        add("METONYM", term, code)
        if not term.lower().startswith("the "):
            add("METONYM", "the " + term, code)
    for group in kb.groups.values():
        for form in group.forms:
            add("GROUP", form, "/".join(group.members))
            add("GROUP", "the " + form, "/".join(group.members))
    for org in kb.organisations.values():
        for form in (org.name, *org.aliases, org.id if org.id.isupper() and len(org.id) > 1 else ""):
            if form:
                add("ORG", form, org.id)
    titled: dict[str, set[str]] = {}
    for person in kb.people.values():
        for form in (person.name, *person.aliases):
            add("PERSON", form, person.id)
        surname = person.name.split()[-1]
        for role in person.roles:
            if role.title and len(surname) > 2:
                titled.setdefault(f"{role.title} {surname}", set()).add(person.id)
            whole = f"{role.title} {person.name}"
            if role.title and any(whole.startswith(alias + " ") for alias in person.aliases):
                # "Prime Minister Abiy Ahmed": the whole name after its title, where a titled alias ("Prime
                # Minister Abiy") would leave the rest of the name out
                titled.setdefault(whole, set()).add(person.id)
    for form, ids in titled.items():
        # "President Ali", "Prime Minister Frederiksen": a title and a surname that no one else listed holds with it
        # (never over a name or alias of its own: add keeps the first of one label)
        if len(ids) == 1:
            add("PERSON", form, next(iter(ids)))
    for pr in kb.projects.values():
        for form in (pr.name, *pr.aliases):
            add("PROJECT", form, pr.id)
    for form in NOT_NAMES:
        add("OTHER", form, "")  # (no id: no mention; the longer match keeps the shorter name from matching)
    # a user's actor dictionary overrides the shipped gazetteer for the names it sets
    user_forms = {" ".join(f.strip("_").replace("_", " ").lower().split()) for forms in kb.petrarch_forms.values()
                  for f in forms}
    result = [p for p in out.values() if p.text.lower() not in user_forms] + combining
    for pid, forms in kb.petrarch_forms.items():
        for form in forms:
            words = form.strip("_").replace("_", " ").lower().split()
            if not words:
                continue
            exact = form.endswith("_") or len(words[-1]) < 4
            toks = (*(("LOWER", w, False) for w in words[:-1]), ("LOWER", words[-1], not exact))
            result.append(Pattern("PERSON", form, pid, toks))
    return result


def entities(kb: Knowledge) -> list[Entity]:
    """Every gazetteer entry as an Entity, for the store's entities table."""
    out: list[Entity] = []
    for st in kb.states.values():
        out.append(Entity(st.iso3, "state", st.name, st.iso3, st.qid, st.lat, st.lon,
                          (*st.aliases, *st.demonyms, st.capital)))
    for org in kb.organisations.values():
        out.append(Entity(org.id, "organisation", org.name, kb.org_code(org.id), org.qid, None, None, org.aliases))
    for person in kb.people.values():
        out.append(Entity(person.id, "person", person.name, kb.person_code(person.id, None), person.qid, None, None,
                          person.aliases))
    for pr in kb.projects.values():
        first = kb.place(pr.waypoints[0]) if pr.waypoints else None
        out.append(Entity(pr.id, "project", pr.name, "", pr.qid, first.lat if first else None,
                          first.lon if first else None, pr.aliases))
    for pl in kb.places.values():
        out.append(Entity(place_id(pl.name), "place", pl.name, pl.country, pl.qid, pl.lat, pl.lon, pl.aliases))
    return out
