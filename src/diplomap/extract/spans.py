"""Date spans made from others: whole months and years, the weeks before a story's day, the previous or next
occurrence of a date told without its year, and the spans of relative phrases ("last week", "two days later",
"next March", "this year") resolved against an anchor. extract/dates.py finds the phrases; these build their spans.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from diplomap.knowledge.grammar import MONTH_NAMES, MONTHS
from diplomap.model import DateSpan, Precision

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3}


def whole_month(year: int, month: int) -> DateSpan:
    """A month, as the date of what a text tells only as of that month."""
    return month_span(year, month, text=f"{calendar.month_name[month]} {year}")


def month_span(year: int, month: int, precision: Precision = Precision.MONTH, text: str = "") -> DateSpan:
    return DateSpan(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), precision, text)


def clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    return clamp_day(y, m % 12 + 1, d.day)


def _current(unit: str, today: date) -> tuple[date, date]:
    """The first and last day of the week (Monday to Sunday), month or year the day is in."""
    if unit == "week":
        monday = today - timedelta(today.weekday())
        return monday, monday + timedelta(6)
    span = month_span(today.year, today.month) if unit == "month" else whole_year(today.year)
    return span.start, span.end


def weekend(today: date, which: str, text: str) -> DateSpan:
    """Saturday and Sunday: "this weekend" written on a Monday or Tuesday is the one just past, later in the week
    the coming one; "last weekend" is the last one before this week's; "next weekend" the one after this one."""
    saturday = today - timedelta(today.weekday()) + timedelta(5)  # this week's (Monday to Sunday)
    if which == "last" or (which == "this" and today.weekday() <= 1):
        saturday -= timedelta(7)
    elif which == "next":
        saturday += timedelta(7)
    return DateSpan(saturday, saturday + timedelta(1), Precision.RANGE, text)


def deictic(m: re.Match[str], today: date | None) -> tuple[DateSpan, bool] | None:
    """"yesterday", "last week", "two weeks ago": counted from the day the text was written, if known."""
    if today is None:
        return None
    g, t = m.groupdict(), m.group(0)
    if g.get("day"):
        day = today - timedelta(1) if " ".join(g["day"].lower().split()) in ("yesterday", "last night") else today
        return DateSpan(day, day, Precision.DAY, t), False
    if g.get("past_weekend"):  # "over the weekend": the one just past, or this one when written on it
        return weekend(today, "this" if today.weekday() >= 5 else "last", t), False
    if g.get("so_far"):  # "earlier this month": from its first day to the day before the writing
        first, _ = _current(g["so_far"].lower(), today)
        return DateSpan(first, max(first, today - timedelta(1)), Precision.RANGE, t), False
    if g.get("rest_of"):  # "later this year": from the day after the writing to its last day
        _, last = _current(g["rest_of"].lower(), today)
        return DateSpan(min(last, today + timedelta(1)), last, Precision.RANGE, t), False
    if g.get("unit"):
        which = g["which"].lower()
        if g["unit"].lower() == "weekend":
            return weekend(today, which, t), False
        monday = today - timedelta(today.weekday()) + timedelta(7 * {"last": -1, "this": 0, "next": 1}[which])
        return DateSpan(monday, monday + timedelta(6), Precision.RANGE, t), False
    raw = " ".join(g["n"].lower().split())
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw, 1)
    unit = g["units"].lower()
    if unit == "day":
        day = today - timedelta(n)
        return DateSpan(day, day, Precision.DAY, t), False
    if unit == "week":
        mid = today - timedelta(7 * n)
        return DateSpan(mid - timedelta(3), min(mid + timedelta(3), today), Precision.RANGE, t), False
    if unit == "month":
        then = add_months(today, -n)
        return month_span(then.year, then.month, Precision.MONTH, t), False
    return whole_year(today.year - n), False


