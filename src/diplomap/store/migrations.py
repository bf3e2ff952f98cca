"""Schema versions. Each migration is a function from version N-1 to N; they run in order, once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 2


def _v1(conn: sqlite3.Connection, schema: str) -> None:
    conn.executescript(schema)


def _v2(conn: sqlite3.Connection, schema: str) -> None:
    """Corrections made by people (diplomap.store.corrections).

    No foreign key to events: re-extraction deletes and re-creates a document's events, and the
    corrections must outlive that to be applied again to the events that come back with the same id.
    The (start, id) and (type, start, id) indexes serve the web app's keyset pages (newest first, then
    by id, also within one type); evidence (doc_id, sentence) serves its full-text filter, which goes
    from the matching sentences to their evidence.
    """
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS corrections (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            field TEXT NOT NULL,        -- status, type, source, target, date, location
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL    -- ISO timestamp, UTC
        );
        CREATE INDEX IF NOT EXISTS corrections_event ON corrections(event_id, id);
        CREATE INDEX IF NOT EXISTS events_start_id ON events(start, id);
        CREATE INDEX IF NOT EXISTS events_type_start_id ON events(type, start, id);
        CREATE INDEX IF NOT EXISTS evidence_doc_sentence ON evidence(doc_id, sentence);
        """
    )


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, str], None]] = {1: _v1, 2: _v2}


def migrate(conn: sqlite3.Connection, schema: str) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it found."""
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    found = int(row[0]) if row else 0
    if found > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {found} is newer than this diplomap ({SCHEMA_VERSION}): upgrade diplomap"
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with conn:
            MIGRATIONS[version](conn, schema)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
    return found
