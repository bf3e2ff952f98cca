"""Load the shipped knowledge files (and a user's extensions) into typed tables.

The CSV files beside this module are the defaults; ``Knowledge.load(extra=[...])`` adds a user's
rows on top (same columns; the header tells which table a file extends).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from diplomap.knowledge.grammar import REGION_WORDS


class KnowledgeError(Exception):
    """A knowledge file that cannot be read; the message names the file and row."""


@dataclass(frozen=True)
class State:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    lat: float | None
    lon: float | None
    region: str = ""
    subregion: str = ""
    area: str = ""
    qid: str = ""


# organisations that are actors in their own right, never their state's: Hamas is not Palestine, ExxonMobil is
# not the United States (a state company, SOCAR or Gazprom, acts for its state)
SELF_ACTING = ("armed_group", "territory", "private_company")


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str = ""
    parent: str = ""
    members: tuple[str, ...] = ()
    qid: str = ""


@dataclass(frozen=True)
class Group:
    """A regional set of states that texts name together: "Central Asian leaders" are the five states'."""

    id: str
    name: str
    forms: tuple[str, ...]  # "Central Asian leaders", "Central Asian states", ...
    members: tuple[str, ...]
    adjectives: tuple[str, ...] = ()  # "Central Asian"


# what a regional adjective must precede to name the group's states rather than the region
GROUP_NOUNS = ("states", "countries", "nations", "republics", "governments", "leaders", "presidents",
               "heads of state", "foreign ministers", "neighbours", "neighbors", "partners")


@dataclass(frozen=True)
class Role:
    country: str
    org: str
    title: str
    role: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    qid: str = ""

    def role_on(self, day: date | None) -> Role | None:
        """The role held on a day (the highest listed first), else the nearest one before, else the first."""
        if not self.roles:
            return None
        if day is None:
            current = [r for r in self.roles if r.end is None]
            return current[0] if current else self.roles[-1]
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            return holding[0]
        before = [r for r in self.roles if r.start and r.start <= day]
        if before:
            return max(before, key=lambda r: r.start or date.min)
        return self.roles[0]


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    mode: str
    countries: tuple[str, ...]
    waypoints: tuple[str, ...]
    status: str = ""
    qid: str = ""


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    aliases: tuple[str, ...]
    country: str
    kind: str
    lat: float | None
    lon: float | None
    qid: str = ""


@dataclass(frozen=True)
class Trigger:
    trigger: str
    pos: str
    type: str
    mode: str


@dataclass(frozen=True)
class TypeChange:
    """A row of ``type_changes.csv``: under ``condition``, a trigger of type ``source`` (a type or ``@trait``)
    in one of ``modalities`` (any when empty) becomes ``type``/``mode`` (and ``modality`` when set)."""

    name: str
    source: str
    modalities: tuple[str, ...]
    condition: str
    words: tuple[str, ...]
    type: str
    mode: str
    modality: str