def relative_to(kind: str, g: dict[str, str | None], t: str, anchor: DateSpan | None) -> tuple[DateSpan, bool] | None:
    if anchor is None:
        return None
    unit = (g.get("unit") or "").lower()
    if kind == "that_month":
        later = t.lower().startswith("later")
        if unit == "month":
            span = month_span(anchor.start.year, anchor.start.month, Precision.MONTH, t)
            return (DateSpan(max(anchor.start, span.start), span.end, Precision.MONTH, t) if later else span), True
        if unit == "year":
            return DateSpan(anchor.start, date(anchor.start.year, 12, 31), Precision.YEAR, t), True
        return DateSpan(anchor.start, anchor.end + timedelta(7), Precision.RANGE, t), True
    if kind == "following":
        which = (g.get("which") or "").lower()
        if which == "same":
            return anchor, True
        step = {"day": timedelta(1), "week": timedelta(7), "month": timedelta(31), "year": timedelta(365)}[unit]
        plural = t.rstrip().endswith("s")
        if unit == "day" and not plural and anchor.precision == Precision.DAY:
            # "the next day", "the previous day", counted from a day: that one day
            day = anchor.start + (step if which in ("following", "next") else -step)
            return DateSpan(day, day, Precision.DAY, t), True
        if which in ("following", "next"):
            end = anchor.end + (step * (4 if plural and unit == "week" else 3 if plural else 1))
            if unit == "month" and not plural:
                nxt = add_months(anchor.start, 1)
                return month_span(nxt.year, nxt.month, Precision.MONTH, t), True
            if unit == "year" and not plural:
                y = anchor.start.year + 1
                return DateSpan(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, t), True
            if plural and unit in ("week", "month"):
                # "in the following weeks" is no sharper than a month: it runs to the end of that month
                end = month_span(end.year, end.month).end
            return DateSpan(anchor.start, end, Precision.RANGE, t), True
        if unit == "year":
            y = anchor.start.year - 1
            return DateSpan(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, t), True
        return DateSpan(anchor.start - step, anchor.start, Precision.RANGE, t), True
    raw_n = (g.get("n") or "").lower()
    n = int(raw_n) if raw_n.isdigit() else NUMBERS.get(raw_n, 1)
    later = (g.get("dir") or "").lower() in ("later", "after")
    if (g.get("dir") or "").lower() == "ago":
        return None  # "ago" counts from the writing date, which the caller passes as anchor only for news
    less = (g.get("less") or "").lower()
    sign = 1 if later else -1
    if unit == "year":
        y = anchor.start.year + sign * n
        return DateSpan(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, t), True
    if anchor.precision in (Precision.YEAR, Precision.DECADE) and unit in ("day", "week"):
        return None  # "two days after" a year: no sharper than the year, and not a year long either
    days = {"day": 1, "week": 7, "month": 30}[unit] * n
    if less.startswith("less") or less in ("nearly", "almost"):
        # within n units of the anchor: from the anchor's start to n units after its end
        if later:
            return DateSpan(anchor.start, anchor.end + timedelta(days), Precision.RANGE, t), True
        return DateSpan(anchor.start - timedelta(days), anchor.end, Precision.RANGE, t), True
    if less in ("more than", "over") and unit in ("day", "week"):
        # beyond n units of the anchor, up to twice as far: "a little over a week after" is 8 to 14 days after
        if later:
            return DateSpan(anchor.start + timedelta(days + 1), anchor.end + timedelta(2 * days), Precision.RANGE,
                            t), True
        return DateSpan(anchor.start - timedelta(2 * days), anchor.end - timedelta(days + 1), Precision.RANGE, t), True
    if unit == "month":
        if raw_n in ("a few", "few", "several"):
            lo, hi = (add_months(anchor.end, 1), add_months(anchor.end, 5)) if later else (
                add_months(anchor.start, -5), add_months(anchor.start, -1))
            return DateSpan(lo, hi, Precision.RANGE, t), True
        shifted = add_months(anchor.start, sign * n)
        if anchor.precision in (Precision.DAY, Precision.RANGE):
            return DateSpan(shifted, shifted, Precision.DAY, t), True
        return month_span(shifted.year, shifted.month, Precision.MONTH, t), True
    delta = timedelta(days)
    if anchor.precision == Precision.DAY:
        d = anchor.start + sign * delta
        return DateSpan(d, d, Precision.DAY, t), True
    lo, hi = anchor.start + sign * delta, anchor.end + sign * delta
    return DateSpan(lo, hi, Precision.RANGE, t), True


