package sqlite

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad/internal/doc"
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
