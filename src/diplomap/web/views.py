"""The data behind each page, shared by the HTML pages and the JSON API so the two never disagree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from diplomap.model import Document, Event, Evidence
from diplomap.store.corrections import Correction, history
from diplomap.web.highlight import Excerpt, Segment, Span, excerpt, segments, valid
from diplomap.web.queries import (
    BadRequest,
    Cursor,
    EventRow,
    FacetValue,
    Filters,
    Page,
    count_events,
    event_row,
    list_events,
    partner_pairs,
    summary_counts,
)
from diplomap.web.state import WebState

# How long a page waits for its totals before it shows without them (they go on computing).
FACET_WAIT = 0.04
# Below this many events (by rowid, which costs nothing to read) totals are counted in the request:
# they take a few milliseconds, and the page is then complete on first view.
SMALL = 20_000


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

    The page itself is one short index scan. The total and the facets need a pass over everything
    selected (a second or more at 100k events), so with ``wait`` set the page waits that long for
    them and otherwise shows without; they go on in the background and are cached for the next
    view. ``wait=None`` waits as long as it takes (the API).
    """
    cursor = Cursor.decode(after) if after else None
    codes = vector_codes(state, f) if f.vector else ()
    page = list_events(state.store().conn, f, cursor, limit, codes)

    def summarise() -> Summary:
        # May run on the cache's worker thread: use that thread's own connection.
        conn = state.store().conn
        if not with_facets:
            return Summary(count_events(conn, f, codes), {})
        total, found = summary_counts(conn, f, codes)
        if f.actor:
            found["vector"] = vector_facet(state, f)
        return Summary(total, found)

    key = ("summary", f, with_facets)
    if wait is None or _small(state):
        summary: Summary | None = state.cache.get(key, summarise)
    else:
        summary = state.cache.get_soon(key, summarise, wait)
    if summary is None:
        return ListView(f, page, None, {}, limit, after)
    return ListView(f, page, summary.total, summary.facets, limit, after)


def _small(state: WebState) -> bool:
    row = state.store().conn.execute("SELECT MAX(rowid) FROM events").fetchone()
    return int(row[0] or 0) < SMALL


def warm_up(state: WebState) -> None:
    """Start counting the front page's facets now, so the first visitor finds them ready."""
    f = Filters()
    state.cache.get_soon(("summary", f, True), lambda: Summary(*summary_counts(state.store().conn, f)), wait=0)


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


def vector_facet(state: WebState, f: Filters) -> list[FacetValue]:
    vmap = state.vectors(f.actor)
    if vmap is None:
        return []
    events: dict[str, set[str]] = defaultdict(set)
    for eid, code in partner_pairs(state.store().conn, f):
        name = vmap.vector_of(code)
        if name is not None:
            events[name].add(eid)
    return [FacetValue(name, name, len(ids)) for name, ids in sorted(events.items(), key=lambda kv: -len(kv[1]))]


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
