"""Date expressions resolve to the intervals and precisions an analyst would write (issue #3)."""

from __future__ import annotations

from datetime import date

import pytest

from diplomap.extract.dates import find_dates
from diplomap.extract.spans import whole_year
from diplomap.model import DateSpan, Precision

YEAR = whole_year(2025)
OCT9 = DateSpan(date(2025, 10, 9), date(2025, 10, 9), Precision.DAY, "October 9")
LATE_JUNE = DateSpan(date(2025, 6, 20), date(2025, 6, 30), Precision.PART, "late June")


def only(text: str, anchor: DateSpan | None = YEAR) -> DateSpan:
    found = find_dates(text, anchor, 2025, year_from_anchor=False)
    assert len(found) == 1, [d.text for d in found]
    return found[0].span


@pytest.mark.parametrize(("text", "start", "end"), [
    ("They met on 13 March 2025 in Baku.", "2025-03-13", "2025-03-13"),
    ("They met on March 5, 2025.", "2025-03-05", "2025-03-05"),
    ("The visit on 20-21 October went well.", "2025-10-20", "2025-10-21"),
    ("The forum held on 11-13 April drew many.", "2025-04-11", "2025-04-13"),
    ("In October, the border opened.", "2025-10-01", "2025-10-31"),
    ("In April and May, Baku hosted talks.", "2025-04-01", "2025-05-31"),
    ("Talks resumed in mid-November.", "2025-11-11", "2025-11-20"),
    ("Talks resumed in early March.", "2025-03-01", "2025-03-10"),
    ("The affair of late June shook ties.", "2025-06-20", "2025-06-30"),
    ("Experts visited in the fall of 2025.", "2025-09-01", "2025-11-30"),
    ("The deal was signed in 2024.", "2024-01-01", "2024-12-31"),
    ("Trade grew in the first half of 2025.", "2025-01-01", "2025-06-30"),
])
def test_stated_dates(text: str, start: str, end: str) -> None:
    span = only(text)
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("text", "anchor", "start", "end"), [
    ("A month later, the ministers met.", OCT9, "2025-11-09", "2025-11-09"),
    ("Less than a month later, grain arrived.", DateSpan(date(2025, 10, 1), date(2025, 10, 31), Precision.MONTH),
     "2025-10-01", "2025-11-30"),
    # vague weeks are no sharper than a month: they run to the end of the month they reach
    ("In the following weeks, several were detained.", LATE_JUNE, "2025-06-20", "2025-07-31"),
    ("The plan was adopted four years earlier.", YEAR, "2021-01-01", "2021-12-31"),
    ("Later that month, talks resumed.", OCT9, "2025-10-09", "2025-10-31"),
    # counted from a day, the next or the previous day is one day
    ("The next day, the ministers met.", OCT9, "2025-10-10", "2025-10-10"),
    ("The previous day, the two sides had agreed to a truce.", OCT9, "2025-10-08", "2025-10-08"),
])
def test_relative_dates_count_from_the_anchor(text: str, anchor: DateSpan, start: str, end: str) -> None:
    span = only(text, anchor)
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


def test_precision_is_kept() -> None:
    assert only("on 13 March 2025").precision == Precision.DAY
    assert only("in October").precision == Precision.MONTH
    assert only("in the fall of 2025").precision == Precision.SEASON


@pytest.mark.parametrize(("text", "written", "start", "end"), [
    # a season counted from the day written: the next to begin after it, the last to end before it
    ("The treaty will be signed next autumn.", date(2024, 11, 2), "2025-09-01", "2025-11-30"),
    ("The treaty will be signed next autumn.", date(2024, 6, 2), "2024-09-01", "2024-11-30"),
    ("The talks stalled last winter.", date(2025, 6, 1), "2024-12-01", "2025-02-28"),
    ("The talks stalled last summer.", date(2025, 8, 1), "2024-06-01", "2024-08-31"),
])
def test_a_season_counted_from_the_day_written(text: str, written: date, start: str, end: str) -> None:
    found = find_dates(text, None, written.year, today=written)
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [(start, end)]


