"""TimelineJS JSON (Knight Lab): a title slide and one slide per dated event, with its quote.

Format: https://timeline.knightlab.com/docs/json-format.html — dates are objects of strings; only
"year" is required, so a date known to the month gives no day and one known to the year no month.
Slide text is HTML, so everything from the documents is escaped.

A slide (#9) has a headline (the event's own headline where the coder gives one, else its summary
when that describes the event, else "TYPE: sources → targets"), each distinct sentence behind the event
once, and a credit line naming the documents it comes from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from html import escape
from typing import IO, Any

from diplomap.analyze.periods import sort_key
from diplomap.model import Document, Event, Precision

_DAY = {Precision.DAY, Precision.RANGE, Precision.PART}
_MONTH = _DAY | {Precision.MONTH}


HEADLINE = 110  # characters: TimelineJS shows the headline large, on one or two lines


def timeline(events: Iterable[Event], title: str = "diplomap events", text: str = "",
             group: Callable[[Event], str | None] | None = None,
             documents: Mapping[str, Document] | None = None) -> dict[str, Any]:
    """Undated events are left out: a slide needs a start date. ``group`` names each event's row;
    ``documents`` (by id; their text is not read) gives the credit line its titles and links."""
    slides = []
    for event in sorted(events, key=sort_key):
        span = event.date
        if span is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _date(span.start, span.precision),
            "text": {"headline": escape(headline(event)), "text": _body(event, documents or {})},
        }
        if span.precision in _DAY and span.end != span.start:
            slide["end_date"] = _date(span.end, span.precision)
        if span.text:
            slide["display_date"] = escape(span.text)
        name = group(event) if group else None
        if name:
            slide["group"] = name
        slides.append(slide)
    return {"title": {"text": {"headline": escape(title), "text": escape(text)}}, "events": slides}


def write_timeline(events: Iterable[Event], out: IO[str], title: str = "diplomap events", text: str = "",
                   group: Callable[[Event], str | None] | None = None,
                   documents: Mapping[str, Document] | None = None) -> int:
    """Write the TimelineJS document; returns the number of slides."""
    doc = timeline(events, title, text, group, documents)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    return len(doc["events"])


def _date(day: date, precision: Precision) -> dict[str, str]:
    out = {"year": str(day.year)}
    if precision in _MONTH:
        out["month"] = str(day.month)
    if precision in _DAY:
        out["day"] = str(day.day)
    return out


def headline(event: Event) -> str:
    """The slide's headline: the event's headline, else its summary if that is not simply the sentence
    quoted below (the coder's summary is often the evidence sentence), else type and actors."""
    own = str(getattr(event, "headline", "") or "")  # Event.headline, where the coder provides it
    if own.strip():
        return _short(own)
    if event.summary.strip() and not _is_a_quote(event.summary, event):
        return _short(event.summary)
    arrow = " → ".join(part for part in ("/".join(event.source), "/".join(event.target)) if part)
    return f"{event.type}: {arrow}" if arrow else event.type


def _body(event: Event, documents: Mapping[str, Document]) -> str:
    """The summary (unless it is the headline or a quote) and each distinct quote once, then the credit."""
    quotes: list[str] = []
    for ev in event.evidence:
        norm = _norm(ev.quote)
        if norm and not any(norm in _norm(q) for q in quotes):
            quotes = [q for q in quotes if _norm(q) not in norm] + [ev.quote]
    parts = []
    if event.summary.strip() and not _is_a_quote(event.summary, event) and _short(event.summary) != headline(event):
        parts.append(f"<p>{escape(event.summary)}</p>")
    parts += [f"<blockquote>{escape(q)}</blockquote>" for q in quotes]
    credit = _credit(event, documents)
    if credit:
        parts.append(f"<p class=\"credit\">{credit}</p>")
    return "".join(parts)


def _credit(event: Event, documents: Mapping[str, Document]) -> str:
    """'Source: title, publisher, date' for each document behind the event; linked when it is a URL."""
    names = []
    for doc_id in dict.fromkeys(ev.doc_id for ev in event.evidence):
        doc = documents.get(doc_id)
        if doc is None:
            continue
        name = escape(doc.title or doc.source)
        if doc.source.startswith(("http://", "https://")):
            name = f'<a href="{escape(doc.source)}">{name}</a>'
        extra = [escape(x) for x in (doc.publisher, doc.published.isoformat() if doc.published else "") if x]
        names.append(", ".join([name, *extra]))
    if not names:
        return ""
    return ("Source: " if len(names) == 1 else "Sources: ") + "; ".join(names)


def _is_a_quote(summary: str, event: Event) -> bool:
    """The summary is (the start of) a quote, or a quote lies within it: the same sentence."""
    norm = _norm(summary)
    return any(norm in _norm(ev.quote) or _norm(ev.quote) in norm for ev in event.evidence if ev.quote.strip())


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= HEADLINE:
        return text
    cut = text[: HEADLINE - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()
