-- Series count clusters by default (each real-world event once): for each
-- cluster, the event that stands for it (the first by cluster.Order) and,
-- in each direction of its pair, the first of that direction. The
-- clustering code (internal/store/clusters.go) sets the two flags when it
-- stores a cluster; an event without a cluster stands for itself.
-- dyad_months counts, besides every event, the events that stand for
-- their cluster (clusters: a dyad's series both ways, which reads both
-- directions' rows) and those that stand for it in their direction
-- (clusters_way: a series one way), so a series of clusters reads a few
-- hundred rows as a series of events does.
ALTER TABLE events ADD COLUMN cluster_first INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN cluster_first_way INTEGER NOT NULL DEFAULT 1;

ALTER TABLE dyad_months ADD COLUMN clusters INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dyad_months ADD COLUMN clusters_way INTEGER NOT NULL DEFAULT 0;
UPDATE dyad_months SET clusters = events, clusters_way = events;

DROP TRIGGER events_months_ai;
DROP TRIGGER events_months_ad;
DROP TRIGGER events_months_au;

CREATE TRIGGER events_months_ai AFTER INSERT ON events BEGIN
	INSERT INTO dyad_months (source_key, target_key, month, quad, goldstein, events, clusters, clusters_way)
	VALUES (new.source_key, COALESCE(new.target_key, ''), substr(new.date, 1, 7), new.quad, new.goldstein, 1,
		new.cluster_first, new.cluster_first_way)
	ON CONFLICT DO UPDATE SET events = events + 1, clusters = clusters + excluded.clusters,
		clusters_way = clusters_way + excluded.clusters_way;
END;

CREATE TRIGGER events_months_ad AFTER DELETE ON events BEGIN
	UPDATE dyad_months SET events = events - 1, clusters = clusters - old.cluster_first,
		clusters_way = clusters_way - old.cluster_first_way
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein;
	DELETE FROM dyad_months
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein AND events <= 0;
END;

CREATE TRIGGER events_months_au AFTER UPDATE OF source_key, target_key, date, quad, goldstein, cluster_first, cluster_first_way ON events BEGIN
	UPDATE dyad_months SET events = events - 1, clusters = clusters - old.cluster_first,
		clusters_way = clusters_way - old.cluster_first_way
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein;
	DELETE FROM dyad_months
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein AND events <= 0;
	INSERT INTO dyad_months (source_key, target_key, month, quad, goldstein, events, clusters, clusters_way)
	VALUES (new.source_key, COALESCE(new.target_key, ''), substr(new.date, 1, 7), new.quad, new.goldstein, 1,
		new.cluster_first, new.cluster_first_way)
	ON CONFLICT DO UPDATE SET events = events + 1, clusters = clusters + excluded.clusters,
		clusters_way = clusters_way + excluded.clusters_way;
END;

-- Stored clusters are made again, with their flags, when the store is next
-- opened (store.ReclusterStale).
DELETE FROM store_meta WHERE key = 'clusters';