@pytest.mark.parametrize(("text", "written", "days"), [
    # a day of the month told with no month: the last such day up to the day written, the next when to come
    ("On the 29th (local time) in Lima, the two ministers met.", date(2025, 10, 31), ["2025-10-29"]),
    ("Chile and Peru signed a trade deal on the 29th.", date(2025, 10, 2), ["2025-09-29"]),
    ("Chile and Peru will sign a trade deal on the 5th.", date(2025, 10, 2), ["2025-10-05"]),
    ("Chile and Peru met on the 31st.", date(2025, 3, 2), ["2025-01-31"]),
    # (an ordinal of a thing, or a day with its month, is no such day)
    ("Chile attended the 15th summit on the 3rd of May.", date(2025, 5, 4), ["2025-05-03"]),
    ("On the 15th anniversary of the pact, Chile and Peru met.", date(2025, 5, 4), []),
])
def test_a_day_of_the_month_with_no_month_counts_from_the_day_written(text: str, written: date,
                                                                         days: list[str]) -> None:
    found = find_dates(text, None, written.year, today=written, weekday_from_today=True)
    assert [d.span.start.isoformat() for d in found if d.span.start == d.span.end] == days


def test_a_relative_date_without_an_anchor_is_not_guessed() -> None:
    assert find_dates("A month later, the ministers met.", None, 2025) == []


def test_numbers_and_money_are_not_years() -> None:
    assert find_dates("They pledged USD 2025 million and built 2030 km of road.", YEAR, 2025) == []


def test_a_sentence_that_states_its_year_dates_its_bare_months_in_it() -> None:
    found = find_dates("In 2024, Kazakhstan hosted summits in July and in October.", YEAR, 2025, year_from_anchor=False)
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found if d.kind == "month"] == [
        ("2024-07-01", "2024-07-31"), ("2024-10-01", "2024-10-31")]


def test_today_after_a_datelines_full_date_is_that_day_not_the_page_date() -> None:
    # the page went up a day after the story was filed; "today" is the filing day the dateline states
    found = find_dates("LIMA, March 27, 2025: Peru's foreign minister today met his Chilean counterpart.", YEAR, 2025,
                       year_from_anchor=False, today=date(2025, 3, 28))
    assert [d.span.start.isoformat() for d in found if d.kind == "deictic"] == ["2025-03-27"]


def test_a_year_stated_later_in_the_sentence_does_not_date_a_day_told_before_it() -> None:
    # the year is the closing's, in a clause after the date: the reopening keeps the default year
    found = find_dates("On March 4, the two states reopened a crossing that had been shut in 2019.", YEAR, 2025,
                       year_from_anchor=False)
    assert next(d.span.start.isoformat() for d in found if d.kind != "year") == "2025-03-04"


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Ministers met yesterday.", "2025-12-14", "2025-12-14"),
    ("The talks ended last week.", "2025-12-08", "2025-12-14"),
    ("The ban came into force two weeks ago.", "2025-11-28", "2025-12-04"),
    ("Three days ago, the border reopened.", "2025-12-12", "2025-12-12"),
    ("Exports fell in Q3 2025.", "2025-07-01", "2025-09-30"),
])
def test_news_words_count_from_the_day_the_text_was_written(text: str, start: str, end: str) -> None:
    found = find_dates(text, YEAR, 2025, year_from_anchor=False, today=date(2025, 12, 15))  # a Monday
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [(start, end)]


def test_without_the_writing_date_yesterday_is_not_guessed() -> None:
    assert find_dates("Ministers met yesterday.", YEAR, 2025) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    # written on Tuesday 4 June 2024
    ("They signed the deal last Tuesday.", "2024-05-28", "2024-05-28"),
    ("They signed the deal on Tuesday.", "2024-06-04", "2024-06-04"),
    ("They signed the deal over the weekend.", "2024-06-01", "2024-06-02"),
    ("They signed the deal earlier this month.", "2024-06-01", "2024-06-03"),
    ("They signed the deal earlier this week.", "2024-06-03", "2024-06-03"),
    ("They signed the deal on 30/05/2024.", "2024-05-30", "2024-05-30"),
    ("They signed the deal on 05/30/2024.", "2024-05-30", "2024-05-30"),
    # a part of this or last month or year (dates.py "this", _part_of)
    ("They signed the deal late last month.", "2024-05-20", "2024-05-31"),
    ("They signed the deal at the end of last month.", "2024-05-20", "2024-05-31"),
    ("They signed the deal early this month.", "2024-06-01", "2024-06-10"),
    ("They signed the deal late last year.", "2023-09-01", "2023-12-31"),
    # what is still to come of this week, month or year (spans.deictic rest_of)
    ("They will sign the deal later this year.", "2024-06-05", "2024-12-31"),
    ("They will sign the deal later this month.", "2024-06-05", "2024-06-30"),
    ("They will sign the deal later this week.", "2024-06-05", "2024-06-09"),
])
def test_news_days_count_from_the_day_written(text: str, start: str, end: str) -> None:
    today = date(2024, 6, 4)
    written = DateSpan(today, today, Precision.DAY, "written")
    found = find_dates(text, written, 2024, year_from_anchor=False, today=today, weekday_from_today=True)
    assert len(found) == 1, [d.text for d in found]
    assert (found[0].span.start.isoformat(), found[0].span.end.isoformat()) == (start, end)


