"""The corridor map: an inline SVG in a plain equirectangular projection.

No tiles and no outline data are fetched: the reference layer is the capitals from states.csv, so
the map draws the same offline as on line, and for any part of the world.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from diplomap.analyze.corridors import Corridor
from diplomap.knowledge import Knowledge
from diplomap.model import Event
from diplomap.report.charts import FONT

MODE_COLOURS = {"rail": "#8e5bb5", "road": "#a0522d", "gas": "#e0a030", "oil": "#222222", "power": "#c8452c",
                "fibre": "#2aa8a8", "port": "#1f6fa8", "multimodal": "#3a9a5b"}
WIDTH, MAX_HEIGHT, PAD = 760, 560, 30
MIN_SPAN = 6.0  # degrees: a map around one city still shows its neighbours


@dataclass(frozen=True)
class _Frame:
    """Maps (lon, lat) to SVG pixels; x is squeezed by cos(mid-latitude) so shapes keep their aspect."""

    west: float
    east: float
    south: float
    north: float
    scale: float
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - self.west) * self.scale * self._k, PAD + (self.north - lat) * self.scale

    @property
    def _k(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def corridor_map(corridors: Sequence[Corridor], events: Iterable[Event], kb: Knowledge, country: str) -> str:
    places: Counter[tuple[str, float, float]] = Counter()
    for event in events:
        loc = event.location
        if loc is not None and loc.lat is not None and loc.lon is not None:
            places[(loc.name, loc.lon, loc.lat)] += 1
    points = [pt for c in corridors for pt in c.line] + [(lon, lat) for _, lon, lat in places]
    home = kb.states.get(country)
    if home is not None and home.lat is not None and home.lon is not None:
        points.append((home.lon, home.lat))
    if not points:
        return _empty()
    frame = _frame(points)
    body = [_graticule(frame), _capitals(frame, kb)]
    for corridor in corridors:
        line = [frame.xy(lon, lat) for lon, lat in corridor.line]
        if len(line) < 2:
            continue
        stroke = MODE_COLOURS.get(corridor.mode, "#555")
        tip = escape(f"{corridor.name} ({corridor.mode or corridor.kind}, {corridor.status or 'status unknown'})")
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
        body.append(f'<g class="corridor"><title>{tip}</title><polyline points="{path}" fill="none"'
                    f' stroke="{stroke}" stroke-width="3" stroke-linejoin="round" opacity="0.85"/>')
        for (x, y), wp in zip(line, [w for w in corridor.waypoints if w.lat is not None and w.lon is not None],
                              strict=True):
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#fff" stroke="{stroke}">'
                        f"<title>{escape(wp.name)}</title></circle>"
                        f'<text x="{x + 4:.1f}" y="{y - 4:.1f}" fill="{stroke}">{escape(wp.name)}</text>')
        body.append("</g>")
    for (name, lon, lat), n in places.most_common():
        x, y = frame.xy(lon, lat)
        r = 3 + 2 * math.sqrt(n)
        body.append(f'<circle class="event-place" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c8452c"'
                    f' fill-opacity="0.55" stroke="#c8452c"><title>{escape(name)}: {n} event(s)</title></circle>')
    body.append(_legend(corridors, frame.height))
    height = frame.height + 24
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="map corridor-map" role="img"'
            f' aria-label="Corridors and event places" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}"'
            f' height="{height}" style="{FONT};background:#f7f9fb">'
            f"<title>Corridors and event places</title>" + "".join(body) + "</svg>")


def _frame(points: Sequence[tuple[float, float]]) -> _Frame:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    for lo, hi, attr in ((west, east, "lon"), (south, north, "lat")):
        grow = max(MIN_SPAN - (hi - lo), 0) / 2 + (hi - lo) * 0.08
        if attr == "lon":
            west, east = max(lo - grow, -180), min(hi + grow, 180)
        else:
            south, north = max(lo - grow, -85), min(hi + grow, 85)
    k = math.cos(math.radians((north + south) / 2))
    scale = (WIDTH - 2 * PAD) / ((east - west) * k)
    if (north - south) * scale > MAX_HEIGHT - 2 * PAD:  # tall regions: fit the height, centre the width
        scale = (MAX_HEIGHT - 2 * PAD) / (north - south)
        extra = ((WIDTH - 2 * PAD) / (scale * k) - (east - west)) / 2
        west, east = west - extra, east + extra
    height = int((north - south) * scale + 2 * PAD)
    return _Frame(west, east, south, north, scale, height)


def _graticule(frame: _Frame) -> str:
    span = max(frame.east - frame.west, frame.north - frame.south)
    step = 1 if span < 10 else 5 if span < 40 else 10 if span < 100 else 30
    out = []
    lon = math.ceil(frame.west / step) * step
    while lon <= frame.east:
        x1, y1 = frame.xy(lon, frame.north)
        _, y2 = frame.xy(lon, frame.south)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x1:.1f}" y2="{y2:.1f}" stroke="#e3e8ee"/>'
                   f'<text x="{x1 + 2:.1f}" y="{y2 - 3:.1f}" fill="#9aa">{lon}°</text>')
        lon += step
    lat = math.ceil(frame.south / step) * step
    while lat <= frame.north:
        x1, y1 = frame.xy(frame.west, lat)
        x2, _ = frame.xy(frame.east, lat)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y1:.1f}" stroke="#e3e8ee"/>'
                   f'<text x="{x1 + 2:.1f}" y="{y1 - 3:.1f}" fill="#9aa">{lat}°</text>')
        lat += step
    return "".join(out)


def _capitals(frame: _Frame, kb: Knowledge) -> str:
    out = []
    for state in kb.states.values():
        if state.lat is None or state.lon is None or not frame.contains(state.lon, state.lat):
            continue
        x, y = frame.xy(state.lon, state.lat)
        tip = escape(f"{state.capital or 'capital'}, {state.name}")
        out.append(f'<g class="capital"><title>{tip}</title><rect x="{x - 2:.1f}" y="{y - 2:.1f}" width="4"'
                   f' height="4" fill="#889"/><text x="{x + 5:.1f}" y="{y + 4:.1f}" fill="#556">'
                   f"{escape(state.iso3)}</text></g>")
    return "".join(out)


def _legend(corridors: Sequence[Corridor], y: float) -> str:
    modes = sorted({c.mode for c in corridors if len(c.line) > 1})
    items = [(m, MODE_COLOURS.get(m, "#555")) for m in modes] + [("event place", "#c8452c")]
    x, out = float(PAD), []
    for name, fill in items:
        out.append(f'<rect x="{x:.0f}" y="{y + 4:.0f}" width="14" height="4" fill="{fill}"/>'
                   f'<text x="{x + 18:.0f}" y="{y + 10:.0f}">{escape(name)}</text>')
        x += 30 + 6.2 * len(name)
    return "".join(out)


def _empty() -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="map corridor-map" role="img" aria-label="No places"'
            f' viewBox="0 0 {WIDTH} 60" width="{WIDTH}" height="60" style="{FONT};background:#f7f9fb">'
            '<text x="20" y="34">No corridor waypoint or event place has coordinates.</text></svg>')
