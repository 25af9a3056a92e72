package postgres

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

// TestSeriesScale times the tallies of dyad serve's series over
// DYAD_PG_SERIES_EVENTS synthetic events written by SQL (ten countries,
// eight Goldstein scores, 9,000 days from 2000), and checks each against a
// count of the same events: docs/scaling.md reports the times.
func TestSeriesScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_PG_SERIES_EVENTS"))
	if n <= 0 {
		t.Skip("DYAD_PG_SERIES_EVENTS=1000000 sets how many synthetic events to count")
	}
	ctx := context.Background()
	s := open(t)
	for _, q := range []string{
		`INSERT INTO documents (id, hash, ingested_at) VALUES ('d', 'h', '')`,
		`INSERT INTO actors (code) SELECT unnest(ARRAY['RUS','CHN','USA','IRN','IND','PAK','UKR','PRK','JPN','KOR'])`,
		`INSERT INTO events (id, doc, doc_date, sentence_index, span_start, span_end, source_actor, source_text, source_key,
			target_actor, target_text, target_key, cameo, root, plover, goldstein, quad, trigger_text, date, date_precision, modality)
		SELECT 'e' || i, 1, '', 0, 0, 0, 1 + i % 7, 'x', (SELECT code FROM actors WHERE pk = 1 + i % 7),
			1 + (i % 11) % 10, 'y', (SELECT code FROM actors WHERE pk = 1 + (i % 11) % 10),
			'042', '04', 'CONSULT', (ARRAY[1.9, 4, 8, 7, -2, -4.4, -10, -5])[1 + i % 8], 1 + i % 4, 't',
			to_char(date '2000-01-01' + (i % 9000), 'YYYY-MM-DD'), 'day', 'asserted'
		FROM generate_series(1, $1::int) i`,
		`VACUUM ANALYZE events`,
	} {
		var args []any
		if len(q) > 200 {
			args = append(args, n)
		}
		if _, err := s.pool.Exec(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []store.Filter{{Dyad: "RUS-CHN", Both: true}, {Dyad: "RUS-CHN"}, {Dyad: "RUS-CHN", Both: true, Quad: 4}} {
		where, args, _, err := filterSQL(f)
		if err != nil {
			t.Fatal(err)
		}
		var want int
		if err := s.pool.QueryRow(ctx, rebind("SELECT count(*) FROM events e WHERE "+strings.Join(where, " AND ")), args...).Scan(&want); err != nil {
			t.Fatal(err)
		}
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			ts, err := s.Tallies(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
			got := 0
			for _, x := range ts {
				got += x.Events
			}
			if got != want {
				t.Fatalf("%+v: tallies count %d events, SQL %d", f, got, want)
			}
		}
		t.Logf("dyad %s, both ways %v, quad %d: %d events counted in %.0f ms (best of 3)", f.Dyad, f.Both, f.Quad, want, best.Seconds()*1000)
	}
}
