package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad/internal/store"
)

// Feed returns the state of the feed at url, or store.Feed{URL: url} when
// it has never been polled.
func (s *Store) Feed(ctx context.Context, url string) (store.Feed, error) {
	return store.QueryFeed(ctx, pgTx{s.pool}, url)
}

// Feeds lists every feed polled, ordered by URL.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	return store.QueryFeeds(ctx, pgTx{s.pool})
}

// PutFeed stores f's state, replacing what was kept for f.URL.
func (s *Store) PutFeed(ctx context.Context, f store.Feed) error {
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return store.StoreFeed(ctx, pgTx{tx}, f) }); err != nil {
		return fmt.Errorf("put feed %s: %w", f.URL, err)
	}
	return nil
}

// Seen reports whether a feed item with this URL was handled, or content
// with this hash is known (handled from a feed, or stored as a document).
// An empty url or hash is not looked up.
func (s *Store) Seen(ctx context.Context, url, hash string) (bool, error) {
	return store.FeedItemSeen(ctx, pgTx{s.pool}, url, hash)
}

// MarkSeen records the item at url of feed, with its content hash, as
// handled.
func (s *Store) MarkSeen(ctx context.Context, feed, url, hash string) error {
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return store.MarkFeedItem(ctx, pgTx{tx}, feed, url, hash) }); err != nil {
		return fmt.Errorf("mark item %s: %w", url, err)
	}
	return nil
}
