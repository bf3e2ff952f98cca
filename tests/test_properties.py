"""Property tests where input is unbounded: the date resolver, the text cleaner, the readers (#9).

No input may raise anything but the project's declared errors, and the invariants hold: a clean offset
maps back to the same character of the raw text; a date phrase resolves to the interval it names.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from diplomap.extract.dates import find_dates
from diplomap.extract.spans import next_occurrence, whole_year
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
    # (not start + 800 days past date.max: the sum itself overflows, as a CI run found)
    end = draw(st.dates(min_value=start, max_value=date.max if start > date.max - timedelta(800)
                        else start + timedelta(800)))
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
    from diplomap.ingest.text import clean_text, same_character

    cleaned = clean_text(raw, markdown=markdown)
    for i, ch in enumerate(cleaned.text):
        if ch not in " \n":
            assert same_character(raw[cleaned.raw_offset(i)], ch)
    for offset, title in cleaned.headings:
        assert cleaned.text[offset:offset + len(title)] == title


# -- the readers ------------------------------------------------------------------------------------

_EXAMPLE_PDF = (Path(__file__).resolve().parents[1] / "examples" / "news-brazil-argentina-2025.pdf").read_bytes()
_HTML_BITS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<span>", "<html>", "<body>", "<title>T</title>",
                              "<script>x<p></script>", "<!-- c -->", "<!doctype html>", "&amp;", "&#0;", "&#xD800;",
                              "<a href='x'>", "</a>", "<br/>", "<", ">", "Azerbaijan signed an agreement. ",
                              "\x00", "é", "\n"])


def _assert_read(data: bytes, fmt: str) -> None:
    """Either a Document whose clean text maps back to its raw text, or one IngestError line naming it."""
    from diplomap.ingest import IngestError
    from diplomap.ingest.reader import read_bytes
    from diplomap.ingest.text import raw_offset, same_character

    try:
        doc = read_bytes(data, "input.bin", fmt)
    except IngestError as exc:
        assert str(exc).startswith("input.bin: ") and "\n" not in str(exc) and "; " in str(exc)
        return
    assert doc.text.strip()
    if fmt in ("text", "markdown"):
        for i, ch in enumerate(doc.text):
            if ch not in " \n":
                assert same_character(doc.raw[raw_offset(doc.offset_map, i)], ch)


@given(data=st.binary(max_size=400), fmt=st.sampled_from(["text", "markdown", "html", "pdf"]))
@example(data=b"\xff\xfeA\x00z\x00", fmt="text")
@example(data=b"\xff\xfe\x00\xd8", fmt="markdown")
@example(data=b"\x00\x00\xfe\xff\x00\x00\x00A", fmt="text")
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_readers_raise_nothing_but_ingest_errors(data: bytes, fmt: str) -> None:
    """Issue #9, findings 5 and 6: any bytes in any format give a Document or one IngestError."""
    _assert_read(data, fmt)


@given(encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]),
       text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200),
       fmt=st.sampled_from(["text", "markdown", "html"]))
def test_text_in_any_unicode_encoding_reads(encoding: str, text: str, fmt: str) -> None:
    """Issue #9, finding 6: UTF-16/32 with a byte-order mark read like UTF-8 (without one, they are refused)."""
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)
    _assert_read(data, fmt)


@given(bits=st.lists(_HTML_BITS, max_size=80), depth=st.integers(0, 600))
@settings(deadline=None)
def test_any_markup_reads_or_says_why(bits: list[str], depth: int) -> None:
    """Issue #9, finding 6: however the markup is broken or nested, a Document or one IngestError."""
    page = "<div>" * depth + "".join(bits) + "</div>" * (depth // 2)
    _assert_read(page.encode("utf-8", "surrogatepass"), "html")


@st.composite
def _damaged_pdfs(draw: st.DrawFn) -> bytes:
    data = bytearray(_EXAMPLE_PDF)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["byte", "cut", "delete", "name"]))
        at = draw(st.integers(0, len(data) - 1))
        if how == "byte":
            data[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[at:]
        elif how == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        else:
            word = draw(st.sampled_from([b"/FlateDecode", b"/Length", b"/Root", b"/Kids", b"xref", b"obj", b"/Font"]))
            found = bytes(data).find(word)
            if found >= 0:
                data[found + draw(st.integers(0, len(word) - 1))] = draw(st.sampled_from(list(b"AHxz0 ()<>[]/")))
        if not data:
            break
    return bytes(data)


@given(data=_damaged_pdfs())
@example(data=_EXAMPLE_PDF.replace(b"/FlateDecode", b"/HlateDecode", 1))
@example(data=_EXAMPLE_PDF[: len(_EXAMPLE_PDF) // 2])
@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_damaged_pdf_is_one_ingest_error(data: bytes) -> None:
    """Issue #9, finding 5: NotImplementedError, LimitReachedError, DeprecationError, TypeError ... from pypdf
    on a damaged file all become the one 'corrupt or unreadable PDF' line."""
    _assert_read(data, "pdf")
