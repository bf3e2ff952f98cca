"""Schema versions. Each migration is a function from version N-1 to N; they run in order, once."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

from diplomap.store.errors import StoreError

SCHEMA_VERSION = 10

# The FTS5 tables and their arguments. content="..." is in double quotes, the form Datasette detects
# as the full-text search of the content table; it reads content='...' as none (#14).
_FTS_TABLES = {
    "sentences_fts": 'text, content="sentences", content_rowid="id"',
    "sentences_fts_by_date": 'text, content="evidence_search", content_rowid="key"',
}


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


# The sort key of an evidence row in evidence_search: the day number of its event's start (0 when
# undated) in the high bits, the evidence id in the low 32, so the key orders rows like the event list.
_KEY = "((COALESCE(CAST(julianday({start}) AS INTEGER), 0) << 32) | {evidence})"


def _v3(conn: sqlite3.Connection, schema: str) -> None:
    """Full-text search in list order, for the web app's search pages.

    evidence_search holds one row per evidence row whose sentence is stored: the sentence text and the
    event, keyed by _KEY. sentences_fts_by_date indexes it with that key as rowid, so a search can walk
    its matches newest first and stop after a page (FTS5 reads doclists in rowid order), where a search of
    sentences_fts must gather every match and its event before it can sort. Triggers keep both in step
    with evidence, sentences and event dates (a date correction re-keys the event's rows).
    event_actors (code, event_id) gives an actor's event ids from the index alone.
    """
    row = _KEY.format(start="e.start", evidence="v.id")
    by_date = _FTS_TABLES["sentences_fts_by_date"]
    conn.executescript(
        f"""
        CREATE TABLE IF NOT EXISTS evidence_search (
            key INTEGER PRIMARY KEY,               -- day of the event's start << 32 | evidence id
            evidence_id INTEGER NOT NULL UNIQUE,
            event_id TEXT NOT NULL,
            text TEXT NOT NULL                     -- the evidence sentence
        );
        CREATE INDEX IF NOT EXISTS evidence_search_event ON evidence_search(event_id);
        -- An actor's event ids without a table lookup each (the web app's actor filter and counts).
        CREATE INDEX IF NOT EXISTS event_actors_code_event ON event_actors(code, event_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts_by_date USING fts5(
            {by_date}
        );
        CREATE TRIGGER IF NOT EXISTS evidence_search_ai AFTER INSERT ON evidence_search BEGIN
            INSERT INTO sentences_fts_by_date(rowid, text) VALUES (new.key, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_search_ad AFTER DELETE ON evidence_search BEGIN
            INSERT INTO sentences_fts_by_date(sentences_fts_by_date, rowid, text)
            VALUES ('delete', old.key, old.text);
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_search_au AFTER UPDATE ON evidence_search BEGIN
            INSERT INTO sentences_fts_by_date(sentences_fts_by_date, rowid, text)
            VALUES ('delete', old.key, old.text);
            INSERT INTO sentences_fts_by_date(rowid, text) VALUES (new.key, new.text);
        END;

        CREATE TRIGGER IF NOT EXISTS evidence_ai_search AFTER INSERT ON evidence BEGIN
            INSERT OR IGNORE INTO evidence_search (key, evidence_id, event_id, text)
            SELECT {_KEY.format(start="e.start", evidence="new.id")}, new.id, new.event_id, s.text
            FROM sentences s LEFT JOIN events e ON e.id = new.event_id
            WHERE s.doc_id = new.doc_id AND s.idx = new.sentence;
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_ad_search AFTER DELETE ON evidence BEGIN
            DELETE FROM evidence_search WHERE evidence_id = old.id;
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_au_search AFTER UPDATE OF event_id, doc_id, sentence ON evidence BEGIN
            DELETE FROM evidence_search WHERE evidence_id = old.id;
            INSERT OR IGNORE INTO evidence_search (key, evidence_id, event_id, text)
            SELECT {_KEY.format(start="e.start", evidence="new.id")}, new.id, new.event_id, s.text
            FROM sentences s LEFT JOIN events e ON e.id = new.event_id
            WHERE s.doc_id = new.doc_id AND s.idx = new.sentence;
        END;
        -- A sentence stored after its evidence (no writer does this today) still becomes searchable.
        CREATE TRIGGER IF NOT EXISTS sentences_ai_search AFTER INSERT ON sentences BEGIN
            INSERT OR IGNORE INTO evidence_search (key, evidence_id, event_id, text)
            SELECT {row}, v.id, v.event_id, new.text
            FROM evidence v LEFT JOIN events e ON e.id = v.event_id
            WHERE v.doc_id = new.doc_id AND v.sentence = new.idx;
        END;
        CREATE TRIGGER IF NOT EXISTS sentences_ad_search AFTER DELETE ON sentences BEGIN
            DELETE FROM evidence_search WHERE evidence_id IN (
                SELECT id FROM evidence WHERE doc_id = old.doc_id AND sentence = old.idx
            );
        END;
        CREATE TRIGGER IF NOT EXISTS events_start_search AFTER UPDATE OF start ON events
        WHEN old.start IS NOT new.start BEGIN
            UPDATE evidence_search SET key = {_KEY.format(start="new.start", evidence="evidence_id")}
            WHERE event_id = new.id;
        END;
        CREATE TRIGGER IF NOT EXISTS events_ai_search AFTER INSERT ON events BEGIN
            UPDATE evidence_search SET key = {_KEY.format(start="new.start", evidence="evidence_id")}
            WHERE event_id = new.id AND key != {_KEY.format(start="new.start", evidence="evidence_id")};
        END;

        INSERT OR IGNORE INTO evidence_search (key, evidence_id, event_id, text)
        SELECT {row}, v.id, v.event_id, s.text
        FROM evidence v JOIN sentences s ON s.doc_id = v.doc_id AND s.idx = v.sentence
        LEFT JOIN events e ON e.id = v.event_id;
        """
    )


def _v4(conn: sqlite3.Connection, schema: str) -> None:
    """evidence (event_id, doc_id): the web app's document facet reads the documents of the selected
    events from the index alone, without a lookup of each (wide) evidence row."""
    conn.execute("CREATE INDEX IF NOT EXISTS evidence_event_doc ON evidence(event_id, doc_id)")


def _fts_quotes(conn: sqlite3.Connection, schema: str) -> None:
    """Rebuild the FTS tables of databases made before #14, which declared content='...'.

    An FTS5 table's arguments cannot be altered: it is dropped, created again and rebuilt from its
    content table (the triggers that keep it in step are on the content tables and stay). It looks at
    each table's SQL, so on a database created with the quotes right it does nothing, it can run in any
    order among the migrations (renumber it freely), and after a crash between the drop and the rebuild
    it completes the work when it runs again.
    """
    for name, args in _FTS_TABLES.items():
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        if row is not None and "content=\"" in row[0]:
            continue
        conn.execute(f"DROP TABLE IF EXISTS {name}")
        conn.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({args})")
        conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def _headline(conn: sqlite3.Connection, schema: str) -> None:
    """events.headline: one line per event built from its parse at extraction (extract/headline.py).

    Self-contained and idempotent (it checks for the column), so it can take any number in MIGRATIONS.
    Events stored before it have an empty headline until `diplomap reextract`; readers fall back to one
    made from the actors and trigger (extract.headline.fallback)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    if "headline" not in columns:
        conn.execute("ALTER TABLE events ADD COLUMN headline TEXT NOT NULL DEFAULT ''")


def _identity(conn: sqlite3.Connection, schema: str) -> None:
    """Document identity and event ids that survive edits (#9).

    documents gains source_key (the canonical source) and content_hash (of the normalised text), see
    diplomap.ingest.identity; they are filled from each document's source and raw text. A relative path
    is taken from the folder diplomap runs in, as ingest takes it. Documents keep their ids (the sha256
    of the bytes first read); documents ingested from now on are named by their source. Where an old
    database holds two versions of one source, ingest takes the latest as the document.

    Event ids were keyed on the character offsets of the first evidence; they are now keyed on its
    sentence's text (diplomap.store.ids), so that an edit earlier in a text leaves the ids after it alone.
    Each event whose id is the old key of its first evidence gets the new key, everywhere it is used,
    corrections included; an event whose old key cannot be rebuilt keeps its id.
    """
    from diplomap.ingest.identity import identify

    if not conn.in_transaction:
        conn.execute("BEGIN")  # the columns, their values and the new ids: all or nothing
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    for name in ("source_key", "content_hash"):
        if name not in columns:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX IF NOT EXISTS documents_source_key ON documents(source_key)")
    rows = conn.execute("SELECT id, source, raw, text FROM documents").fetchall()
    for doc_id, source, raw, text in rows:
        identity = identify(source, raw or text)
        conn.execute("UPDATE documents SET source_key = ?, content_hash = ? WHERE id = ?",
                     (identity.source, identity.content_hash, doc_id))
    _rekey_events(conn)


def _date_source(conn: sqlite3.Connection, schema: str) -> None:
    """documents.date_source: where each publication date came from (#10; model.DATE_SOURCES): given,
    manifest, feed, html-meta, text, pdf-meta, url, none.

    Documents stored before it say "unknown" when they have a date (ingest did not record where it came
    from) and "none" when they have none. Idempotent (it checks for the column)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    if "date_source" not in columns:
        conn.execute("ALTER TABLE documents ADD COLUMN date_source TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE documents SET date_source = CASE WHEN published IS NULL THEN 'none' ELSE 'unknown' END"
                 " WHERE date_source = ''")


def _rekey_events(conn: sqlite3.Connection) -> None:
    from diplomap.store.ids import event_key

    rows = conn.execute(
        "SELECT e.id, e.type, e.trigger, v.doc_id, v.sentence, v.start, v.\"end\", v.quote,"
        " (SELECT c.old_value FROM corrections c WHERE c.event_id = e.id AND c.field = 'type' ORDER BY c.id"
        "  LIMIT 1)"
        " FROM events e JOIN evidence v ON v.id = (SELECT MIN(w.id) FROM evidence w WHERE w.event_id = e.id)"
        " ORDER BY v.doc_id"
    ).fetchall()
    used = {row[0] for row in rows}
    renames: list[tuple[str, str]] = []
    occurrence: dict[int, int] = {}
    seen: dict[str, int] = {}
    current = None
    for eid, type_, trigger, doc_id, sentence, start, end, quote, first_type in rows:
        if doc_id != current:
            current, occurrence, seen = doc_id, {}, {}
            for idx, text in conn.execute("SELECT idx, text FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)):
                occurrence[idx] = seen.get(text, 0)
                seen[text] = occurrence[idx] + 1
        extracted = first_type or type_  # a corrected type: the key holds the type first extracted
        if eid != _old_key(doc_id, start, end, extracted, trigger):
            continue
        new = event_key(doc_id, quote, occurrence.get(sentence, 0), extracted, trigger)
        if new != eid and new not in used:
            renames.append((new, eid))
            used.add(new)
    conn.execute("PRAGMA defer_foreign_keys = ON")  # children follow their event within the transaction
    for table, column in (("events", "id"), ("event_actors", "event_id"), ("quantities", "event_id"),
                          ("evidence", "event_id"), ("corrections", "event_id")):
        conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", renames)


def _old_key(doc_id: str, start: int, end: int, type_: str, trigger: str) -> str:
    """An event id as schema versions 1-4 made it."""
    return "ev_" + hashlib.sha1(f"{doc_id}:{start}:{end}:{type_}:{trigger}".encode()).hexdigest()[:16]


def _listing_indexes(conn: sqlite3.Connection, schema: str) -> None:
    """Indexes for a page of Store.events on a large database (#10, diplomap.store.listing).

    event_actor_days holds each (actor, event) once with the event's start ('' when undated), kept by
    triggers, so an actor's events are one index range in date order: a page of them reads its own rows,
    where walking all events for them or gathering and sorting all of them took 50-300 ms at 1,000,000
    events. events (location_country, start) gives the events held in a country in date order, walked
    beside its actor's events for a country's page;
    events_span, on each event's length in days, gives the longest at once, so a page of events that
    end on or after a date starts its walk at that date less that length. events (status, modality)
    lets the web app's facet index read both from an index (web/facets.py). Self-contained and
    idempotent: it can take any number in MIGRATIONS.
    """
    day = "COALESCE({0}, '')"
    conn.executescript(
        f"""
        CREATE INDEX IF NOT EXISTS events_country_start ON events(location_country, start);
        CREATE INDEX IF NOT EXISTS events_span ON events(julianday("end") - julianday(start));
        CREATE INDEX IF NOT EXISTS events_status_modality ON events(status, modality);

        CREATE TABLE IF NOT EXISTS event_actor_days (
            code TEXT NOT NULL,
            start TEXT NOT NULL,        -- the event's start, '' when undated
            event_id TEXT NOT NULL,
            PRIMARY KEY (code, start, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS event_actor_days_event ON event_actor_days(event_id, code);
        CREATE TRIGGER IF NOT EXISTS event_actors_ai_days AFTER INSERT ON event_actors BEGIN
            INSERT OR IGNORE INTO event_actor_days (code, start, event_id)
            SELECT new.code, {day.format("e.start")}, e.id FROM events e WHERE e.id = new.event_id;
        END;
        CREATE TRIGGER IF NOT EXISTS event_actors_ad_days AFTER DELETE ON event_actors BEGIN
            DELETE FROM event_actor_days WHERE event_id = old.event_id AND code = old.code
            AND NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = old.event_id AND code = old.code);
        END;
        CREATE TRIGGER IF NOT EXISTS event_actors_au_days AFTER UPDATE OF event_id, code ON event_actors BEGIN
            DELETE FROM event_actor_days WHERE event_id = old.event_id AND code = old.code
            AND NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = old.event_id AND code = old.code);
            INSERT OR IGNORE INTO event_actor_days (code, start, event_id)
            SELECT new.code, {day.format("e.start")}, e.id FROM events e WHERE e.id = new.event_id;
        END;
        CREATE TRIGGER IF NOT EXISTS events_ai_days AFTER INSERT ON events BEGIN
            INSERT OR IGNORE INTO event_actor_days (code, start, event_id)
            SELECT code, {day.format("new.start")}, new.id FROM event_actors WHERE event_id = new.id;
        END;
        CREATE TRIGGER IF NOT EXISTS events_au_days AFTER UPDATE OF id, start ON events BEGIN
            DELETE FROM event_actor_days WHERE event_id = old.id;
            INSERT OR IGNORE INTO event_actor_days (code, start, event_id)
            SELECT code, {day.format("new.start")}, new.id FROM event_actors WHERE event_id = new.id;
        END;
        CREATE TRIGGER IF NOT EXISTS events_ad_days AFTER DELETE ON events BEGIN
            DELETE FROM event_actor_days WHERE event_id = old.id;
        END;
        INSERT OR IGNORE INTO event_actor_days (code, start, event_id)
        SELECT a.code, {day.format("e.start")}, a.event_id FROM event_actors a JOIN events e ON e.id = a.event_id;
        """
    )


# The tables the web app's facet index is read from (web/facets.py): a write to any of them changes
# generation.value, so an index saved to disk is known to be stale (web/facet_cache.py).
GENERATION_TABLES = ("events", "event_actors", "evidence", "documents")


def _generation(conn: sqlite3.Connection, schema: str) -> None:
    """generation: one row whose value becomes a new random number whenever a row of events,
    event_actors, evidence or documents is inserted, updated or deleted (#10).

    Triggers set it, so every writer changes it: diplomap, another process, a hand-edit in sqlite3. A
    reader that saved something derived from those tables (the web app's facet index, on disk) compares
    the value it was derived from with the value now, read in the same transaction. Random rather than a
    counter: a database restored from a copy and written again would count up to numbers it has held
    before, with other rows; a random value of 64 bits does not come round again. Self-contained and
    idempotent: it can take any number in MIGRATIONS.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS generation (id INTEGER PRIMARY KEY CHECK (id = 1),"
                 " value INTEGER NOT NULL)")
    conn.execute("INSERT OR IGNORE INTO generation (id, value) VALUES (1, random())")
    for table in GENERATION_TABLES:
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_a{op[0].lower()}_generation AFTER {op} ON {table}"
                         " BEGIN UPDATE generation SET value = random() WHERE id = 1; END")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, str], None]] = {
    1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _fts_quotes, 6: _headline, 7: _identity, 8: _date_source,
    9: _listing_indexes, 10: _generation,
}


def refuse_foreign(conn: sqlite3.Connection) -> None:
    """StoreError for a SQLite database that some other program made: diplomap adds no tables to it."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "meta" not in tables:
        raise StoreError("a SQLite database, but not a diplomap one; give a diplomap database or a new file name")


def migrate(conn: sqlite3.Connection, schema: str) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it found."""
    refuse_foreign(conn)
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    found = int(row[0]) if row else 0
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {found} is newer than this diplomap ({SCHEMA_VERSION}); upgrade diplomap"
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with conn:
            MIGRATIONS[version](conn, schema)
            conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(version),))
    return found
