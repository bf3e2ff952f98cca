"""GeoJSON (RFC 7946), one layer per file (#9): events with a place as Points, or the corridors they
name as LineStrings; coordinates [lon, lat]. Within a layer every feature has the same properties, as
GIS tools expect of a layer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from diplomap.analyze.corridors import Corridor
from diplomap.export.jsonl import event_record
from diplomap.model import Event


def in_range(lon: float | None, lat: float | None) -> bool:
    return lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90


def feature_collection(events: Iterable[Event], corridors: Sequence[Corridor] = (),
                       layer: str = "events") -> dict[str, Any]:
    """The ``events`` or ``corridors`` layer. Events without coordinates (or with impossible ones) are
    left out: a feature needs a geometry."""
    if layer == "corridors":
        return {"type": "FeatureCollection", "name": "corridors", "features": _corridor_features(corridors)}
    if layer != "events":
        raise ValueError(f"unknown layer {layer!r}: events or corridors")
    features: list[dict[str, Any]] = []
    for event in events:
        loc = event.location
        if loc is None or not in_range(loc.lon, loc.lat):
            continue
        props = event_record(event)
        props["kind"] = "event"
        features.append({"type": "Feature", "id": event.id,
                         "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]}, "properties": props})
    return {"type": "FeatureCollection", "name": "events", "features": features}


def _corridor_features(corridors: Sequence[Corridor]) -> list[dict[str, Any]]:
    features: list[dict[str, Any]] = []
    for corridor in corridors:
        line = [[lon, lat] for lon, lat in corridor.line if in_range(lon, lat)]
        if len(line) < 2:
            continue
        features.append({
            "type": "Feature", "id": corridor.id,
            "geometry": {"type": "LineString", "coordinates": line},
            "properties": {"kind": "corridor", "name": corridor.name, "mode": corridor.mode,
                           "project_kind": corridor.kind, "status": corridor.status,
                           "partners": list(corridor.partners),
                           "waypoints": [w.name for w in corridor.waypoints], "event_ids": list(corridor.event_ids)},
        })
    return features


def write_geojson(events: Iterable[Event], out: IO[str], corridors: Sequence[Corridor] = (),
                  layer: str = "events") -> int:
    """Write one layer; returns the number of features."""
    collection = feature_collection(events, corridors, layer)
    json.dump(collection, out, ensure_ascii=False)
    return len(collection["features"])
