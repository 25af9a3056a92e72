package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// site serves a feed whose items the test changes between rounds, the
// articles they link to, and a robots.txt; it records every request.
type site struct {
	mu       sync.Mutex
	items    []string // article paths, newest last
	version  int      // bumped when items change: the ETag
	modified time.Time
	articles map[string]string // path → HTML
	robots   string            // "" → 404
	failFeed bool
	requests []request
}

type request struct {
	path, ifNoneMatch, ifModifiedSince, userAgent string
	at                                            time.Time
}

func newSite(t *testing.T) (*site, *httptest.Server) {
	s := &site{articles: map[string]string{}, modified: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *site) add(path, title, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, path)
	s.articles[path] = "<html><head><title>" + title + "</title></head><body><article><p>" + body + "</p></article></body></html>"
	s.version++
	s.modified = s.modified.Add(time.Hour)
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, request{r.URL.Path, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.UserAgent(), time.Now()})
	switch {
	case r.URL.Path == "/robots.txt":
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, s.robots)
	case r.URL.Path == "/feed":
		if s.failFeed {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		etag := fmt.Sprintf(`"v%d"`, s.version)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", s.modified.Format(http.TimeFormat))
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
		for _, p := range s.items {
			fmt.Fprintf(w, `<item><title>%s</title><link>%s</link><pubDate>Sun, 06 Dec 2026 09:00:00 GMT</pubDate></item>`, p, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	default:
		a, ok := s.articles[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, a)
	}
}

// hits returns the requests for path.
func (s *site) hits(path string) []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []request
	for _, r := range s.requests {
		if r.path == path {
			out = append(out, r)
		}
	}
	return out
}

// collector is a Handler that keeps the pages it is given.
type collector struct {
	mu    sync.Mutex
	pages []ingest.Page
	// during, if set, runs inside Handle.
	during func(ctx context.Context)
}

func (c *collector) Handle(ctx context.Context, p ingest.Page) (Result, error) {
	if c.during != nil {
		c.during(ctx)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages = append(c.pages, p)
	return Result{New: true, Events: 2}, nil
}

func (c *collector) urls() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, p := range c.pages {
		out = append(out, p.URL)
	}
	return out
}

func openState(t *testing.T) *sqlite.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "watch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestRoundsConditionalAndDeduplicated(t *testing.T) {
	ctx := context.Background()
	s, srv := newSite(t)
	s.add("/a/1", "One", "Russia and China signed a gas deal.")
	s.add("/a/2", "Two", "India protested to Pakistan.")
	st := openState(t)
	var c collector
	w := New([]string{srv.URL + "/feed"}, st, &c, Options{Delay: -1})

	r1, err := w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Polled != 1 || r1.New != 2 || r1.Events != 4 || len(r1.Failures) != 0 {
		t.Fatalf("round 1 = %+v, want 1 feed polled, 2 new articles, 4 events, no failures", r1)
	}
	if got := c.urls(); strings.Join(got, " ") != srv.URL+"/a/1 "+srv.URL+"/a/2" {
		t.Errorf("round 1 handled %v", got)
	}
	if p := c.pages[0]; p.Source != "Test Wire" || p.Title != "/a/1" || p.Published != "2026-12-06" || !strings.Contains(string(p.Raw), "gas deal") {
		t.Errorf("page 1 = %+v, want the feed's title, source and date and the article's bytes", p)
	}

	r2, err := w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	feeds := s.hits("/feed")
	if len(feeds) != 2 || feeds[1].ifNoneMatch != `"v2"` || feeds[1].ifModifiedSince == "" {
		t.Fatalf("second feed request %+v: want If-None-Match \"v2\" and If-Modified-Since", feeds)
	}
	if r2.NotModified != 1 || r2.New != 0 || len(c.pages) != 2 {
		t.Errorf("round 2 = %+v with %d pages handled; want a 304 and nothing new", r2, len(c.pages))
	}

	// A new item, and one whose article repeats an old one's bytes.
	s.add("/a/3", "Three", "Iran warned the United States.")
	s.add("/a/copy", "Copy", "Russia and China signed a gas deal.")
	s.mu.Lock()
	s.articles["/a/copy"] = s.articles["/a/1"]
	s.mu.Unlock()
	r3, err := w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r3.New != 1 || r3.Known != 1 || len(c.pages) != 3 || c.pages[2].URL != srv.URL+"/a/3" {
		t.Errorf("round 3 = %+v, handled %v; want only /a/3 new and the copy known by its hash", r3, c.urls())
	}
	if n := len(s.hits("/a/1")); n != 1 {
		t.Errorf("/a/1 fetched %d times, want once", n)
	}

	// A restart keeps the validators and the items seen.
	w2 := New([]string{srv.URL + "/feed"}, st, &c, Options{Delay: -1})
	r4, err := w2.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r4.NotModified != 1 || len(c.pages) != 3 {
		t.Errorf("after a restart: %+v, %d pages; want a 304", r4, len(c.pages))
	}
	f, err := st.Feed(ctx, srv.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	if f.ETag != `"v4"` || f.LastSuccess.IsZero() || f.Failures != 0 {
		t.Errorf("stored feed state = %+v", f)
	}
	if ua := s.hits("/feed")[0].userAgent; ua != UserAgent {
		t.Errorf("User-Agent %q, want %q", ua, UserAgent)
	}
}

