"""Property tests where input is unbounded: the date resolver, the text cleaner, the readers (#9).

No input may raise anything but the project's declared errors, and the invariants hold: a clean offset
maps back to the same character of the raw text; a date phrase resolves to the interval it names.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import assume, example, given
from hypothesis import strategies as st

from diplomap.extract.dates import find_dates, next_occurrence, whole_year
from diplomap.model import DateSpan, Precision

# -- the date resolver ------------------------------------------------------------------------------

_DATE_WORDS = [
    "ago", "later", "earlier", "after", "before", "days", "day", "weeks", "week", "months", "month", "years",
    "year", "the", "following", "next", "previous", "same", "last", "this", "in", "on", "of", "mid", "early",
    "late", "spring", "winter", "Q1", "Q4", "quarter", "first", "half", "yesterday", "today", "Monday", "May",
    "March", "December", "Jan", "Sept", "1990s", "2025", "1999", "2099", "1900", "0", "31", "29", "-", "–",
    "and", "to", ",", "about", "nearly", "less than", "a few", "several", "2500", "1000000", "30000",
    "99999999999999999999", "9" * 30,
]
_phrases = st.lists(st.sampled_from(_DATE_WORDS), max_size=12).map(" ".join)
_days = st.dates(min_value=date.min, max_value=date.max)


@st.composite
def _spans(draw: st.DrawFn) -> DateSpan:
    start = draw(_days)
    end = draw(st.dates(min_value=start, max_value=min(date.max, start + timedelta(800))))
    return DateSpan(start, end, draw(st.sampled_from(list(Precision))), "anchor", draw(st.booleans()))


@given(text=st.one_of(_phrases, st.text(max_size=80)), anchor=st.none() | _spans(),
       default_year=st.integers(min_value=-10**6, max_value=10**6), today=st.none() | _days,
       year_from_anchor=st.booleans())
@example(text="The dispute began 2500 years ago.", anchor=whole_year(2025), default_year=2025,
         today=date(2025, 5, 1), year_from_anchor=False)
@example(text="It happened 1000000 days ago and 30000 months ago.", anchor=None, default_year=2025,
         today=date(2025, 5, 1), year_from_anchor=False)
@example(text="and 99999999999999999999 days later they met", anchor=whole_year(2025), default_year=2025,
         today=None, year_from_anchor=False)
@example(text="the following week", anchor=DateSpan(date.max, date.max, Precision.DAY), default_year=9999,
         today=date.max, year_from_anchor=True)
@example(text="next week, 3 days ago", anchor=None, default_year=1, today=date.min, year_from_anchor=True)
def test_the_date_resolver_never_raises(text: str, anchor: DateSpan | None, default_year: int,
                                        today: date | None, year_from_anchor: bool) -> None:
    """Issue #9, finding 4: impossible dates are dropped, never an exception."""
    for found in find_dates(text, anchor, default_year, year_from_anchor=year_from_anchor, today=today):
        assert text[found.start:found.end] == found.text
        assert found.span.start <= found.span.end
        next_occurrence(found.span, today)


def test_overflowing_relative_dates_are_dropped() -> None:
    """Issue #9, finding 4: the four phrases of the report resolve to nothing instead of crashing."""
    year = whole_year(2025)
    for text in ("The dispute began 2500 years ago.", "It was 1000000 days ago.", "It was 30000 months ago.",
                 "99999999999999999999 days later they met."):
        assert find_dates(text, year, 2025, today=date(2025, 5, 1)) == []
    # and a sane one next to them still resolves
    found = find_dates("2500 years ago, and two years ago", year, 2025, today=date(2025, 5, 1))
    assert [d.span for d in found] == [whole_year(2023)]


_MONTH_NAMES = list(calendar.month_name)[1:]
_years = st.integers(min_value=1900, max_value=2099)


@st.composite
def _phrase_and_interval(draw: st.DrawFn) -> tuple[str, date, date]:
    """A date phrase as a writer would put it, and the interval it names."""
    year, month = draw(_years), draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    day = draw(st.integers(1, last))
    name = _MONTH_NAMES[month - 1]
    form = draw(st.sampled_from(["dmy", "mdy", "iso", "my", "y", "range", "mid", "quarter", "half", "decade"]))
    if form == "dmy":
        return f"on {day} {name} {year}", date(year, month, day), date(year, month, day)
    if form == "mdy":
        return f"on {name} {day}, {year}", date(year, month, day), date(year, month, day)
    if form == "iso":
        return f"on {year}-{month:02d}-{day:02d}", date(year, month, day), date(year, month, day)
    if form == "my":
        return f"in {name} {year}", date(year, month, 1), date(year, month, last)
    if form == "y":
        return f"in {year}", date(year, 1, 1), date(year, 12, 31)
    if form == "range":
        day2 = draw(st.integers(min_value=day, max_value=last))
        assume(day2 > day)
        return f"on {day}-{day2} {name} {year}", date(year, month, day), date(year, month, day2)
    if form == "mid":
        return f"in mid-{name} {year}", date(year, month, 11), date(year, month, 20)
    if form == "quarter":
        q = (month - 1) // 3 + 1
        return (f"in the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of {year}",
                date(year, 3 * q - 2, 1), date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]))
    if form == "half":
        h = 1 if month <= 6 else 2
        return (f"in the {'first' if h == 1 else 'second'} half of {year}", date(year, 6 * h - 5, 1),
                date(year, 6 * h, 30 if h == 1 else 31))
    decade = year - year % 10
    return f"in the {decade}s", date(decade, 1, 1), date(decade + 9, 12, 31)


@given(case=_phrase_and_interval(), default_year=st.integers(1900, 2099))
def test_a_date_phrase_round_trips_to_its_interval(case: tuple[str, date, date], default_year: int) -> None:
    """Issue #9: a valid date phrase resolves to exactly the interval it names, whatever the anchor."""
    phrase, start, end = case
    found = find_dates(f"The ministers met {phrase} in Baku.", whole_year(default_year), default_year)
    assert [(d.span.start, d.span.end) for d in found] == [(start, end)], phrase



# -- the text cleaner -------------------------------------------------------------------------------

_MARKUP = st.sampled_from([*"ab Z.,;:\n\n\t*_#[]()\\$!-1)\r", "\u2028", "\x0c", "é", "\x1c", "- ", "## ", "**",
                           "[link](http://x)", "\\$", "char-", "the ", "of ", "Baku", "\ufeff", "\r\n"])
_raw_texts = st.lists(_MARKUP, max_size=150).map("".join) | st.text(max_size=300)


@given(raw=_raw_texts, markdown=st.booleans())
def test_every_clean_offset_maps_back_to_the_same_raw_character(raw: str, markdown: bool) -> None:
    """Issue #9: the linear cleaner keeps the map exact; separators and joins are the cleaner's own."""
    from diplomap.ingest.text import clean_text

    cleaned = clean_text(raw, markdown=markdown)
    for i, ch in enumerate(cleaned.text):
        if ch not in " \n":
            assert raw[cleaned.raw_offset(i)] == ch
    for offset, title in cleaned.headings:
        assert cleaned.text[offset:offset + len(title)] == title
