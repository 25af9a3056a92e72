package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

// Feed returns the state of the feed at url, or store.Feed{URL: url} when
// it has never been polled.
func (s *Store) Feed(ctx context.Context, url string) (store.Feed, error) {
	rows, err := s.db.QueryContext(ctx, feedColumns+` WHERE url = ?`, url)
	if err != nil {
		return store.Feed{}, fmt.Errorf("feed %s: %w", url, err)
	}
	fs, err := scanFeeds(rows)
	if err != nil {
		return store.Feed{}, fmt.Errorf("feed %s: %w", url, err)
	}
	if len(fs) == 0 {
		return store.Feed{URL: url}, nil
	}
	return fs[0], nil
}

// Feeds lists every feed polled, ordered by URL.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.db.QueryContext(ctx, feedColumns+` ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	fs, err := scanFeeds(rows)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return fs, nil
}

const feedColumns = `SELECT url, etag, last_modified, last_poll, last_success, last_error, last_error_at, failures, next_poll FROM feeds`

func scanFeeds(rows *sql.Rows) ([]store.Feed, error) {
	defer rows.Close()
	var fs []store.Feed
	for rows.Next() {
		var f store.Feed
		var poll, success, errAt, next string
		if err := rows.Scan(&f.URL, &f.ETag, &f.LastModified, &poll, &success, &f.LastError, &errAt, &f.Failures, &next); err != nil {
			return nil, err
		}
		for _, t := range []struct {
			s string
			t *time.Time
		}{{poll, &f.LastPoll}, {success, &f.LastSuccess}, {errAt, &f.LastErrorAt}, {next, &f.NextPoll}} {
			if t.s == "" {
				continue
			}
			v, err := time.Parse(time.RFC3339Nano, t.s)
			if err != nil {
				return nil, fmt.Errorf("feed %s: time %q: %w", f.URL, t.s, err)
			}
			*t.t = v
		}
		fs = append(fs, f)
	}
	return fs, rows.Err()
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// PutFeed stores f's state, replacing what was kept for f.URL.
func (s *Store) PutFeed(ctx context.Context, f store.Feed) error {
	if f.URL == "" {
		return fmt.Errorf("put feed: no URL: %w", store.ErrInvalid)
	}
	return s.inTx(ctx, "put feed "+f.URL, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO feeds
			(url, etag, last_modified, last_poll, last_success, last_error, last_error_at, failures, next_poll)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.URL, f.ETag, f.LastModified, timeText(f.LastPoll), timeText(f.LastSuccess),
			f.LastError, timeText(f.LastErrorAt), f.Failures, timeText(f.NextPoll))
		return err
	})
}

// Seen reports whether a feed item with this URL was handled, or content
// with this hash is known (handled from a feed, or stored as a document).
// An empty url or hash is not looked up.
func (s *Store) Seen(ctx context.Context, url, hash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM feed_items WHERE url = ? AND ? <> ''
		UNION ALL SELECT 1 FROM feed_items WHERE hash = ? AND ? <> ''
		UNION ALL SELECT 1 FROM documents WHERE hash = ? AND ? <> '' LIMIT 1`,
		url, url, hash, hash, hash, hash).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("seen %s %s: %w", url, hash, err)
	}
	return true, nil
}

// MarkSeen records the item at url of feed, with its content hash, as
// handled.
func (s *Store) MarkSeen(ctx context.Context, feed, url, hash string) error {
	return s.inTx(ctx, "mark item "+url, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO feed_items (url, feed, hash, seen_at) VALUES (?, ?, ?, ?)`,
			url, feed, hash, time.Now().UTC().Format(time.RFC3339))
		return err
	})
}
