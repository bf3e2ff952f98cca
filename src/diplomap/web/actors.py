"""What the actor page shows: monthly activity, dyads with their trend, network neighbours, roles.

Counts are by the month an event starts in, the same rule as the list's month facet, so a bar on the
chart and the filtered list it links to agree.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from diplomap.knowledge import Knowledge
from diplomap.report.scores import plover_score
from diplomap.web.charts import Bar
from diplomap.web.queries import EventRow, hydrate

DYADS = 12
NEIGHBOURS = 16


@dataclass(frozen=True)
class Dyad:
    partner: str
    events: int
    outgoing: int  # the actor as source, the partner as target
    incoming: int  # the partner as source, the actor as target
    monthly: tuple[int, ...]  # over the actor's months, oldest first
    mean_score: float | None  # PLOVER cooperation (+) / conflict (-), over scored events
    trend: str  # rising, falling, steady, or "too few months"


@dataclass(frozen=True)
class ActorView:
    code: str
    name: str
    kind: str
    events: int
    first: str | None
    last: str | None
    months: tuple[str, ...]
    monthly: tuple[int, ...]
    dyads: list[Dyad]
    neighbours: list[tuple[str, int]]
    links: list[tuple[str, str, int]]  # among the neighbours
    roles: list[Bar]
    recent: list[EventRow]


def actor_view(conn: sqlite3.Connection, code: str, kb: Knowledge | None) -> ActorView | None:
    row = conn.execute(
        "SELECT COUNT(*), MIN(e.start), MAX(e.start) FROM event_actors a JOIN events e ON e.id = a.event_id"
        " WHERE a.code = ? AND e.status != 'rejected'",
        (code,),
    ).fetchone()
    roles = role_bars(kb, code)
    if not row[0] and not roles:
        return None
    name, kind = display_name(kb, code)
    by_month = dict(
        conn.execute(
            "SELECT substr(e.start, 1, 7), COUNT(DISTINCT e.id) FROM event_actors a JOIN events e ON e.id = a.event_id"
            " WHERE a.code = ? AND e.status != 'rejected' AND e.start IS NOT NULL GROUP BY 1 ORDER BY 1",
            (code,),
        ).fetchall()
    )
    months = month_range(min(by_month), max(by_month)) if by_month else []
    dyads = _dyads(conn, code, months)
    neighbours, links = _network(conn, code)
    recent_rows = conn.execute(
        "SELECT e.id, e.type, e.mode, e.modality, e.status, e.start, e.\"end\", e.precision, e.location, e.summary,"
        " e.trigger, e.source_count FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE code = ?)"
        " AND e.status != 'rejected' ORDER BY e.start IS NULL, e.start DESC, e.id DESC LIMIT 25",
        (code,),
    ).fetchall()
    return ActorView(
        code, name, kind, int(row[0]), row[1], row[2], tuple(months), tuple(int(by_month.get(m, 0)) for m in months),
        dyads, neighbours, links, roles, hydrate(conn, recent_rows),
    )


def _dyads(conn: sqlite3.Connection, code: str, months: list[str]) -> list[Dyad]:
    rows = conn.execute(
        "SELECT b.code, e.id, a.role, b.role, e.type, e.mode, substr(e.start, 1, 7) FROM event_actors a"
        " JOIN event_actors b ON b.event_id = a.event_id AND b.code != a.code"
        " JOIN events e ON e.id = a.event_id WHERE a.code = ? AND e.status != 'rejected'",
        (code,),
    ).fetchall()
    events: dict[str, set[str]] = defaultdict(set)
    outgoing: dict[str, set[str]] = defaultdict(set)
    incoming: dict[str, set[str]] = defaultdict(set)
    monthly: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    scores: dict[str, dict[str, float]] = defaultdict(dict)
    for partner, eid, role_a, role_b, etype, mode, month in rows:
        events[partner].add(eid)
        if role_a == "source" and role_b == "target":
            outgoing[partner].add(eid)
        if role_a == "target" and role_b == "source":
            incoming[partner].add(eid)
        if month:
            monthly[partner][month].add(eid)
        score = plover_score(etype, mode)
        if score is not None:
            scores[partner][eid] = score
    top = sorted(events, key=lambda p: (-len(events[p]), p))[:DYADS]
    out = []
    for partner in top:
        counts = tuple(len(monthly[partner].get(m, ())) for m in months)
        scored = scores[partner].values()
        out.append(Dyad(
            partner, len(events[partner]), len(outgoing[partner]), len(incoming[partner]), counts,
            sum(scored) / len(scored) if scored else None, trend(counts),
        ))
    return out


def _network(conn: sqlite3.Connection, code: str) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    nodes = [
        (str(r[0]), int(r[1]))
        for r in conn.execute(
            "SELECT b.code, COUNT(DISTINCT b.event_id) FROM event_actors a JOIN event_actors b"
            " ON b.event_id = a.event_id AND b.code != a.code JOIN events e ON e.id = a.event_id"
            " WHERE a.code = ? AND e.status != 'rejected' GROUP BY b.code ORDER BY 2 DESC, 1 LIMIT ?",
            (code, NEIGHBOURS),
        )
    ]
    codes = [c for c, _ in nodes]
    if len(codes) < 2:
        return nodes, []
    marks = ",".join("?" * len(codes))
    links = [
        (str(r[0]), str(r[1]), int(r[2]))
        for r in conn.execute(
            f"SELECT a.code, b.code, COUNT(DISTINCT a.event_id) FROM event_actors a JOIN event_actors b"
            f" ON b.event_id = a.event_id AND a.code < b.code JOIN events e ON e.id = a.event_id"
            f" WHERE a.code IN ({marks}) AND b.code IN ({marks}) AND e.status != 'rejected' GROUP BY 1, 2",
            [*codes, *codes],
        )
    ]
    return nodes, links


def role_bars(kb: Knowledge | None, code: str) -> list[Bar]:
    """People with dated roles in the state or organisation ``code`` (or the person ``code`` itself)."""
    if kb is None:
        return []
    bars = []
    for person in kb.people.values():
        for role in person.roles:
            if code in (role.country, role.org) or person.id.upper() == code:
                title = role.title or role.role
                bars.append(Bar(f"{person.name} — {title}", role.start, role.end, role.role))
    return sorted(bars, key=lambda b: (b.start is not None, b.start or b.end, b.label))


def display_name(kb: Knowledge | None, code: str) -> tuple[str, str]:
    if kb is not None:
        if code in kb.states:
            return kb.states[code].name, "state"
        if code in kb.organisations:
            return kb.organisations[code].name, "organisation"
        for person in kb.people.values():
            if person.id.upper() == code:
                return person.name, "person"
    return code, ""


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def trend(counts: tuple[int, ...]) -> str:
    """The least-squares slope of monthly counts, called a trend only when it is 10% of the mean a month."""
    if len(counts) < 3:
        return "too few months"
    n = len(counts)
    mean_x, mean_y = (n - 1) / 2, sum(counts) / n
    var = sum((i - mean_x) ** 2 for i in range(n))
    slope = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(counts)) / var
    if mean_y == 0 or abs(slope) < 0.1 * mean_y:
        return "steady"
    return "rising" if slope > 0 else "falling"
