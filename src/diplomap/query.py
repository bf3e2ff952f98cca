"""From the filters a person types to an EventQuery: types checked, names resolved to actor codes (#9).

``diplomap events`` and ``diplomap export`` read their filters through here, so a misspelt type or
an actor given by name is an error that says what to type, not an empty listing:

    resolve_filters(store, kb, actor="Azerbaijan", type="consult")  # EventQuery(actor="AZE", type="CONSULT"), ...
    resolve_filters(store, kb, type="CONSLT")   # QueryError: ... did you mean CONSULT? ...
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from datetime import date

from diplomap.knowledge import Knowledge
from diplomap.model import Modality
from diplomap.plover import event_types
from diplomap.store.db import EventQuery, Store


class QueryError(ValueError):
    """A filter that cannot match as given; the message names it and what to give instead."""


@dataclass(frozen=True)
class Resolved:
    """What a name given as a filter stands for."""

    given: str
    code: str
    name: str  # the knowledge base's name for the code (a state's, not a person's), "" when it has none

    @property
    def renamed(self) -> bool:
        """True when the person gave a name, not the code itself (worth telling them the code)."""
        return self.given.strip().upper() != self.code


def check_type(text: str) -> str:
    """A PLOVER event type in its canonical (upper) case."""
    wanted = text.strip().upper()
    types = event_types()
    if wanted in types:
        return wanted
    close = difflib.get_close_matches(wanted, types, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}? " if close else ""
    raise QueryError(f"unknown event type {text!r}: {hint}PLOVER types are {', '.join(types)}")


def resolve_actor(text: str, store: Store, kb: Knowledge | None, states_only: bool = False) -> Resolved:
    """An actor code from a code or a name: a code some event has or the knowledge base knows, else
    the name or alias of a state, organisation or person (a person stands for the state or
    organisation of their latest role). ``states_only`` for --country."""
    given = text.strip()
    names = _names(kb, states_only)
    codes = {code for code, _, _ in names.values()}
    if not states_only:
        codes |= store.actor_codes()
    upper = given.upper()
    if upper in codes:
        return Resolved(given, upper, _name_of(kb, upper))
    hit = names.get(given.casefold())
    if hit is not None:
        return Resolved(given, hit[0], hit[1])
    what = "country" if states_only else "actor"
    choices = {c.casefold(): (c, c) for c in codes}
    choices.update({key: (code, f"{form} ({code})") for key, (code, _, form) in names.items()})
    by_code: dict[str, str] = {}  # the closest form of each code: not "Azerbaijan or Azerbaijani"
    for key in difflib.get_close_matches(given.casefold(), list(choices), n=6, cutoff=0.8):
        by_code.setdefault(*choices[key])
    hint = f"did you mean {' or '.join(list(by_code.values())[:3])}? " if by_code else ""
    raise QueryError(f"no {what} {given!r}: {hint}give a code such as AZE or a name such as Azerbaijan "
                     f"(codes in use: 'diplomap entities')")


def resolve_filters(
    store: Store,
    kb: Knowledge | None,
    *,
    actor: str | None = None,
    type: str | None = None,
    country: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    q: str | None = None,
    include_all: bool = False,
    limit: int | None = None,
) -> tuple[EventQuery, list[Resolved]]:
    """The query, and the names it resolved (for the caller to say which code each became).

    ``include_all`` adds background, forecasts, hypotheticals, plans, negated and one-actor events to what is listed.
    """
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"--from {date_from} is after --to {date_to}: swap them")
    if limit is not None and limit < 0:
        raise QueryError(f"--limit {limit}: give a number of events, 0 or more")
    actor_hit = resolve_actor(actor, store, kb) if actor else None
    country_hit = resolve_actor(country, store, kb, states_only=True) if country else None
    query = EventQuery(
        actor=actor_hit.code if actor_hit else None, country=country_hit.code if country_hit else None,
        type=check_type(type) if type else None, date_from=date_from, date_to=date_to, q=q or None, limit=limit,
    )
    if include_all:
        query = replace(query, modalities=tuple(Modality), min_actors=1)
    return query, [hit for hit in (actor_hit, country_hit) if hit is not None]


def _names(kb: Knowledge | None, states_only: bool) -> dict[str, tuple[str, str, str]]:
    """casefolded name or alias -> (code, the code's name, the name as written). States win over
    organisations over people."""
    if kb is None:
        return {}
    out: dict[str, tuple[str, str, str]] = {}
    if not states_only:
        for person in kb.people.values():
            code = kb.person_code(person.id, None)
            if code:
                for form in (person.name, *person.aliases):
                    out[form.casefold()] = (code, _name_of(kb, code), form)
        for org in kb.organisations.values():
            code = kb.org_code(org.id)
            for form in (org.name, *org.aliases):
                out[form.casefold()] = (code, _name_of(kb, code) or org.name, form)
    for state in kb.states.values():
        for form in (state.name, *state.aliases, *state.demonyms, state.iso3):
            out[form.casefold()] = (state.iso3, state.name, form)
    return out


def _name_of(kb: Knowledge | None, code: str) -> str:
    if kb is None:
        return ""
    if code in kb.states:
        return kb.states[code].name
    if code in kb.organisations:
        return kb.organisations[code].name
    return ""
