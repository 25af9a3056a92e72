// This file holds the SQL, shared by the SQL backends, of what the
// dashboard reads besides events: a document's sentences, the latest
// documents, and counts of events for series and rankings of dyads.

package store

import (
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// JoinsFor joins to events e only the tables whose columns the conditions
// of Filter.Where read for f (the document for Doc, the actors for codes
// longer than a key), so counting a busy dyad reads the events alone.
func JoinsFor(f Filter) string {
	var j string
	if f.Doc != "" {
		j += "\nJOIN documents d ON d.pk = e.doc"
	}
	if len(strings.TrimSpace(f.Source)) > 3 {
		j += "\nJOIN actors sa ON sa.pk = e.source_actor"
	}
	if len(strings.TrimSpace(f.Target)) > 3 {
		j += "\nJOIN actors ta ON ta.pk = e.target_actor"
	}
	return j
}

// TalliesSQL counts the events e of f that meet every condition of where
// by month, quad class and Goldstein score, in that order; ScanTally reads
// its rows.
func TalliesSQL(f Filter, where []string) string {
	q := "SELECT substr(e.date, 1, 7), e.quad, e.goldstein, count(*)\nFROM events e" + JoinsFor(f)
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	return q + "\nGROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
}

// TallyEachWay counts the events of f with tally, each direction apart
// when f counts a dyad both ways, and merges the two lists: each
// direction alone is a range of the events_series index, where an OR of
// the two reads more of the table.
func TallyEachWay(f Filter, tally func(Filter) ([]Tally, error)) ([]Tally, error) {
	src, tgt, err := f.Sides()
	if err != nil {
		return nil, err
	}
	if !f.Both || src == "" || tgt == "" || src == tgt {
		return tally(f)
	}
	ab, ba := f, f
	ab.Both, ba.Both = false, false
	ba.Dyad = tgt + "-" + src
	one, err := tally(ab)
	if err != nil {
		return nil, err
	}
	two, err := tally(ba)
	if err != nil {
		return nil, err
	}
	return mergeTallies(one, two), nil
}

// mergeTallies adds two lists of tallies, each sorted by date, quad and
// Goldstein, into one sorted list.
func mergeTallies(a, b []Tally) []Tally {
	less := func(x, y Tally) int {
		if c := strings.Compare(x.Date, y.Date); c != 0 {
			return c
		}
		if x.Quad != y.Quad {
			return x.Quad - y.Quad
		}
		return cmp.Compare(x.Goldstein, y.Goldstein)
	}
	out := make([]Tally, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch c := less(a[0], b[0]); {
		case c < 0:
			out, a = append(out, a[0]), a[1:]
		case c > 0:
			out, b = append(out, b[0]), b[1:]
		default:
			t := a[0]
			t.Events += b[0].Events
			out, a, b = append(out, t), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// ScanTally reads one row of a tally query: month, quad, Goldstein, count.
func ScanTally(r Row) (Tally, error) {
	var t Tally
	err := r.Scan(&t.Date, &t.Quad, &t.Goldstein, &t.Events)
	return t, err
}

// DyadTalliesSQL counts the events e of f that meet every condition of
// where by source and target key, with the sum of their Goldstein scores
// in hundredths; ScanDyadTally reads its rows.
func DyadTalliesSQL(f Filter, where []string) string {
	q := "SELECT e.source_key, COALESCE(e.target_key, ''), count(*), sum(CAST(round(e.goldstein * 100) AS INTEGER)) FROM events e" + JoinsFor(f)
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	return q + " GROUP BY 1, 2"
}

// RankTalliesSQL counts the events e of f that meet every condition of
// where by what a ranking of kind ("actors" or "codes") counts, with the
// sum of their Goldstein scores in hundredths; ScanRankTally reads its
// rows.
func RankTalliesSQL(kind string, f Filter, where []string) string {
	q := "SELECT e.cameo, '', '', '', count(*), sum(CAST(round(e.goldstein * 100) AS INTEGER))\nFROM events e" + JoinsFor(f)
	group := "1"
	if kind == "actors" {
		q = `SELECT sa.code, COALESCE(NULLIF(sa.name, ''), e.source_text, ''), COALESCE(ta.code, ''), COALESCE(NULLIF(ta.name, ''), e.target_text, ''),
		count(*), sum(CAST(round(e.goldstein * 100) AS INTEGER))
FROM events e
JOIN actors sa ON sa.pk = e.source_actor
LEFT JOIN actors ta ON ta.pk = e.target_actor`
		if f.Doc != "" {
			q += "\nJOIN documents d ON d.pk = e.doc"
		}
		group = "1, 2, 3, 4"
	}
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	return q + "\nGROUP BY " + group
}

// ScanRankTally reads one row of a RankTalliesSQL query.
func ScanRankTally(r Row) (RankTally, error) {
	var t RankTally
	err := r.Scan(&t.Source, &t.SourceName, &t.Target, &t.TargetName, &t.Events, &t.GoldsteinHundredths)
	return t, err
}

// ScanDyadTally reads one row of a dyad tally query.
func ScanDyadTally(r Row) (DyadTally, error) {
	var t DyadTally
	err := r.Scan(&t.Source, &t.Target, &t.Events, &t.GoldsteinHundredths)
	return t, err
}

// SentencesSQL selects the sentences of the document whose hash is ?, in
// order, as ScanSentence reads them.
const SentencesSQL = `SELECT s.idx, s.span_start, s.span_end, s.text, s.paragraph, s.codable
	FROM documents d JOIN sentences s ON s.doc = d.pk WHERE d.hash = ? ORDER BY s.idx`

// ScanSentence reads one row of SentencesSQL (no tokens).
func ScanSentence(r Row) (doc.Sentence, error) {
	var st doc.Sentence
	err := r.Scan(&st.Index, &st.Start, &st.End, &st.Text, &st.Paragraph, &st.Codable)
	return st, err
}

// DocumentHashSQL selects the content hash of the document stored last
// with the id ?.
const DocumentHashSQL = `SELECT hash FROM documents WHERE id = ? ORDER BY pk DESC LIMIT 1`

// PublishedSQL selects the first and the last publication date of the
// stored documents ("" when none has one).
const PublishedSQL = `SELECT COALESCE(min(published), ''), COALESCE(max(published), '')
	FROM documents WHERE published != ''`

// LatestSQL selects the ? documents published last, latest first, as
// ScanLatest reads them.
const LatestSQL = `SELECT id, hash, title, source, published, origin, coding
	FROM documents ORDER BY published DESC, pk DESC LIMIT ?`

// ScanLatest reads one row of LatestSQL, without the event count.
func ScanLatest(r Row) (DocInfo, error) {
	var d DocInfo
	err := r.Scan(&d.ID, &d.Hash, &d.Title, &d.Source, &d.Published, &d.Origin, &d.Coding)
	return d, err
}

// QueryAll runs query on db and reads each row with scan.
func QueryAll[T any](ctx context.Context, db Tx, query string, args []any, scan func(Row) (T, error)) ([]T, error) {
	var out []T
	err := db.Query(ctx, query, args, func(r Row) error {
		v, err := scan(r)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// ClusterCount says whether the events of f counted once per cluster (as
// aggregate.Reduce counts them: the first of each cluster's events f
// selects, by cluster.Order) are the events a stored flag marks: f selects
// a dyad, a side or every event and nothing else, so it takes whole
// directions of a cluster's pair (a side alone or a dyad one way: the
// first of its direction, cluster_first_way) or whole clusters (both ways,
// or every event: the first of the cluster, cluster_first). Other filters
// (dates, codes, quad classes) may select a cluster's later events
// without its first; their counts read the events.
func (f Filter) ClusterCount() bool {
	_, err := f.ClusterFlag()
	return err == nil
}

// ClusterFlag is the flag column that counts f's clusters, or ErrInvalid
// when no flag can (ClusterCount).
func (f Filter) ClusterFlag() (string, error) {
	rest := f
	rest.Dyad, rest.Both, rest.Source, rest.Target = "", false, "", ""
	if rest != (Filter{}) {
		return "", fmt.Errorf("counts of clusters: a filter of more than a dyad or a side: %w", ErrInvalid)
	}
	src, tgt, err := f.Sides()
	if err != nil {
		return "", err
	}
	for _, k := range []string{f.Source, f.Target} {
		if k = strings.TrimSpace(k); k != "" && (f.Both || len(k) > 3 || !isCode(strings.ToUpper(k))) {
			return "", fmt.Errorf("counts of clusters: side %q: %w", k, ErrInvalid)
		}
	}
	if f.Both || src == "" && tgt == "" && f.Source == "" && f.Target == "" {
		return "cluster_first", nil
	}
	return "cluster_first_way", nil
}
