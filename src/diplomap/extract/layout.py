"""The furniture of a news page, read before the story: date lines, bylines and page furniture (left out of
event coding), the dateline ("PUTRAJAYA, Malaysia, July 28 (Xinhua) --", "TOKYO --", "New Delhi:") and the
day the item says it was written. The words are data (``knowledge/news_layout.toml``).

Furniture is blanked, not cut: the text keeps its length, so every offset still points into the document.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources

from diplomap.extract.dates import find_dates
from diplomap.ingest.text import JOINERS
from diplomap.knowledge.grammar import MONTH_ABBR_PATTERN, MONTH_PATTERN, MONTHS
from diplomap.model import Precision

_DATA = tomllib.loads(resources.files("diplomap.knowledge").joinpath("news_layout.toml").read_text(encoding="utf-8"))
_MAX_LINE = int(_DATA["meta"]["max_line"])


def _prefixes(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternation})(?:\b|(?<=\W))\s*:?\s*", re.I)


_DATE_PREFIX = _prefixes(_DATA["meta"]["date_prefixes"])
_BYLINE = _prefixes(_DATA["meta"]["byline_prefixes"])
_FURNITURE = frozenset(w.casefold() for w in _DATA["boilerplate"]["lines"])
_POINTER = _prefixes(_DATA["boilerplate"]["prefixes"])
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# a line that is only a numeric date, year first, perhaps with a time: "2024. 05. 11. 11:41", "2024/05/11"
_NUMERIC_DATE = re.compile(r"^\s*((?:19|20)\d\d)[./]\s?(\d{1,2})[./]\s?(\d{1,2})\.?(?:\s+\d{1,2}:\d\d)?\s*$")
_MON = rf"(?:{MONTH_PATTERN}|{MONTH_ABBR_PATTERN})\.?"
# a line that is only a date, perhaps with a weekday and a time: "Sun, Jun 1, 2025", "May 07, 2025 12:31 PM", or
# in brackets before the byline's "By": "[August 30, 2025] By", or with the byline after it: "02 June 2025 - 15:35
# By Jane Doe", "Thu, 17 Oct 2024 Source: Daily News"
_DATE_ONLY = re.compile(rf"^\s*(?:\(?[^()\n]{{1,60}}\)\s*)?(?:\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?,?\s+)?"
                        rf"\[?(?:[A-Z][a-z]{{2,8}},?\s+)?(?:\d{{1,2}}\s+{_MON}|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                        rf",?\s+(?:19|20)\d\d(?:(?:[,\s]+|\s*[-–|]\s*)\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
                        rf"(?:\s*[A-Z]{{2,4}})?)?"
                        rf"(?:\]\s*(?:by\b.*)?|\s*[-–|]?\s*by\s+(?-i:[A-Z])[^\n,.]{{0,60}}"
                        rf"|\s*[-–|]?\s*(?:sources?|credits?)\s*:\s*\S[^\n]{{0,60}})?\s*$", re.I)
# a line that is only a numeric date, month first as US pages write it, with its time: "10/17/2023 01:08 PM EDT"
_US_STAMP = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?:,?\s+\d{1,2}:\d\d(?::\d\d)?\s*"
                       r"(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)\s*$")
# a byline that is only a name and a date: "Steph Deschamps / June 20, 2024", "Jane Doe | 3 May 2025"
_NAME_DATE = re.compile(rf"^\s*[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,3}}\s*[/|·•–-]\s*(?:[A-Z][a-z]{{2,8}},?\s+)?"
                        rf"(?:\d{{1,2}}\s+{_MON}|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+(?:19|20)\d\d\s*$")
# list markers a byline or date line may start with: "  • by Web Desk", "  • October 15, 2024"
_BULLET = re.compile(r"^\s*[•·*\-–]\s+")
# a credit in brackets opening a line of the page's head, before the story or alone: "(MENAFN- Jordan News Agency)",
# "(Bloomberg) -- Djibouti's government ...", "(AP) — Iran and ...": who carried the story, naming no party to it
_CREDIT_OPEN = re.compile(r"\s*\((?=[A-Za-z])(?:[^()\n]|\([^()\n]*\)){1,60}\)\s*(?:[-–—]{1,2}\s*)?(?=$|[A-Z(“\"])")
# an image's file name or slug standing alone: "Operation-Sindoor-Reuters"
_SLUG = re.compile(r"^\s*[\w]+(?:[-_][\w]+){2,}\s*$")
# "PUTRAJAYA, Malaysia, July 28 (Xinhua) --", "TOKYO --", "GYEONGJU, SOUTH KOREA (Worthy News) –", "New Delhi:",
# "Islamabad, Jan 30, (dpa/GNA) –", "Accra, June 15, GNA –" (a wire's name after the date),
# after a syndication credit: "(MENAFN- Kuwait News Agency (KUNA)) PARIS, Sept 24 (KUNA) --"; the country in brackets:
# "New Delhi [India], January 13 :"
DATELINE = re.compile(
    r"^\s*(?P<credit>\((?:[^()\n]|\([^()\n]*\)){1,80}\)\s+)?"
    rf"(?P<city>[A-Z][A-Za-z.'\-/ ]{{1,40}}?)(?:\s*\[(?P<bracketed>[A-Z][\w.'\- ]{{1,30}})\])?"
    rf"(?:,\s*(?!{_MON}\s+\d)(?P<region>[A-Z][\w.'\- ]{{1,30}}?))?"
    rf"(?:[,.]\s*(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>(?:19|20)\d\d))?)?"
    rf",?\s*(?:\((?P<agency>[^)\n]{{1,40}})\)|(?(day)(?P<wire>[A-Z]{{2,6}})\b))?"
    rf"\s*(?:[—–-]{{1,2}}|:)(?:\s|(?<=\)--)(?=[A-Z]))")
# "News Americas, New York, NY, March 27, 2025:": a publisher's name before the city of a dateline with its full date
_PUBLISHER = re.compile(r"\s*[A-Z][\w.'\- ]{1,40}?,\s*(?=[A-Z])")
# where the url of a page says its day: /2025/06/30/, /2025/0729/, /2023/mar/18/, /2025-01-18-
_URL_DAY = re.compile(rf"/((?:19|20)\d\d)[/-](\d\d|{_MON})[/-]?(\d\d)(?:[/\-_.]|$)", re.I)
# or writes it as one path segment of eight digits: /articles/250418/20230715/
_URL_DAY_COMPACT = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$)")


@dataclass(frozen=True)
class Dateline:
    city: str
    start: int  # document offsets of the dateline
    end: int
    day: date | None  # the filing day, when the dateline gives one and its year is known
    month_day: tuple[int, int] | None = None  # its month and day, with or without a year


@dataclass(frozen=True)
class Layout:
    masked: str  # the text with furniture blanked out (same length)
    written: date | None  # the day the page says it was written
    written_from: str  # "date line", "byline", "dateline", "url", or "" when unknown
    dateline: Dateline | None
    furniture: tuple[tuple[int, int], ...]  # blanked spans
    year: int = 0  # the year of a time stamp whose day cannot be read ("0/17/2023 01:08 PM EDT"), else 0
    stated: date | None = None  # the day the first byline or date line of its own says ("5 June 2025")


def _day_in(line: str, year_hint: int | None = None) -> date | None:
    iso = _ISO.search(line) or _NUMERIC_DATE.match(line)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    # "By Vivek MishraMay 07, 2025": a name glued to the month
    line = re.sub(rf"([a-z])({_MON}\s+\d)", r"\1 \2", line)
    for found in find_dates(line, None, year_hint or 1, year_from_anchor=False):
        span = found.span
        if span.precision == Precision.DAY and (re.search(r"\d{4}", found.text) or year_hint):
            return span.start
    return None


_URL_YEAR = re.compile(rf"/((?:19|20)\d\d)/(\d\d|{_MON})(?:/|$)", re.I)


def url_year(source: str) -> int | None:
    """The year a page's address names with its month (/2025/march/, /2024/06/), when it names no day."""
    found = _URL_YEAR.search(source)
    return int(found.group(1)) if found else None


