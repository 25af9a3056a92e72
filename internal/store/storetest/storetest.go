// Package storetest is the test suite every store.Store backend runs, so
// SQLite and PostgreSQL keep exactly the same behaviour.
package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Run runs the suite. open must return a new, empty store for each call;
// Run closes it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Order", testOrder},
		{"Idempotent", testIdempotent},
		{"SameIDNewContent", testSameIDNewContent},
		{"Filter", testFilter},
		{"Search", testSearch},
		{"Counts", testCounts},
		{"Documents", testDocuments},
		{"NoEvents", testNoEvents},
		{"Concurrent", testConcurrent},
		{"Cancelled", testCancelled},
		{"CancelledMidway", testCancelledMidway},
		{"Invalid", testInvalid},
		{"EventIDConflict", testEventIDConflict},
		{"Document", testDocument},
		{"Replace", testReplace},
		{"ReplaceConflict", testReplaceConflict},
		{"Remove", testRemove},
		{"Clusters", testClusters},
		{"ClusterCounts", testClusterCounts},
		{"StoriesAtOnce", testStoriesAtOnce},
		{"Batch", testBatch},
		{"StoriesBatched", testStoriesBatched},
		{"Feeds", testFeeds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tt.fn(t, s)
		})
	}
}

// Fixtures.

// Doc returns a cleaned document with the given sentences, identified by
// id and a hash derived from id and seed.
func Doc(id, seed, published string, sentences ...string) *doc.Document {
	d := &doc.Document{
		ID:        id,
		Origin:    "testdata/" + id,
		Hash:      fmt.Sprintf("%064x", fnv(id+"\x00"+seed)),
		Format:    "text",
		Title:     "Title of " + id,
		Source:    "Xinhua",
		Published: published,
		DateFrom:  "manifest",
		Coding:    "dyad=test dicts=embedded " + testTables,
	}
	var b strings.Builder
	for i, s := range sentences {
		if i > 0 {
			b.WriteString(" ")
		}
		start := b.Len()
		b.WriteString(s)
		d.Sentences = append(d.Sentences, doc.Sentence{
			Index: i, Start: start, End: b.Len(), Text: s, Paragraph: i / 2, Codable: i != 1,
		})
	}
	d.Text = b.String()
	d.Body = d.Text
	d.Raw = []byte(d.Text)
	d.Paragraphs = []doc.Paragraph{{Start: 0, End: len(d.Text), Kind: doc.Body}}
	return d
}

const testTables = "cameo=1.1b3 goldstein=gdelt plover=0.5b1"

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Event returns an event of d coded from sentence i, with source and
// target actors from codes like "RUSGOV" (target "" for none).
func Event(d *doc.Document, id string, i int, src, tgt, cameo, date string) doc.Event {
	s := d.Sentences[i]
	e := doc.Event{
		ID: id, Doc: d.ID, DocDate: d.Published, DocDateFrom: d.DateFrom,
		Sentence: s.Text, SentenceIndex: s.Index, Span: [2]int{s.Start, s.End},
		Source: actor(src, "Russian President Vladimir Putin"),
		CAMEO:  cameo, Root: cameo[:2], PLOVER: "CONSULT", Goldstein: 1.9, Quad: 1,
		Trigger: "met", Date: date, DatePrecision: doc.PrecisionDay, Modality: doc.Asserted,
		Tables: testTables, Confidence: 0.75,
		Outlet: d.Source, Coding: d.Coding,
	}
	if store.IsURL(d.Origin) {
		e.URL = d.Origin
	}
	if tgt != "" {
		a := actor(tgt, "China")
		e.Target = &a
	}
	return e
}

func actor(code, text string) doc.Actor {
	a := doc.Actor{Text: text, Code: code}
	if len(code) >= 3 && !strings.HasPrefix(code, "IGO") && !strings.HasPrefix(code, "NGO") {
		a.Country = code[:3]
	}
	if code == "RUSGOV" {
		a.Name, a.Role = "Vladimir Putin", "president"
	}
	return a
}

func put(t *testing.T, s store.Store, d *doc.Document, events []doc.Event) {
	t.Helper()
	added, err := s.PutDocument(context.Background(), d, events)
	if err != nil {
		t.Fatalf("PutDocument(%s): %v", d.ID, err)
	}
	if !added {
		t.Fatalf("PutDocument(%s) added = false on first put", d.ID)
	}
}

func events(t *testing.T, s store.Store, f store.Filter) []doc.Event {
	t.Helper()
	got, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v): %v", f, err)
	}
	return got
}

func counts(t *testing.T, s store.Store) store.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

func ids(es []doc.Event) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func diffEvents(t *testing.T, got, want []doc.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events %v, want %d %v", len(got), ids(got), len(want), ids(want))
	}
	for i := range want {
		if got[i].Cluster == "" {
			t.Errorf("event %s: stored without a cluster", got[i].ID)
		}
		if want[i].Cluster == "" {
			got[i].Cluster = "" // the store's, checked by testClusters
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("event %d:\n got %#v\nwant %#v", i, got[i], want[i])
			if got[i].Target != nil && want[i].Target != nil {
				t.Errorf("target: got %#v want %#v", *got[i].Target, *want[i].Target)
			}
		}
	}
}

var putinDoc = []string{
	"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China.",
	"Xinhua, June 7 (2012)",
	"Putin met with Chinese President Hu Jintao, and the two sides signed a \"strategic\" agreement worth US $3.5 billion.",
	"They also attended the Shanghai Cooperation Organization summit in Zürich-like weather.",
}

func fullEvents(d *doc.Document) []doc.Event {
	e0 := Event(d, "ev-0", 0, "RUSGOV", "CHN", "042", "2012-06-05")
	e0.Location = &doc.Location{Text: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4}
	e1 := Event(d, "ev-1", 0, "RUSGOV", "", "010", "2012-06-05")
	e1.Trigger, e1.Goldstein, e1.Quad, e1.PLOVER = "arrived", 0, 1, "OTHER"
	e2 := Event(d, "ev-2", 2, "RUSGOV", "CHNGOV", "057", "2012-06")
	e2.Target.Text, e2.Target.Name, e2.Target.Role = "Chinese President Hu Jintao", "Hu Jintao", "president"
	e2.DatePrecision, e2.Modality, e2.Goldstein, e2.Quad = doc.PrecisionMonth, doc.Reported, 8, 2
	e2.Quantities = []doc.Quantity{{Text: "US $3.5 billion", Value: 3.5e9, Unit: "USD"},
		{Text: "150 to 200 billion yuan", Value: 150e9, Max: 200e9, Unit: "CNY", Year: 2014, USD: 24.3e9, USDMax: 32.4e9, USDFrom: doc.USDFromRate, RateYear: 2014}}
	e1.Magnitudes = []doc.Magnitude{{Kind: doc.Dead, Text: "at least three", Value: 3, Bound: "min"}, {Kind: doc.Size, Text: "200", Value: 200}}
	e3 := Event(d, "ev-3", 2, "CHNGOV", "RUSGOV", "057", "2012")
	e3.Source.Text = "Hu Jintao"
	e3.DatePrecision, e3.Quantities = doc.PrecisionYear, []doc.Quantity{}
	e3.Location = &doc.Location{Text: "somewhere"}
	// An event whose sentence is not one of the document's sentences (a
	// coder may join or trim): the store must keep its own text.
	e4 := Event(d, "ev-4", 3, "IGOUNO", "RUS", "043", "2012-06-07")
	e4.Sentence, e4.Span = "They also attended the summit.", [2]int{7, 42}
	e4.DatePrecision, e4.Modality, e4.Tables = doc.PrecisionDoc, doc.Planned, ""
	return []doc.Event{e0, e1, e2, e3, e4}
}

