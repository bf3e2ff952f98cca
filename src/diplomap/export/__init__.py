"""Exports of the event record: PLOVER-style JSONL (the shape ../shared/eval/score.py reads), JSON, CSV,
GeoJSON, GraphML and TimelineJS JSON. ``write_events`` picks one by name and says what it wrote."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from diplomap.knowledge import Knowledge
from diplomap.model import Document, Event

FORMATS = ("jsonl", "json", "csv", "geojson", "graphml", "timeline")
LAYERS = ("events", "corridors")  # GeoJSON: one layer per file, every feature with the same fields


class ExportError(ValueError):
    """Options that do not go together; the message says which to change."""


@dataclass(frozen=True)
class Written:
    """What an export wrote: from how many events, and what the file holds (rows, features, nodes...)."""

    events: int
    items: int
    unit: str  # what ``items`` counts: "events", "event points", "graph nodes", "slides"...
    detail: str = ""  # more, e.g. "130 edges"

    def __str__(self) -> str:
        head = f"{self.items} {self.unit.removesuffix('s') if self.items == 1 else self.unit}"
        if self.unit != "events":
            head += f" from {self.events} event{'' if self.events == 1 else 's'}"
        return head + (f" ({self.detail})" if self.detail else "")


def write_events(
    fmt: str,
    events: Iterable[Event],
    out: IO[str],
    *,
    layer: str | None = None,
    documents: Mapping[str, Document] | None = None,
    kb: Knowledge | None = None,
) -> Written:
    """Write events in a named format (any case). ``layer`` picks the GeoJSON layer (default events);
    ``documents`` (id -> document, text not needed) credits the sources on timeline slides; ``kb``
    names graph nodes and draws corridors (default: the shipped knowledge)."""
    fmt, layer = check_options(fmt, layer)
    seen = _Counted(events)
    if fmt == "jsonl":
        from diplomap.export.jsonl import write_jsonl

        return _rows(write_jsonl(seen, out), seen)
    if fmt == "json":
        from diplomap.export.jsonl import write_json

        return _rows(write_json(seen, out), seen)
    if fmt == "csv":
        from diplomap.export.csv import write_csv

        return _rows(write_csv(seen, out), seen)
    if fmt == "geojson":
        from diplomap.analyze.corridors import corridors
        from diplomap.export.geojson import write_geojson

        pool = list(seen)
        routes = corridors(pool, kb or Knowledge.load()) if layer == "corridors" else []
        n = write_geojson(pool, out, layer=layer, corridors=routes)
        if layer == "corridors":
            return Written(seen.n, n, "corridor lines", "the projects the events name")
        return Written(seen.n, n, "event points", f"{seen.n - n} without a known place" if seen.n > n else "")
    if fmt == "graphml":
        from diplomap.export.graphml import write_graphml

        nodes, edges = write_graphml(seen, out, kb=kb or Knowledge.load())
        return Written(seen.n, nodes, "graph nodes", f"{edges} edge{'' if edges == 1 else 's'}")
    from diplomap.export.timeline import write_timeline

    slides = write_timeline(seen, out, documents=documents)
    return Written(seen.n, slides, "slides", f"{seen.n - slides} undated left out" if seen.n > slides else "")


def check_options(fmt: str, layer: str | None = None) -> tuple[str, str]:
    """The format and layer in canonical form, or ExportError (call it before opening the output file)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if layer is not None and fmt != "geojson":
        raise ExportError(f"--layer is for --format geojson, not {fmt}: leave it out")
    layer = (layer or "events").lower()
    if layer not in LAYERS:
        raise ExportError(f"unknown GeoJSON layer {layer!r}: use one of {', '.join(LAYERS)}")
    return fmt, layer


def _rows(n: int, seen: _Counted) -> Written:
    return Written(seen.n, n, "events")  # n first: the writer has read every event by then


class _Counted:
    """The events, counted as a writer reads them."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._events = events
        self.n = 0

    def __iter__(self) -> Iterator[Event]:
        for event in self._events:
            self.n += 1
            yield event
