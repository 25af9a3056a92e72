-- The feeds "dyad watch" polls, and the feed items it has handled, so a
-- restart sends the same conditional requests, keeps backing off from a
-- failing feed and takes no item twice. Times are RFC 3339 UTC, '' for never.
CREATE TABLE feeds (
	url           TEXT COLLATE "C" PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_poll     TEXT NOT NULL DEFAULT '',
	last_success  TEXT NOT NULL DEFAULT '',
	last_error    TEXT NOT NULL DEFAULT '',
	last_error_at TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	next_poll     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
	url     TEXT COLLATE "C" PRIMARY KEY,
	feed    TEXT COLLATE "C" NOT NULL,
	hash    TEXT NOT NULL DEFAULT '',
	seen_at TEXT NOT NULL
);
CREATE INDEX feed_items_hash ON feed_items (hash);
