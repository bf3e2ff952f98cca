"""The offline base map: country shapes from the vendored Natural Earth TopoJSON (report/basemap/README.md).

Read once from the package, decoded from TopoJSON's quantized, delta-coded arcs, and drawn as SVG paths
for the countries whose outline reaches into the frame. Nothing is fetched.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from html import escape
from importlib import resources

from diplomap.svg import Frame

Ring = tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, tuple[Ring, ...], tuple[float, float, float, float]], ...]:
    """(name, rings as (lon, lat), bbox west/south/east/north) for every country."""
    raw = resources.files("diplomap.report").joinpath("basemap/countries-50m.json.gz").read_bytes()
    topo = json.loads(gzip.decompress(raw))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> Ring:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out += pts[1:] if out else pts
        return tuple(out)

    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry.get("arcs", []) if kind == "MultiPolygon" \
            else []
        rings = tuple(ring(r) for poly in polygons for r in poly)
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        shapes.append((geometry.get("properties", {}).get("name", ""), rings,
                       (min(lons), min(lats), max(lons), max(lats))))
    return tuple(shapes)


def draw(frame: Frame, land: str = "#eef0ea", border: str = "#b9bfb4", water: str = "#dbe9f4") -> str:
    """Water, then every country that reaches into the frame, as one path each (borders are their edges)."""
    out = [f'<rect class="water" x="0" y="0" width="{frame.width:g}" height="{frame.height:g}" fill="{water}"/>']
    for name, rings, (w, s, e, n) in countries():
        if e < frame.west or w > frame.east or n < frame.south or s > frame.north:
            continue
        d = []
        for r in rings:
            pts = [frame.xy(lon, lat) for lon, lat in r]
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        out.append(f'<path class="country" d="{"".join(d)}" fill="{land}" stroke="{border}" stroke-width="0.7"'
                   f' fill-rule="evenodd"><title>{escape(name)}</title></path>')
    return "".join(out)


def names_in(frame: Frame) -> list[tuple[str, float, float, float]]:
    """(name, lon, lat, area in square degrees) of the countries whose largest ring's centre lies in the frame,
    largest first: where a country's name can go on the map."""
    out = []
    for name, rings, _ in countries():
        ring = max(rings, key=_area)
        lon = sum(p[0] for p in ring) / len(ring)
        lat = sum(p[1] for p in ring) / len(ring)
        if frame.contains(lon, lat):
            out.append((name, lon, lat, _area(ring)))
    return sorted(out, key=lambda c: -c[3])


def _area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2
