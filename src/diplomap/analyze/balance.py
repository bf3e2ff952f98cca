"""How a country spreads its cooperative engagement across vectors and partners, per quarter and year.

Cooperative engagement = events in PLOVER quad classes 1 and 2 (verbal and material cooperation) that
the focus country takes part in. Each (event, partner) pair counts once, and each (event, vector) pair
once — a meeting with three EU states is one engagement of the EU vector, three of partners. Shares
are computed twice: on counts, and weighted by the PLOVER score (so aid weighs more than a phone call).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from diplomap.analyze.periods import partners, quarter_of, quarters_of_year, year_of
from diplomap.analyze.vectors import VectorMap
from diplomap.model import Event
from diplomap.plover import plover_score, quad_class

COOPERATIVE_QUADS = (1, 2)


@dataclass(frozen=True)
class Concentration:
    """Shares and the usual concentration measures over them.

    hhi = Σ s_i² (1 = one partner only); effective = 1 / hhi (the number of equal partners that would
    give the same hhi); entropy = -Σ s_i ln s_i / ln N, 1 when spread evenly over the N categories.
    """

    shares: Mapping[str, float]  # largest first
    total: float
    hhi: float | None
    effective: float | None
    entropy: float | None
    categories: int  # the N of the entropy


@dataclass(frozen=True)
class PeriodBalance:
    period: str  # "2025-Q1" ... or "2025"
    events: int  # cooperative events in the period
    vectors_by_count: Concentration
    vectors_by_score: Concentration
    partners_by_count: Concentration
    partners_by_score: Concentration


def concentration(weights: Mapping[str, float], categories: int | None = None) -> Concentration:
    """Shares of positive weights; ``categories`` is the N for the entropy (default: those with weight)."""
    positive = {k: w for k, w in weights.items() if w > 0}
    total = sum(positive.values())
    if total == 0:
        return Concentration({}, 0.0, None, None, None, categories or 0)
    shares = dict(sorted(((k, w / total) for k, w in positive.items()), key=lambda kv: (-kv[1], kv[0])))
    hhi = sum(s * s for s in shares.values())
    n = max(categories or 0, len(shares))
    entropy = -sum(s * math.log(s) for s in shares.values()) / math.log(n) if n > 1 else 0.0
    return Concentration(shares, total, hhi, 1 / hhi, entropy, n)


def is_cooperative(event: Event) -> bool:
    return quad_class(event.type) in COOPERATIVE_QUADS


def balance(events: Iterable[Event], vmap: VectorMap, year: int) -> list[PeriodBalance]:
    """The four quarters of ``year`` and the year itself, in that order."""
    coop = [e for e in events if is_cooperative(e) and partners(e, vmap.country)]
    periods = [*quarters_of_year(year), str(year)]
    buckets: dict[str, list[Event]] = {p: [] for p in periods}
    for event in coop:
        quarter = quarter_of(event.date)
        if quarter in buckets:
            buckets[quarter].append(event)
        if year_of(event.date) == year:
            buckets[str(year)].append(event)
    n_vectors = len(vmap.vectors) or None  # configured vectors are the universe; the default has none fixed
    return [_period(p, buckets[p], vmap, n_vectors) for p in periods]


def _period(period: str, events: list[Event], vmap: VectorMap, n_vectors: int | None) -> PeriodBalance:
    v_count: dict[str, float] = defaultdict(float)
    v_score: dict[str, float] = defaultdict(float)
    p_count: dict[str, float] = defaultdict(float)
    p_score: dict[str, float] = defaultdict(float)
    for event in events:
        score = plover_score(event.type, event.mode) or 0.0
        codes = partners(event, vmap.country)
        for code in codes:
            p_count[code] += 1
            p_score[code] += score
        for name in {v for code in codes if (v := vmap.vector_of(code)) is not None}:
            v_count[name] += 1
            v_score[name] += score
    return PeriodBalance(
        period=period,
        events=len(events),
        vectors_by_count=concentration(v_count, n_vectors),
        vectors_by_score=concentration(v_score, n_vectors),
        partners_by_count=concentration(p_count),
        partners_by_score=concentration(p_score),
    )
