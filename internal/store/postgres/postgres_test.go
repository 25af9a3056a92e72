package postgres

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/pgtest"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// openDSN opens the database at dsn, closed when the test ends: each call
// is another process's handle on the same database.
func openDSN(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestReopen: a second Open of the same database (another worker) applies
// no migration again and sees the same data.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s1 := openDSN(t, dsn)
	d := storetest.Doc("r.txt", "r", "2012-06-07", "Russia met China.")
	if _, err := s1.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	s2 := openDSN(t, dsn)
	var n int
	if err := s2.pool.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, err := store.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(ms))
	}
	if c, err := s2.Counts(ctx); err != nil || c.Documents != 1 {
		t.Errorf("Counts through the second handle = %+v, %v; want 1 document", c, err)
	}
	var codes int
	if err := s2.pool.QueryRow(ctx, `SELECT count(*) FROM event_view`).Scan(&n); err != nil {
		t.Errorf("event_view: %v", err)
	}
	if err := s2.pool.QueryRow(ctx, `SELECT count(*) FROM cameo_codes`).Scan(&codes); err != nil || codes < 200 {
		t.Errorf("cameo_codes holds %d codes (%v), want the embedded tables", codes, err)
	}
}

func TestTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hu Jintao", "'hu' & 'jintao'"},
		{"strateg*", "'strateg':*"},
		{"U.S.", "('u' <-> 's')"},
		{"Zürich", "'zurich'"},
		{`"strategic" AND (`, "'strategic' & 'and'"},
		{"  - ", ""},
	}
	for _, tt := range tests {
		if got := tsQuery(tt.in); got != tt.want {
			t.Errorf("tsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := words("Zürich-like U.S. 3.5"); !slices.Equal(got, []string{"zurich", "like", "u", "s", "3", "5"}) {
		t.Errorf("words = %q", got)
	}
}

func BenchmarkPutDocument(b *testing.B) {
	s, err := Open(context.Background(), pgtest.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchmarkPut(b, s)
}

// TestNewerSchema: a database migrated by a newer dyad is refused.
func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 'now')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(ctx, dsn); err == nil {
		s.Close()
		t.Fatal("Open of a database from a newer dyad succeeded, want an error")
	}
}

// TestMissingMigration: a migration numbered below the newest applied one
// (a branch that landed later) is still applied.
func TestMissingMigration(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	// Undo 0002 as if it had never been applied (the view of 0003 that
	// reads its column goes too; this test does not need it).
	if _, err := s.pool.Exec(ctx, `DROP VIEW event_view; ALTER TABLE events DROP COLUMN confidence;
		DELETE FROM schema_migrations WHERE version = 2`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	d := storetest.Doc("m.txt", "m", "2012", "Russia met China.")
	e := storetest.Event(d, "m-0", 0, "RUS", "CHN", "042", "2012")
	if _, err := s.PutDocument(ctx, d, []doc.Event{e}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Events(ctx, store.Filter{})
	if err != nil || len(got) != 1 || got[0].Confidence != e.Confidence {
		t.Errorf("events after the missing migration = %+v, %v; want one with confidence %v", got, err, e.Confidence)
	}
}

// TestClusteredOnOpen: a database whose events have no cluster (stored
// before migration 0004) is clustered by the next Open.
func TestClusteredOnOpen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s1 := openDSN(t, dsn)
	a := storetest.Doc("a.txt", "a", "2012-06-07", "Putin arrived in Beijing on June 5.")
	b := storetest.Doc("b.txt", "b", "2012-06-08", "Hu Jintao welcomed Putin on June 5.")
	for _, p := range []struct {
		d *doc.Document
		e doc.Event
	}{{a, storetest.Event(a, "a-0", 0, "RUSGOV", "CHN", "042", "2012-06-05")}, {b, storetest.Event(b, "b-0", 0, "CHNGOV", "RUSGOV", "043", "2012-06-05")}} {
		if _, err := s1.PutDocument(ctx, p.d, []doc.Event{p.e}); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{`UPDATE events SET cluster = NULL`, `DELETE FROM clusters`, `DELETE FROM store_meta WHERE key = 'clusters'`} {
		if _, err := s1.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s2 := openDSN(t, dsn)
	evs, err := s2.Events(ctx, store.Filter{})
	if err != nil || len(evs) != 2 || evs[0].Cluster == "" || evs[0].Cluster != evs[1].Cluster {
		t.Fatalf("events after reopening = %+v, %v; want both in one cluster", evs, err)
	}
	if cs, err := s2.Clusters(ctx, store.Filter{}); err != nil || len(cs) != 1 || cs[0].NumArticles != 2 {
		t.Errorf("Clusters after reopening = %+v, %v; want one of two articles", cs, err)
	}
}
