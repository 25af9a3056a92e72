package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Clusters only ever join events of one pair of actor keys, and events
// whose dates reach a common day (or share a sentence). A change to the
// events of a pair is met, in the transaction that made it, by clustering
// again the events near the change (cluster.Reach).

// seedsOf groups events by their pair (cluster.PairOf).
func seedsOf(events []doc.Event) map[string][]doc.Event {
	seeds := map[string][]doc.Event{}
	for _, e := range events {
		p := cluster.PairOf(e)
		seeds[p] = append(seeds[p], e)
	}
	return seeds
}

// pairSQL is the pair of an event row as cluster.PairOf computes it.
const pairSQL = `CASE WHEN e.target_key IS NULL THEN e.source_key
	WHEN e.source_key <= e.target_key THEN e.source_key || '-' || e.target_key
	ELSE e.target_key || '-' || e.source_key END`

// storedSeeds returns, by pair, the stored events that meet cond with
// what cluster.Reach needs of them: id, document, sentence, code, date
// and cluster.
func storedSeeds(ctx context.Context, tx *sql.Tx, cond string, args ...any) (map[string][]doc.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+pairSQL+`, e.id, d.id, e.sentence_index, e.cameo, e.date, e.date_precision, COALESCE(e.cluster, '')
		FROM events e JOIN documents d ON d.pk = e.doc WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("stored events: %w", err)
	}
	defer rows.Close()
	seeds := map[string][]doc.Event{}
	for rows.Next() {
		var pair string
		var e doc.Event
		if err := rows.Scan(&pair, &e.ID, &e.Doc, &e.SentenceIndex, &e.CAMEO, &e.Date, &e.DatePrecision, &e.Cluster); err != nil {
			return nil, fmt.Errorf("stored events: %w", err)
		}
		seeds[pair] = append(seeds[pair], e)
	}
	return seeds, rows.Err()
}

// merge adds the seeds of b to a.
func merge(a, b map[string][]doc.Event) map[string][]doc.Event {
	for p, evs := range b {
		a[p] = append(a[p], evs...)
	}
	return a
}

// recluster clusters again, pair by pair, the stored events near seeds
// (events just stored, or just removed), or with all every event of the
// seeds' pairs, and stores the clusters, their disagreements and each
// event's cluster.
func recluster(ctx context.Context, tx *sql.Tx, seeds map[string][]doc.Event, all bool) error {
	if len(seeds) == 0 {
		return nil
	}
	st, err := prepareClusterWrites(ctx, tx)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer st.close()
	pairs := make([]string, 0, len(seeds))
	for p := range seeds {
		pairs = append(pairs, p)
	}
	slices.Sort(pairs)
	for _, pair := range pairs {
		if err := reclusterPair(ctx, tx, st, pair, seeds[pair], all); err != nil {
			return fmt.Errorf("cluster %s: %w", pair, err)
		}
	}
	return nil
}

// clusterWrites are the statements that store clusters.
type clusterWrites struct {
	del, ins, set, differ, orphans *sql.Stmt
}

func prepareClusterWrites(ctx context.Context, tx *sql.Tx) (*clusterWrites, error) {
	st := &clusterWrites{}
	for _, p := range []struct {
		stmt **sql.Stmt
		q    string
	}{
		{&st.del, `DELETE FROM clusters WHERE id = ?`},
		{&st.ins, `INSERT INTO clusters (id, pair, cameo, root, date, date_precision, place,
			first_report, last_report, num_mentions, num_sources, num_articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.set, `UPDATE events SET cluster = ? WHERE id = ?`},
		{&st.differ, `INSERT INTO disagreements (cluster, kind, event_a, value_a, event_b, value_b) VALUES (?, ?, ?, ?, ?, ?)`},
		{&st.orphans, `DELETE FROM clusters WHERE pair = ? AND NOT EXISTS (SELECT 1 FROM events WHERE events.cluster = clusters.id)`},
	} {
		var err error
		if *p.stmt, err = tx.PrepareContext(ctx, p.q); err != nil {
			st.close()
			return nil, err
		}
	}
	return st, nil
}

func (st *clusterWrites) close() {
	for _, s := range []*sql.Stmt{st.del, st.ins, st.set, st.differ, st.orphans} {
		if s != nil {
			s.Close()
		}
	}
}

func reclusterPair(ctx context.Context, tx *sql.Tx, st *clusterWrites, pair string, seeds []doc.Event, all bool) error {
	where, args := pairWhere(pair)
	stored, err := storedSeeds(ctx, tx, strings.Join(where, " AND "), args...)
	if err != nil {
		return err
	}
	near := stored[pair]
	reach := make([]int, len(near))
	for i := range reach {
		reach[i] = i
	}
	if !all {
		reach = cluster.Reach(near, seeds)
	}
	ids := make([]string, len(reach))
	for k, i := range reach {
		ids[k] = near[i].ID
	}
	evs, err := eventsByID(ctx, tx, ids)
	if err != nil {
		return err
	}
	byID := make(map[string]*doc.Event, len(evs))
	for i := range evs {
		byID[evs[i].ID] = &evs[i]
	}
	for _, c := range cluster.Assign(evs) {
		if err := storeCluster(ctx, st, c, byID); err != nil {
			return err
		}
	}
	// The old clusters of the events re-clustered, and those whose every
	// event is gone, are named by no event now.
	_, err = st.orphans.ExecContext(ctx, pair)
	return err
}

