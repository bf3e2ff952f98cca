"""How much a happening matters: weights read from knowledge/significance.toml (user-overridable).

Leaders over officials, agreements and status changes over statements, deeds over words, the size of
the PLOVER score, firsts, figures, many parties; history and vague dates count less. Each weight and
word list is in the data file, commented; this module only adds them up.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from diplomap.analyze.agreements import stage_of
from diplomap.model import Event, Modality, Precision
from diplomap.plover import plover_score, quad_class

_VAGUE = {Precision.SEASON, Precision.QUARTER, Precision.HALF, Precision.YEAR, Precision.DECADE}


@dataclass(frozen=True)
class Weights:
    values: dict[str, float]
    leader: re.Pattern[str]
    first: re.Pattern[str]
    key_highlights: int = 12
    per_section: int = 12
    total: int = 80

    def __getitem__(self, name: str) -> float:
        return self.values.get(name, 0.0)


def load_weights(path: str | Path | None = None) -> Weights:
    """The shipped weights, with any value a user's file sets taking their place."""
    text = resources.files("diplomap.knowledge").joinpath("significance.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    if path is not None:
        own = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        for section, values in own.items():
            data.setdefault(section, {}).update(values)
    words, limits = data.get("words", {}), data.get("limits", {})
    return Weights(
        values={k: float(v) for k, v in data.get("weights", {}).items()},
        leader=_words(words.get("leader", [])), first=_words(words.get("first", [])),
        key_highlights=int(limits.get("key_highlights", 12)), per_section=int(limits.get("per_section", 12)),
        total=int(limits.get("total", 80)),
    )


def _words(items: list[str]) -> re.Pattern[str]:
    if not items:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) + r")\b", re.I)


def significance(event: Event, weights: Weights) -> float:
    """One event's significance: the sum of the weights that apply to it."""
    text = " ".join(ev.quote for ev in event.evidence[:1]) or event.summary
    total = 0.0
    if weights.leader.search(text):
        total += weights["leader"]
    if event.type == "AGREE" or stage_of(event) is not None:
        total += weights["agreement"]
    if quad_class(event.type) in (2, 4):
        total += weights["material"]
    score = plover_score(event.type, event.mode)
    if score is not None:
        total += weights["magnitude"] * abs(score) / 10
    if weights.first.search(text):
        total += weights["first"]
    if event.quantities:
        total += weights["quantity"]
    if len(event.actors) >= 3:
        total += weights["multilateral"]
    if event.date is None or event.date.precision in _VAGUE:
        total += weights["vague_date"]
    if event.modality is Modality.BACKGROUND:
        total += weights["background"]
    return round(total, 3)
