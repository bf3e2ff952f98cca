"""The review's map: the year's event places and corridors on an offline base map of country shapes.

Framed on the region of the year's events (the places, the corridors and the focus country's capital,
not the far-off capitals of partners met elsewhere). Labels are placed most important first and a label
that would overlap one already placed is left to its tooltip, so names never pile up.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from diplomap.analyze.corridors import Corridor
from diplomap.knowledge import Knowledge
from diplomap.model import Event
from diplomap.report import basemap
from diplomap.svg import Frame, frame, svg

MODE_COLOURS = {"rail": "#8e5bb5", "road": "#a0522d", "gas": "#e0a030", "oil": "#222222", "power": "#c8452c",
                "fibre": "#2aa8a8", "port": "#1f6fa8", "multimodal": "#3a9a5b"}
WIDTH, MAX_HEIGHT, PAD = 760, 560, 30
CHAR_W, LABEL_H = 6.6, 12  # an 11px label's box, generously
Box = tuple[float, float, float, float]


def corridor_map(corridors: Sequence[Corridor], events: Iterable[Event], kb: Knowledge, country: str) -> str:
    places: Counter[tuple[str, float, float]] = Counter()
    for event in events:
        loc = event.location
        if loc is not None and loc.lat is not None and loc.lon is not None:
            places[(loc.name, loc.lon, loc.lat)] += 1
    lines = [c for c in corridors if len(c.line) > 1 and c.event_ids]
    points = [pt for c in lines for pt in c.line] + [(lon, lat) for _, lon, lat in places]
    home = kb.states.get(country)
    if home is not None and home.lat is not None and home.lon is not None:
        points.append((home.lon, home.lat))
    if not points:
        return _empty()
    f = frame(_core(points), WIDTH, MAX_HEIGHT, PAD, min_height=320)
    body = [basemap.draw(f)]
    labels: list[tuple[float, float, str, str, float]] = []  # x, y, text, colour, priority
    for corridor in lines:
        line = [f.xy(lon, lat) for lon, lat in corridor.line]
        stroke = MODE_COLOURS.get(corridor.mode, "#555")
        tip = escape(f"{corridor.name} ({corridor.mode or corridor.kind}, {corridor.status or 'status unknown'})")
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
        body.append(f'<g class="corridor"><title>{tip}</title><polyline points="{path}" fill="none"'
                    f' stroke="{stroke}" stroke-width="3" stroke-linejoin="round" opacity="0.85"/></g>')
    for (name, lon, lat), n in places.most_common():
        x, y = f.xy(lon, lat)
        r = 3 + 2 * math.sqrt(n)
        body.append(f'<circle class="event-place" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c8452c"'
                    f' fill-opacity="0.6" stroke="#8a2a18"><title>{escape(name)}: {n} event(s)</title></circle>')
        labels.append((x + r + 2, y + 4, name, "#3b1f18", 100 + n))
    for name, lon, lat, area in basemap.names_in(f):  # country names, after the places, where room is left
        x, y = f.xy(lon, lat)
        labels.append((x - CHAR_W * len(name) / 2, y, name, "#8a9188", min(area, 99)))
    body.append(_labels(labels, f))
    body.append(_legend(lines, f.height))
    return svg(WIDTH, f.height + 24, body, "Event places and corridors", "map corridor-map", "#f7f9fb")


def _core(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points without far outliers (a meeting in Washington does not stretch a Caucasus map to America):
    those within 40 degrees of the median, when at least half of the points are."""
    lons = sorted(p[0] for p in points)
    lats = sorted(p[1] for p in points)
    mid = (lons[len(lons) // 2], lats[len(lats) // 2])
    near = [p for p in points if abs(p[0] - mid[0]) <= 40 and abs(p[1] - mid[1]) <= 25]
    return near if len(near) * 2 >= len(points) else list(points)


def _labels(labels: list[tuple[float, float, str, str, float]], f: Frame) -> str:
    """Place labels most important first; skip one whose box would overlap a placed one or leave the map."""
    placed: list[Box] = []
    out = []
    for x, y, text, fill, _ in sorted(labels, key=lambda lab: -lab[4]):
        box = (x, y - LABEL_H + 2, x + CHAR_W * len(text), y + 2)
        if box[2] > f.width or box[1] < 0 or box[3] > f.height:
            continue
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        out.append(f'<text class="map-label" x="{x:.1f}" y="{y:.1f}" fill="{fill}" stroke="#f7f9fb"'
                   f' stroke-width="3" paint-order="stroke">{escape(text)}</text>')
    return "".join(out)


def _legend(corridors: Sequence[Corridor], y: float) -> str:
    modes = sorted({c.mode for c in corridors})
    items = [(m, MODE_COLOURS.get(m, "#555")) for m in modes] + [("event place (size: events)", "#c8452c")]
    x, out = float(PAD), []
    for name, fill in items:
        out.append(f'<g class="legend-item"><rect x="{x:.0f}" y="{y + 4:.0f}" width="14" height="6" fill="{fill}"/>'
                   f'<text x="{x + 18:.0f}" y="{y + 11:.0f}">{escape(name)}</text></g>')
        x += 34 + CHAR_W * len(name)
    return "".join(out)


def _empty() -> str:
    return svg(WIDTH, 60, ['<text x="20" y="34">No event place or corridor waypoint has coordinates.</text>'],
               "No places", "map corridor-map", "#f7f9fb")
