package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/store"
)

// pgTx is a pool or transaction as the SQL code shared with SQLite
// (store.Tx) uses it: its ? placeholders numbered for PostgreSQL.
type pgTx struct {
	db interface {
		Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
		Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	}
}

func (t pgTx) Query(ctx context.Context, query string, args []any, row func(store.Row) error) error {
	rows, err := t.db.Query(ctx, rebind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return store.EachRow(rows, row)
}

func (t pgTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.db.Exec(ctx, rebind(query), args...)
	return err
}

// clusterLock is the first key of the advisory locks that make writers
// cluster the events of one pair one at a time; the second is the pair's
// hash.
const clusterLock = 0x636c7573 // "clus"

// LockPair makes a transaction that clusters the events of pair wait for
// any other doing so to end. Under READ COMMITTED the next statement then
// sees that transaction's events, so two workers storing reports of one
// event at once still put them in one cluster.
func (t pgTx) LockPair(ctx context.Context, pair string) error {
	_, err := t.db.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, clusterLock, pair)
	return err
}

// Clusters returns the clusters holding an event f selects, with all
// their reports, by date.
func (s *Store) Clusters(ctx context.Context, f store.Filter) ([]cluster.Cluster, error) {
	return store.QueryClusters(ctx, pgTx{s.pool}, f)
}

// Disagreements returns where the reports of the clusters f selects
// disagree.
func (s *Store) Disagreements(ctx context.Context, f store.Filter) ([]cluster.Disagreement, error) {
	return store.QueryDisagreements(ctx, pgTx{s.pool}, f)
}