def named_month(g: dict[str, str | None], t: str, anchor: DateSpan | None) -> tuple[DateSpan, bool] | None:
    """"last June" (the last June before the month of writing), "next June" (the first after it), "this June"."""
    name = (g.get("mon") or "").lower()
    if anchor is None or name not in MONTH_NAMES:
        return None
    month, ref = MONTHS[name], anchor.start
    which = (g.get("which") or "").lower()
    year = ref.year
    if which in ("last", "past"):
        year -= month >= ref.month
    elif which in ("next", "coming"):
        year += month <= ref.month
    return month_span(year, month, Precision.MONTH, t), True


def this_or_last(g: dict[str, str | None], t: str, default_year: int, anchor: DateSpan | None
          ) -> tuple[DateSpan, bool] | None:
    """"this year", "last year", "next month": counted from the year the document reports on."""
    # (the word before year or month: "the past month", "late last month")
    word = t.lower().split()[-2]
    shift = {"this": 0, "current": 0, "last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
    if (g.get("unit") or "").lower() == "year":
        if default_year <= 0:
            return None  # (no year known to count from: not "year 1" for "next year")
        y = default_year + shift
        return DateSpan(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, t), False
    if anchor is None:
        return None
    m = add_months(anchor.start, shift)
    return month_span(m.year, m.month, Precision.MONTH, t), True


def whole_year(year: int) -> DateSpan:
    return DateSpan(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, str(year))


WEEKS_BEFORE = timedelta(30)


def told_before_span(anchor: DateSpan) -> DateSpan:
    """What a news story tells as having come before its day, undated ("the three states had recalled their
    ambassadors"): the weeks up to the day before, as news tells what led to its day (history it dates)."""
    end = anchor.start - timedelta(1)
    return DateSpan(end - WEEKS_BEFORE + timedelta(1), end, Precision.RANGE, "before the story", inherited=True)


def weeks_before_span(anchor: DateSpan) -> DateSpan:
    """What a news story tells, undated, as having come just before something of its day ('after a soldier was
    killed'): the weeks up to the day before."""
    end = anchor.start - timedelta(1)
    return DateSpan(end - WEEKS_BEFORE + timedelta(1), end, Precision.RANGE, "just before the story", inherited=True)


def hours_before_span(anchor: DateSpan) -> DateSpan:
    """What a news story tells as having come shortly before something of its day ('hours after EU leaders agreed',
    'shortly after Macron arrived'): that day or the one before it (the night before)."""
    return DateSpan(anchor.start - timedelta(1), anchor.start, Precision.RANGE, "shortly before", inherited=True)


def previous_occurrence(span: DateSpan, written: date | None) -> DateSpan:
    """"Xi visited Riyadh in December", written in March: last December. Only a date given without its year,
    starting more than a week after the text was written, moves back a year (a plan stays where it is)."""
    if written is None or span.inherited or span.start <= written + timedelta(7) or re.search(r"\d{4}", span.text):
        return span
    try:
        return replace(span, start=span.start.replace(year=span.start.year - 1),
                       end=span.end.replace(year=span.end.year - 1))
    except ValueError:  # 29 February
        return replace(span, start=span.start.replace(year=span.start.year - 1, day=28),
                       end=span.end.replace(year=span.end.year - 1, day=28))


def next_occurrence(span: DateSpan, written: date | None) -> DateSpan:
    """"is expected to visit in the spring", written in December: next spring. Only a date given without
    its year, and ending before the text was written, moves on a year."""
    if written is None or span.inherited or span.end >= written or re.search(r"\d{4}", span.text):
        return span
    try:
        return replace(span, start=span.start.replace(year=span.start.year + 1),
                       end=span.end.replace(year=span.end.year + 1))
    except ValueError:  # 29 February
        return replace(span, start=span.start.replace(year=span.start.year + 1, day=28),
                       end=span.end.replace(year=span.end.year + 1, day=28))
