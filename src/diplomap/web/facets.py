"""The event list's totals, facet counts and, once read, its pages, from an in-memory index of the database.

Counted in SQL, a view reads every event it selects: 0.7 s for the unfiltered list of 100k events and
20-40 ms for one filter, and the list has a view per actor, type, month and search, so on a busy app
counting took a third of the CPU. The index holds each event's type, month, modality, status and start
as small integers, its (event, actor) and (event, document) pairs, and the events in list order, in
numpy arrays: a view is then a boolean mask over the events, its total the mask's sum, each facet one
bincount of it and its page the mask's first rows in list order, a few milliseconds at 1,000,000 events
(#10). Building it reads each table as a few long strings (1.2-2.3 s at 1,000,000 events); the app's
QueryCache drops it on every write, like any other count, and reads it again in the background.
web/facet_cache.py keeps it on disk, so a restarted app loads it rather than reading the database again.
"""

from __future__ import annotations

import sqlite3
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

import numpy as np
from numpy.typing import NDArray

from diplomap.store.db import fts_query, generation
from diplomap.web.facet_columns import (
    SEP,
    Codes,
    Column,
    IdLookup,
    Mask,
    Pairs,
    is_ascending,
    split_ids,
    split_ints,
)
from diplomap.web.queries import Cursor, FacetValue, Filters

SEARCHES = 32  # searches whose matches an index keeps
FACET_LIMIT = 15
TYPE_LIMIT = 30
MONTH_LIMIT = 24

