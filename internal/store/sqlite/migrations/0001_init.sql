-- Documents are identified by the hash of their raw bytes; id is the
-- manifest id or file name and need not be unique (an edited file keeps its
-- name but gets a new hash).
CREATE TABLE documents (
	pk          INTEGER PRIMARY KEY,
	id          TEXT NOT NULL,
	hash        TEXT NOT NULL UNIQUE,
	origin      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	date_from   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL
);
CREATE INDEX documents_id ON documents (id);

CREATE TABLE sentences (
	pk         INTEGER PRIMARY KEY,
	doc        INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	paragraph  INTEGER NOT NULL DEFAULT 0,
	text       TEXT NOT NULL,
	codable    INTEGER NOT NULL DEFAULT 1,
	UNIQUE (doc, idx)
);

-- Full-text index over sentence text. New sentences are indexed by
-- PutDocument with one INSERT ... SELECT per document (a per-row trigger
-- makes FTS5 flush its index once per sentence, several times slower);
-- deletes and updates are kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
	text,
	content = 'sentences',
	content_rowid = 'pk',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.pk, old.text);
	INSERT INTO sentences_fts (rowid, text) VALUES (new.pk, new.text);
END;

-- Distinct actors; the words used and the role held are per event.
CREATE TABLE actors (
	pk      INTEGER PRIMARY KEY,
	code    TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT '',
	UNIQUE (code, country, name)
);

-- One row per event record. sentence is NULL when the event's sentence is
-- the document's sentence at sentence_index, which then supplies the text.
-- source_key/target_key are what Filter.Dyad matches: the actor's country,
-- else the first three letters of its code.
CREATE TABLE events (
	pk             INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	doc            INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
	doc_date       TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence       TEXT,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	source_actor   INTEGER NOT NULL REFERENCES actors (pk),
	source_text    TEXT NOT NULL,
	source_role    TEXT NOT NULL DEFAULT '',
	source_key     TEXT NOT NULL,
	target_actor   INTEGER REFERENCES actors (pk),
	target_text    TEXT,
	target_role    TEXT,
	target_key     TEXT,
	cameo          TEXT NOT NULL,
	root           TEXT NOT NULL,
	plover         TEXT NOT NULL,
	goldstein      REAL NOT NULL,
	quad           INTEGER NOT NULL,
	trigger_text   TEXT NOT NULL,
	date           TEXT NOT NULL,
	date_precision TEXT NOT NULL,
	location       TEXT, -- JSON doc.Location, NULL when absent
	quantities     TEXT, -- JSON []doc.Quantity, NULL when nil
	modality       TEXT NOT NULL,
	tables         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_doc ON events (doc, sentence_index);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_dyad ON events (source_key, target_key);
CREATE INDEX events_target ON events (target_key);
