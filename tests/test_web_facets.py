"""The list's totals and facet counts (web/facets.py): they match a plain SQL count, and every write shows.

The oracle is a count in SQL over the same conditions the list pages use (queries.where); the index
must give the same totals and the same ranked facet values through corrections and re-extraction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Precision, Sentence
from diplomap.store.corrections import record_correction
from diplomap.store.db import Store, generation
from diplomap.web import facet_columns, facets
from diplomap.web.app import create_app
from diplomap.web.facets import FACET_LIMIT, MONTH_LIMIT, TYPE_LIMIT, FacetIndex
from diplomap.web.queries import FacetValue, Filters, where
from tests import webdata

WORDS = ("rail", "gas", "border", "trade")
CODES = ("AAX", "BBX", "CCX", "DDX", "EEX")
TOKEN = "facet-token"


def _doc(n: int, rng: random.Random) -> tuple[Document, list[Sentence], list[Event]]:
    lines = [f"Report {n}.{i}: talks on {rng.choice(WORDS)} and {rng.choice(WORDS)} went on." for i in range(10)]
    text = " ".join(lines)
    doc = Document(id=hashlib.sha256(f"facets-{n}".encode()).hexdigest(), text=text, source=f"f/{n}.txt",
                   title=f"Report {n}" if n % 3 else "", raw=text)
    sentences, events, pos = [], [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(doc.id, i, pos, pos + len(line), line))
        a, b, c = rng.sample(CODES, 3)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(90))
        at = pos + line.index("talks")
        events.append(Event(
            type=rng.choice(("CONSULT", "AGREE", "AID")), source=(a,), target=(b,),
            participants=(c,) if i % 4 == 0 else (), trigger=f"talks{i}",
            date=None if i % 6 == 5 else DateSpan(day, day, Precision.DAY, day.isoformat()),
            modality=Modality.PLANNED if i % 7 == 3 else Modality.HAPPENED,
            evidence=(Evidence(doc.id, i, at, at + 5, "talks"),),
        ))
        pos += len(line) + 1
    return doc, sentences, events


def _fill(store: Store, n: int, seed: int, retitle: Callable[[int, Document], Document] | None = None) -> None:
    """``n`` generated documents with their sentences and events, drawn from ``seed``; ``retitle`` may change a
    document before it is stored."""
    rng = random.Random(seed)
    for k in range(n):
        doc, sentences, events = _doc(k, rng)
        store.add_document(retitle(k, doc) if retitle else doc, sentences, [], events)


def oracle(conn: sqlite3.Connection, f: Filters) -> tuple[int, dict[str, list[FacetValue]]]:
    """The total and the facets, counted in SQL as the list filters its events."""
    clauses, args = where(f)
    chosen = f"SELECT e.id FROM events e WHERE {' AND '.join(clauses)}"
    total = int(conn.execute(f"SELECT COUNT(*) FROM ({chosen})", args).fetchone()[0])

    def count(sql: str) -> list[tuple[str, int]]:
        return [(str(v), int(n)) for v, n in conn.execute(sql, args) if v]

    def ranked(found: list[tuple[str, int]], limit: int) -> list[FacetValue]:
        return [FacetValue(v, v, n) for v, n in sorted(found, key=lambda vn: (-vn[1], vn[0]))[:limit]]

    column = "SELECT {0}, COUNT(*) FROM events WHERE id IN ({1}) GROUP BY 1"
    pairs = "SELECT {0}, COUNT(DISTINCT event_id) FROM {1} WHERE event_id IN ({2}) GROUP BY 1"
    titles = dict(conn.execute("SELECT id, COALESCE(NULLIF(title, ''), source) FROM documents").fetchall())
    months = sorted(count(column.format("substr(start, 1, 7)", chosen)), reverse=True)[:MONTH_LIMIT]
    return total, {
        "type": ranked(count(column.format("type", chosen)), TYPE_LIMIT),
        "actor": ranked(count(pairs.format("code", "event_actors", chosen)), FACET_LIMIT),
        "month": [FacetValue(m, m, n) for m, n in months],
        "modality": ranked(count(column.format("modality", chosen)), FACET_LIMIT),
        "status": ranked(count(column.format("status", chosen)), FACET_LIMIT),
        "doc": [FacetValue(d.value, titles[d.value], d.count)
                for d in ranked(count(pairs.format("doc_id", "evidence", chosen)), FACET_LIMIT)],
    }


def same(a: object, b: object, where: str = "index") -> None:
    """Every compared field of two indexes (and of their columns and pairs) equal, arrays by value and type."""
    if isinstance(a, np.ndarray):
        assert isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b), where
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            if f.compare:
                same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    else:
        assert a == b, where


def views(conn: sqlite3.Connection) -> list[Filters]:
    doc = str(conn.execute("SELECT COALESCE(MIN(id), 'none') FROM documents").fetchone()[0])
    return [
        Filters(), Filters(actor="AAX"), Filters(type="AID"), Filters(month="2024-02"), Filters(q="rail"),
        Filters(q="gas border"), Filters(modality="planned"), Filters(status="rejected"), Filters(status="edited"),
        Filters(doc=doc), Filters(actor="BBX", type="CONSULT", q="trade"), Filters(actor="NOPE"),
        Filters(type="NOPE"), Filters(q="nothing"),
    ]


def assert_index_agrees(conn: sqlite3.Connection) -> None:
    index = FacetIndex.build(conn)
    for f in views(conn):
        chosen = index.select(f, (), index.search(conn, f.q) if f.q else None)
        assert (int(chosen.sum()), index.facets(chosen)) == oracle(conn, f), f


def test_index_counts_match_sql_through_corrections_and_reextraction(tmp_path: Path) -> None:
    rng = random.Random(3)
    with Store(tmp_path / "f.db") as store:
        docs = [_doc(n, rng) for n in range(30)]
        for doc, sentences, events in docs:
            store.add_document(doc, sentences, [], events)
        assert_index_agrees(store.conn)

        ids = [str(r[0]) for r in store.conn.execute("SELECT id FROM events ORDER BY id")]
        for eid in ids[:40:4]:
            record_correction(store, eid, "status", "rejected", "tester")
        for eid in ids[1:40:4]:
            record_correction(store, eid, "type", "AGREE", "tester")
        for eid in ids[2:40:4]:
            record_correction(store, eid, "date", "2024-02-20", "tester")
        for eid in ids[3:40:4]:
            record_correction(store, eid, "source", "EEX, AAX", "tester")
        assert_index_agrees(store.conn)

        doc, sentences, events = docs[0]
        store.replace_extraction(doc, sentences, [], events[:4])
        assert_index_agrees(store.conn)


def test_empty_database_has_no_counts(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        assert_index_agrees(store.conn)


# -- what the page shows --------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, Path, dict[str, str]]]:
    path = tmp_path / "web.db"
    ids = webdata.build(path)
    with TestClient(create_app(path, token=TOKEN, knowledge=webdata.knowledge()), base_url="http://127.0.0.1") as c:
        yield c, path, ids


def shown(client: TestClient, url: str = "/events") -> dict[str, dict[str, int]]:
    """Each facet's values and counts as the page shows them, and the heading's total under 'total'."""
    html = client.get(url).text
    out = {"total": {"events": int(re.search(r"<h1>(\d+) events?", html).group(1))}}  # type: ignore[union-attr]
    for name, body in re.findall(r'<section class="facet" id="facet-(\w+)">(.*?)</section>', html, re.S):
        values = re.findall(r'<a href="[^"]*">([^<]*)</a> <span class="n">(\d+)</span>', body)
        out[name] = {v: int(n) for v, n in values}
    return out


def correct(client: TestClient, eid: str, field: str, value: str) -> None:
    r = client.post(f"/api/events/{eid}/corrections", json={"field": field, "value": value, "author": "tester"},
                    headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201


def test_a_correction_changes_the_counts_shown(served: tuple[TestClient, Path, dict[str, str]]) -> None:
    client, _, ids = served
    before = shown(client)
    assert before["total"] == {"events": 5}
    assert before["type"] == {"AGREE": 1, "AID": 1, "CONSULT": 1, "PROTEST": 1, "SUPPORT": 1}
    assert shown(client, "/events?type=AGREE")["actor"] == {"ALD": 1, "BRV": 1}

    correct(client, ids["talks"], "type", "AGREE")
    after = shown(client)
    assert after["type"] == {"AGREE": 2, "AID": 1, "PROTEST": 1, "SUPPORT": 1}
    assert after["status"] == {"auto": 4, "edited": 1}
    assert shown(client, "/events?type=AGREE")["actor"] == {"ALD": 2, "BRV": 2}

    correct(client, ids["aid"], "status", "rejected")
    assert shown(client)["total"] == {"events": 4}
    assert shown(client)["type"] == {"AGREE": 2, "PROTEST": 1, "SUPPORT": 1}


def test_a_write_by_another_process_changes_the_counts_shown(served: tuple[TestClient, Path, dict[str, str]]) -> None:
    client, path, _ = served
    assert shown(client)["actor"] == {"ALD": 3, "BRV": 4, "CAS": 3}
    extra = webdata.document("Borvia and Castria met. Castria wrote to Aldoria.", "Notes")
    with Store(path) as store:  # as `diplomap ingest` would, while the app serves
        store.add_document(extra, webdata.sentences(extra), [], [
            webdata.event(extra, "Borvia and Castria met", "CONSULT", ("BRV",), ("CAS",), date(2025, 5, 1)),
            webdata.event(extra, "Castria wrote to Aldoria", "CONSULT", ("CAS",), ("ALD",), date(2025, 5, 2)),
        ])
    after = shown(client)
    assert after["total"] == {"events": 7}
    assert after["actor"] == {"ALD": 4, "BRV": 5, "CAS": 5}
    assert after["type"]["CONSULT"] == 3
    assert after["month"] == {"2025-05": 2, "2025-04": 2, "2025-03": 3}
    assert after["doc"]["Notes"] == 2


def test_vector_facet_keeps_every_vector_when_one_is_chosen(served: tuple[TestClient, Path, dict[str, str]]) -> None:
    client, _, _ = served
    body = client.get("/api/events?actor=ALD&vector=Steppe&facets=true").json()
    assert body["total"] == 1
    assert {v["value"]: v["count"] for v in body["facets"]["vector"]} == {"Inner Sea": 2, "Steppe": 1}
    assert {v["value"]: v["count"] for v in body["facets"]["type"]} == {"PROTEST": 1}


def _rename_events(path: Path, names: list[str]) -> None:
    """Give the events these ids (in id order), everywhere an event id is kept, as a hand edit would."""
    with sqlite3.connect(path) as conn:
        old = [str(r[0]) for r in conn.execute("SELECT id FROM events ORDER BY id")]
        for table, column in (("events", "id"), ("event_actors", "event_id"), ("evidence", "event_id"),
                              ("evidence_search", "event_id"), ("corrections", "event_id")):
            conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", zip(names, old, strict=False))
    conn.close()


@pytest.mark.parametrize("separator", [False, True])
def test_ids_alike_in_their_first_bytes_are_told_apart(tmp_path: Path, separator: bool) -> None:
    """The index finds an event's row by eight bytes of its id after the common prefix, then by the whole id
    where ids share those bytes: ids that share many bytes, of other lengths, beyond ASCII; rows of actors
    and evidence whose event is gone count for nothing. Read as one string per table or, with a separator
    inside an id, row by row: the same index, the same counts as SQL."""
    path = tmp_path / "ids.db"
    with Store(path) as store:
        _fill(store, 4, 5)
    names = [f"ev_{'a' * 12}{k:02d}" for k in range(20)] + [f"ev_{'a' * 8}", f"ev_{'a' * 9}", "ev_ä", "ev_b"]
    names += [f"ev_c{k}" for k in range(40 - len(names) - 1)] + ["ev_z\x1fz" if separator else "ev_zz"]
    _rename_events(path, names)
    with sqlite3.connect(path) as conn:  # rows of an event that is no more (a hand edit, foreign keys off)
        conn.execute("INSERT INTO event_actors (event_id, code, role) VALUES ('ev_gone', 'AAX', 'source')")
        conn.execute("INSERT INTO evidence (event_id, doc_id, sentence, start, \"end\", quote)"
                     " SELECT 'ev_gone', doc_id, sentence, start, \"end\", quote FROM evidence LIMIT 1")
    conn.close()
    with Store(path) as store:
        index = FacetIndex.build(store.conn)
        cursor = store.conn.cursor()
        cursor.row_factory = None
        cursor.execute("BEGIN")
        by_rows = FacetIndex.build_by_rows(cursor)
        store.conn.rollback()
        assert [i.decode() for i in index.ids] == sorted(names)
        same(index, by_rows)
        doc = str(store.conn.execute("SELECT MIN(id) FROM documents").fetchone()[0])
        for f in (Filters(), Filters(actor="AAX"), Filters(type="AID"), Filters(doc=doc)):
            chosen = index.select(f)
            assert (int(chosen.sum()), index.facets(chosen)) == oracle(store.conn, f), f


# -- reading the index on two connections, and counting fast (#10) ---------------------------------


def _one_connection(conn: sqlite3.Connection) -> FacetIndex:
    """The index read through one connection alone, as read does for a database without a file."""
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute("BEGIN")
    try:
        return FacetIndex._read(cursor, cursor, facets._Inline())
    finally:
        conn.rollback()


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    path = tmp_path / "two.db"
    with Store(path) as store:
        _fill(store, 8, 11)
        yield store, path


def test_two_connections_read_what_one_reads(stored: tuple[Store, Path]) -> None:
    store, _ = stored
    cursor = store.conn.cursor()
    cursor.execute("BEGIN")
    twin = facets._twin(cursor)
    store.conn.rollback()
    assert twin is not None, "a database in a file is read on two connections"
    twin.close()
    same(FacetIndex.build(store.conn), _one_connection(store.conn))
    assert_index_agrees(store.conn)


def test_a_database_without_a_file_is_read_on_one_connection() -> None:
    conn = sqlite3.connect(":memory:")
    assert facets._twin(conn.cursor()) is None
    conn.close()


def test_a_write_between_the_two_snapshots_leaves_the_second_connection_out(stored: tuple[Store, Path]) -> None:
    """The second connection must read what the caller's transaction reads: a write that commits after the
    caller's snapshot began would otherwise give an index of two databases (its actors newer than its events)."""
    store, path = stored
    before = FacetIndex.build(store.conn)
    cursor = store.conn.cursor()
    cursor.row_factory = None
    cursor.execute("BEGIN")
    generation(store.conn)  # the caller's snapshot begins
    with Store(path) as writer:  # another process ingests meanwhile
        doc, sentences, events = _doc(99, random.Random(1))
        writer.add_document(doc, sentences, [], events)
    try:
        assert facets._twin(cursor) is None
        same(FacetIndex.read(cursor), before)  # the caller's snapshot, whole
    finally:
        store.conn.rollback()
    assert FacetIndex.build(store.conn).size == before.size + 10


