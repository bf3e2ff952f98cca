"""Corrections made by people: confirm, reject or edit an event, kept as history and re-applied.

A correction is stored apart from the extracted event (table ``corrections``, schema v2), keyed by
event id. Re-extraction (``Project.reextract``) deletes a document's events and writes them again
with the same ids when the same sentence yields the same trigger, so ``apply_corrections`` can replay
the history onto them. Replaying is idempotent: every correction sets a value, none adds one.

Values are strings in one canonical form per field, so the history reads as the person typed it:

    status    "confirmed" or "rejected"
    type      a PLOVER event type: "CONSULT"
    source    actor codes, comma-separated: "AZE, TUR" ("" for none)
    target    the same
    date      "2025", "2025-03", "2025-03-04", "2025-03-04/2025-03-06", or "" for unknown
    location  "name | country | lat | lon", trailing parts optional: "Baku | AZE", or "" for none
"""

from __future__ import annotations

import re
import sqlite3
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime

from diplomap.model import DateSpan, Place, Precision
from diplomap.plover import quad_class
from diplomap.store.db import Store

FIELDS = ("status", "type", "source", "target", "date", "location")
STATUSES = ("confirmed", "rejected")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_.\-]{1,39}$")  # ISO alpha-3 or an organisation id
# Bounds on what a person types (#9): a name, and a value such as a place or a list of actor codes.
MAX_AUTHOR = 100
MAX_VALUE = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # every field is one line of text


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says which value to fix."""


@dataclass(frozen=True)
class Correction:
    id: int
    event_id: str
    field: str
    old_value: str
    new_value: str
    author: str
    created_at: str  # ISO timestamp, UTC


def record_correction(store: Store, event_id: str, field: str, new_value: str, author: str) -> Correction:
    """Validate, store and apply one correction; the old value is read from the event as it is now."""
    if field not in FIELDS:
        raise CorrectionError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
    author = author.strip()
    if not author:
        raise CorrectionError("a correction needs an author: give a name")
    if len(author) > MAX_AUTHOR:
        raise CorrectionError(f"the author's name is {len(author)} characters long: give at most {MAX_AUTHOR}")
    if _CONTROL.search(author):
        raise CorrectionError("the author's name holds a control character: type it on one line")
    value = normalise(field, new_value)
    with store.conn:
        if store.conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
            raise CorrectionError(f"no event {event_id!r} in {store.path}")
        old = current_value(store, event_id, field)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        cur = store.conn.execute(
            "INSERT INTO corrections (event_id, field, old_value, new_value, author, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (event_id, field, old, value, author, created),
        )
        _apply(store.conn, event_id, field, value)
    return Correction(int(cur.lastrowid or 0), event_id, field, old, value, author, created)


def apply_corrections(store: Store, doc_id: str | None = None) -> int:
    """Replay the stored corrections, oldest first, onto the events that exist now.

    With ``doc_id``, only events with evidence in that document (call it after re-extracting one).
    Corrections of events that did not come back are kept, not applied. Returns how many were applied.
    """
    sql = (
        "SELECT c.event_id, c.field, c.new_value FROM corrections c"
        " WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = c.event_id)"
    )
    args: tuple[str, ...] = ()
    if doc_id is not None:
        sql += " AND EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = c.event_id AND v.doc_id = ?)"
        args = (doc_id,)
    with store.conn:
        rows = store.conn.execute(sql + " ORDER BY c.id", args).fetchall()
        for row in rows:
            _apply(store.conn, row[0], row[1], row[2])
    return len(rows)


def history(store: Store, event_id: str) -> list[Correction]:
    rows = store.conn.execute(
        "SELECT id, event_id, field, old_value, new_value, author, created_at FROM corrections"
        " WHERE event_id = ? ORDER BY id",
        (event_id,),
    ).fetchall()
    return [Correction(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


# -- values -------------------------------------------------------------------------------------


def normalise(field: str, value: str) -> str:
    """The canonical form of a value, or CorrectionError naming what is wrong with it."""
    value = value.strip()
    if len(value) > MAX_VALUE:
        raise CorrectionError(f"the {field} value is {len(value)} characters long: give at most {MAX_VALUE}")
    if _CONTROL.search(value):
        raise CorrectionError(f"the {field} value holds a control character: type it on one line")
    if field == "status":
        if value not in STATUSES:
            raise CorrectionError(f"status must be one of {', '.join(STATUSES)}, not {value!r}")
        return value
    if field == "type":
        value = value.upper()
        if quad_class(value) is None:
            raise CorrectionError(f"{value!r} is not a PLOVER event type (e.g. CONSULT, AGREE, COOPERATE)")
        return value
    if field in ("source", "target"):
        return ", ".join(parse_codes(value))
    if field == "date":
        return format_span(parse_span(value))
    if field == "location":
        return format_place(parse_place(value))
    raise CorrectionError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")


def parse_codes(value: str) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(c.upper() for c in re.split(r"[\s,|;]+", value) if c))
    for code in codes:
        if not _CODE.match(code):
            raise CorrectionError(f"{code!r} is not an actor code: use ISO alpha-3 (AZE) or an organisation id")
    return codes


def parse_span(value: str) -> DateSpan | None:
    value = value.strip()
    if not value:
        return None
    try:
        if "/" in value:
            first, last = (part.strip() for part in value.split("/", 1))
            start, end = date.fromisoformat(first), date.fromisoformat(last)
            return DateSpan(start, end, Precision.DAY if start == end else Precision.RANGE)
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return DateSpan(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = (int(p) for p in value.split("-"))
            return DateSpan(date(year, month, 1), date(year, month, monthrange(year, month)[1]), Precision.MONTH)
        day = date.fromisoformat(value)
    except ValueError:
        raise CorrectionError(
            f"{value!r} is not a date: write 2025, 2025-03, 2025-03-04 or 2025-03-04/2025-03-06"
        ) from None
    return DateSpan(day, day, Precision.DAY)


def format_span(span: DateSpan | None) -> str:
    """The inverse of parse_span for the forms it reads; any other span is written as a range."""
    if span is None:
        return ""
    start, end = span.start, span.end
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == date(start.year, start.month, monthrange(start.year, start.month)[1]):
        return f"{start.year:04d}-{start.month:02d}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def parse_place(value: str) -> Place | None:
    parts = [p.strip() for p in value.split("|")]
    if not parts[0]:
        return None
    if len(parts) > 4:
        raise CorrectionError(f"{value!r}: a location is 'name | country | lat | lon'")
    name, country = parts[0], (parts[1].upper() if len(parts) > 1 else "")
    coords = [p for p in parts[2:] if p]
    if len(coords) == 1:
        raise CorrectionError(f"{value!r}: give both latitude and longitude, or neither")
    lat = lon = None
    if coords:
        try:
            lat, lon = float(coords[0]), float(coords[1])
        except ValueError:
            raise CorrectionError(f"{value!r}: latitude and longitude must be numbers") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"{value!r}: latitude is -90..90 and longitude -180..180")
    return Place(name, country, lat, lon)


def format_place(place: Place | None) -> str:
    if place is None:
        return ""
    parts = [place.name, place.country]
    if place.lat is not None and place.lon is not None:
        parts += [f"{place.lat:g}", f"{place.lon:g}"]
    return " | ".join(parts).rstrip(" |")


def current_value(store: Store, event_id: str, field: str) -> str:
    """The event's value of a field now, in the canonical form."""
    row = store.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        raise CorrectionError(f"no event {event_id!r} in {store.path}")
    if field == "status":
        return str(row["status"])
    if field == "type":
        return str(row["type"])
    if field in ("source", "target"):
        codes = store.conn.execute(
            "SELECT code FROM event_actors WHERE event_id = ? AND role = ? ORDER BY position", (event_id, field)
        ).fetchall()
        return ", ".join(c[0] for c in codes)
    if field == "date":
        if not row["start"]:
            return ""
        span = DateSpan(date.fromisoformat(row["start"]), date.fromisoformat(row["end"]), Precision(row["precision"]))
        return format_span(span)
    if field == "location":
        if not row["location"]:
            return ""
        return format_place(Place(row["location"], row["location_country"] or "", row["lat"], row["lon"]))
    raise CorrectionError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")