func testRoundTrip(t *testing.T, s store.Store) {
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	d.Origin = "https://example.org/news/putin-in-beijing"
	want := fullEvents(d)
	put(t, s, d, want)
	diffEvents(t, events(t, s, store.Filter{}), want)
}

func testOrder(t *testing.T, s store.Store) {
	b := Doc("b.txt", "b", "2012-01-01", "One.", "Two.", "Three.")
	a := Doc("a.txt", "a", "2012-01-01", "One.", "Two.")
	bEvents := []doc.Event{
		Event(b, "b2", 2, "RUS", "CHN", "042", "2012-01-01"),
		Event(b, "b0x", 0, "RUS", "CHN", "042", "2012-01-01"),
		Event(b, "b1", 1, "RUS", "CHN", "042", "2012-01-01"),
		Event(b, "b0a", 0, "RUS", "CHN", "042", "2012-01-01"),
	}
	aEvents := []doc.Event{Event(a, "a1", 1, "RUS", "CHN", "042", "2012-01-01"), Event(a, "a0", 0, "RUS", "CHN", "042", "2012-01-01")}
	put(t, s, b, bEvents)
	put(t, s, a, aEvents)
	got := ids(events(t, s, store.Filter{}))
	want := []string{"a0", "a1", "b0x", "b0a", "b1", "b2"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v (by doc, sentence, insertion)", got, want)
	}
	if got := ids(events(t, s, store.Filter{Limit: 3})); !slices.Equal(got, want[:3]) {
		t.Errorf("Limit 3 = %v, want %v", got, want[:3])
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	want := fullEvents(d)
	put(t, s, d, want)
	before := counts(t, s)
	// Same content again, even with other events (dictionaries changed):
	// the stored document wins.
	again := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	for _, evs := range [][]doc.Event{fullEvents(again), nil, fullEvents(again)[:1]} {
		added, err := s.PutDocument(ctx, again, evs)
		if err != nil {
			t.Fatalf("second PutDocument: %v", err)
		}
		if added {
			t.Errorf("second PutDocument added = true, want false")
		}
	}
	if after := counts(t, s); after != before {
		t.Errorf("counts after re-put = %+v, want %+v", after, before)
	}
	diffEvents(t, events(t, s, store.Filter{}), want)
}

func testSameIDNewContent(t *testing.T, s store.Store) {
	v1 := Doc("report.txt", "v1", "2012-06-07", "Russia met China.")
	v2 := Doc("report.txt", "v2", "2012-06-08", "Russia met China again.")
	put(t, s, v1, []doc.Event{Event(v1, "v1-e", 0, "RUS", "CHN", "042", "2012-06-07")})
	put(t, s, v2, []doc.Event{Event(v2, "v2-e", 0, "RUS", "CHN", "042", "2012-06-08")})
	got := events(t, s, store.Filter{Doc: "report.txt"})
	if g := ids(got); !slices.Equal(g, []string{"v1-e", "v2-e"}) {
		t.Fatalf("events of report.txt = %v, want both versions' events", g)
	}
	if got[1].Sentence != "Russia met China again." {
		t.Errorf("second version's sentence = %q", got[1].Sentence)
	}
	if c := counts(t, s); c.Documents != 2 {
		t.Errorf("Documents = %d, want 2", c.Documents)
	}
}

func testFilter(t *testing.T, s store.Store) {
	d1 := Doc("d1", "1", "2012-06-07", "S0.", "S1.", "S2.")
	d2 := Doc("d2", "2", "2013-09-01", "T0.", "T1.")
	put(t, s, d1, []doc.Event{
		Event(d1, "rc-042", 0, "RUSGOV", "CHN", "042", "2012-06-05"),
		Event(d1, "cr-057", 1, "CHNGOV", "RUSGOV", "057", "2012-06"),
		Event(d1, "rn-010", 2, "RUS", "", "010", "2012"),
	})
	ru := Event(d2, "ru-190", 1, "RUSMIL", "UKR", "190", "2014-03-01")
	ru.Quad, ru.PLOVER = 4, "ASSAULT"
	rc := Event(d2, "rc-0431", 1, "RUS", "CHN", "0431", "2013-12-31")
	rc.Modality = doc.Planned
	put(t, s, d2, []doc.Event{Event(d2, "un-043", 0, "IGOUNO", "RUS", "043", "2013-09-01"), ru, rc})
	tests := []struct {
		f    store.Filter
		want []string
	}{
		{store.Filter{}, []string{"rc-042", "cr-057", "rn-010", "un-043", "ru-190", "rc-0431"}},
		{store.Filter{Dyad: "RUS-CHN"}, []string{"rc-042", "rc-0431"}},
		{store.Filter{Dyad: "rus-chn"}, []string{"rc-042", "rc-0431"}},
		{store.Filter{Dyad: "CHN-RUS"}, []string{"cr-057"}},
		{store.Filter{Dyad: "RUS-CHN", Both: true}, []string{"rc-042", "cr-057", "rc-0431"}},
		{store.Filter{Dyad: "CHN-RUS", Both: true}, []string{"rc-042", "cr-057", "rc-0431"}},
		{store.Filter{Dyad: "RUS"}, []string{"rc-042", "rn-010", "ru-190", "rc-0431"}},
		{store.Filter{Dyad: "RUS-"}, []string{"rc-042", "rn-010", "ru-190", "rc-0431"}},
		{store.Filter{Dyad: "-RUS"}, []string{"cr-057", "un-043"}},
		{store.Filter{Dyad: "UKR", Both: true}, []string{"ru-190"}},
		{store.Filter{Dyad: "IGO-RUS"}, []string{"un-043"}},
		{store.Filter{Dyad: "USA-CHN"}, []string{}},
		{store.Filter{Root: "04"}, []string{"rc-042", "un-043", "rc-0431"}},
		{store.Filter{Root: "19"}, []string{"ru-190"}},
		{store.Filter{Since: "2012-06"}, []string{"rc-042", "cr-057", "un-043", "ru-190", "rc-0431"}},
		{store.Filter{Since: "2013"}, []string{"un-043", "ru-190", "rc-0431"}},
		{store.Filter{Until: "2012-06"}, []string{"rc-042", "cr-057", "rn-010"}},
		// Comparison is by string: a month-precision "2012-06" sorts before
		// "2012-06-04" and so is kept, as "2012" is.
		{store.Filter{Until: "2012-06-04"}, []string{"cr-057", "rn-010"}},
		{store.Filter{Until: "2013-12-31"}, []string{"rc-042", "cr-057", "rn-010", "un-043", "rc-0431"}},
		{store.Filter{Since: "2012-06-05", Until: "2013-09"}, []string{"rc-042", "un-043"}},
		{store.Filter{Doc: "d2"}, []string{"un-043", "ru-190", "rc-0431"}},
		{store.Filter{Doc: "nope"}, []string{}},
		{store.Filter{Doc: "d2", Root: "04", Dyad: "RUS-CHN"}, []string{"rc-0431"}},
		{store.Filter{Limit: 2, Root: "04"}, []string{"rc-042", "un-043"}},
		{store.Filter{Source: "RUS"}, []string{"rc-042", "rn-010", "ru-190", "rc-0431"}},
		{store.Filter{Source: "rusgov"}, []string{"rc-042"}},
		{store.Filter{Source: "RUSMIL", Target: "UKR"}, []string{"ru-190"}},
		{store.Filter{Target: "RUSGOV"}, []string{"cr-057"}},
		{store.Filter{Source: "IGO"}, []string{"un-043"}},
		{store.Filter{Target: "RUS"}, []string{"cr-057", "un-043"}},
		{store.Filter{Code: "04"}, []string{"rc-042", "un-043", "rc-0431"}},
		{store.Filter{Code: "043"}, []string{"un-043", "rc-0431"}},
		{store.Filter{Code: "0431"}, []string{"rc-0431"}},
		{store.Filter{Quad: 4}, []string{"ru-190"}},
		{store.Filter{Quad: 1, Root: "19"}, []string{}},
		{store.Filter{PLOVER: "assault"}, []string{"ru-190"}},
		{store.Filter{Modality: "planned"}, []string{"rc-0431"}},
		{store.Filter{Modality: "asserted", Dyad: "RUS-CHN"}, []string{"rc-042"}},
		{store.Filter{Text: "T1"}, []string{"ru-190", "rc-0431"}},
		{store.Filter{Text: "t1", Root: "19"}, []string{"ru-190"}},
		{store.Filter{Text: "nowhere"}, []string{}},
		{store.Filter{ID: "ru-190"}, []string{"ru-190"}},
		{store.Filter{ID: "nope"}, []string{}},
		{store.Filter{After: "rc-042", Limit: 2}, []string{"cr-057", "rn-010"}},
		{store.Filter{After: "rn-010", Limit: 2}, []string{"un-043", "ru-190"}},
		{store.Filter{After: "ru-190"}, []string{"rc-0431"}},
		{store.Filter{After: "rc-0431"}, []string{}},
		{store.Filter{After: "rc-042", Root: "04"}, []string{"un-043", "rc-0431"}},
		{store.Filter{After: "nope"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.f), func(t *testing.T) {
			if got := ids(events(t, s, tt.f)); !slices.Equal(got, tt.want) {
				t.Errorf("Events(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
	for _, f := range []store.Filter{{Dyad: "RUS-CHN-USA"}, {Source: "RUS%"}, {Target: "C_N"}, {Code: "04%"}, {Quad: 5}} {
		if _, err := s.Events(context.Background(), f); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Events(%+v) error = %v, want ErrInvalid", f, err)
		}
	}
}

func testSearch(t *testing.T, s store.Store) {
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	other := Doc("002.txt", "b", "2012-06-08", "The U.S. Secretary of State visited Beijing.", "Nothing happened.")
	put(t, s, d, nil)
	put(t, s, other, nil)
	tests := []struct {
		query string
		want  []store.SentenceHit
	}{
		{"Hu Jintao", []store.SentenceHit{hit("001_putin.txt", 2, putinDoc[2])}},
		{"jintao", []store.SentenceHit{hit("001_putin.txt", 2, putinDoc[2])}},
		{"signed agreement", []store.SentenceHit{hit("001_putin.txt", 2, putinDoc[2])}},
		{"strateg*", []store.SentenceHit{hit("001_putin.txt", 2, putinDoc[2])}},
		{"zurich", []store.SentenceHit{hit("001_putin.txt", 3, putinDoc[3])}},
		{"U.S.", []store.SentenceHit{hit("002.txt", 0, "The U.S. Secretary of State visited Beijing.")}},
		{`"strategic" AND (`, []store.SentenceHit{hit("001_putin.txt", 2, putinDoc[2])}},
		{"Moscow", nil},
		{"", nil},
		{"  - ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.Search(context.Background(), tt.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if len(got) != len(tt.want) || (len(got) > 0 && !reflect.DeepEqual(got, tt.want)) {
				t.Errorf("Search(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
		})
	}
	got, err := s.Search(context.Background(), "Beijing", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("Search(Beijing) = %+v, want 2 hits", got)
	}
	got, err = s.Search(context.Background(), "Beijing", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Errorf("Search(Beijing, limit 1) = %d hits, want 1", len(got))
	}
}

func hit(doc string, index int, text string) store.SentenceHit {
	return store.SentenceHit{Doc: doc, Index: index, Text: text}
}

func testCounts(t *testing.T, s store.Store) {
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("empty store counts = %+v", c)
	}
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	put(t, s, d, fullEvents(d))
	// Actors are distinct (code, country, name): RUSGOV/Putin, CHN,
	// CHNGOV/Hu Jintao, CHNGOV (no name), IGOUNO, RUS.
	want := store.Counts{Documents: 1, Sentences: 4, Events: 5, Actors: 6}
	if c := counts(t, s); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	d2 := Doc("002.txt", "b", "2012-06-08", "Russia met China.", "More.")
	put(t, s, d2, []doc.Event{Event(d2, "x", 0, "RUSGOV", "CHN", "042", "2012-06-08")})
	want = store.Counts{Documents: 2, Sentences: 6, Events: 6, Actors: 6}
	if c := counts(t, s); c != want {
		t.Errorf("counts after a second document with known actors = %+v, want %+v", c, want)
	}
}

func testDocuments(t *testing.T, s store.Store) {
	ds, err := s.Documents(context.Background())
	if err != nil || len(ds) != 0 {
		t.Fatalf("Documents on empty store = %v, %v", ds, err)
	}
	b := Doc("b.txt", "b", "2012", "One.")
	a := Doc("a.txt", "a", "2012-06-07", putinDoc...)
	put(t, s, b, nil)
	put(t, s, a, fullEvents(a))
	ds, err = s.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []store.DocInfo{
		{ID: "a.txt", Hash: a.Hash, Title: a.Title, Source: a.Source, Published: "2012-06-07", Origin: a.Origin, Coding: a.Coding, Events: 5},
		{ID: "b.txt", Hash: b.Hash, Title: b.Title, Source: b.Source, Published: "2012", Origin: b.Origin, Coding: b.Coding, Events: 0},
	}
	if !reflect.DeepEqual(ds, want) {
		t.Errorf("Documents = %+v\nwant %+v", ds, want)
	}
}

func testNoEvents(t *testing.T, s store.Store) {
	d := Doc("empty.txt", "e", "2012-06-07", "Nothing to code here.", "Nor here.")
	put(t, s, d, nil)
	want := store.Counts{Documents: 1, Sentences: 2}
	if c := counts(t, s); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if es := events(t, s, store.Filter{}); len(es) != 0 {
		t.Errorf("Events = %v, want none", ids(es))
	}
	// Stored means known: the same content is not coded twice.
	added, err := s.PutDocument(context.Background(), d, nil)
	if err != nil || added {
		t.Errorf("re-put of event-less document = %v, %v; want false, nil", added, err)
	}
	hits, err := s.Search(context.Background(), "nor", 0)
	if err != nil || len(hits) != 1 || hits[0].Doc != "empty.txt" || hits[0].Index != 1 {
		t.Errorf("Search(nor) = %+v, %v", hits, err)
	}
	// A document without sentences at all.
	bare := &doc.Document{ID: "bare", Hash: strings.Repeat("b", 64)}
	put(t, s, bare, nil)
	if c := counts(t, s); c.Documents != 2 || c.Sentences != 2 {
		t.Errorf("counts after bare document = %+v", c)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	const workers, perWorker = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				id := fmt.Sprintf("w%d-%d.txt", w, i)
				d := Doc(id, "c", "2012-06-07", "Russia met China.", "China thanked Russia.")
				evs := []doc.Event{
					Event(d, id+"-0", 0, "RUS", "CHN", "042", "2012-06-07"),
					Event(d, id+"-1", 1, "CHN", "RUS", "051", "2012-06-07"),
				}
				added, err := s.PutDocument(context.Background(), d, evs)
				if err == nil && !added {
					err = fmt.Errorf("%s: added = false", id)
				}
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	want := store.Counts{Documents: workers * perWorker, Sentences: 2 * workers * perWorker, Events: 2 * workers * perWorker, Actors: 2}
	if c := counts(t, s); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	// Writers that clustered at once still saw each other's reports: the
	// clusters are those made from every event at once.
	evs := events(t, s, store.Filter{})
	atOnce := map[string]string{}
	for _, c := range cluster.Assign(evs) {
		for _, r := range c.Reports {
			atOnce[r.Event] = c.ID
		}
	}
	for _, e := range evs {
		if e.Cluster != atOnce[e.ID] {
			t.Errorf("event %s: cluster %q, want %q as when clustered at once", e.ID, e.Cluster, atOnce[e.ID])
		}
	}
}

func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	added, err := s.PutDocument(ctx, d, fullEvents(d))
	if err == nil || added {
		t.Fatalf("PutDocument with cancelled context = %v, %v; want an error", added, err)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("counts after cancelled put = %+v, want zero", c)
	}
	// The store is still usable, and the document can be put later.
	put(t, s, d, fullEvents(d))
}

// tripContext is a context that cancels itself on the n-th call to Done,
// so a test can cancel at every point a backend looks at its context.
type tripContext struct {
	context.Context
	mu     sync.Mutex
	left   int
	done   chan struct{}
	closed bool
}

func newTrip(n int) *tripContext {
	return &tripContext{Context: context.Background(), left: n, done: make(chan struct{})}
}

func (c *tripContext) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.left--
		if c.left < 0 {
			close(c.done)
			c.closed = true
		}
	}
	return c.done
}

func (c *tripContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return context.Canceled
	}
	return nil
}

func (c *tripContext) tripped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// testCancelledMidway cancels a put at each successive point where the
// backend consults its context: every put either stores the whole document
// or nothing of it. A put can succeed although its context was cancelled
// after its last check (database/sql looks at the context once more, on a
// goroutine of its own): that document is removed again, so the next put
// meets the same store and the sweep goes on where it was, rather than
// starting over against one more stored document: a clustering that reads
// the stored events near a change (the store in memory, which keeps no
// cache of them) consults the context more often the more it reads, so
// each document stored would add points to sweep.
func testCancelledMidway(t *testing.T, s store.Store) {
	stored := map[string]bool{}
	complete := false
	n := 0
	for ; n < 1000 && !complete; n++ {
		id := fmt.Sprintf("doc-%03d.txt", n)
		d := Doc(id, "m", "2012-06-07", putinDoc...)
		evs := fullEvents(d)
		for i := range evs {
			evs[i].ID = id + "/" + evs[i].ID
		}
		ctx := newTrip(n)
		added, err := s.PutDocument(ctx, d, evs)
		switch {
		case err != nil && added:
			t.Fatalf("n=%d: added and error %v", n, err)
		case err != nil:
			if got := events(t, s, store.Filter{Doc: id}); len(got) != 0 {
				t.Fatalf("n=%d: failed put (%v) left %d events", n, err, len(got))
			}
		case !added:
			t.Fatalf("n=%d: new document not added and no error", n)
		default:
			diffEvents(t, events(t, s, store.Filter{Doc: id}), evs)
			if complete = !ctx.tripped(); complete {
				stored[id] = true
			} else if _, err := s.Remove(context.Background(), id); err != nil {
				t.Fatalf("n=%d: remove: %v", n, err)
			}
		}
	}
	if !complete {
		t.Fatal("put never ran to completion without cancellation")
	}
	t.Logf("cancelled at %d points, %d documents stored", n-len(stored), len(stored))
	ds, err := s.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, di := range ds {
		if !stored[di.ID] {
			t.Errorf("document %s stored although its put failed", di.ID)
		}
	}
	if len(ds) != len(stored) {
		t.Errorf("%d documents stored, want %d", len(ds), len(stored))
	}
	c := counts(t, s)
	if want := (store.Counts{Documents: len(stored), Sentences: 4 * len(stored), Events: 5 * len(stored), Actors: 6}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
}

func testInvalid(t *testing.T, s store.Store) {
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	wrongDoc := fullEvents(d)
	wrongDoc[3].Doc = "other.txt"
	noHash := Doc("x", "x", "2012", "X.")
	noHash.Hash = ""
	noID := Doc("", "y", "2012", "Y.")
	tests := []struct {
		name   string
		d      *doc.Document
		events []doc.Event
	}{
		{"event of another document", d, wrongDoc},
		{"no hash", noHash, nil},
		{"no id", noID, nil},
		{"nil document", nil, nil},
	}
	for _, tt := range tests {
		added, err := s.PutDocument(context.Background(), tt.d, tt.events)
		if !errors.Is(err, store.ErrInvalid) || added {
			t.Errorf("%s: PutDocument = %v, %v; want ErrInvalid", tt.name, added, err)
		}
	}
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("counts after invalid puts = %+v, want zero", c)
	}
}

func testEventIDConflict(t *testing.T, s store.Store) {
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	put(t, s, d, fullEvents(d))
	before := counts(t, s)
	other := Doc("002.txt", "b", "2012-06-08", "Russia met China.", "China met Russia.")
	evs := []doc.Event{
		Event(other, "new-0", 0, "USA", "CHN", "042", "2012-06-08"),
		Event(other, "ev-2", 1, "RUS", "CHN", "042", "2012-06-08"), // id taken by d
	}
	added, err := s.PutDocument(context.Background(), other, evs)
	if !errors.Is(err, store.ErrConflict) || added {
		t.Fatalf("PutDocument with a taken event id = %v, %v; want ErrConflict", added, err)
	}
	if after := counts(t, s); after != before {
		t.Errorf("counts after conflicting put = %+v, want %+v (nothing of it kept)", after, before)
	}
	dup := Doc("003.txt", "c", "2012-06-08", "Russia met China.")
	e := Event(dup, "twice", 0, "RUS", "CHN", "042", "2012-06-08")
	if _, err := s.PutDocument(context.Background(), dup, []doc.Event{e, e}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("PutDocument with one id twice: error = %v, want ErrConflict", err)
	}
	if after := counts(t, s); after != before {
		t.Errorf("counts = %+v, want %+v", after, before)
	}
}

// testBatch: PutDocuments stores each document as PutDocument would: one
// whose event id is taken, or that is invalid, fails alone and leaves
// nothing of itself (its sentences, their full-text index, the actors it
// added), the others are stored and clustered, and content already
// stored, or stored earlier in the batch, is not added again.
func testBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	put(t, s, d, fullEvents(d))
	before := counts(t, s)
	a := Doc("010.txt", "a", "2012-06-08", "Moscow greeted Beijing warmly.", "Russia met China.")
	taken := Doc("011.txt", "b", "2012-06-08", "Zanzibar met China.")
	c := Doc("012.txt", "c", "2012-06-05", "The United States met China.")
	invalid := Doc("013.txt", "d", "2012-06-09", "No hash.")
	invalid.Hash = ""
	aEvents := []doc.Event{Event(a, "a-0", 1, "RUSGOV", "CHN", "042", "2012-06-05")}
	puts := []store.Put{
		{Doc: a, Events: aEvents},
		// Its first event names an actor no stored event names, the
		// second an id d's event has.
		{Doc: taken, Events: []doc.Event{Event(taken, "t-0", 0, "USA", "CHN", "042", "2012-06-08"), Event(taken, "ev-2", 0, "RUS", "CHN", "042", "2012-06-08")}},
		{Doc: c, Events: []doc.Event{Event(c, "c-0", 0, "USA", "CHN", "042", "2012-06-05")}},
		{Doc: invalid},
		{Doc: a, Events: aEvents},
		{Doc: d, Events: fullEvents(d)},
	}
	res := s.PutDocuments(ctx, puts)
	if len(res) != len(puts) {
		t.Fatalf("PutDocuments returned %d results for %d documents", len(res), len(puts))
	}
	wantAdded := []bool{true, false, true, false, false, false}
	wantErr := []error{nil, store.ErrConflict, nil, store.ErrInvalid, nil, nil}
	for i, r := range res {
		if r.Added != wantAdded[i] || (wantErr[i] == nil) != (r.Err == nil) || !errors.Is(r.Err, wantErr[i]) {
			t.Errorf("document %d (%s): added %v, error %v; want added %v, error %v", i, puts[i].Doc.ID, r.Added, r.Err, wantAdded[i], wantErr[i])
		}
	}
	after := counts(t, s)
	want := store.Counts{Documents: before.Documents + 2, Sentences: before.Sentences + 3, Events: before.Events + 2, Actors: before.Actors + 1}
	if after != want {
		t.Errorf("counts after the batch = %+v, want %+v (a and c, and the USA actor of c)", after, want)
	}
	for _, q := range []struct {
		word string
		hits int
	}{{"Zanzibar", 0}, {"Moscow", 1}, {"United", 1}} {
		hits, err := s.Search(ctx, q.word, 0)
		if err != nil || len(hits) != q.hits {
			t.Errorf("Search(%q) = %d hits (%v), want %d", q.word, len(hits), err, q.hits)
		}
	}
	got := events(t, s, store.Filter{Doc: "012.txt"})
	if len(got) != 1 || got[0].Source.Code != "USA" || got[0].Cluster == "" {
		t.Fatalf("events of 012.txt = %+v, want c-0 by USA, clustered", got)
	}
	// a's visit, dated June 5, reports d's: one cluster.
	rc := events(t, s, store.Filter{ID: "a-0"})
	if len(rc) != 1 || rc[0].Cluster != events(t, s, store.Filter{ID: "ev-0"})[0].Cluster {
		t.Errorf("a-0 is in cluster %v, want ev-0's", rc)
	}
}

