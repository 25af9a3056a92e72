package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestSentences(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
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
	if h, err := s.DocumentHash(ctx, "s.txt"); err != nil || h != d.Hash {
		t.Errorf("DocumentHash(s.txt) = %q, %v; want %s", h, err, d.Hash)
	}
	if _, err := s.DocumentHash(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentHash(nope) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Sentences(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sentences(nope) error = %v, want ErrNotFound", err)
	}
}

// TestTallies: the tallies of a filter add up, by date and quad class, to
// the events the filter selects.
func TestTallies(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
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
		{store.Filter{}, []store.Tally{tally("2012-06", 1, 1.9, 3), tally("2013", 4, -10, 1)}},
		{store.Filter{Dyad: "RUS-CHN"}, []store.Tally{tally("2012-06", 1, 1.9, 2)}},
		{store.Filter{Dyad: "RUS-CHN", Both: true}, []store.Tally{tally("2012-06", 1, 1.9, 3)}},
		{store.Filter{Source: "USA"}, []store.Tally{tally("2013", 4, -10, 1)}},
		{store.Filter{Source: "rusgov", Target: "CHN"}, []store.Tally{tally("2012-06", 1, 1.9, 2)}},
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

// TestMonthsAgree: dyad_months, kept by triggers through puts, re-codings
// and removals, answers every filter it can as counting the events does.
func TestMonthsAgree(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var docs []*doc.Document
	codes := []string{"RUSGOV", "CHN", "USA", "IRN", "IGOUNO"}
	dates := []string{"2012-06-05", "2012-06", "2012", "2013-01-31", "2014-12-01", "2012-07-15"}
	for i := range 12 {
		d := storetest.Doc(fmt.Sprintf("m%02d", i), "months", "2014-01-01", "S0.", "S1.", "S2.")
		var evs []doc.Event
		for k := range 6 {
			src, tgt := codes[(i+k)%5], codes[(i*2+k+1)%5]
			if k == 5 {
				tgt = ""
			}
			e := storetest.Event(d, fmt.Sprintf("%s-%d", d.ID, k), k%3, src, tgt, []string{"042", "190", "057"}[k%3], dates[(i+k)%len(dates)])
			e.Quad, e.Goldstein = []int{1, 4, 2}[k%3], []float64{1.9, -10, 8}[k%3]
			evs = append(evs, e)
		}
		if _, err := s.PutDocument(ctx, d, evs); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	check := func(stage string) {
		t.Helper()
		for _, f := range []store.Filter{
			{}, {Dyad: "RUS-CHN"}, {Dyad: "CHN-RUS"}, {Dyad: "RUS"}, {Dyad: "-IGO"}, {Source: "USA"}, {Target: "IRN", Quad: 4},
			{Dyad: "RUS-CHN", Since: "2012-06"}, {Dyad: "USA-IRN", Until: "2012"}, {Since: "2012-07", Until: "2013"}, {Source: "igo", Target: "rus"},
		} {
			if _, _, ok := monthsSQL(f); !ok {
				t.Fatalf("monthsSQL(%+v) declines a filter it can answer", f)
			}
			for _, flag := range []string{"", "cluster_first", "cluster_first_way"} {
				got, err := s.tallies(ctx, f, flag)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.eventTallies(ctx, f, flag)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: %+v %s: dyad_months says %v, the events %v", stage, f, flag, got, want)
				}
			}
		}
	}
	check("after puts")
	// A re-coding with other events, and removals.
	d := docs[3]
	if err := s.Replace(ctx, d, []doc.Event{storetest.Event(d, "new", 0, "RUSGOV", "CHN", "042", "2012-06-30")}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"m00", "m07"} {
		if n, err := s.Remove(ctx, id); err != nil || n != 1 {
			t.Fatalf("Remove(%s) = %d, %v", id, n, err)
		}
	}
	check("after a re-coding and removals")
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM dyad_months WHERE events <= 0 OR clusters < 0 OR clusters_way < 0`).Scan(&rows); err != nil || rows > 0 {
		t.Errorf("dyad_months keeps %d empty rows (%v)", rows, err)
	}
}

// TestPagesEitherWay: a page of events is the same whether it is read by
// walking the documents or through an index and a sort.
func TestPagesEitherWay(t *testing.T) {
	for _, walkMin := range []int{0, 1 << 30} {
		storetest.Run(t, func(t *testing.T) store.Store {
			s, err := Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			s.walkMin = walkMin
			return s
		})
	}
}

// openTemp opens a new store in a temporary folder, closed at the end of
// the test.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestDyadTallies: dyad tallies from dyad_months and from the events
// agree, and the overview's dates and latest documents are read.
func TestDyadTallies(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	d1 := storetest.Doc("a", "x", "2012-06-07", "S0.", "S1.")
	d2 := storetest.Doc("b", "x", "2014-01-02", "S0.", "S1.")
	if _, err := s.PutDocument(ctx, d1, []doc.Event{
		storetest.Event(d1, "a1", 0, "RUSGOV", "CHN", "042", "2012-06-05"),
		storetest.Event(d1, "a2", 1, "RUSGOV", "", "042", "2012-06-05"),
	}); err != nil {
		t.Fatal(err)
	}
	e := storetest.Event(d2, "b1", 0, "CHN", "RUS", "190", "2014")
	e.Goldstein = -10
	if _, err := s.PutDocument(ctx, d2, []doc.Event{e, storetest.Event(d2, "b2", 1, "RUSGOV", "CHN", "042", "2014-01")}); err != nil {
		t.Fatal(err)
	}
	want := []store.DyadTally{{Source: "CHN", Target: "RUS", Events: 1, GoldsteinHundredths: -1000}, {Source: "RUS", Target: "", Events: 1, GoldsteinHundredths: 190}, {Source: "RUS", Target: "CHN", Events: 2, GoldsteinHundredths: 380}}
	sortTallies := func(ts []store.DyadTally) {
		slices.SortFunc(ts, func(a, b store.DyadTally) int { return strings.Compare(a.Source+"-"+a.Target, b.Source+"-"+b.Target) })
	}
	sortTallies(want)
	for _, f := range []store.Filter{{}, {Root: "04", Dyad: "RUS-CHN"}, {Since: "2014"}} {
		got, err := s.DyadTallies(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		sortTallies(got)
		var w []store.DyadTally
		switch {
		case f.Root != "":
			w = want[2:]
		case f.Since != "":
			w = []store.DyadTally{want[0], {Source: "RUS", Target: "CHN", Events: 1, GoldsteinHundredths: 190}}
		default:
			w = want
		}
		if !slices.Equal(got, w) {
			t.Errorf("DyadTallies(%+v) = %v, want %v", f, got, w)
		}
	}
	if first, last, err := s.Published(ctx); err != nil || first != "2012-06-07" || last != "2014-01-02" {
		t.Errorf("Published = %q, %q, %v", first, last, err)
	}
	if latest, err := s.Latest(ctx, 1); err != nil || len(latest) != 1 || latest[0].ID != "b" {
		t.Errorf("Latest(1) = %+v, %v; want document b", latest, err)
	}
}
