"""The SQLite store: one file, FTS5 over sentences, opens in Datasette as it is."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.model import (
    DEFAULT_MODALITIES,
    DateSpan,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Modality,
    Place,
    Precision,
    Quantity,
    Sentence,
)
from diplomap.store.errors import StoreError, check_path, open_problem
from diplomap.store.filters import fts_query as fts_query  # where others have always imported it from
from diplomap.store.filters import select
from diplomap.store.ids import event_ids
from diplomap.store.listing import page
from diplomap.store.migrations import SCHEMA_VERSION, migrate, refuse_foreign

if TYPE_CHECKING:
    from diplomap.ingest.identity import Identity

# another process writing (an ingest next to this one) holds the lock for one document's transaction
BUSY_TIMEOUT = 60.0
# events of other documents merge when their dates overlap and span at most this many days past their start
MERGE_DAYS = 31
# the candidates for a merge, with their actor codes and documents alongside: (type, start) index range first
SAME_EVENT_SQL = (
    "SELECT e.id, (SELECT group_concat(a.code, ' ') FROM event_actors a WHERE a.event_id = e.id),"
    " (SELECT group_concat(v.doc_id, ' ') FROM evidence v WHERE v.event_id = e.id)"
    " FROM events e WHERE e.type = ? AND e.start BETWEEN ? AND ? AND e.modality = ? AND e.\"end\" >= ?"
    " AND julianday(e.\"end\") - julianday(e.start) <= ?"
    " AND EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.code = ?)"
    " ORDER BY e.start, e.id"
)


@dataclass(frozen=True)
class EventQuery:
    """A filter over events. Every field is optional; dates compare by interval overlap."""

    actor: str | None = None
    type: str | None = None
    country: str | None = None  # an actor, or where the event took place
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None  # full-text search over evidence sentences
    modalities: tuple[Modality, ...] = DEFAULT_MODALITIES
    doc_id: str | None = None
    include_rejected: bool = False
    # diplomap records interactions: a trigger with one recognised actor is kept in the store but
    # left out of default listings and exports until someone completes it (min_actors=1 shows it)
    min_actors: int = 2
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Stats:
    documents: int
    sentences: int
    entities: int
    mentions: int
    events: int
    events_by_type: dict[str, int]


class Store:
    """All reads and writes of the database go through here."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        """Open (or create) the database; StoreError, naming the file and the fix, when it cannot be."""
        self.path = str(path)
        if self.path != ":memory:":
            check_path(Path(self.path))
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc}); check the path and its permissions"
                             ) from None
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            refuse_foreign(self.conn)  # before WAL mode, which another program's file would keep
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            schema = resources.files("diplomap.store").joinpath("schema.sql").read_text(encoding="utf-8")
            migrate(self.conn, schema)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: {open_problem(exc)}") from None
        except StoreError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: {exc}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else SCHEMA_VERSION

    # -- documents -------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_document(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        events: Sequence[Event],
    ) -> list[str]:
        """Store one document and all that was extracted from it, in one transaction.

        Events that match an event already stored from another document are merged into it
        (one more evidence, one more source). Returns the ids of the events written or touched.
        """
        with self.conn:
            return self._insert_document(doc, sentences, mentions, events)

    def _insert_document(
        self, doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention], events: Sequence[Event],
        identity: Identity | None = None, ingested_at: str | None = None,
    ) -> list[str]:
        if identity is None:
            from diplomap.ingest.identity import identify

            identity = identify(doc.source, doc.raw or doc.text)
        self.conn.execute(
            "INSERT INTO documents (id, title, source, published, publisher, fmt, text, raw, offset_map,"
            " ingested_at, source_key, content_hash, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, doc.title, doc.source, doc.published.isoformat() if doc.published else None,
                doc.publisher, doc.fmt, doc.text, doc.raw, json.dumps(doc.offset_map),
                ingested_at or datetime.now(UTC).isoformat(timespec="seconds"), identity.source,
                identity.content_hash, doc.date_source or ("unknown" if doc.published else "none"),
            ),
        )
        self.conn.executemany(
            "INSERT INTO sentences (doc_id, idx, start, \"end\", text, section) VALUES (?, ?, ?, ?, ?, ?)",
            [(s.doc_id, s.index, s.start, s.end, s.text, s.section) for s in sentences],
        )
        self.conn.executemany(
            "INSERT INTO mentions (doc_id, sentence, start, \"end\", text, entity_id, label)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.doc_id, m.sentence, m.start, m.end, m.text, m.entity_id, m.label) for m in mentions],
        )
        ids = event_ids(events, sentences)
        if len(set(ids)) < len(ids):  # only ids set by the caller can repeat: that is a bug, not a merge
            twice = sorted({eid for eid in ids if ids.count(eid) > 1})
            raise ValueError(f"events of document {doc.id} share the ids {', '.join(twice)}")
        return [self._write_event(event, eid) for event, eid in zip(events, ids, strict=True)]

    def _write_event(self, event: Event, eid: str) -> str:
        existing = self._find_same_event(event)
        if existing is None and self.conn.execute("SELECT 1 FROM events WHERE id = ?", (eid,)).fetchone():
            # re-extraction: the event this document told before, kept since another document tells it too
            existing = eid
        if existing is not None:
            self._add_evidence(existing, event.evidence)
            self.conn.execute(
                "UPDATE events SET source_count = (SELECT COUNT(DISTINCT doc_id) FROM evidence WHERE event_id = ?)"
                " WHERE id = ?",
                (existing, existing),
            )
            self._sharpen(existing, event)
            return existing
        span, loc = event.date, event.location
        self.conn.execute(
            "INSERT INTO events (id, type, mode, modality, start, \"end\", precision, date_text, location,"
            " lat, lon, location_country, trigger, summary, headline, source_count) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (
                eid, event.type, event.mode, event.modality.value,
                span.start.isoformat() if span else None, span.end.isoformat() if span else None,
                span.precision.value if span else None, span.text if span else "",
                loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                loc.country if loc else None, event.trigger, event.summary, event.headline,
            ),
        )
        rows = [(eid, code, "source", i) for i, code in enumerate(event.source)]
        rows += [(eid, code, "target", i) for i, code in enumerate(event.target)]
        rows += [(eid, code, "participant", i) for i, code in enumerate(event.participants)]
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, code, role, position) VALUES (?, ?, ?, ?)", rows
        )
        self.conn.executemany(
            "INSERT INTO quantities (event_id, value, unit, qualifier, text) VALUES (?, ?, ?, ?, ?)",
            [(eid, q.value, q.unit, q.qualifier, q.text) for q in event.quantities],
        )
        self._add_evidence(eid, event.evidence)
        return eid

    def _add_evidence(self, eid: str, evidence: Iterable[Evidence]) -> None:
        self.conn.executemany(
            "INSERT INTO evidence (event_id, doc_id, sentence, start, \"end\", quote) VALUES (?, ?, ?, ?, ?, ?)",
            [(eid, ev.doc_id, ev.sentence, ev.start, ev.end, ev.quote) for ev in evidence],
        )

    def _find_same_event(self, event: Event) -> str | None:
        """An event from another document with the same type, modality and actors and an overlapping date of
        at most MERGE_DAYS, found through the (type, start) index within the window such a date can start in,
        so the look-up does not grow with the store. Both dates must be that short, whichever came first: a
        year's "relations improved" is not one of that year's meetings, in either order of arrival. An event told
        with one party alone is no other outlet's ("China agreed" in one item, "China agreed" in another: an
        Algerian visit announced and a code of conduct with ASEAN, both on a Thursday)."""
        span = event.date
        if span is None or len(set(event.actors)) < 2 or span.days > MERGE_DAYS + 1:
            return None
        doc_ids = {ev.doc_id for ev in event.evidence}
        rows = self.conn.execute(SAME_EVENT_SQL, (
            event.type, (span.start - timedelta(MERGE_DAYS)).isoformat(), span.end.isoformat(), event.modality.value,
            span.start.isoformat(), MERGE_DAYS, event.actors[0])).fetchall()
        want = set(event.actors)
        for eid, codes, docs in rows:
            if set((codes or "").split()) == want and not set((docs or "").split()) & doc_ids:
                return str(eid)
        return None

    def _sharpen(self, eid: str, event: Event) -> None:
        """A later telling that states a narrower date within the stored one dates the event (and places it,
        when the stored one has no place): the same event whichever outlet arrives first. Not an event a
        person has corrected or confirmed."""
        span, loc = event.date, event.location
        if span is not None and not span.inherited:
            self.conn.execute(
                "UPDATE events SET start = ?, \"end\" = ?, precision = ?, date_text = ? WHERE id = ?"
                " AND status = 'auto' AND start <= ? AND \"end\" >= ?"
                " AND julianday(\"end\") - julianday(start) > julianday(?) - julianday(?)",
                (span.start.isoformat(), span.end.isoformat(), span.precision.value, span.text, eid,
                 span.start.isoformat(), span.end.isoformat(), span.end.isoformat(), span.start.isoformat()),
            )
        if loc is not None:
            self.conn.execute(
                "UPDATE events SET location = ?, lat = ?, lon = ?, location_country = ? WHERE id = ?"
                " AND status = 'auto' AND location IS NULL",
                (loc.name, loc.lat, loc.lon, loc.country, eid),
            )

    def replace_extraction(
        self, doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention], events: Sequence[Event],
        identity: Identity | None = None,
    ) -> list[str]:
        """Re-extraction of a stored document: drop what was extracted from it and store the new result.

        Events keep their ids when the same sentence yields the same trigger again, so corrections
        keyed by event id (see diplomap.store.corrections) can be applied again afterwards. The document
        keeps its identity unless ``identity`` gives a new one (its text changed at the same source).
        """
        with self.conn:
            return self._replace_document(doc, sentences, mentions, events, identity)

    def _replace_document(
        self, doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention], events: Sequence[Event],
        identity: Identity | None,
    ) -> list[str]:
        row = self.conn.execute("SELECT source_key, content_hash, ingested_at FROM documents WHERE id = ?",
                                (doc.id,)).fetchone()
        if identity is None and row is not None:
            from diplomap.ingest.identity import Identity

            identity = Identity(row[0], row[1])
        from diplomap.store.documents import delete_extraction

        delete_extraction(self, doc.id)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
        return self._insert_document(doc, sentences, mentions, events, identity, row[2] if row else None)

    def documents(self) -> list[Document]:
        rows = self.conn.execute("SELECT * FROM documents ORDER BY ingested_at, id").fetchall()
        return [_document(row) for row in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def document_heads(self) -> dict[str, Document]:
        """Every document by id without its text, raw text and offset map (which can be large): titles,
        sources and dates, for credits."""
        rows = self.conn.execute("SELECT id, title, source, published, publisher, fmt FROM documents").fetchall()
        return {
            r["id"]: Document(id=r["id"], text="", source=r["source"], title=r["title"], publisher=r["publisher"],
                              published=date.fromisoformat(r["published"]) if r["published"] else None, fmt=r["fmt"])
            for r in rows
        }

    def sentences(self, doc_id: str) -> list[Sentence]:
        rows = self.conn.execute(
            "SELECT doc_id, idx, start, \"end\", text, section FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)
        ).fetchall()
        return [Sentence(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def search(self, query: str, limit: int = 50) -> list[Sentence]:
        """Full-text search over sentences (FTS5 syntax; plain words are ANDed)."""
        rows = self.conn.execute(
            "SELECT s.doc_id, s.idx, s.start, s.\"end\", s.text, s.section FROM sentences_fts f"
            " JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_query(query), limit),
        ).fetchall()
        return [Sentence(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    # -- entities --------------------------------------------------------------------------

    def sync_entities(self, entities: Sequence[Entity]) -> bool:
        """Write the gazetteer's entities unless this exact set is already stored; True when written."""
        digest = hashlib.sha1(repr(sorted(entities, key=lambda e: e.id)).encode()).hexdigest()
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'entities_digest'").fetchone()
        if row and row[0] == digest:
            return False
        self.upsert_entities(entities)
        with self.conn:
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('entities_digest', ?)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (digest,))
        return True

    def upsert_entities(self, entities: Iterable[Entity]) -> None:
        with self.conn:
            for ent in entities:
                self.conn.execute(
                    "INSERT INTO entities (id, kind, name, code, qid, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
                    " code = excluded.code, qid = excluded.qid, lat = excluded.lat, lon = excluded.lon",
                    (ent.id, ent.kind, ent.name, ent.code, ent.qid, ent.lat, ent.lon),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)",
                    [(ent.id, alias) for alias in ent.aliases],
                )

    def entities(self, kind: str | None = None, mentioned_only: bool = True) -> list[tuple[Entity, int]]:
        """Entities with their mention counts, most mentioned first."""
        sql = (
            "SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n FROM entities e"
            + (" WHERE e.kind = ?" if kind else "")
        )
        rows = self.conn.execute(sql, (kind,) if kind else ()).fetchall()
        out = [
            (Entity(r["id"], r["kind"], r["name"], r["code"], r["qid"], r["lat"], r["lon"]), int(r["n"]))
            for r in rows
            if r["n"] or not mentioned_only
        ]
        return sorted(out, key=lambda pair: (-pair[1], pair[0].name))

    def actor_codes(self) -> set[str]:
        """Every actor code that some event has (a code from a user's gazetteer included)."""
        return {str(r[0]) for r in self.conn.execute("SELECT DISTINCT code FROM event_actors")}

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        sql = "SELECT doc_id, sentence, start, \"end\", text, entity_id, label FROM mentions"
        rows = self.conn.execute(sql + (" WHERE doc_id = ?" if doc_id else ""), (doc_id,) if doc_id else ())
        return [Mention(*row) for row in rows]

    # -- events ----------------------------------------------------------------------------

    def events(self, query: EventQuery = EventQuery()) -> list[Event]:
        return list(self.iter_events(query))

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        sql, args = select(query, count=True)
        return int(self.conn.execute(sql, args).fetchone()[0])

    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """Events oldest first, undated last; with ``query.limit``, one page of them (see store.listing)."""
        if query.limit is not None:
            rows = page(self.conn, query)
        else:
            sql, args = select(query)
            rows = self.conn.execute(sql, args).fetchall()
        for row in rows:
            yield self._event(row)

    def event(self, eid: str) -> Event | None:
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (eid,)).fetchone()
        return self._event(row) if row else None

    def _event(self, row: sqlite3.Row) -> Event:
        eid = row["id"]
        actors = self.conn.execute(
            "SELECT code, role FROM event_actors WHERE event_id = ? ORDER BY role, position", (eid,)
        ).fetchall()
        evidence = tuple(
            Evidence(r[0], r[1], r[2], r[3], r[4])
            for r in self.conn.execute(
                "SELECT doc_id, sentence, start, \"end\", quote FROM evidence WHERE event_id = ? ORDER BY id", (eid,)
            )
        )
        quantities = tuple(
            Quantity(r[0], r[1], r[3], r[2])
            for r in self.conn.execute(
                "SELECT value, unit, qualifier, text FROM quantities WHERE event_id = ? ORDER BY id", (eid,)
            )
        )
        span = None
        if row["start"]:
            span = DateSpan(
                date.fromisoformat(row["start"]), date.fromisoformat(row["end"]),
                Precision(row["precision"]), row["date_text"],
            )
        place = None
        if row["location"]:
            place = Place(row["location"], row["location_country"] or "", row["lat"], row["lon"])
        return Event(
            id=eid,
            type=row["type"],
            mode=row["mode"],
            modality=Modality(row["modality"]),
            source=tuple(a[0] for a in actors if a[1] == "source"),
            target=tuple(a[0] for a in actors if a[1] == "target"),
            participants=tuple(a[0] for a in actors if a[1] == "participant"),
            date=span,
            location=place,
            quantities=quantities,
            evidence=evidence,
            trigger=row["trigger"],
            summary=row["summary"],
            headline=row["headline"],
        )

    def event_status(self, eid: str) -> str | None:
        row = self.conn.execute("SELECT status FROM events WHERE id = ?", (eid,)).fetchone()
        return str(row[0]) if row else None

    def source_count(self, eid: str) -> int:
        row = self.conn.execute("SELECT source_count FROM events WHERE id = ?", (eid,)).fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> Stats:
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        by_type = dict(self.conn.execute("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall())
        return Stats(
            documents=count("documents"),
            sentences=count("sentences"),
            entities=int(self.conn.execute("SELECT COUNT(DISTINCT entity_id) FROM mentions").fetchone()[0]),
            mentions=count("mentions"),
            events=count("events"),
            events_by_type=by_type,
        )


def generation(conn: sqlite3.Connection) -> int:
    """The database's write generation (migration 10): a number that changes whenever events, their actors,
    evidence or documents are written, by anyone. Read it inside the transaction that reads what it stands for."""
    return int(conn.execute("SELECT value FROM generation WHERE id = 1").fetchone()[0])


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        title=row["title"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        publisher=row["publisher"],
        fmt=row["fmt"],
        raw=row["raw"],
        offset_map=tuple((int(pair[0]), int(pair[1])) for pair in json.loads(row["offset_map"])),
        date_source=row["date_source"],
    )

