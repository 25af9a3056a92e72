package sqlite

import (
	"context"
	"database/sql"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/store"
)

// sqlTx is a database or transaction as the SQL code shared with other
// backends (store.Tx) uses it. SQLite has one writer at a time, so
// clustering needs no lock of its own.
type sqlTx struct {
	db interface {
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	}
}

func (t sqlTx) Query(ctx context.Context, query string, args []any, row func(store.Row) error) error {
	rows, err := t.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return store.EachRow(rows, row)
}

func (t sqlTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.db.ExecContext(ctx, query, args...)
	return err
}

func (sqlTx) LockPair(context.Context, string) error { return nil }

// clusterStale clusters again every stored event when the clusters were
// made by another version of the clustering, and the pairs of any event
// stored without a cluster (events stored before clusters were kept).
func (s *Store) clusterStale(ctx context.Context) error {
	stale, err := store.ClustersStale(ctx, sqlTx{s.db})
	if err != nil || !stale {
		return err
	}
	return s.inTx(ctx, "cluster stored events", func(tx *sql.Tx) error {
		return store.ReclusterStale(ctx, sqlTx{tx})
	})
}

// Clusters returns the clusters holding an event f selects, with all
// their reports, by date.
func (s *Store) Clusters(ctx context.Context, f store.Filter) ([]cluster.Cluster, error) {
	return store.QueryClusters(ctx, sqlTx{s.db}, f)
}

// Disagreements returns where the reports of the clusters f selects
// disagree.
func (s *Store) Disagreements(ctx context.Context, f store.Filter) ([]cluster.Disagreement, error) {
	return store.QueryDisagreements(ctx, sqlTx{s.db}, f)
}
