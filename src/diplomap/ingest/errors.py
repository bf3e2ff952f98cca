from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager


class IngestError(Exception):
    """A source that cannot be read. The message names the source and says what to do."""


@contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Silence the logs and warnings of the parsers we call (pypdf, trafilatura): they report every damaged
    object they work around, on standard error; diplomap says one line per file instead (#9)."""
    logs = [logging.getLogger(name) for name in loggers]
    levels = [log.level for log in logs]
    for log in logs:
        log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for log, level in zip(logs, levels, strict=True):
            log.setLevel(level)
