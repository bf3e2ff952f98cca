"""Corridors and infrastructure from the knowledge projects, with the events that name them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from diplomap.analyze.periods import sort_key
from diplomap.knowledge import Knowledge, Project
from diplomap.model import Event


@dataclass(frozen=True)
class Waypoint:
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Corridor:
    id: str
    name: str
    kind: str
    mode: str
    status: str
    partners: tuple[str, ...]  # the states it crosses or links
    waypoints: tuple[Waypoint, ...]
    event_ids: tuple[str, ...]

    @property
    def line(self) -> list[tuple[float, float]]:
        """(lon, lat) of the waypoints whose coordinates are known, in order."""
        return [(w.lon, w.lat) for w in self.waypoints if w.lat is not None and w.lon is not None]


def name_pattern(project: Project) -> re.Pattern[str]:
    """A project's name and aliases as whole words.

    Acronyms ("TAP", "BTC") match case-sensitively, so the verb "tap" never counts as the pipeline;
    names match in any case.
    """
    forms = sorted({project.name, *project.aliases}, key=len, reverse=True)
    parts = [re.escape(f) if f.isupper() else f"(?i:{re.escape(f)})" for f in forms if f.strip()]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def project_events(events: Iterable[Event], project: Project) -> list[Event]:
    """Events whose evidence quote names the project."""
    rx = name_pattern(project)
    return sorted((e for e in events if any(rx.search(ev.quote) for ev in e.evidence)), key=sort_key)


def corridors(events: Iterable[Event], kb: Knowledge, country: str | None = None) -> list[Corridor]:
    """Every project the events name, plus (with ``country``) every project the country is party to.

    Ordered by the number of events, most first.
    """
    pool = list(events)
    out = []
    for project in kb.projects.values():
        hits = project_events(pool, project)
        if not hits and (country is None or country not in project.countries):
            continue
        waypoints = []
        for name in project.waypoints:
            place = kb.place(name)
            waypoints.append(Waypoint(name, place.lat if place else None, place.lon if place else None))
        out.append(Corridor(project.id, project.name, project.kind, project.mode, project.status,
                            project.countries, tuple(waypoints), tuple(e.id for e in hits)))
    return sorted(out, key=lambda c: (-len(c.event_ids), c.name))
