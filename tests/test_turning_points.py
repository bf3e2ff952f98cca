"""Turning points of a dyad's score series, on synthetic records whose answers were written down first (#11).

The definition (analyze/turning.py, docs/review.md): months with events are compared in order; a month whose
mean PLOVER score differs from the last earlier month with events by at least TURN (5 points) is a turning
point, a downturn when it falls and an upturn when it rises. Its cause is the happening of that month that
moved the series most: the lowest-scored one for a downturn, the highest-scored one for an upturn.
"""

from __future__ import annotations

from diplomap.analyze.turning import turning_points

from .synthetic import day, event

# A Russia-like year, its answer written before the code ran:
#   Feb  SANCTION (-6)                -> first scored month: nothing to turn from, no turning point
#   May  REJECT (-2)                  -> +4 from -6: under 5, no turning point
#   Jun  ASSAULT (-9) + ACCUSE (-3)   -> mean -6, -4 from -2: no turning point
#   Aug  CONSULT Visit (+4)           -> +10 from -6: UPTURN in August, caused by the visit (e05)
#   Oct  CONSULT (+2.5) + CONCEDE (+4.5) -> mean +3.5, -0.5: no turning point
#   Nov  COERCE (-7)                  -> -10.5: DOWNTURN in November, caused by the arrest (e08)
CRISIS_YEAR = [
    event("e01", "SANCTION", ("AAA",), ("BBB",), day(2, 10), "Alpha closed the Beta agency."),
    event("e02", "REJECT", ("AAA",), ("BBB",), day(5, 9), "Alpha declined the parade.", sentence=1),
    event("e03", "ASSAULT", ("BBB",), ("AAA",), day(6, 28), "Beta raided Alpha's diaspora.", sentence=2),
    event("e04", "ACCUSE", ("AAA",), ("BBB",), day(6, 30), "Alpha denounced the raid.", sentence=3),
    event("e05", "CONSULT", ("AAA",), ("BBB",), day(8, 15), "The deputy prime ministers met in Gamma.",
          mode="Visit", sentence=4),
    event("e06", "CONSULT", ("AAA", "BBB"), (), day(10, 9), "The presidents met.", sentence=5),
    event("e07", "CONCEDE", ("BBB",), ("AAA",), day(10, 9), "Beta apologised.", sentence=6),
    event("e08", "COERCE", ("BBB",), ("AAA",), day(11, 20), "Beta arrested Alpha's businessmen.", sentence=7),
]


def test_crisis_year_has_an_upturn_in_august_and_a_downturn_in_november() -> None:
    points = turning_points(CRISIS_YEAR, "AAA", "BBB", 2031)
    assert [(p.month, p.direction) for p in points] == [("2031-08", "upturn"), ("2031-11", "downturn")]
    assert [p.cause_ids for p in points] == [("e05",), ("e08",)]
    assert points[0].before == -6.0 and points[0].after == 4.0


def test_a_steady_partnership_has_no_turning_point() -> None:
    # answer: every month scores +2.5 to +4, no jump reaches 5 -> none
    steady = [event(f"s{m:02d}", "CONSULT" if m % 2 else "AGREE", ("AAA",), ("BBB",), day(m, 1), f"Met {m}.",
                    mode="Visit" if m % 3 == 0 else "", sentence=m) for m in range(1, 13)]
    assert turning_points(steady, "AAA", "BBB", 2031) == []


def test_one_month_of_events_has_no_turning_point() -> None:
    # answer: a single scored month has nothing before it -> none, however extreme
    once = [event("o1", "ASSAULT", ("AAA",), ("BBB",), day(3, 3), "Alpha shelled Beta.")]
    assert turning_points(once, "AAA", "BBB", 2031) == []


def test_the_previous_year_sets_the_level_the_first_month_is_compared_with() -> None:
    # answer: a December crash (-9) the year before, then a January meeting (+4): +13 -> upturn in January
    record = [event("p1", "ASSAULT", ("BBB",), ("AAA",), day(12, 25, 2030), "Beta downed Alpha's plane."),
              event("p2", "CONSULT", ("AAA",), ("BBB",), day(1, 20), "Leaders met.", mode="Visit", sentence=1)]
    points = turning_points(record, "AAA", "BBB", 2031)
    assert [(p.month, p.direction, p.cause_ids) for p in points] == [("2031-01", "upturn", ("p2",))]


def test_vague_dates_and_other_dyads_do_not_count() -> None:
    # answer: the year-long sanction (no month) and the Alpha-Delta clash are not in the series -> none
    record = [event("v1", "CONSULT", ("AAA",), ("BBB",), day(2, 2), "Met."),
              event("v2", "ASSAULT", ("AAA",), ("DDD",), day(3, 3), "Alpha shelled Delta.", sentence=1),
              event("v3", "CONSULT", ("AAA",), ("BBB",), day(4, 4), "Met again.", sentence=2)]
    from datetime import date

    from diplomap.model import DateSpan, Precision
    year = DateSpan(date(2031, 1, 1), date(2031, 12, 31), Precision.YEAR)
    record.append(event("v4", "SANCTION", ("BBB",), ("AAA",), year, "Beta sanctioned Alpha.", sentence=3))
    assert turning_points(record, "AAA", "BBB", 2031) == []
