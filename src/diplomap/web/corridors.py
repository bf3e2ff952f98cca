"""The map page's data: places where events happened, and the corridors of the knowledge base.

analyze.corridors matches project names in every event's quotes, which is right for a review of one
country-year but too slow to run over a whole database on a page view; here the full-text index
counts the sentences naming each project instead, and the list links to that search.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import urlencode

from diplomap.knowledge import Knowledge
from diplomap.store.db import fts_query
from diplomap.web.charts import MapLine, MapPoint

MAX_PLACES = 400


@dataclass(frozen=True)
class CorridorRow:
    id: str
    name: str
    kind: str
    mode: str
    status: str
    countries: tuple[str, ...]
    waypoints: tuple[str, ...]
    located: int  # waypoints with coordinates
    mentions: int  # sentences naming it
    href: str


@dataclass(frozen=True)
class MapView:
    points: list[MapPoint]
    lines: list[MapLine]
    corridors: list[CorridorRow]


def map_view(conn: sqlite3.Connection, kb: Knowledge | None) -> MapView:
    points = [
        MapPoint(str(r[0]), float(r[1]), float(r[2]), int(r[3]), "/events?" + urlencode({"q": str(r[0])}))
        for r in conn.execute(
            "SELECT location, AVG(lat), AVG(lon), COUNT(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"
            " AND status != 'rejected' GROUP BY location ORDER BY 4 DESC LIMIT ?",
            (MAX_PLACES,),
        )
    ]
    lines: list[MapLine] = []
    rows: list[CorridorRow] = []
    for project in (kb.projects.values() if kb else ()):
        coords = []
        for name in project.waypoints:
            place = kb.place(name) if kb else None
            if place is not None and place.lat is not None and place.lon is not None:
                coords.append((place.lat, place.lon))
        href = "/events?" + urlencode({"q": project.name})
        mentions = int(conn.execute(
            "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?", (fts_query(project.name),)
        ).fetchone()[0])
        rows.append(CorridorRow(project.id, project.name, project.kind, project.mode, project.status,
                                project.countries, project.waypoints, len(coords), mentions, href))
        if len(coords) >= 2:
            lines.append(MapLine(project.name, tuple(coords), href))
    rows.sort(key=lambda c: (-c.mentions, c.name))
    return MapView(points, lines, rows)
