"""Which month, quarter or year an event belongs to, given how precisely its date is known.

An event counts in a period only when its date span is no longer than the period: "2025" alone says
nothing about which quarter, and putting such events in January (their start) would pile them into
the first month. A short span that crosses a boundary ("30 January - 2 February") goes where its
midpoint falls.
"""

from __future__ import annotations

from datetime import date, timedelta

from diplomap.model import DateSpan, Event

MONTH_DAYS, QUARTER_DAYS, YEAR_DAYS = 31, 92, 366


def midpoint(span: DateSpan) -> date:
    return span.start + timedelta(days=(span.end - span.start).days // 2)


def month_of(span: DateSpan | None) -> str | None:
    """"YYYY-MM", or None when the date is unknown or vaguer than a month."""
    if span is None or span.days > MONTH_DAYS:
        return None
    mid = midpoint(span)
    return f"{mid.year:04d}-{mid.month:02d}"


def quarter_of(span: DateSpan | None) -> str | None:
    """"YYYY-Qn", or None when the date is unknown or vaguer than a quarter."""
    if span is None or span.days > QUARTER_DAYS:
        return None
    mid = midpoint(span)
    return f"{mid.year:04d}-Q{(mid.month - 1) // 3 + 1}"


def year_of(span: DateSpan | None) -> int | None:
    if span is None or span.days > YEAR_DAYS:
        return None
    return midpoint(span).year


def months_of_year(year: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


def quarters_of_year(year: int) -> list[str]:
    return [f"{year:04d}-Q{q}" for q in range(1, 5)]


def partners(event: Event, country: str) -> tuple[str, ...]:
    """The event's other actors when the focus country takes part in it, else nothing."""
    actors = event.actors
    if country not in actors:
        return ()
    return tuple(code for code in actors if code != country)


def sort_key(event: Event) -> tuple[date, str]:
    return (event.date.start if event.date else date.max, event.id)
