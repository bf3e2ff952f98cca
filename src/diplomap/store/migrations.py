"""Schema versions. Each migration is a function from version N-1 to N; they run in order, once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 1


def _v1(conn: sqlite3.Connection, schema: str) -> None:
    conn.executescript(schema)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, str], None]] = {1: _v1}


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