@pytest.mark.parametrize("ids", [
    ["ev_0123456789abcdef", "ev_1123456789abcdef", "ev_2123456789abcdef"],  # one width: cut as one array
    ["ev_a", "ev_bb", "ev_ccc", "ev_d"],  # several widths: split
    ["ev_ab", "ev_abc", "ev_b"],  # the first id's width divides nothing
    ["ev_only"], ["ev_ä1", "ev_ö2"], ["ev_é", "ev_ab"],  # one id; beyond ASCII, of one and of two widths in bytes
])
def test_ids_are_cut_as_they_are_split(ids: list[str]) -> None:
    text = facet_columns.SEP.join(ids)
    found = facet_columns.split_ids(text)
    assert found.dtype == np.array([i.encode() for i in ids]).dtype
    assert [i.decode() for i in found] == ids


def test_pair_counts_match_a_bincount_with_empty_values_anywhere() -> None:
    rng = np.random.default_rng(4)
    names = tuple(f"V{k:02d}" for k in range(12))
    used = [1, 2, 5, 6, 7, 9]  # values 0, 3, 4, 8, 10 and 11 have no pairs: first, middle and last
    events = rng.integers(0, 50, 300)
    codes = rng.choice(used, 300)
    pairs = facets.Pairs.coded(events, codes, names)
    for share in (0.0, 0.3, 1.0):
        chosen = rng.random(50) < share
        picked = chosen[pairs.event]
        want = np.bincount(pairs.value.codes[picked], minlength=len(names))
        assert np.array_equal(pairs.counts(picked), want)
    empty = facets.Pairs.coded(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), names)
    assert np.array_equal(empty.counts(np.zeros(0, dtype=np.bool_)), np.zeros(len(names), dtype=np.int64))


