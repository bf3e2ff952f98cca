"""A page of Store.events found without reading every event its filters select (#10; the filters are in
``filters.py``).

Store.events lists events oldest first (undated last). Written as one query with a LIMIT, SQLite gathers
every event the filters select and sorts them before it can return a page: on 1,000,000 events an actor's
page took 4 s and a search's a minute (the search was tested event by event). A page needs its own rows
only, and there are three ways to reach them; the one estimated cheapest from bounded counts on the
indexes is taken:

- walk: down the date index, oldest first, testing each event until the page is full. Cheap when the
  filters select many events: each test is a few index probes. An actor's events have a date index of
  their own (event_actor_days, schema v9), walked the same way; with a search, in batches, each checked
  against the search's keys within its own range of keys (a common word's are never all read). So have
  a type's (events_type_start_id, schema v2): a rare type's page, or one of a type that is rarer than
  the actor in a month, reads the type's events alone. In a date range, the actor's and the type's
  events there are counted (up to CAP), so the rarer of the two is walked.
- drive: from the smallest set one filter selects through its index (an actor's events, a type's, a
  document's, a date range, a search's matches), sorted. Cheap when that set is small.
- search walk: the search index in date order (sentences_fts_by_date, keyed by the day of the event's
  start, schema v3), testing each match, until the page is full and its last day is read.

Each way returns the same rows in the same order as the one query did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from diplomap.store.filters import (
    ACTOR_IDS,
    COUNTRY_IDS,
    SEARCH_IDS,
    TYPE_IDS,
    Filter,
    filters,
    fts_query,
    search_filter,
)

if TYPE_CHECKING:
    from diplomap.store.db import EventQuery

CAP = 10_000  # counts stop here: a filter that selects more is taken to select a quarter of the events
COMMON = 0.25
BASE = 0.85  # the share of events left by the default modalities, rejection and the two-actor rule
# Costs in microseconds, measured on 1,000,000 events: a row walked down the date index and tested; a row
# reached by id, tested and sorted; a match walked down the search index and tested; a search's match
# gathered into a set; a search tested on one event.
WALK, DRIVE, SEARCH, GATHER, PROBE = 2.0, 3.0, 10.0, 0.5, 300.0
# A search's match read within a batch's range of keys by an actor walk, and tested against the batch's keys.
RANGE = 0.15
# An actor's or a type's events in a range of start dates, from the index its walk reads (dates are above '0').
_IN_RANGE = {
    ACTOR_IDS: "SELECT 1 FROM event_actor_days WHERE code = ? AND start >= ? AND start <= ?",
    TYPE_IDS: "SELECT 1 FROM events INDEXED BY events_type_start_id WHERE type = ? AND start >= ? AND start <= ?",
}
_DATED = 1 << 32  # the lowest key of a dated row in sentences_fts_by_date (day 0: undated)
_END = 1 << 62
BATCH, MAX_BATCH = 64, 512  # the first batch of an actor's events walked with a search, and the largest
PARAMS = 500  # values bound to one statement at most (SQLite builds before 3.32 allow 999)


def page(conn: sqlite3.Connection, query: EventQuery, way: str | None = None) -> list[sqlite3.Row]:
    """The rows of ``query.limit`` events from ``query.offset``, as select() orders them.

    ``way``: take this one whatever it costs ('walk', 'actor walk', 'country walk', 'search walk', 'probe',
    'in memory' or 'drive N', the Nth driver); for the tests, which check that every way gives the same rows."""
    assert query.limit is not None
    need = query.offset + query.limit
    if query.limit <= 0:
        return []
    chosen = filters(query)
    total = int(conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0)

    def size(n: int) -> int:  # a count that reached CAP is a guess
        return n if n < CAP else max(n, int(COMMON * total))

    low = _date_floor(conn, query)
    high = query.date_to.isoformat() if query.date_to else None
    # Each driver: (estimated events, SQL condition on e that reaches them through an index, its arguments).
    drivers = [(size(_bounded(conn, f.ids, f.ids_args)), f"e.id IN ({f.ids})", f.ids_args) for f in chosen if f.ids]
    n_dated = total
    if low is not None or high is not None:
        n_dated = size(_bounded(conn, "SELECT 1 FROM events INDEXED BY events_start WHERE start >= ? AND start <= ?",
                                (low or "", high or "9999")))
        drivers.append((n_dated, "e.start >= ? AND e.start <= ?", (low or "", high or "9999")))
    n_search = size(_bounded(conn, "SELECT 1 FROM sentences_fts_by_date WHERE sentences_fts_by_date MATCH ?",
                             (fts_query(query.q),))) if query.q else None
    if total == 0 or n_search == 0 or any(n == 0 for n, _, _ in drivers):
        return []
    walks = _walk_sizes(conn, chosen, drivers, low, high, n_dated, total)
    if any(n == 0 for n, _ in walks.values()):
        return []
    share = BASE  # of the events in the date range (the walks read only those)
    for n, sql, _ in drivers:
        if _ids(sql) in walks:
            share *= walks[_ids(sql)][1]
        elif not sql.startswith("e.start"):
            share *= n / total
    costs: dict[str, float] = {}
    if n_search is None:
        costs["walk"] = WALK * min(need / share, n_dated)
    else:
        costs["search walk"] = SEARCH * min(need / share, n_search * n_dated / total)
        drivers.append((n_search, f"e.id IN ({SEARCH_IDS})", (fts_query(query.q or ""),)))
    if query.actor:
        # The actor's share is in ``share``; an actor walk reads its events alone, in the date range.
        n_actor, of_range = walks[ACTOR_IDS]
        found = 1.0 if n_search is None else min(n_search / total, 1.0)
        walked = min(need * of_range / (share * found), n_actor)
        # With a search, the search's keys of the days walked (about the share of the actor's events walked).
        costs["actor walk"] = DRIVE * walked + (RANGE * n_search * n_dated / total * min(walked / n_actor, 1.0)
                                                if n_search else 0)
    if query.type and n_search is None:
        n_type, of_range = walks[TYPE_IDS]
        costs["type walk"] = WALK * min(need * of_range / share, n_type)
    if query.country and n_search is None:
        # Two walks, the country's actor's events and the events held there, each for a full page.
        code = query.country.upper()
        n_code = size(_bounded(conn, ACTOR_IDS, (code,)))
        n_held = size(_bounded(conn, "SELECT 1 FROM events WHERE location_country = ?", (code,)))
        n_country = next(n for n, sql, _ in drivers if sql == f"e.id IN ({COUNTRY_IDS})")
        costs["country walk"] = DRIVE * sum(min(need * n / (share * total), n * n_dated / total)
                                            for n in (n_code, n_held)) * n_country / max(n_code + n_held, 1)
    for k, (n, _, _) in enumerate(drivers):
        costs[f"drive {k}"] = DRIVE * n + (min(PROBE * n, GATHER * n_search) if n_search is not None else 0)
    plan = way or min(costs, key=lambda name: costs[name])
    if n_search is None and (plan == "walk" or not drivers):
        return _walk(conn, chosen, low, query, need)[query.offset:]
    if plan == "country walk" and query.country and n_search is None:
        return _country_walk(conn, chosen, low, query, need)[query.offset:]
    if plan == "actor walk" and query.actor:
        return _actor_walk(conn, chosen, low, query, need)[query.offset:]
    if plan == "type walk" and query.type and n_search is None:
        return _type_walk(conn, chosen, low, query, need)[query.offset:]
    if plan == "search walk" and n_search is not None:
        return _search_walk(conn, chosen, low, query, need)[query.offset:]
    n, driver, dargs = drivers[int(plan.split()[1]) % len(drivers) if plan.startswith("drive") else 0]
    order = " ORDER BY e.start IS NULL, e.start, e.rowid"
    tests = "".join(" AND " + f.test for f in chosen)
    args = [*dargs, *(a for f in chosen for a in f.args)]
    if n_search is None or driver.endswith(f"({SEARCH_IDS})"):
        sql = f"SELECT e.* FROM events e WHERE {driver}{tests}{order} LIMIT ? OFFSET ?"
        return list(conn.execute(sql, [*args, query.limit, query.offset]))
    assert query.q is not None
    if way == "probe" or (way != "in memory" and PROBE * n < GATHER * n_search):
        probe = search_filter(query.q, probe=True)
        sql = f"SELECT e.* FROM events e WHERE {driver}{tests} AND {probe.test}{order} LIMIT ? OFFSET ?"
        return list(conn.execute(sql, [*args, *probe.args, query.limit, query.offset]))
    return _search_in_memory(conn, query.q, driver, tests, args)[query.offset:need]


def _walk_sizes(conn: sqlite3.Connection, chosen: list[Filter], drivers: list[tuple[int, str, tuple[object, ...]]],
                low: str | None, high: str | None, n_dated: int, total: int) -> dict[str, tuple[int, float]]:
    """For the actor's and the type's filter (by their ``ids``): the events a walk of its own index reads at
    most, and the share of the date range's events the filter keeps.

    Without dates, its events and their share of all. In a date range, both are counted there (up to CAP, at
    most ``n_dated``): over all dates a type of 22,000 events and an actor of 390,000 are both past CAP, taken
    for a quarter of the events each, so for the actor's month with that type the planner could not tell
    that the type's 250 events there are fewer to walk than the actor's 2,000 (25 ms)."""
    out: dict[str, tuple[int, float]] = {}
    ranged = low is not None or high is not None
    for n, sql, _ in drivers:
        ids = _ids(sql)
        if ids not in _IN_RANGE:
            continue
        if not ranged:
            out[ids] = (n, n / total)
            continue
        args = next(f.ids_args for f in chosen if f.ids == ids)
        there = _bounded(conn, _IN_RANGE[ids], (*args, low or "0", high or "9999"))
        # past CAP: its share of all events, as the drivers estimate it
        out[ids] = (there, there / n_dated) if there < CAP else (max(CAP, int(n / total * n_dated)), n / total)
    return out


def _ids(driver: str) -> str:
    """The ids query inside a driver's ``e.id IN (...)``, by which the walkable filters are known."""
    return driver.removeprefix("e.id IN (").removesuffix(")")


