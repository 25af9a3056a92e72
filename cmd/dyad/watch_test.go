package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// newsSite serves an RSS feed whose items grow as the feed is fetched
// (its first two fetches list two articles, later ones a third), the
// demo corpus articles it links to, and a feed that always fails. It
// records each request.
type newsSite struct {
	t        *testing.T
	mu       sync.Mutex
	feedHits []http.Header
	badHits  int
	articles map[string]int // path → fetches
	// onArticle, if set, runs after an article is served.
	onArticle func(path string)
}

var siteArticles = []string{"01_xi-moscow-visit.txt", "02_gazprom-cnpc-gas-deal.txt", "04_jcpoa-vienna.txt"}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case "/bad.rss":
		s.badHits++
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	case "/feed.rss":
		s.feedHits = append(s.feedHits, r.Header.Clone())
		n := 2
		if len(s.feedHits) > 2 {
			n = 3
		}
		etag := fmt.Sprintf(`"items-%d"`, n)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", time.Date(2026, 12, 6, n, 0, 0, 0, time.UTC).Format(http.TimeFormat))
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Demo Wire</title>`)
		for _, a := range siteArticles[:n] {
			fmt.Fprintf(w, "<item><title>%s</title><link>/news/%s</link></item>", a, a)
		}
		fmt.Fprint(w, `</channel></rss>`)
	default:
		name := strings.TrimPrefix(r.URL.Path, "/news/")
		b, err := os.ReadFile(filepath.Join("..", "..", "internal", "demo", "corpus", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		s.articles[r.URL.Path]++
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(b)
		if s.onArticle != nil {
			s.onArticle(r.URL.Path)
		}
	}
}

func startSite(t *testing.T) (*newsSite, *httptest.Server) {
	s := &newsSite{t: t, articles: map[string]int{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

// TestWatchRounds is acceptance item 1: over three rounds the feed gains
// an article; each article is stored once, the second round is a
// conditional request answered 304 that stores nothing, and the failing
// feed backs off while the other goes on. dyad status then shows both.
func TestWatchRounds(t *testing.T) {
	site, srv := startSite(t)
	db := filepath.Join(t.TempDir(), "watch.db")
	feeds := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(feeds, []byte("# test feeds\n"+srv.URL+"/bad.rss\n\n"+srv.URL+"/feed.rss\n"), 0o644)
	code, out, stderr := dyad(t, "watch", "--db", db, "--quiet", "--every", "20ms", "--delay", "0", "--rounds", "3", "--feeds", feeds)
	if code != exitPartial {
		t.Fatalf("exit %d, want 1 (the failing feed); stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a status line per round, got:\n%s", out)
	}
	for i, want := range []string{
		"round 1: 2 feeds polled, 2 new articles, ",
		"round 2: 1 feed polled (1 not modified), 1 backing off, 0 new articles, 0 events, 0 failures",
		"round 3: 2 feeds polled, 1 new article, ",
	} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("status line %d = %q, want %q", i+1, lines[i], want)
		}
	}
	if !strings.Contains(stderr, "feed "+srv.URL+"/bad.rss: HTTP 503") {
		t.Errorf("stderr does not name the failing feed and its status:\n%s", stderr)
	}

	site.mu.Lock()
	if len(site.feedHits) != 3 {
		t.Errorf("feed fetched %d times, want 3", len(site.feedHits))
	} else if h := site.feedHits[1]; h.Get("If-None-Match") != `"items-2"` || h.Get("If-Modified-Since") == "" {
		t.Errorf("second request's headers %v: want If-None-Match and If-Modified-Since", h)
	}
	if site.badHits != 2 {
		t.Errorf("failing feed fetched %d times in 3 rounds, want 2 (rounds 1 and 3)", site.badHits)
	}
	for _, a := range siteArticles {
		if n := site.articles["/news/"+a]; n != 1 {
			t.Errorf("%s fetched %d times, want once", a, n)
		}
	}
	site.mu.Unlock()

	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents stored, want 3", len(docs))
	}
	events := 0
	for _, d := range docs {
		events += d.Events
		if !strings.HasPrefix(d.Origin, srv.URL+"/news/") || d.Source != "Demo Wire" || !strings.HasPrefix(d.Coding, "dyad=") {
			t.Errorf("stored document %+v: want its URL, the feed's title as outlet and a coding version", d)
		}
	}
	if events == 0 {
		t.Error("no events stored from three demo articles")
	}

	code, out, stderr = dyad(t, "status", "--db", db)
	if code != 0 {
		t.Fatalf("status exited %d: %s", code, stderr)
	}
	for _, want := range []string{"3 documents", "2 feeds watched", srv.URL + "/feed.rss", srv.URL + "/bad.rss", "HTTP 503"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, srv.URL+"/bad.rss") && !strings.Contains(line, " - ") {
			t.Errorf("the failing feed shows a last success: %q", line)
		}
		if strings.HasPrefix(line, srv.URL+"/feed.rss") && (strings.Contains(line, "HTTP") || !strings.Contains(line, "T")) {
			t.Errorf("the good feed's line should show a success and no error: %q", line)
		}
	}

	// A second run resumes: the feed answers 304 and nothing is stored.
	code, out, _ = dyad(t, "watch", "--db", db, "--quiet", "--delay", "0", "--rounds", "1", srv.URL+"/feed.rss")
	if code != 0 || !strings.Contains(out, "(1 not modified)") || !strings.Contains(out, "0 new articles") {
		t.Errorf("second run exited %d: %s", code, out)
	}
}

// TestWatchStopsOnSignal sends the process SIGINT just after the first
// article is served, while it is coded or during the politeness delay
// before the next: that article is stored, no other is fetched, and watch
// exits 0 saying it stopped. (internal/watch's TestStopFinishesDocumentInHand
// holds the signal to the moment of coding.)
func TestWatchStopsOnSignal(t *testing.T) {
	site, srv := startSite(t)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	site.onArticle = func(string) {
		// After the body is on its way: the signal lands while it is coded.
		time.AfterFunc(150*time.Millisecond, func() { syscall.Kill(os.Getpid(), syscall.SIGINT) })
		site.onArticle = nil
	}
	db := filepath.Join(t.TempDir(), "watch.db")
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"watch", "--db", db, "--quiet", "--delay", "500ms", srv.URL + "/feed.rss"},
			&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	}()
	var code int
	select {
	case code = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("watch did not stop on SIGINT")
	}
	if code != 0 || !strings.Contains(errb.String(), "dyad watch: stopped") {
		t.Errorf("exit %d, stderr %q; want 0 and a stop notice", code, errb.String())
	}
	site.mu.Lock()
	fetched := len(site.articles)
	site.mu.Unlock()
	if fetched != 1 {
		t.Errorf("%d articles fetched, want only the first", fetched)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(context.Background())
	if err != nil || len(docs) != 1 || docs[0].Events == 0 {
		t.Errorf("stored %+v, %v; want the article in hand coded and stored", docs, err)
	}
}

func TestWatchUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"watch"}, "no feeds"},
		{[]string{"watch", "feed.xml"}, `"feed.xml" is not an http(s) feed URL`},
		{[]string{"watch", "--every", "0s", "http://example.com/feed"}, "--every"},
	} {
		code, _, stderr := dyad(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("dyad %v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, stderr := dyad(t, "version")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	coding, err := codingVersion(&config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"module:", "revision:", "model:    dyad syntax model 4 sha256:", "UD English-EWT",
		"tables:   cameo=", "coding:   " + coding} {
		if !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
}
