package server

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

var (
	benchEvents = flag.Int("bench.events", 1_000_000, "synthetic events in the store of the 1M benchmarks")
	benchDB     = flag.String("bench.db", "", "keep the synthetic store in this file and reuse it on the next run (default: a temporary file)")
)

// countries are the actors of the synthetic events, the first the most
// frequent, so some dyads (RUS-CHN) are busy and most are not.
var countries = []string{"RUS", "CHN", "USA", "IRN", "IND", "PAK", "UKR", "PRK", "JPN", "KOR", "ISR", "SAU", "TUR", "SYR", "GBR", "FRA", "DEU", "CUB", "VEN", "BRA"}

// synthetic roots by quad: a code of each class.
var syntheticCodes = []struct {
	code string
	quad int
	g    float64
}{{"042", 1, 1.9}, {"036", 1, 4}, {"057", 2, 8}, {"070", 2, 7}, {"111", 3, -2}, {"130", 3, -4.4}, {"190", 4, -10}, {"173", 4, -5}}

// syntheticStore writes n events, 20 to a document of 10 sentences, dated
// over 2000-2024, into a SQLite file, once per process (or reuses the
// file -bench.db names when it holds them).
var syntheticStore = sync.OnceValues(func() (string, error) {
	path := *benchDB
	if path == "" {
		dir, err := os.MkdirTemp("", "dyad-bench-")
		if err != nil {
			return "", err
		}
		path = filepath.Join(dir, "bench.db")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return "", err
	}
	defer st.Close()
	c, err := st.Counts(ctx)
	if err != nil || c.Events >= *benchEvents {
		return path, err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string {
		// Zipf-like: index i with weight 1/(i+1).
		return countries[min(len(countries)-1, int(float64(len(countries))*rng.Float64()*rng.Float64()))]
	}
	sentences := make([]string, 10)
	for i := range sentences {
		sentences[i] = fmt.Sprintf("Sentence %d of a synthetic report on talks, trade and tension between two states.", i)
	}
	for n, di := c.Events, 0; n < *benchEvents; di++ {
		year, month, day := 2000+rng.IntN(25), 1+rng.IntN(12), 1+rng.IntN(28)
		pub := fmt.Sprintf("%04d-%02d-%02d", year, month, day)
		d := storetest.Doc(fmt.Sprintf("syn-%07d", di+c.Documents), "bench", pub, sentences...)
		evs := make([]doc.Event, 0, 20)
		for k := 0; k < 20 && n < *benchEvents; k++ {
			src, tgt := pick(), pick()
			for tgt == src {
				tgt = pick()
			}
			code := syntheticCodes[rng.IntN(len(syntheticCodes))]
			e := storetest.Event(d, fmt.Sprintf("%s-%02d", d.ID, k), k%10, src+"GOV", tgt, code.code, pub)
			e.Quad, e.Goldstein = code.quad, code.g
			evs = append(evs, e)
			n++
		}
		if _, err := st.PutDocument(ctx, d, evs); err != nil {
			return "", err
		}
	}
	return path, nil
})

// benchServer serves the synthetic store.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	start := time.Now()
	path, err := syntheticStore()
	if err != nil {
		b.Fatalf("synthetic store: %v", err)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	// "dyad serve" analyzes the store when it starts.
	if err := st.Analyze(context.Background()); err != nil {
		b.Fatal(err)
	}
	if c, err := st.Counts(context.Background()); err == nil {
		b.Logf("store %s: %d events in %d documents (ready in %s)", path, c.Events, c.Documents, time.Since(start).Round(time.Second))
	}
	s, err := New(st, Config{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// measure requests path on h in b.Loop and reports the median and the
// 90th percentile, in milliseconds.
func measure(b *testing.B, h http.Handler, path string) {
	b.Helper()
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		took = append(took, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", path, w.Code, w.Body.String())
		}
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)/2]), "ms-median")
	b.ReportMetric(ms(took[len(took)*9/10]), "ms-p90")
}

// BenchmarkSeries1M: the RUS-CHN monthly series, both directions, over
// one million synthetic events: every event (from dyad_months) and each
// cluster once (from the events, as "dyad series" counts them).
func BenchmarkSeries1M(b *testing.B) {
	h := benchServer(b)
	for _, how := range []string{"events", "clusters"} {
		b.Run(how, func(b *testing.B) {
			measure(b, h, "/api/dyads/RUS/CHN/series?interval=month&direction=both&count="+how)
		})
	}
}

// BenchmarkEventsPage1M: a page of 100 events, the first and one deep in
// the store, unfiltered and for a dyad.
func BenchmarkEventsPage1M(b *testing.B) {
	h := benchServer(b)
	// A cursor half-way through the store's documents.
	deep := fmt.Sprintf("syn-%07d-00", *benchEvents/40)
	for _, path := range []string{
		"/api/events?limit=100",
		"/api/events?limit=100&dyad=RUS-CHN&both=true",
		"/api/events?limit=100&cursor=" + deep,
		"/api/events?limit=100&dyad=RUS-CHN&quad=4&since=2015",
	} {
		b.Run(path[len("/api/events?"):], func(b *testing.B) { measure(b, h, path) })
	}
}