// storeCluster stores c, its disagreements, and its events' cluster
// where it changed.
func storeCluster(ctx context.Context, st *clusterWrites, c cluster.Cluster, byID map[string]*doc.Event) error {
	var place any
	if c.Place != nil {
		b, err := json.Marshal(c.Place)
		if err != nil {
			return fmt.Errorf("cluster %s: place: %w", c.ID, err)
		}
		place = string(b)
	}
	// A cluster made again with the same events keeps its id.
	if _, err := st.del.ExecContext(ctx, c.ID); err != nil {
		return fmt.Errorf("cluster %s: %w", c.ID, err)
	}
	if _, err := st.ins.ExecContext(ctx, c.ID, c.Pair, c.CAMEO, c.Root, c.Date, c.DatePrecision, place,
		c.FirstReport, c.LastReport, c.NumMentions, c.NumSources, c.NumArticles); err != nil {
		return fmt.Errorf("store cluster %s: %w", c.ID, err)
	}
	members := make([]doc.Event, len(c.Reports))
	for i, r := range c.Reports {
		e := byID[r.Event]
		if e.Cluster != c.ID {
			if _, err := st.set.ExecContext(ctx, c.ID, r.Event); err != nil {
				return fmt.Errorf("event %s: cluster: %w", r.Event, err)
			}
		}
		members[i] = *e
	}
	for _, d := range cluster.Disagreements(c.ID, members) {
		if _, err := st.differ.ExecContext(ctx, c.ID, d.Kind, d.A.Event, d.A.Value, d.B.Event, d.B.Value); err != nil {
			return fmt.Errorf("cluster %s: disagreement: %w", c.ID, err)
		}
	}
	return nil
}

// eventsByID returns the stored events with these ids.
func eventsByID(ctx context.Context, db querier, ids []string) ([]doc.Event, error) {
	return eventsIn(ctx, db, "e.id", ids)
}

// eventsIn returns the stored events whose column col (e.id, e.cluster)
// is one of values, a few hundred at a time: SQLite takes at most 32766
// parameters in one query.
func eventsIn(ctx context.Context, db querier, col string, values []string) ([]doc.Event, error) {
	const batch = 500
	var out []doc.Event
	for start := 0; start < len(values); start += batch {
		part := values[start:min(start+batch, len(values))]
		in := make([]any, len(part))
		for i, v := range part {
			in[i] = v
		}
		evs, err := queryEvents(ctx, db, []string{col + " IN (?" + strings.Repeat(", ?", len(part)-1) + ")"}, in, 0, false)
		if err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return out, nil
}

// pairWhere selects the events of a pair through the index on
// (source_key, target_key).
func pairWhere(pair string) ([]string, []any) {
	a, b, ok := strings.Cut(pair, "-")
	if !ok {
		return []string{"e.source_key = ?", "e.target_key IS NULL"}, []any{a}
	}
	return []string{"((e.source_key = ? AND e.target_key = ?) OR (e.source_key = ? AND e.target_key = ?))"}, []any{a, b, b, a}
}

// clusterStale clusters again every stored event when the clusters were
// made by another version of the clustering (cluster.Version, kept in
// store_meta), and the pairs of any event stored without a cluster
// (events stored before clusters were kept).
func (s *Store) clusterStale(ctx context.Context) error {
	var have string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = 'clusters'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read clustering version: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE cluster IS NULL`).Scan(&n); err != nil {
		return fmt.Errorf("events without a cluster: %w", err)
	}
	if have == cluster.Version() && n == 0 {
		return nil
	}
	return s.inTx(ctx, "cluster stored events", func(tx *sql.Tx) error {
		cond := `e.cluster IS NULL`
		if have != cluster.Version() {
			cond = `1`
		}
		seeds, err := storedSeeds(ctx, tx, cond)
		if err != nil {
			return err
		}
		if err := recluster(ctx, tx, seeds, true); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO store_meta (key, value) VALUES ('clusters', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, cluster.Version())
		return err
	})
}

// Clusters returns the clusters holding an event f selects, with all
// their reports, by date.
func (s *Store) Clusters(ctx context.Context, f store.Filter) ([]cluster.Cluster, error) {
	ids, members, err := s.clusterMembers(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	out := make([]cluster.Cluster, 0, len(ids))
	for _, id := range ids {
		out = append(out, cluster.Summarize(id, members[id]))
	}
	return out, nil
}

// Disagreements returns where the reports of the clusters f selects
// disagree.
func (s *Store) Disagreements(ctx context.Context, f store.Filter) ([]cluster.Disagreement, error) {
	ids, members, err := s.clusterMembers(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("disagreements: %w", err)
	}
	var out []cluster.Disagreement
	for _, id := range ids {
		out = append(out, cluster.Disagreements(id, members[id])...)
	}
	return out, nil
}

// clusterMembers returns the ids of the clusters holding an event f
// selects (at most f.Limit, by date), and every event of each.
func (s *Store) clusterMembers(ctx context.Context, f store.Filter) ([]string, map[string][]doc.Event, error) {
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, nil, err
	}
	q := `SELECT c.id FROM clusters c WHERE c.id IN (SELECT e.cluster FROM events e
		JOIN documents d ON d.pk = e.doc
		JOIN actors sa ON sa.pk = e.source_actor
		LEFT JOIN actors ta ON ta.pk = e.target_actor`
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	q += ")\nORDER BY c.date, c.pair, c.id"
	if f.Limit > 0 {
		q += "\nLIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	evs, err := eventsIn(ctx, s.db, "e.cluster", ids)
	if err != nil {
		return nil, nil, err
	}
	members := map[string][]doc.Event{}
	for _, e := range evs {
		members[e.Cluster] = append(members[e.Cluster], e)
	}
	for _, evs := range members {
		slices.SortFunc(evs, func(a, b doc.Event) int { return cmp.Compare(a.ID, b.ID) })
	}
	return ids, members, nil
}
