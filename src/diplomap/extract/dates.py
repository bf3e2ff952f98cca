"""Date expressions -> DateSpan, resolved against an anchor (the document date or the narrative).

Our own rules come first (ranges, seasons, early/mid/late, relative phrases); dateparser is not
needed for the forms news and reports use, and is kept out of the hot path.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from diplomap.extract.cues import DIGIT, Cue, Cues
from diplomap.extract.spans import clamp_day, deictic, month_span, named_month, relative_to, this_or_last
from diplomap.knowledge.grammar import (
    DEADLINE_WORDS,
    FUTURE_CUES,
    MONTH_ABBR_PATTERN,
    MONTH_NAMES,
    MONTH_PATTERN,
    MONTHS,
    REPORTED_FORMS,
    WEEKDAY_PATTERN,
)
from diplomap.model import DateSpan, Precision

_MON = rf"(?P<mon>{MONTH_PATTERN}|{MONTH_ABBR_PATTERN})\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"

SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
# "mid-November" is the 11th-20th; "late June" starts on the 20th, the day the vague words share (the shared
# gold's convention: a late-month event dated the 20th is still "late")
PARTS = {"early": (1, 10), "beginning": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (20, 31), "end": (20, 31)}
# (of a year: "early 2024" is January to April, "the end of 2024" October to December)
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12)}


def _alternation(forms: frozenset[str]) -> str:
    """A regex alternation of word forms (grammar.toml), the longest first, a space between words any spacing."""
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=lambda f: (-len(f), f)))


# Order matters: longer, more specific patterns first. Each names the groups it fills.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("deictic", re.compile(
        r"\b(?:(?P<day>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)|"
        r"(?P<which>last|this|next)\s+(?P<unit>week|weekend)|(?:over|during|at|on)\s+the\s+(?P<past_weekend>weekend)|"
        r"earlier\s+this\s+(?P<so_far>week|month|year)|later\s+this\s+(?P<rest_of>week|month|year)|"
        r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|\d+)\s+"
        r"(?P<units>day|week|month|year)s?\s+ago)\b", re.I)),
    ("day_range_month", re.compile(rf"\b{_DAY}{_DASH}{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b")),
    ("month_day_range", re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_DAY2}(?:,?\s+{_YEAR})?\b")),
    ("day_month_range", re.compile(rf"\b{_DAY}\s+{_MON}{_DASH}{_DAY2}\s+{_MON2}(?:,?\s+{_YEAR})?\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b")),
    ("month_day", re.compile(rf"\b{_MON}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b(?!\s*(?:million|billion|percent|%|km))")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # "30/05/2024", "05/30/2024": only where the day is past 12, so the order is certain
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")),
    ("part_month", re.compile(
        rf"\b(?P<part>early|mid|late|the\s+(?:beginning|middle|end)\s+of)[\s-]+{_MON}(?:,?\s+{_YEAR})?\b", re.I)),
    ("season", re.compile(
        rf"\b(?:(?P<part>early|mid|late)[\s-]+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+of)?(?:\s+{_YEAR})?\b", re.I)),
    ("month_range", re.compile(rf"\b{_MON}{_DASH}{_MON2}(?:,?\s+{_YEAR})?\b")),
    # "during his visit to New Delhi last June", "will be signed next March": counted from the day written
    ("named_month", re.compile(rf"\b(?P<which>last|next|this|past|coming)\s+{_MON}\b(?!,?\s+(?:of\s+)?\d)", re.I)),
    ("month", re.compile(rf"\b{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?\b")),
    ("quarter", re.compile(
        rf"\b(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4])\s+(?:quarter|Q)(?:\s+of)?(?:\s+{_YEAR})?"
        rf"|(?P<qq>Q[1-4])\s+(?P<qyear>(?:19|20)\d\d))\b", re.I)),
    ("half", re.compile(rf"\b(?P<h>first|second)\s+half(?:\s+of)?(?:\s+{_YEAR})?\b", re.I)),
    ("part_year", re.compile(rf"\b(?P<part>early|mid|late|the\s+(?:beginning|middle|end)\s+of)[\s-]+{_YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<decade>(?:19|20)\d0)s\b", re.I)),
    # (not "the 17th-century villa": a century hyphenated to the noun it describes tells what the thing is like)
    ("century", re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<century>1[5-9]|20)(?:st|nd|rd|th)"
                           r"\s+century\b", re.I)),
    # (not a count: "release at least 2022 political prisoners", "more than 2000 troops")
    ("year", re.compile(rf"(?<![\d$€£.,-])(?<!at least )(?<!than )(?<!nearly )(?<!almost ){_YEAR}(?![\d%])"
                        r"(?!\s*(?:km|kilomet|percent|million|billion))")),
    ("relative", re.compile(
        # (not a duration: "paused the tariffs for a month after the talks")
        r"(?<!\bfor\s)(?<!\bfor\sa\s)\b(?:(?P<less>less\s+than|more\s+than|about|some|nearly|almost|over)\s+)?"
        r"(?P<n>a\s+few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+)\s+"
        # (not from a past act told by a gerund: "more than four years after becoming the only G7 nation to sign
        # up" counts from that act, whose day the sentence does not give, not from the story's day)
        r"(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|(?:after|before)(?!\s+\w+ing\b)|ago)\b", re.I)),
    ("following", re.compile(
        r"\b(?:in\s+)?the\s+(?P<which>following|next|previous|preceding|same)\s+(?P<unit>day|week|month|year)s?\b",
        re.I)),
    # "On the 29th (local time) in Minsk", "a communiqué released on the 31st": a day of the month with no month, as
    # news translated from Korean or Japanese writes it (not "on the 15th BRICS summit", "the 29th of May")
    ("ordinal_day", re.compile(r"\b(?:[Oo]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Bb]y)\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"
                               r"(?![ \t]*[-–]?[ \t]*[A-Za-z])")),
    # ("this Monday (15)": the day of the month in brackets, as Brazilian and Spanish-language news write it)
    ("weekday", re.compile(r"\b(?:(?:on|last|this|since)\s+)?"
                           rf"(?P<wd>{WEEKDAY_PATTERN})(?:\s*\(\d{{1,2}}\)|(?!\s*[,(]?\s*(?:\d|{MONTH_PATTERN}))\b)")),
    # ("late last month", "at the end of this year": a part of it)
    ("this", re.compile(r"\b(?:(?P<part>early|mid|late|(?:at\s+)?the\s+(?:beginning|middle|end)\s+of)[\s-]+)?"
                        r"(?:this|last|next|the\s+(?:current|past|coming))\s+(?P<unit>year|month)\b", re.I)),
    ("same", re.compile(r"\b(?:on|at|during)\s+the\s+same\s+(?:occasion|day|visit|trip|event|date)\b|"
                        r"\bon\s+that\s+(?:occasion|day)\b", re.I)),
    ("that_month", re.compile(
        r"\b(?:later|earlier)\s+(?:in\s+)?(?:that|the\s+same|the)\s+(?P<unit>week|month|year)\b", re.I)),
]

# What each pattern cannot match without (extract/cues.py): most sentences name no date, and skip them all
_UNIT = Cue(("day", "night", "morning", "afternoon", "evening", "week", "month", "year"))  # ("today", "weekend")
_MONTHS_AS_WRITTEN = Cue((*MONTH_ABBR_PATTERN.split("|"), "May"), folded=False)  # (each name's start)
_MONTHS_ANY_CASE = Cue(tuple(w.lower() for w in _MONTHS_AS_WRITTEN.words))
_CUES: dict[str, tuple[Cue | re.Pattern[str], ...]] = {
    "deictic": (_UNIT, Cue(("yesterday", "today", "tonight", "this", "night", "week", "ago"))),
    "day_range_month": (DIGIT, _MONTHS_AS_WRITTEN),
    "month_day_range": (DIGIT, _MONTHS_AS_WRITTEN),
    "day_month_range": (DIGIT, _MONTHS_AS_WRITTEN),
    "day_month": (DIGIT, _MONTHS_AS_WRITTEN),
    "month_day": (DIGIT, _MONTHS_AS_WRITTEN),
    "iso": (DIGIT,),
    "numeric": (DIGIT,),
    "part_month": (_MONTHS_ANY_CASE,),
    "season": (Cue(tuple(SEASONS)),),
    "month_range": (_MONTHS_AS_WRITTEN,),
    "named_month": (_MONTHS_ANY_CASE, Cue(("last", "next", "this", "past", "coming"))),
    "month": (_MONTHS_AS_WRITTEN,),
    "quarter": (Cue(("q",)),),  # ("quarter", "Q1")
    "half": (Cue(("half",)),),
    "part_year": (DIGIT,),
    "decade": (DIGIT,),
    "century": (DIGIT,),
    "year": (DIGIT,),
    "relative": (_UNIT, Cue(("later", "earlier", "after", "before", "ago"))),
    "following": (_UNIT, Cue(("following", "next", "previous", "preceding", "same"))),
    "ordinal_day": (DIGIT, Cue(("the",))),
    "weekday": (Cue(("day",), folded=False),),  # (every weekday's name, as written)
    "this": (_UNIT, Cue(("this", "last", "next", "current", "past", "coming"))),
    "same": (Cue(("same", "that")),),
    "that_month": (_UNIT, Cue(("later", "earlier"))),
}
assert set(_CUES) == {kind for kind, _ in _PATTERNS}


_STATED_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+((?:19|20)\d\d)\b(?![-–]\d)")
_RELATIVE = {"relative", "following", "that_month", "same", "weekday", "ordinal_day"}
# a verb of telling between such a word and the weekday: the weekday dates the telling, not what is told
_REPORTED = re.compile(rf"\b(?:{_alternation(REPORTED_FORMS)})\b", re.I)
# words before a weekday that put it ahead: "will take effect on Sunday", "is set to meet on Friday"
_FUTURE_CUE = re.compile(rf"\b(?:{_alternation(FUTURE_CUES)})\b[^.;]*$|\b(?:until|by)\s+(?:this\s+|next\s+)?$", re.I)
# words before a date that make it a deadline, not the time of the story ("leave before midnight on Sunday");
# when.py's bound words ("since 1992") keep such a date from dating an act
DEADLINE = re.compile(rf"\b(?:{_alternation(DEADLINE_WORDS)})\s+(?:\w+\s+){{0,2}}?(?:on\s+)?$", re.I)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SKIP_MONTH_WORDS = {"may", "march"}  # also ordinary words: need a day, a year or "in"/"of" around them
# what makes "March 3" a date ("on March 3", "the night of March 3"), not "may 3 times"
_DAY_OF_MONTH_WORD = re.compile(
    rf"\b(?:on|by|since|until|from|(?:night|morning|evening|eve|events|day|attacks?)\s+of|{WEEKDAY_PATTERN}),?\s+$",
    re.I)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets within the searched text
    end: int
    text: str
    kind: str
    span: DateSpan
    relative: bool = False  # resolved from an anchor rather than stated
    base: DateSpan | None = None  # what a relative one was counted from (the sentence's date before it, or the anchor)


def find_dates(
    text: str, anchor: DateSpan | None, default_year: int, year_from_anchor: bool = True, today: date | None = None,
    weekday_from_today: bool = False,
) -> list[DateMention]:
    """All date expressions in a text (a sentence), resolved. ``anchor`` is the narrative date so far; a
    date without a year takes the anchor's year, or when ``year_from_anchor`` is off the one year the
    sentence states ("In 2024, ... in July"), else ``default_year``. ``today`` is the day the text was
    written (a news item's date): "yesterday", "last week" and "two weeks ago" count from it, and so does
    "on Friday" when ``weekday_from_today`` (news: the last Friday up to the day it was written, not up to
    the last date the story told)."""
    year_anchor = anchor if year_from_anchor else None
    # "In 2024, ... in July": a sentence that states one year dates the bare months and days told after it
    # ("On January 2, the border closed in 2019 reopened": the year is another clause's, told later)
    cues = Cues(text)
    digits = cues.has(DIGIT)  # (a stated year, a dateline's full date)
    stated = [(m.start(), int(m.group(1))) for m in _STATED_YEAR.finditer(text)] if digits else []
    year_at = len({y for _, y in stated}) == 1 and year_anchor is None
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    filed = _filed_day(text, today) if digits else None
    for kind, pattern in _PATTERNS:
        if not cues.allow(_CUES[kind]):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            base = anchor if kind in _RELATIVE else year_anchor
            if kind == "season" and _season_counted(text, m) and today is not None:
                base = DateSpan(today, today, Precision.DAY, "written")  # "next autumn": after the day written
            if kind in ("this", "named_month") and base is None:
                # "recalled its ambassador last month": in news, the month before the one it was written in
                base = DateSpan(today, today, Precision.DAY, "written") if today is not None else anchor
            if kind in ("weekday", "ordinal_day") and weekday_from_today and today is not None:
                base = DateSpan(today, today, Precision.DAY, "written")
            elif kind in _RELATIVE:
                # "in September 2023, ... a few months later": the sentence's own date comes first
                earlier = [d for d in found if d.end <= m.start() and not d.relative and d.kind != "this"]
                if earlier:
                    base = max(earlier, key=lambda d: d.end).span
            speech = today
            if kind == "deictic" and filed is not None and filed[0] < m.start():
                speech = filed[1]  # "New York, March 27, 2025: Rubio today praised": the day it was filed
            elif kind == "deictic" and _spoken_day(text, m.start(), anchor, today):
                # "the treaty signed today," Putin said on Wednesday: the day he spoke, not the day of writing
                speech = anchor.start if anchor else today
            try:
                year = stated[0][1] if year_at and stated[0][0] < m.start() else default_year
                resolved = deictic(m, speech) if kind == "deictic" else _resolve(kind, m, text, base, year)
            except (ValueError, OverflowError):  # "2500 years ago", "99999999999 days later": no such date (#9)
                resolved = None
            if resolved is None:
                continue
            span, relative = resolved
            if kind in ("month_day", "day_month") and weekday_from_today and today is not None:
                span = _weekday_told_wrong(text[:m.start()], span, today)
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(0), kind, span, relative, base if relative else None))
    return sorted(found, key=lambda d: d.start)


_FILED_MARK = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*[:—–-]")
_FULL_DATES = [(kind, pattern) for kind, pattern in _PATTERNS if kind in ("month_day", "day_month")]


def _filed_day(text: str, today: date | None) -> tuple[int, date] | None:
    """A dateline's full date in the sentence ("New York, NY, March 27, 2025: ...", "Muscat, 18 Dec 2025 (ONA) --"),
    in the week up to the day written: where it ends, and the day. "Today" after it is that day."""
    if today is None:
        return None
    for kind, pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            if not m.group("year") or not _FILED_MARK.match(text, m.end()):
                continue
            try:
                resolved = _resolve(kind, m, text, None, int(m.group("year")))
            except (ValueError, OverflowError):
                continue
            if resolved is not None and today - timedelta(7) <= resolved[0].start <= today:
                return m.end(), resolved[0].start
    return None


_WEEKDAY_BEFORE = re.compile(rf"\b({WEEKDAY_PATTERN}),?\s*\(?$", re.I)


def _weekday_told_wrong(before: str, span: DateSpan, today: date) -> DateSpan:
    """'on Monday, January 3' in an item written on Monday 3 February: when the weekday and the date told with it
    disagree and that weekday fell in the week up to the day written, the writer meant that weekday."""
    found = _WEEKDAY_BEFORE.search(before)
    if found is None or span.precision != Precision.DAY:
        return span
    wd = WEEKDAYS.index(found.group(1).lower())
    if span.start.weekday() == wd:
        return span
    day = today - timedelta((today.weekday() - wd) % 7)
    return DateSpan(day, day, Precision.DAY, span.text) if day.day == span.start.day else span


def _spoken_day(text: str, pos: int, anchor: DateSpan | None, today: date | None) -> bool:
    """A deictic day inside a quotation ("signed today") counts from the day it was said: the story's day so
    far when that is one day of the week before the item was written."""
    if anchor is None or today is None or anchor.precision is not Precision.DAY or anchor.start != anchor.end:
        return False
    if not today - timedelta(SPOKEN_WINDOW) <= anchor.start < today:
        return False
    before = text[:pos]
    return (before.count("\u201c") > before.count("\u201d")) or before.count('"') % 2 == 1


SPOKEN_WINDOW = 7  # days: a quotation's "today" is a day of the week the item reports


def _year_of(m: re.Match[str], anchor: DateSpan | None, default_year: int) -> int:
    year = m.groupdict().get("year")
    return int(year) if year else (anchor.start.year if anchor else default_year)


def _season_counted(text: str, m: re.Match[str]) -> str:
    """"next" or "last" when the season is counted from the day written ("next autumn", "last winter"), else ""."""
    lead = re.search(r"\b(last|past|next|coming)\s+(?:early\s+|late\s+|mid-?)?$", text[:m.start()], re.I)
    if lead is None:
        return ""
    return "next" if lead.group(1).lower() in ("next", "coming") else "last"


def _season_end(y: int, first: int, last: int) -> date:
    """The last day of the season that begins in month ``first`` of year ``y`` (winter ends in the next year)."""
    return clamp_day(y + 1, last, 31) if first > last else clamp_day(y, last, 31)


def _to_come(text: str, m: re.Match[str]) -> bool:
    """A day named after a cue of what is to come ("will take effect on Sunday", "will sign on the 5th"), not of a
    saying after it ("will lift all sanctions, Trump said on Tuesday": the day of the saying, before the story's)."""
    lead = text[max(0, m.start() - 60): m.start()]
    cue = _FUTURE_CUE.search(lead)
    return bool(cue and not _REPORTED.search(lead[cue.start():]))


def _resolve(
    kind: str, m: re.Match[str], text: str, anchor: DateSpan | None, default_year: int
) -> tuple[DateSpan, bool] | None:
    g = m.groupdict()
    t = m.group(0)
    try:
        if kind in ("day_range_month", "month_day_range"):
            y, mon = _year_of(m, anchor, default_year), MONTHS[g["mon"].lower()]
            d1, d2 = int(g["day"]), int(g["day2"])
            if not (1 <= d1 < d2 <= 31):
                return None
            return DateSpan(date(y, mon, d1), clamp_day(y, mon, d2), Precision.RANGE, t), False
        if kind == "day_month_range":
            y = _year_of(m, anchor, default_year)
            start = date(y, MONTHS[g["mon"].lower()], int(g["day"]))
            end = date(y, MONTHS[g["mon2"].lower()], int(g["day2"]))
            return (DateSpan(start, end, Precision.RANGE, t), False) if end >= start else None
        if kind in ("day_month", "month_day"):
            y, mon, d = _year_of(m, anchor, default_year), MONTHS[g["mon"].lower()], int(g["day"])
            if not 1 <= d <= 31:
                return None
            if kind == "month_day" and not g.get("year") and g["mon"].lower() in _SKIP_MONTH_WORDS:
                if not _DAY_OF_MONTH_WORD.search(text[: m.start()]):
                    return None
            day = date(y, mon, d)
            return DateSpan(day, day, Precision.DAY, t), False
        if kind == "iso":
            day = date(int(g["year"]), int(g["m"]), int(g["d"]))
            return DateSpan(day, day, Precision.DAY, t), False
        if kind == "part_month":
            y, mon = _year_of(m, anchor, default_year), MONTHS[g["mon"].lower()]
            part = _part_word(g["part"])
            lo, hi = PARTS[part]
            return DateSpan(date(y, mon, lo), clamp_day(y, mon, hi), Precision.PART, t), False
        if kind == "season":
            lead = r"\b(?:in|during|by|this|last|next|the)\s+(?:early\s+|late\s+|mid-?)?$"
            if not g.get("year") and not re.search(lead, text[: m.start()], re.I) and not t.lower().startswith("the"):
                return None
            y = _year_of(m, anchor, default_year)
            first, last = SEASONS[g["season"].lower()]
            which = _season_counted(text, m)
            if which and not g.get("year") and anchor is not None:
                # "next autumn": the first to begin after the day counted from; "last winter": the last to end before
                ref = anchor.start
                y = ref.year - (which == "last" and first > last)
                if which == "next":
                    y += ref >= date(y, first, 1)
                else:
                    y -= _season_end(y, first, last) >= ref
            start = date(y, first, 1)
            end = _season_end(y, first, last)
            if g.get("part"):
                third = (end - start).days // 3
                p = g["part"].lower()
                start, end = (start, start + timedelta(third)) if p == "early" else (
                    (start + timedelta(third), end - timedelta(third)) if p == "mid" else (end - timedelta(third), end))
            return DateSpan(start, end, Precision.SEASON, t), False
        if kind == "month_range":
            y = _year_of(m, anchor, default_year)
            a, b = MONTHS[g["mon"].lower()], MONTHS[g["mon2"].lower()]
            if b < a:
                return None
            return DateSpan(date(y, a, 1), month_span(y, b).end, Precision.MONTH, t), False
        if kind == "named_month":
            return named_month(g, t, anchor)
        if kind == "month":
            name = g["mon"].lower()
            if name not in MONTH_NAMES and not g.get("year"):
                return None  # "Jan", "Mar" alone are too ambiguous
            # "the August visit": a month naming which event, after a determiner
            attributive = bool(re.search(r"\bthe\s+$", text[: m.start()], re.I)) and bool(
                re.match(r"\s+[a-z]", text[m.end():]))
            if not g.get("year") and name in _SKIP_MONTH_WORDS | {"may"} and not attributive:
                if not re.search(r"\b(?:in|of|since|until|by|early|late|mid|from|through|between|and)\s*-?$",
                                 text[: m.start()], re.I):
                    return None
            preposition = r"\b(?:in|of|since|until|by|from|through|between|and|during)\s+$"
            if (not g.get("year") and not attributive and not re.search(preposition, text[: m.start()], re.I)
                    and m.start() != 0 and not re.match(r"\s*,", text[m.end():])):
                return None
            y = _year_of(m, anchor, default_year)
            return month_span(y, MONTHS[name], Precision.MONTH, t), False
        if kind == "quarter":
            q = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3,
                 "fourth": 4, "4th": 4, "q4": 4}[(g["q"] or g["qq"]).lower()]
            y = int(g["qyear"]) if g.get("qyear") else _year_of(m, anchor, default_year)
            return DateSpan(date(y, 3 * q - 2, 1), month_span(y, 3 * q).end, Precision.QUARTER, t), False
        if kind == "half":
            y = _year_of(m, anchor, default_year)
            h = 1 if g["h"].lower() == "first" else 2
            return DateSpan(date(y, 6 * h - 5, 1), month_span(y, 6 * h).end, Precision.HALF, t), False
        if kind == "part_year":
            y = int(g["year"])
            part = _part_word(g["part"])
            lo, hi = YEAR_PARTS[part]
            return DateSpan(date(y, lo, 1), month_span(y, hi).end, Precision.MONTH, t), False
        if kind == "decade":
            dec = int(g["decade"])
            lo, hi = {"early": (0, 4), "mid": (3, 7), "late": (6, 9)}.get((g.get("part") or "").lower(), (0, 9))
            return DateSpan(date(dec + lo, 1, 1), date(dec + hi, 12, 31), Precision.DECADE, t), False
        if kind == "century":  # "in the 19th century": 1801-1900 (its early, mid, late thirds)
            first = (int(g["century"]) - 1) * 100 + 1
            lo, hi = {"early": (0, 32), "mid": (33, 66), "late": (67, 99)}.get((g.get("part") or "").lower(), (0, 99))
            return DateSpan(date(first + lo, 1, 1), date(first + hi, 12, 31), Precision.DECADE, t), False
        if kind == "numeric":
            a, b = int(g["a"]), int(g["b"])
            if (a > 12) == (b > 12):
                return None  # "05/06/2024": May or June, nothing says
            d_, m_ = (a, b) if a > 12 else (b, a)
            day_ = date(int(g["year"]), m_, d_)
            return DateSpan(day_, day_, Precision.DAY, t), False
        if kind == "year":
            y = int(g["year"])
            before = text[max(0, m.start() - 12): m.start()].lower()
            if re.search(r"(?:vision|agenda|strategy|plan|program|programme)[\s\-–—]*$", before):
                return None
            return DateSpan(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, t), False
        if kind == "weekday":
            # news: "on Tuesday" is the last such day up to the story's date; "will take effect on Sunday"
            # the next one
            if anchor is None or anchor.precision != Precision.DAY:
                return None
            wd = WEEKDAYS.index(g["wd"].lower())
            if _to_come(text, m):
                day = anchor.start + timedelta((wd - anchor.start.weekday()) % 7 or 7)
            else:
                # ("last Tuesday", written on a Tuesday, is a week before it)
                back = (anchor.start.weekday() - wd) % 7 or (7 if t.lower().startswith("last") else 0)
                day = anchor.start - timedelta(back)
            return DateSpan(day, day, Precision.DAY, t), True
        if kind == "ordinal_day":
            # the last such day up to the story's date (of its month, else of the month before); "will ... on the
            # 5th" the next one
            if anchor is None or anchor.precision != Precision.DAY:
                return None
            d, base = int(g["day"]), anchor.start
            if not 1 <= d <= 31:
                return None
            later = _to_come(text, m)
            months = [(base.year + (base.month - 1 + k) // 12, (base.month - 1 + k) % 12 + 1) for k in (-2, -1, 0, 1)]
            days = [date(y, mo, d) for y, mo in months if d <= monthrange(y, mo)[1]]
            pick = min((x for x in days if x > base), default=None) if later else max(
                (x for x in days if x <= base), default=None)
            return (DateSpan(pick, pick, Precision.DAY, t), True) if pick else None
        if kind == "this":
            got, within = this_or_last(g, t, default_year, anchor), g.get("part")
            return _part_of(got, within, t) if got and within else got
        if kind == "same":
            return (anchor, True) if anchor else None
        if kind in ("relative", "following", "that_month"):
            return relative_to(kind, g, t, anchor)
    except (ValueError, KeyError):
        return None
    return None


def _part_of(got: tuple[DateSpan, bool], part: str, text: str) -> tuple[DateSpan, bool]:
    """"late last month", "early this year": the part of the month or year "this_or_last" found."""
    span, relative = got
    word = _part_word(part)
    y, mon = span.start.year, span.start.month
    if span.precision == Precision.YEAR:
        lo, hi = YEAR_PARTS[word]
        return DateSpan(date(y, lo, 1), month_span(y, hi).end, Precision.MONTH, text), relative
    lo, hi = PARTS[word]
    return DateSpan(date(y, mon, lo), clamp_day(y, mon, hi), Precision.PART, text), relative


def _part_word(part: str) -> str:
    """The word of a part phrase that PARTS and YEAR_PARTS know: "late", "the end of" -> "end"."""
    return part.lower().split()[-2] if " " in part else part.lower()

