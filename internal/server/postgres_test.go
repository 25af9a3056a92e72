package server

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/pgtest"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/store/postgres"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var _ Store = (*postgres.Store)(nil)

// both puts each document into every one of its stores.
type both []putter

func (b both) PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (bool, error) {
	added := false
	for _, st := range b {
		ok, err := st.PutDocument(ctx, d, events)
		if err != nil {
			return false, err
		}
		added = added || ok
	}
	return added, nil
}

// TestPostgresServesAsSQLite stores the seeds, coded once, in a SQLite
// file and in a PostgreSQL database, serves both, and compares their
// answers: every series of RUS-CHN, pages of events, rankings, documents
// and search hits (as a set: each backend ranks its own way).
func TestPostgresServesAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	lite := openSQLite(t, filepath.Join(t.TempDir(), "seeds.db"))
	seeds := sharedtest.Path(t, "corpus", "seeds")
	ingestInto(t, both{lite, pg}, filepath.Join(seeds, "manifest.jsonl"), seeds)
	tsLite, tsPG := newTestServer(t, lite, Config{}), newTestServer(t, pg, Config{})

	var paths []string
	for _, count := range []string{"clusters", "events", "daily"} {
		for _, interval := range []string{"month", "quarter", "year"} {
			for _, dir := range []string{"both", "ab", "ba"} {
				paths = append(paths, "/api/dyads/RUS/CHN/series?count="+count+"&interval="+interval+"&direction="+dir)
			}
		}
	}
	paths = append(paths,
		"/api/dyads/RUS/CHN/series?count=events&quad=1",
		"/api/dyads/RUS/CHN/series?count=events&root=05",
		"/api/dyads/RUS/CHN/series?count=events&q=gas",
		"/api/events?limit=5",
		"/api/events?limit=500",
		"/api/events?dyad=RUS-CHN&both=true",
		"/api/top/dyads",
		"/api/top/dyads?count=events",
		"/api/top/actors?n=5",
		"/api/top/codes?quad=4",
		"/api/documents",
		"/api/stats",
	)
	for _, p := range paths {
		var a, b any
		getJSON(t, tsLite.URL+p, &a)
		getJSON(t, tsPG.URL+p, &b)
		if !reflect.DeepEqual(a, b) {
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			t.Errorf("%s:\nSQLite     %.600s\nPostgreSQL %.600s", p, ja, jb)
		}
	}

	// A page after a cursor, from the first page's.
	var first eventPage
	getJSON(t, tsLite.URL+"/api/events?limit=3", &first)
	if first.Next == "" {
		t.Fatalf("the seeds hold at most 3 events: no second page to compare")
	}
	var a, b eventPage
	getJSON(t, tsLite.URL+"/api/events?limit=3&cursor="+url.QueryEscape(first.Next), &a)
	getJSON(t, tsPG.URL+"/api/events?limit=3&cursor="+url.QueryEscape(first.Next), &b)
	if len(a.Events) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("second page: SQLite %d events (next %q), PostgreSQL %d (next %q)", len(a.Events), a.Next, len(b.Events), b.Next)
	}

	// The series compared above must count something.
	var series seriesResult
	getJSON(t, tsPG.URL+"/api/dyads/RUS/CHN/series?count=events", &series)
	total := seriesTotal(series)
	if total == 0 {
		t.Errorf("PostgreSQL's RUS-CHN series counts no event: %+v", series)
	}

	hits := 0
	for _, q := range []string{"gas", "gas deal", "Russia*", "China"} {
		hl, hp := searchHits(t, tsLite.URL, q), searchHits(t, tsPG.URL, q)
		hits += len(hl)
		if len(hl) == 0 {
			t.Errorf("search %q: no hit over SQLite", q)
		}
		if !slices.Equal(hl, hp) {
			t.Errorf("search %q: SQLite hits %v, PostgreSQL %v", q, hl, hp)
		}
	}
	t.Logf("%d answers equal over SQLite and PostgreSQL; RUS-CHN counts %d events; %d search hits", len(paths)+1, total, hits)
}

// seriesTotal adds up the counts of a series' periods.
func seriesTotal(s seriesResult) int {
	n := 0
	for _, b := range s.Buckets {
		n += b.Count
	}
	return n
}

// searchHits returns every sentence /api/search finds for q on the server
// at base, as sorted "doc#index events" keys.
func searchHits(t *testing.T, base, q string) []string {
	t.Helper()
	var res struct {
		Hits []searchHit `json:"hits"`
	}
	getJSON(t, base+"/api/search?limit="+strconv.Itoa(maxLimit)+"&q="+url.QueryEscape(q), &res)
	if len(res.Hits) == maxLimit {
		t.Fatalf("search %q: %d hits, the most a page holds: not every hit to compare", q, maxLimit)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Doc+"#"+strconv.Itoa(h.Index)+" "+strings.Join(h.Events, ","))
	}
	slices.Sort(out)
	return out
}