func testDocument(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	d.Body = "RAW BODY\n\n" + d.Text
	put(t, s, d, nil)
	got, err := s.Document(ctx, d.Hash)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	want := &doc.Document{ID: d.ID, Origin: d.Origin, Hash: d.Hash, Format: "text", Body: d.Body, Title: d.Title,
		Source: d.Source, Published: d.Published, DateFrom: d.DateFrom, Coding: d.Coding, Text: d.Text}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Document = %+v\nwant %+v", got, want)
	}
	if _, err := s.Document(ctx, strings.Repeat("0", 64)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(unknown) error = %v, want ErrNotFound", err)
	}
}

// testReplace re-codes a stored document: new metadata, sentences and
// events replace the old ones in one go, and the other documents stay.
func testReplace(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("001_putin.txt", "a", "", putinDoc...)
	put(t, s, d, fullEvents(d))
	other := Doc("002.txt", "b", "2012-06-08", "Russia met China.")
	otherEvents := []doc.Event{Event(other, "o-0", 0, "RUS", "CHN", "042", "2012-06-08")}
	put(t, s, other, otherEvents)

	again := Doc("001_putin.txt", "a", "2012-06-07", append(putinDoc[:3:3], "The visit ended on June 7.")...)
	again.ID, again.Title, again.Source, again.Coding = "putin-2012", "New title", "TASS", "dyad=v2"
	evs := fullEvents(again)[:3]
	if err := s.Replace(ctx, again, evs); err != nil {
		t.Fatalf("Replace: %v", err)
	}
	diffEvents(t, events(t, s, store.Filter{Doc: "putin-2012"}), evs)
	if got := events(t, s, store.Filter{Doc: "001_putin.txt"}); len(got) != 0 {
		t.Errorf("events under the old id: %v", ids(got))
	}
	diffEvents(t, events(t, s, store.Filter{Doc: "002.txt"}), otherEvents)
	if c := counts(t, s); c.Documents != 2 || c.Sentences != 5 || c.Events != 4 {
		t.Errorf("counts after Replace = %+v, want 2 documents, 4+1 sentences, 3+1 events", c)
	}
	got, err := s.Document(ctx, d.Hash)
	if err != nil || got.Published != "2012-06-07" || got.Coding != "dyad=v2" || got.Source != "TASS" {
		t.Errorf("Document after Replace = %+v, %v", got, err)
	}
	// The old sentences are gone from the full-text index, the new ones in it.
	if hits, err := s.Search(ctx, "Shanghai", 0); err != nil || len(hits) != 0 {
		t.Errorf("Search(Shanghai) after Replace dropped its sentence = %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, "ended", 0); err != nil || len(hits) != 1 || hits[0].Index != 3 {
		t.Errorf("Search(ended) after Replace = %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, "jintao", 0); err != nil || len(hits) != 1 || hits[0].Doc != "putin-2012" {
		t.Errorf("Search(jintao) after Replace = %+v, %v", hits, err)
	}
	missing := Doc("nope.txt", "n", "2012", "Nothing.")
	if err := s.Replace(ctx, missing, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Replace(unknown) error = %v, want ErrNotFound", err)
	}
}

// testReplaceConflict: a re-coding that fails keeps what was stored.
func testReplaceConflict(t *testing.T, s store.Store) {
	ctx := context.Background()
	d := Doc("001_putin.txt", "a", "2012-06-07", putinDoc...)
	want := fullEvents(d)
	put(t, s, d, want)
	other := Doc("002.txt", "b", "2012-06-08", "Russia met China.")
	put(t, s, other, []doc.Event{Event(other, "taken", 0, "RUS", "CHN", "042", "2012-06-08")})
	evs := fullEvents(d)
	evs[1].ID = "taken"
	if err := s.Replace(ctx, d, evs); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("Replace with a taken id: error = %v, want ErrConflict", err)
	}
	diffEvents(t, events(t, s, store.Filter{Doc: d.ID}), want)
}

func testRemove(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := Doc("a.txt", "a", "2012-06-07", putinDoc...)
	b := Doc("b.txt", "b", "2012-06-08", "Russia met China.")
	b2 := Doc("b.txt", "b2", "2012-06-09", "Russia met China again.")
	put(t, s, a, fullEvents(a))
	put(t, s, b, []doc.Event{Event(b, "b-0", 0, "RUS", "CHN", "042", "2012-06-08")})
	put(t, s, b2, []doc.Event{Event(b2, "b2-0", 0, "RUS", "CHN", "042", "2012-06-09")})
	if n, err := s.Remove(ctx, "b.txt"); err != nil || n != 2 {
		t.Errorf("Remove(b.txt) = %d, %v; want both versions", n, err)
	}
	diffEvents(t, events(t, s, store.Filter{}), fullEvents(a))
	if n, err := s.Remove(ctx, a.Hash); err != nil || n != 1 {
		t.Errorf("Remove(hash of a) = %d, %v; want 1", n, err)
	}
	if n, err := s.Remove(ctx, "a.txt"); err != nil || n != 0 {
		t.Errorf("Remove(a.txt) again = %d, %v; want 0", n, err)
	}
	if c := counts(t, s); c != (store.Counts{}) {
		t.Errorf("counts after removing everything = %+v, want zero (no actor left that no event names)", c)
	}
	if hits, err := s.Search(ctx, "Russia", 0); err != nil || len(hits) != 0 {
		t.Errorf("Search after Remove = %+v, %v; want nothing", hits, err)
	}
	// The content can be stored again.
	put(t, s, a, fullEvents(a))
}

// BenchmarkPut stores documents of 50 sentences and 20 events in s, one
// per iteration, as a backend's BenchmarkPutDocument.
func BenchmarkPut(b *testing.B, s store.Store) {
	ctx := context.Background()
	sentences := make([]string, 50)
	for i := range sentences {
		sentences[i] = fmt.Sprintf("Sentence %d: Russian President Vladimir Putin met Chinese President Hu Jintao in Beijing.", i)
	}
	codes := []string{"RUSGOV", "CHNGOV", "RUS", "CHN", "IGOUNO"}
	n := 0
	for b.Loop() {
		id := fmt.Sprintf("bench-%d.txt", n)
		d := Doc(id, "bench", "2012-06-07", sentences...)
		evs := make([]doc.Event, 20)
		for i := range evs {
			evs[i] = Event(d, fmt.Sprintf("%s-%d", id, i), i*2, codes[i%5], codes[(i+1)%5], "042", "2012-06-05")
		}
		if added, err := s.PutDocument(ctx, d, evs); err != nil || !added {
			b.Fatalf("PutDocument = %v, %v", added, err)
		}
		n++
	}
}

// testClusters: two documents reporting one visit make one cluster, kept
// current as documents are re-coded and removed, with the point the two
// disagree on.
func testClusters(t *testing.T, s store.Store) {
	ctx := context.Background()
	clusters := func(f store.Filter) []cluster.Cluster {
		t.Helper()
		cs, err := s.Clusters(ctx, f)
		if err != nil {
			t.Fatalf("Clusters(%+v): %v", f, err)
		}
		return cs
	}
	a := Doc("a.txt", "a", "2012-06-07", "Putin arrived in Beijing on June 5 for a three-day visit.")
	a.Source = "Xinhua"
	b := Doc("b.txt", "b", "2012-06-08", "Hu Jintao welcomed Putin on June 5 at the start of a two-day visit.")
	b.Source = "TASS"
	put(t, s, a, []doc.Event{Event(a, "a-0", 0, "RUSGOV", "CHN", "042", "2012-06-05")})
	hosted := Event(b, "b-0", 0, "CHNGOV", "RUSGOV", "043", "2012-06-05")
	put(t, s, b, []doc.Event{hosted})
	cs := clusters(store.Filter{Dyad: "RUS-CHN"})
	if len(cs) != 1 || len(cs[0].Reports) != 2 || cs[0].NumArticles != 2 || cs[0].NumSources != 2 || cs[0].Pair != "CHN-RUS" {
		t.Fatalf("Clusters(RUS-CHN) = %+v, want one cluster of the two reports", cs)
	}
	c := cs[0]
	if c.Date != "2012-06-05" || c.FirstReport != "2012-06-07" || c.LastReport != "2012-06-08" {
		t.Errorf("cluster = %+v, want date 2012-06-05, reported 2012-06-07 to 2012-06-08", c)
	}
	for _, e := range events(t, s, store.Filter{}) {
		if e.Cluster != c.ID {
			t.Errorf("event %s: cluster %q, want %q", e.ID, e.Cluster, c.ID)
		}
	}
	if got := events(t, s, store.Filter{Cluster: c.ID}); len(got) != 2 {
		t.Errorf("Events(cluster %s) = %v, want both", c.ID, ids(got))
	}
	ds, err := s.Disagreements(ctx, store.Filter{})
	if err != nil || len(ds) != 1 || ds[0].Kind != cluster.Duration || ds[0].Cluster != c.ID {
		t.Fatalf("Disagreements = %+v, %v; want the visit's length", ds, err)
	}
	if ds[0].A.Value != "three-day" || ds[0].B.Value != "two-day" || ds[0].A.Doc != "a.txt" || ds[0].B.Doc != "b.txt" {
		t.Errorf("disagreement = %+v, want three-day (a.txt) against two-day (b.txt)", ds[0])
	}

	// Re-coded to another month, b's report is an event of its own.
	hosted.Date = "2012-07-20"
	if err := s.Replace(ctx, b, []doc.Event{hosted}); err != nil {
		t.Fatal(err)
	}
	if cs := clusters(store.Filter{}); len(cs) != 2 {
		t.Errorf("after re-coding b: %d clusters, want 2", len(cs))
	}
	if cs := clusters(store.Filter{Since: "2012-07"}); len(cs) != 1 || cs[0].Reports[0].Doc != "b.txt" {
		t.Errorf("Clusters(since 2012-07) = %+v, want b's", cs)
	}
	if n, err := s.Remove(ctx, "b.txt"); err != nil || n != 1 {
		t.Fatalf("Remove(b.txt) = %d, %v", n, err)
	}
	cs = clusters(store.Filter{})
	if len(cs) != 1 || cs[0].NumArticles != 1 || cs[0].Reports[0].Event != "a-0" {
		t.Errorf("after removing b: %+v, want a's cluster alone", cs)
	}
	if cs := clusters(store.Filter{Dyad: "USA-IRN"}); len(cs) != 0 {
		t.Errorf("Clusters(USA-IRN) = %+v, want none", cs)
	}
}

// clusterTallier is a store that counts the events of a filter once per
// cluster by month (the SQL stores' ClusterTallies).
type clusterTallier interface {
	ClusterTallies(ctx context.Context, f store.Filter) ([]store.Tally, error)
	ClusterDyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error)
	RankTallies(ctx context.Context, f store.Filter, kind string, clusters bool) ([]store.RankTally, error)
}

