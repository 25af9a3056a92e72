package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

// TestMemorySuite runs the store suite on databases in memory, whose one
// connection the writer shares: its clustering reads the stored events
// near a change each time, not from the writer's cache.
func TestMemorySuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

func TestMemory(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("m.txt", "m", "2012", "Russia met China.")
	if _, err := s.PutDocument(context.Background(), d, []doc.Event{storetest.Event(d, "e", 0, "RUS", "CHN", "042", "2012")}); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Counts(context.Background()); err != nil || c.Events != 1 {
		t.Errorf("Counts = %+v, %v; want 1 event", c, err)
	}
}

type migrationRow struct {
	Version   int
	Name      string
	AppliedAt string
}

func appliedMigrations(t *testing.T, s *Store) []migrationRow {
	t.Helper()
	rows, err := s.db.Query(`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []migrationRow
	for rows.Next() {
		var m migrationRow
		if err := rows.Scan(&m.Version, &m.Name, &m.AppliedAt); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReopen simulates a restart: open, put, close with nothing else; the
// reopened file holds the same data and its migrations are not re-run.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := store.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	applied := appliedMigrations(t, s)
	if len(applied) != len(ms) || applied[0].Version != 1 || applied[0].Name != "0001_init.sql" {
		t.Fatalf("applied migrations = %+v, want all %d", applied, len(ms))
	}
	var want []doc.Event
	for i := range 3 {
		d := storetest.Doc(fmt.Sprintf("%d.txt", i), "r", "2012-06-07", "Russia met China.", "China met Russia.")
		evs := []doc.Event{
			storetest.Event(d, fmt.Sprintf("%d-0", i), 0, "RUSGOV", "CHN", "042", "2012-06-05"),
			storetest.Event(d, fmt.Sprintf("%d-1", i), 1, "CHN", "", "010", "2012"),
		}
		if added, err := s.PutDocument(ctx, d, evs); err != nil || !added {
			t.Fatalf("PutDocument = %v, %v", added, err)
		}
		want = append(want, evs...)
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The clusters the store gave the events survive the reopening.
	before, err := s.Events(ctx, store.Filter{})
	if err != nil || len(before) != len(want) {
		t.Fatalf("events before reopen = %d, %v; want %d", len(before), err, len(want))
	}
	for i := range want {
		if before[i].Cluster == "" {
			t.Errorf("event %s has no cluster", before[i].ID)
		}
		want[i].Cluster = before[i].Cluster
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if got := appliedMigrations(t, s2); !reflect.DeepEqual(got, applied) {
		t.Errorf("migrations after reopen = %+v, want unchanged %+v", got, applied)
	}
	got, err := s2.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != counts || got.Documents != 3 || got.Events != 6 {
		t.Errorf("counts after reopen = %+v, want %+v", got, counts)
	}
	evs, err := s2.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(evs, want) {
		t.Errorf("events after reopen differ:\n got %+v\nwant %+v", evs, want)
	}
	var mode string
	if err := s2.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s2.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'now')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(ctx, path); err == nil {
		s.Close()
		t.Fatal("Open of a database from a newer dyad succeeded, want an error")
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Putin", `"Putin"`},
		{"Hu Jintao", `"Hu" "Jintao"`},
		{"strat*", `"strat"*`},
		{`say "hi"`, `"say" """hi"""`},
		{"U.S. -", `"U.S."`},
		{" ( ) ", ``},
		{"NEAR(a b)", `"NEAR(a" "b)"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchmarkPut(b, s)
}

// TestTwoHandles opens one new file from two Stores at once, as two dyad
// processes would, and writes through both: migrations run once and every
// document is stored.
func TestTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	stores := make([]*Store, 2)
	errs := make(chan error, 2)
	for i := range stores {
		go func() {
			var err error
			stores[i], err = Open(ctx, path)
			errs <- err
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatalf("Open: %v", err)
		}
	}
	defer stores[0].Close()
	defer stores[1].Close()
	ms, err := store.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if got := appliedMigrations(t, stores[0]); len(got) != len(ms) {
		t.Errorf("applied migrations = %+v, want one row for each of the %d migrations", got, len(ms))
	}
	const perStore = 10
	done := make(chan error, 2*perStore)
	for i, s := range stores {
		go func() {
			for j := range perStore {
				d := storetest.Doc(fmt.Sprintf("s%d-%d", i, j), "two", "2012", "Russia met China.")
				_, err := s.PutDocument(ctx, d, []doc.Event{storetest.Event(d, d.ID+"-e", 0, "RUS", "CHN", "042", "2012")})
				done <- err
			}
		}()
	}
	for range 2 * perStore {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	c, err := stores[1].Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 2*perStore || c.Events != 2*perStore || c.Actors != 2 {
		t.Errorf("counts = %+v, want %d documents and events, 2 actors", c, 2*perStore)
	}
	d := storetest.Doc("s0-0", "two", "2012", "Russia met China.")
	if ok, err := stores[1].HasDocument(ctx, d.Hash); err != nil || !ok {
		t.Errorf("HasDocument(stored) = %v, %v", ok, err)
	}
	if ok, err := stores[1].HasDocument(ctx, "nope"); err != nil || ok {
		t.Errorf("HasDocument(unknown) = %v, %v", ok, err)
	}
}

// TestEventView reads the file as someone with sqlite3 would: event_view
// gives each event its sentence, actor names, CAMEO names and provenance
// without joins, and cameo_codes names every code.
func TestEventView(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("001.txt", "v", "2012-06-07", "Russian President Vladimir Putin met Hu Jintao.", "Xinhua.")
	d.Origin = "https://example.org/a"
	e := storetest.Event(d, "e1", 0, "RUSGOV", "CHN", "042", "2012-06-05")
	if _, err := s.PutDocument(ctx, d, []doc.Event{e}); err != nil {
		t.Fatal(err)
	}
	var sentence, cameoName, rootName, quadName, sourceName, outlet, url, coding string
	err = s.db.QueryRowContext(ctx, `SELECT sentence, cameo_name, root_name, quad_name, source_name, outlet, url, coding
		FROM event_view WHERE id = 'e1'`).Scan(&sentence, &cameoName, &rootName, &quadName, &sourceName, &outlet, &url, &coding)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{sentence, cameoName, rootName, quadName, sourceName, outlet, url, coding}
	want := []string{d.Sentences[0].Text, "Make a visit", "CONSULT", "verbal cooperation", "Vladimir Putin", "Xinhua", d.Origin, d.Coding}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("event_view row = %q\nwant %q", got, want)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM cameo_codes`).Scan(&n); err != nil || n < 290 {
		t.Errorf("cameo_codes holds %d codes, %v; want every code of the tables", n, err)
	}
}

// TestSchemaDocumented holds docs/schema.md to the schema: every table and
// view has a section, and every column is named in it.
func TestSchemaDocumented(t *testing.T) {
	b, err := os.ReadFile("../../../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	docText := string(b)
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	rows.Close()
	if len(names) < 8 {
		t.Fatalf("only %d tables and views: %v", len(names), names)
	}
	for _, n := range names {
		if strings.HasPrefix(n, "sentences_fts_") { // FTS5's own storage: named, not described
			if !strings.Contains(docText, "`"+n+"`") {
				t.Errorf("docs/schema.md does not name %s", n)
			}
			continue
		}
		if !strings.Contains(docText, "## `"+n+"`") {
			t.Errorf("docs/schema.md has no section for %s", n)
		}
		cols, err := s.db.Query(`SELECT name FROM pragma_table_info(?)`, n)
		if err != nil {
			t.Fatal(err)
		}
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(docText, "`"+c+"`") {
				t.Errorf("docs/schema.md does not describe %s.%s", n, c)
			}
		}
		cols.Close()
	}
}

// TestClusterOnOpen: events stored before clusters were kept (a file
// migrated from schema 3) are clustered when the store is next opened.
func TestClusterOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i, day := range []string{"2012-06-05", "2012-06-05", "2013-03-22"} {
		d := storetest.Doc(fmt.Sprintf("%d.txt", i), fmt.Sprint(i), day, "Putin met Hu Jintao.")
		if _, err := s.PutDocument(ctx, d, []doc.Event{storetest.Event(d, fmt.Sprint("e", i), 0, "RUSGOV", "CHNGOV", "040", day)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`UPDATE events SET cluster = NULL; DELETE FROM clusters`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Clusters(ctx, store.Filter{})
	if err != nil || len(cs) != 2 || cs[0].NumArticles != 2 || cs[1].NumArticles != 1 {
		t.Fatalf("clusters after reopening = %+v, %v; want the 2012 meeting from 2 documents and the 2013 one", cs, err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM event_view WHERE cluster IS NULL`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d events without a cluster after reopening (%v)", n, err)
	}

	// Clusters made by another version of the rules are made again.
	if _, err := s.db.Exec(`UPDATE events SET cluster = 'c0000000000000000'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE store_meta SET value = 'cluster=0' WHERE key = 'clusters'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, err := s.Clusters(ctx, store.Filter{})
	if err != nil || len(again) != 2 || again[0].ID != cs[0].ID || again[1].ID != cs[1].ID {
		t.Errorf("clusters after reopening with other rules = %+v, %v; want %s and %s again", again, err, cs[0].ID, cs[1].ID)
	}
}

// TestDisagreementsTable: the file holds what "dyad disagreements" lists,
// for readers of the file alone, and drops it with the reports.
func TestDisagreementsTable(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, sentence := range []string{"Modi arrived for a three-day visit.", "Modi landed for a four-day visit."} {
		d := storetest.Doc(fmt.Sprintf("%d.txt", i), fmt.Sprint(i), "2023-06-21", sentence)
		if _, err := s.PutDocument(ctx, d, []doc.Event{storetest.Event(d, fmt.Sprint("e", i), 0, "INDGOV", "USA", "042", "2023-06-21")}); err != nil {
			t.Fatal(err)
		}
	}
	rows := func() []string {
		t.Helper()
		r, err := s.db.Query(`SELECT d.kind, a.doc, d.value_a, b.doc, d.value_b FROM disagreements d
			JOIN event_view a ON a.id = d.event_a JOIN event_view b ON b.id = d.event_b`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []string
		for r.Next() {
			var k, da, va, db, vb string
			if err := r.Scan(&k, &da, &va, &db, &vb); err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Join([]string{k, da, va, db, vb}, " "))
		}
		return out
	}
	if got := rows(); !reflect.DeepEqual(got, []string{"duration 0.txt three-day 1.txt four-day"}) {
		t.Errorf("disagreements table = %q", got)
	}
	if _, err := s.Remove(ctx, "1.txt"); err != nil {
		t.Fatal(err)
	}
	if got := rows(); len(got) != 0 {
		t.Errorf("disagreements table after removing a report = %q, want none", got)
	}
}

// TestDisagreementsGrown: a cluster that gains a report one document at a
// time (its stored disagreements kept, the new report's added) holds in
// the file what clustering its reports at once lists, each point once.
func TestDisagreementsGrown(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	lengths := []string{"three-day", "four-day", "five-day", "three-day"}
	for i, l := range lengths {
		d := storetest.Doc(fmt.Sprintf("%d.txt", i), fmt.Sprint(i), "2023-06-21", "Modi arrived for a "+l+" visit.")
		if _, err := s.PutDocument(ctx, d, []doc.Event{storetest.Event(d, fmt.Sprint("e", i), 0, "INDGOV", "USA", "042", "2023-06-21")}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.db.Query(`SELECT cluster, kind, event_a, value_a, event_b, value_b FROM disagreements`)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var stored []string
	for r.Next() {
		var c, k, ea, va, eb, vb string
		if err := r.Scan(&c, &k, &ea, &va, &eb, &vb); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, strings.Join([]string{c, k, ea, va, eb, vb}, " "))
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	all, err := s.Disagreements(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range all {
		want = append(want, strings.Join([]string{d.Cluster, d.Kind, d.A.Event, d.A.Value, d.B.Event, d.B.Value}, " "))
	}
	slices.Sort(stored)
	slices.Sort(want)
	// three-four, three-five and four-five, then the second three-day
	// report against four and five.
	if len(want) != 5 || !slices.Equal(stored, want) {
		t.Errorf("disagreements table = %q\nwant, from all the reports at once (5), %q", stored, want)
	}
}