def _search_in_memory(conn: sqlite3.Connection, q: str, driver: str, tests: str,
                      args: list[object]) -> list[sqlite3.Row]:
    """The driven events with a matching evidence sentence, in list order: the search's keys are read
    in one string and the events' keys looked up among them, where testing each event would cost a
    full-text query per event."""
    keys = _search_keys(conn, q)
    found: dict[str, sqlite3.Row] = {}
    for row in conn.execute(f"SELECT m.key AS search_key, e.rowid AS row_order, e.* FROM events e"
                            f" JOIN evidence_search m ON m.event_id = e.id WHERE {driver}{tests}", args):
        if row["search_key"] in keys:
            found.setdefault(row["id"], row)
    return sorted(found.values(), key=lambda r: (r["start"] is None, r["start"] or "", r["row_order"]))


def _bounded(conn: sqlite3.Connection, sql: str, args: Sequence[object]) -> int:
    """How many rows ``sql`` gives, counted up to CAP."""
    return int(conn.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {CAP})", list(args)).fetchone()[0])


def _date_floor(conn: sqlite3.Connection, query: EventQuery) -> str | None:
    """The earliest start an event ending on or after ``date_from`` can have: date_from less the longest
    span of any event (read from the events_span index, schema v9)."""
    if query.date_from is None:
        return None
    row = conn.execute("SELECT MAX(julianday(\"end\") - julianday(start)) FROM events").fetchone()
    span = float(row[0] or 0)
    floor = conn.execute("SELECT date(julianday(?) - ?)", (query.date_from.isoformat(), span + 1)).fetchone()[0]
    return str(floor) if floor else ""


