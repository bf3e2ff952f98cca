"""Where diplomap keeps what it can make again: ``$DIPLOMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplomap``, else
``~/.cache/diplomap`` (never beside the data). Its users: the web app's facet index (``web/facet_cache.py``) and
the gazetteer's phrases split into words (``extract/fast.py``)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV = "DIPLOMAP_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder of diplomap's caches; None when there is none (no home folder)."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG spec: a relative path is to be ignored
        return Path(xdg) / "diplomap"
    try:
        return Path.home() / ".cache" / "diplomap"
    except RuntimeError:  # no HOME and no password entry
        return None


def facet_index_path(db_path: str | Path) -> Path | None:
    """Where the web app keeps the facet index of the database at ``db_path`` (web/facet_cache.py), named after its
    resolved path. Here, apart from the web app's modules, so that ``ingest`` asks whether there is one without
    loading them (#10)."""
    folder = cache_dir()
    if folder is None:
        return None
    name = str(Path(db_path).resolve()).encode("utf-8", "surrogatepass")
    return folder / "facets" / f"{hashlib.sha256(name).hexdigest()[:32]}.npz"
