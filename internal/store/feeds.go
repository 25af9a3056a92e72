package store

import (
	"context"
	"fmt"
	"time"
)

// Feed is what is kept about one feed that "dyad watch" polls.
type Feed struct {
	URL string
	// ETag and LastModified are the validators of the last full fetch,
	// sent back as If-None-Match and If-Modified-Since.
	ETag, LastModified string
	LastPoll           time.Time
	LastSuccess        time.Time
	LastError          string // the last failure, kept after later successes
	LastErrorAt        time.Time
	Failures           int       // consecutive failed polls
	NextPoll           time.Time // backing off until then; zero: poll at the next round
}

// The feed state of "dyad watch", in the feeds and feed_items tables the
// SQL backends share (migration 0006), read and written through Tx.

const feedColumns = `SELECT url, etag, last_modified, last_poll, last_success, last_error, last_error_at, failures, next_poll FROM feeds`

// QueryFeed returns the state of the feed at url, or Feed{URL: url} when
// it has never been polled.
func QueryFeed(ctx context.Context, db Tx, url string) (Feed, error) {
	fs, err := queryFeeds(ctx, db, feedColumns+` WHERE url = ?`, url)
	if err != nil {
		return Feed{}, fmt.Errorf("feed %s: %w", url, err)
	}
	if len(fs) == 0 {
		return Feed{URL: url}, nil
	}
	return fs[0], nil
}

// QueryFeeds lists every feed polled, ordered by URL.
func QueryFeeds(ctx context.Context, db Tx) ([]Feed, error) {
	fs, err := queryFeeds(ctx, db, feedColumns+` ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return fs, nil
}

func queryFeeds(ctx context.Context, db Tx, q string, args ...any) ([]Feed, error) {
	var fs []Feed
	err := db.Query(ctx, q, args, func(r Row) error {
		var f Feed
		var poll, success, errAt, next string
		if err := r.Scan(&f.URL, &f.ETag, &f.LastModified, &poll, &success, &f.LastError, &errAt, &f.Failures, &next); err != nil {
			return err
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
				return fmt.Errorf("feed %s: time %q: %w", f.URL, t.s, err)
			}
			*t.t = v
		}
		fs = append(fs, f)
		return nil
	})
	return fs, err
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// StoreFeed stores f's state, replacing what was kept for f.URL. The
// caller names the operation in its error.
func StoreFeed(ctx context.Context, tx Tx, f Feed) error {
	if f.URL == "" {
		return fmt.Errorf("no URL: %w", ErrInvalid)
	}
	return tx.Exec(ctx, `INSERT INTO feeds
		(url, etag, last_modified, last_poll, last_success, last_error, last_error_at, failures, next_poll)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_poll = excluded.last_poll, last_success = excluded.last_success, last_error = excluded.last_error,
			last_error_at = excluded.last_error_at, failures = excluded.failures, next_poll = excluded.next_poll`,
		f.URL, f.ETag, f.LastModified, timeText(f.LastPoll), timeText(f.LastSuccess),
		f.LastError, timeText(f.LastErrorAt), f.Failures, timeText(f.NextPoll))
}

// FeedItemSeen reports whether a feed item with this URL was handled, or
// content with this hash is known (handled from a feed, or stored as a
// document). An empty url or hash is not looked up.
func FeedItemSeen(ctx context.Context, db Tx, url, hash string) (bool, error) {
	seen := false
	err := db.Query(ctx, `SELECT 1 FROM feed_items WHERE url = ? AND url <> ''
		UNION ALL SELECT 1 FROM feed_items WHERE hash = ? AND hash <> ''
		UNION ALL SELECT 1 FROM documents WHERE hash = ? AND hash <> '' LIMIT 1`,
		[]any{url, hash, hash}, func(Row) error { seen = true; return nil })
	if err != nil {
		return false, fmt.Errorf("seen %s %s: %w", url, hash, err)
	}
	return seen, nil
}

// MarkFeedItem records the item at url of feed, with its content hash, as
// handled. The caller names the operation in its error.
func MarkFeedItem(ctx context.Context, tx Tx, feed, url, hash string) error {
	return tx.Exec(ctx, `INSERT INTO feed_items (url, feed, hash, seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET feed = excluded.feed, hash = excluded.hash, seen_at = excluded.seen_at`,
		url, feed, hash, time.Now().UTC().Format(time.RFC3339))
}
