"""Split a document's text into plain and marked segments at evidence offsets.

The template escapes every segment and wraps the marked ones in <mark>; nothing here produces HTML,
so document text (ingested HTML included) can never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    ref: str  # what the mark links to: an event id


@dataclass(frozen=True)
class Segment:
    text: str
    ref: str | None = None  # None: plain text; else the first span's ref
    anchor: str = ""  # an id for the first segment of a span, for #fragment links


@dataclass(frozen=True)
class Excerpt:
    segments: list[Segment]
    cut_before: bool
    cut_after: bool
    offsets_ok: bool  # False when the stored offsets fall outside the text or do not match the quote


def valid(text: str, start: int, end: int) -> bool:
    return 0 <= start < end <= len(text)


def segments(text: str, spans: Sequence[Span], base: int = 0) -> list[Segment]:
    """The text cut at every span; overlapping spans merge into one mark (the earliest span's ref).

    ``base`` is the document offset of ``text[0]`` when ``text`` is an excerpt. Callers drop spans
    that do not fit the document (see ``valid``).
    """
    usable = sorted((s for s in spans if _clip(s, base, len(text))), key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in usable:
        start, end = max(span.start - base, 0), min(span.end - base, len(text))
        if merged and start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, end), last.ref)
        else:
            merged.append(Span(start, end, span.ref))
    out: list[Segment] = []
    pos = 0
    for span in merged:
        if span.start > pos:
            out.append(Segment(text[pos : span.start]))
        out.append(Segment(text[span.start : span.end], span.ref, f"m{span.start + base}"))
        pos = span.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _clip(span: Span, base: int, length: int) -> bool:
    """A span that overlaps the excerpt only in part is still marked, cut at the excerpt's edge."""
    return span.start < base + length and span.end > base and span.start < span.end


def excerpt(text: str, start: int, end: int, quote: str, context: int = 320) -> Excerpt:
    """The evidence in its surroundings: ``context`` characters each side, cut at whitespace."""
    if not valid(text, start, end):
        return Excerpt([Segment(quote)], False, False, offsets_ok=False)
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    segs = segments(text[lo:hi], [Span(start, end, "")], base=lo)
    return Excerpt(segs, lo > 0, hi < len(text), offsets_ok=text[start:end] == quote or not quote)
