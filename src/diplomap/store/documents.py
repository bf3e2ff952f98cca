"""Documents in the store: saved by identity, listed, found by id prefix, re-dated, retitled, deleted.

Saving decides, inside one write transaction, what a newly read text is to the store
(diplomap.ingest.identity): the same source and text is skipped, the same source with new text replaces
the stored extraction in place (same document id, so events keep their ids), anything else is added.
Deciding under the write lock makes two processes ingesting the same file agree: the second one finds
the first one's document and skips (#9, where it died on a unique constraint and abandoned its batch).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from diplomap.ingest.identity import Identity
from diplomap.model import Document, Event, Mention, Modality, Sentence
from diplomap.store.db import EventQuery, Store
from diplomap.store.errors import StoreError

Outcome = Literal["added", "replaced", "skipped"]


@dataclass(frozen=True)
class Saved:
    outcome: Outcome
    doc_id: str
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its text, for listings."""

    id: str
    title: str
    source: str
    published: date | None
    publisher: str
    fmt: str
    ingested_at: str
    content_hash: str
    sentences: int
    events: int  # events with evidence in it
    date_source: str = ""  # where the date came from: model.DATE_SOURCES

    def line(self) -> str:
        """One line of a listing."""
        return (f"{self.id[:12]}  {self.published or '-'!s:<10} {self.date_source:<9}  {self.fmt:<8} "
                f"{self.sentences:>5} sentences "
                f"{self.events:>4} events  {self.title[:60]}  ({self.source})")


def stored_version(store: Store, identity: Identity) -> tuple[str, str] | None:
    """(document id, content hash) of the document stored from the identity's source, the latest if an
    old database holds several; None when the source is new."""
    row = store.conn.execute(
        "SELECT id, content_hash FROM documents WHERE source_key = ? ORDER BY ingested_at DESC, rowid DESC LIMIT 1",
        (identity.source,),
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def save_document(
    store: Store, doc: Document, identity: Identity, sentences: Sequence[Sentence], mentions: Sequence[Mention],
    events: Sequence[Event],
) -> Saved:
    """Store what was read and extracted from one source, as its identity says (see the module docstring).

    ``doc.id`` must be the id of the stored document of that source when there is one (extract with it:
    sentences, mentions and evidence carry it)."""
    with store.conn:
        store.conn.execute("BEGIN IMMEDIATE")  # decide and write under one lock
        stored = stored_version(store, identity)
        if stored is not None and stored[1] == identity.content_hash:
            return Saved("skipped", stored[0])
        if stored is not None:
            if stored[0] != doc.id:
                raise ValueError(f"{doc.source} is stored as document {stored[0]}; extract it with that id")
            ids = store._replace_document(doc, sentences, mentions, events, identity)
            return Saved("replaced", doc.id, tuple(ids))
        ids = store._insert_document(doc, sentences, mentions, events, identity)
        return Saved("added", doc.id, tuple(ids))


def resolve(store: Store, prefix: str) -> str:
    """The id of the one document whose id starts with ``prefix`` (listings show 12 characters)."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise StoreError("give a document id (see 'diplomap documents list')")
    rows = store.conn.execute(
        "SELECT id FROM documents WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 2", (len(prefix), prefix)
    ).fetchall()
    if not rows:
        raise StoreError(f"no document {prefix} in {store.path}; list them with 'diplomap documents list'")
    if len(rows) > 1:
        raise StoreError(f"{prefix} is the start of several document ids; give more of it")
    return str(rows[0][0])


def document_infos(store: Store, doc_id: str | None = None) -> list[DocumentInfo]:
    """Stored documents, oldest first, with their counts of sentences and events."""
    rows = store.conn.execute(
        "SELECT d.id, d.title, d.source, d.published, d.publisher, d.fmt, d.ingested_at, d.content_hash,"
        " (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id),"
        " (SELECT COUNT(DISTINCT v.event_id) FROM evidence v WHERE v.doc_id = d.id), d.date_source"
        " FROM documents d" + (" WHERE d.id = ?" if doc_id else "") + " ORDER BY d.ingested_at, d.id",
        (doc_id,) if doc_id else (),
    ).fetchall()
    return [DocumentInfo(r[0], r[1], r[2], date.fromisoformat(r[3]) if r[3] else None, r[4], r[5], r[6], r[7],
                         int(r[8]), int(r[9]), r[10]) for r in rows]


def describe(store: Store, doc_id: str) -> list[str]:
    """A document's metadata, then one line per event it tells (every modality, rejected ones too)."""
    info = document_infos(store, doc_id)[0]
    lines = [f"{label:<10} {value}" for label, value in (
        ("id", info.id), ("title", info.title), ("source", info.source), ("published", _published(info)),
        ("publisher", info.publisher or "-"), ("format", info.fmt), ("ingested", info.ingested_at),
        ("text hash", info.content_hash), ("sentences", info.sentences), ("events", info.events))]
    query = EventQuery(doc_id=doc_id, modalities=tuple(Modality), min_actors=1, include_rejected=True)
    for event in store.iter_events(query):
        span = f"{event.date.start}..{event.date.end}" if event.date else "undated"
        actors = ",".join(event.source) + (" -> " + ",".join(event.target) if event.target else "")
        lines.append(f"  {event.id}  {span:<22} {event.type:<9} {event.modality:<12} {actors}")
    return lines


def _published(info: DocumentInfo) -> str:
    """The date and where it came from; how to set it when there is none."""
    if info.published is None:
        return f"none (set it: diplomap documents set {info.id[:12]} --date YYYY-MM-DD)"
    said = _FROM.get(info.date_source)
    return f"{info.published} ({info.date_source}" + (f": {said})" if said else ")")


_FROM = {"given": "given on the command line or set", "manifest": "from the manifest", "feed": "from the feed entry",
         "html-meta": "from the page's meta tags or JSON-LD", "text": "stated in the text",
         "pdf-meta": "the PDF's creation date", "url": "from the URL",
         "unknown": "stored before diplomap recorded where dates came from"}


def set_title(store: Store, doc_id: str, title: str) -> None:
    title = " ".join(title.split())
    if not title:
        raise StoreError("a title cannot be empty")
    with store.conn:
        store.conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, doc_id))


def delete_extraction(store: Store, doc_id: str) -> None:
    """Drop a document's sentences, mentions and evidence, and the events left without evidence; the
    events that other documents tell too stay, counting one source less. Corrections stay (history).
    The caller holds the transaction."""
    told = [row[0] for row in store.conn.execute("SELECT DISTINCT event_id FROM evidence WHERE doc_id = ?",
                                                (doc_id,))]
    store.conn.execute("DELETE FROM evidence WHERE doc_id = ?", (doc_id,))
    store.conn.executemany(
        "DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = ?)",
        [(eid, eid) for eid in told],
    )
    store.conn.executemany(
        "UPDATE events SET source_count = (SELECT COUNT(DISTINCT doc_id) FROM evidence v WHERE v.event_id = ?)"
        " WHERE id = ?",
        [(eid, eid) for eid in told],
    )
    store.conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
    store.conn.execute("DELETE FROM sentences WHERE doc_id = ?", (doc_id,))


def delete_document(store: Store, doc_id: str) -> int:
    """Delete a document, its sentences, mentions and evidence, and the events only it told (events other
    documents tell too stay, one source less). Corrections stay in the history. Returns the events deleted."""
    with store.conn:
        before = int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        delete_extraction(store, doc_id)
        store.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return before - int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


__all__ = ["DocumentInfo", "Saved", "delete_document", "delete_extraction", "describe", "document_infos", "resolve",
           "save_document", "set_title", "stored_version"]
