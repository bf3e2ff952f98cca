"""The event list's totals and facet counts, from an in-memory index of the database read once per write.

Counted in SQL, a view reads every event it selects: 0.7 s for the unfiltered list of 100k events and
20-40 ms for one filter, and the list has a view per actor, type, month and search, so on a busy app
counting took a third of the CPU. The index holds each event's type, month, modality and status as
small integers, and its (event, actor) and (event, document) pairs, in numpy arrays: a view is then a
boolean mask over the events and each facet one bincount of it, a few milliseconds. Building it reads
four tables once (about a second at 100k events); the app's QueryCache drops it on every write, like
any other count.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from itertools import chain

import numpy as np
from numpy.typing import NDArray

from diplomap.store.db import fts_query
from diplomap.web.queries import FacetValue, Filters

FACET_LIMIT = 15
TYPE_LIMIT = 30
MONTH_LIMIT = 24

Mask = NDArray[np.bool_]
Codes = NDArray[np.int64]


@dataclass(frozen=True)
class Column:
    """One value per row, as an index into ``names``, which are sorted (SQL NULL is read as '')."""

    codes: Codes
    names: tuple[str, ...]
    position: dict[str, int] = field(repr=False)

    @classmethod
    def of(cls, values: Iterable[str]) -> Column:
        first: dict[str, int] = {}  # value -> number, in order of first appearance
        codes = np.fromiter((first.setdefault(v, len(first)) for v in values), dtype=np.int64)
        names = sorted(first)
        place = np.zeros(len(names), dtype=np.int64)  # number -> place in name order
        place[[first[n] for n in names]] = np.arange(len(names))
        return cls(place[codes], tuple(names), {n: k for k, n in enumerate(names)})

    def among(self, values: Iterable[str]) -> Mask:
        """Rows whose value is one of ``values``."""
        wanted = np.zeros(len(self.names), dtype=np.bool_)
        wanted[[self.position[v] for v in values if v in self.position]] = True
        return wanted[self.codes]

    def top(self, rows: Mask, limit: int, newest: bool = False) -> list[FacetValue]:
        """The values of the chosen rows with their number of rows, most first and then by value (or by
        value, last first, when ``newest``); never the empty value."""
        found = np.bincount(self.codes[rows], minlength=len(self.names))
        if "" in self.position:
            found[self.position[""]] = 0
        present = np.flatnonzero(found)
        order = present[::-1] if newest else present[np.lexsort((present, -found[present]))]
        return [FacetValue(self.names[k], self.names[k], int(found[k])) for k in order[:limit]]


@dataclass(frozen=True)
class Pairs:
    """Distinct (event, value) pairs: an event's actors, or the documents of its evidence."""

    event: Codes
    value: Column

    @classmethod
    def of(cls, events: Codes, values: Iterable[str]) -> Pairs:
        column = Column.of(values)
        width = max(len(column.names), 1)
        # One pair per (event, value): an actor in two roles, or two quotes from one document, count once.
        both = np.unique(events * width + column.codes)
        return cls(both // width, replace(column, codes=both % width))

    def events_with(self, n_events: int, values: Iterable[str]) -> Mask:
        chosen = np.zeros(n_events, dtype=np.bool_)
        chosen[self.event[self.value.among(values)]] = True
        return chosen

    def top(self, chosen: Mask, limit: int) -> list[FacetValue]:
        """The values of the chosen events with their number of events (a pair is an event)."""
        return self.value.top(chosen[self.event], limit)


@dataclass(frozen=True)
class FacetIndex:
    size: int  # events
    type: Column
    month: Column  # the first seven characters of the start date (YYYY-MM), '' when undated
    modality: Column
    status: Column
    actors: Pairs
    docs: Pairs
    evidence: Codes  # evidence ids, ascending
    evidence_event: Codes  # the event row of each
    titles: dict[str, str]  # document id -> title, else source

    @classmethod
    def build(cls, conn: sqlite3.Connection) -> FacetIndex:
        """Read the index in one transaction, so its tables agree with each other."""
        conn.execute("BEGIN")
        try:
            events = conn.execute(
                "SELECT id, type, COALESCE(substr(start, 1, 7), ''), modality, status FROM events").fetchall()
            actors = conn.execute("SELECT event_id, code FROM event_actors").fetchall()
            evidence = conn.execute("SELECT event_id, doc_id, id FROM evidence ORDER BY id").fetchall()
            titles = conn.execute("SELECT id, COALESCE(NULLIF(title, ''), source) FROM documents").fetchall()
        finally:
            conn.rollback()  # it only read
        row = {r[0]: i for i, r in enumerate(events)}
        actors = [r for r in actors if r[0] in row]  # a row of an event that is gone counts for nothing
        evidence = [r for r in evidence if r[0] in row]

        def rows(found: list[sqlite3.Row]) -> Codes:
            return np.fromiter((row[r[0]] for r in found), dtype=np.int64, count=len(found))

        def column(i: int) -> Column:
            return Column.of(r[i] for r in events)

        return cls(
            len(events), column(1), column(2), column(3), column(4),
            Pairs.of(rows(actors), (r[1] for r in actors)),
            Pairs.of(rows(evidence), (r[1] for r in evidence)),
            np.fromiter((r[2] for r in evidence), dtype=np.int64, count=len(evidence)), rows(evidence),
            {str(r[0]): str(r[1]) for r in titles},
        )

    def search(self, conn: sqlite3.Connection, q: str) -> Mask:
        """The events whose evidence matches the search. The full-text index's rowid (evidence_search.key,
        schema v3) holds the evidence id in its low 32 bits, so this reads the full-text index alone."""
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples, unpacked by numpy
        keys = np.fromiter(chain.from_iterable(cursor.execute(
            "SELECT rowid FROM sentences_fts_by_date WHERE sentences_fts_by_date MATCH ?", (fts_query(q),),
        )), dtype=np.int64)
        found = np.zeros(self.size, dtype=np.bool_)
        if len(self.evidence):
            wanted = keys & 0xFFFFFFFF
            at = np.minimum(np.searchsorted(self.evidence, wanted), len(self.evidence) - 1)
            found[self.evidence_event[at[self.evidence[at] == wanted]]] = True
        return found

    def select(self, f: Filters, vector_codes: Collection[str] = (), matches: Mask | None = None) -> Mask:
        """The events the filters choose (as queries.where does in SQL); ``matches``: those the search finds."""
        chosen = self.status.among([f.status]) if f.status else ~self.status.among(["rejected"])
        for column, value in ((self.modality, f.modality), (self.type, f.type), (self.month, f.month)):
            if value:
                chosen &= column.among([value])
        if f.actor:
            chosen &= self.actors.events_with(self.size, [f.actor])
        if f.vector:
            chosen &= self.actors.events_with(self.size, vector_codes)
        if f.doc:
            chosen &= self.docs.events_with(self.size, [f.doc])
        if matches is not None:
            chosen &= matches
        return chosen

    def facets(self, chosen: Mask) -> dict[str, list[FacetValue]]:
        """Each facet's values among the chosen events, most frequent first (months newest first)."""
        return {
            "type": self.type.top(chosen, TYPE_LIMIT),
            "actor": self.actors.top(chosen, FACET_LIMIT),
            "month": self.month.top(chosen, MONTH_LIMIT, newest=True),
            "modality": self.modality.top(chosen, FACET_LIMIT),
            "status": self.status.top(chosen, FACET_LIMIT),
            "doc": [replace(d, label=self.titles.get(d.value, d.value)) for d in self.docs.top(chosen, FACET_LIMIT)],
        }

    def vectors(self, chosen: Mask, actor: str, vector_of: Callable[[str], str | None]) -> list[FacetValue]:
        """The focus actor's vectors, each with the chosen events that have a partner in it."""
        partners = [vector_of(c) if c != actor else None for c in self.actors.value.names]
        names = sorted({v for v in partners if v})
        number = {name: k for k, name in enumerate(names)}
        of_code = np.array([number[v] if v else -1 for v in partners], dtype=np.int64)
        vector = of_code[self.actors.value.codes]
        keep = chosen[self.actors.event] & (vector >= 0)
        # One (event, vector) pair per event however many partners it has in the vector.
        width = max(len(names), 1)
        found = np.bincount(np.unique(self.actors.event[keep] * width + vector[keep]) % width, minlength=len(names))
        ranked = sorted(((int(found[k]), name) for k, name in enumerate(names) if found[k]), key=lambda nv: -nv[0])
        return [FacetValue(name, name, n) for n, name in ranked]