def url_month(source: str) -> tuple[int, int] | None:
    """The year and month a page's address names when it names no day (/2025/march/, /2024/06/)."""
    found = _URL_YEAR.search(source)
    if not found:
        return None
    month = found.group(2)
    number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    return (int(found.group(1)), number) if number and 1 <= number <= 12 else None


def url_day(source: str) -> date | None:
    """The day a page's address names (/2025/06/30/, /2025/0729/, /2023/mar/18/, /20230715/), if any."""
    found = _URL_DAY.search(source) or _URL_DAY_COMPACT.search(source)
    if not found:
        return None
    year, month, day = found.groups()
    number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    try:
        return date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def read_layout(text: str, source: str = "", known_place: Callable[[str], bool] | None = None) -> Layout:
    """Blank the page furniture of a text and read the day and place it was written. A dateline's city must
    be a place ``known_place`` knows (any capitalised words, without it)."""
    chars = list(text)
    furniture: list[tuple[int, int]] = []
    written: date | None = None
    written_from = ""
    year = 0
    stated: date | None = None
    head_end = min(len(text), 3000)
    offset = 0
    for line in text.splitlines(keepends=True):
        start, body = offset, line.rstrip("\r\n")
        offset += len(line)
        stripped = body.strip()
        if not stripped:
            continue
        in_head = start < head_end
        blank_to: int | None = None
        body = _BULLET.sub(lambda m: " " * len(m.group(0)), body) if in_head else body
        prefix = _DATE_PREFIX.match(body)
        day = _day_in(body[prefix.end():prefix.end() + 60]) if prefix and in_head else None
        if day is not None and prefix is not None:
            # "date 2025-07-29 Thailand, Cambodia agree ...": the date goes, the headline after it stays
            rest = body[prefix.end():]
            iso = _ISO.match(rest.lstrip())
            cut = prefix.end() + (len(rest) - len(rest.lstrip()) + iso.end() if iso else len(rest))
            # (and a line of furniture after it: "date 2024-10-17 News")
            furniture_after = body[cut:].strip().casefold().rstrip(":") in _FURNITURE
            blank_to = start + (cut if iso and not furniture_after else len(body))
            if written is None:
                written, written_from = day, "date line"
        elif in_head and len(stripped) <= _MAX_LINE and (_BYLINE.match(body) or _DATE_ONLY.match(body)
                                                          or _NAME_DATE.match(body) or _NUMERIC_DATE.match(body)):
            blank_to = start + len(body)
            day = _day_in(body)
            stated = stated or day
            if day is not None and (written is None or written_from == "page date"):
                written, written_from = day, ("byline" if _BYLINE.match(body) else "page date")
        elif in_head and (stamp := _US_STAMP.match(body)):
            blank_to = start + len(body)  # a time stamp; its day when it reads as one, else only its year
            day = _us_day(*(int(g) for g in stamp.groups()))
            if day is not None and (written is None or written_from == "page date"):
                written, written_from = day, "page date"
            elif day is None and not year:
                year = int(stamp.group(3))
        elif (stripped.casefold().rstrip(":") in _FURNITURE or _POINTER.match(body)
              or (len(stripped) <= 60 and _SLUG.match(body))):
            blank_to = start + len(body)
        # (the credit after a date line's date, or opening a line: "date 2024-01-18 (MENAFN- Daily News Egypt) The")
        at = (blank_to - start) if blank_to is not None and blank_to - start < len(body) else 0
        while in_head and (blank_to is None or at) and (credit := _CREDIT_OPEN.match(body, at)) is not None:
            furniture.append((start + credit.start(), start + credit.end()))
            for i in range(start + credit.start(), start + credit.end()):
                chars[i] = " "
            at = credit.end()  # ("(MENAFN- The Rio Times) (Opinion) Chancellor ...": both)
        if blank_to is not None:
            furniture.append((start, blank_to))
            for i in range(start, blank_to):
                chars[i] = " "
    furniture += _link_lists(text, chars)
    masked = "".join(chars)
    dateline = _find_dateline(masked, written, known_place or (lambda city: True))
    if written is None and dateline is not None and dateline.day is not None:
        written, written_from = dateline.day, "dateline"
    if written is None and (day := url_day(source)) is not None:
        written, written_from = day, "url"
    return Layout(masked, written, written_from, dateline, tuple(furniture), year, stated)


