"""The one SVG wrapper and the one map projection, shared by the review (report/) and the web app (web/).

Presentation attributes only, never ``style=``: the web app's Content-Security-Policy forbids inline
styles, so a chart drawn with them loses its fonts there and logs errors in the console.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT_ATTRS = 'font-family="system-ui,sans-serif" font-size="11"'


def svg(width: float, height: float, body: Sequence[str], label: str, css_class: str = "chart",
        background: str = "") -> str:
    """A standalone ``<svg>`` element (valid as a .svg file too) with a <title> for screen readers."""
    back = f'<rect width="100%" height="100%" fill="{background}"/>' if background else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" aria-label="{escape(label)}"'
            f' viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" {FONT_ATTRS}>'
            f"<title>{escape(label)}</title>{back}" + "".join(body) + "</svg>")


@dataclass(frozen=True)
class Frame:
    """Equirectangular: (lon, lat) to pixels, x squeezed by cos(mid-latitude) so shapes keep their aspect."""

    west: float
    east: float
    south: float
    north: float
    scale: float
    width: float
    height: float
    pad: float

    @property
    def _k(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2)) or 1.0

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.pad + (lon - self.west) * self.scale * self._k, self.pad + (self.north - lat) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def frame(points: Sequence[tuple[float, float]], width: float, max_height: float, pad: float = 30,
          min_span: float = 6.0, margin: float = 0.08, min_height: float = 0) -> Frame:
    """The frame around (lon, lat) points: a margin around them, at least ``min_span`` degrees each way."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    grow = max(min_span - (east - west), 0) / 2 + (east - west) * margin
    west, east = max(west - grow, -180), min(east + grow, 180)
    grow = max(min_span - (north - south), 0) / 2 + (north - south) * margin
    south, north = max(south - grow, -85), min(north + grow, 85)
    k = math.cos(math.radians((north + south) / 2)) or 1.0
    scale = (width - 2 * pad) / ((east - west) * k)
    if (north - south) * scale > max_height - 2 * pad:  # tall regions: fit the height, centre the width
        scale = (max_height - 2 * pad) / (north - south)
        extra = ((width - 2 * pad) / (scale * k) - (east - west)) / 2
        west, east = west - extra, east + extra
    height = (north - south) * scale + 2 * pad
    if height < min_height:  # wide regions: show more latitude rather than a thin strip
        extra = (min_height - height) / scale / 2
        south, north = max(south - extra, -85), min(north + extra, 85)
        height = (north - south) * scale + 2 * pad
    return Frame(west, east, south, north, scale, width, height, pad)
