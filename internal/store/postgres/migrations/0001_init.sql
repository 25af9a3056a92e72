-- The same tables as the SQLite store's 0001_init.sql, in PostgreSQL's
-- types. Text that is sorted or compared (ids, dates, codes) uses the "C"
-- collation, so rows come out in the same byte order as from SQLite
-- whatever the database's locale.
CREATE TABLE documents (
	pk          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          TEXT COLLATE "C" NOT NULL,
	hash        TEXT COLLATE "C" NOT NULL UNIQUE,
	origin      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	published   TEXT COLLATE "C" NOT NULL DEFAULT '',
	date_from   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL
);
CREATE INDEX documents_id ON documents (id);

-- search holds the sentence's words as dyad's search folds them (lower
-- case, diacritics removed, split at every character that is not a letter
-- or digit: the same words SQLite's FTS5 unicode61 tokenizer makes), so the
-- 'simple' configuration indexes exactly those words; the GIN index makes
-- full-text search fast.
CREATE TABLE sentences (
	pk         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	doc        BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	paragraph  INTEGER NOT NULL DEFAULT 0,
	text       TEXT NOT NULL,
	codable    BOOLEAN NOT NULL DEFAULT TRUE,
	search     TSVECTOR NOT NULL,
	UNIQUE (doc, idx)
);
CREATE INDEX sentences_search ON sentences USING GIN (search);

CREATE TABLE actors (
	pk      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code    TEXT COLLATE "C" NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT '',
	UNIQUE (code, country, name)
);

CREATE TABLE events (
	pk             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id             TEXT COLLATE "C" NOT NULL UNIQUE,
	doc            BIGINT NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
	doc_date       TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence       TEXT,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	source_actor   BIGINT NOT NULL REFERENCES actors (pk),
	source_text    TEXT NOT NULL,
	source_role    TEXT NOT NULL DEFAULT '',
	source_key     TEXT COLLATE "C" NOT NULL,
	target_actor   BIGINT REFERENCES actors (pk),
	target_text    TEXT,
	target_role    TEXT,
	target_key     TEXT COLLATE "C",
	cameo          TEXT COLLATE "C" NOT NULL,
	root           TEXT COLLATE "C" NOT NULL,
	plover         TEXT NOT NULL,
	goldstein      DOUBLE PRECISION NOT NULL,
	quad           INTEGER NOT NULL,
	trigger_text   TEXT NOT NULL,
	date           TEXT COLLATE "C" NOT NULL,
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
-- Actors are deleted when no event names them: these make that check an
-- index look-up.
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
