"""The read queries behind the browse pages: filters and keyset pages (facet counts: facets.py).

Store.events() builds whole Event objects and pages with OFFSET, which is right for exports but not
for a list that must answer in milliseconds on 100k events. Here a page is one indexed range scan
over events(start, id) ("newest first"), continued from the last row seen (keyset), and each filter
is an `e.id IN (subquery)` that SQLite evaluates once rather than once per row. A search walks the
date-ordered full-text index sentences_fts_by_date instead (schema v3), so it too stops after a page.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from urllib.parse import urlencode

from diplomap.model import Modality
from diplomap.store.db import fts_query

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
STATUSES = ("auto", "confirmed", "edited", "rejected")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
_TYPE = re.compile(r"^[A-Za-z_]{2,30}$")
EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.modality, e.status, e.start, e.\"end\", e.precision, e.location,"
    " e.summary, e.trigger, e.source_count, e.headline"
)


class BadRequest(ValueError):
    """A query parameter that cannot be used; the message names it and the form it should take."""


@dataclass(frozen=True)
class Filters:
    """Every filter of the event list; each is a GET parameter, so any view is a shareable URL."""

    q: str = ""
    type: str = ""
    actor: str = ""
    vector: str = ""
    month: str = ""
    modality: str = ""
    doc: str = ""
    status: str = ""

    @classmethod
    def parse(cls, **given: str | None) -> Filters:
        values = {k: (v or "").strip() for k, v in given.items()}
        f = cls(**values)
        if f.type and not _TYPE.match(f.type):
            raise BadRequest(f"type={f.type!r}: give a PLOVER event type such as CONSULT")
        if f.actor and not _CODE.match(f.actor):
            raise BadRequest(f"actor={f.actor!r}: give an actor code such as AZE")
        if f.month and not _MONTH.match(f.month):
            raise BadRequest(f"month={f.month!r}: write the month as YYYY-MM")
        if f.modality and f.modality not in {m.value for m in Modality}:
            raise BadRequest(f"modality={f.modality!r}: use one of {', '.join(m.value for m in Modality)}")
        if f.status and f.status not in STATUSES:
            raise BadRequest(f"status={f.status!r}: use one of {', '.join(STATUSES)}")
        if f.vector and not f.actor:
            raise BadRequest("vector needs actor: a vector is a group of one actor's partners")
        if len(f.q) > 500:
            raise BadRequest("q is too long: search for at most 500 characters")
        return cls(**{**values, "type": f.type.upper(), "actor": f.actor.upper()})

    def params(self, **override: str) -> dict[str, str]:
        # Not dataclasses.asdict, which deep-copies: a list page builds a link like this per facet value.
        merged = {name: getattr(self, name) for name in _FILTER_NAMES}
        merged.update(override)
        return {k: v for k, v in merged.items() if v}

    def url(self, path: str = "/events", **override: str) -> str:
        query = urlencode(self.params(**override))
        return f"{path}?{query}" if query else path

    @property
    def active(self) -> list[tuple[str, str]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]


_FILTER_NAMES = tuple(f.name for f in fields(Filters))


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the row (start, id); start None for the undated tail."""

    start: str | None
    id: str

    def encode(self) -> str:
        return f"{self.start or ''}~{self.id}"

    @classmethod
    def decode(cls, text: str) -> Cursor:
        start, sep, eid = text.partition("~")
        if not sep or not eid:
            raise BadRequest("after: use the link of the 'next page' button")
        if start:
            try:
                date.fromisoformat(start)
            except ValueError:
                raise BadRequest("after: use the link of the 'next page' button") from None
        return cls(start or None, eid)


@dataclass(frozen=True)
class EventRow:
    id: str
    type: str
    mode: str
    modality: str
    status: str
    start: str | None
    end: str | None
    precision: str | None
    location: str | None
    summary: str
    trigger: str
    source_count: int
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    quote: str = ""
    headline: str = ""  # one line saying what happened (extract/headline.py); the quote is the evidence

    @property
    def when(self) -> str:
        if not self.start:
            return "undated"
        return self.start if self.start == self.end or not self.end else f"{self.start} – {self.end}"


