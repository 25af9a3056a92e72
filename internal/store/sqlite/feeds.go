package sqlite

import (
	"context"
	"database/sql"

	"github.com/dyad-events/dyad/internal/store"
)

// Feed returns the state of the feed at url, or store.Feed{URL: url} when
// it has never been polled.
func (s *Store) Feed(ctx context.Context, url string) (store.Feed, error) {
	return store.QueryFeed(ctx, sqlTx{s.reader()}, url)
}

// Feeds lists every feed polled, ordered by URL.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	return store.QueryFeeds(ctx, sqlTx{s.reader()})
}

// PutFeed stores f's state, replacing what was kept for f.URL.
func (s *Store) PutFeed(ctx context.Context, f store.Feed) error {
	return s.inTx(ctx, "put feed "+f.URL, func(tx *sql.Tx) error {
		return store.StoreFeed(ctx, sqlTx{s.writer(tx)}, f)
	})
}

// Seen reports whether a feed item with this URL was handled, or content
// with this hash is known (handled from a feed, or stored as a document).
// An empty url or hash is not looked up.
func (s *Store) Seen(ctx context.Context, url, hash string) (bool, error) {
	return store.FeedItemSeen(ctx, sqlTx{s.reader()}, url, hash)
}

// MarkSeen records the item at url of feed, with its content hash, as
// handled.
func (s *Store) MarkSeen(ctx context.Context, feed, url, hash string) error {
	return s.inTx(ctx, "mark item "+url, func(tx *sql.Tx) error {
		return store.MarkFeedItem(ctx, sqlTx{s.writer(tx)}, feed, url, hash)
	})
}
