package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestSentences(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("s.txt", "s", "2012", "Russia met China.", "China met Russia.")
	if _, err := s.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Sentences(ctx, d.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Sentences = %d sentences, want 2", len(got))
	}
	for i, st := range got {
		want := d.Sentences[i]
		if st.Index != i || st.Text != want.Text || st.Start != want.Start || st.End != want.End || d.Text[st.Start:st.End] != st.Text {
			t.Errorf("sentence %d = %+v, want %+v with its offsets in the text", i, st, want)
		}
	}
	if _, err := s.Sentences(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sentences(nope) error = %v, want ErrNotFound", err)
	}
}

// TestTallies: the tallies of a filter add up, by date and quad class, to
// the events the filter selects.
func TestTallies(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("t.txt", "t", "2012-06-07", "S0.", "S1.", "S2.")
	evs := []doc.Event{
		storetest.Event(d, "a", 0, "RUSGOV", "CHN", "042", "2012-06-05"),
		storetest.Event(d, "b", 1, "RUSGOV", "CHN", "042", "2012-06-05"),
		storetest.Event(d, "c", 2, "CHNGOV", "RUS", "042", "2012-06"),
		storetest.Event(d, "d", 2, "USA", "CHN", "190", "2013"),
	}
	evs[3].Quad, evs[3].Goldstein = 4, -10
	if _, err := s.PutDocument(ctx, d, evs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    store.Filter
		want []store.Tally
	}{
		{store.Filter{}, []store.Tally{tally("2012-06", 1, 1.9, 1), tally("2012-06-05", 1, 1.9, 2), tally("2013", 4, -10, 1)}},
		{store.Filter{Dyad: "RUS-CHN"}, []store.Tally{tally("2012-06-05", 1, 1.9, 2)}},
		{store.Filter{Dyad: "RUS-CHN", Both: true}, []store.Tally{tally("2012-06", 1, 1.9, 1), tally("2012-06-05", 1, 1.9, 2)}},
		{store.Filter{Source: "USA"}, []store.Tally{tally("2013", 4, -10, 1)}},
		{store.Filter{Source: "rusgov", Target: "CHN"}, []store.Tally{tally("2012-06-05", 1, 1.9, 2)}},
		{store.Filter{Source: "RUS", Target: "CHNGOV"}, nil},
		{store.Filter{Source: "CHNGOV"}, []store.Tally{tally("2012-06", 1, 1.9, 1)}},
		{store.Filter{Target: "RUSGOV"}, nil},
		{store.Filter{Doc: "t.txt", Root: "19"}, []store.Tally{tally("2013", 4, -10, 1)}},
		{store.Filter{Doc: "nope"}, nil},
		{store.Filter{Dyad: "USA-RUS"}, nil},
	} {
		got, err := s.Tallies(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tallies(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	if _, err := s.Tallies(ctx, store.Filter{Limit: 3}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Tallies with a limit: %v, want ErrInvalid", err)
	}
	if err := s.Analyze(ctx); err != nil {
		t.Errorf("Analyze: %v", err)
	}
}

func tally(date string, quad int, goldstein float64, events int) store.Tally {
	return store.Tally{Date: date, Quad: quad, Goldstein: goldstein, Events: events}
}
