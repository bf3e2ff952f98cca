"""The store: gazetteer entities are written once per version of the gazetteer (#2)."""

from __future__ import annotations

from diplomap.model import Entity
from diplomap.store.db import Store


def test_entities_are_written_once_per_gazetteer(fresh_store: Store) -> None:
    first = [Entity("AZE", "state", "Azerbaijan", "AZE", aliases=("Azeri",)), Entity("EU", "organisation", "EU", "EU")]
    assert fresh_store.sync_entities(first) is True
    assert fresh_store.sync_entities(list(reversed(first))) is False  # same set, nothing rewritten
    changed = [*first, Entity("ARM", "state", "Armenia", "ARM")]
    assert fresh_store.sync_entities(changed) is True
    assert fresh_store.conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 3
    aliases = fresh_store.conn.execute("SELECT alias FROM aliases WHERE entity_id = 'AZE'").fetchall()
    assert [a[0] for a in aliases] == ["Azeri"]


def test_the_same_event_from_two_documents_is_one_event_with_two_sources(fresh_store: Store) -> None:
    from datetime import date

    from diplomap.model import DateSpan, Document, Event, Evidence, Precision, Sentence

    def store_doc(doc_id: str, text: str, actors: tuple[str, ...]) -> list[str]:
        doc = Document(doc_id, text, f"{doc_id}.txt")
        sent = Sentence(doc_id, 0, 0, len(text), text)
        event = Event("CONSULT", actors[:1], actors[1:], DateSpan(date(2025, 5, 2), date(2025, 5, 2), Precision.DAY),
                      (Evidence(doc_id, 0, 0, len(text), text),))
        return fresh_store.add_document(doc, [sent], [], [event])

    first = store_doc("a" * 64, "Georgia and Armenia met on 2 May 2025.", ("GEO", "ARM"))
    again = store_doc("b" * 64, "On 2 May 2025 Georgian and Armenian ministers met.", ("GEO", "ARM"))
    other = store_doc("c" * 64, "Georgia and Türkiye met on 2 May 2025.", ("GEO", "TUR"))
    assert again == first and other != first
    # (one party alone is no other outlet's event: two items' "Chile met" the same day may be two meetings)
    alone = store_doc("d" * 64, "Chile held talks on 2 May 2025.", ("CHL",))
    assert store_doc("e" * 64, "On 2 May 2025 Chile met.", ("CHL",)) != alone
    assert fresh_store.source_count(first[0]) == 2
    assert len(fresh_store.event(first[0]).evidence) == 2  # type: ignore[union-attr]


def test_events_listed_in_one_sentence_are_stored_apart(fresh_store: Store, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Two summits in one sentence are two stored events, not one id written twice (#3)."""
    import hashlib

    from diplomap.model import Document

    text = ("The Shanghai Cooperation Organisation keeps growing. In 2024, Kazakhstan hosted two meetings of this "
            "bloc: the regular summit in July in Astana and an informal one in October in Almaty.")
    doc = Document(hashlib.sha256(text.encode()).hexdigest(), text, "sco.txt")
    extraction = pipeline.extract(doc)
    ids = fresh_store.add_document(doc, extraction.sentences, extraction.mentions, extraction.events)
    hosted = [e for e in (fresh_store.event(i) for i in ids) if e and e.type == "CONSULT"]
    assert sorted(e.date.start.isoformat() for e in hosted if e.date) == ["2024-07-01", "2024-10-01"]
