-- A dyad's series (dyad serve's /api/dyads/A/B/series) counts events by
-- month, quad class and Goldstein score. dyad_months keeps those counts,
-- kept in step with events by triggers, so a series over a busy dyad reads
-- a few hundred rows instead of its events; a series with filters the
-- table cannot answer (a root, a code, a day) reads events_series, which
-- holds every column it counts after the dyad's keys and so replaces
-- events_dyad.
CREATE INDEX events_series ON events (source_key, target_key, date, quad, goldstein);
DROP INDEX events_dyad;

CREATE TABLE dyad_months (
	source_key TEXT NOT NULL,
	target_key TEXT NOT NULL, -- '' for events without a target
	month      TEXT NOT NULL, -- the event date cut to the month: 2012-06, or 2012 when only the year is known
	quad       INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	events     INTEGER NOT NULL,
	PRIMARY KEY (source_key, target_key, month, quad, goldstein)
) WITHOUT ROWID;

INSERT INTO dyad_months (source_key, target_key, month, quad, goldstein, events)
	SELECT source_key, COALESCE(target_key, ''), substr(date, 1, 7), quad, goldstein, count(*)
	FROM events GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER events_months_ai AFTER INSERT ON events BEGIN
	INSERT INTO dyad_months (source_key, target_key, month, quad, goldstein, events)
	VALUES (new.source_key, COALESCE(new.target_key, ''), substr(new.date, 1, 7), new.quad, new.goldstein, 1)
	ON CONFLICT DO UPDATE SET events = events + 1;
END;

CREATE TRIGGER events_months_ad AFTER DELETE ON events BEGIN
	UPDATE dyad_months SET events = events - 1
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein;
	DELETE FROM dyad_months
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein AND events <= 0;
END;

CREATE TRIGGER events_months_au AFTER UPDATE OF source_key, target_key, date, quad, goldstein ON events BEGIN
	UPDATE dyad_months SET events = events - 1
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein;
	DELETE FROM dyad_months
	WHERE source_key = old.source_key AND target_key = COALESCE(old.target_key, '')
		AND month = substr(old.date, 1, 7) AND quad = old.quad AND goldstein = old.goldstein AND events <= 0;
	INSERT INTO dyad_months (source_key, target_key, month, quad, goldstein, events)
	VALUES (new.source_key, COALESCE(new.target_key, ''), substr(new.date, 1, 7), new.quad, new.goldstein, 1)
	ON CONFLICT DO UPDATE SET events = events + 1;
END;
