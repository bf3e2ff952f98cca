"""Cross-document merging at scale (#10): one event told by many outlets is one event, whatever order the
documents arrive in, and its candidates come through an index, not a scan of the events."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from diplomap.model import DateSpan, Document, Event, Evidence, Modality, Precision, Sentence
from diplomap.store.db import MERGE_DAYS, SAME_EVENT_SQL, EventQuery, Store

MONDAY = date(2031, 3, 3)


def span(start: date, end: date | None = None, precision: Precision = Precision.DAY, text: str = "") -> DateSpan:
    return DateSpan(start, end or start, precision, text)


def tell(store: Store, name: str, published: date, when: DateSpan, type_: str = "CONSULT",
         actors: tuple[str, str] = ("AZE", "ARM"), modality: Modality = Modality.HAPPENED) -> None:
    """One outlet's item telling one event, stored as ingest stores it."""
    quote = f"{name}: the two foreign ministers met ({when.text or when.precision})."
    doc = Document(id=name, text=quote, source=f"https://{name}.example/story", published=published)
    sent = Sentence(name, 0, 0, len(quote), quote)
    event = Event(type=type_, source=actors[:1], target=actors[1:], date=when, trigger="met", modality=modality,
                  evidence=(Evidence(name, 0, 0, len(quote), quote),), summary=quote)
    store.add_document(doc, [sent], [], [event])


def outlets() -> list[tuple[str, date, DateSpan]]:
    """Thirty outlets over the week after a Monday meeting: the day, "this week", "in March"."""
    told = []
    for i in range(30):
        published = MONDAY + timedelta(i % 7)
        when = [span(MONDAY, text="on Monday"),
                span(published - timedelta(6), published, Precision.RANGE, "this week"),
                span(date(2031, 3, 1), date(2031, 3, 31), Precision.MONTH, "in March")][i % 3]
        told.append((f"outlet{i:02}", published, when))
    return told


def summary(store: Store) -> list[tuple[object, ...]]:
    """What the store holds, whatever ids the first telling gave: type, actors, dates, sources."""
    return sorted((e.type, e.source + e.target, e.date.start if e.date else None, e.date.end if e.date else None,
                   store.source_count(e.id), len(e.evidence))
                  for e in store.iter_events(EventQuery(modalities=tuple(Modality))))


@pytest.mark.parametrize("order", ["published", "reversed", "shuffled-1", "shuffled-2", "shuffled-3"])
def test_one_meeting_told_by_thirty_outlets_over_a_week_is_one_event(order: str) -> None:
    told = outlets()
    if order == "reversed":
        told.reverse()
    elif order.startswith("shuffled"):
        random.Random(int(order[-1])).shuffle(told)
    with Store() as store:
        for name, published, when in told:
            tell(store, name, published, when)
        [event] = store.events()
        assert store.source_count(event.id) == 30 and len(event.evidence) == 30
        assert event.date is not None and (event.date.start, event.date.end) == (MONDAY, MONDAY)  # the day told
        # and the listings' indexes follow the sharper date (an actor's page of that day finds it)
        assert [e.id for e in store.events(EventQuery(actor="AZE", date_from=MONDAY, date_to=MONDAY))] == [event.id]
        assert store.events(EventQuery(actor="ARM", date_from=MONDAY + timedelta(1))) == []


def test_documents_out_of_date_order_give_the_events_of_date_order() -> None:
    week = span(MONDAY, MONDAY + timedelta(6), Precision.RANGE, "last week")
    told = [
        ("first", MONDAY, span(MONDAY, text="on Monday")),
        ("agree", MONDAY + timedelta(2), span(MONDAY + timedelta(2)), "AGREE", ("AZE", "GEO")),
        ("follow-up", MONDAY + timedelta(8), week),
        ("second-meeting", MONDAY + timedelta(17), span(MONDAY + timedelta(17), text="on Thursday")),
        ("year", MONDAY + timedelta(30), span(date(2031, 1, 1), date(2031, 12, 31), Precision.YEAR, "this year")),
        ("planned", MONDAY, span(MONDAY), "CONSULT", ("AZE", "ARM"), Modality.PLANNED),
    ]
    results = []
    for order in (sorted(told, key=lambda t: t[1]), sorted(told, key=lambda t: t[1], reverse=True),
                  [told[i] for i in (3, 5, 2, 0, 4, 1)]):
        with Store() as store:
            for name, published, when, *rest in order:
                tell(store, name, published, when, *rest)  # type: ignore[arg-type]
            results.append(summary(store))
    assert results[0] == results[1] == results[2]
    # the Monday meeting (told twice, dated by the telling that gives its day), the signing, the second meeting,
    # the year's summary and the planned meeting, each once. (A telling that fits two stored events, "the
    # meeting in March", goes with the earlier one: which that is can depend on the order of arrival.)
    assert sorted((r[0], r[2], r[3], r[4]) for r in results[0]) == sorted([
        ("CONSULT", MONDAY, MONDAY, 2), ("AGREE", MONDAY + timedelta(2), MONDAY + timedelta(2), 1),
        ("CONSULT", MONDAY + timedelta(17), MONDAY + timedelta(17), 1),
        ("CONSULT", date(2031, 1, 1), date(2031, 12, 31), 1), ("CONSULT", MONDAY, MONDAY, 1)])


def test_merge_candidates_come_through_the_type_and_date_index() -> None:
    with Store() as store:
        plan = " | ".join(row[3] for row in store.conn.execute(
            "EXPLAIN QUERY PLAN " + SAME_EVENT_SQL,
            ("CONSULT", "2031-02-01", "2031-03-03", "happened", "2031-03-03", MERGE_DAYS, "AZE")))
    assert "SEARCH e USING INDEX" in plan and "start>? AND start<?" in plan, plan
    assert "SCAN e" not in plan, plan


def steps_to_store_one_more(events: int) -> int:
    """SQLite's virtual-machine steps (in thousands) to store one more telling of an event in a store that
    already holds ``events`` events of the same type and parties, two a week for years: what a scan would grow."""
    with Store() as store:
        for i in range(events):
            tell(store, f"old{i}", MONDAY - timedelta(3 * i + 40), span(MONDAY - timedelta(3 * i + 40)))
        steps = 0

        def count() -> int:
            nonlocal steps
            steps += 1
            return 0

        store.conn.set_progress_handler(count, 1000)
        tell(store, "new", MONDAY, span(MONDAY))
        tell(store, "again", MONDAY + timedelta(1), span(MONDAY, MONDAY + timedelta(1), Precision.RANGE))
        store.conn.set_progress_handler(None, 0)
        assert len(store.events()) == events + 1
        return steps


def test_the_merge_look_up_does_not_grow_with_the_store() -> None:
    small, large = steps_to_store_one_more(200), steps_to_store_one_more(4000)
    assert large <= small + 2, (small, large)
