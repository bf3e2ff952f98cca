"""What the coder knows of a sentence besides its parse: its place in the document and the narrative so far."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from diplomap.extract.dates import DateMention
from diplomap.model import DateSpan, Event, Mention


@dataclass
class SentenceContext:
    """What the coder needs besides the parse."""

    doc_id: str
    index: int  # sentence index in the document
    offset: int  # document offset of the sentence's first character
    mentions: Sequence[Mention]
    dates: Sequence[DateMention]  # offsets relative to the sentence
    anchor: DateSpan | None  # narrative date when the sentence has none
    focal_start: date | None  # the start of the period the document reports on
    previous_actors: tuple[str, ...] = ()  # actors of the previous sentence, for "the two sides"
    narrative: bool = False  # an analytical review, where the present tense states how things are
    # dates of named events seen so far in the document ("the SCO summit" -> September), shared
    named_dates: dict[tuple[str, ...], DateSpan] = field(default_factory=dict)
    written: date | None = None  # the day the text was written, when known
    place_phrases: set[int] = field(default_factory=set)  # descriptions of places (set by Coder.code)
    requested: set[int] = field(default_factory=set)  # what a request in the sentence asks for (set by Coder.code)
    salient: tuple[str, ...] = ()  # the document's actors so far, most named first ("the two sides" of a story)
    reactions_apart: bool = False  # one event per reacting party ("the US and Japan condemned ...")
    prior: Sequence[Event] = ()  # the events the document told before this sentence ("condemned the seizure")
    speaker: tuple[str, ...] = ()  # who a quotation the sentence is in is attributed to ("I spoke with ...," X wrote)
    text: str | None = None  # the sentence's text, when the caller has it (else read from the parse when first asked)
    # the states of the people named in the last sentence that named one, in order ("he" there: the first)
    previous_people: tuple[str, ...] = ()

    def text_of(self, sent: Span) -> str:
        """The text of the sentence this context is of (``sent.text``, which spaCy joins anew from every token at
        each read: read once, #10)."""
        if self.text is None:
            self.text = sent.text
        return self.text


def mention_tokens(sent: Span, mention: Mention, offset: int) -> list[Token]:
    """The tokens of the sentence a mention covers: those that start within it. (Found by bisection over the
    tokens' offsets, which increase: the coder asks this for every mention and trigger, #10.)"""
    return tokens_in(sent, mention.start - offset, mention.end - offset)


def tokens_in(sent: Span, start: int, end: int) -> list[Token]:
    """The tokens of the sentence that start at or after ``start`` and before ``end`` (character offsets in the
    sentence, as a date's or a mention's), found by bisection: ``[t for t in sent if start <= t.idx -
    sent.start_char < end]`` without making every token of the sentence (#10)."""
    base = sent.start_char
    doc, starts = sent.doc, _starts(sent.doc)
    first = bisect_left(starts, start + base, sent.start, sent.end)
    return [doc[i] for i in range(first, bisect_left(starts, end + base, first, sent.end))]


def _starts(doc: Doc) -> list[int]:
    """Where each token of a parsed text starts, read once per text."""
    starts: list[int] | None = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data[_STARTS] = [t.idx for t in doc]
    return starts


_STARTS = "diplomap.token_starts"
