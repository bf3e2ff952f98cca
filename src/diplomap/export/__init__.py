"""Exports of the event record: PLOVER-style JSONL (the shape ../shared/eval/score.py reads), CSV,
GeoJSON, GraphML and TimelineJS JSON. ``write_events`` picks one by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from diplomap.model import Event


def write_events(fmt: str, events: Iterable[Event], out: IO[str]) -> int:
    """Write events in a named format; returns how many were written."""
    if fmt == "jsonl":
        from diplomap.export.jsonl import write_jsonl

        return write_jsonl(events, out)
    if fmt == "csv":
        from diplomap.export.csv import write_csv

        return write_csv(events, out)
    if fmt == "geojson":
        from diplomap.analyze.corridors import corridors
        from diplomap.export.geojson import write_geojson
        from diplomap.knowledge import Knowledge

        events = list(events)
        return write_geojson(events, out, corridors=corridors(events, Knowledge.load()))
    if fmt == "graphml":
        from diplomap.export.graphml import write_graphml
        from diplomap.knowledge import Knowledge

        return write_graphml(events, out, kb=Knowledge.load())
    if fmt == "timeline":
        from diplomap.export.timeline import write_timeline

        return write_timeline(events, out)
    raise ValueError(f"unknown export format {fmt!r}")
