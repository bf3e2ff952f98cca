"""PLOVER cooperation-conflict scores and quad classes, read from the shipped data file.

Below both analyze/ and report/ (and the exports and the web app), which all read them.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, str], float], dict[str, int]]:
    text = resources.files("diplomap.knowledge").joinpath("plover_scores.csv").read_text(encoding="utf-8")
    scores: dict[tuple[str, str], float] = {}
    quads: dict[str, int] = {}
    for row in csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")):
        scores[(row["event"], row["mode"].lower())] = float(row["score"])
        quads[row["event"]] = int(row["quad"])
    return scores, quads


def plover_score(event_type: str, mode: str = "") -> float | None:
    """The manual's score for a type and mode, falling back to the type's base score."""
    scores, _ = _tables()
    return scores.get((event_type, mode.lower()), scores.get((event_type, "")))


def quad_class(event_type: str) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return _tables()[1].get(event_type)


def event_types() -> tuple[str, ...]:
    """The PLOVER event types the scores file knows, in its order (for pickers and validation)."""
    return tuple(_tables()[1])
