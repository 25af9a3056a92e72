// This file holds what the dashboard reads besides events: the sentences of
// a document, counts for series, and planner statistics.

package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Sentences returns the stored sentences of the document with content
// hash hash, in order, with their offsets in its cleaned text and their
// paragraph index (no tokens). ErrNotFound when no document has that hash.
func (s *Store) Sentences(ctx context.Context, hash string) ([]doc.Sentence, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.idx, s.span_start, s.span_end, s.text, s.paragraph, s.codable
		FROM documents d JOIN sentences s ON s.doc = d.pk WHERE d.hash = ? ORDER BY s.idx`, hash)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", hash, err)
	}
	defer rows.Close()
	var out []doc.Sentence
	for rows.Next() {
		var st doc.Sentence
		if err := rows.Scan(&st.Index, &st.Start, &st.End, &st.Text, &st.Paragraph, &st.Codable); err != nil {
			return nil, fmt.Errorf("sentences of %s: scan: %w", hash, err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", hash, err)
	}
	if len(out) == 0 {
		if _, err := s.Document(ctx, hash); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Tallies counts the events f selects by date, quad class and Goldstein
// score, in SQL. f.Limit and f.After select pages of events, which a
// count has none of: ErrInvalid.
func (s *Store) Tallies(ctx context.Context, f store.Filter) ([]store.Tally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, fmt.Errorf("tallies: %w", err)
	}
	// Join only the tables filterSQL's conditions read: a busy dyad's
	// count is then read from the events table alone.
	q := "SELECT e.date, e.quad, e.goldstein, count(*)\nFROM events e"
	if f.Doc != "" {
		q += "\nJOIN documents d ON d.pk = e.doc"
	}
	if len(strings.TrimSpace(f.Source)) > 3 {
		q += "\nJOIN actors sa ON sa.pk = e.source_actor"
	}
	if len(strings.TrimSpace(f.Target)) > 3 {
		q += "\nJOIN actors ta ON ta.pk = e.target_actor"
	}
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	q += "\nGROUP BY e.date, e.quad, e.goldstein ORDER BY e.date, e.quad, e.goldstein"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("tallies: %w", err)
	}
	defer rows.Close()
	var out []store.Tally
	for rows.Next() {
		var t store.Tally
		if err := rows.Scan(&t.Date, &t.Quad, &t.Goldstein, &t.Events); err != nil {
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
