"""Turning points of a dyad: the months where its PLOVER score series changes direction sharply.

Definition (tested in tests/test_turning_points.py on records whose answers were written first):

- the series is the mean PLOVER score (-10..+10) of the events both parties take part in, in either
  role, per calendar month; months without events, and events dated more vaguely than a month, are left out;
- each month of the review year that has events is compared with the last earlier month that has
  events (in the year, or before it when the record reaches back): when the mean moved by at least
  TURN points, the month is a turning point: a *downturn* when it fell, an *upturn* when it rose;
- the first month the record has events in is no turning point: there is nothing to turn from;
- its cause is the event of that month that moved the series most: the lowest-scored for a downturn,
  the highest-scored for an upturn (ties: the earlier, then the smaller id).

TURN = 5 is half the distance between a meeting (+2.5..+4) and a sanction (-6) or between an apology
(+4.5) and an arrest (-7): a change of kind, not of tone. Pass another value to tune it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from diplomap.analyze.periods import month_of, sort_key
from diplomap.model import Event
from diplomap.plover import plover_score

TURN = 5.0


@dataclass(frozen=True)
class TurningPoint:
    month: str  # "YYYY-MM"
    direction: str  # "downturn" or "upturn"
    before: float  # mean score of the last earlier month with events
    after: float  # mean score of this month
    cause_ids: tuple[str, ...]  # the event that moved the series most


def turning_points(events: Iterable[Event], a: str, b: str, year: int, turn: float = TURN) -> list[TurningPoint]:
    """The turning points of the a–b series within ``year``, in order."""
    by_month: dict[str, list[tuple[float, Event]]] = defaultdict(list)
    for event in sorted(events, key=sort_key):
        if not {a, b} <= set(event.actors):
            continue
        month = month_of(event.date)
        score = plover_score(event.type, event.mode)
        if month is None or score is None or int(month[:4]) > year:
            continue
        by_month[month].append((score, event))
    out: list[TurningPoint] = []
    previous: float | None = None
    for month in sorted(by_month):
        scored = by_month[month]
        mean = sum(s for s, _ in scored) / len(scored)
        if previous is not None and int(month[:4]) == year and abs(mean - previous) >= turn:
            down = mean < previous
            cause = min(scored, key=lambda se: ((se[0] if down else -se[0]), sort_key(se[1])))[1]
            out.append(TurningPoint(month, "downturn" if down else "upturn", previous, mean, (cause.id,)))
        previous = mean
    return out
