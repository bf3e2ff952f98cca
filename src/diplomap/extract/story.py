"""Where a news story stands in time: which dates of a sentence move it (not a date naming a thing, nor one it
counts from), where the narrative goes next, a meeting retold by its month, and whether a text is a review that
narrates many months or news of one day."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from diplomap.extract.context import tokens_in
from diplomap.extract.dates import DateMention
from diplomap.knowledge.grammar import (
    ACT_NOUNS,
    DECISIONS,
    MONTH_PATTERN,
    REPORTING,
    SPEECH_NOUNS,
    TAKING,
    WEEKDAY_PATTERN,
)
from diplomap.model import DateSpan, Event, Precision


def _root(sent: Span, found: DateMention) -> Token | None:
    """The word a date phrase hangs from the rest of the sentence by."""
    inside = tokens_in(sent, found.start, found.end)
    idx = {t.i for t in inside}
    return next((t for t in inside if t.head.i not in idx), None)


def attributive(sent: Span, found: DateMention) -> bool:
    """A date that names a thing rather than telling when the sentence happens ("the April 22 attack", "the
    agreement of May 10"): a reference, the story does not move there."""
    root = _root(sent, found)
    if root is None:
        return False
    noun = root.head if root.dep_ != "pobj" else root.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("during", "at", "on", "in"):
        return False  # "during Thursday's talks, they agreed": the time of the sentence, not a reference
    # "the April 22 attack", "the agreement of May 10", "an attack on tourists on April 22": the date of a thing
    return (root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.pos_ in ("NOUN", "PROPN")) or (
        root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("NOUN", "PROPN"))


def described_thing(sent: Span, found: DateMention) -> bool:
    """A date in a participle or a relative clause describing a thing that is no act of the story ("in rejection
    of their statements on the presidential elections held on Sunday", "issues that arose in 2020"): the thing's
    day; the story does not move there, however recent ("welcomed the agreement signed on Monday" does:
    grammar.toml nouns.acts)."""
    root = _root(sent, found)
    if root is None:
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    # (a relative clause too: "issues that arose in 2020"; not a sentence's main verb the parser hung on its
    # subject: "Tensions flared again last month")
    return ((verb.dep_ == "acl" and verb.tag_ == "VBN") or (verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children))) and (
        verb.head.pos_ in ("NOUN", "PROPN") and verb.head.dep_ != "ROOT" and verb.head.lemma_.lower() not in ACT_NOUNS)


def of_the_telling(sent: Span, found: DateMention, dates: Sequence[DateMention]) -> bool:
    """'South Korea and Japan held talks on Monday, the ministry said Tuesday': the day a report was made, when the
    sentence also tells the day of what it reports; the story stays on the day of the act."""
    root = _root(sent, found) if len(dates) >= 2 else None
    if root is None:
        return False
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ not in ("pobj", "npadvmod", "nmod") or verb.lemma_.lower() not in REPORTING or verb.i == root.i:
        return False
    # the other day is told inside what was reported
    told = {t.idx - sent.start_char for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    return any(d is not found and d.start in told for d in dates)


_SINCE = re.compile(r"\b(?:since|until|till)\b", re.I)


def bound(text: str, found: DateMention, dates: Sequence[DateMention]) -> bool:
    """A date in a clause of "since" or "until" ("the first attack since a truce took effect last week"): a bound
    of what the sentence tells, not when it happened. Read from the words, since the parser often hangs such a
    clause anywhere."""
    after = max((d.end for d in dates if d.end <= found.start), default=0)
    return bool(_SINCE.search(text[after:found.start]))


REVIEW_WORDS = 1500  # a text this long that names five months or more is a review, weekdays or not


def is_review(text: str) -> bool:
    """A text that narrates many months (an annual review) rather than one news day. A short text that counts
    days by the weekday ("On Sunday, the army struck ...") is news, however many months its background names."""
    months = set(re.findall(rf"\b({MONTH_PATTERN})\b", text))
    if len(months) < 5:
        return False
    return len(text.split()) >= REVIEW_WORDS or not re.search(rf"\b(?:{WEEKDAY_PATTERN})\b", text)


def decision_day(sent: Span, dates: Sequence[DateMention], written: date) -> DateSpan | None:
    """'ECOWAS has lifted its sanctions on Niger. The decision was made at a summit in Abuja on Saturday.': a
    sentence whose subject takes up the act told just before ("the decision", "this move", grammar.toml
    nouns.decisions) as taken (verbs.taking) on one past day gives that act the day."""
    root = sent.root
    days = [d.span for d in dates if d.span.precision == Precision.DAY and d.span.end <= written]
    if root.lemma_.lower() in REPORTING and len(days) == 1 and any(
            t.dep_ == "pobj" and t.head.lower_ == "in" and t.lemma_.lower() in SPEECH_NOUNS for t in sent):
        # ("Mali announced that it is cutting ties with Ukraine. '...,' the spokesman said in a statement on Sunday":
        # the statement told with its day is the announcement)
        return days[0]
    decision = [c for c in root.children if c.dep_ in ("nsubjpass", "nsubj") and c.lemma_.lower() in DECISIONS
                and any(a.dep_ == "det" and a.lower_ in ("the", "this", "that") for a in c.children)]
    # (or "The decision, announced on Thursday, is the latest sign of ...": taken in a participle on it)
    if not decision or not (root.lemma_.lower() in TAKING or any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in TAKING for c in decision[0].children)):
        return None
    return days[0] if len(days) == 1 else None