// testClusterCounts: for every filter Filter.ClusterCount accepts, the
// store's counts of clusters by month equal aggregate.Reduce's over the
// events the filter selects, after puts, re-codings that move and split
// clusters, and removals.
func testClusterCounts(t *testing.T, s store.Store) {
	ct, ok := s.(clusterTallier)
	if !ok {
		t.Skip("the store does not count clusters")
	}
	ctx := context.Background()
	type report struct {
		src, tgt, code, date, precision string
	}
	// Reports of a few real-world events by several documents, both ways
	// and with vaguer dates, so clusters hold events of both directions
	// and the one standing for a cluster is not always the first stored.
	reports := []report{
		{"RUSGOV", "CHNGOV", "042", "2012-06-05", doc.PrecisionDay},
		{"CHNGOV", "RUSGOV", "043", "2012-06-05", doc.PrecisionDay},
		{"CHNGOV", "RUSGOV", "043", "2012-06", doc.PrecisionMonth},
		{"RUSGOV", "CHNGOV", "042", "2012-06", doc.PrecisionMonth},
		{"RUSGOV", "CHNGOV", "057", "2012-06-06", doc.PrecisionDay},
		{"CHNGOV", "RUSGOV", "057", "2012-06-06", doc.PrecisionDay},
		{"USAGOV", "IRNGOV", "111", "2013-01-10", doc.PrecisionDay},
		{"IRNGOV", "USAGOV", "111", "2013-01-10", doc.PrecisionDay},
		{"USAGOV", "IRNGOV", "111", "2013", doc.PrecisionYear},
		{"RUSGOV", "", "010", "2012-06-05", doc.PrecisionDay},
		{"RUSGOV", "UKRGOV", "190", "2014-03-01", doc.PrecisionDay},
		{"UKRGOV", "RUSGOV", "190", "2014-03-01", doc.PrecisionDay},
	}
	quads := map[string]int{"042": 1, "043": 1, "057": 2, "111": 3, "190": 4, "010": 1}
	var docs []*doc.Document
	eventsOf := func(d *doc.Document, n, shift int) []doc.Event {
		var evs []doc.Event
		for k := range n {
			r := reports[(shift+k*5)%len(reports)]
			e := Event(d, fmt.Sprintf("%s-%d-%d", d.ID, shift, k), k%len(d.Sentences), r.src, r.tgt, r.code, r.date)
			e.DatePrecision, e.Quad, e.Root = r.precision, quads[r.code], r.code[:2]
			evs = append(evs, e)
		}
		return evs
	}
	for i := range 10 {
		d := Doc(fmt.Sprintf("cc%02d.txt", i), fmt.Sprintf("cc%d", i), fmt.Sprintf("2012-06-%02d", 7+i), "S0.", "S1.", "S2.", "S3.")
		put(t, s, d, eventsOf(d, 4, i))
		docs = append(docs, d)
	}
	check := func(stage string) {
		t.Helper()
		filters := []store.Filter{{}}
		for _, a := range []string{"RUS", "CHN", "USA", "IRN", "UKR"} {
			filters = append(filters, store.Filter{Dyad: a}, store.Filter{Dyad: "-" + a}, store.Filter{Dyad: a, Both: true},
				store.Filter{Source: a}, store.Filter{Target: strings.ToLower(a)})
			for _, b := range []string{"RUS", "CHN", "USA", "IRN", "UKR"} {
				if a != b {
					filters = append(filters, store.Filter{Dyad: a + "-" + b}, store.Filter{Dyad: a + "-" + b, Both: true},
						store.Filter{Source: a, Target: b})
				}
			}
		}
		for _, f := range filters {
			if !f.ClusterCount() {
				t.Fatalf("%+v: ClusterCount declines a filter of a dyad or side alone", f)
			}
			got, err := ct.ClusterTallies(ctx, f)
			if err != nil {
				t.Fatalf("ClusterTallies(%+v): %v", f, err)
			}
			all := events(t, s, f)
			kept, err := aggregate.Reduce(all, aggregate.CountClusters)
			if err != nil {
				t.Fatal(err)
			}
			n := map[store.Tally]int{}
			for _, e := range kept {
				n[store.Tally{Date: e.Date[:min(7, len(e.Date))], Quad: e.Quad, Goldstein: e.Goldstein}]++
			}
			var want []store.Tally
			for k, c := range n {
				k.Events = c
				want = append(want, k)
			}
			slices.SortFunc(want, func(a, b store.Tally) int {
				return cmp.Or(strings.Compare(a.Date, b.Date), a.Quad-b.Quad, cmp.Compare(a.Goldstein, b.Goldstein))
			})
			if !slices.Equal(got, want) {
				t.Errorf("%s: %+v: clusters counted by the store %v, by aggregate.Reduce %v", stage, f, got, want)
			}
			dyads, err := ct.ClusterDyadTallies(ctx, f)
			if err != nil {
				t.Fatalf("ClusterDyadTallies(%+v): %v", f, err)
			}
			wantDyads := map[[2]string]store.DyadTally{}
			for _, e := range kept {
				k := [2]string{store.ActorKey(e.Source), ""}
				if e.Target != nil {
					k[1] = store.ActorKey(*e.Target)
				}
				d := wantDyads[k]
				d.Source, d.Target = k[0], k[1]
				d.Events++
				d.GoldsteinHundredths += int64(math.Round(e.Goldstein * 100))
				wantDyads[k] = d
			}
			if len(dyads) != len(wantDyads) {
				t.Errorf("%s: %+v: %d dyads counted by the store, %d by aggregate.Reduce", stage, f, len(dyads), len(wantDyads))
			}
			for _, d := range dyads {
				if w := wantDyads[[2]string{d.Source, d.Target}]; d != w {
					t.Errorf("%s: %+v: dyad %s-%s: store %+v, aggregate.Reduce %+v", stage, f, d.Source, d.Target, d, w)
				}
			}
			for _, kind := range []string{"actors", "codes"} {
				for _, clusters := range []bool{false, true} {
					evs := all
					if clusters {
						evs = kept
					}
					want, err := aggregate.Top(evs, kind, 0)
					if err != nil {
						t.Fatal(err)
					}
					tallies, err := ct.RankTallies(ctx, f, kind, clusters)
					if err != nil {
						t.Fatalf("RankTallies(%+v, %s, %v): %v", f, kind, clusters, err)
					}
					got, err := aggregate.TopTallies(tallies, kind, 0)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s: %+v: top %s (clusters %v) from the store's tallies %+v, from the events %+v", stage, f, kind, clusters, got, want)
					}
				}
			}
		}
		for _, f := range []store.Filter{{Quad: 1}, {Dyad: "RUS-CHN", Since: "2012-06"}, {Dyad: "RUS-CHN", Code: "04"}, {Source: "RUSGOV"}, {Source: "RUS", Both: true}} {
			if f.ClusterCount() {
				t.Errorf("%+v: ClusterCount accepts a filter that may select a cluster's later events alone", f)
			}
		}
	}
	check("after puts")
	// Re-codings: other events for one document, fewer for another.
	if err := s.Replace(ctx, docs[2], eventsOf(docs[2], 3, 7)); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(ctx, docs[5], eventsOf(docs[5], 1, 1)); err != nil {
		t.Fatal(err)
	}
	check("after re-codings")
	for _, id := range []string{"cc00.txt", "cc04.txt"} {
		if n, err := s.Remove(ctx, id); err != nil || n != 1 {
			t.Fatalf("Remove(%s) = %d, %v", id, n, err)
		}
	}
	check("after removals")
}

