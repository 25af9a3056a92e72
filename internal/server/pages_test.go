package server

import (
	"encoding/csv"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestPagesRender renders every page template over the demo store, no
// browser needed: each answers 200 with what it is for.
func TestPagesRender(t *testing.T) {
	ts := newTestServer(t, demoStore(t), Config{})
	var evs eventPage
	getJSON(t, ts.URL+"/api/events?dyad=RUS-CHN&limit=1", &evs)
	if len(evs.Events) == 0 {
		t.Fatal("no RUS-CHN event in the demo store")
	}
	e := evs.Events[0]
	links := 0
	for _, p := range []struct{ path, want string }{
		{"/", `<svg class="chart" id="top-dyads"`},
		{"/dyads", `<a href="/dyads?dyad=RUS-CHN">`},
		{"/dyads?dyad=rus-chn", `id="series"`}, // redirected to the explorer
		{"/dyads/RUS/CHN", `<polyline class="goldstein"`},
		{"/dyads/RUS/CHN?interval=year&direction=ba", `<option selected>year</option>`},
		{"/events?dyad=RUS-CHN&both=true", `href="/api/export?both=true&amp;dyad=RUS-CHN&amp;format=csv"`},
		{"/events?limit=5", `href="/events?cursor=`},
		{"/dyads/RUS/CHN", `href="/api/export?both=true&amp;dyad=RUS-CHN&amp;format=csv"`},
		{"/network?quad=4", `href="/api/top/dyads?count=clusters&amp;format=csv&amp;n=1000&amp;quad=4"`},
		{"/events/" + e.ID, `id="event-sentence"`},
		{"/documents", `href="/api/documents?format=csv`},
		{"/documents/" + url.PathEscape(e.Doc), `<span class="trigger"`},
		{"/network", `<svg class="chart" id="network"`},
		{"/search?q=gas", `<mark>`},
		{"/events?quad=7", `quad 7: want 1 (verbal cooperation)`},
	} {
		code, b := get(t, ts.URL+p.path)
		want := http.StatusOK
		if strings.Contains(p.path, "quad=7") {
			want = http.StatusBadRequest
		}
		if code != want || !strings.Contains(string(b), p.want) {
			t.Errorf("GET %s = %d, want %d and %q in:\n%.600s", p.path, code, want, p.want, b)
		}
		// Every table's CSV link downloads a CSV table.
		for _, m := range csvLink.FindAllStringSubmatch(string(b), -1) {
			links++
			link := html.UnescapeString(m[1])
			resp, err := http.Get(ts.URL + link)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(resp.Body).ReadAll()
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || err != nil || len(rows) < 2 {
				t.Errorf("%s: CSV link %s = %d %s, %d rows, %v", p.path, link, resp.StatusCode, resp.Header.Get("Content-Type"), len(rows), err)
			}
		}
	}
	if links < 10 {
		t.Errorf("followed %d CSV links; every table has one", links)
	}
}

// TestLinksResolve follows every link of every page, once: none is broken.
func TestLinksResolve(t *testing.T) {
	ts := newTestServer(t, demoStore(t), Config{})
	seen := map[string]bool{}
	queue := []string{"/", "/dyads", "/events", "/documents", "/network", "/search?q=gas"}
	for len(queue) > 0 && len(seen) < 3000 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		code, b := get(t, ts.URL+path)
		if code != http.StatusOK {
			t.Errorf("GET %s = %d", path, code)
			continue
		}
		if strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/static/") {
			continue
		}
		for _, m := range anyLink.FindAllStringSubmatch(string(b), -1) {
			link := html.UnescapeString(m[1])
			if strings.HasPrefix(link, "?") {
				link = strings.SplitN(path, "?", 2)[0] + link
			}
			if strings.HasPrefix(link, "/") && !seen[link] {
				queue = append(queue, link)
			}
		}
	}
	t.Logf("followed %d links", len(seen))
	if len(seen) < 100 {
		t.Errorf("followed %d links", len(seen))
	}
}

var anyLink = regexp.MustCompile(`(?:href|src)="([^"#]+)"`)

var csvLink = regexp.MustCompile(`class="csv" href="([^"]+)"`)
