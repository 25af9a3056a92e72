-- The flags of the SQLite store's 0009_cluster_counts.sql: for each
-- cluster, the event that stands for it (the first by cluster.Order) and,
-- in each direction of its pair, the first of that direction, set by the
-- clustering code (internal/store/clusters.go); an event without a
-- cluster stands for itself. A series of clusters counts the flagged
-- events with a GROUP BY over events_series, as a series of events counts
-- them all (0008_series.sql says why there is no table of counts here).
ALTER TABLE events ADD COLUMN cluster_first INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN cluster_first_way INTEGER NOT NULL DEFAULT 1;

-- Stored clusters are made again, with their flags, when the store is next
-- opened (store.ReclusterStale).
DELETE FROM store_meta WHERE key = 'clusters';

-- events_series carries the flags, so a series of clusters is read from
-- the index as a series of events is.
DROP INDEX events_series;
CREATE INDEX events_series ON events (source_key, target_key, date, quad, goldstein) INCLUDE (cluster_first, cluster_first_way);
