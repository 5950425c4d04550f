-- rasid store schema, baseline (version 2); migrations/NNN_*.sql take a store from there to the current version.
-- Standard SQL types and constraints only, run as they are by SQLite and PostgreSQL. What differs, the
-- full-text index, is in the sections marked «-- @backend NAME» at the end (each backend runs its own).
-- Days are ISO 'YYYY-MM-DD' text (they sort and compare as text); JSON columns hold the EVENTS.md
-- objects as written, the other columns copy what filters and joins need.

CREATE TABLE IF NOT EXISTS meta (
    name VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    content_hash CHAR(64) PRIMARY KEY,          -- sha256 of text: the same report is stored once
    article_no INTEGER NOT NULL UNIQUE,         -- dense number, the row of the full-text index
    article_id TEXT NOT NULL UNIQUE,            -- the input id (made unique when two reports share one)
    url TEXT UNIQUE,
    outlet TEXT,
    published CHAR(10),
    title TEXT,
    text TEXT NOT NULL,                         -- the text as read; never rewritten
    source TEXT,                                -- the file it was read from
    ingested_at VARCHAR(32) NOT NULL,
    extracted_at VARCHAR(32) NOT NULL,
    extractor VARCHAR(32) NOT NULL,             -- rasid version whose events are stored
    event_count INTEGER NOT NULL                -- events stored for it, written in the same transaction
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR(32) PRIMARY KEY,           -- derived from the signature, so a re-extraction keeps it
    content_hash CHAR(64) NOT NULL REFERENCES articles (content_hash),
    article_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,                   -- position in analyze()'s output
    signature TEXT NOT NULL,                    -- article hash, type, sub-type, day, place, actors
    event_date CHAR(10),
    time_precision INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT,
    place TEXT,
    place_id TEXT,
    admin1 TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    geo_precision INTEGER,
    fatalities_low INTEGER NOT NULL,
    fatalities_best INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    contested BOOLEAN NOT NULL,
    data TEXT NOT NULL,                         -- the EVENTS.md §2 JSON object
    UNIQUE (content_hash, ordinal)
);
CREATE INDEX IF NOT EXISTS events_article ON events (content_hash);
CREATE INDEX IF NOT EXISTS events_signature ON events (signature);
CREATE INDEX IF NOT EXISTS events_date ON events (event_date);

CREATE TABLE IF NOT EXISTS claims (
    event_id VARCHAR(32) NOT NULL REFERENCES events (event_id),
    ordinal INTEGER NOT NULL,
    source TEXT NOT NULL,
    stance VARCHAR(16) NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX IF NOT EXISTS claims_source ON claims (source);

-- A person's decision on an event, keyed by the signature so it outlives a re-extraction.
CREATE TABLE IF NOT EXISTS reviews (
    signature TEXT PRIMARY KEY,
    event_id VARCHAR(32) NOT NULL,              -- the event reviewed (informative; the signature decides)
    decision VARCHAR(8) NOT NULL CHECK (decision IN ('accept', 'reject')),
    note TEXT,
    corrections TEXT,                           -- JSON {field: value} applied over the extracted event
    reviewed_at VARCHAR(32) NOT NULL
);

CREATE TABLE IF NOT EXISTS incidents (
    incident_id VARCHAR(64) PRIMARY KEY,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start CHAR(10),
    date_end CHAR(10),
    time_precision INTEGER NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT,
    place TEXT,
    admin1 TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    geo_precision INTEGER,
    fatalities_low INTEGER NOT NULL,
    fatalities_best INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    grade TEXT NOT NULL,
    contested BOOLEAN NOT NULL,
    report_count INTEGER NOT NULL,
    digest CHAR(40) NOT NULL,                   -- of its members' events and reasons: unchanged → not rebuilt
    data TEXT NOT NULL,                         -- Incident.to_json()
    fused_at VARCHAR(32) NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents (date_start);
CREATE INDEX IF NOT EXISTS incidents_type ON incidents (event_type);

CREATE TABLE IF NOT EXISTS incident_members (
    event_id VARCHAR(32) PRIMARY KEY,
    incident_id VARCHAR(64) NOT NULL REFERENCES incidents (incident_id),
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_members_incident ON incident_members (incident_id);

-- @backend sqlite
-- Contentless FTS5 index of the normalized, dediacritized title and text with each word's readings
-- (rasid.search.index_text); its rowid is articles.article_no. Snippets are cut from the stored text instead.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (body, content='', tokenize='unicode61');

-- @backend postgresql
-- The same words as lexemes, taken as they are (array_to_tsvector, no dictionary): a query finds the same
-- articles as on SQLite. GIN makes «body @@ query» an index lookup.
CREATE TABLE IF NOT EXISTS articles_fts (
    article_no INTEGER PRIMARY KEY REFERENCES articles (article_no),
    body TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fts_body ON articles_fts USING GIN (body);
