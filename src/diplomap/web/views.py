"""The data behind each page, shared by the HTML pages and the JSON API so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass, replace

from diplomap.model import Document, Event, Evidence
from diplomap.store.corrections import Correction, history
from diplomap.web.facet_cache import open_index
from diplomap.web.facets import FacetIndex
from diplomap.web.highlight import Excerpt, Segment, Span, excerpt, segments, valid
from diplomap.web.queries import (
    BadRequest,
    Cursor,
    EventRow,
    FacetValue,
    Filters,
    Page,
    event_row,
    list_events,
    page_of,
    where,
)
from diplomap.web.state import WebState

# How long a page waits for the facet index before it shows without counts (the index goes on being read).
FACET_WAIT = 0.04
# Below this many events (by rowid, which costs nothing to read) the index is read in the request,
# about 30 ms at 5,000 events (0.2 s at 20,000), and the page is then complete on first view.
SMALL = 5_000
INDEX_KEY = ("facet-index",)


@dataclass(frozen=True)
class ListView:
    filters: Filters
    page: Page
    total: int | None  # None while it is being counted
    facets: dict[str, list[FacetValue]]
    limit: int
    after: str

    @property
    def pending(self) -> bool:
        return self.total is None


@dataclass(frozen=True)
class Summary:
    total: int
    facets: dict[str, list[FacetValue]]


def list_view(state: WebState, f: Filters, after: str = "", limit: int = 50, with_facets: bool = True,
              wait: float | None = FACET_WAIT) -> ListView:
    """One page of events with the total and facet counts of the whole selection.

    Once the facet index (see facets.py) is read, it gives all three: the filters' selection is a mask
    over its rows, the total that mask's sum, the page its first rows in list order (a few milliseconds,
    whatever the filters, #10). It is read once per write to the database. Until then the page is read
    in SQL (queries.list_events): with ``wait`` set the page waits that long for the index and otherwise
    shows without counts while it is read in the background. ``wait=None`` (the API) always gives the
    total: counted in SQL while the index is read, so a first request after the app starts does not wait
    seconds for it; facets wait for the index.
    """
    cursor = Cursor.decode(after) if after else None
    codes = vector_codes(state, f) if f.vector else ()
    conn = state.store().conn
    found: object | None
    if wait is None and not with_facets:
        found = state.cache.peek(INDEX_KEY)
        if found is None:
            facet_index(state, wait=0)  # start reading it, unless it is being read
    else:
        found = facet_index(state, wait)
    if not isinstance(found, FacetIndex):
        page = list_events(conn, f, cursor, limit, codes)
        return ListView(f, page, sql_total(state, f) if wait is None else None, {}, limit, after)
    chosen = found.select(f, codes, found.search(conn, f.q) if f.q else None)
    page = page_of(conn, found.page(chosen, cursor, limit + 1), limit)
    facets = summary(state, f).facets if with_facets else {}
    return ListView(f, page, int(chosen.sum()), facets, limit, after)


def sql_total(state: WebState, f: Filters) -> int:
    """The number of events the filters choose, counted in SQL (while the facet index is not read)."""

    def count() -> int:
        codes = vector_codes(state, f) if f.vector else ()
        clauses, args = where(f, codes)
        sql = f"SELECT COUNT(*) FROM events e WHERE {' AND '.join(clauses)}"
        return int(state.store().conn.execute(sql, args).fetchone()[0])

    return state.cache.get(("sql-total", f), count)


def facet_index(state: WebState, wait: float | None) -> FacetIndex | None:
    """The index of the database as it is now; None while it is read, if that takes over ``wait`` seconds."""
    if wait is None or _small(state):
        return state.cache.get(INDEX_KEY, lambda: _read_index(state))
    return state.cache.get_soon(INDEX_KEY, lambda: _read_index(state), wait)


def _read_index(state: WebState) -> FacetIndex:
    # May run on the cache's worker thread: use that thread's own connection.
    return open_index(state.store().conn, state.db_path, state.later)


def summary(state: WebState, f: Filters) -> Summary:
    """The total and facet counts of the filters' selection, cached until the database changes.

    What is cached is never older than the database version it is cached under: the index and the
    vector codes it is counted from are fetched inside, after the cache has read that version.
    """

    def count() -> Summary:
        index = state.cache.get(INDEX_KEY, lambda: _read_index(state))
        codes = vector_codes(state, f) if f.vector else ()
        matches = index.search(state.store().conn, f.q) if f.q else None
        chosen = index.select(f, codes, matches)
        picked = index.actor_pairs(chosen)  # counted by the actor facet and, with an actor, by the vectors
        found = index.facets(chosen, picked)
        if f.actor:
            vmap = state.vectors(f.actor)
            # Every vector of the focus actor, whichever one is chosen: counted under the other filters.
            others = index.select(replace(f, vector=""), (), matches) if f.vector else chosen
            found["vector"] = (index.vectors(others, f.actor, vmap.vector_of, None if f.vector else picked)
                               if vmap is not None else [])
        return Summary(int(chosen.sum()), found)

    return state.cache.get(("summary", f), count)


def _small(state: WebState) -> bool:
    row = state.store().conn.execute("SELECT MAX(rowid) FROM events").fetchone()
    return int(row[0] or 0) < SMALL


def warm_up(state: WebState) -> None:
    """Start reading the facet index now, so the first visitor finds the counts ready."""
    facet_index(state, wait=0)


def vector_codes(state: WebState, f: Filters) -> tuple[str, ...]:
    """The partner codes in the database that fall in the chosen vector of the chosen actor."""
    vmap = state.vectors(f.actor)
    if vmap is None:
        raise BadRequest("vector: the knowledge files (states, vectors) are not available, so vectors are not either")
    conn = state.store().conn
    codes: list[str] = state.cache.get(
        ("codes",), lambda: [str(r[0]) for r in conn.execute("SELECT DISTINCT code FROM event_actors")]
    )
    return tuple(c for c in codes if vmap.vector_of(c) == f.vector)


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    doc_title: str
    excerpt: Excerpt


@dataclass(frozen=True)
class EventView:
    event: Event
    row: EventRow
    evidence: list[EvidenceView]
    history: list[Correction]


def event_view(state: WebState, eid: str) -> EventView | None:
    store = state.store()
    event = store.event(eid)
    row = event_row(store.conn, eid)
    if event is None or row is None:
        return None
    docs: dict[str, Document | None] = {}
    shown = []
    for ev in event.evidence:
        if ev.doc_id not in docs:
            docs[ev.doc_id] = store.document(ev.doc_id)
        doc = docs[ev.doc_id]
        if doc is None:
            shown.append(EvidenceView(ev, "(document missing)", Excerpt([Segment(ev.quote)], False, False, False)))
        else:
            shown.append(EvidenceView(ev, doc.title or doc.source, excerpt(doc.text, ev.start, ev.end, ev.quote)))
    return EventView(event, row, shown, history(store, eid))


@dataclass(frozen=True)
class DocumentView:
    doc: Document
    segments: list[Segment]
    events: int
    bad_offsets: int


def document_view(state: WebState, doc_id: str) -> DocumentView | None:
    store = state.store()
    doc = store.document(doc_id)
    if doc is None:
        return None
    rows = store.conn.execute(
        "SELECT v.event_id, v.start, v.\"end\" FROM evidence v JOIN events e ON e.id = v.event_id"
        " WHERE v.doc_id = ? ORDER BY v.start",
        (doc_id,),
    ).fetchall()
    spans = [Span(int(r[1]), int(r[2]), str(r[0])) for r in rows]
    good = [s for s in spans if valid(doc.text, s.start, s.end)]
    return DocumentView(doc, segments(doc.text, good), len({s.ref for s in spans}), len(spans) - len(good))
