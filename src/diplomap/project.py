"""The one place that joins the stages: sources -> Document -> Extraction -> Store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.ingest import IngestError, identify, project_file
from diplomap.ingest.items import Item, carried_over, file_item
from diplomap.store.corrections import apply_corrections
from diplomap.store.db import EventQuery, Store
from diplomap.store.documents import delete_document, save_document, stored_version

if TYPE_CHECKING:
    from diplomap.extract.pipeline import Pipeline
    from diplomap.model import Document, Event

DEFAULT_DB = "diplomap.db"


@dataclass(frozen=True)
class IngestResult:
    source: str
    status: str  # added, updated (same source, new text: re-extracted in place), skipped (already stored), error
    doc_id: str = ""
    title: str = ""
    sentences: int = 0
    events: int = 0
    error: str = ""
    encoding: str = ""  # what a text file was read as, when not plain UTF-8 (UTF-16 LE, ...)
    warnings: tuple[str, ...] = ()  # ingested, but worth a look


@lru_cache(maxsize=4)
def shared_pipeline(model: str | None, gazetteers: tuple[str, ...]) -> Pipeline:
    """One pipeline (one loaded spaCy model) per configuration and process."""
    from diplomap.extract.pipeline import Pipeline

    return Pipeline(model=model, gazetteers=gazetteers)


class Project:
    """A database plus the extraction pipeline that fills it."""

    def __init__(self, db: str | Path = DEFAULT_DB, gazetteers: Sequence[str] = (), model: str | None = None) -> None:
        """Open the store; StoreError for a bad database, KnowledgeError for a gazetteer that cannot be read,
        both before anything is ingested."""
        if gazetteers:  # read now: a missing or broken file is an error even when nothing new is ingested
            from diplomap.knowledge import Knowledge

            Knowledge.load(gazetteers)
        self.store = Store(db)
        self.gazetteers = tuple(gazetteers)
        self.model = model
        self._pipeline: Pipeline | None = None
        self._entities_synced = False

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = shared_pipeline(self.model, self.gazetteers)
        return self._pipeline

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        items: Iterable[str | Path | Item],
        title: str | None = None,
        published: date | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Ingest items (a path is a file item) one by one; a bad one is reported and skipped, the others still
        go in. ``title`` and ``published`` apply to paths given here; an Item carries its own.

        A file already stored from the same path with the same text is skipped; with new text it is
        re-extracted in place, keeping its events' ids and their corrections (diplomap.ingest.identity)."""
        results = []
        for entry in items:
            item = entry if isinstance(entry, Item) else file_item(entry, title=title, published=published)
            try:
                result = self._ingest_one(item)
            except IngestError as exc:
                result = IngestResult(item.source, "error", error=str(exc))
            results.append(result)
            if on_result:
                on_result(result)
        return results

    def _ingest_one(self, item: Item) -> IngestResult:
        path = item.source
        doc = item.read()
        identity = identify(doc.source, doc.raw)
        encoding, warnings = (doc.encoding if doc.encoding != "UTF-8" else ""), _warnings(path, doc, item)

        def result(status: str, doc_id: str, sentences: int = 0, events: int = 0) -> IngestResult:
            return IngestResult(str(path), status, doc_id, doc.title, sentences, events, encoding=encoding,
                                warnings=warnings)

        stored = stored_version(self.store, identity)
        if stored is not None and (stored[1] == identity.content_hash or item.partial):
            return result("skipped", stored[0])
        before = self.store.document(stored[0]) if stored is not None else None
        if before is not None:
            # the same source with new text: the same document, with what it was given or set before
            doc = carried_over(doc, before, item)
            warnings = _warnings(path, doc, item)
        self._sync_entities()
        extraction = self.pipeline.extract(doc)
        saved = save_document(self.store, doc, identity, extraction.sentences, extraction.mentions,
                              extraction.events)
        if saved.outcome == "skipped":  # another process stored it meanwhile
            return result("skipped", saved.doc_id)
        if saved.outcome == "replaced":
            apply_corrections(self.store, doc.id)
        status = "updated" if saved.outcome == "replaced" else "added"
        return result(status, doc.id, len(extraction.sentences), len(extraction.events))

    def reextract(self, doc_id: str, published: date | None = None) -> int:
        """Run extraction again on a stored document (after the extractor or gazetteer changed, or with
        a corrected publication date, against which its dates resolve).

        Returns the number of events now stored from it. Corrections made by people are kept:
        they are stored apart, keyed by event id, and applied again by the store.
        """
        doc = self.store.document(doc_id)
        if doc is None:
            raise KeyError(f"no document {doc_id} in {self.store.path}")
        if published is not None:
            doc = replace(doc, published=published, date_source="given")
        self._sync_entities()
        extraction = self.pipeline.extract(doc)
        ids = self.store.replace_extraction(doc, extraction.sentences, extraction.mentions, extraction.events)
        apply_corrections(self.store, doc_id)
        return len(ids)

    def delete(self, doc_id: str) -> int:
        """Delete a document and what was extracted from it; returns the number of events deleted."""
        return delete_document(self.store, doc_id)

    def _sync_entities(self) -> None:
        """The gazetteer's entities in the store, written once per database and gazetteer version."""
        if self._entities_synced:
            return
        from diplomap.extract.gazetteer import entities

        self.store.sync_entities(entities(self.pipeline.kb))
        self._entities_synced = True

    def events(self, query: EventQuery | None = None) -> list[Event]:
        return self.store.events(query or EventQuery())


def _warnings(path: str | Path, doc: Document, item: Item) -> tuple[str, ...]:
    said = list(item.notes)
    if project_file(path):
        said.append("looks like a software project's file (README, LICENSE, ...), not a report or news item; if so,"
                    f" remove it with 'diplomap documents delete {doc.id[:12]}'")
    if doc.published is None:
        said.append(f"no publication date found; set it with 'diplomap documents set {doc.id[:12]} --date YYYY-MM-DD'"
                    " (relative dates such as 'yesterday' resolve against it)")
    return tuple(said)