def retold_date(event: Event, earlier: Sequence[Event]) -> Event:
    """A meeting dated only by its month, told before with its day ("came in August, when A met B in
    Washington" after "on 8 August 2025 in Washington"), is that meeting: it takes the day. Only when one
    such meeting between the same parties, at the same place or an unnamed one, lies in that month."""
    span = event.date
    if event.type != "CONSULT" or span is None or span.inherited or span.precision != Precision.MONTH:
        return event
    parties = set(event.actors)
    told = [e for e in earlier
            if e.type == "CONSULT" and e.date and e.date.precision == Precision.DAY and not e.date.inherited
            and span.start <= e.date.start <= span.end and len(parties & set(e.actors)) >= 2
            and (parties <= set(e.actors) or set(e.actors) <= parties)
            and (event.location is None or e.location is None or e.location.name == event.location.name)]
    if len({(e.date.start, e.date.end) for e in told if e.date}) != 1:
        return event
    day = told[0].date
    assert day is not None
    # and where it was held, when the retelling does not say
    place = event.location or next((e.location for e in told if e.location), None)
    return replace(event, date=DateSpan(day.start, day.end, Precision.DAY, span.text), location=place)


_LOOKS_BACK = re.compile(r"\b(?:previous|preceding)\b", re.I)


def next_anchor(dates: Sequence[DateMention], focal_year: int,
                 published: date | None = None) -> DateSpan | None:
    """The narrative moves on with each stated date of the period the text reports on, never past the
    date the text was written ("the June 2026 elections" in a 2025 review is not where the story is)."""
    stated = [d for d in dates if (
        (d.span.start.year >= focal_year and not d.relative) or d.kind in ("relative", "same", "that_month", "weekday")
        or (d.kind == "following" and not _LOOKS_BACK.search(d.text))  # "in the following weeks", not "over the
        # previous years"; "tensions flared again last month when ...": the paragraph goes on with last month
        or (d.kind == "this" and d.text.lower().startswith("last") and "month" in d.text.lower()))
        and (published is None or d.span.start <= published)]
    # (a period told after a day within it is no move: "held on 4-6 March, with Laos chairing ASEAN in 2024")
    stated = [d for i, d in enumerate(stated)
              if not any(e.span.within(d.span) and e.span.days < d.span.days for e in stated[:i])]
    return stated[-1].span if stated else None


def told_in_full(span: DateSpan) -> bool:
    """A day told with its year ("On the morning of July 3, 2024"): a lead that tells it tells the story's day."""
    return span.precision == Precision.DAY and re.search(r"\b(?:19|20)\d\d\b", span.text) is not None


def opens_with_its_day(text: str, told: Sequence[DateMention], day: DateSpan | None) -> bool:
    """'Yesterday, Yunus held a bilateral meeting with Ishiba.': a sentence (``text``) that opens with the day it moves
    to (``day``, among the dates ``told``)."""
    return day is not None and any(d.span == day and len(text[:d.start].strip(" ,").split()) <= 1 for d in told)
