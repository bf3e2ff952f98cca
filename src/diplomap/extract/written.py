"""The day a news item was written and the year a text reports on, when no byline says: a weekday told with its
day ("on Wednesday (January 15)"), a dateline's day with the weekday of the lead, the years the text names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from diplomap.extract.dates import WEEKDAYS, find_dates
from diplomap.extract.layout import Layout
from diplomap.extract.story import told_in_full
from diplomap.knowledge.grammar import MONTH_ABBR_PATTERN, MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN

_ANY_MONTH = rf"{MONTH_PATTERN}|{MONTH_ABBR_PATTERN}"
_WEEKDAY_DAY = re.compile(
    rf"\b({WEEKDAY_PATTERN})[,\s(]+(?:({_ANY_MONTH})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_ANY_MONTH}))\b")


def guess_year(text: str, news: bool = False) -> int:
    """The year a text without a date reports on, or 0 when nothing says (never the year it is read in).

    A review: the year its head names most. A news item: the year in which the weekday and day it tells agree
    ("on Wednesday (January 15)": 2025 in an item that names 2023 as background), the latest such year up to this
    one and not before the latest year it names; the background years it names are no guide alone.
    """
    years = _years_named(text)
    if not news:
        return max(set(years), key=years.count) if years else 0
    for found in _WEEKDAY_DAY.finditer(text[:3000]):
        if told := _year_told_after(text, found.end()):
            return told  # "Saturday, October 4, 2024": the year written, whatever the weekday says
        weekday = WEEKDAYS.index(found.group(1).lower())
        month = MONTHS[(found.group(2) or found.group(5)).lower()]
        day = int(found.group(3) or found.group(4))
        if year := _latest_year(month, day, weekday, years):
            return year
    return 0


_YEAR_AFTER = re.compile(r",?\s*((?:19|20)\d\d)\b")


def _year_told_after(text: str, end: int) -> int:
    """The year written right after a weekday and day ("Saturday, October 4, 2024"), else 0."""
    found = _YEAR_AFTER.match(text, end)
    return int(found.group(1)) if found else 0


def latest_year_named(text: str, this_year: int | None = None) -> int:
    """The latest year up to this one that a text names (not "the 2050 Strategy"); 0 when it names none."""
    this_year = this_year or date.today().year
    return max((y for y in _years_named(text) if y <= this_year), default=0)


def _years_named(text: str) -> list[int]:
    # (not a number multiplied into a name: "the 25×2025 Initiative")
    return [int(y) for y in re.findall(r"(?<!×)\b(20\d\d|19\d\d)\b", text[:3000])]


def _latest_year(month: int, day: int, weekday: int, years: list[int], this_year: int | None = None) -> int:
    """The latest year up to this one in which the day fell on the weekday, not before the latest year the text
    names (the news one reads is mostly recent; its background years are no guide alone); 0 when none."""
    this_year = this_year or date.today().year
    fits = [y for y in range(this_year - 30, this_year + 1)
            if _weekday_of(y, month, day) == weekday and (not years or y >= max(years))]
    return fits[-1] if fits else 0


def weekday_day(text: str) -> date | None:
    """The day an undated news item tells with its weekday ("on Wednesday (January 15)"): its news day."""
    year = guess_year(text, news=True)
    found = _WEEKDAY_DAY.search(text[:3000])
    if not year or found is None:
        return None
    year = _year_told_after(text, found.end()) or year
    month = MONTHS[(found.group(2) or found.group(5)).lower()]
    day = int(found.group(3) or found.group(4))
    return date(year, month, day) if _weekday_of(year, month, day) >= 0 else None


def dateline_weekday_day(text: str, layout: Layout, this_year: int | None = None) -> date | None:
    """'BISHKEK. March 13 (Interfax) - ... reported on Thursday': a dateline's day without a year, with the weekday
    the lead tells, is that weekday's date in the latest year that fits (not before a year the item names)."""
    dateline = layout.dateline
    if dateline is None or dateline.month_day is None:
        return None
    lead = text[dateline.end:dateline.end + 600]
    found = re.search(rf"\b({WEEKDAY_PATTERN})\b", lead)
    if found is None:
        return None
    month, day = dateline.month_day
    year = _latest_year(month, day, WEEKDAYS.index(found.group(1).lower()), _years_named(text), this_year)
    return date(year, month, day) if year else None


def _weekday_of(year: int, month: int, day: int) -> int:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return -1


_SLUG_DAY = re.compile(r"(?<![\d])(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d\d)(?![\d])")


def slug_day(text: str, month: tuple[int, int] | None) -> date | None:
    """'image is ..._02-03-2025_05-00-10_....jpg' on a page filed under /2025/march/: a date in an image's file name
    near the top, when its order of day and month is plain (a part over 12) or the address names the month."""
    for found in _SLUG_DAY.finditer(text[:1500]):
        a, b, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
        readings = {(year, m, d) for d, m in ((a, b), (b, a)) if 1 <= m <= 12 and _weekday_of(year, m, d) >= 0}
        if month is not None:
            readings = {r for r in readings if (r[0], r[1]) == month}
        if len(readings) == 1:
            y, m, d = readings.pop()
            return date(y, m, d)
    return None


_PHOTO_AFTER = timedelta(days=60)  # how long after a page's stated day a photo of its story may be dated


def no_older_than_its_photo(written: date | None, captions: Sequence[str]) -> date | None:
    """'... meets Timor Leste's Prime Minister at the Bogor Palace on Feb. 13, 2023. (Photo ...)' under a date line of
    1 February: a page is no older than the photo of its story, so the latest day its captions tell in full, when it
    falls after the day stated (up to two months: a later date is no day of this story), is the day written."""
    if written is None:
        return None
    days = [d.span.start for text in captions for d in find_dates(text, None, 0, year_from_anchor=False)
            if told_in_full(d.span)]
    later = [day for day in days if written < day <= written + _PHOTO_AFTER]
    return max(later) if later else written
