"""The web list's search (schema v3): the date-ordered index gives the same pages as a plain search would.

The oracle below is the old shape of the query (sentences_fts joined out to evidence, then sorted);
the pages from sentences_fts_by_date must match it through date corrections and re-extraction.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Precision, Sentence
from diplomap.store.corrections import record_correction
from diplomap.store.db import Store, fts_query
from diplomap.web.queries import Cursor, Filters, list_events, where

WORDS = ("rail", "gas", "border", "trade")
CODES = ("AAX", "BBX", "CCX", "DDX")


def _doc(n: int, rng: random.Random) -> tuple[Document, list[Sentence], list[Event]]:
    lines = [f"Report {n}.{i}: talks on {rng.choice(WORDS)} and {rng.choice(WORDS)} went on." for i in range(12)]
    text = " ".join(lines)
    doc = Document(id=hashlib.sha256(f"search-{n}".encode()).hexdigest(), text=text, source=f"s/{n}.txt",
                   title=f"Report {n}", raw=text)
    sentences, events, pos = [], [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(doc.id, i, pos, pos + len(line), line))
        a, b = rng.sample(CODES, 2)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(6))  # few days: many ties within a day
        at = pos + line.index("talks")
        events.append(Event(
            type=rng.choice(("CONSULT", "AGREE")), source=(a,), target=(b,), trigger=f"talks{i}",
            date=None if i % 5 == 4 else DateSpan(day, day, Precision.DAY, day.isoformat()),
            modality=Modality.HAPPENED,
            evidence=(Evidence(doc.id, i, at, at + 5, "talks"),),
        ))
        pos += len(line) + 1
    return doc, sentences, events


@pytest.fixture
def store(tmp_path: Path) -> Store:
    rng = random.Random(7)
    st = Store(tmp_path / "search.db")
    for n in range(8):
        doc, sentences, events = _doc(n, rng)
        st.add_document(doc, sentences, [], events)
    return st


def oracle(conn: object, f: Filters) -> list[str]:
    clauses, args = where(Filters(**{**f.__dict__, "q": ""}))
    clauses.append("e.id IN (SELECT v.event_id FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
                   " JOIN evidence v ON v.doc_id = s.doc_id AND v.sentence = s.idx WHERE sentences_fts MATCH ?)")
    args.append(fts_query(f.q))
    sql = (f"SELECT e.id FROM events e WHERE {' AND '.join(clauses)}"
           " ORDER BY e.start IS NULL, e.start DESC, e.id DESC")
    return [r[0] for r in conn.execute(sql, args)]  # type: ignore[attr-defined]


def paged(store: Store, f: Filters, limit: int) -> list[str]:
    out: list[str] = []
    after: Cursor | None = None
    for _ in range(1000):
        page = list_events(store.conn, f, after, limit)
        out += [r.id for r in page.rows]
        if page.next is None:
            return out
        after = page.next
    raise AssertionError("paging did not end")


def check(store: Store) -> None:
    for f in (Filters(q="rail"), Filters(q="gas border"), Filters(q="rail", type="CONSULT"),
              Filters(q="trade", actor="AAX"), Filters(q="nothing"), Filters(q="Report 3")):
        expected = oracle(store.conn, f)
        for limit in (1, 3, 7, 50):
            assert paged(store, f, limit) == expected, (f, limit)
    store.conn.execute("INSERT INTO sentences_fts_by_date(sentences_fts_by_date) VALUES ('integrity-check')")
    indexed = store.conn.execute("SELECT COUNT(*) FROM evidence_search").fetchone()[0]
    joined = store.conn.execute("SELECT COUNT(*) FROM evidence v JOIN sentences s"
                                " ON s.doc_id = v.doc_id AND s.idx = v.sentence").fetchone()[0]
    assert indexed == joined


def test_search_pages_match_a_plain_search(store: Store) -> None:
    assert oracle(store.conn, Filters(q="rail"))  # the data has matches, dated and undated
    check(store)


def test_date_corrections_and_reextraction_keep_the_index_in_order(store: Store) -> None:
    eids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY id LIMIT 6")]
    record_correction(store, eids[0], "date", "2030-05-01", "ana")
    record_correction(store, eids[1], "date", "", "ana")  # now undated
    record_correction(store, eids[2], "status", "rejected", "ana")
    check(store)
    rng = random.Random(99)
    doc, sentences, events = _doc(3, rng)
    stored = store.document(doc.id)
    assert stored is not None
    store.replace_extraction(stored, sentences, [], events)
    check(store)
    with store.conn:
        store.conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
    check(store)