def _apply(conn: sqlite3.Connection, event_id: str, field: str, value: str) -> None:
    """Write one canonical value onto the event and set its status; the caller holds the transaction."""
    if field == "status":
        conn.execute("UPDATE events SET status = ? WHERE id = ?", (value, event_id))
        return
    if field == "type":
        conn.execute("UPDATE events SET type = ? WHERE id = ?", (value, event_id))
    elif field in ("source", "target"):
        conn.execute("DELETE FROM event_actors WHERE event_id = ? AND role = ?", (event_id, field))
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, code, role, position) VALUES (?, ?, ?, ?)",
            [(event_id, code, field, i) for i, code in enumerate(parse_codes(value))],
        )
    elif field == "date":
        span = parse_span(value)
        conn.execute(
            "UPDATE events SET start = ?, \"end\" = ?, precision = ? WHERE id = ?",
            (
                span.start.isoformat() if span else None,
                span.end.isoformat() if span else None,
                span.precision.value if span else None,
                event_id,
            ),
        )
    elif field == "location":
        place = parse_place(value)
        conn.execute(
            "UPDATE events SET location = ?, location_country = ?, lat = ?, lon = ? WHERE id = ?",
            (
                place.name if place else None,
                place.country if place else None,
                place.lat if place else None,
                place.lon if place else None,
                event_id,
            ),
        )
    else:
        raise CorrectionError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
    # An edit of a rejected event leaves it rejected: un-rejecting is an explicit "confirm".
    conn.execute("UPDATE events SET status = 'edited' WHERE id = ? AND status != 'rejected'", (event_id,))


__all__ = [
    "FIELDS",
    "MAX_AUTHOR",
    "MAX_VALUE",
    "STATUSES",
    "Correction",
    "CorrectionError",
    "apply_corrections",
    "history",
    "normalise",
    "record_correction",
]
