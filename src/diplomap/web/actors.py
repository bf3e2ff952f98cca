"""What the actor page shows: monthly activity, dyads with their trend, network neighbours, roles.

The activity chart counts events by the month they start in, the list's month facet rule, so a bar
and the filtered list it stands for agree. Dyads and the network come from analyze/ (dyads.dyad,
network.actor_network), the same functions the annual review uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from fastapi import HTTPException

from diplomap.analyze.dyads import Dyad, dyad, main_partners
from diplomap.analyze.network import actor_network
from diplomap.knowledge import Knowledge
from diplomap.model import Modality
from diplomap.store.db import EventQuery, Store
from diplomap.web.charts import Bar
from diplomap.web.queries import EVENT_COLUMNS, EventRow, hydrate
from diplomap.web.state import WebState

DYADS = 12
NEIGHBOURS = 16
# The time axis of the actor page shows the bulk of the record (#9): the shortest run of months that
# holds this share of the events, widened to take in any month with events within GAP months of its
# ends. One misdated event decades off no longer stretches the axis over them.
BULK = 0.95
GAP = 12


@dataclass(frozen=True)
class ActorView:
    code: str
    name: str
    kind: str
    events: int
    first: str | None
    last: str | None
    months: tuple[str, ...]  # every month from the first event's to the last's (the API's series)
    monthly: tuple[int, ...]
    axis: tuple[str, str] | None  # the months the page's charts show: see frame()
    dyads: list[Dyad]
    neighbours: list[tuple[str, int]]
    links: list[tuple[str, str, int]]  # among the neighbours
    roles: list[Bar]
    recent: list[EventRow]


def actor_view(store: Store, code: str, kb: Knowledge | None) -> ActorView | None:
    conn = store.conn
    row = conn.execute(
        "SELECT COUNT(DISTINCT e.id), MIN(e.start), MAX(e.start) FROM event_actors a JOIN events e"
        " ON e.id = a.event_id WHERE a.code = ? AND e.status != 'rejected'",
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
    # Every modality, as the list shows them; rejected events stay out (EventQuery's default).
    events = store.events(EventQuery(actor=code, modalities=tuple(Modality)))
    # (a partner with no event between them dated to the month has no row: one named only beside the actor, never
    # acting with it or on it, "exercises with China and India as observers", or one whose events with it are all
    # dated vaguer than a month, which the table's months leave out, India's with China "in 2023")
    dyads = [d for d in (dyad(events, code, partner, months) for partner, _ in main_partners(events, code, DYADS))
             if d.both.total]
    # in the order of the Events column the table shows (dated to the month), ties as the partners were found
    dyads.sort(key=lambda d: -d.both.total)
    net = actor_network(events, kb)
    neighbours = sorted(((e.b if e.a == code else e.a, e.events) for e in net.edges if code in (e.a, e.b)),
                        key=lambda pair: (-pair[1], pair[0]))[:NEIGHBOURS]
    near = {c for c, _ in neighbours}
    links = [(e.a, e.b, e.events) for e in net.edges if e.a in near and e.b in near]
    recent_rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE code = ?)"
        " AND e.status != 'rejected' ORDER BY e.start IS NULL, e.start DESC, e.id DESC LIMIT 25",
        (code,),
    ).fetchall()
    return ActorView(
        code, name, kind, int(row[0]), row[1], row[2], tuple(months), tuple(int(by_month.get(m, 0)) for m in months),
        frame(by_month) if by_month else None, dyads, neighbours, links, roles, hydrate(conn, recent_rows),
    )


def frame(by_month: dict[str, int], bulk: float = BULK, gap: int = GAP) -> tuple[str, str]:
    """The first and last month of the axis: the shortest run of months holding ``bulk`` of the events,
    widened month by month to each month with events no further beyond either end than ``gap`` months
    (or than the longest step between months with events inside the run, if longer).

    A record of 1990-01 (1 event) and 2025-01..12 (100) gives 2025-01..2025-12; a record that thins
    out month by month keeps its tail, since no gap of a year or more separates it.
    """
    months = sorted(m for m, n in by_month.items() if n > 0)
    index = [int(m[:4]) * 12 + int(m[5:7]) - 1 for m in months]
    counts = [by_month[m] for m in months]
    need = math.ceil(bulk * sum(counts))
    best = (0, len(months) - 1)
    held, lo = 0, 0
    for hi, n in enumerate(counts):  # two pointers: for each last month, the latest first month still enough
        held += n
        while held - counts[lo] >= need:
            held -= counts[lo]
            lo += 1
        if held >= need and index[hi] - index[lo] < index[best[1]] - index[best[0]]:
            best = (lo, hi)
    first, last = best
    # a sparse record keeps its own rhythm: a step no longer than the longest one inside the bulk is no gap
    step = max([gap, *(index[i + 1] - index[i] for i in range(first, last))])
    while first > 0 and index[first] - index[first - 1] <= step:
        first -= 1
    while last < len(months) - 1 and index[last + 1] - index[last] <= step:
        last += 1
    return months[first], months[last]


def off_axis(view: ActorView) -> list[tuple[str, int]]:
    """The months with events that the axis leaves out, and their counts (the page lists them)."""
    if view.axis is None:
        return []
    first, last = view.axis
    return [(m, n) for m, n in zip(view.months, view.monthly, strict=True) if n and not first <= m <= last]


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


def actor_counts(store: Store, limit: int) -> list[tuple[str, int]]:
    """Actor codes with their number of (not rejected) events, most first: the actor list and its API."""
    return [
        (str(r[0]), int(r[1])) for r in store.conn.execute(
            "SELECT a.code, COUNT(DISTINCT a.event_id) FROM event_actors a JOIN events e ON e.id = a.event_id"
            " WHERE e.status != 'rejected' GROUP BY a.code ORDER BY 2 DESC, 1 LIMIT ?", (limit,))
    ]


def cached_actor_view(state: WebState, code: str) -> ActorView:
    """The actor page's data, cached until the database changes: the page and its API share it. An
    actor with no events and no known roles is a 404."""
    view = state.cache.get(("actor", code), lambda: actor_view(state.store(), code, state.knowledge()))
    if view is None:
        raise HTTPException(404, f"No events with actor {code!r}.")
    return view
