package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func TestRequired(t *testing.T) {
	tests := []struct {
		ci, require string
		want        bool
	}{
		{"", "", false},
		{"true", "", true},
		{"1", "", true},
		{"false", "", false},
		{"", "1", true},
		{"", "0", false},
	}
	for _, tt := range tests {
		t.Setenv("CI", tt.ci)
		t.Setenv("DYAD_REQUIRE_POSTGRES", tt.require)
		if got := Required(); got != tt.want {
			t.Errorf("CI=%q DYAD_REQUIRE_POSTGRES=%q: Required() = %v, want %v", tt.ci, tt.require, got, tt.want)
		}
	}
}

// TestDSN: each call gives a new, empty database on a server that
// answers.
func TestDSN(t *testing.T) {
	ctx := context.Background()
	a, b := DSN(t), DSN(t)
	if a == b {
		t.Fatalf("two calls gave the same database %s", a)
	}
	for _, dsn := range []string{a, b} {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatalf("connect %s: %v", dsn, err)
		}
		var n int
		err = conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`).Scan(&n)
		conn.Close(ctx)
		if err != nil || n != 0 {
			t.Errorf("%s: %d tables (%v), want an empty database", dsn, n, err)
		}
	}
}
