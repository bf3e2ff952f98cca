"""Charts and maps as inline SVG drawn on the server.

No chart library and no script: the page stays usable without JavaScript, the Content-Security-Policy
can forbid inline script, and every label goes through ``escape``. Colours are presentation
attributes, not ``style=`` (which the CSP would block).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

from diplomap.svg import frame, svg

INK, ACCENT, MUTED, GRID = "#1f2933", "#2f6f9f", "#9aa5b1", "#e4e7eb"


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(svg(width, height, body, label, "chart"))  # the shared wrapper (diplomap/svg.py)


def bar_chart(points: Sequence[tuple[str, float]], label: str, width: int = 640, height: int = 170) -> Markup:
    """Vertical bars, one per (x label, value); every 3rd x label shown when they crowd."""
    if not points:
        return Markup('<p class="muted">No dated events.</p>')
    pad_l, pad_b, pad_t = 34, 28, 10
    top = max(v for _, v in points) or 1
    slot = (width - pad_l - 4) / len(points)
    plot_h = height - pad_b - pad_t
    body = [
        f'<line x1="{pad_l}" y1="{pad_t + plot_h}" x2="{width}" y2="{pad_t + plot_h}" stroke="{MUTED}"/>',
        f'<text x="{pad_l - 4}" y="{pad_t + 8}" text-anchor="end" font-size="10" fill="{INK}">{_num(top)}</text>',
        f'<text x="{pad_l - 4}" y="{pad_t + plot_h}" text-anchor="end" font-size="10" fill="{INK}">0</text>',
    ]
    every = max(1, math.ceil(len(points) / 12))
    for i, (x_label, value) in enumerate(points):
        h = plot_h * value / top
        x = pad_l + i * slot
        body.append(
            f'<rect x="{x + slot * 0.1:.1f}" y="{pad_t + plot_h - h:.1f}" width="{slot * 0.8:.1f}" height="{h:.1f}"'
            f' fill="{ACCENT}"><title>{escape(x_label)}: {_num(value)}</title></rect>'
        )
        if i % every == 0:
            # a label at the right edge ends there rather than centring past it (it was cut off)
            at, anchor = (x + slot / 2, "middle") if x + slot / 2 + 3 * len(x_label) < width else (width, "end")
            body.append(
                f'<text x="{at:.1f}" y="{height - 10}" text-anchor="{anchor}" font-size="10"'
                f' fill="{INK}">{escape(x_label)}</text>'
            )
    return _svg(width, height, body, label)


def sparkline(values: Sequence[float], label: str, width: int = 140, height: int = 28) -> Markup:
    if len(values) < 2:
        return Markup("")
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1
    step = (width - 4) / (len(values) - 1)
    pts = " ".join(
        f"{2 + i * step:.1f},{height - 3 - (v - lo) / span * (height - 6):.1f}" for i, v in enumerate(values)
    )
    body = [f'<polyline points="{pts}" fill="none" stroke="{ACCENT}" stroke-width="1.5"/>']
    return _svg(width, height, body, label)


@dataclass(frozen=True)
class Bar:
    label: str
    start: date | None  # None: since before the record
    end: date | None  # None: still holds
    note: str = ""


def gantt(bars: Sequence[Bar], label: str, width: int = 640, today: date | None = None) -> Markup:
    """Horizontal bars on a shared time axis: who held which role, when."""
    if not bars:
        return Markup("")
    today = today or date.today()
    known = [d for b in bars for d in (b.start, b.end) if d is not None]
    first = min(known, default=today)
    last = max([*known, today])
    days = max((last - first).days, 1)
    pad_l, row_h = 230, 22
    height = row_h * len(bars) + 24
    plot_w = width - pad_l - 8

    def x(day: date) -> float:
        return pad_l + plot_w * (day - first).days / days

    body = []
    for i, bar in enumerate(bars):
        y = 4 + i * row_h
        x0, x1 = x(bar.start or first), x(bar.end or today)
        body.append(
            f'<text x="{pad_l - 6}" y="{y + 14}" text-anchor="end" font-size="11" fill="{INK}">'
            f"{escape(_clip(bar.label, 36))}</text>"
            f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 2):.1f}" height="{row_h - 8}" fill="{ACCENT}">'
            f"<title>{escape(bar.label)}: {escape(bar.note)} ({bar.start or '…'} – {bar.end or 'now'})</title></rect>"
        )
    axis_y = height - 8
    body.append(f'<text x="{pad_l}" y="{axis_y}" font-size="10" fill="{INK}">{first.isoformat()}</text>')
    body.append(f'<text x="{width - 8}" y="{axis_y}" text-anchor="end" font-size="10" fill="{INK}">'
                f"{last.isoformat()}</text>")
    return _svg(width, height, body, label)


NODE_MIN = 12  # a neighbour's smallest circle: room for a ten-point three-letter code ("ITA")


def network(center: str, nodes: Sequence[tuple[str, int]], edges: Sequence[tuple[str, str, int]],
            label: str, size: int = 420) -> Markup:
    """The actor in the middle, its neighbours on a circle; line width and circle size grow with shared events (the
    smallest circle still holds a three-letter code)."""
    if not nodes:
        return Markup('<p class="muted">No neighbours.</p>')
    c = size / 2
    radius = size / 2 - 48
    top = max(n for _, n in nodes) or 1
    pos = {
        code: (c + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
               c + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
        for i, (code, _) in enumerate(nodes)
    }
    body = []
    for a, b, n in edges:  # links among the neighbours first, under everything
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{GRID}"'
                        f' stroke-width="{1 + 3 * n / top:.1f}"/>')
    for code, n in nodes:
        x, y = pos[code]
        body.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="{MUTED}"'
                    f' stroke-width="{1 + 5 * n / top:.1f}"><title>{escape(center)}–{escape(code)}: {n}</title></line>')
    for code, n in nodes:
        x, y = pos[code]
        body.append(
            f'<a href="/actors/{quote(code, safe="")}"><circle cx="{x:.1f}" cy="{y:.1f}"'
            f' r="{NODE_MIN + 8 * n / top:.1f}"'
            f' fill="#ffffff" stroke="{ACCENT}" stroke-width="2"><title>{escape(code)}: {n} events</title></circle>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="10" fill="{INK}">'
            f"{escape(code)}</text></a>"
        )
    body.append(f'<circle cx="{c}" cy="{c}" r="20" fill="{ACCENT}"/>'
                f'<text x="{c}" y="{c + 4}" text-anchor="middle" font-size="11" fill="#ffffff">{escape(center)}</text>')
    return _svg(size, size, body, label)


@dataclass(frozen=True)
class MapPoint:
    name: str
    lat: float
    lon: float
    count: int
    href: str = ""


@dataclass(frozen=True)
class MapLine:
    name: str
    points: tuple[tuple[float, float], ...]  # (lat, lon)
    href: str = ""


def map_svg(points: Sequence[MapPoint], lines: Sequence[MapLine], label: str, width: int = 860) -> Markup:
    """An equirectangular plot of places and corridors, framed to the data (no tiles: nothing remote)."""
    coords = [(p.lat, p.lon) for p in points] + [pt for line in lines for pt in line.points]
    if not coords:
        return Markup('<p class="muted">No located events or corridors yet.</p>')
    # the shared projection (diplomap/svg.py): degrees square at the middle latitude, framed to the data
    f = frame([(lon, lat) for lat, lon in coords], width, 700, pad=0, min_span=4.0, margin=0.1, min_height=200)
    height = int(f.height)
    lat0, lat1, lon0 = f.south, f.north, f.west
    lon1 = f.east

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return f.xy(lon, lat)

    body = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f5f7fa"/>']
    for deg in range(math.ceil(lon0 / 5) * 5, int(lon1) + 1, 5):
        x, _ = xy(lat0, deg)
        body.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="{GRID}"/>'
                    f'<text x="{x + 2:.1f}" y="{height - 4}" font-size="9" fill="{MUTED}">{deg}°</text>')
    for deg in range(math.ceil(lat0 / 5) * 5, int(lat1) + 1, 5):
        _, y = xy(deg, lon0)
        body.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="{GRID}"/>'
                    f'<text x="2" y="{y - 2:.1f}" font-size="9" fill="{MUTED}">{deg}°</text>')
    for line in lines:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(*p) for p in line.points))
        body.append(_link(line.href, f'<polyline points="{pts}" fill="none" stroke="#c2410c" stroke-width="2.5"'
                                     f' stroke-dasharray="6 3"><title>{escape(line.name)}</title></polyline>'))
    top = max((p.count for p in points), default=1) or 1
    for p in points:
        x, y = xy(p.lat, p.lon)
        r = 3 + 12 * math.sqrt(p.count / top)
        body.append(_link(p.href, f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{ACCENT}" fill-opacity="0.6">'
                                  f"<title>{escape(p.name)}: {p.count} events</title></circle>"
                                  f'<text x="{x + r + 2:.1f}" y="{y + 3:.1f}" font-size="10" fill="{INK}">'
                                  f"{escape(p.name)}</text>"))
    return _svg(width, height, body, label)


def _link(href: str, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
