"""What the app holds between requests: a Store per worker thread, the knowledge base, a query cache."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from diplomap.knowledge import Knowledge, KnowledgeError
from diplomap.store.db import Store
from diplomap.web.security import Sessions

T = TypeVar("T")


class QueryCache:
    """Results of slow aggregate queries (counts, facets), dropped whenever the database changes.

    "Changed" is read from the database and WAL files' size and mtime, so writes made by another
    process (an ingest running while the app serves) invalidate the cache as well as our own.
    """

    def __init__(self, db_path: Path, size: int = 512) -> None:
        self._files = (db_path, db_path.with_name(db_path.name + "-wal"))
        self._size = size
        self._lock = threading.Lock()
        self._version: tuple[int, ...] = ()
        self._data: OrderedDict[Hashable, object] = OrderedDict()

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

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self._current()
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]  # type: ignore[return-value]
        value = compute()  # outside the lock: two threads may compute the same key, both get it right
        with self._lock:
            if version == self._version:
                self._data[key] = value
                while len(self._data) > self._size:
                    self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class WebState:
    def __init__(self, db_path: Path, token: str, knowledge: Knowledge | None, sessions: Sessions) -> None:
        self.db_path = db_path
        self.token = token
        self.sessions = sessions
        self.cache = QueryCache(db_path)
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._kb = knowledge
        self._kb_tried = knowledge is not None
        self.kb_error = ""

    def store(self) -> Store:
        """This thread's Store: sqlite3 connections must not be shared by threads running at once."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

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

    def close(self) -> None:
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()
