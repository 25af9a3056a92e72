// This file holds what the dashboard reads besides events: the sentences of
// a document, counts for series, and planner statistics.

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Sentences returns the stored sentences of the document with content
// hash hash, in order, with their offsets in its cleaned text and their
// paragraph index (no tokens). ErrNotFound when no document has that hash.
func (s *Store) Sentences(ctx context.Context, hash string) ([]doc.Sentence, error) {
	out, err := store.QueryAll(ctx, sqlTx{s.reader()}, store.SentencesSQL, []any{hash}, store.ScanSentence)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", hash, err)
	}
	if len(out) == 0 {
		if _, err := s.Document(ctx, hash); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Tallies counts the events f selects by month, quad class and Goldstein
// score, in SQL. f.Limit and f.After select pages of events, which a
// count has none of: ErrInvalid.
func (s *Store) Tallies(ctx context.Context, f store.Filter) ([]store.Tally, error) {
	return s.talliesOf(ctx, f, "")
}

// ClusterTallies counts the events f selects once per cluster, as
// aggregate.Reduce does, by month, quad class and Goldstein score, for
// the filters whose clusters the stored flags count
// (store.Filter.ClusterCount); ErrInvalid for others.
func (s *Store) ClusterTallies(ctx context.Context, f store.Filter) ([]store.Tally, error) {
	col, err := f.ClusterFlag()
	if err != nil {
		return nil, err
	}
	return s.talliesOf(ctx, f, col)
}

// talliesOf counts the events f selects, or with flag ("cluster_first",
// "cluster_first_way") those of them flagged.
func (s *Store) talliesOf(ctx context.Context, f store.Filter, flag string) ([]store.Tally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	return store.TallyEachWay(f, func(f store.Filter) ([]store.Tally, error) { return s.tallies(ctx, f, flag) })
}

// monthsColumns are the dyad_months columns that count the events a flag
// marks ("": every event).
var monthsColumns = map[string]string{"": "events", "cluster_first": "clusters", "cluster_first_way": "clusters_way"}

func (s *Store) tallies(ctx context.Context, f store.Filter, flag string) ([]store.Tally, error) {
	if where, args, ok := monthsSQL(f); ok {
		n := monthsColumns[flag]
		q := "SELECT month, quad, goldstein, sum(" + n + ") FROM dyad_months"
		if len(where) > 0 {
			q += " WHERE " + strings.Join(where, " AND ")
		}
		return s.queryTallies(ctx, q+" GROUP BY 1, 2, 3 HAVING sum("+n+") > 0 ORDER BY 1, 2, 3", args)
	}
	return s.eventTallies(ctx, f, flag)
}

// monthsSQL turns f into conditions over dyad_months when the table can
// answer it: sides of three letters, a quad class, and dates to the month
// at most (a month's events are all on one side of such a bound, as the
// events' own dates are).
func monthsSQL(f store.Filter) (where []string, args []any, ok bool) {
	if f.Root != "" || f.Code != "" || f.PLOVER != "" || f.Modality != "" || f.Doc != "" || f.Text != "" || f.ID != "" || f.Cluster != "" ||
		len(f.Since) > 7 || len(f.Until) > 7 || f.Both {
		return nil, nil, false
	}
	src, tgt, err := f.Sides()
	if err != nil {
		return nil, nil, false
	}
	for _, side := range []struct{ key, flt, col string }{{src, f.Source, "source_key"}, {tgt, f.Target, "target_key"}} {
		for _, k := range []string{side.key, strings.ToUpper(strings.TrimSpace(side.flt))} {
			switch {
			case k == "":
			case len(k) > 3 || !isCode(k):
				return nil, nil, false
			default:
				where, args = append(where, side.col+" = ?"), append(args, k)
			}
		}
	}
	if f.Quad != 0 {
		where, args = append(where, "quad = ?"), append(args, f.Quad)
	}
	if f.Since != "" {
		where, args = append(where, "month >= ?"), append(args, f.Since)
	}
	if f.Until != "" {
		where, args = append(where, "month <= ?"), append(args, f.Until+"~")
	}
	return where, args, true
}

// eventTallies counts the events themselves (with flag, those flagged),
// through events_series.
func (s *Store) eventTallies(ctx context.Context, f store.Filter, flag string) ([]store.Tally, error) {
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, fmt.Errorf("tallies: %w", err)
	}
	if flag != "" {
		where = append(where, "e."+flag+" = 1")
	}
	return s.queryTallies(ctx, store.TalliesSQL(f, where), args)
}

