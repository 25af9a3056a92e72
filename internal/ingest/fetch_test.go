package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// newSite serves an article, plain text, feeds whose items link back to
// the server, and a few failures.
func newSite(t *testing.T) *httptest.Server {
	t.Helper()
	article := readTestdata(t, "article.html")
	page := func(title, date, text string) string {
		return fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title>%s</head><body>
<nav><a href="/">Home</a> <a href="/world">World news index</a></nav>
<article><h1>%s</h1><p>%s</p><p>%s</p></article>
<footer>Copyright Example Wire. All rights reserved.</footer></body></html>`, title, date, title, text, articleParas[1])
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article)
	})
	mux.HandleFunc("GET /plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "<html> is just text here.\n")
	})
	mux.HandleFunc("GET /latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, page("Caf\xe9 talks", "", "Ministers met at a caf\xe9 in Paris to discuss "+articleParas[0]))
	})
	mux.HandleFunc("GET /news/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("First story page", "", articleParas[0]))
	})
	mux.HandleFunc("GET /news/2", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Second story page", `<meta name="date" content="2012-06-09">`, articleParas[2]))
	})
	mux.HandleFunc("GET /feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>%[1]s/</link><description>news</description>
<item><title>First item</title><link>%[1]s/news/1</link><pubDate>Thu, 07 Jun 2012 10:00:00 +0000</pubDate><description>short</description></item>
<item><title>Second item</title><link>/news/2</link><pubDate>Fri, 08 Jun 2012 10:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("GET /atom", func(w http.ResponseWriter, r *http.Request) {
		// Served as generic XML: recognised by sniffing.
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2012-06-10T00:00:00Z</updated>
<entry><title>Atom one</title><id>urn:1</id><link href="%[1]s/news/1"/><updated>2012-06-10T08:00:00+03:00</updated></entry>
<entry><title>Atom gone</title><id>urn:2</id><link href="%[1]s/gone"/><updated>2012-06-11T08:00:00Z</updated>
<summary type="html">&lt;p&gt;Summary kept when the page is gone: %[2]s&lt;/p&gt;</summary></entry>
<entry><title>Atom nothing</title><id>urn:3</id><link href="%[1]s/gone/too"/><updated>2012-06-12T08:00:00Z</updated></entry>
</feed>`, srv.URL, articleParas[2])
	})
	mux.HandleFunc("GET /binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestWalkURLs(t *testing.T) {
	srv := newSite(t)
	u := func(p string) string { return srv.URL + p }
	tests := []struct {
		name  string
		input string
		want  []want
		ids   []string // document IDs, or the InputError.Input of failures
	}{
		{
			name:  "article",
			input: u("/article"),
			ids:   []string{u("/article")},
			want: []want{{format: "html", title: "Putin visits Beijing", source: "Example News",
				published: "2012-06-07", dateFrom: "html",
				contains: []string{strings.Join(articleParas, "\n\n")}, lacks: articleBoilerplate}},
		},
		{
			name:  "plain text by content type",
			input: u("/plain"),
			ids:   []string{u("/plain")},
			want:  []want{{format: "text", body: "<html> is just text here.\n", source: "127.0.0.1"}},
		},
		{
			name:  "charset from the header",
			input: u("/latin1"),
			ids:   []string{u("/latin1")},
			want:  []want{{format: "html", title: "Café talks", contains: []string{"at a café in Paris"}}},
		},
		{
			name:  "404",
			input: u("/missing"),
			ids:   []string{u("/missing")},
			want:  []want{{status: 404}},
		},
		{
			name:  "binary",
			input: u("/binary"),
			ids:   []string{u("/binary")},
			want:  []want{{errIs: ErrBinary}},
		},
		{
			name:  "RSS: each item's page, with the item's metadata underneath the page's",
			input: u("/feed.rss"),
			ids:   []string{u("/news/1"), u("/news/2")},
			want: []want{
				{format: "html", title: "First story page", source: "Example Wire", published: "2012-06-07", dateFrom: "feed",
					contains: articleParas[:1], lacks: []string{"World news index", "Copyright"}},
				{format: "html", title: "Second story page", source: "Example Wire", published: "2012-06-09", dateFrom: "html",
					contains: articleParas[2:]},
			},
		},
		{
			name:  "Atom: page, summary fallback, and an item with nothing",
			input: u("/atom"),
			ids:   []string{u("/news/1"), u("/gone"), u("/gone/too")},
			want: []want{
				{format: "html", title: "First story page", source: "Atom Wire", published: "2012-06-10", dateFrom: "feed"},
				{format: "html", title: "Atom gone", source: "Atom Wire", published: "2012-06-11", dateFrom: "feed",
					body: "Summary kept when the page is gone: " + articleParas[2]},
				{status: 404},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gots, err := collect(t, []string{tt.input}, Options{Client: srv.Client()})
			if err != nil {
				t.Fatal(err)
			}
			check(t, "", gots, tt.want)
			for i, g := range gots {
				if i >= len(tt.ids) {
					break
				}
				var name string
				if g.doc != nil {
					name = g.doc.ID
					if g.doc.Origin != g.doc.ID {
						t.Errorf("Origin %q differs from ID %q", g.doc.Origin, g.doc.ID)
					}
				} else if ie := (*InputError)(nil); errors.As(g.err, &ie) {
					name = ie.Input
				}
				if name != tt.ids[i] {
					t.Errorf("call %d names %q, want %q", i, name, tt.ids[i])
				}
			}
		})
	}
}

