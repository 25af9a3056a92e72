-- The clusters of the SQLite store's 0004_clusters.sql, in PostgreSQL's
-- types; ids, pairs, codes and dates in the "C" collation (0001_init.sql).
--
-- Clusters: the events that report one real-world event (internal/cluster,
-- docs/clusters.md). The store keeps them current as documents are stored,
-- re-coded and removed: each event names its cluster (events.cluster), and
-- clusters holds each one's canonical code, date and place and its counts.
-- Events stored before this migration are clustered when the store is
-- next opened.
ALTER TABLE events ADD COLUMN cluster TEXT COLLATE "C";
CREATE INDEX events_cluster ON events (cluster);

CREATE TABLE clusters (
	id             TEXT COLLATE "C" PRIMARY KEY,
	pair           TEXT COLLATE "C" NOT NULL,
	cameo          TEXT COLLATE "C" NOT NULL,
	root           TEXT COLLATE "C" NOT NULL,
	date           TEXT COLLATE "C" NOT NULL,
	date_precision TEXT NOT NULL,
	place          TEXT, -- JSON doc.Location, NULL when no report names one
	first_report   TEXT NOT NULL,
	last_report    TEXT NOT NULL,
	num_mentions   INTEGER NOT NULL,
	num_sources    INTEGER NOT NULL,
	num_articles   INTEGER NOT NULL
);
CREATE INDEX clusters_pair ON clusters (pair);
CREATE INDEX clusters_date ON clusters (date);

-- Where two reports of one cluster, from different documents, disagree
-- ("dyad disagreements"), made with the clusters.
CREATE TABLE disagreements (
	pk      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	cluster TEXT COLLATE "C" NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
	kind    TEXT NOT NULL,
	event_a TEXT NOT NULL,
	value_a TEXT NOT NULL,
	event_b TEXT NOT NULL,
	value_b TEXT NOT NULL
);
CREATE INDEX disagreements_cluster ON disagreements (cluster);

-- event_view gains each event's cluster.
DROP VIEW event_view;
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
	d.coding,
	e.cluster
FROM events e
JOIN documents d ON d.pk = e.doc
JOIN actors sa ON sa.pk = e.source_actor
LEFT JOIN actors ta ON ta.pk = e.target_actor
LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence_index
LEFT JOIN cameo_codes c ON c.code = e.cameo
LEFT JOIN cameo_codes r ON r.code = e.root;
