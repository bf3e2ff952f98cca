"""Where extraction runs: in this process, in worker processes (``--workers N``), or on a Dask cluster
(``--dask ADDRESS``, or ``DIPLOMAP_DASK``).

Workers only extract: batches of documents go out, their extractions come back in the order they went,
and the one process that sent them writes the SQLite file (``Project.ingest``). Extraction is a pure
function of the document and the pipeline (model and gazetteer), so the database is the same whatever
runs it. Dask is optional (the ``scale`` extra) and imported only when a cluster is asked for.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # (multiprocessing and concurrent.futures load when workers start: the CLI starts fast)
    from concurrent.futures import Future, ProcessPoolExecutor

    from diplomap.extract.pipeline import Extraction, Pipeline
    from diplomap.knowledge import Knowledge
    from diplomap.model import Document

DASK_ENV = "DIPLOMAP_DASK"

# what a batch's extraction is, once asked for: computed here, or waited for from a worker
Pending = Callable[[], "list[Extraction]"]


class WorkerError(Exception):
    """Extraction cannot run where it was asked to (no Dask installed, no scheduler at the address)."""


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as this process: the model's name and the gazetteers."""

    model: str | None
    gazetteers: tuple[str, ...]

    def local(self) -> Pipeline:
        from diplomap.project import shared_pipeline

        return shared_pipeline(self.model, self.gazetteers)


def default_workers() -> int:
    """Processes ``ingest`` uses unless told: the cores, at most two, since each holds a model of its own
    (about 200 MB); ``--workers N`` for more."""
    return max(1, min(2, os.cpu_count() or 1))


class Extractor(Protocol):
    ahead: int  # batches worth having in flight before waiting for the first

    def submit(self, docs: Sequence[Document]) -> Pending: ...

    def close(self) -> None: ...


class LocalExtractor:
    """Extraction in this process, as soon as a batch is submitted."""

    ahead = 0

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def submit(self, docs: Sequence[Document]) -> Pending:
        done = self.spec.local().extract_many(docs) if docs else []
        return lambda: done

    def close(self) -> None:
        pass


def extract_batch(spec: PipelineSpec, docs: Sequence[Document]) -> list[Extraction]:
    """A worker process's task: one batch, with the process's one pipeline."""
    return spec.local().extract_many(docs)


class _Held:
    """The first batch, kept back until a second one shows there is more work than one batch."""

    def __init__(self, spec: PipelineSpec, docs: Sequence[Document]) -> None:
        self.spec, self.docs = spec, docs
        self.future: Future[list[Extraction]] | None = None
        self.done: list[Extraction] | None = None

    def result(self) -> list[Extraction]:
        if self.done is None:
            self.done = self.future.result() if self.future else self.spec.local().extract_many(self.docs)
        return self.done


class ProcessExtractor:
    """Extraction in ``workers`` processes. The pool starts only when a second batch comes (one small
    ingest stays in this process); the model is loaded here first, and forked processes share it."""

    def __init__(self, spec: PipelineSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.ahead = 2 * workers
        self._pool: ProcessPoolExecutor | None = None
        self._first: _Held | None = None

    def submit(self, docs: Sequence[Document]) -> Pending:
        if not docs:
            return list
        if self._pool is None and self._first is None:
            self._first = _Held(self.spec, docs)
            return self._first.result
        return self._start().submit(extract_batch, self.spec, docs).result

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            _ = self.spec.local().nlp  # loaded once here: forked workers inherit it
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            # the workers' collector leaves what they inherit alone: it would walk, and so copy, the pages of
            # every object the model is made of (Python's advice for fork: freeze, fork, and here unfreeze)
            gc.freeze()
            try:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
                first = self._first
                if first is not None and first.done is None and first.future is None:
                    # (with fork, the first task starts all the workers)
                    first.future = self._pool.submit(extract_batch, self.spec, first.docs)
            finally:
                gc.unfreeze()
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# -- Dask ------------------------------------------------------------------------------------------

_local = threading.local()  # a Dask worker runs tasks in threads: each thread gets its own pipeline


def dask_extract(model: str | None, kb_key: str, kb: Knowledge, docs: Sequence[Document]) -> list[Extraction]:
    """A Dask task: one batch, with this worker thread's pipeline for that model and knowledge."""
    from diplomap.extract.pipeline import Pipeline

    cache: dict[tuple[str | None, str], Pipeline] = getattr(_local, "pipelines", None) or {}
    _local.pipelines = cache
    if (model, kb_key) not in cache:
        cache[(model, kb_key)] = Pipeline(kb=kb, model=model)
    return cache[(model, kb_key)].extract_many(docs)


class DaskExtractor:
    """Extraction on an existing dask.distributed cluster. The knowledge (gazetteers included) is sent to
    the workers once, so a worker needs diplomap and the spaCy model installed, not this machine's files."""

    def __init__(self, spec: PipelineSpec, address: str) -> None:
        import hashlib
        import pickle

        try:
            from dask import distributed
        except ImportError:
            raise WorkerError("--dask needs Dask: pip install 'diplomap[scale]'") from None
        try:
            client_type: Any = distributed.Client  # (untyped)
            self.client: Any = client_type(address, timeout="10s")
        except OSError as exc:
            raise WorkerError(f"no Dask scheduler at {address} ({exc}); start one with 'dask scheduler' "
                              "and workers with 'dask worker ADDRESS' (docs/scaling.md)") from None
        self.spec = spec
        kb = spec.local().kb
        self._kb_key = hashlib.sha1(pickle.dumps(kb)).hexdigest()
        self._kb = self.client.scatter(kb, broadcast=True, hash=False)
        threads = sum(self.client.nthreads().values()) or 1
        self.ahead = 2 * threads

    def submit(self, docs: Sequence[Document]) -> Pending:
        if not docs:
            return list
        future = self.client.submit(dask_extract, self.spec.model, self._kb_key, self._kb, list(docs), pure=False)
        return lambda: list(future.result())

    def close(self) -> None:
        self.client.close()


def open_extractor(spec: PipelineSpec, workers: int = 1, dask: str | None = None) -> Extractor:
    """Where to extract: on the Dask cluster at ``dask`` when given, else in ``workers`` processes (1: here)."""
    if dask:
        return DaskExtractor(spec, dask)
    if workers > 1:
        return ProcessExtractor(spec, workers)
    return LocalExtractor(spec)
