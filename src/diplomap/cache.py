"""Where diplomap keeps what it can make again: ``$DIPLOMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplomap``, else
``~/.cache/diplomap`` (never beside the data). Its users: the web app's facet index (``web/facet_cache.py``) and
the gazetteer's phrases split into words (``extract/fast.py``)."""

from __future__ import annotations

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
