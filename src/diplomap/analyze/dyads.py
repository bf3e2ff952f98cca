"""Monthly series for a pair of actors: counts by PLOVER quad class, net and mean score, and a trend.

Direction: every source acts on every target. Actors on the same side of an event (two sources, or a
source and a participant: "A and B signed") act jointly, so the event counts in both directions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import permutations, product

from diplomap.analyze.periods import month_of
from diplomap.model import Event
from diplomap.plover import plover_score, quad_class

# Slope of the monthly mean PLOVER score (points per month) beyond which a dyad is called improving
# or deteriorating. The scale runs -10..+10; 0.25 a month is three points over a year — the distance
# from a consultation (2.5) to material support (5) or from an accusation (-3) to a threat (-3.5) and
# beyond — a change analysts would call a shift, not noise.
TREND_THRESHOLD = 0.25
# Fewer months than this with any event give no trend: two points always fit a line exactly.
TREND_MIN_MONTHS = 3


@dataclass(frozen=True)
class DyadMonth:
    month: str  # "YYYY-MM"
    quads: tuple[int, int, int, int]  # events in quad class 1, 2, 3, 4
    net_score: float  # sum of PLOVER scores
    mean_score: float | None  # None when no event in the month has a score
    event_ids: tuple[str, ...] = ()

    @property
    def events(self) -> int:
        return len(self.event_ids)


@dataclass(frozen=True)
class DyadSeries:
    source: str
    target: str
    months: tuple[DyadMonth, ...]

    @property
    def total(self) -> int:
        return sum(m.events for m in self.months)


@dataclass(frozen=True)
class Trend:
    label: str  # improving, stable, deteriorating, or "too few data"
    slope: float | None  # score points per month, least squares over months with events
    months: int  # months with a scored event
    threshold: float = TREND_THRESHOLD


@dataclass(frozen=True)
class Dyad:
    a: str
    b: str
    forward: DyadSeries  # a -> b
    backward: DyadSeries  # b -> a
    both: DyadSeries  # every event between them once, whichever the direction
    trend: Trend


def directed_pairs(event: Event) -> set[tuple[str, str]]:
    """The (actor, acted-on) pairs an event stands for."""
    pairs = {(s, t) for s, t in product(event.source, event.target) if s != t}
    joint = (*event.source, *event.participants)
    pairs |= {(s, t) for s, t in permutations(dict.fromkeys(joint), 2)}
    return pairs


def series(events: Iterable[Event], source: str, target: str, months: Sequence[str]) -> DyadSeries:
    """source -> target, month by month over ``months``; events outside them or vaguer than a month drop out."""
    chosen = [e for e in events if (source, target) in directed_pairs(e)]
    return DyadSeries(source, target, _months(chosen, months))


def dyad(events: Iterable[Event], a: str, b: str, months: Sequence[str]) -> Dyad:
    pool = list(events)
    forward = series(pool, a, b, months)
    backward = series(pool, b, a, months)
    both = DyadSeries(a, b, _months(between(pool, a, b), months))
    return Dyad(a, b, forward, backward, both, trend(both))


def between(events: Iterable[Event], a: str, b: str) -> list[Event]:
    """The events of one party toward the other, either way (an event told with no actor that names both,
    "criticism in the media of the India–UK deal", is between them with no direction, as the review counts it); not
    one that only names both ("exercises with China and India as observers")."""
    return [e for e in events if {(a, b), (b, a)} & directed_pairs(e) or (not e.source and {a, b} <= set(e.actors))]


def trend(s: DyadSeries) -> Trend:
    """Least-squares slope of the monthly mean score against the month index, months with no score skipped."""
    points = [(float(i), m.mean_score) for i, m in enumerate(s.months) if m.mean_score is not None]
    if len(points) < TREND_MIN_MONTHS:
        return Trend("too few data", None, len(points))
    slope = least_squares_slope([x for x, _ in points], [y for _, y in points])
    if slope >= TREND_THRESHOLD:
        label = "improving"
    elif slope <= -TREND_THRESHOLD:
        label = "deteriorating"
    else:
        label = "stable"
    return Trend(label, slope, len(points))


def least_squares_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def main_partners(events: Iterable[Event], country: str, n: int = 6) -> list[tuple[str, int]]:
    """The partners the country shares most events with, most first (ties by code)."""
    counts: Counter[str] = Counter()
    for event in events:
        actors = event.actors
        if country in actors:
            counts.update(code for code in actors if code != country)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _months(events: Sequence[Event], months: Sequence[str]) -> tuple[DyadMonth, ...]:
    by_month: dict[str, list[Event]] = {m: [] for m in months}
    for event in events:
        month = month_of(event.date)
        if month in by_month:
            by_month[month].append(event)
    out = []
    for month in months:
        quads = [0, 0, 0, 0]
        scores: list[float] = []
        for event in by_month[month]:
            quad = quad_class(event.type)
            if quad is not None:
                quads[quad - 1] += 1
            score = plover_score(event.type, event.mode)
            if score is not None:
                scores.append(score)
        out.append(DyadMonth(
            month=month,
            quads=(quads[0], quads[1], quads[2], quads[3]),
            net_score=sum(scores),
            mean_score=sum(scores) / len(scores) if scores else None,
            event_ids=tuple(e.id for e in by_month[month]),
        ))
    return tuple(out)
