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

// Clusters only ever join events of one pair of actor keys, so a change to
// the events of a pair is met by clustering that pair's events again, in
// the transaction that made the change.

// pairsOf lists the pairs (cluster.PairOf) of events.
func pairsOf(events []doc.Event) map[string]bool {
	pairs := map[string]bool{}
	for _, e := range events {
		pairs[cluster.PairOf(e)] = true
	}
	return pairs
}

// pairSQL is the pair of an event row as cluster.PairOf computes it.
const pairSQL = `CASE WHEN target_key IS NULL THEN source_key
	WHEN source_key <= target_key THEN source_key || '-' || target_key
	ELSE target_key || '-' || source_key END`

// storedPairs lists the pairs of the stored events that meet cond.
func storedPairs(ctx context.Context, tx *sql.Tx, cond string, args ...any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT `+pairSQL+` FROM events WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("pairs of stored events: %w", err)
	}
	defer rows.Close()
	pairs := map[string]bool{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("pairs of stored events: %w", err)
		}
		pairs[p] = true
	}
	return pairs, rows.Err()
}

// recluster clusters again the stored events of each pair and stores the
// clusters and each event's cluster.
func recluster(ctx context.Context, tx *sql.Tx, pairs map[string]bool) error {
	if len(pairs) == 0 {
		return nil
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM clusters WHERE pair = ?`)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer del.Close()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO clusters (id, pair, cameo, root, date, date_precision, place,
		first_report, last_report, num_mentions, num_sources, num_articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer ins.Close()
	set, err := tx.PrepareContext(ctx, `UPDATE events SET cluster = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer set.Close()
	differ, err := tx.PrepareContext(ctx, `INSERT INTO disagreements (cluster, kind, event_a, value_a, event_b, value_b) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer differ.Close()
	sorted := make([]string, 0, len(pairs))
	for p := range pairs {
		sorted = append(sorted, p)
	}
	slices.Sort(sorted)
	for _, pair := range sorted {
		where, args := pairWhere(pair)
		evs, err := queryEvents(ctx, tx, where, args, 0)
		if err != nil {
			return fmt.Errorf("cluster %s: %w", pair, err)
		}
		if _, err := del.ExecContext(ctx, pair); err != nil {
			return fmt.Errorf("cluster %s: %w", pair, err)
		}
		byID := make(map[string]doc.Event, len(evs))
		for _, e := range evs {
			byID[e.ID] = e
		}
		for _, c := range cluster.Assign(evs) {
			var place any
			if c.Place != nil {
				b, err := json.Marshal(c.Place)
				if err != nil {
					return fmt.Errorf("cluster %s: place: %w", c.ID, err)
				}
				place = string(b)
			}
			if _, err := ins.ExecContext(ctx, c.ID, c.Pair, c.CAMEO, c.Root, c.Date, c.DatePrecision, place,
				c.FirstReport, c.LastReport, c.NumMentions, c.NumSources, c.NumArticles); err != nil {
				return fmt.Errorf("store cluster %s: %w", c.ID, err)
			}
			members := make([]doc.Event, len(c.Reports))
			for i, r := range c.Reports {
				if _, err := set.ExecContext(ctx, c.ID, r.Event); err != nil {
					return fmt.Errorf("event %s: cluster: %w", r.Event, err)
				}
				members[i] = byID[r.Event]
			}
			for _, d := range cluster.Disagreements(c.ID, members) {
				if _, err := differ.ExecContext(ctx, c.ID, d.Kind, d.A.Event, d.A.Value, d.B.Event, d.B.Value); err != nil {
					return fmt.Errorf("cluster %s: disagreement: %w", c.ID, err)
				}
			}
		}
	}
	return nil
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
		cond := `cluster IS NULL`
		if have != cluster.Version() {
			cond = `1`
		}
		pairs, err := storedPairs(ctx, tx, cond)
		if err != nil {
			return err
		}
		if err := recluster(ctx, tx, pairs); err != nil {
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
	members := map[string][]doc.Event{}
	// SQLite takes at most 32766 parameters; a few hundred at a time
	// keeps each query small.
	const batch = 500
	for start := 0; start < len(ids); start += batch {
		part := ids[start:min(start+batch, len(ids))]
		in := make([]any, len(part))
		for i, id := range part {
			in[i] = id
		}
		evs, err := queryEvents(ctx, s.db, []string{"e.cluster IN (?" + strings.Repeat(", ?", len(part)-1) + ")"}, in, 0)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range evs {
			members[e.Cluster] = append(members[e.Cluster], e)
		}
	}
	for _, evs := range members {
		slices.SortFunc(evs, func(a, b doc.Event) int { return cmp.Compare(a.ID, b.ID) })
	}
	return ids, members, nil
}
