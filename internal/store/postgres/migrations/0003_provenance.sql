-- Documents keep the text they were cleaned from (body; NULL for documents
-- stored before this migration, whose cleaned text is used instead) and its
-- format, so "dyad recode" can clean and code them again, and say what coded
-- them last: coding names the dyad build, dictionaries and code tables,
-- coded_at when (RFC 3339, UTC).
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN body TEXT;
ALTER TABLE documents ADD COLUMN coding TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN coded_at TEXT NOT NULL DEFAULT '';

-- The CAMEO code tables dyad codes with, so the file explains its own
-- codes. Open fills it from the embedded tables whenever their version
-- (store_meta 'cameo_tables') differs from the one stored.
CREATE TABLE cameo_codes (
	code      TEXT COLLATE "C" PRIMARY KEY,
	name      TEXT NOT NULL,
	root      TEXT NOT NULL,
	quad      INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	plover    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE store_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE INDEX events_cameo ON events (cameo);

-- One row per event with everything a reader needs, without joins: the
-- sentence text, the actors' codes and names, the CAMEO names and the
-- document's provenance. docs/schema.md describes every column.
CREATE VIEW event_view AS
SELECT
	e.id,
	d.id             AS doc,
	d.title          AS doc_title,
	d.source         AS outlet,
	CASE WHEN lower(d.origin) LIKE 'http://%' OR lower(d.origin) LIKE 'https://%' THEN d.origin ELSE '' END AS url,
	d.origin,
	e.doc_date,
	e.date,
	e.date_precision,
	sa.code          AS source_code,
	sa.country       AS source_country,
	sa.name          AS source_name,
	e.source_text,
	e.source_role,
	e.cameo,
	c.name           AS cameo_name,
	e.root,
	r.name           AS root_name,
	e.quad,
	CASE e.quad WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN 'material cooperation'
		WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict' ELSE '' END AS quad_name,
	e.goldstein,
	e.plover,
	ta.code          AS target_code,
	ta.country       AS target_country,
	ta.name          AS target_name,
	e.target_text,
	e.target_role,
	e.trigger_text   AS trigger,
	e.modality,
	e.confidence,
	COALESCE(e.sentence, s.text) AS sentence,
	e.sentence_index,
	e.span_start,
	e.span_end,
	e.location,
	e.quantities,
	e.tables,
	d.coding
FROM events e
JOIN documents d ON d.pk = e.doc
JOIN actors sa ON sa.pk = e.source_actor
LEFT JOIN actors ta ON ta.pk = e.target_actor
LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence_index
LEFT JOIN cameo_codes c ON c.code = e.cameo
LEFT JOIN cameo_codes r ON r.code = e.root;
