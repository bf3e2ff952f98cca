"""The filters of Store.events as SQL: each a condition tested on an event and, where an index serves it, the same
events as a query of their ids (``listing.py`` chooses how to reach a page of them); the whole selection as one
statement for exports; and a search made safe for FTS5."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplomap.store.db import EventQuery

SEARCH_IDS = ("SELECT m.event_id FROM sentences_fts_by_date f JOIN evidence_search m ON m.key = f.rowid"
              " WHERE sentences_fts_by_date MATCH ?")
ACTOR_IDS = "SELECT event_id FROM event_actors WHERE code = ?"
TYPE_IDS = "SELECT id FROM events WHERE type = ?"
# UNION ALL: counted up to listing.CAP without first gathering both sets (e.id IN drops repeats)
COUNTRY_IDS = f"{ACTOR_IDS} UNION ALL SELECT id FROM events WHERE location_country = ?"


def fts_query(text: str) -> str:
    """Quote each word so user input never breaks FTS5 syntax.

    A NUL ends an FTS5 string early ("unterminated string"), so it separates words as a space does
    (#9); a lone surrogate (undecodable bytes in a command-line argument) cannot reach SQLite as
    UTF-8 and becomes "?".
    """
    text = text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


@dataclass(frozen=True)
class Filter:
    """One filter: ``test``, a condition on ``events e`` evaluated row by row (indexed columns behind a
    unary +, so SQLite never drives the query from them); ``ids``, the same events as a query of their
    ids through an index, or '' when none serves it."""

    test: str
    args: tuple[object, ...]
    ids: str = ""
    ids_args: tuple[object, ...] = ()


def filters(query: EventQuery) -> list[Filter]:
    """The query's filters (the search apart: see search_filter)."""
    out: list[Filter] = []
    if query.modalities:
        out.append(Filter(f"e.modality IN ({','.join('?' * len(query.modalities))})",
                          tuple(m.value for m in query.modalities)))
    if not query.include_rejected:
        out.append(Filter("e.status != 'rejected'", ()))
    if query.min_actors > 1:
        out.append(Filter("(SELECT COUNT(DISTINCT a.code) FROM event_actors a WHERE a.event_id = e.id) >= ?",
                          (query.min_actors,)))
    if query.type:
        out.append(Filter("+e.type = ?", (query.type.upper(),), TYPE_IDS, (query.type.upper(),)))
    if query.actor:
        code = query.actor.upper()
        out.append(Filter("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.code = ?)", (code,),
                          ACTOR_IDS, (code,)))
    if query.country:
        code = query.country.upper()
        out.append(Filter(
            "(+e.location_country = ? OR EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id"
            " AND a.code = ?))", (code, code), COUNTRY_IDS, (code, code)))
    if query.date_from:
        out.append(Filter('e."end" >= ?', (query.date_from.isoformat(),)))
    if query.date_to:
        out.append(Filter("+e.start <= ?", (query.date_to.isoformat(),)))
    if query.doc_id:
        out.append(Filter("EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.doc_id = ?)",
                          (query.doc_id,), "SELECT event_id FROM evidence WHERE doc_id = ?", (query.doc_id,)))
    return out


def search_filter(q: str, probe: bool) -> Filter:
    """The search as a condition: its matches gathered once (``probe`` False), or tested on each event,
    which is dearer per event but costs nothing for the events never tested."""
    if probe:
        test = ("EXISTS (SELECT 1 FROM evidence_search m JOIN sentences_fts_by_date f ON f.rowid = m.key"
                " WHERE m.event_id = e.id AND sentences_fts_by_date MATCH ?)")
    else:
        test = f"+e.id IN ({SEARCH_IDS})"
    return Filter(test, (fts_query(q),), SEARCH_IDS, (fts_query(q),))


def select(query: EventQuery, count: bool = False) -> tuple[str, list[object]]:
    """Every event the query selects, in list order, as one statement (exports read them all)."""
    chosen = filters(query) + ([search_filter(query.q, probe=False)] if query.q else [])
    clause = " WHERE " + " AND ".join(f.test for f in chosen) if chosen else ""
    args = [a for f in chosen for a in f.args]
    if count:
        return "SELECT COUNT(*) FROM events e" + clause, args
    # on one day, in the order stored: the order the text tells them, whatever ids they hash to
    sql = "SELECT e.* FROM events e" + clause + " ORDER BY e.start IS NULL, e.start, e.rowid"
    if query.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [query.limit, query.offset]
    return sql, args