def _date_bounds(column: str, dated: str, low: str | None, query: EventQuery) -> tuple[str, list[str]]:
    """The SQL that keeps a walk over start dates within the page's bounds, and its arguments.

    One lower bound, never ``dated`` and ``low`` together: SQLite takes one term for each end of an index
    range, and given ``d.start > '' AND d.start >= ?`` it took the first, so an actor's month was walked from
    the actor's first event, every earlier one tested and dropped (25-35 ms for the USA's month at 1,000,000
    events, 0.3 ms from the month's first day). A date is never '' nor NULL, so ``low`` excludes them too."""
    bounds, args = (f"{column} >= ?", [low]) if low else (dated, [])
    if query.date_to:
        bounds += f" AND {column} <= ?"
        args.append(query.date_to.isoformat())
    return bounds, args


def _walk(conn: sqlite3.Connection, chosen: list[Filter], low: str | None, query: EventQuery,
          need: int) -> list[sqlite3.Row]:
    tests = " AND ".join(["1", *(f.test for f in chosen)])
    args = [a for f in chosen for a in f.args]
    bounds, bargs = _date_bounds("e.start", "e.start IS NOT NULL", low, query)
    rows = list(conn.execute(f"SELECT e.* FROM events e INDEXED BY events_start WHERE {bounds} AND {tests}"
                             " ORDER BY e.start, e.rowid LIMIT ?", [*bargs, *args, need]))
    if len(rows) < need and low is None and not query.date_to:
        rows += conn.execute(f"SELECT e.* FROM events e INDEXED BY events_start WHERE e.start IS NULL AND {tests}"
                             " ORDER BY e.rowid LIMIT ?", [*args, need - len(rows)])
    return rows