T = TypeVar("T")





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
    evidence_row: Codes  # evidence id -> its event's row (-1: none); empty when the ids are too sparse
    titles: dict[str, str]  # document id -> title, else source
    ids: NDArray[np.bytes_]  # each row's event id (UTF-8), ascending: a row is its id's place
    day: Column  # the start date, '' when undated
    order: Codes  # the rows in list order: newest first, then by id, last first; undated last, by id
    # The last searches' matches: a list page and its total, or one search under other filters, ask again.
    searches: OrderedDict[str, Mask] = field(default_factory=OrderedDict, compare=False, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    @classmethod
    def build(cls, conn: sqlite3.Connection) -> FacetIndex:
        """Read the index in one transaction, so its tables agree with each other (web/facet_cache.py
        keeps it on disk between runs)."""
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples
        cursor.execute("BEGIN")
        try:
            return cls.read(cursor)
        finally:
            conn.rollback()  # it only read

    @classmethod
    def read(cls, cursor: sqlite3.Cursor) -> FacetIndex:
        """The index, read through ``cursor`` (plain tuples) inside a transaction the caller holds.

        An event's row in the index is the place of its id in id order. SQLite hands each table over as a
        few long strings (group_concat over an index), which numpy splits and looks up as a whole: at
        1,000,000 events this takes 1.2-2.3 s, where reading row by row took 17-30 s (#10); 3.6-4.5 s before
        ids were looked up by eight of their bytes (IdLookup) and evidence read from its indexes alone, 2.8-3.0 s
        before the evidence and the actors were read on a second connection in a second thread meanwhile
        (SQLite and numpy's sorts and searches let go of the GIL), on the same snapshot (_twin), and ids of
        one width cut from their string as one array (_ids); on one connection it takes 2.0-2.4 s. The first
        request with facets after a write waits for this read. (Two shared cores: the more the other core is
        busy, the nearer two threads come to one.)
        """
        twin = _twin(cursor)
        if twin is None:
            return cls._read(cursor, cursor, _Inline())
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplomap-index") as helper:
                other = twin.cursor()
                other.row_factory = None
                return cls._read(cursor, other, helper)
        finally:
            twin.rollback()
            twin.close()

    @classmethod
    def _read(cls, cursor: sqlite3.Cursor, other: sqlite3.Cursor, helper: Executor) -> FacetIndex:
        """``read``, with the evidence and the actors read through ``other`` on ``helper`` (its one thread,
        or inline when ``other`` is ``cursor``) while this thread reads the events."""
        evidence_text = helper.submit(_evidence_text, other)  # needs no event row: read from the start
        ids, rowids = cursor.execute(
            f"SELECT group_concat(id, '{SEP}'), group_concat(rowid) FROM events").fetchone()
        if ids is None:
            return cls.empty()
        by_rowid = split_ints(rowids)
        event_ids = split_ids(ids)
        if len(event_ids) != len(by_rowid):  # a separator inside an id: read row by row instead
            return cls.build_by_rows(cursor)
        if not is_ascending(event_ids):  # read over the index of ids, they come sorted: no sort then
            order = np.argsort(event_ids, kind="stable")
            event_ids, by_rowid = event_ids[order], by_rowid[order]
        place = np.zeros(int(by_rowid.max()) + 1, dtype=np.int64)  # rowid -> row in the index
        place[by_rowid] = np.arange(len(by_rowid))
        size = len(by_rowid)
        rows_of = IdLookup.of(event_ids).rows
        actors_read = helper.submit(_actor_pairs, other, rows_of)

        def grouped(sql: str) -> list[tuple[tuple[str, ...], Codes]]:
            return [(tuple("" if v is None else str(v) for v in r[:-1]), place[split_ints(r[-1])])
                    for r in cursor.execute(sql)]

        def column(groups: list[tuple[str, Codes]]) -> Column:
            names = tuple(sorted({name for name, _ in groups}))
            number = {n: k for k, n in enumerate(names)}
            codes = np.zeros(size, dtype=np.int64)
            for name, rows in groups:
                codes[rows] = number[name]
            return Column(codes, names, number)

        types = grouped("SELECT type, group_concat(rowid) FROM events INDEXED BY events_type GROUP BY type")
        days = grouped("SELECT start, group_concat(rowid) FROM events INDEXED BY events_start GROUP BY start")
        states = grouped("SELECT status, modality, group_concat(rowid) FROM events GROUP BY status, modality")
        day = column([(k[0], rows) for k, rows in days])
        order = _list_order(day)
        titles = cursor.execute("SELECT id, COALESCE(NULLIF(title, ''), source) FROM documents").fetchall()

        event_text, evidence_ids, doc_text, doc_counts, doc_evidence = evidence_text.result()
        if event_text is None:
            docs = Pairs.coded(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), ())
            evidence, evidence_event = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        else:
            doc_names = doc_text.split(SEP)
            counts, by_event, by_doc = split_ints(doc_counts), split_ints(evidence_ids), split_ints(doc_evidence)
            by_id, doc_by_id = np.argsort(by_event, kind="stable"), np.argsort(by_doc, kind="stable")
            evidence = by_event[by_id]
            if (len(doc_names) != len(counts) or doc_names != sorted(doc_names)
                    or not np.array_equal(evidence, by_doc[doc_by_id])):
                actors_read.result()  # the helper's cursor is done with before this one reads on
                return cls.build_by_rows(cursor)  # a separator inside a document id, or another order
            at, known = rows_of(split_ids(event_text))
            doc_codes = np.repeat(np.arange(len(doc_names), dtype=np.int64), counts)[doc_by_id]
            known = known[by_id]
            evidence, evidence_event = evidence[known], at[by_id][known]
            docs = Pairs.coded(evidence_event, doc_codes[known], tuple(doc_names))
        return cls(
            size,
            column([(k[0], rows) for k, rows in types]),
            column([(k[0][:7], rows) for k, rows in days]),
            column([(k[1], rows) for k, rows in states]),
            column([(k[0], rows) for k, rows in states]),
            actors_read.result(), docs, evidence, evidence_event, _evidence_rows(evidence, evidence_event),
            {str(r[0]): str(r[1]) for r in titles}, event_ids, day, order,
        )

    @classmethod
    def empty(cls) -> FacetIndex:
        none = np.zeros(0, dtype=np.int64)
        column = Column(none, (), {})
        pairs = Pairs(none, column, np.zeros(1, dtype=np.int64))
        return cls(0, column, column, column, column, pairs, pairs, none, none, none, {}, np.zeros(0, dtype="S1"),
                   column, none)

    @classmethod
    def build_by_rows(cls, cursor: sqlite3.Cursor) -> FacetIndex:
        """The index read row by row (slower): for ids that hold the separator. Inside read's transaction."""
        events = cursor.execute(
            "SELECT id, type, COALESCE(substr(start, 1, 7), ''), modality, status, COALESCE(start, '') FROM events"
            " ORDER BY id").fetchall()
        actors = cursor.execute("SELECT event_id, code FROM event_actors").fetchall()
        evidence = cursor.execute("SELECT event_id, doc_id, id FROM evidence ORDER BY id").fetchall()
        titles = cursor.execute("SELECT id, COALESCE(NULLIF(title, ''), source) FROM documents").fetchall()
        row = {r[0]: i for i, r in enumerate(events)}
        actors = [r for r in actors if r[0] in row]  # a row of an event that is gone counts for nothing
        evidence = [r for r in evidence if r[0] in row]

        def rows(found: list[tuple[str, ...]]) -> Codes:
            return np.fromiter((row[r[0]] for r in found), dtype=np.int64, count=len(found))

        def column(i: int) -> Column:
            return Column.of(r[i] for r in events)

        ids_of_evidence = np.fromiter((r[2] for r in evidence), dtype=np.int64, count=len(evidence))
        return cls(
            len(events), column(1), column(2), column(3), column(4),
            Pairs.of(rows(actors), (r[1] for r in actors)),
            Pairs.of(rows(evidence), (r[1] for r in evidence)),
            ids_of_evidence, rows(evidence), _evidence_rows(ids_of_evidence, rows(evidence)),
            {str(r[0]): str(r[1]) for r in titles},
            np.array([str(r[0]).encode("utf-8", "surrogatepass") for r in events], dtype=np.bytes_),
            column(5), _list_order(column(5)),
        )

    def search(self, conn: sqlite3.Connection, q: str) -> Mask:
        """The events whose evidence matches the search. The full-text index's rowid (evidence_search.key,
        schema v3) holds the evidence id in its low 32 bits, so this reads the full-text index alone."""
        with self.lock:
            if q in self.searches:
                self.searches.move_to_end(q)
                return self.searches[q]
        found = self._search(conn, q)
        with self.lock:
            self.searches[q] = found
            while len(self.searches) > SEARCHES:
                self.searches.popitem(last=False)
        return found

    def _search(self, conn: sqlite3.Connection, q: str) -> Mask:
        # The low 32 bits taken in SQL: a string of half the length to build and parse (5 ms for a common word).
        text = conn.execute("SELECT group_concat(rowid & 4294967295) FROM sentences_fts_by_date"
                            " WHERE sentences_fts_by_date MATCH ?", (fts_query(q),)).fetchone()[0]
        wanted = split_ints(text)
        found = np.zeros(self.size, dtype=np.bool_)
        if not len(self.evidence):
            return found
        if len(self.evidence_row):  # one lookup per match
            rows = self.evidence_row[wanted[wanted < len(self.evidence_row)]]
            found[rows[rows >= 0]] = True
            return found
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

    def page(self, chosen: Mask, after: Cursor | None, n: int) -> list[str]:
        """The ids of the first ``n`` chosen events in list order after the cursor: the rows
        queries.list_events reads in SQL, found with two passes over arrays whatever the filters."""
        if after is not None:
            chosen = chosen & self.after(after)
        found = self.order[np.flatnonzero(chosen[self.order])[:n]]
        return [i.decode("utf-8", "surrogatepass") for i in self.ids[found]]

    def after(self, cursor: Cursor) -> Mask:
        """The events that come after the cursor's (start, id) in list order."""
        dated: Mask = self.day.codes != self.day.position.get("", -1)
        below: Mask = np.arange(self.size) < np.searchsorted(self.ids, cursor.id.encode("utf-8", "surrogatepass"))
        if cursor.start is None:
            return ~dated & below
        k = bisect_left(self.day.names, cursor.start)
        later: Mask = ~dated | (dated & (self.day.codes < k))
        if k < len(self.day.names) and self.day.names[k] == cursor.start:
            later |= (self.day.codes == k) & below
        return later

    def facets(self, chosen: Mask, picked: Mask | None = None) -> dict[str, list[FacetValue]]:
        """Each facet's values among the chosen events, most frequent first (months newest first); ``picked``:
        ``actor_pairs(chosen)``, when the caller has it already."""
        rows = np.flatnonzero(chosen)  # once for the four columns (see Column.top)
        return {
            "type": self.type.top(rows, TYPE_LIMIT),
            "actor": self.actors.top(chosen, FACET_LIMIT, picked),
            "month": self.month.top(rows, MONTH_LIMIT, newest=True),
            "modality": self.modality.top(rows, FACET_LIMIT),
            "status": self.status.top(rows, FACET_LIMIT),
            "doc": [replace(d, label=self.titles.get(d.value, d.value)) for d in self.docs.top(chosen, FACET_LIMIT)],
        }

    def actor_pairs(self, chosen: Mask) -> Mask:
        """Which (event, actor) pairs are of chosen events: the actor facet and the vectors both count them,
        and finding them is most of either's time (3 ms at 1,000,000 events)."""
        return chosen[self.actors.event]

    def vectors(self, chosen: Mask, actor: str, vector_of: Callable[[str], str | None],
                picked: Mask | None = None) -> list[FacetValue]:
        """The focus actor's vectors, each with the chosen events that have a partner in it; ``picked``:
        ``actor_pairs(chosen)``, when the caller has it already.

        A vector of one partner among the chosen events counts that partner's chosen pairs (its pairs are
        distinct events); a vector of several marks the events of each partner's chosen pairs, so an event
        with two partners in it counts once. Only the chosen pairs are touched: 8-9 ms for an actor in 40 % of
        1,000,000 events, where a mark per vector and pair of every event took 35 ms."""
        pairs = self.actors
        picked = self.actor_pairs(chosen) if picked is None else picked
        found = pairs.counts(picked)
        members: dict[str, list[int]] = {}  # vector -> its partners (value numbers) among the chosen events
        for k, code in enumerate(pairs.value.names):
            vector = vector_of(code) if code != actor and found[k] else None
            if vector:
                members.setdefault(vector, []).append(k)
        counted: list[tuple[int, str]] = []
        for name in sorted(members):
            codes = members[name]
            if len(codes) == 1:
                counted.append((int(found[codes[0]]), name))
                continue
            marks = np.zeros(self.size, dtype=np.bool_)
            for k in codes:
                start, end = pairs.starts[k], pairs.starts[k + 1]
                marks[pairs.event[start:end][picked[start:end]]] = True
            counted.append((int(np.count_nonzero(marks)), name))
        ranked = sorted(counted, key=lambda nv: -nv[0])
        return [FacetValue(name, name, n) for n, name in ranked]


