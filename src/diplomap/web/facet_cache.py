"""The facet index kept on disk between runs of the app, so a restarted app loads it rather than reading the database.

Reading the index (web/facets.py) takes 1.2-2.3 s at 1,000,000 events, and the first request that asks for facets
waits for it. Loading the arrays it was made of takes a fraction of that (#10). The file is named after the
database's resolved path, in ``$DIPLOMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplomap``, else
``~/.cache/diplomap`` (never beside the data), under ``facets/``. It holds the format of this module and the
database's write generation (migration 10: triggers change it on every write to the tables the index reads,
whoever writes) at the time the index was read. ``open_index`` reads the generation and loads the file in
one read transaction, and reads the database instead when the format or the generation differ, or the file is
missing, unreadable or not a sound index; it then saves what it read, written to a temporary file and
renamed, so a reader never sees half a file. A cache that cannot be written (a read-only folder, a full
disk) is logged and the app goes on without it.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

import numpy as np
from numpy.typing import NDArray

from diplomap.cache import facet_index_path as cache_path  # where the facet index of a database is kept
from diplomap.store.db import generation
from diplomap.web.facet_columns import Codes, Column, Pairs
from diplomap.web.facets import FacetIndex

FORMAT = 1  # raise it whenever FacetIndex or the layout below changes: older files are then read again
COLUMNS = ("type", "month", "modality", "status", "day")
PAIRS = ("actors", "docs")
log = logging.getLogger("diplomap.web")


def open_index(conn: sqlite3.Connection, db_path: str | Path,
               later: Callable[[Callable[[], object]], object] | None = None) -> FacetIndex:
    """The facet index of the database as it is now: loaded from the cache when it was saved at the
    database's present generation, else read from the database and saved: by ``later`` when given (the app
    saves on another thread, so a request waiting for the index does not wait for the file too: 0.1-0.2 s
    at 1,000,000 events), else before returning."""
    path = cache_path(db_path) if str(db_path) != ":memory:" else None
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples
    cursor.execute("BEGIN")
    try:
        now = generation(conn)
        index = load(path, now) if path is not None else None
        if index is not None:
            return index
        index = FacetIndex.read(cursor)
    finally:
        conn.rollback()  # it only read
    if path is not None:
        if later is None:
            save(index, now, path)
        else:
            later(lambda: save(index, now, path))
    return index


def save(index: FacetIndex, at: int, path: Path) -> bool:
    """Write the index read at generation ``at`` to ``path`` (atomically); False, logged, when it cannot be."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the user's data: private
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.stem + ".", suffix=".tmp",
                                         delete=False) as out:
            tmp = Path(out.name)
            # (numpy's stubs read the keywords as savez's own allow_pickle)
            cast(Callable[..., None], np.savez)(out, allow_pickle=False, **_arrays(index, at))
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("the facet index could not be saved to %s (%s); it will be read from the database again"
                    " next time", path, exc)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return False
    return True


def load(path: Path, at: int) -> FacetIndex | None:
    """The index saved at ``path`` if it was read at generation ``at`` by this format; None otherwise (logged
    when the file is there but unreadable or unsound)."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if int(saved["format"]) != FORMAT or int(saved["generation"]) != at:
                return None
            return _index({name: saved[name] for name in saved.files})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("the saved facet index %s is unreadable (%s); reading the database instead", path, exc)
        return None


def _arrays(index: FacetIndex, at: int) -> dict[str, NDArray[np.generic]]:
    out: dict[str, NDArray[np.generic]] = {
        "format": np.array(FORMAT), "generation": np.array(at, dtype=np.int64), "size": np.array(index.size),
        "evidence": _narrow(index.evidence), "evidence_event": _narrow(index.evidence_event),
        "evidence_row": _narrow(index.evidence_row), "ids": index.ids, "order": _narrow(index.order),
        "titles": _text(index.titles),
    }
    for name in COLUMNS:
        column: Column = getattr(index, name)
        out[f"{name}.codes"], out[f"{name}.names"] = _narrow(column.codes), _text(column.names)
    for name in PAIRS:
        pairs: Pairs = getattr(index, name)
        out[f"{name}.event"], out[f"{name}.starts"] = _narrow(pairs.event), _narrow(pairs.starts)
        out[f"{name}.codes"], out[f"{name}.names"] = _narrow(pairs.value.codes), _text(pairs.value.names)
    return out


def _index(saved: dict[str, NDArray[np.generic]]) -> FacetIndex:
    """The index from its arrays, checked for the shapes and bounds its methods rely on (ValueError if not)."""
    size = int(saved["size"])

    def codes(name: str, low: int, high: int, length: int | None = None) -> Codes:
        found = saved[name].astype(np.int64)
        if found.ndim != 1 or (length is not None and len(found) != length):
            raise ValueError(f"{name}: {found.shape} values")
        if len(found) and (found.min() < low or found.max() >= high):
            raise ValueError(f"{name}: values outside [{low}, {high})")
        return found

    def column(name: str, length: int) -> Column:
        names = tuple(str(n) for n in json.loads(saved[f"{name}.names"].tobytes()))
        return Column(codes(f"{name}.codes", 0, len(names), length), names, {n: k for k, n in enumerate(names)})

    def pairs(name: str) -> Pairs:
        event = codes(f"{name}.event", 0, size)
        value = column(name, len(event))
        return Pairs(event, value, codes(f"{name}.starts", 0, len(event) + 1, len(value.names) + 1))

    ids = cast(NDArray[np.bytes_], saved["ids"])
    if ids.dtype.kind != "S" or ids.shape != (size,):
        raise ValueError(f"ids: {ids.dtype} {ids.shape}")
    evidence = codes("evidence", 0, 1 << 62)
    titles = json.loads(saved["titles"].tobytes())
    if not isinstance(titles, dict):
        raise ValueError("titles: not a mapping")
    return FacetIndex(
        size, column("type", size), column("month", size), column("modality", size), column("status", size),
        pairs("actors"), pairs("docs"), evidence, codes("evidence_event", 0, size, len(evidence)),
        codes("evidence_row", -1, size), {str(k): str(v) for k, v in titles.items()}, ids,
        column("day", size), codes("order", 0, size, size),
    )


def _narrow(values: Codes) -> NDArray[np.signedinteger]:
    """The integers in the smallest signed type that holds them (read back as int64)."""
    if not len(values):
        return values.astype(np.int8)
    for kind in (np.int8, np.int16, np.int32):
        info = np.iinfo(kind)
        if values.min() >= info.min and values.max() <= info.max:
            return values.astype(kind)
    return values


def _text(value: object) -> NDArray[np.uint8]:
    """Strings (a tuple of names, a mapping of titles) as JSON bytes: no pickle, no fixed-width padding, and a
    lone surrogate (an undecodable byte in a file name) survives as an escape."""
    return np.frombuffer(json.dumps(value).encode("ascii"), dtype=np.uint8)
