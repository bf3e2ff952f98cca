"""Dyad series by month, both directions, and the trend label with its numbers (#4)."""

from __future__ import annotations

from datetime import date

import pytest

from diplomap.analyze.dyads import (
    TREND_THRESHOLD,
    DyadMonth,
    DyadSeries,
    directed_pairs,
    dyad,
    least_squares_slope,
    main_partners,
    trend,
)
from diplomap.analyze.periods import month_of, months_of_year
from diplomap.model import DateSpan, Precision

from .synthetic import day, event

MONTHS = ["2031-01", "2031-02", "2031-03", "2031-04"]


def test_directed_pairs() -> None:
    assert directed_pairs(event("a", "CONSULT", ("A",), ("B",), None, "q")) == {("A", "B")}
    # a joint act counts in both directions
    assert directed_pairs(event("b", "AGREE", ("A", "B"), (), None, "q")) == {("A", "B"), ("B", "A")}
    assert directed_pairs(event("c", "CONSULT", ("A",), ("B",), None, "q", participants=("C",))) == {
        ("A", "B"), ("A", "C"), ("C", "A")}


def test_monthly_series_both_directions() -> None:
    events = [
        event("e1", "CONSULT", ("AZE",), ("ARM",), day(1, 5), "q"),  # quad 1, +2.5
        event("e2", "ACCUSE", ("ARM",), ("AZE",), day(1, 20), "q"),  # quad 3, -3
        event("e3", "AID", ("AZE",), ("ARM",), day(2, 2), "q"),  # quad 2, +10
        event("e4", "ASSAULT", ("ARM",), ("AZE",), day(2, 9), "q"),  # quad 4, -9
        event("e5", "AGREE", ("AZE", "ARM"), (), day(3, 1), "q"),  # quad 1, +2.5, both directions
        event("e6", "CONSULT", ("AZE",), ("GEO",), day(3, 2), "q"),  # another dyad
    ]
    d = dyad(events, "AZE", "ARM", MONTHS)
    assert [m.quads for m in d.forward.months] == [(1, 0, 0, 0), (0, 1, 0, 0), (1, 0, 0, 0), (0, 0, 0, 0)]
    assert [m.mean_score for m in d.forward.months] == [2.5, 10.0, 2.5, None]
    assert [m.quads for m in d.backward.months] == [(0, 0, 1, 0), (0, 0, 0, 1), (1, 0, 0, 0), (0, 0, 0, 0)]
    assert [m.net_score for m in d.backward.months] == [-3.0, -9.0, 2.5, 0.0]
    # both: Jan 2.5 - 3 = -0.5 over 2 -> -0.25; Feb 10 - 9 = 1 over 2 -> 0.5; Mar 2.5
    assert [m.net_score for m in d.both.months] == [-0.5, 1.0, 2.5, 0.0]
    assert [m.mean_score for m in d.both.months] == [-0.25, 0.5, 2.5, None]
    assert d.both.months[2].event_ids == ("e5",) and d.both.total == 5
    # trend on (0, -0.25), (1, 0.5), (2, 2.5): mean x 1, mean y 0.916667, Sxx 2,
    # Sxy = (-1)(-1.166667) + (1)(1.583333) = 2.75 -> slope 1.375
    assert d.trend.slope == pytest.approx(1.375)
    assert (d.trend.label, d.trend.months) == ("improving", 3)


def test_an_event_naming_both_with_no_actor_is_between_them_with_no_direction() -> None:
    events = [event("e1", "CONSULT", ("AZE",), ("ARM",), day(1, 5), "q"),
              event("e2", "ACCUSE", (), ("ARM", "AZE"), day(2, 5), "q")]  # "criticism in the media of the deal"
    d = dyad(events, "AZE", "ARM", MONTHS)
    assert d.both.total == 2 and d.forward.total == 1 and d.backward.total == 0


def _series(means: list[float | None]) -> DyadSeries:
    months = tuple(DyadMonth(f"2031-{i + 1:02d}", (0, 0, 0, 0), 0.0, m) for i, m in enumerate(means))
    return DyadSeries("A", "B", months)


def test_trend_threshold_is_inclusive_and_symmetric() -> None:
    assert TREND_THRESHOLD == 0.25
    assert trend(_series([1.0, 1.2, 1.4])).label == "stable"  # slope 0.2
    assert trend(_series([1.0, 1.25, 1.5])).label == "improving"  # slope 0.25
    assert trend(_series([1.0, None, 0.0, -0.5])).label == "deteriorating"  # points (0,1) (2,0) (3,-0.5)
    few = trend(_series([1.0, None, 5.0]))
    assert (few.label, few.slope, few.months) == ("too few data", None, 2)


def test_least_squares_slope() -> None:
    # y = 2x + 1 exactly
    assert least_squares_slope([0, 1, 2, 3], [1, 3, 5, 7]) == pytest.approx(2.0)
    assert least_squares_slope([1, 1], [0, 5]) == 0.0


def test_month_follows_precision() -> None:
    feb = DateSpan(date(2031, 2, 1), date(2031, 2, 28), Precision.MONTH)
    straddle = DateSpan(date(2031, 1, 30), date(2031, 2, 2), Precision.RANGE)  # midpoint 31 January
    year = DateSpan(date(2031, 1, 1), date(2031, 12, 31), Precision.YEAR)
    assert (month_of(feb), month_of(straddle), month_of(year), month_of(None)) == ("2031-02", "2031-01", None, None)
    assert months_of_year(2031)[0] == "2031-01" and len(months_of_year(2031)) == 12


def test_main_partners_ranks_by_events_then_code() -> None:
    events = [
        event("e1", "CONSULT", ("AZE",), ("ARM",), None, "q"),
        event("e2", "CONSULT", ("ARM",), ("AZE",), None, "q"),
        event("e3", "CONSULT", ("AZE",), ("TUR", "GEO"), None, "q"),
        event("e4", "CONSULT", ("KAZ",), ("UZB",), None, "q"),
    ]
    assert main_partners(events, "AZE") == [("ARM", 2), ("GEO", 1), ("TUR", 1)]