def _us_day(month: int, day: int, year: int) -> date | None:
    """The day of a month-first numeric date ("10/17/2023"), or of a day-first one when its first number cannot be a
    month ("17/10/2023"); None when neither reads ("0/17/2023", its first digit lost)."""
    for m, d in ((month, day), (day, month)):
        try:
            return date(year, m, d)
        except ValueError:
            continue
    return None


# the credit that closes a photo caption: "(AP/Japan's Cabinet Office)", "(Bernama via Xinhua)", "© Foreign Ministry
# via AP", "[PRESIDENTIAL OFFICE]", "(Photo: Reuters)"
_CREDIT = re.compile(r"(?:\((?:photo|image|file|pic)?[^()]{0,60}(?:AP|AFP|Reuters|Xinhua|EPA|Getty|Bernama|Anadolu|"
                     r"TASS|Yonhap|Kyodo|IRNA|WAM|SPA|photo|Photo|PHOTO|handout|Handout)[^()]{0,60}\)|©[^\n]{0,80}|"
                     r"\[[A-Z][A-Z '’.-]{3,60}\])\s*$")


_SPEAKER = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in sorted(_DATA["statement"]["speaker_openers"],
                                                                           key=len, reverse=True)) + r")\s", re.I)
_SPEAKER_LINES = 4  # how far down a page a line naming its speaker may sit (after a menu, a section name)