func TestBackoffWhileOthersGoOn(t *testing.T) {
	ctx := context.Background()
	good, goodSrv := newSite(t)
	good.add("/a/1", "One", "Russia and China signed a gas deal.")
	bad, badSrv := newSite(t)
	bad.failFeed = true
	st := openState(t)
	var c collector
	// Rounds come at once, as if each took an hour of coding: the
	// backoff counts rounds, not wall time.
	w := New([]string{badSrv.URL + "/feed", goodSrv.URL + "/feed"}, st, &c, Options{Delay: -1, Every: time.Minute})
	var polledBad []int
	for round := 1; round <= 8; round++ {
		before := len(bad.hits("/feed"))
		r, err := w.Round(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(bad.hits("/feed")) > before {
			polledBad = append(polledBad, round)
			if len(r.Failures) != 1 || !strings.Contains(r.Failures[0].Error(), "HTTP 500") {
				t.Errorf("round %d failures %v, want the failing feed named with HTTP 500", round, r.Failures)
			}
		}
	}
	// Waits of 2, then 4 rounds: polled at rounds 1, 3 and 7.
	if fmt.Sprint(polledBad) != "[1 3 7]" {
		t.Errorf("failing feed polled in rounds %v, want [1 3 7]", polledBad)
	}
	if n := len(good.hits("/feed")); n != 8 {
		t.Errorf("good feed polled %d times in 8 rounds, want 8", n)
	}
	if len(c.pages) != 1 {
		t.Errorf("%d articles handled, want 1", len(c.pages))
	}
	f, err := st.Feed(ctx, badSrv.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	if f.Failures != 3 || !strings.Contains(f.LastError, "500") || !f.LastSuccess.IsZero() {
		t.Errorf("failing feed state = %+v, want 3 failures, the 500 and no success", f)
	}
	// Recovery resets the backoff.
	bad.failFeed = false
	bad.add("/a/9", "Nine", "Iran warned the United States.")
	// The next wait is 8 rounds: rounds 8 to 14 sit out, 15 polls.
	for round := 9; round <= 15; round++ {
		r, err := w.Round(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if polled := r.BackingOff == 0; polled != (round == 15) {
			t.Errorf("round %d: %+v", round, r)
		}
	}
	if f, _ = st.Feed(ctx, badSrv.URL+"/feed"); f.Failures != 0 || !f.NextPoll.IsZero() || f.LastSuccess.IsZero() || f.LastError == "" {
		t.Errorf("recovered feed state = %+v, want no failures, a success and the last error kept", f)
	}
}

func TestRobotsRespected(t *testing.T) {
	ctx := context.Background()
	s, srv := newSite(t)
	s.robots = "User-agent: *\nDisallow: /private/\n"
	s.add("/private/1", "Secret", "Russia and China signed a gas deal.")
	s.add("/a/2", "Two", "India protested to Pakistan.")
	var c collector
	w := New([]string{srv.URL + "/feed"}, openState(t), &c, Options{Delay: -1})
	r, err := w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.hits("/private/1")); n != 0 {
		t.Errorf("disallowed article fetched %d times", n)
	}
	if len(r.Failures) != 1 || !errors.Is(r.Failures[0], ErrRobots) || !strings.Contains(r.Failures[0].Error(), "/private/1") {
		t.Errorf("failures %v, want the private article named with ErrRobots", r.Failures)
	}
	if r.New != 1 {
		t.Errorf("round %+v: want the allowed article handled", r)
	}
	// Named once: the next round asks for the feed conditionally and
	// does not try the refused article again.
	r, err = w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failures) != 0 || r.NotModified != 1 {
		t.Errorf("second round %+v: want a 304 and no failure repeated", r)
	}
	if n := len(s.hits("/robots.txt")); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}

	feedHits := len(s.hits("/feed"))
	s.robots = "User-agent: dyad\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
	w = New([]string{srv.URL + "/feed"}, openState(t), &c, Options{Delay: -1})
	r, err = w.Round(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failures) != 1 || !errors.Is(r.Failures[0], ErrRobots) || len(s.hits("/feed")) != feedHits {
		t.Errorf("failures %v: want the feed itself refused to dyad", r.Failures)
	}
}

