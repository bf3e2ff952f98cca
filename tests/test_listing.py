"""A page of Store.events is the same whichever way store.listing reaches it (#10).

The oracle is the one statement that selects every event and sorts them (listing.select with LIMIT and
OFFSET); each way (walking the date index, the search index, or driving from one filter's events) must
give its rows in its order, whatever the filters.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Place, Precision, Sentence
from diplomap.store import listing
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


WAYS = ("walk", "actor walk", "country walk", "search walk", "drive 0", "drive 1", "drive 2", "probe", "in memory",
        None)


@pytest.mark.parametrize("way", WAYS)
def test_every_way_gives_the_page_the_one_statement_gives(store: Store, way: str | None) -> None:
    for query in queries():
        sql, args = listing.select(query)
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
def test_an_actor_walk_with_a_search_gives_the_page_in_batches_of_any_size(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, batch: tuple[int, int], days: str) -> None:
    """#10: the actor's events are walked in batches, each tested against the search's keys of its own range,
    and the walk stops once the page is full and its last day read: a batch may end inside any day."""
    store: Store = request.getfixturevalue("store" if days == "spread" else days)
    monkeypatch.setattr(listing, "BATCH", batch[0])
    monkeypatch.setattr(listing, "MAX_BATCH", batch[1])
    for query in actor_searches():
        sql, args = listing.select(query)
        expected = [r["id"] for r in store.conn.execute(sql, args)]
        assert [r["id"] for r in listing.page(store.conn, query, "actor walk")] == expected, query


def test_a_search_finds_what_the_sentence_index_finds(store: Store) -> None:
    """The search reads sentences_fts_by_date (one row per evidence sentence), as sentences_fts would."""
    for word in (*WORDS, "talks", "Report"):
        by_sentence = {r[0] for r in store.conn.execute(
            "SELECT v.event_id FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence"
            " JOIN sentences_fts f ON f.rowid = s.id WHERE sentences_fts MATCH ?", (listing.fts_query(word),))}
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
