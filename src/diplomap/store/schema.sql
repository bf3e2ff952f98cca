-- diplomap store, schema version 1. Opens as it is in Datasette.
-- Offsets (start, end) are character offsets into documents.text (the repaired text).

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,            -- sha256 of the raw bytes
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,           -- path or URL
    published TEXT,                 -- ISO date, given or found; where from: date_source (migration 8)
    publisher TEXT NOT NULL DEFAULT '',
    fmt TEXT NOT NULL,              -- text, markdown, html, pdf
    text TEXT NOT NULL,             -- clean text
    raw TEXT NOT NULL,              -- decoded original
    offset_map TEXT NOT NULL DEFAULT '[]',  -- JSON [[clean, raw], ...]
    ingested_at TEXT NOT NULL
    -- added by migrations (store/migrations.py): source_key, content_hash (7); date_source (8: given,
    -- manifest, feed, html-meta, text, pdf-meta, url, none; unknown for dates stored before it)
);

CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, idx)
);

-- content="..." in double quotes: the form Datasette detects as this table's full-text search (#14)
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content="sentences", content_rowid="id"
);

CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,             -- state, organisation, person, project, place
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',  -- actor code it stands for (ISO alpha-3 or organisation id)
    qid TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL
);

CREATE TABLE IF NOT EXISTS aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,             -- PLOVER event type
    mode TEXT NOT NULL DEFAULT '',
    modality TEXT NOT NULL,         -- happened, planned, expected, negated, hypothetical, background
    start TEXT,                     -- ISO date
    "end" TEXT,
    precision TEXT,
    date_text TEXT NOT NULL DEFAULT '',
    location TEXT,
    lat REAL,
    lon REAL,
    location_country TEXT,
    trigger TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    source_count INTEGER NOT NULL DEFAULT 1,  -- distinct documents behind the event
    status TEXT NOT NULL DEFAULT 'auto'       -- auto, confirmed, rejected, edited
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_start ON events(start);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    role TEXT NOT NULL,             -- source, target, participant
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, code, role)
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);

CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc_id);

CREATE TABLE IF NOT EXISTS quantities (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS quantities_event ON quantities(event_id);

CREATE TABLE IF NOT EXISTS places (
    name TEXT PRIMARY KEY,
    country TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL
);
