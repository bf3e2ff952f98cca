"""CSV: one event a row, for spreadsheets — and a reader that gives the same events back.

List cells (actors) are joined with "|" like the knowledge files; quantities and evidence, which
have structure, are JSON cells. `participants` lists every actor of the event (sources, targets, then
any other party), the one column to filter on for "events with X" (#9; it was empty whenever the coder
put every party in source or target); the reader keeps from it the codes in neither role. `quad`,
`score` and `quote` are for reading only: the reader derives nothing from them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from typing import IO

from diplomap.model import DateSpan, Event, Evidence, Modality, Place, Precision, Quantity
from diplomap.plover import plover_score, quad_class

COLUMNS = (
    "id", "type", "mode", "quad", "score", "modality", "source", "target", "participants", "start", "end",
    "precision", "date_text", "location", "location_country", "lat", "lon", "trigger", "summary", "headline", "quote",
    "quantities", "evidence",
)


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """Write the events. Line ends are RFC 4180 CRLF, so a lone carriage return in a quote stays quoted;
    open files with newline="".
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(_row(event))
        n += 1
    return n


def read_csv(inp: IO[str]) -> list[Event]:
    """Read back what write_csv wrote; open files with newline=""."""
    return [_event(row) for row in csv.DictReader(inp)]


def _row(event: Event) -> dict[str, str]:
    span, loc = event.date, event.location
    quad, score = quad_class(event.type), plover_score(event.type, event.mode)
    return {
        "id": event.id, "type": event.type, "mode": event.mode,
        "quad": "" if quad is None else str(quad), "score": "" if score is None else repr(score),
        "modality": event.modality.value,
        "source": "|".join(event.source), "target": "|".join(event.target),
        "participants": "|".join(event.actors),
        "start": span.start.isoformat() if span else "", "end": span.end.isoformat() if span else "",
        "precision": span.precision.value if span else "", "date_text": span.text if span else "",
        "location": loc.name if loc else "", "location_country": loc.country if loc else "",
        "lat": _num(loc.lat) if loc else "", "lon": _num(loc.lon) if loc else "",
        "trigger": event.trigger, "summary": event.summary, "headline": event.headline,
        "quote": event.evidence[0].quote if event.evidence else "",
        "quantities": json.dumps([[q.value, q.unit, q.text, q.qualifier] for q in event.quantities],
                                 ensure_ascii=False),
        "evidence": json.dumps([[ev.doc_id, ev.sentence, ev.start, ev.end, ev.quote] for ev in event.evidence],
                               ensure_ascii=False),
    }


def _event(row: dict[str, str]) -> Event:
    span = None
    if row["start"]:
        span = DateSpan(date.fromisoformat(row["start"]), date.fromisoformat(row["end"]),
                        Precision(row["precision"]), row["date_text"])
    place = None
    if row["location"]:
        place = Place(row["location"], row["location_country"], _float(row["lat"]), _float(row["lon"]))
    source, target = _codes(row["source"]), _codes(row["target"])
    others = tuple(c for c in _codes(row["participants"]) if c not in source and c not in target)
    return Event(
        id=row["id"], type=row["type"], mode=row["mode"], modality=Modality(row["modality"]),
        source=source, target=target, participants=others,
        date=span, location=place, trigger=row["trigger"], summary=row["summary"],
        headline=row.get("headline", ""),
        quantities=tuple(Quantity(float(v), u, t, q) for v, u, t, q in json.loads(row["quantities"] or "[]")),
        evidence=tuple(Evidence(d, int(s), int(a), int(b), q) for d, s, a, b, q in json.loads(row["evidence"] or "[]")),
    )


def _codes(cell: str) -> tuple[str, ...]:
    return tuple(c for c in cell.split("|") if c)


def _num(value: float | None) -> str:
    return "" if value is None else repr(value)


def _float(cell: str) -> float | None:
    return float(cell) if cell else None