def speaker_line(paragraphs: Sequence[str]) -> int | None:
    """The index of the paragraph near the top that names who speaks in the text ("Press statement by President von
    der Leyen ..."), if any."""
    return next((i for i, p in enumerate(paragraphs[:_SPEAKER_LINES]) if _SPEAKER.match(p)), None)


def is_caption(paragraph: str) -> bool:
    """A photo caption: a paragraph closed by a picture credit. What it dates is the picture's day."""
    return bool(_CREDIT.search(paragraph.strip()))


_ENDS_SENTENCE = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")")


def _link_lists(text: str, chars: list[str]) -> list[tuple[int, int]]:
    """Blank runs of three or more short lines with no sentence end and no list marker, after the head of the page:
    the headlines of other stories ("More news", "Related")."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    offset = 0
    lines = text.splitlines(keepends=True)

    def close() -> None:
        if len(run) >= 3:
            for start, end in run:
                spans.append((start, end))
                for i in range(start, end):
                    chars[i] = " "
        run.clear()

    following_of: list[str] = [""] * len(lines)  # the next line that is not blank, found in one pass back
    following = ""
    for n in range(len(lines) - 1, -1, -1):
        following_of[n] = following
        following = lines[n].strip() or following
    for n, line in enumerate(lines):
        start, body = offset, line.rstrip("\r\n")
        offset += len(line)
        stripped = body.strip()
        if not stripped:
            continue  # (cleaned text sets every line it keeps apart by a blank line)
        following = following_of[n]
        # (prose wrapped at a fixed width is no list: a line stopped at a comma or a word that cannot end a
        # sentence, or going on in lower case: "issued a joint statement welcoming the" / "signing of the ...")
        wrapped = stripped.endswith(",") or stripped.split()[-1] in JOINERS or following[:1].islower()
        # (a list item counts when it is written as a headline, as long as one: "- Japan to Tighten Screening of
        # Residence Permits")
        bullet = _BULLET.match(body)
        headline = bullet is not None and _headline_case(body[bullet.end():])
        if (n >= 5 and len(stripped) <= (_MAX_LINE if headline else 120) and not stripped.endswith(_ENDS_SENTENCE)
                and not wrapped and (bullet is None or headline)):
            run.append((start, start + len(body)))
        else:
            close()
    close()
    return spans


_SMALL_WORDS = JOINERS | {"is", "are", "be", "over", "after", "amid", "vs", "per", "up", "off", "out", "nor", "so"}


def _headline_case(line: str) -> bool:
    """Written as headlines are, every word but the small ones capitalised, and at least four words."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", line)
    return len(words) >= 4 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words[1:]) and (
        words[0][0].isupper())


def _known_city(found: re.Match[str], known_place: Callable[[str], bool]) -> bool:
    return len(found.group("city")) >= 3 and known_place(found.group("city").split("/")[0].strip())


def _find_dateline(masked: str, written: date | None, known_place: Callable[[str], bool]) -> Dateline | None:
    """A dateline opens one of the first paragraphs of the story."""
    seen = 0
    for para in re.finditer(r"[^\n]+", masked):
        if not para.group(0).strip():
            continue
        seen += 1
        if seen > 6:
            break
        found = DATELINE.match(para.group(0))
        skip = 0  # a publisher's name before the dateline, blanked with it
        if (found is None or not _known_city(found, known_place)) and (
                publisher := _PUBLISHER.match(para.group(0))) is not None:
            # (a publisher's name first: then only a dateline with its full date, in a known city)
            after = DATELINE.match(para.group(0)[publisher.end():])
            if after is not None and after.group("year") and after.group("day"):
                found, skip = after, publisher.end()
        # ("Seoul/Tokyo, March 26 (Jiji Press)--": filed from two places, the first known one names it)
        if found is None or not _known_city(found, known_place):
            continue
        day, month_day = None, None
        if found.group("mon") and found.group("day"):
            year = int(found.group("year")) if found.group("year") else (written.year if written else None)
            number = MONTHS.get(found.group("mon").lower().rstrip("."))
            month_day = (number, int(found.group("day"))) if number else None
            if year and number:
                try:
                    day = date(year, number, int(found.group("day")))
                except ValueError:
                    day = None
        start = found.start("credit") if found.group("credit") else found.start("city")  # (the credit names no party)
        start = 0 if skip else start
        return Dateline(found.group("city").strip(), para.start() + start, para.start() + skip + found.end(), day,
                        month_day)
    return None
