"""TimelineJS JSON (Knight Lab): a title slide and one slide per dated event, with its quote.

Format: https://timeline.knightlab.com/docs/json-format.html — dates are objects of strings; only
"year" is required, so a date known to the month gives no day and one known to the year no month.
Slide text is HTML, so everything from the documents is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from html import escape
from typing import IO, Any

from diplomap.analyze.periods import sort_key
from diplomap.model import Event, Precision

_DAY = {Precision.DAY, Precision.RANGE, Precision.PART}
_MONTH = _DAY | {Precision.MONTH}


def timeline(events: Iterable[Event], title: str = "diplomap events", text: str = "",
             group: Callable[[Event], str | None] | None = None) -> dict[str, Any]:
    """Undated events are left out: a slide needs a start date. ``group`` names each event's row."""
    slides = []
    for event in sorted(events, key=sort_key):
        span = event.date
        if span is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _date(span.start, span.precision),
            "text": {"headline": escape(_headline(event)), "text": _body(event)},
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
                   group: Callable[[Event], str | None] | None = None) -> int:
    """Write the TimelineJS document; returns the number of slides."""
    doc = timeline(events, title, text, group)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    return len(doc["events"])


def _date(day: date, precision: Precision) -> dict[str, str]:
    out = {"year": str(day.year)}
    if precision in _MONTH:
        out["month"] = str(day.month)
    if precision in _DAY:
        out["day"] = str(day.day)
    return out


def _headline(event: Event) -> str:
    """The event's own headline ("China signed a memorandum on green energy with Kazakhstan"); for an event
    stored before headlines existed, its type and actors."""
    if event.headline:
        return event.headline
    arrow = " → ".join(part for part in ("/".join(event.source), "/".join(event.target)) if part)
    return f"{event.type}: {arrow}" if arrow else event.type


def _body(event: Event) -> str:
    parts = [f"<p>{escape(event.summary)}</p>"] if event.summary else []
    parts += [f"<blockquote>{escape(ev.quote)}</blockquote>" for ev in event.evidence]
    return "".join(parts)