func TestParseRobots(t *testing.T) {
	txt := `# comment
User-agent: Googlebot
Disallow: /

User-agent: dyad
User-agent: other
Disallow: /news/private
Allow: /news/private/ok
Disallow: /*.pdf$
Disallow: /search?q=

User-agent: *
Disallow: /everything-else
`
	r := parseRobots([]byte(txt), "dyad")
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/", true},
		{"/news/1", true},
		{"/news/private", false},
		{"/news/private/2", false},
		{"/news/private/ok/3", true},
		{"/files/a.pdf", false},
		{"/files/a.pdf.html", true},
		{"/search?q=x", false},
		{"/everything-else", true}, // the * group does not apply to dyad
	} {
		if got := r.allows(tc.path); got != tc.want {
			t.Errorf("allows(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
	if star := parseRobots([]byte(txt), "somebot"); star.allows("/everything-else") || !star.allows("/news/private") {
		t.Errorf("an agent without a group of its own should follow the * group")
	}
}

func TestPolitenessDelayPerHost(t *testing.T) {
	s, srv := newSite(t)
	for i := range 3 {
		s.add(fmt.Sprintf("/a/%d", i), "T", "Text.")
	}
	const delay = 60 * time.Millisecond
	w := New([]string{srv.URL + "/feed"}, openState(t), &collector{}, Options{Delay: delay})
	if _, err := w.Round(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	reqs := append([]request(nil), s.requests...)
	s.mu.Unlock()
	if len(reqs) != 5 { // robots.txt, feed, 3 articles
		t.Fatalf("%d requests, want 5", len(reqs))
	}
	for i := 1; i < len(reqs); i++ {
		// A little slack for timer and clock granularity.
		if gap := reqs[i].at.Sub(reqs[i-1].at); gap < delay-5*time.Millisecond {
			t.Errorf("%s came %v after %s, want at least %v", reqs[i].path, gap, reqs[i-1].path, delay)
		}
	}
}

func TestSizeLimitAndTimeout(t *testing.T) {
	s, srv := newSite(t)
	s.add("/a/big", "Big", strings.Repeat("word ", 400))
	s.add("/a/small", "Small", "Short.")
	var c collector
	w := New([]string{srv.URL + "/feed"}, openState(t), &c, Options{Delay: -1, MaxSize: 1000})
	r, err := w.Round(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failures) != 1 || !errors.Is(r.Failures[0], ErrTooLarge) || r.New != 1 {
		t.Errorf("round %+v: want the big article refused as too large and the small one handled", r)
	}

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
	}))
	defer slow.Close()
	w = New([]string{slow.URL + "/feed"}, openState(t), &c, Options{Delay: -1, Timeout: 50 * time.Millisecond})
	start := time.Now()
	r, err = w.Round(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Failures) != 1 || time.Since(start) > 250*time.Millisecond {
		t.Errorf("slow feed: failures %v after %v; want one failure within the timeout", r.Failures, time.Since(start))
	}
}

func TestStopFinishesDocumentInHand(t *testing.T) {
	s, srv := newSite(t)
	s.add("/a/1", "One", "First.")
	s.add("/a/2", "Two", "Second.")
	st := openState(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var handleCtxErr error
	c := &collector{during: func(hctx context.Context) {
		cancel() // the signal arrives while the first article is coded
		handleCtxErr = hctx.Err()
	}}
	w := New([]string{srv.URL + "/feed"}, st, c, Options{Delay: -1, Every: time.Hour})
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, 0, nil) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v, want nil on shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop after its context was cancelled")
	}
	if handleCtxErr != nil {
		t.Errorf("the article in hand saw %v; want it finished", handleCtxErr)
	}
	if got := c.urls(); len(got) != 1 || len(s.hits("/a/2")) != 0 {
		t.Errorf("handled %v, fetched /a/2 %d times; want only the first article", got, len(s.hits("/a/2")))
	}
	if seen, err := st.Seen(context.Background(), srv.URL+"/a/1", ""); err != nil || !seen {
		t.Errorf("the finished article is not recorded as seen: %v %v", seen, err)
	}
	f, _ := st.Feed(context.Background(), srv.URL+"/feed")
	if f.ETag != "" {
		t.Errorf("an interrupted poll kept the ETag %q; the next run would skip /a/2", f.ETag)
	}
}