def test_vectors_count_an_event_once_however_many_partners_it_has_in_one(stored: tuple[Store, Path]) -> None:
    """Vectors of one and of several partners, counted as a plain count of distinct (event, vector) pairs."""
    store, _ = stored
    index = FacetIndex.build(store.conn)
    vector_of = {"AAX": None, "BBX": "North", "CCX": "North", "DDX": "South", "EEX": None}.get
    pairs = [(str(e), str(c)) for e, c in store.conn.execute(
        "SELECT a.event_id, a.code FROM event_actors a JOIN events e ON e.id = a.event_id"
        " WHERE e.status != 'rejected'")]
    for f in (Filters(actor="AAX"), Filters(actor="AAX", type="AID"), Filters(actor="AAX", q="rail")):
        chosen = index.select(f, (), index.search(store.conn, f.q) if f.q else None)
        ids = {i.decode() for i in index.ids[chosen]}
        marks = {(e, vector_of(c)) for e, c in pairs if e in ids and c != "AAX" and vector_of(c)}
        want: dict[str, int] = {}
        for _, v in marks:
            want[str(v)] = want.get(str(v), 0) + 1
        found = index.vectors(chosen, "AAX", vector_of)
        assert {v.value: v.count for v in found} == want, f
        assert [v.count for v in found] == sorted(want.values(), reverse=True)
        assert found == index.vectors(chosen, "AAX", vector_of, index.actor_pairs(chosen))
