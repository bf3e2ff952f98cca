"""Balance of cooperative engagement: shares, HHI, effective number, entropy, by hand (#4)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from diplomap.analyze.balance import balance, concentration
from diplomap.analyze.vectors import parse_vectors
from diplomap.model import DateSpan, Precision

from .synthetic import day, event, knowledge

VECTORS = {"country": {"AZE": {"vectors": [
    {"name": "A", "partners": ["ARM"]},
    {"name": "B", "members_of": ["EU"]},
    {"name": "Others", "rest": True},
]}}}


def test_concentration_of_two_partners() -> None:
    c = concentration({"a": 3, "b": 1})
    # shares 3/4 and 1/4; hhi = 0.5625 + 0.0625 = 0.625; effective = 1 / 0.625 = 1.6
    # entropy = -(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2 = (0.215762 + 0.346574) / 0.693147 = 0.811278
    assert dict(c.shares) == {"a": 0.75, "b": 0.25}
    assert c.hhi == pytest.approx(0.625)
    assert c.effective == pytest.approx(1.6)
    assert c.entropy == pytest.approx(0.811278, abs=1e-6)


def test_entropy_is_normalised_by_the_categories_given() -> None:
    # same numerator 0.562335, over ln 4 = 1.386294 -> 0.405639
    assert concentration({"a": 3, "b": 1}, categories=4).entropy == pytest.approx(0.405639, abs=1e-6)


def test_concentration_ignores_zero_and_negative_weights_and_handles_nothing() -> None:
    assert dict(concentration({"a": 2, "b": 0, "c": -1}).shares) == {"a": 1.0}
    empty = concentration({})
    assert empty.hhi is None and empty.effective is None and empty.entropy is None and not empty.shares


def test_balance_by_quarter_and_year() -> None:
    year_only = DateSpan(date(2031, 1, 1), date(2031, 12, 31), Precision.YEAR)
    events = [
        event("e1", "CONSULT", ("AZE",), ("ARM",), day(1, 10), "q1"),  # score 2.5
        event("e2", "AID", ("FRA",), ("AZE",), day(2, 1), "q2"),  # score 10
        event("e3", "CONSULT", ("AZE",), ("ARM", "FRA"), day(3, 5), "q3", mode="Visit"),  # score 4
        event("e4", "ACCUSE", ("ARM",), ("AZE",), day(3, 6), "q4"),  # conflict: not counted
        event("e5", "AGREE", ("AZE",), ("USA",), year_only, "q5"),  # score 2.5, in the year only
        event("e6", "COOPERATE", ("AZE",), ("DEU",), day(5, 5), "q6"),  # score 9.5; DEU is an EU member
        event("e7", "CONSULT", ("KAZ",), ("UZB",), day(5, 6), "q7"),  # AZE not in it
    ]
    vmap = parse_vectors(VECTORS, "AZE", knowledge())
    q1, q2, q3, q4, year = balance(events, vmap, 2031)
    assert [p.period for p in (q1, q2, q3, q4, year)] == ["2031-Q1", "2031-Q2", "2031-Q3", "2031-Q4", "2031"]

    # Q1: e1, e2, e3. Counts: A = e1 + e3 = 2, B = e2 + e3 = 2 -> 1/2 each; hhi 0.5; effective 2;
    # entropy over the 3 configured vectors = ln 2 / ln 3 = 0.630930
    assert q1.events == 3
    assert dict(q1.vectors_by_count.shares) == {"A": 0.5, "B": 0.5}
    assert q1.vectors_by_count.hhi == pytest.approx(0.5)
    assert q1.vectors_by_count.effective == pytest.approx(2.0)
    assert q1.vectors_by_count.entropy == pytest.approx(0.630930, abs=1e-6)
    # Scores: A = 2.5 + 4 = 6.5, B = 10 + 4 = 14, total 20.5 -> 0.317073 and 0.682927;
    # hhi = 0.100535 + 0.466389 = 0.566924
    assert q1.vectors_by_score.shares["A"] == pytest.approx(0.317073, abs=1e-6)
    assert q1.vectors_by_score.hhi == pytest.approx(0.566924, abs=1e-6)
    assert dict(q1.partners_by_count.shares) == {"ARM": 0.5, "FRA": 0.5}

    # Q2: e6 alone -> B 100 %; hhi 1; effective 1; entropy 0
    assert (q2.events, dict(q2.vectors_by_count.shares)) == (1, {"B": 1.0})
    assert (q2.vectors_by_count.hhi, q2.vectors_by_count.entropy) == (1.0, 0.0)
    assert q3.events == 0 and q3.vectors_by_count.hhi is None

    # Year: e1 e2 e3 e5 e6. Vectors: A 2, B 3 (e2 e3 e6), Others 1 (e5) -> 1/3, 1/2, 1/6
    # hhi = 4/36 + 9/36 + 1/36 = 14/36 = 0.388889; effective = 36/14 = 2.571429
    # entropy = (0.366204 + 0.346574 + 0.298627) / ln 3 = 1.011404 / 1.098612 = 0.920620
    assert year.events == 5
    assert year.vectors_by_count.shares["Others"] == pytest.approx(1 / 6)
    assert year.vectors_by_count.hhi == pytest.approx(0.388889, abs=1e-6)
    assert year.vectors_by_count.effective == pytest.approx(2.571429, abs=1e-6)
    assert year.vectors_by_count.entropy == pytest.approx(0.920620, abs=1e-6)
    # Partners: ARM 2, FRA 2, USA 1, DEU 1 of 6 -> hhi = 2/9 + 2/36 = 10/36; effective 3.6
    assert year.partners_by_count.hhi == pytest.approx(10 / 36)
    assert year.partners_by_count.effective == pytest.approx(3.6)
    assert math.isclose(sum(year.partners_by_score.shares.values()), 1.0)