class Executor(Protocol):
    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]: ...


class _Inline:
    """Runs what it is given at once, in this thread: ``read`` on one connection."""

    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]:
        done: Future[T] = Future()
        try:
            done.set_result(fn(*args))
        except BaseException as exc:  # handed over as a pool's future would, raised by result()
            done.set_exception(exc)
        return done


def _twin(cursor: sqlite3.Cursor) -> sqlite3.Connection | None:
    """A second connection to the database file of ``cursor``, in a read transaction on the same snapshot
    as the caller's (the two read the same write generation, which every write to the index's tables
    changes); None for a database without a file, one without a generation, or a write between the two."""
    files = [str(r[2]) for r in cursor.execute("PRAGMA database_list").fetchall() if r[1] == "main"]
    if not files or not files[0]:
        return None
    twin: sqlite3.Connection | None = None
    try:
        mine = generation(cursor.connection)  # the caller's snapshot, begun here if not before
        twin = sqlite3.connect(files[0], check_same_thread=False)  # then used by the helper thread alone
        twin.execute("BEGIN")
        if generation(twin) == mine:
            return twin
    except sqlite3.Error:
        pass
    if twin is not None:
        twin.close()
    return None


def _evidence_text(cursor: sqlite3.Cursor) -> tuple[Any, ...]:
    """The evidence, read twice, each from an index that holds what is read (no row of evidence, with its
    quote, is read): by event, so the events are looked up in id order, and by document, so the documents
    come numbered, with their number of rows; the two are matched by evidence id."""
    event_text, evidence_ids = cursor.execute(
        f"SELECT group_concat(event_id, '{SEP}'), group_concat(id) FROM evidence INDEXED BY evidence_event_doc"
    ).fetchone()
    doc_text, doc_counts, doc_evidence = cursor.execute(
        f"SELECT group_concat(doc_id, '{SEP}'), group_concat(n), group_concat(ids) FROM (SELECT doc_id,"
        " COUNT(*) AS n, group_concat(id) AS ids FROM evidence INDEXED BY evidence_doc_sentence GROUP BY doc_id)"
    ).fetchone()
    return event_text, evidence_ids, doc_text, doc_counts, doc_evidence


