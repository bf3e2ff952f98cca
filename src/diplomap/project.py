"""The one place that joins the stages: sources -> Document -> Extraction -> Store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplomap.ingest import IngestError, read_file
from diplomap.store.corrections import apply_corrections
from diplomap.store.db import EventQuery, Store

if TYPE_CHECKING:
    from diplomap.extract.pipeline import Pipeline
    from diplomap.model import Event

DEFAULT_DB = "diplomap.db"


@dataclass(frozen=True)
class IngestResult:
    source: str
    status: str  # added, skipped (already stored), error
    doc_id: str = ""
    title: str = ""
    sentences: int = 0
    events: int = 0
    error: str = ""


@lru_cache(maxsize=4)
def shared_pipeline(model: str | None, gazetteers: tuple[str, ...]) -> Pipeline:
    """One pipeline (one loaded spaCy model) per configuration and process."""
    from diplomap.extract.pipeline import Pipeline

    return Pipeline(model=model, gazetteers=gazetteers)


class Project:
    """A database plus the extraction pipeline that fills it."""

    def __init__(self, db: str | Path = DEFAULT_DB, gazetteers: Sequence[str] = (), model: str | None = None) -> None:
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
        paths: Iterable[str | Path],
        title: str | None = None,
        published: date | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Ingest files one by one; a bad file is reported and skipped, the others still go in."""
        results = []
        for path in paths:
            try:
                doc = read_file(path, title=title, published=published)
            except IngestError as exc:
                result = IngestResult(str(path), "error", error=str(exc))
            else:
                if self.store.has_document(doc.id):
                    result = IngestResult(str(path), "skipped", doc.id, doc.title)
                else:
                    self._sync_entities()
                    extraction = self.pipeline.extract(doc)
                    self.store.add_document(doc, extraction.sentences, extraction.mentions, extraction.events)
                    result = IngestResult(str(path), "added", doc.id, doc.title, len(extraction.sentences),
                                          len(extraction.events))
            results.append(result)
            if on_result:
                on_result(result)
        return results

    def reextract(self, doc_id: str) -> int:
        """Run extraction again on a stored document (after the extractor or gazetteer changed).

        Returns the number of events now stored from it. Corrections made by people are kept:
        they are stored apart, keyed by event id, and applied again by the store.
        """
        doc = self.store.document(doc_id)
        if doc is None:
            raise KeyError(f"no document {doc_id} in {self.store.path}")
        self._sync_entities()
        extraction = self.pipeline.extract(doc)
        ids = self.store.replace_extraction(doc, extraction.sentences, extraction.mentions, extraction.events)
        apply_corrections(self.store, doc_id)
        return len(ids)

    def _sync_entities(self) -> None:
        """The gazetteer's entities in the store, written once per database and gazetteer version."""
        if self._entities_synced:
            return
        from diplomap.extract.gazetteer import entities

        self.store.sync_entities(entities(self.pipeline.kb))
        self._entities_synced = True

    def events(self, query: EventQuery | None = None) -> list[Event]:
        return self.store.events(query or EventQuery())