@dataclass(frozen=True)
class Page:
    rows: list[EventRow]
    next: Cursor | None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


def where(f: Filters, vector_codes: Sequence[str] = (), scan: bool = False) -> tuple[list[str], list[object]]:
    """SQL conditions on ``events e``. ``scan``: the caller walks events in list order and stops at a
    page, so an actor's events are probed as it goes rather than driving the query, and the search
    (``q``) is left out: the caller walks sentences_fts_by_date itself (see _search)."""
    clauses: list[str] = []
    args: list[object] = []
    if f.status:
        clauses.append("e.status = ?")
        args.append(f.status)
    else:
        clauses.append("e.status != 'rejected'")
    if f.modality:
        clauses.append("e.modality = ?")
        args.append(f.modality)
    if f.type:
        clauses.append("e.type = ?")
        args.append(f.type)
    if f.actor and scan:
        # The unary + keeps SQLite from driving the query from this list: it walks the date index
        # and probes the actor's event ids, gathered once from the (code, event_id) index.
        clauses.append("+e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        args.append(f.actor)
    elif f.actor:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        args.append(f.actor)
    if f.vector:
        marks = ",".join("?" * len(vector_codes)) or "NULL"
        clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE code IN ({marks}))")
        args += list(vector_codes)
    if f.month:
        first, after = month_bounds(f.month)
        clauses.append("e.start >= ? AND e.start < ?")
        args += [first, after]
    if f.doc:
        clauses.append("e.id IN (SELECT event_id FROM evidence WHERE doc_id = ?)")
        args.append(f.doc)
    if f.q and not scan:
        clauses.append(
            "e.id IN (SELECT m.event_id FROM sentences_fts_by_date f JOIN evidence_search m ON m.key = f.rowid"
            " WHERE sentences_fts_by_date MATCH ?)"
        )
        args.append(fts_query(f.q))
    return clauses, args


def list_events(
    conn: sqlite3.Connection, f: Filters, after: Cursor | None = None, limit: int = PAGE_SIZE,
    vector_codes: Sequence[str] = (),
) -> Page:
    """One page, newest first; undated events come after all dated ones."""
    search = fts_query(f.q) if f.q else None
    scan = search is not None or (bool(f.actor) and _frequent(conn, f.actor))
    clauses, args = where(f, vector_codes, scan=scan)
    rows: list[sqlite3.Row] = []
    if after is None or after.start is not None:
        dated = [*clauses, "e.start IS NOT NULL"]
        dargs = list(args)
        if after is not None:
            dated.append("(e.start, e.id) < (?, ?)")
            dargs += [after.start, after.id]
        if search is None:
            rows = _select(conn, dated, dargs, "e.start DESC, e.id DESC", limit + 1)
        else:
            # Up to the end of the cursor's day (the condition above then cuts within that day).
            high: tuple[str, list[object]] = (
                ("((CAST(julianday(?) AS INTEGER) + 1) << 32)", [after.start]) if after else ("?", [_NO_KEY])
            )
            rows = _search(conn, search, dated, dargs, ("?", [1 << 32]), high, limit + 1)
    if len(rows) <= limit:
        undated = [*clauses, "e.start IS NULL"]
        uargs = list(args)
        if after is not None and after.start is None:
            undated.append("e.id < ?")
            uargs.append(after.id)
        if search is None:
            rows += _select(conn, undated, uargs, "e.id DESC", limit + 1 - len(rows))
        else:
            rows += _search(conn, search, undated, uargs, ("?", [0]), ("?", [1 << 32]), limit + 1 - len(rows))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = Cursor(rows[-1]["start"], rows[-1]["id"]) if more and rows else None
    return Page(hydrate(conn, rows), nxt)


def page_of(conn: sqlite3.Connection, ids: Sequence[str], limit: int) -> Page:
    """The page of the events ``ids`` (up to ``limit`` + 1, in list order, as the facet index finds them)."""
    marks = ",".join("?" * len(ids))
    found = {r["id"]: r for r in conn.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({marks})",
                                              list(ids))}
    rows = [found[i] for i in ids if i in found]
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = Cursor(rows[-1]["start"], rows[-1]["id"]) if more and rows else None
    return Page(hydrate(conn, rows), nxt)


