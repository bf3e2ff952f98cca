"""A page of Store.events is the same whichever way store.listing reaches it (#10).

The oracle is the one statement that selects every event and sorts them (filters.select with LIMIT and
OFFSET); each way (walking the date index, the search index, or driving from one filter's events) must
give its rows in its order, whatever the filters.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Place, Precision, Sentence
from diplomap.store import filters, listing
from diplomap.store.db import EventQuery, Store

CODES = ("AAX", "BBX", "CCX", "DDX", "EEX", "FFX")
WORDS = ("rail", "gas", "border", "trade", "grain")


def _doc(n: int, rng: random.Random, days: int = 200) -> tuple[Document, list[Sentence], list[Event]]:
    lines = [f"Report {n}.{i}: talks on {rng.choice(WORDS)} and {rng.choice(WORDS)} went on." for i in range(12)]
    text = " ".join(lines)
    doc = Document(id=hashlib.sha256(f"listing-{n}".encode()).hexdigest(), text=text, source=f"l/{n}.txt", raw=text)
    sentences, events, pos = [], [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(doc.id, i, pos, pos + len(line), line))
        a, b, c = rng.sample(CODES, 3)
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(days))
        # some events last a month, so a date filter must find events that began before it
        end = start + timedelta(days=30) if i % 5 == 0 else start
        at = pos + line.index("talks")
        events.append(Event(
            type=rng.choice(("CONSULT", "AGREE", "AID")), source=(a,), target=(b,) if i % 9 else (),
            participants=(c,) if i % 4 == 0 else (), trigger=f"talks{i}",
            date=None if i % 6 == 5 else DateSpan(start, end, Precision.DAY, start.isoformat()),
            modality=Modality.PLANNED if i % 7 == 3 else Modality.HAPPENED,
            location=Place("Kars", rng.choice(CODES), 40.6, 43.1) if i % 3 == 0 else None,
            evidence=(Evidence(doc.id, i, at, at + 5, "talks"),),
        ))
        pos += len(line) + 1
    return doc, sentences, events


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    rng = random.Random(10)
    path: Path = tmp_path_factory.mktemp("listing") / "l.db"
    with Store(path) as st:
        for n in range(25):
            doc, sentences, events = _doc(n, rng)
            st.add_document(doc, sentences, [], events)
        yield st


def queries() -> list[EventQuery]:
    rng = random.Random(4)
    out = [EventQuery(limit=7), EventQuery(limit=5, offset=290), EventQuery(actor="AAX", limit=3, offset=10)]
    for _ in range(60):
        kw: dict[str, object] = {}
        if rng.random() < 0.5:
            kw["actor"] = rng.choice(CODES)
        if rng.random() < 0.3:
            kw["type"] = rng.choice(("CONSULT", "AGREE", "AID"))
        if rng.random() < 0.2:
            kw["country"] = rng.choice(CODES)
        if rng.random() < 0.4:
            first = date(2024, 1, 1) + timedelta(days=rng.randrange(200))
            kw["date_from"] = first
            kw["date_to"] = first + timedelta(days=rng.randrange(40))
        if rng.random() < 0.4:
            kw["q"] = rng.choice((*WORDS, "rail gas", "talks", "nowhere"))
        if rng.random() < 0.2:
            kw["modalities"], kw["min_actors"] = tuple(Modality), 1
        out.append(EventQuery(limit=rng.choice((1, 4, 30)), offset=rng.choice((0, 0, 5, 40)), **kw))  # type: ignore[arg-type]
    return out


WAYS = ("walk", "actor walk", "type walk", "country walk", "search walk", "drive 0", "drive 1", "drive 2", "probe",
        "in memory", None)


@pytest.mark.parametrize("way", WAYS)
def test_every_way_gives_the_page_the_one_statement_gives(store: Store, way: str | None) -> None:
    for query in queries():
        sql, args = filters.select(query)
        expected = [r["id"] for r in store.conn.execute(sql, args)]
        assert [r["id"] for r in listing.page(store.conn, query, way)] == expected, query


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Every event on one of three days: a batch of an actor's events ends inside a day, often."""
    rng = random.Random(11)
    with Store(tmp_path_factory.mktemp("listing") / "crowded.db") as st:
        for n in range(12):
            doc, sentences, events = _doc(n, rng, days=3)
            st.add_document(doc, sentences, [], events)
        yield st


