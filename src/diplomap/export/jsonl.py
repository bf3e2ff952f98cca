"""PLOVER-style JSONL: one event a line, with its actors, dates, place, quantities and evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from diplomap.model import Event
from diplomap.plover import plover_score, quad_class


def event_record(event: Event) -> dict[str, Any]:
    span, loc = event.date, event.location
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "quad": quad_class(event.type),
        "score": plover_score(event.type, event.mode),
        "source": list(event.source),
        "target": list(event.target),
        "participants": list(event.participants),
        "start": span.start.isoformat() if span else None,
        "end": span.end.isoformat() if span else None,
        "precision": span.precision.value if span else None,
        "date_text": span.text if span else "",
        "modality": event.modality.value,
        "location": loc.name if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "quantities": [{"value": q.value, "unit": q.unit, "qualifier": q.qualifier, "text": q.text}
                       for q in event.quantities],
        "trigger": event.trigger,
        "summary": event.summary,
        "headline": event.headline,
        "evidence": [{"doc_id": ev.doc_id, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                      "quote": ev.quote} for ev in event.evidence],
    }


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(events: Iterable[Event], out: IO[str]) -> int:
    """One JSON array of the same records, written as it goes (for tools that want one document)."""
    n = 0
    out.write("[")
    for event in events:
        out.write(("\n" if n == 0 else ",\n") + json.dumps(event_record(event), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
