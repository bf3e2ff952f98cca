"""The one place that joins the stages: sources -> Document -> Extraction -> Store."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.ingest import IngestError, identify, project_file
from diplomap.ingest.items import Item, carried_over, file_item
from diplomap.knowledge import Knowledge
from diplomap.store.corrections import apply_corrections
from diplomap.store.db import EventQuery, Store
from diplomap.store.documents import delete_document, save_document, stored_version

if TYPE_CHECKING:
    from diplomap.extract.pipeline import Extraction, Pipeline
    from diplomap.extract.workers import Extractor, Pending
    from diplomap.ingest.identity import Identity
    from diplomap.model import Document, Event

DEFAULT_DB = "diplomap.db"
# documents extracted together: enough short news items to fill spaCy's batches, few enough to stay small
BATCH = 16


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


@dataclass(frozen=True)
class _Job:
    """A document read, to be extracted and stored."""

    source: str
    doc: Document
    identity: Identity
    encoding: str
    warnings: tuple[str, ...]


@dataclass
class _Slot:
    """One item's place in the order of results: its result, or the job that will give it."""

    result: IngestResult | None = None
    job: _Job | None = None


@lru_cache(maxsize=4)
def shared_knowledge(gazetteers: tuple[str, ...]) -> Knowledge:
    """The knowledge (shipped data and the user's gazetteers) once per process: KnowledgeError for a gazetteer
    that cannot be read."""
    return Knowledge.load(gazetteers)


@lru_cache(maxsize=4)
def shared_pipeline(model: str | None, gazetteers: tuple[str, ...]) -> Pipeline:
    """One pipeline (one loaded spaCy model) per configuration and process."""
    from diplomap.extract.fast import collected_rarely

    with collected_rarely():  # (importing spaCy, reading the knowledge)
        from diplomap.extract.pipeline import Pipeline

        return Pipeline(kb=shared_knowledge(gazetteers), model=model)


class Project:
    """A database plus the extraction pipeline that fills it."""

    def __init__(self, db: str | Path = DEFAULT_DB, gazetteers: Sequence[str] = (), model: str | None = None) -> None:
        """Open the store; StoreError for a bad database, KnowledgeError for a gazetteer that cannot be read,
        both before anything is ingested."""
        if gazetteers:  # read now: a missing or broken file is an error even when nothing new is ingested
            shared_knowledge(tuple(gazetteers))
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
        workers: int = 1,
        dask: str | None = None,
        batch: int = BATCH,
    ) -> list[IngestResult]:
        """Ingest items (a path is a file item); a bad one is reported and skipped, the others still go in.
        ``title`` and ``published`` apply to paths given here; an Item carries its own.

        A file already stored from the same path with the same text is skipped; with new text it is
        re-extracted in place, keeping its events' ids and their corrections (diplomap.ingest.identity).

        Items are read here and extracted in batches of ``batch`` documents: here, in ``workers`` processes,
        or on the Dask cluster at ``dask`` (diplomap.extract.workers); this process alone writes the store,
        in the order of the items, so the database is the same whatever does the extraction. ``on_result``
        hears of each item in that order, as it is stored."""
        from diplomap.extract.workers import PipelineSpec, open_extractor

        results: list[IngestResult] = []

        def done(result: IngestResult) -> None:
            results.append(result)
            if on_result:
                on_result(result)

        extractor = open_extractor(PipelineSpec(self.model, self.gazetteers), workers, dask)
        try:
            self._sync_entities()
            self._run(items, title, published, extractor, batch, done)
        finally:
            extractor.close()
        return results

    def _run(self, items: Iterable[str | Path | Item], title: str | None, published: date | None,
             extractor: Extractor, batch: int, done: Callable[[IngestResult], None]) -> None:
        """Read items into batches, hand each batch to the extractor, store the batches in order."""
        in_flight: deque[tuple[list[_Slot], Pending]] = deque()
        slots: list[_Slot] = []  # the batch being gathered
        sources: set[str] = set()  # of the documents read and not yet stored

        def send() -> None:
            nonlocal slots
            in_flight.append((slots, extractor.submit([s.job.doc for s in slots if s.job])))
            slots = []

        def store_first() -> None:
            first, pending = in_flight.popleft()
            for slot, extraction in zip([s for s in first if s.job], pending(), strict=True):
                assert slot.job is not None
                slot.result = self._save(slot.job, extraction)
                sources.discard(slot.job.identity.source)
            for slot in first:
                assert slot.result is not None
                done(slot.result)

        for entry in items:
            item = entry if isinstance(entry, Item) else file_item(entry, title=title, published=published)
            try:
                doc = item.read()
                identity = identify(doc.source, doc.raw)
                if identity.source in sources:
                    # the same source twice before the first is stored: store it first, then decide
                    send()
                    while in_flight:
                        store_first()
                slot = self._prepare(item, doc, identity)
            except IngestError as exc:
                slot = _Slot(IngestResult(item.source, "error", error=str(exc)))
            if slot.result is not None and not slots and not in_flight:
                done(slot.result)  # nothing before it to wait for (a re-run of a stored folder goes on at once)
                continue
            slots.append(slot)
            if slot.job:
                sources.add(slot.job.identity.source)
                if sum(1 for s in slots if s.job) >= batch:
                    send()
                    while len(in_flight) > extractor.ahead:
                        store_first()
        send()
        while in_flight:
            store_first()

    def _prepare(self, item: Item, doc: Document, identity: Identity) -> _Slot:
        """What to do with a document read: nothing (stored already), or extract and store it."""
        encoding, warnings = (doc.encoding if doc.encoding != "UTF-8" else ""), _warnings(item.source, doc, item)
        stored = stored_version(self.store, identity)
        if stored is not None and (stored[1] == identity.content_hash or item.partial):
            return _Slot(IngestResult(item.source, "skipped", stored[0], doc.title, encoding=encoding,
                                      warnings=warnings))
        before = self.store.document(stored[0]) if stored is not None else None
        if before is not None:
            # the same source with new text: the same document, with what it was given or set before
            doc = carried_over(doc, before, item)
            warnings = _warnings(item.source, doc, item)
        return _Slot(job=_Job(item.source, doc, identity, encoding, warnings))

    def _save(self, job: _Job, extraction: Extraction) -> IngestResult:
        doc = job.doc

        def result(status: str, doc_id: str, sentences: int = 0, events: int = 0) -> IngestResult:
            return IngestResult(job.source, status, doc_id, doc.title, sentences, events, encoding=job.encoding,
                                warnings=job.warnings)

        if extraction.error:
            return IngestResult(job.source, "error", error=f"{job.source}: {extraction.error}", encoding=job.encoding,
                                warnings=job.warnings)
        saved = save_document(self.store, doc, job.identity, extraction.sentences, extraction.mentions,
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

        # (the knowledge alone: a re-run of a stored folder loads no model)
        self.store.sync_entities(entities(shared_knowledge(self.gazetteers)))
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