def _type_walk(conn: sqlite3.Connection, chosen: list[Filter], low: str | None, query: EventQuery,
               need: int) -> list[sqlite3.Row]:
    """The type's events in date order from events_type_start_id (type, start, id; schema v2), testing each,
    where the date walk tested every event for the type (20 ms for a type of one event in 130 at 1,000,000
    events, 0.4 ms this way). Within a day that index orders by id and the list by rowid: SQLite sorts each
    day's rows as it reaches them (its temp b-tree for the right part of the ORDER BY) and stops at the page."""
    assert query.type is not None
    tests = "".join(" AND " + f.test for f in chosen)
    args = [a for f in chosen for a in f.args]
    bounds, bargs = _date_bounds("e.start", "e.start IS NOT NULL", low, query)
    sql = "SELECT e.* FROM events e INDEXED BY events_type_start_id WHERE e.type = ? AND {0}{1} ORDER BY {2} LIMIT ?"
    code = query.type.upper()
    rows = list(conn.execute(sql.format(bounds, tests, "e.start, e.rowid"), [code, *bargs, *args, need]))
    if len(rows) < need and low is None and not query.date_to:
        rows += conn.execute(sql.format("e.start IS NULL", tests, "e.rowid"), [code, *args, need - len(rows)])
    return rows


def _actor_walk(conn: sqlite3.Connection, chosen: list[Filter], low: str | None, query: EventQuery,
                need: int) -> list[sqlite3.Row]:
    """The actor's events in date order from event_actor_days (schema v9), testing each; with a search,
    only those whose evidence matches (_actor_matches)."""
    assert query.actor is not None
    tests = "".join(" AND " + f.test for f in chosen)
    args = [a for f in chosen for a in f.args]
    bounds, bargs = _date_bounds("d.start", "d.start > ''", low, query)
    code = query.actor.upper()
    undated = low is None and not query.date_to
    if not query.q:
        sql = ("SELECT e.* FROM event_actor_days d JOIN events e ON e.id = d.event_id WHERE d.code = ? AND {0}{1}"
               " ORDER BY d.start, e.rowid LIMIT ?")
        rows = list(conn.execute(sql.format(bounds, tests), [code, *bargs, *args, need]))
        if len(rows) < need and undated:
            rows += conn.execute(sql.format("d.start = ''", tests), [code, *args, need - len(rows)])
        return rows
    dated = _actor_matches(conn, tests, args, code, bounds, bargs, query.q, need)
    rows = sorted(dated, key=lambda r: (r["start"], r["row_order"]))[:need]
    if len(rows) < need and undated:
        rest = _actor_matches(conn, tests, args, code, "d.start = ''", [], query.q, None)
        rows += sorted(rest, key=lambda r: r["row_order"])[: need - len(rows)]
    return rows


