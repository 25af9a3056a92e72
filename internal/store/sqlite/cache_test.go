package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store/storetest"
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

// reportDoc writes document n: a few stories, each told in one to three
// sentences, by an outlet, dated from the text at the precision a
// reporter would have.
func reportDoc(rng *rand.Rand, n int) (*doc.Document, []doc.Event) {
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
	d := storetest.Doc(docID(n), "cache", published, sentences...)
	d.Source = []string{"Reuters", "Xinhua", "TASS", "IRNA", ""}[rng.IntN(5)]
	var evs []doc.Event
	for i, tl := range tells {
		src, tgt := tl.st.src, tl.st.tgt
		if rng.IntN(4) == 0 && slices.Contains([]string{"042", "043", "040", "057", "036"}, tl.code) {
			src, tgt = tgt, src // a mutual act told the other way round
		}
		e := storetest.Event(d, fmt.Sprintf("%s-%d", d.ID, i), i, src, tgt, tl.code, tl.st.date)
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

// docID names document n so that later documents often sort first
// (cluster.Order) and come to stand for their clusters.
func docID(n int) string { return fmt.Sprintf("r%03d", n*37%160) }

// TestClustersAsAtOnce stores documents reporting a few real-world events
// one by one, many times each, through two handles on one file (so that
// each handle's cache of clustered events must notice the other's
// writes), removing some, and holds what the store keeps of its clusters
// (each event's cluster and flags, the clusters and their disagreements)
// to what clustering every event at once gives.
func TestClustersAsAtOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "clusters.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	rng := rand.New(rand.NewPCG(7, 11))
	for n := range 160 {
		d, evs := reportDoc(rng, n)
		s := a
		if n%40 == 39 {
			s = b
		}
		if _, err := s.PutDocument(ctx, d, evs); err != nil {
			t.Fatalf("put %s: %v", d.ID, err)
		}
		if n%50 == 45 {
			if _, err := a.Remove(ctx, docID(n-2)); err != nil {
				t.Fatalf("remove: %v", err)
			}
		}
	}
	one := dumpClusters(t, a)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	// Every event unclustered: opening the file clusters them all at once
	// (store.ReclusterStale).
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE events SET cluster = NULL, cluster_first = 0, cluster_first_way = 0`,
		`DELETE FROM disagreements`, `DELETE FROM clusters`} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	atOnce := dumpClusters(t, s)
	if len(one["clusters"]) < 20 || len(one["disagreements"]) < 20 {
		t.Fatalf("%d clusters, %d disagreements: too few to compare", len(one["clusters"]), len(one["disagreements"]))
	}
	var big int
	if err := s.db.QueryRowContext(ctx, `SELECT max(num_mentions) FROM clusters`).Scan(&big); err != nil || big < 30 {
		t.Fatalf("largest cluster %d reports (%v), want a story told 30 times and more", big, err)
	}
	for _, table := range []string{"events", "clusters", "disagreements"} {
		got, want := one[table], atOnce[table]
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || got[i] != want[i] {
				t.Errorf("%s differ at row %d of %d and %d: one by one %q, at once %q", table, i, len(got), len(want), at(got, i), at(want, i))
				break
			}
		}
	}
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return "(none)"
}

// dumpClusters reads what the store keeps of its clusters, as sorted rows
// by table.
func dumpClusters(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for table, q := range map[string]string{
		"events":        `SELECT id, COALESCE(cluster, ''), cluster_first, cluster_first_way FROM events`,
		"clusters":      `SELECT id, pair, cameo, root, date, date_precision, COALESCE(place, ''), first_report, last_report, num_mentions, num_sources, num_articles FROM clusters`,
		"disagreements": `SELECT cluster, kind, event_a, value_a, event_b, value_b FROM disagreements`,
	} {
		rows, err := s.db.QueryContext(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], fmt.Sprint(vals...))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}