def test_a_numeric_date_whose_order_nothing_says_gives_only_its_year() -> None:
    found = find_dates("They signed the deal on 05/06/2024.", None, 2024)
    assert [(d.kind, d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [
        ("year", "2024-01-01", "2024-12-31")]


def test_last_month_in_news_counts_from_the_day_written() -> None:
    found = find_dates("Chile recalled its ambassador last month.", None, 2024, year_from_anchor=False,
                       today=date(2024, 6, 5))
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [("2024-05-01", "2024-05-31")]


def test_a_weekday_with_its_day_in_brackets() -> None:
    anchor = DateSpan(date(2024, 1, 16), date(2024, 1, 16), Precision.DAY, "written")
    found = find_dates("The president said this Monday (15) that talks would go on.", anchor, 2024,
                       year_from_anchor=False, today=date(2024, 1, 16), weekday_from_today=True)
    assert [(d.text, d.span.start.isoformat()) for d in found] == [("this Monday (15)", "2024-01-15")]


def test_a_weekday_told_with_the_wrong_month_is_the_weekday_meant() -> None:
    found = find_dates("He wrote on Monday, January 3, that they agreed.", None, 2025, year_from_anchor=False,
                       today=date(2025, 2, 4), weekday_from_today=True)
    assert [d.span.start.isoformat() for d in found] == ["2025-02-03"]
    found = find_dates("They met on Friday, January 3.", None, 2025, year_from_anchor=False,
                       today=date(2025, 2, 4), weekday_from_today=True)
    assert [d.span.start.isoformat() for d in found] == ["2025-01-03"]


def test_march_or_may_after_a_weekday_is_the_month() -> None:
    found = find_dates("They met on Sunday, March 9.", None, 2025, year_from_anchor=False, today=date(2025, 3, 14),
                       weekday_from_today=True)
    assert [d.span.start.isoformat() for d in found] == ["2025-03-09"]
    assert find_dates("Protesters march 9 km.", None, 2025) == []


def test_on_the_weekend_is_the_last_one() -> None:
    found = find_dates("They met on the weekend.", None, 2025, year_from_anchor=False, today=date(2025, 3, 14),
                       weekday_from_today=True)
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [("2025-03-08", "2025-03-09")]


def test_a_century_is_history() -> None:
    found = find_dates("Chile and Peru fought a war in the 19th century.", None, 2024)
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [("1801-01-01", "1900-12-31")]
    assert find_dates("diplomacy in the 21st century", None, 2024) == []  # now, not a date


def test_next_year_with_no_year_known_is_no_date() -> None:
    # an item that states no year: "next year" counts from nothing (not from year 0, which made it year 1)
    assert find_dates("Guatemala will strengthen its relations with Belize next year.", None, 0) == []
    found = find_dates("Guatemala will strengthen its relations with Belize next year.", None, 2024)
    assert [(d.span.start.isoformat(), d.span.end.isoformat()) for d in found] == [("2025-01-01", "2025-12-31")]


def test_years_after_a_past_act_told_by_a_gerund_count_from_that_act_not_the_story() -> None:
    # "four years after becoming ..." counts from an act whose day is not given: no date of the story's, which
    # "four years after" from the story's day would make (years ahead of it)
    written = DateSpan(date(2023, 12, 7), date(2023, 12, 7), Precision.DAY, "written")
    text = "Chile left the pact, more than four years after becoming its only member in the region."
    assert not [d for d in find_dates(text, written, 2023) if d.kind == "relative"]
    # counted from a day the story told, it still dates
    assert [d for d in find_dates("Peru replied two days after the attack.", written, 2023) if d.kind == "relative"]
