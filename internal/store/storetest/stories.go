package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// story is a real-world event that many documents report, each in its
// own words: codes of one root, dates of several precisions, places,
// lengths, amounts and the people taking part.
type story struct {
	src, tgt string
	codes    []string
	date     string
	place    *doc.Location
}

var stories = []story{
	{"RUSGOV", "CHNGOV", []string{"042", "043", "040"}, "2012-06-05", &doc.Location{Text: "Beijing", Country: "CN"}},
	{"RUSGOV", "CHNGOV", []string{"057", "061"}, "2012-06-06", nil},
	{"RUS", "CHN", []string{"036", "040"}, "2012-06-20", nil},
	{"USAGOV", "IRNGOV", []string{"111", "114", "112"}, "2019-05-08", nil},
	{"USA", "IRN", []string{"163", "172"}, "2019-05-10", nil},
	{"INDMIL", "PAKMIL", []string{"190", "195"}, "2019-02-26", &doc.Location{Text: "Balakot", Country: "PK"}},
	{"PAKGOV", "IND", []string{"111", "112"}, "2019-02-27", nil},
	{"JPNGOV", "KORGOV", []string{"042", "057"}, "2019-06-28", &doc.Location{Text: "Osaka", Country: "JP"}},
}

// StoryDoc writes document n (named StoryDocID(n)): a few stories, each told in one to three
// sentences, by an outlet, dated from the text at the precision a
// reporter would have.
func StoryDoc(rng *rand.Rand, n int) (*doc.Document, []doc.Event) {
	type told struct {
		st   story
		code string
	}
	var tells []told
	var sentences []string
	lengths := []string{"a three-day visit", "a four-day visit", "talks", "a week-long trip"}
	amounts := []float64{3.5e9, 4e9, 3.51e9}
	people := []string{"Vladimir Putin", "Dmitry Medvedev", "Hassan Rouhani"}
	for range 2 + rng.IntN(4) {
		st := stories[rng.IntN(len(stories))]
		for range 1 + rng.IntN(3) {
			tells = append(tells, told{st, st.codes[rng.IntN(len(st.codes))]})
			sentences = append(sentences, fmt.Sprintf("Report %d says %s and %s held %s.", n, st.src, st.tgt, lengths[rng.IntN(len(lengths))]))
		}
	}
	base, _ := time.Parse("2006-01-02", tells[0].st.date)
	published := base.AddDate(0, 0, rng.IntN(9)).Format("2006-01-02")
	d := Doc(StoryDocID(n), "cache", published, sentences...)
	d.Source = []string{"Reuters", "Xinhua", "TASS", "IRNA", ""}[rng.IntN(5)]
	var evs []doc.Event
	for i, tl := range tells {
		src, tgt := tl.st.src, tl.st.tgt
		if rng.IntN(4) == 0 && slices.Contains([]string{"042", "043", "040", "057", "036"}, tl.code) {
			src, tgt = tgt, src // a mutual act told the other way round
		}
		e := Event(d, fmt.Sprintf("%s-%d", d.ID, i), i, src, tgt, tl.code, tl.st.date)
		e.Root, e.Outlet = tl.code[:2], d.Source
		e.Source = doc.Actor{Text: src, Code: src, Country: src[:3], Role: "president", Name: people[rng.IntN(len(people))]}
		day, _ := time.Parse("2006-01-02", tl.st.date)
		switch rng.IntN(8) {
		case 0, 1:
			e.Date, e.DatePrecision = tl.st.date[:7], doc.PrecisionMonth
		case 2:
			e.Date, e.DatePrecision = published, doc.PrecisionDoc
		case 3:
			e.Date, e.DatePrecision = tl.st.date[:4], doc.PrecisionYear
		default:
			e.Date = day.AddDate(0, 0, rng.IntN(3)-1).Format("2006-01-02")
		}
		if tl.st.place != nil && rng.IntN(2) == 0 {
			l := *tl.st.place
			l.From = doc.FromClause
			e.Location = &l
		}
		if strings.HasPrefix(tl.code, "05") || strings.HasPrefix(tl.code, "06") {
			e.Quantities = []doc.Quantity{{Value: amounts[rng.IntN(len(amounts))], Unit: "USD", Text: "an amount"}}
		}
		evs = append(evs, e)
	}
	return d, evs
}

// StoryDocID names document n so that later documents often sort first
// (cluster.Order) and come to stand for their clusters.
func StoryDocID(n int) string { return fmt.Sprintf("r%03d", n*37%160) }

// testStoriesAtOnce: documents telling a few stories many times over,
// stored one by one with some removed between, are clustered as
// clustering every event at once clusters them (StoryDoc).
func testStoriesAtOnce(t *testing.T, s store.Store) {
	storiesAtOnce(t, s, func(int) int { return 1 })
}

// testStoriesBatched: the same, stored in batches of one to a dozen
// documents (PutDocuments).
func testStoriesBatched(t *testing.T, s store.Store) {
	rng := rand.New(rand.NewPCG(9, 1))
	storiesAtOnce(t, s, func(int) int { return 1 + rng.IntN(12) })
}

// storiesAtOnce stores 100 story documents in batches of the sizes batch
// gives, removes some between, and holds each event's cluster to the one
// clustering every event at once gives.
func storiesAtOnce(t *testing.T, s store.Store, batch func(int) int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 5))
	var puts []store.Put
	for n := range 100 {
		d, evs := StoryDoc(rng, n)
		puts = append(puts, store.Put{Doc: d, Events: evs})
	}
	for n := 0; n < len(puts); {
		next := min(n+batch(n), len(puts))
		for i, r := range s.PutDocuments(ctx, puts[n:next]) {
			if r.Err != nil || !r.Added {
				t.Fatalf("put %s: added %v, %v", puts[n+i].Doc.ID, r.Added, r.Err)
			}
		}
		for k := n; k < next; k++ {
			if k%30 == 20 {
				if _, err := s.Remove(ctx, StoryDocID(k-3)); err != nil {
					t.Fatalf("remove: %v", err)
				}
			}
		}
		n = next
	}
	evs := events(t, s, store.Filter{})
	atOnce := cluster.Assign(evs)
	if len(atOnce) < 15 || slices.IndexFunc(atOnce, func(c cluster.Cluster) bool { return c.NumArticles >= 15 }) < 0 {
		t.Fatalf("%d clusters, none of 15 documents and more: too few to compare", len(atOnce))
	}
	want := map[string]string{}
	for _, c := range atOnce {
		for _, r := range c.Reports {
			want[r.Event] = c.ID
		}
	}
	wrong := 0
	for _, e := range evs {
		if e.Cluster != want[e.ID] {
			wrong++
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d events are not in the cluster clustering them at once gives", wrong, len(evs))
	}
}