def _actor_pairs(cursor: sqlite3.Cursor, rows_of: Callable[[NDArray[np.bytes_]], tuple[Codes, Mask]]) -> Pairs:
    """The (event, actor) pairs, read one string of event ids per actor code."""
    codes: list[str] = []
    pair_rows: list[Codes] = []
    pair_codes: list[Codes] = []
    for code, text in cursor.execute(f"SELECT code, group_concat(event_id, '{SEP}') FROM event_actors"
                                     " INDEXED BY event_actors_code_event GROUP BY code"):
        at, known = rows_of(split_ids(text))
        pair_rows.append(at[known])
        pair_codes.append(np.full(int(known.sum()), len(codes), dtype=np.int64))
        codes.append(str(code))
    return Pairs.coded(np.concatenate(pair_rows) if pair_rows else np.zeros(0, dtype=np.int64),
                       np.concatenate(pair_codes) if pair_codes else np.zeros(0, dtype=np.int64),
                       tuple(codes))  # GROUP BY gives the codes sorted


def _evidence_rows(evidence: Codes, rows: Codes) -> Codes:
    """A table from evidence id to event row, when the ids are dense enough for one (they are a rowid)."""
    top = int(evidence.max(initial=-1))
    if top < 0 or top > 4 * len(evidence) + 1024:
        return np.zeros(0, dtype=np.int64)
    table = np.full(top + 1, -1, dtype=np.int64)
    table[evidence] = rows
    return table


def _list_order(day: Column) -> Codes:
    """Rows (ids ascending) in list order: dated ones by start, newest first, then by id, last first;
    then undated ones by id, last first (queries.list_events)."""
    undated = day.codes == day.position.get("", -1)
    rows = np.arange(len(day.codes))
    return np.lexsort((-rows, -day.codes, undated))
