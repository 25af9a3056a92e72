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

// putTx is PutDocuments' transaction. Its clustering keeps the events of
// the pairs it clustered for the next (store.ClusterCache), when cache is
// not nil, and it stores the events it adds once they are clustered
// (store.PlacingTx): placed holds, by event id, the cluster and flags of
// each event to store, filled by Place.
type putTx struct {
	sqlTx
	cache  *store.ClusterCache
	placed map[string]*placement
}

// placement is where clustering placed an event not yet stored: its
// cluster and flags (bit 1 cluster_first, bit 2 cluster_first_way).
type placement struct {
	cluster string
	flags   uint8
}

func (t putTx) ClusterCache() *store.ClusterCache { return t.cache }

func (t putTx) Place(event, cluster string, flags uint8) bool {
	p := t.placed[event]
	if p != nil {
		p.cluster, p.flags = cluster, flags
	}
	return p != nil
}

// writer is a transaction of the store whose statements are prepared once
// (Store.stmt) and reused on the transaction's connection: the clustering
// code runs the same few statements for every document stored, and
// preparing them cost more than running them. sqlTx{s.writer(tx)}. A
// statement not yet kept is prepared on the transaction, for the rest of
// it, and for the store when the transaction ends (Store.inTx): preparing
// it on the database inside the transaction would wait for a second
// connection, which a store of one connection (":memory:") never has.
type writer struct {
	s     *Store
	tx    *sql.Tx
	local map[string]*sql.Stmt // prepared on tx, closed with it
}

func (s *Store) writer(tx *sql.Tx) writer { return writer{s, tx, map[string]*sql.Stmt{}} }

// stmt returns the statement of q on the transaction: the store's if it
// keeps it, else one prepared on the transaction, q noted for
// prepareMissed.
func (w writer) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.s.stmts.Load(q); ok {
		return w.tx.StmtContext(ctx, st.(*sql.Stmt)), nil
	}
	if st := w.local[q]; st != nil {
		return st, nil
	}
	w.s.missed.Store(q, true)
	st, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.local[q] = st
	return st, nil
}

func (w writer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (w writer) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// prepareMissed prepares the statements writers ran unprepared, outside
// any transaction.
func (s *Store) prepareMissed(ctx context.Context) {
	s.missed.Range(func(q, _ any) bool {
		s.missed.Delete(q)
		s.stmt(ctx, q.(string)) // a statement that fails to prepare runs unprepared
		return true
	})
}

// reader is the store's database for reading, its statements prepared
// once (Store.queryCached): sqlTx{s.reader()} for the shared SQL code's
// reads outside a transaction.
type reader struct{ s *Store }

func (s *Store) reader() reader { return reader{s} }

func (r reader) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.s.queryCached(ctx, query, args...)
}

func (r reader) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.s.db.ExecContext(ctx, query, args...)
}

// clusterStale clusters again every stored event when the clusters were
// made by another version of the clustering, and the pairs of any event
// stored without a cluster (events stored before clusters were kept).
func (s *Store) clusterStale(ctx context.Context) error {
	stale, err := store.ClustersStale(ctx, sqlTx{s.reader()})
	if err != nil || !stale {
		return err
	}
	return s.inTx(ctx, "cluster stored events", func(tx *sql.Tx) error {
		return store.ReclusterStale(ctx, sqlTx{s.writer(tx)})
	})
}

// Clusters returns the clusters holding an event f selects, with all
// their reports, by date.
func (s *Store) Clusters(ctx context.Context, f store.Filter) ([]cluster.Cluster, error) {
	return store.QueryClusters(ctx, sqlTx{s.reader()}, f)
}

// Disagreements returns where the reports of the clusters f selects
// disagree.
func (s *Store) Disagreements(ctx context.Context, f store.Filter) ([]cluster.Disagreement, error) {
	return store.QueryDisagreements(ctx, sqlTx{s.reader()}, f)
}
