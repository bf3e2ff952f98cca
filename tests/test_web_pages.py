"""A list page read from the facet index is the page read in SQL, cursor by cursor (#10).

Once the facet index is read, the list takes its pages from it (FacetIndex.page) rather than from SQL
(queries.list_events); both must give the same events in the same order, and the same next cursors.
"""

from __future__ import annotations

import random
from pathlib import Path

from diplomap.store.corrections import record_correction
from diplomap.store.db import Store
from diplomap.web.facets import FacetIndex
from diplomap.web.queries import Cursor, Filters, list_events, page_of
from tests.test_web_facets import _doc


def pages_in_sql(store: Store, f: Filters, limit: int) -> list[tuple[list[str], Cursor | None]]:
    out, after = [], None
    while True:
        page = list_events(store.conn, f, after, limit)
        out.append(([r.id for r in page.rows], page.next))
        if page.next is None:
            return out
        after = page.next


def pages_from_index(store: Store, index: FacetIndex, f: Filters, limit: int) -> list[tuple[list[str], Cursor | None]]:
    chosen = index.select(f, (), index.search(store.conn, f.q) if f.q else None)
    out, after = [], None
    while True:
        page = page_of(store.conn, index.page(chosen, after, limit + 1), limit)
        out.append(([r.id for r in page.rows], page.next))
        if page.next is None:
            return out
        after = page.next


def test_index_pages_are_the_sql_pages(tmp_path: Path) -> None:
    rng = random.Random(7)
    with Store(tmp_path / "p.db") as store:
        docs = [_doc(n, rng) for n in range(20)]
        for doc, sentences, events in docs:
            store.add_document(doc, sentences, [], events)
        ids = [str(r[0]) for r in store.conn.execute("SELECT id FROM events ORDER BY id")]
        for eid in ids[:30:5]:
            record_correction(store, eid, "status", "rejected", "tester")
        for eid in ids[1:30:5]:
            record_correction(store, eid, "date", "2024-02-20", "tester")
        index = FacetIndex.build(store.conn)
        views = [Filters(), Filters(actor="AAX"), Filters(type="AGREE"), Filters(month="2024-02"),
                 Filters(q="rail"), Filters(q="gas border", actor="CCX"), Filters(status="rejected"),
                 Filters(modality="planned"), Filters(doc=docs[3][0].id), Filters(actor="BBX", type="AID"),
                 Filters(actor="EEX", month="2024-03"), Filters(q="nowhere")]
        for f in views:
            for limit in (1, 7, 50):
                assert pages_from_index(store, index, f, limit) == pages_in_sql(store, f, limit), (f, limit)


def test_a_cursor_of_an_event_that_is_gone_still_pages_on(tmp_path: Path) -> None:
    rng = random.Random(8)
    with Store(tmp_path / "g.db") as store:
        doc, sentences, events = _doc(1, rng)
        store.add_document(doc, sentences, [], events)
        index = FacetIndex.build(store.conn)
        chosen = index.select(Filters())
        for cursor in (Cursor("2024-02-10", "ev_gone"), Cursor(None, "ev_gone"), Cursor("1999-01-01", "x")):
            sql = list_events(store.conn, Filters(), cursor, 100)
            assert [r.id for r in sql.rows] == index.page(chosen, cursor, 100)
