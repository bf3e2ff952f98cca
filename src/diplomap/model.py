"""The nouns of diplomap, as frozen dataclasses.

Data flows source -> Document -> (Sentence, Mention) -> Event -> Store. Every stage passes these
typed objects; nothing downstream reads string-keyed dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Modality(StrEnum):
    """How the text presents an event. Default listings and exports hold what happened; the history a
    text retells (background), plans, forecasts, hypotheticals and negated events stay in the store."""

    HAPPENED = "happened"
    PLANNED = "planned"  # agreed or announced to happen; "will open", "agreed to build"
    EXPECTED = "expected"  # forecasts: "is expected to", "likely"
    NEGATED = "negated"  # "did not sign"
    HYPOTHETICAL = "hypothetical"  # "could", "would", "if"
    BACKGROUND = "background"  # history retold as context ("four years earlier")


DEFAULT_MODALITIES = (Modality.HAPPENED,)
# what a text tells as done: its news and the history it retells. A review reads both (agreements signed in
# the years before, what led to the year's events); news items retell history in passing, with vague dates, and
# the gold of every set counts it as optional, so the default listings leave it out (#12)
DONE_MODALITIES = (Modality.HAPPENED, Modality.BACKGROUND)
# what sentence coding (``diplomap code``, and the peer suites through ``diplomap eval``) outputs by default:
# event coders such as PETRARCH and the PLOVER gold standard code planned, expected and hypothetical acts
# too ("will visit", "threatened to strike"), so only events the text says did not happen are left out
CODED_MODALITIES = tuple(m for m in Modality if m != Modality.NEGATED)


class Precision(StrEnum):
    DAY = "day"
    RANGE = "range"  # a span of days: "20-21 October"
    PART = "part"  # early/mid/late month: "mid-November"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"


@dataclass(frozen=True)
class DateSpan:
    """A closed date interval and how precisely the text gave it."""

    start: date
    end: date
    precision: Precision
    text: str = ""
    inherited: bool = False  # taken from the narrative, not stated in the event's own sentence

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date span ends before it starts: {self.start} > {self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: DateSpan) -> bool:
        """Every day of this span is a day of ``other`` (a day in its month, a month in its year)."""
        return other.start <= self.start and self.end <= other.end


@dataclass(frozen=True)
class Document:
    """One ingested source. ``id`` names the source (diplomap.ingest.identity): re-ingesting adds nothing."""

    id: str
    text: str  # clean text: the offsets of every sentence and evidence point into this
    source: str  # path or URL
    title: str = ""
    published: date | None = None
    publisher: str = ""
    fmt: str = "text"  # text, markdown, html, pdf
    raw: str = ""  # the decoded original, before repair
    offset_map: tuple[tuple[int, int], ...] = ()  # (clean offset, raw offset) at each break in the map
    encoding: str = ""  # what the file was read as (UTF-8, UTF-16 LE, ...) when read from one; not stored
    date_source: str = ""  # where ``published`` came from: one of DATE_SOURCES


# Where a document's publication date came from, most trusted first: a person (the command line's --date,
# or `documents set`), a manifest row, a feed entry, the page's HTML meta tags or JSON-LD, a date the text
# states (its byline or dateline), a PDF's creation date, the URL's path; "none" when nothing gave one.
# "unknown" is a date stored before diplomap recorded where dates came from (schema v8).
DATE_SOURCES = ("given", "manifest", "feed", "html-meta", "text", "pdf-meta", "url", "none", "unknown")


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    section: str = ""  # nearest heading above the sentence


@dataclass(frozen=True)
class Entity:
    """A thing the gazetteer knows: a state, organisation, person, project or place."""

    id: str
    kind: str  # state, organisation, person, project, place
    name: str
    code: str = ""  # the event-actor code it stands for: ISO alpha-3 or an organisation id
    qid: str = ""
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    doc_id: str
    sentence: int
    start: int  # document offsets
    end: int
    text: str
    entity_id: str
    label: str  # STATE, ORG, PERSON, PROJECT, PLACE, DEMONYM, CAPITAL, METONYM, GROUP


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # USD, EUR, m3, m3/year, km, percent, person, death, barrel, ...
    text: str = ""
    qualifier: str = ""  # "up to", "annually", "by 2030", "about"


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    sentence: int
    start: int  # document offsets of the quote
    end: int
    quote: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    """One coded event, with every piece of evidence behind it."""

    type: str  # PLOVER event type
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: DateSpan | None
    evidence: tuple[Evidence, ...]
    mode: str = ""
    modality: Modality = Modality.HAPPENED
    location: Place | None = None
    quantities: tuple[Quantity, ...] = ()
    trigger: str = ""
    summary: str = ""
    id: str = ""
    participants: tuple[str, ...] = field(default=())
    # one line from the parse, who did what to whom ("Aliyev and Putin met in Dushanbe"): words, not identity
    headline: str = field(default="", compare=False)
    # where the trigger word starts in the document: set by the coder for the headline, not stored
    trigger_at: int | None = field(default=None, compare=False)

    @property
    def actors(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for code in (*self.source, *self.target, *self.participants):
            seen.setdefault(code, None)
        return tuple(seen)
