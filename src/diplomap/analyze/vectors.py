"""Which vector of a focus country's foreign policy each partner belongs to, read from vectors.toml.

The mapping is data (knowledge/vectors.toml, user-overridable): a country with its own section gets
its analysts' vectors; any other country gets a default built from the states' `area` column, the
great powers and the blocs.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from diplomap.knowledge import Knowledge


class VectorError(Exception):
    """A vectors file that cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Vector:
    name: str
    partners: frozenset[str] = frozenset()
    members_of: frozenset[str] = frozenset()
    rest: bool = False


@dataclass(frozen=True)
class _Default:
    great_powers: tuple[str, ...] = ("USA", "RUS", "CHN")
    blocs: tuple[str, ...] = ("EU",)
    multilateral: str = "Multilateral"
    other: str = "Other partners"


class VectorMap:
    """Partner code -> vector name for one focus country."""

    def __init__(self, country: str, kb: Knowledge, vectors: tuple[Vector, ...] = (),
                 default: _Default = _Default()) -> None:
        self.country = country.upper()
        self.kb = kb
        self.vectors = vectors  # empty: the general default applies
        self._default = default
        self._cache: dict[str, str] = {}
        self._members: dict[str, frozenset[str]] | None = None  # partner -> the organisations it is a member of

    @property
    def configured(self) -> bool:
        return bool(self.vectors)

    def vector_of(self, code: str) -> str | None:
        """The vector a partner belongs to; None for the focus country itself."""
        if code == self.country:
            return None
        if code not in self._cache:
            self._cache[code] = self._configured(code) if self.vectors else self._general(code)
        return self._cache[code]

    def names(self, partners: Iterable[str] = ()) -> tuple[str, ...]:
        """The vectors in display order: the configured ones, or for the default those the partners reach."""
        if self.vectors:
            return tuple(v.name for v in self.vectors)
        seen = {name for code in partners if (name := self.vector_of(code)) is not None}
        own = [self._area(self.country)] if self.country in self.kb.states else []  # neighbours lead
        powers = [self._state_name(c) for c in self._default.great_powers]
        blocs = [self._org_name(b) for b in self._default.blocs]
        tail = [self._default.multilateral, self._default.other]
        head = [*own, *powers, *blocs]
        middle = sorted(seen - set(head) - set(tail))
        return tuple(n for n in dict.fromkeys([*head, *middle, *tail]) if n in seen)

    # -- resolution --------------------------------------------------------------------------------

    def _lineage(self, code: str) -> list[str]:
        """The code and the organisations above it: an EU body answers to "EU" too."""
        chain = [code]
        org = self.kb.organisations.get(code)
        while org is not None and org.parent and org.parent not in chain:
            chain.append(org.parent)
            org = self.kb.organisations.get(org.parent)
        return chain

    def _memberships(self, code: str) -> frozenset[str]:
        """The organisations ``code`` is a member of, from one pass over the organisations per map: a scan of
        them per partner took 18 ms for a focus actor's 240 partners, on each list page of a new actor (#10)."""
        if self._members is None:
            found: dict[str, set[str]] = {}
            for org in self.kb.organisations.values():
                for member in org.members:
                    found.setdefault(member, set()).add(org.id)
            self._members = {member: frozenset(ids) for member, ids in found.items()}
        return self._members.get(code, frozenset())

    def _configured(self, code: str) -> str:
        lineage = self._lineage(code)
        for vector in self.vectors:
            if any(c in vector.partners for c in lineage):
                return vector.name
        orgs = self._memberships(code)
        for vector in self.vectors:
            if vector.members_of & orgs:
                return vector.name
        return next(v.name for v in self.vectors if v.rest)

    def _general(self, code: str) -> str:
        d = self._default
        if code in d.great_powers:
            return self._state_name(code)
        lineage = self._lineage(code)
        for bloc in d.blocs:
            if bloc in lineage or (code in self.kb.states and bloc in self._memberships(code)):
                return self._org_name(bloc)
        if code in self.kb.states:
            return self._area(code)
        org = self.kb.organisations.get(lineage[-1])
        if org is None:
            return d.other
        if org.country:  # a ministry or state company acts for its state
            return self._general(org.country) if org.country != self.country else d.other
        members = [m for m in org.members if m != self.country]
        # Members' vectors, without recursing into organisations (members are states).
        reached = {self._general(m) for m in members if m in self.kb.states or m in d.great_powers}
        return reached.pop() if len(reached) == 1 else d.multilateral

    def _area(self, code: str) -> str:
        state = self.kb.states.get(code)
        if state is None:
            return self._default.other
        return state.area or state.subregion or state.region or self._default.other

    def _state_name(self, code: str) -> str:
        state = self.kb.states.get(code)
        return state.name if state else code

    def _org_name(self, org_id: str) -> str:
        org = self.kb.organisations.get(org_id)
        return org.name if org else org_id


def load_vectors(country: str, kb: Knowledge, path: str | Path | None = None) -> VectorMap:
    """The vector map for a focus country: the user's file if given, else the shipped vectors.toml."""
    if path is None:
        text = resources.files("diplomap.knowledge").joinpath("vectors.toml").read_text(encoding="utf-8")
        name = "vectors.toml"
    else:
        p = Path(path)
        if not p.is_file():
            raise VectorError(f"{p}: no such vectors file; check the path")
        text, name = p.read_text(encoding="utf-8"), str(p)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VectorError(f"{name}: not valid TOML ({exc}); fix the file") from None
    return parse_vectors(data, country, kb, name)


def parse_vectors(data: Mapping[str, Any], country: str, kb: Knowledge, name: str = "vectors") -> VectorMap:
    country = country.upper()
    raw_default = data.get("default", {})
    default = _Default(
        great_powers=tuple(raw_default.get("great_powers", _Default.great_powers)),
        blocs=tuple(raw_default.get("blocs", _Default.blocs)),
        multilateral=str(raw_default.get("multilateral", _Default.multilateral)),
        other=str(raw_default.get("other", _Default.other)),
    )
    section = data.get("country", {}).get(country)
    if section is None:
        return VectorMap(country, kb, (), default)
    vectors: list[Vector] = []
    for i, raw in enumerate(section.get("vectors", []), start=1):
        if "name" not in raw:
            raise VectorError(f"{name}: country.{country} vector {i} has no name; add name = \"...\"")
        vectors.append(Vector(
            name=str(raw["name"]),
            partners=frozenset(str(c).upper() for c in raw.get("partners", [])),
            members_of=frozenset(str(c).upper() for c in raw.get("members_of", [])),
            rest=bool(raw.get("rest", False)),
        ))
    if sum(v.rest for v in vectors) != 1:
        raise VectorError(f"{name}: country.{country} needs exactly one vector with rest = true; mark the catch-all")
    return VectorMap(country, kb, tuple(vectors), default)