@dataclass
class Knowledge:
    states: dict[str, State] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    places: dict[str, PlaceRecord] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    triggers: list[Trigger] = field(default_factory=list)
    frames: dict[str, set[str]] = field(default_factory=dict)  # trigger lemma -> frames (trigger_frames.csv)
    type_traits: dict[str, frozenset[str]] = field(default_factory=dict)  # PLOVER type -> traits (plover_types.csv)
    type_aspects: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> the types it is an aspect of
    type_changes: list[TypeChange] = field(default_factory=list)
    # surface forms of PETRARCH-style entries: matched case-insensitively, prefix unless '_' ends them
    petrarch_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _place_idx: dict[str, PlaceRecord] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Knowledge:
        kb = cls()
        for name in ("states", "places", "organisations", "people", "projects", "metonyms", "groups",
                     "plover_triggers", "trigger_frames", "plover_types", "type_changes"):
            text = resources.files("diplomap.knowledge").joinpath(f"{name}.csv").read_text(encoding="utf-8")
            kb.add_csv(text, f"{name}.csv")
        for path in extra:
            kb.add_file(path)
        return kb

    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        if not path.is_file():
            raise KnowledgeError(f"{path}: no such gazetteer file; check the path")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise KnowledgeError(f"{path}: not UTF-8; re-save the gazetteer as UTF-8") from None
        if path.suffix.lower() == ".csv":
            self.add_csv(text, str(path))
        else:
            from diplomap.knowledge.petrarch import load_petrarch_actors

            load_petrarch_actors(self, text, str(path))

    def add_csv(self, text: str, name: str) -> None:
        rows = list(_rows(text))
        if not rows:
            return
        header = set(rows[0])
        for lineno, row in enumerate(rows[1:], start=2):
            rec = dict(zip(rows[0], row, strict=False))  # a short row leaves its last cells empty
            try:
                self._add_row(header, rec)
            except (KeyError, ValueError) as exc:
                raise KnowledgeError(f"{name}: row {lineno}: {exc}; fix the row or its header") from None

    def _add_row(self, header: set[str], r: dict[str, str]) -> None:
        if "iso3" in header:
            st = State(r["iso3"].upper(), r["name"], _list(r.get("aliases")), _list(r.get("demonyms")),
                       r.get("capital", ""), _float(r.get("lat")), _float(r.get("lon")), r.get("region", ""),
                       r.get("subregion", ""), r.get("area", ""), r.get("qid", ""))
            self.states[st.iso3] = st
        elif "condition" in header:
            self.type_changes.append(TypeChange(
                r["name"], r["from"].strip(), tuple(m.lower() for m in _list(r.get("modality"))), r["condition"],
                _list(r.get("words")), r["to_type"].strip().upper(), (r.get("to_mode") or "").strip(),
                (r.get("to_modality") or "").strip().lower()))
        elif "frame" in header:
            self.frames.setdefault(r["lemma"].strip().lower(), set()).add(r["frame"].strip())
        elif "traits" in header:
            self.type_traits[r["type"].strip().upper()] = frozenset(_list(r.get("traits")))
            self.type_aspects[r["type"].strip().upper()] = frozenset(t.upper() for t in _list(r.get("aspect_of")))
        elif "trigger" in header:
            self.triggers.append(Trigger(r["trigger"].strip().lower(), r.get("pos", "VERB").upper() or "VERB",
                                         r["type"].strip().upper(), (r.get("mode") or "").strip()))
        elif "adjectives" in header:
            nouns = _list(r.get("nouns")) or GROUP_NOUNS
            adjectives = _list(r.get("adjectives"))
            forms = tuple(f"{adj} {noun}" for adj in adjectives for noun in nouns)
            self.groups[r["group"]] = Group(r["group"], r["name"], forms,
                                            tuple(m.upper() for m in _list(r.get("members"))), adjectives)
        elif "term" in header:
            self.metonyms[r["term"]] = r["code"].upper()
        elif "waypoints" in header:
            pr = Project(r["id"], r["name"], _list(r.get("aliases")), r.get("kind", ""), r.get("mode", ""),
                         _list(r.get("countries")), _list(r.get("waypoints")), r.get("status", ""), r.get("qid", ""))
            self.projects[pr.id] = pr
        elif "title" in header and "role" in header:
            role = Role((r.get("country") or "").upper(), r.get("org", ""), r.get("title", ""), r.get("role", ""),
                        _date(r.get("start"), end=False), _date(r.get("end"), end=True))
            old = self.people.get(r["id"])
            if old:
                aliases = tuple(dict.fromkeys((*old.aliases, *_list(r.get("aliases")))))
                qid = old.qid or r.get("qid", "")
                self.people[r["id"]] = Person(old.id, old.name, aliases, (*old.roles, role), qid)
            else:
                self.people[r["id"]] = Person(r["id"], r["name"], _list(r.get("aliases")), (role,), r.get("qid", ""))
        elif "parent" in header or "members" in header:
            org = Organisation(r["id"], r["name"], _list(r.get("aliases")), r.get("kind", ""),
                               (r.get("country") or "").upper(), r.get("parent", ""), _list(r.get("members")),
                               r.get("qid", ""))
            if org.id in self.states:
                # (the Non-Aligned Movement was "NAM", Namibia's code: one id for two actors)
                raise ValueError(f"organisation id {org.id} is the ISO code of {self.states[org.id].name}; "
                                 "give the organisation another id")
            self.organisations[org.id] = org
        elif "lat" in header and "kind" in header:
            pl = PlaceRecord(r["name"], _list(r.get("aliases")), (r.get("country") or "").upper(), r.get("kind", ""),
                             _float(r.get("lat")), _float(r.get("lon")), r.get("qid", ""))
            self.places[pl.name] = pl
            self._place_idx = None
        else:
            raise KeyError("header matches no knowledge table (see knowledge/README.md)")

    # -- lookups ---------------------------------------------------------------------------

    def states_described(self, words: str) -> frozenset[str]:
        """The states a regional word allows ("southern African", "Gulf"): grammar.toml reference.regions, else a
        group's adjective (groups.csv); none when the words name no region."""
        words = words.lower()
        if words in REGION_WORDS:
            fields = [f.split(":", 1) for f in REGION_WORDS[words]]
            return frozenset(code for code, st in self.states.items() for field, value in fields
                             if (code == value if field == "code" else getattr(st, field) == value))
        for group in self.groups.values():
            if words in (adjective.lower() for adjective in group.adjectives):
                return frozenset(group.members)
        return frozenset()

    def org_code(self, org_id: str) -> str:
        """The actor code an organisation stands for: its state, else the top of its parent chain. An armed
        group or a de facto state acts for itself, whatever state it is in (its ``country`` says where)."""
        seen: set[str] = set()
        org = self.organisations.get(org_id)
        while org is not None and org.id not in seen:
            seen.add(org.id)
            if org.kind in SELF_ACTING:
                return org.id
            if org.country:
                return org.country
            if not org.parent or org.parent not in self.organisations:
                return org.id
            org = self.organisations[org.parent]
        return org_id

    def given_names(self, person_id: str) -> frozenset[str]:
        """The first words of a person's name and its forms, lower case ("antony", "tony" for Antony Blinken)."""
        person = self.people.get(person_id)
        if person is None:
            return frozenset()
        return frozenset(n.split()[0].lower() for n in (person.name, *person.aliases) if len(n.split()) > 1)

    def person_code(self, person_id: str, day: date | None) -> str:
        person = self.people.get(person_id)
        if person is None:
            return ""
        role = person.role_on(day)
        if role is None:
            return ""
        return role.country or (self.org_code(role.org) if role.org else "")

    def place(self, name: str) -> PlaceRecord | None:
        hit = self.places.get(name)
        if hit:
            return hit
        return _place_index(self).get(name.casefold())


def _place_index(kb: Knowledge) -> dict[str, PlaceRecord]:
    if kb._place_idx is None:
        index: dict[str, PlaceRecord] = {}
        for pl in kb.places.values():
            for form in (pl.name, *pl.aliases):
                index.setdefault(form.casefold(), pl)
        kb._place_idx = index
    return kb._place_idx


def _rows(text: str) -> Iterator[list[str]]:
    for row in csv.reader(io.StringIO(text)):
        if not row or not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        yield [cell.strip() for cell in row]


def _list(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _float(cell: str | None) -> float | None:
    return float(cell) if cell not in (None, "") else None


def _date(cell: str | None, end: bool) -> date | None:
    if not cell:
        return None
    parts = [int(p) for p in cell.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        import calendar

        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if end else 1)
    return date(parts[0], parts[1], parts[2])