func TestHTTPErrorMessage(t *testing.T) {
	srv := newSite(t)
	gots, err := collect(t, []string{srv.URL + "/missing"}, Options{Client: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	var se *HTTPStatusError
	if len(gots) != 1 || !errors.As(gots[0].err, &se) || se.Code != 404 {
		t.Fatalf("got %v, want one 404", gots)
	}
	if want := srv.URL + "/missing: HTTP 404 Not Found"; gots[0].err.Error() != want {
		t.Errorf("message %q, want %q", gots[0].err, want)
	}
}

func TestURLManifest(t *testing.T) {
	srv := newSite(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"m.csv": "url,id,published,source\n" + srv.URL + "/article,art-1,2012-06-08,Manifest Wire\n",
	})
	for _, inputs := range [][]string{nil, {srv.URL + "/article"}} {
		gots, err := collect(t, inputs, Options{Client: srv.Client(), Manifest: filepath.Join(dir, "m.csv")})
		if err != nil {
			t.Fatal(err)
		}
		check(t, "", gots, []want{{id: "art-1", title: "Putin visits Beijing", source: "Manifest Wire",
			published: "2012-06-08", dateFrom: "manifest"}})
	}
}

func TestLocalFeed(t *testing.T) {
	srv := newSite(t)
	dir := t.TempDir()
	feed := fmt.Sprintf(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Saved Feed</title>
<item><title>Linked</title><link>%s/news/1</link><pubDate>Thu, 07 Jun 2012 10:00:00 +0000</pubDate></item>
<item><title>Inline only</title><guid>urn:inline</guid><description>&lt;p&gt;%s&lt;/p&gt;</description></item>
</channel></rss>`, srv.URL, articleParas[1])
	writeFiles(t, dir, map[string]string{"saved.xml": feed})
	gots, err := collect(t, []string{filepath.Join(dir, "saved.xml")}, Options{Client: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "", gots, []want{
		{id: srv.URL + "/news/1", title: "First story page", source: "Saved Feed", published: "2012-06-07", dateFrom: "feed"},
		{id: "urn:inline", title: "Inline only", source: "Saved Feed", body: articleParas[1]},
	})
}

func TestWalkURLCanceled(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithCancel(context.Background())
	called := false
	done := make(chan error, 1)
	go func() {
		done <- Walk(ctx, []string{srv.URL + "/slow"}, Options{Client: srv.Client()}, func(d *doc.Document, err error) error {
			called = true
			return nil
		})
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Walk = %v, want context.Canceled", err)
	}
	if called {
		t.Error("fn called for a canceled fetch")
	}
}

// TestFromPage builds documents from pages fetched elsewhere, as Walk
// builds a feed item's: the feed's metadata fills only what the page
// lacks, and a page that is itself a feed, or empty, is a named error.
func TestFromPage(t *testing.T) {
	html := `<html><head><title>Own title</title></head><body><article><p>` + articleParas[1] + `</p></article></body></html>`
	d, err := FromPage(Page{URL: "https://example.com/a/1", ContentType: "text/html", Raw: []byte(html),
		Title: "Feed title", Source: "Example Wire", Published: "2026-12-01"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "https://example.com/a/1" || d.Origin != d.ID || d.Title != "Own title" || d.Source != "Example Wire" ||
		d.Published != "2026-12-01" || d.DateFrom != "feed" || d.Hash != hashOf([]byte(html)) || d.Format != "html" {
		t.Errorf("document = %+v", d)
	}
	text := "Russia and China signed a gas deal on Tuesday."
	d, err = FromPage(Page{URL: "https://example.com/guid-7", Raw: []byte(text), ContentType: "text/plain", Title: "Deal"}, nil)
	if err != nil || d.Title != "Deal" || d.Format != "text" || d.Source != "example.com" {
		t.Errorf("text page = %+v, %v", d, err)
	}
	for _, raw := range []string{`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`, ""} {
		var ie *InputError
		if _, err := FromPage(Page{URL: "https://example.com/x", Raw: []byte(raw)}, nil); !errors.As(err, &ie) || ie.Input != "https://example.com/x" {
			t.Errorf("FromPage(%.20q) = %v; want an InputError naming the URL", raw, err)
		}
	}
}