def actor_searches() -> list[EventQuery]:
    rng = random.Random(6)
    out = []
    for code in CODES:
        for q in (*WORDS, "rail gas", "talks", "nowhere"):
            kw: dict[str, object] = {}
            if rng.random() < 0.3:
                first = date(2024, 1, 1) + timedelta(days=rng.randrange(200))
                kw["date_from"], kw["date_to"] = first, first + timedelta(days=rng.randrange(60))
            if rng.random() < 0.2:
                kw["modalities"], kw["min_actors"] = tuple(Modality), 1
            out.append(EventQuery(actor=code, q=q, limit=rng.choice((1, 4, 30)), offset=rng.choice((0, 3, 40)),
                                  **kw))  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("batch", [(1, 1), (1, 2), (2, 3), (3, 7), (64, 512)])
@pytest.mark.parametrize("days", ["spread", "crowded"])
@pytest.mark.parametrize("params", [2, 500])
def test_an_actor_walk_with_a_search_gives_the_page_in_batches_of_any_size(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, batch: tuple[int, int], days: str,
        params: int) -> None:
    """#10: the actor's events are walked in batches, each tested against the search's keys of its own range,
    and the walk stops once the page is full and its last day read: a batch may end inside any day; batches
    sized by the rate found so far; a batch's keys looked up in statements of any number of them."""
    store: Store = request.getfixturevalue("store" if days == "spread" else days)
    monkeypatch.setattr(listing, "BATCH", batch[0])
    monkeypatch.setattr(listing, "MAX_BATCH", batch[1])
    monkeypatch.setattr(listing, "PARAMS", params)
    for query in actor_searches():
        sql, args = filters.select(query)
        expected = [r["id"] for r in store.conn.execute(sql, args)]
        assert [r["id"] for r in listing.page(store.conn, query, "actor walk")] == expected, query


def test_a_search_finds_what_the_sentence_index_finds(store: Store) -> None:
    """The search reads sentences_fts_by_date (one row per evidence sentence), as sentences_fts would."""
    for word in (*WORDS, "talks", "Report"):
        by_sentence = {r[0] for r in store.conn.execute(
            "SELECT v.event_id FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence"
            " JOIN sentences_fts f ON f.rowid = s.id WHERE sentences_fts MATCH ?", (filters.fts_query(word),))}
        listed = {e.id for e in store.events(EventQuery(q=word, modalities=tuple(Modality), min_actors=1))}
        assert listed == by_sentence and listed, word


def derived_days(store: Store) -> set[tuple[str, str, str]]:
    return {(str(r[0]), str(r[1]), str(r[2])) for r in store.conn.execute(
        "SELECT DISTINCT a.code, COALESCE(e.start, ''), a.event_id FROM event_actors a"
        " JOIN events e ON e.id = a.event_id")}


def test_actor_days_follow_corrections_reextraction_and_deletion(tmp_path: Path) -> None:
    """event_actor_days (migration 9) is kept by triggers: it always equals what it is derived from."""
    from diplomap.store.corrections import record_correction
    from diplomap.store.documents import delete_document

    rng = random.Random(5)
    with Store(tmp_path / "d.db") as st:
        docs = [_doc(n, rng) for n in range(4)]
        for doc, sentences, events in docs:
            st.add_document(doc, sentences, [], events)

        def stored() -> set[tuple[str, str, str]]:
            return {(str(r[0]), str(r[1]), str(r[2])) for r in st.conn.execute("SELECT * FROM event_actor_days")}

        assert stored() == derived_days(st) and stored()
        ids = [str(r[0]) for r in st.conn.execute("SELECT id FROM events ORDER BY id")]
        record_correction(st, ids[0], "date", "2025-03-04", "tester")
        record_correction(st, ids[1], "source", "EEX, AAX", "tester")
        record_correction(st, ids[2], "target", "", "tester")
        record_correction(st, ids[3], "status", "rejected", "tester")
        assert stored() == derived_days(st)
        doc, sentences, events = docs[0]
        st.replace_extraction(doc, sentences, [], events[:5])
        assert stored() == derived_days(st)
        delete_document(st, docs[1][0].id)
        assert stored() == derived_days(st)


def _add(st: Store, eid: str, day: str, codes: tuple[str, str], type_: str = "CONSULT") -> None:
    """One event straight into the tables (the triggers keep event_actor_days), for stores of thousands."""
    st.conn.execute("INSERT INTO events (id, type, modality, start, \"end\", precision) VALUES (?, ?, 'happened', ?, ?,"
                    " 'day')", (eid, type_, day, day))
    st.conn.executemany("INSERT INTO event_actors (event_id, code, role) VALUES (?, ?, ?)",
                        [(eid, codes[0], "source"), (eid, codes[1], "target")])