def _actor_matches(conn: sqlite3.Connection, tests: str, args: Sequence[object], code: str, bounds: str,
                   bargs: Sequence[object], q: str, need: int | None) -> list[sqlite3.Row]:
    """The actor's events within ``bounds`` that match the search and pass the tests, in batches in date order,
    until ``need`` are held and their last day is read (None: all).

    A batch of the actor's events comes with their evidence keys from two indexes (event_actor_days,
    evidence_search_event), no row read; the search's matches between the batch's least and greatest key are
    walked in the search index by rowid range (so a common word's hundreds of thousands of keys are never all
    read: that took 70 ms at 1,000,000 events) and SQLite keeps those among the batch's keys (_matching);
    only the events that match are read and tested. The first batch is BATCH; the next ones as many as the
    rate found so far says the page still needs (a quarter more, at most MAX_BATCH), or double while none is
    found, so a page found early costs little, one found late takes few steps, and the last batch walks
    little past the page: a rare actor's batch spans months of a common word's matches.
    """
    walk = conn.cursor()
    walk.row_factory = None  # plain tuples (day, search key, event id): thousands of rows, 10 % less time
    walk.execute("SELECT d.start, m.key, d.event_id FROM event_actor_days d JOIN evidence_search m"
                 f" ON m.event_id = d.event_id WHERE d.code = ? AND {bounds} ORDER BY d.start", [code, *bargs])
    match = fts_query(q)
    found: list[sqlite3.Row] = []
    seen: set[str] = set()
    size, walked = BATCH, 0
    try:
        while batch := walk.fetchmany(size):
            walked += len(batch)
            keys = _matching(conn, match, sorted({key for _, key, _ in batch}))
            # once each: an event's two matching sentences would be read twice when its ids span two statements
            ids = list(dict.fromkeys(eid for _, key, eid in batch if key in keys and eid not in seen))
            seen.update(ids)
            for k in range(0, len(ids), PARAMS):
                part = ids[k:k + PARAMS]
                found += conn.execute(f"SELECT e.rowid AS row_order, e.* FROM events e WHERE e.id IN"
                                      f" ({','.join('?' * len(part))}){tests}", [*part, *args])
            if need is not None and len(found) >= need:
                last_day = sorted(r["start"] or "" for r in found)[need - 1]
                if batch[-1][0] > last_day:  # every event of that day is read
                    break
            size = _next_batch(size, walked, len(found), need)
    finally:
        walk.close()
    return found


def _next_batch(size: int, walked: int, found: int, need: int | None) -> int:
    """The size of an actor walk's next batch: double while nothing is found (or all is wanted), else the
    rows that the rate found so far says the page still needs, a quarter more, within BATCH and MAX_BATCH."""
    if need is None or found == 0:
        return min(2 * size, MAX_BATCH)
    return max(BATCH, min(MAX_BATCH, int(max(need - found, 0) * walked / found * 1.25) + 1))


def _matching(conn: sqlite3.Connection, match: str, keys: list[int]) -> set[int]:
    """Those of ``keys`` (sorted) whose sentence matches the search: the matches between the least and the
    greatest walked in the search index, each looked up among ``keys`` by SQLite (``+rowid``: the list is
    not handed to FTS5, which would run the search once per key, 40 us each). 3x faster than reading the
    range's keys in one string and parsing them (5 ms for 50,000 keys of a common word)."""
    out: set[int] = set()
    for k in range(0, len(keys), PARAMS):  # within SQLite's limit on parameters, whatever its build
        part = keys[k:k + PARAMS]
        out.update(r[0] for r in conn.execute(
            "SELECT rowid FROM sentences_fts_by_date WHERE sentences_fts_by_date MATCH ? AND rowid >= ?"
            f" AND rowid <= ? AND +rowid IN ({','.join('?' * len(part))})", (match, part[0], part[-1], *part)))
    return out


