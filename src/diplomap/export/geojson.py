"""GeoJSON (RFC 7946): events with a place as Points, corridors as LineStrings, coordinates [lon, lat]."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from diplomap.analyze.corridors import Corridor
from diplomap.export.jsonl import event_record
from diplomap.model import Event


def in_range(lon: float | None, lat: float | None) -> bool:
    return lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90


def feature_collection(events: Iterable[Event], corridors: Sequence[Corridor] = ()) -> dict[str, Any]:
    """Events without coordinates (or with impossible ones) are left out: a feature needs a geometry."""
    features: list[dict[str, Any]] = []
    for event in events:
        loc = event.location
        if loc is None or not in_range(loc.lon, loc.lat):
            continue
        props = event_record(event)
        props["kind"] = "event"
        features.append({"type": "Feature", "id": event.id,
                         "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]}, "properties": props})
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
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[Event], out: IO[str], corridors: Sequence[Corridor] = ()) -> int:
    """Write the collection; returns the number of features."""
    collection = feature_collection(events, corridors)
    json.dump(collection, out, ensure_ascii=False)
    return len(collection["features"])