def _steps(st: Store, call: Callable[[], object]) -> int:
    """SQLite's virtual machine steps (in hundreds) that ``call`` takes: the rows a query reads, without a clock."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    st.conn.set_progress_handler(tick, 100)
    try:
        call()
    finally:
        st.conn.set_progress_handler(None, 0)
    return steps[0]


def test_an_actors_month_is_walked_from_the_months_first_day(tmp_path: Path) -> None:
    """#10: SQLite takes one term for each end of an index range; given ``d.start > '' AND d.start >= ?`` on an
    analysed database it took the first, and walked 3,000 events of the actor's before the month to reach it
    (the USA's month at 1,000,000 events: 25-35 ms, 2 ms now). The month's walk reads the month alone."""
    def month_steps(before: int) -> int:
        with Store(tmp_path / f"m{before}.db") as st:
            with st.conn:
                for i in range(before):
                    _add(st, f"ev_old{i}", f"2020-01-{1 + i % 28:02d}", ("AAX", "BBX"))
                for i in range(20):
                    _add(st, f"ev_new{i}", f"2024-06-{1 + i:02d}", ("AAX", "BBX"))
            st.conn.execute("ANALYZE")  # with sqlite_stat1 (the benchmark's database has it) SQLite took ''
            query = EventQuery(actor="AAX", date_from=date(2024, 6, 1), date_to=date(2024, 6, 30), limit=10)
            rows: list[sqlite3.Row] = []
            low = listing._date_floor(st.conn, query)
            steps = _steps(st, lambda: rows.extend(listing._actor_walk(st.conn, listing.filters(query), low, query,
                                                                       10)))
            assert [r["id"] for r in rows] == [f"ev_new{i}" for i in range(10)]
            return steps

    assert month_steps(3000) <= month_steps(0) + 5


@pytest.fixture()
def months(tmp_path: Path) -> Iterator[Store]:
    """2020: 600 AID events of BBX's and 600 CONSULT of AAX's; June 2024: 200 of AAX's (5 of them AID, the rest
    CONSULT) and 5 AID of CCX's. Over all dates AAX (800) and AID (610) are alike; in June AID (10) is 20 times
    rarer than AAX (200), and CCX (5) rarer than AID."""
    with Store(tmp_path / "months.db") as st:
        with st.conn:
            for i in range(600):
                _add(st, f"ev_aid{i}", f"2020-02-{1 + i % 28:02d}", ("BBX", "DDX"), "AID")
                _add(st, f"ev_con{i}", f"2020-03-{1 + i % 28:02d}", ("AAX", "DDX"))
            for i in range(200):
                _add(st, f"ev_jun{i}", f"2024-06-{1 + i % 30:02d}", ("AAX", "BBX"), "AID" if i % 40 == 7 else "CONSULT")
            for i in range(5):
                _add(st, f"ev_ccx{i}", f"2024-06-{10 + i:02d}", ("CCX", "BBX"), "AID")
        yield st


def _ways(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The walks page() takes from here on, by name, each still run."""
    taken: list[str] = []
    for name in ("_walk", "_actor_walk", "_type_walk"):
        real = getattr(listing, name)

        def spy(*args: object, _real: Callable[..., list[sqlite3.Row]] = real, _name: str = name
                ) -> list[sqlite3.Row]:
            taken.append(_name)
            return _real(*args)

        monkeypatch.setattr(listing, name, spy)
    return taken


JUNE = {"date_from": date(2024, 6, 1), "date_to": date(2024, 6, 30), "limit": 10}


@pytest.mark.parametrize(("kw", "way"), [
    ({"type": "AID", "limit": 10}, "_type_walk"),  # a type in one event of 300: its own events, not every event
    ({"actor": "AAX", "type": "AID", **JUNE}, "_type_walk"),  # the type is 20x rarer than the actor in June
    ({"actor": "CCX", "type": "AID", **JUNE}, "_actor_walk"),  # the actor is rarer than the type there
])
def test_the_rarer_of_an_actor_and_a_type_in_the_date_range_is_walked(
        months: Store, monkeypatch: pytest.MonkeyPatch, kw: dict[str, object], way: str) -> None:
    """#10: a type's events are walked in date order from their own index (events_type_start_id), and in a
    date range the actor's and the type's events there are counted, so the rarer is walked: with counts capped
    (CAP, 10,000 at scale) both are past it over all dates, and a type of 22,000 events in a month of an actor
    of 390,000 was walked through the actor's 2,000 events there (25 ms), not the type's 250 (2 ms)."""
    monkeypatch.setattr(listing, "CAP", 100)
    taken = _ways(monkeypatch)
    query = EventQuery(**kw)  # type: ignore[arg-type]
    sql, args = filters.select(query)
    expected = [r["id"] for r in months.conn.execute(sql, args)]
    assert [r["id"] for r in listing.page(months.conn, query)] == expected and expected
    assert taken == [way]