def _frequent(conn: sqlite3.Connection, code: str) -> bool:
    """In at least 1 in 50 events: a walk down the date index meets a page of them within ~2,500 rows.

    Both counts are cheap: one reads a covering index range, the other the largest rowid.
    """
    n = int(conn.execute("SELECT COUNT(*) FROM event_actors WHERE code = ?", (code,)).fetchone()[0])
    total = int(conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0)
    return n * 50 >= total


_NO_KEY = 1 << 62  # above every evidence_search key (day numbers stay below 2**23)


def _search(
    conn: sqlite3.Connection, match: str, clauses: list[str], args: list[object],
    low: tuple[str, list[object]], high: tuple[str, list[object]], n: int,
) -> list[sqlite3.Row]:
    """The first ``n`` matching events in list order, by walking the search index newest first.

    The index's rowid (evidence_search.key) is the day of the event's start, then the evidence id, so
    FTS5 hands over matches day by day, newest first, and the walk stops once it holds ``n`` events
    and has finished their last day: no row of that day or later is missed, and sorting what it holds
    by (start, id) gives the exact page. ``low``/``high`` bound the keys (SQL and arguments): the
    dated range, or the undated one (day 0), which is read whole to be sorted by id.
    """
    if n <= 0:
        return []
    sql = (
        f"SELECT f.rowid >> 32 AS day, {EVENT_COLUMNS} FROM sentences_fts_by_date f"
        " JOIN evidence_search m ON m.key = f.rowid JOIN events e ON e.id = m.event_id"
        f" WHERE sentences_fts_by_date MATCH ? AND f.rowid >= {low[0]} AND f.rowid < {high[0]}"
        f" AND {' AND '.join(clauses)} ORDER BY f.rowid DESC"
    )
    found: dict[str, sqlite3.Row] = {}
    last_day: int | None = None
    cursor = conn.execute(sql, [match, *low[1], *high[1], *args])
    try:
        for row in cursor:
            if last_day is not None and row["day"] < last_day:
                break
            found.setdefault(row["id"], row)
            if last_day is None and len(found) >= n:
                last_day = row["day"]
    finally:
        cursor.close()
    ordered = sorted(found.values(), key=lambda r: (r["start"] or "", r["id"]), reverse=True)
    return ordered[:n]


def _select(conn: sqlite3.Connection, clauses: list[str], args: list[object], order: str, n: int) -> list[sqlite3.Row]:
    sql = f"SELECT {EVENT_COLUMNS} FROM events e WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?"
    return list(conn.execute(sql, [*args, n]).fetchall())


def hydrate(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[EventRow]:
    """Rows with their actors and first quote, in two queries for the whole page."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    actors: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": [], "participant": []} for i in ids}
    for eid, code, role in conn.execute(
        f"SELECT event_id, code, role FROM event_actors WHERE event_id IN ({marks}) ORDER BY position", ids
    ):
        actors[eid][role].append(code)
    quotes: dict[str, str] = {}
    for eid, quote in conn.execute(
        f"SELECT event_id, quote FROM evidence WHERE event_id IN ({marks}) ORDER BY id", ids
    ):
        quotes.setdefault(eid, quote)
    return [
        EventRow(
            r["id"], r["type"], r["mode"], r["modality"], r["status"], r["start"], r["end"], r["precision"],
            r["location"], r["summary"], r["trigger"], int(r["source_count"]),
            tuple(actors[r["id"]]["source"]), tuple(actors[r["id"]]["target"]),
            tuple(actors[r["id"]]["participant"]), quotes.get(r["id"], ""), r["headline"] or "",
        )
        for r in rows
    ]


def event_row(conn: sqlite3.Connection, eid: str) -> EventRow | None:
    rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", (eid,)).fetchall()
    hydrated = hydrate(conn, rows)
    return hydrated[0] if hydrated else None


def month_bounds(month: str) -> tuple[str, str]:
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + 1:04d}-01-01" if mon == 12 else f"{year:04d}-{mon + 1:02d}-01"
    return f"{year:04d}-{mon:02d}-01", nxt