def _country_walk(conn: sqlite3.Connection, chosen: list[Filter], low: str | None, query: EventQuery,
                  need: int) -> list[sqlite3.Row]:
    """The first ``need`` of the country's actor's events (event_actor_days) and of the events held in the
    country (events_country_start), each walked in date order; together, the first ``need`` of either."""
    assert query.country is not None
    code = query.country.upper()
    tests = "".join(" AND " + f.test for f in chosen)
    args = [a for f in chosen for a in f.args]
    actor_bounds, bargs = _date_bounds("d.start", "d.start > ''", low, query)
    held_bounds, _ = _date_bounds("e.start", "e.start > ''", low, query)
    by_actor = ("SELECT e.rowid AS row_order, e.* FROM event_actor_days d JOIN events e ON e.id = d.event_id"
                " WHERE d.code = ? AND {0}{1} ORDER BY d.start, e.rowid LIMIT ?")
    held = ("SELECT e.rowid AS row_order, e.* FROM events e INDEXED BY events_country_start"
            " WHERE e.location_country = ? AND {0}{1} ORDER BY e.start, e.rowid LIMIT ?")

    def both(actor_bounds: str, held_bounds: str, extra: Sequence[object], n: int) -> list[sqlite3.Row]:
        found = {r["id"]: r for r in conn.execute(by_actor.format(actor_bounds, tests), [code, *extra, *args, n])}
        for r in conn.execute(held.format(held_bounds, tests), [code, *extra, *args, n]):
            found.setdefault(r["id"], r)
        return sorted(found.values(), key=lambda r: (r["start"] or "", r["row_order"]))[:n]

    rows = both(actor_bounds, held_bounds, bargs, need)
    if len(rows) < need and low is None and not query.date_to:
        rows += both("d.start = ''", "e.start IS NULL", [], need - len(rows))
    return rows


def _search_keys(conn: sqlite3.Connection, q: str) -> set[int]:
    """The keys (sentences_fts_by_date rowids) of the evidence sentences that match ``q``, read in one string."""
    text = conn.execute("SELECT group_concat(rowid) FROM sentences_fts_by_date WHERE sentences_fts_by_date MATCH ?",
                        (fts_query(q),)).fetchone()[0]
    return set(map(int, text.split(","))) if text else set()


def _search_walk(conn: sqlite3.Connection, chosen: list[Filter], low: str | None, query: EventQuery,
                 need: int) -> list[sqlite3.Row]:
    """Matches in key order (day, then evidence id), oldest first, until ``need`` events are held and their
    last day is read; sorted by (start, rowid), as the list orders them. Undated matches (day 0) after."""
    assert query.q is not None
    tests = "".join(" AND " + f.test for f in chosen)
    args = [a for f in chosen for a in f.args]
    first = "((CAST(julianday(?) AS INTEGER)) << 32)" if low else "?"
    last = "((CAST(julianday(?) AS INTEGER) + 1) << 32)" if query.date_to else "?"
    sql = ("SELECT f.rowid >> 32 AS day, e.rowid AS row_order, e.* FROM sentences_fts_by_date f"
           " JOIN evidence_search m ON m.key = f.rowid JOIN events e ON e.id = m.event_id"
           f" WHERE sentences_fts_by_date MATCH ? AND f.rowid >= {{0}} AND f.rowid < {{1}}{tests} ORDER BY f.rowid")
    match = fts_query(query.q)
    dated = _gather(conn, sql.format(first, last), [match, low or _DATED,
                                                    query.date_to.isoformat() if query.date_to else _END, *args], need)
    rows = sorted(dated, key=lambda r: (r["start"], r["row_order"]))[:need]
    if len(rows) < need and low is None and not query.date_to:
        undated = _gather(conn, sql.format("?", "?"), [match, 0, _DATED, *args], None)
        rows += sorted(undated, key=lambda r: r["row_order"])[: need - len(rows)]
    return rows


def _gather(conn: sqlite3.Connection, sql: str, args: list[object], need: int | None,
            keys: set[int] | None = None) -> list[sqlite3.Row]:
    """Rows in day order, one per event, until ``need`` events are held and their last day is read
    (None: all); with ``keys``, only rows whose search_key is among them."""
    found: dict[str, sqlite3.Row] = {}
    last_day: int | None = None
    cursor = conn.execute(sql, args)
    try:
        for row in cursor:
            if last_day is not None and row["day"] > last_day:
                break
            if keys is not None and row["search_key"] not in keys:
                continue
            found.setdefault(row["id"], row)
            if need is not None and last_day is None and len(found) >= need:
                last_day = row["day"]
    finally:
        cursor.close()
    return list(found.values())
