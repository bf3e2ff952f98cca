"""What the app holds between requests: a Store per worker thread, the knowledge base, a query cache."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import partial
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from diplomap.analyze.vectors import VectorError, VectorMap, load_vectors
from diplomap.knowledge import Knowledge, KnowledgeError
from diplomap.store.db import Store
from diplomap.web.security import Sessions

T = TypeVar("T")
P = ParamSpec("P")
log = logging.getLogger("diplomap.web")
MAX_PENDING = 4


class QueryCache:
    """Results of slow aggregate queries (counts, facets), dropped whenever the database changes.

    "Changed" is read from the database and WAL files' size and mtime, so writes made by another
    process (an ingest running while the app serves) invalidate the cache as well as our own.
    """

    def __init__(self, db_path: Path, size: int = 512) -> None:
        self._files = (db_path, db_path.with_name(db_path.name + "-wal"))
        self._size = size
        # Reentrant: a future that finished before add_done_callback runs its callback right there.
        self._lock = threading.RLock()
        self._version: tuple[int, ...] = ()
        self._data: OrderedDict[Hashable, object] = OrderedDict()
        # One worker, at low priority: background work must not crowd out the requests it speeds up.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplomap-counts", initializer=_nice)
        self._pending: dict[Hashable, tuple[tuple[int, ...], Future[Any]]] = {}  # key: (version, future)

    def _current(self) -> tuple[int, ...]:
        out: list[int] = []
        for path in self._files:
            try:
                st = os.stat(path)
            except FileNotFoundError:  # no WAL file between checkpoints
                out += [0, 0]
            else:
                out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    def _cached(self, key: Hashable, version: tuple[int, ...]) -> tuple[bool, object]:
        """(found, value) for the database as it is now; a changed database empties the cache. Hold the lock."""
        if version != self._version:
            self._data.clear()
            self._version = version
        if key in self._data:
            self._data.move_to_end(key)
            return True, self._data[key]
        return False, None

    def _keep(self, key: Hashable, version: tuple[int, ...], value: object) -> None:
        """Cache a value computed for ``version``, unless the database changed meanwhile. Hold the lock."""
        if version == self._version:
            self._data[key] = value
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self._current()
        with self._lock:
            found, cached = self._cached(key, version)
            if found:
                return cached  # type: ignore[return-value]
            pending = self._pending.get(key)
        if pending is not None and pending[0] == version:  # the worker is at it: wait rather than compute twice
            return pending[1].result()  # type: ignore[no-any-return]
        value = compute()  # outside the lock: two threads may compute the same key, both get it right
        with self._lock:
            self._keep(key, version, value)
        return value

    def peek(self, key: Hashable) -> object | None:
        """The cached value, if any, without computing it."""
        version = self._current()
        with self._lock:
            return self._data.get(key) if version == self._version else None

    def get_soon(self, key: Hashable, compute: Callable[[], T], wait: float) -> T | None:
        """The value if cached or computed within ``wait`` seconds, else None while it computes in the background.

        The list page uses it for the facet index: on a large database reading it takes longer than
        the page itself, so the page is not held for it; it is ready (cached) by the next view. It waits
        only when the worker is free: behind another task it could not finish in time.
        """
        version = self._current()
        with self._lock:
            found, cached = self._cached(key, version)
            if found:
                return cached  # type: ignore[return-value]
            if key in self._pending:  # its first asker waited already; waiting again only adds latency
                return None
            if len(self._pending) >= MAX_PENDING:  # a burst of new views: drop, a later view asks again
                return None
            # The one worker is busy with another view: ours queues behind it and would not be done
            # within ``wait``, so waiting would only add latency. It is still counted, for the next view.
            queued = bool(self._pending)
            future = self._pool.submit(compute)
            self._pending[key] = (version, future)
            future.add_done_callback(lambda done: self._finish(key, version, done))
        if queued:
            return None
        try:
            return future.result(timeout=wait)
        except FutureTimeout:
            return None

    def _finish(self, key: Hashable, version: tuple[int, ...], done: Future[Any]) -> None:
        with self._lock:
            self._pending.pop(key, None)
            if done.cancelled():  # shutting down
                return
            exc = done.exception()
            if exc is not None:
                log.error("background task failed: %s", exc, exc_info=exc)
            else:
                self._keep(key, version, done.result())

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)  # let a running count finish before stores close


def _nice() -> None:
    """Lower this thread's CPU priority (Linux schedules threads apart; SQLite runs without the GIL)."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:  # not permitted here: run at normal priority
            pass


def _logged(work: Callable[[], object]) -> None:
    """Run ``work``; a failure is logged, as nobody waits for its result."""
    try:
        work()
    except Exception as exc:
        log.error("background task failed: %s", exc, exc_info=exc)


class WebState:
    def __init__(self, db_path: Path, token: str, knowledge: Knowledge | None, sessions: Sessions) -> None:
        self.db_path = db_path
        self.token = token
        self.sessions = sessions
        self.cache = QueryCache(db_path)
        self._pages = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplomap-pages")
        self._later = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplomap-later", initializer=_nice)
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._kb = knowledge
        self._kb_tried = knowledge is not None
        self.kb_error = ""
        self._vectors: dict[str, VectorMap | None] = {}

    def store(self) -> Store:
        """This thread's Store: sqlite3 connections must not be shared by threads running at once."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    async def page(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a busy page's work on the one page thread, a page at a time.

        The list and event pages are a few milliseconds of Python each. On Starlette's thread pool,
        eight at once contend for the GIL, each preempted every 5 ms (the switch interval) for the
        others: a list page waits out the others' slices and the switching costs CPU of its own. In
        the latency benchmark one at a time cut the list pages' p95 from 67-89 ms to 43-51 ms. Pages
        that may take long (actor, map, review, document) stay on the pool and never hold this thread.
        """
        return await asyncio.get_running_loop().run_in_executor(self._pages, partial(work, *args, **kwargs))

    def later(self, work: Callable[[], object]) -> None:
        """Run ``work`` (saving a file no answer waits for) on a thread of its own, at low priority; at once
        once the app is closing. ``close`` waits for it."""
        try:
            self._later.submit(_logged, work)
        except RuntimeError:  # shut down: nothing runs it later
            _logged(work)

    def knowledge(self) -> Knowledge | None:
        """The shipped knowledge base, loaded once; None (and kb_error says why) when it cannot be read."""
        with self._lock:
            if not self._kb_tried:
                self._kb_tried = True
                try:
                    self._kb = Knowledge.load()
                except (FileNotFoundError, KnowledgeError) as exc:
                    self.kb_error = f"knowledge files could not be read ({exc})"
            return self._kb

    def vectors(self, actor: str) -> VectorMap | None:
        """The vector map with ``actor`` as the focus country; None without knowledge or a usable vectors file."""
        kb = self.knowledge()
        if kb is None:
            return None
        with self._lock:
            if actor not in self._vectors:
                try:
                    self._vectors[actor] = load_vectors(actor, kb)
                except VectorError:
                    self._vectors[actor] = None
            return self._vectors[actor]

    def close(self) -> None:
        self._pages.shutdown(wait=True)
        self.cache.close()
        self._later.shutdown(wait=True)  # after the cache: its last read may have handed a save over
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()
