package postgres

import (
	"context"
	"os"
	"slices"
	"testing"

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

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestReopen: a second Open of the same database (another worker) applies
// no migration again and sees the same data.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s1, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	d := storetest.Doc("r.txt", "r", "2012-06-07", "Russia met China.")
	if _, err := s1.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer s2.Close()
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
