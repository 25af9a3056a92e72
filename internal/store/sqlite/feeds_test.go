package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// TestFeedState round-trips a feed's state through a closed and reopened
// file (storetest's Feeds checks the rest on every backend).
func TestFeedState(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "feeds.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := s.Feed(ctx, "https://example.com/rss"); err != nil || f != (store.Feed{URL: "https://example.com/rss"}) {
		t.Fatalf("unknown feed = %+v, %v; want only its URL", f, err)
	}
	at := time.Date(2026, 12, 6, 11, 30, 0, 123, time.UTC)
	want := store.Feed{URL: "https://example.com/rss", ETag: `"abc"`, LastModified: "Sun, 06 Dec 2026 10:00:00 GMT",
		LastPoll: at, LastError: "HTTP 503", LastErrorAt: at.Add(-time.Hour), Failures: 2, NextPoll: at.Add(time.Hour)}
	if err := s.PutFeed(ctx, want); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, want.URL, "https://example.com/a/1", "hash-1"); err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{ID: "x", Hash: "hash-doc", Origin: "x.txt", Text: "Text."}
	if _, err := s.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()

	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Feed(ctx, want.URL)
	if err != nil || !got.LastPoll.Equal(want.LastPoll) || !got.NextPoll.Equal(want.NextPoll) || !got.LastSuccess.IsZero() ||
		got.ETag != want.ETag || got.LastModified != want.LastModified || got.Failures != 2 || got.LastError != want.LastError {
		t.Errorf("feed after reopening = %+v, %v\nwant %+v", got, err, want)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 {
		t.Errorf("Feeds = %v, %v", feeds, err)
	}
	for _, hash := range []string{"hash-1", "hash-doc"} {
		if seen, err := s.Seen(ctx, "", hash); err != nil || !seen {
			t.Errorf("after reopening, Seen(%q) = %v, %v; want true", hash, seen, err)
		}
	}
}
