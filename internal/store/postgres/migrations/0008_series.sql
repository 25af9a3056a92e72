-- A dyad's series (dyad serve's /api/dyads/A/B/series) counts events by
-- month, quad class and Goldstein score. SQLite's 0008 also keeps those
-- counts in a table, dyad_months, under triggers; PostgreSQL does not:
-- with many workers writing at once, the one row a busy dyad's month
-- counts in would be updated by every worker storing one of its events,
-- and their transactions would queue on its lock. The counts are a GROUP
-- BY over events_series instead, which holds every column a series counts
-- after the dyad's keys (an index-only scan once autovacuum has set the
-- visibility map), and replaces events_dyad as SQLite's does.
CREATE INDEX events_series ON events (source_key, target_key, date, quad, goldstein);
DROP INDEX events_dyad;