// queryTallies reads the rows of a tally query: month, quad, Goldstein,
// count.
func (s *Store) queryTallies(ctx context.Context, q string, args []any) ([]store.Tally, error) {
	rows, err := s.queryCached(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("tallies: %w", err)
	}
	defer rows.Close()
	var out []store.Tally
	for rows.Next() {
		t, err := store.ScanTally(rows)
		if err != nil {
			return nil, fmt.Errorf("tallies: scan: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tallies: %w", err)
	}
	return out, nil
}

// Analyze brings the query planner's statistics up to date (a sampled
// ANALYZE, quick on a large file), so pages of events in store order are
// read through the indexes instead of sorting every event.
func (s *Store) Analyze(ctx context.Context) error {
	// analysis_limit holds for one connection: both on the same.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA analysis_limit = 1000`, `ANALYZE`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("analyze: %s: %w", q, err)
		}
	}
	return nil
}

// pageByDocuments says whether a page of the events f selects is read
// quicker by walking the documents in id order and each one's events, and
// stopping at the page's end, than by finding every match through the
// filter's index and sorting them. Walking reads about
// limit*total/matches events, sorting about matches: it wins when
// matches exceed sqrt(limit*total), which a count that stops there
// tells.
func (s *Store) pageByDocuments(ctx context.Context, f store.Filter) bool {
	if f.Limit <= 0 {
		return false
	}
	if f == (store.Filter{After: f.After, Limit: f.Limit}) {
		return true // every event matches: a page is the first events walked, whatever the store's size
	}
	var total int
	// The largest row key is the number of events ever stored: near
	// enough, and read at once, where count(*) reads an index.
	if err := s.queryRowCached(ctx, `SELECT COALESCE(max(pk), 0) FROM events`).Scan(&total); err != nil || total < s.walkMin {
		return false // a small store sorts its matches at once
	}
	threshold := int(math.Sqrt(float64(f.Limit) * float64(total)))
	cf := f
	cf.After, cf.Limit = "", 0
	// Both directions are counted one after the other: each is a range of
	// an index that a count can stop in, where their OR is not.
	filters := []store.Filter{cf}
	if src, tgt, err := f.Sides(); err == nil && f.Both && src != "" && tgt != "" && src != tgt {
		ab, ba := cf, cf
		ab.Both, ba.Both = false, false
		ba.Dyad = tgt + "-" + src
		filters = []store.Filter{ab, ba}
	}
	n := 0
	for _, cf := range filters {
		where, args, err := filterSQL(cf)
		if err != nil {
			return false
		}
		if len(where) == 0 {
			return true // no filter: every event matches
		}
		q := "SELECT count(*) FROM (SELECT 1 FROM events e" + store.JoinsFor(cf) + " WHERE " + strings.Join(where, " AND ") + " LIMIT ?)"
		var m int
		if err := s.queryRowCached(ctx, q, append(args, threshold-n)...).Scan(&m); err != nil {
			return false
		}
		if n += m; n >= threshold {
			return true
		}
	}
	return false
}

// DocumentHash returns the content hash of the document stored with id,
// the last stored when there are several. ErrNotFound when none has it.
func (s *Store) DocumentHash(ctx context.Context, id string) (string, error) {
	var hash string
	err := s.queryRowCached(ctx, store.DocumentHashSQL, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("document %q: %w", id, err)
	}
	return hash, nil
}

// maxStmts bounds the statements queryCached keeps: one per combination
// of filters in use and length of an IN list, far fewer than this in
// practice; past it, statements are prepared for each query.
const maxStmts = 1024

