package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/store/storetest"
)

// TestClustersAsAtOnce stores documents reporting a few real-world events
// one by one, many times each, through two handles on one file (so that
// each handle's cache of clustered events must notice the other's
// writes), removing some, some of them new content under the name of one
// stored before, and holds what the store keeps of its clusters
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
		d, evs := storetest.StoryDoc(rng, n)
		if n%20 == 7 {
			// New content under the name of a document stored before,
			// as an edited file ingested again.
			d.ID = storetest.StoryDocID(n - 5)
			for i := range evs {
				evs[i].Doc, evs[i].ID = d.ID, fmt.Sprintf("%s-again-%d", d.ID, i)
			}
		}
		s := a
		if n%40 == 39 {
			s = b
		}
		if _, err := s.PutDocument(ctx, d, evs); err != nil {
			t.Fatalf("put %s: %v", d.ID, err)
		}
		if n%50 == 45 {
			if _, err := a.Remove(ctx, storetest.StoryDocID(n-2)); err != nil {
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