// feedStore is the feed state dyad watch keeps in a store (watch.State
// and the list dyad status prints).
type feedStore interface {
	Feed(ctx context.Context, url string) (store.Feed, error)
	Feeds(ctx context.Context) ([]store.Feed, error)
	PutFeed(ctx context.Context, f store.Feed) error
	Seen(ctx context.Context, url, hash string) (bool, error)
	MarkSeen(ctx context.Context, feed, url, hash string) error
}

// testFeeds: a feed's state is stored and replaced, and Seen knows items
// by URL, content by hash, and documents stored by ingest.
func testFeeds(t *testing.T, st store.Store) {
	ctx := context.Background()
	s, ok := st.(feedStore)
	if !ok {
		t.Fatalf("%T keeps no feed state for dyad watch", st)
	}
	const url = "https://example.com/rss"
	if f, err := s.Feed(ctx, url); err != nil || f != (store.Feed{URL: url}) {
		t.Fatalf("unknown feed = %+v, %v; want only its URL", f, err)
	}
	at := time.Date(2026, 12, 6, 11, 30, 0, 123, time.UTC)
	failing := store.Feed{URL: url, ETag: `"abc"`, LastModified: "Sun, 06 Dec 2026 10:00:00 GMT",
		LastPoll: at, LastError: "HTTP 503", LastErrorAt: at.Add(-time.Hour), Failures: 2, NextPoll: at.Add(time.Hour)}
	recovered := failing
	recovered.LastSuccess, recovered.Failures, recovered.NextPoll = at.Add(2*time.Hour), 0, time.Time{}
	for _, want := range []store.Feed{failing, recovered} {
		if err := s.PutFeed(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.Feed(ctx, url)
		if err != nil || !got.LastPoll.Equal(want.LastPoll) || !got.NextPoll.Equal(want.NextPoll) || !got.LastSuccess.Equal(want.LastSuccess) ||
			!got.LastErrorAt.Equal(want.LastErrorAt) || got.ETag != want.ETag || got.LastModified != want.LastModified ||
			got.Failures != want.Failures || got.LastError != want.LastError {
			t.Errorf("feed = %+v, %v\nwant %+v", got, err, want)
		}
	}
	if err := s.PutFeed(ctx, store.Feed{URL: "https://example.com/atom"}); err != nil {
		t.Fatal(err)
	}
	if feeds, err := s.Feeds(ctx); err != nil || len(feeds) != 2 || feeds[0].URL != "https://example.com/atom" || feeds[1].URL != url {
		t.Errorf("Feeds = %+v, %v; want atom then rss", feeds, err)
	}
	if err := s.MarkSeen(ctx, url, "https://example.com/a/1", "hash-1"); err != nil {
		t.Fatal(err)
	}
	d := Doc("x.txt", "x", "2012-06-07", "Russia met China.")
	put(t, st, d, nil)
	for _, tc := range []struct {
		url, hash string
		want      bool
	}{
		{"https://example.com/a/1", "", true},
		{"", "hash-1", true},
		{"", d.Hash, true},
		{"https://example.com/a/2", "hash-2", false},
		{"", "", false},
	} {
		if seen, err := s.Seen(ctx, tc.url, tc.hash); err != nil || seen != tc.want {
			t.Errorf("Seen(%q, %q) = %v, %v; want %v", tc.url, tc.hash, seen, err, tc.want)
		}
	}
	if err := s.PutFeed(ctx, store.Feed{}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutFeed(no URL) = %v, want ErrInvalid", err)
	}
}