// queryCached runs q as a statement prepared once per query text: parsing
// the events query costs more than running it for a page.
func (s *Store) queryCached(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

// queryRowCached is queryCached for a query of one row.
func (s *Store) queryRowCached(ctx context.Context, q string, args ...any) *sql.Row {
	if st, err := s.stmt(ctx, q); err == nil && st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.db.QueryRowContext(ctx, q, args...)
}

// stmt returns the statement of q, prepared on first use and kept; nil
// once maxStmts statements are kept.
func (s *Store) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	if s.nstmt.Load() >= maxStmts {
		return nil, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		st = prev.(*sql.Stmt)
	} else {
		s.nstmt.Add(1)
	}
	return st, nil
}

// DyadTallies counts the events f selects by source and target key, with
// the sum of their Goldstein scores: from dyad_months when it can answer
// f, else from the events.
func (s *Store) DyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error) {
	return s.dyadTallies(ctx, f, "")
}

// ClusterDyadTallies counts the events f selects once per cluster, as
// aggregate.Reduce does, by source and target key, for the filters whose
// clusters the stored flags count (store.Filter.ClusterCount); ErrInvalid
// for others.
func (s *Store) ClusterDyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error) {
	col, err := f.ClusterFlag()
	if err != nil {
		return nil, err
	}
	return s.dyadTallies(ctx, f, col)
}

// RankTallies counts the events f selects by what a ranking of kind
// ("actors" or "codes") counts, from the events; with clusters, once per
// cluster (the flagged events), for the filters store.Filter.ClusterCount
// accepts, ErrInvalid for others.
func (s *Store) RankTallies(ctx context.Context, f store.Filter, kind string, clusters bool) ([]store.RankTally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("rank tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, fmt.Errorf("rank tallies: %w", err)
	}
	if clusters {
		flag, err := f.ClusterFlag()
		if err != nil {
			return nil, err
		}
		where = append(where, "e."+flag+" = 1")
	}
	out, err := store.QueryAll(ctx, sqlTx{s.reader()}, store.RankTalliesSQL(kind, f, where), args, store.ScanRankTally)
	if err != nil {
		return nil, fmt.Errorf("rank tallies: %w", err)
	}
	return out, nil
}

// dyadTallies counts the events f selects by dyad, or with flag those of
// them flagged.
func (s *Store) dyadTallies(ctx context.Context, f store.Filter, flag string) ([]store.DyadTally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("dyad tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	var q string
	var args []any
	if where, a, ok := monthsSQL(f); ok {
		n := monthsColumns[flag]
		q, args = "SELECT source_key, target_key, sum("+n+"), sum(CAST(round(goldstein * 100) AS INTEGER) * "+n+") FROM dyad_months", a
		if len(where) > 0 {
			q += " WHERE " + strings.Join(where, " AND ")
		}
		q += " GROUP BY 1, 2 HAVING sum(" + n + ") > 0"
	} else {
		where, a, err := filterSQL(f)
		if err != nil {
			return nil, fmt.Errorf("dyad tallies: %w", err)
		}
		if flag != "" {
			where = append(where, "e."+flag+" = 1")
		}
		q, args = store.DyadTalliesSQL(f, where), a
	}
	rows, err := s.queryCached(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("dyad tallies: %w", err)
	}
	defer rows.Close()
	var out []store.DyadTally
	for rows.Next() {
		t, err := store.ScanDyadTally(rows)
		if err != nil {
			return nil, fmt.Errorf("dyad tallies: scan: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dyad tallies: %w", err)
	}
	return out, nil
}

// Published returns the first and the last publication date of the
// stored documents ("" when none has one).
func (s *Store) Published(ctx context.Context) (first, last string, err error) {
	err = s.queryRowCached(ctx, store.PublishedSQL).Scan(&first, &last)
	if err != nil {
		return "", "", fmt.Errorf("publication dates: %w", err)
	}
	return first, last, nil
}

// Latest returns the n documents published last, latest first, without
// their event counts.
func (s *Store) Latest(ctx context.Context, n int) ([]store.DocInfo, error) {
	out, err := store.QueryAll(ctx, sqlTx{s.reader()}, store.LatestSQL, []any{n}, store.ScanLatest)
	if err != nil {
		return nil, fmt.Errorf("latest documents: %w", err)
	}
	return out, nil
}
