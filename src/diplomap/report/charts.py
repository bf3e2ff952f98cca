"""Charts as inline SVG strings, drawn here so the review needs no JavaScript library and no network.

Every chart is a standalone ``<svg>`` element (valid as a .svg file too) with <title> tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from diplomap.analyze.balance import Concentration, PeriodBalance
from diplomap.analyze.dyads import Dyad
from diplomap.svg import svg

QUAD_COLOURS = ("#7fb8da", "#1f6fa8", "#f2a65a", "#c8452c")  # verbal/material cooperation, verbal/material conflict
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
PALETTE = ("#1f6fa8", "#c8452c", "#3a9a5b", "#8e5bb5", "#e0a030", "#2aa8a8", "#d05f9b", "#7a7a30", "#6b6b6b",
           "#a0522d", "#4682b4", "#9acd32")
SCORE_COLOUR = "#222"


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _svg(width: int, height: int, body: list[str], label: str, css_class: str) -> str:
    return svg(width, height, body, label, css_class)


def dyad_chart(d: Dyad, title: str) -> str:
    """Stacked monthly bars of events by quad class (left axis) and the mean PLOVER score (right axis, -10..10)."""
    width, height, left, right, top, bottom = 640, 240, 40, 44, 26, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    legend = _rows([(QUAD_NAMES[q], QUAD_COLOURS[q]) for q in range(4)] + [("mean score", SCORE_COLOUR)],
                   width - left - 10)
    height += 18 * (len(legend) - 1)
    months = d.both.months
    n = max(len(months), 1)
    peak = max([sum(m.quads) for m in months] + [1])
    step = plot_w / n
    bar = step * 0.7
    body = [f'<text x="{left}" y="16" font-weight="bold">{escape(title)}</text>']
    for k in range(0, peak + 1, max(1, peak // 4)):  # count gridlines
        y = top + plot_h - plot_h * k / peak
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{k}</text>')
    for score in (-10, 0, 10):
        y = top + plot_h * (10 - score) / 20
        body.append(f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}">{score:+d}</text>')
    points = []
    for i, month in enumerate(months):
        x = left + i * step + (step - bar) / 2
        base = float(top + plot_h)
        for q, count in enumerate(month.quads):
            if not count:
                continue
            h = plot_h * count / peak
            base -= h
            body.append(f'<rect class="bar" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}"'
                        f' fill="{QUAD_COLOURS[q]}"><title>{month.month}: {count} {QUAD_NAMES[q]}</title></rect>')
        body.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle">'
                    f"{month.month[5:]}</text>")
        if month.mean_score is not None:
            points.append((x + bar / 2, top + plot_h * (10 - month.mean_score) / 20, month))
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{SCORE_COLOUR}" stroke-width="1.5"/>')
    for x, y, month in points:
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{SCORE_COLOUR}"><title>{month.month}: mean score'
                    f" {month.mean_score:+.2f} over {month.events} events</title></circle>")
    for i, row in enumerate(legend):
        body.append(_legend(row, left, top + plot_h + 30 + 18 * i))
    return _svg(width, height, body, title, "chart dyad-chart")


def balance_chart(balances: Sequence[PeriodBalance], order: Sequence[str], title: str, by_score: bool = False) -> str:
    """One 100 % bar per period, split by vector share of cooperative engagement."""
    width, left, right, top, row = 640, 70, 20, 28, 26
    colours = {name: colour(i) for i, name in enumerate(order)}
    rows = _rows([(name, colours[name]) for name in order], width - left - right)
    row_h = row
    height = top + row * len(balances) + 18 * len(rows) + 20
    plot_w = width - left - right
    body = [f'<text x="{left}" y="16" font-weight="bold">{escape(title)}</text>']
    for r, pb in enumerate(balances):
        conc: Concentration = pb.vectors_by_score if by_score else pb.vectors_by_count
        y = top + r * row
        body.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{escape(pb.period)}</text>')
        if not conc.shares:
            body.append(f'<rect x="{left}" y="{y + 3}" width="{plot_w}" height="{row - 8}" fill="#f3f3f3"/>')
            continue
        x = float(left)
        for name in order:
            share = conc.shares.get(name, 0.0)
            if share <= 0:
                continue
            w = plot_w * share
            tip = escape(f"{pb.period} · {name}: {share:.0%}")
            body.append(f'<rect class="bar" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 8}"'
                        f' fill="{colours[name]}"><title>{tip}</title></rect>')
            x += w
    for i, items in enumerate(rows):
        body.append(_legend(items, left, top + row_h * len(balances) + 14 + 18 * i))
    return _svg(width, height, body, title, "chart balance-chart")


CHAR_WIDTH = 7.0  # a generous width of one 11px character, so legend entries never run into each other


def _legend(items: Sequence[tuple[str, str]], x: float, y: float) -> str:
    out = []
    for name, fill in items:
        out.append(f'<g class="legend-item"><rect x="{x:.0f}" y="{y - 9:.0f}" width="10" height="10" fill="{fill}"/>'
                   f'<text x="{x + 14:.0f}" y="{y:.0f}">{escape(name)}</text></g>')
        x += 26 + CHAR_WIDTH * len(name)
    return "".join(out)


def _rows(items: Sequence[tuple[str, str]], width: float) -> list[list[tuple[str, str]]]:
    """Legend entries in rows that fit the width."""
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for name, fill in items:
        need = 26 + CHAR_WIDTH * len(name)
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append((name, fill))
        used += need
    return rows
