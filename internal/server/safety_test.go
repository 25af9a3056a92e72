package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestIngestNeedsToken: writing takes the server's token, compared as a
// whole; a read-only server refuses every write; bodies are bounded.
func TestIngestNeedsToken(t *testing.T) {
	st := demoStore(t)
	readOnly := newTestServer(t, st, Config{})
	open := newTestServer(t, st, Config{Token: "s3cret", Code: codeFunc(t), MaxBody: 64 << 10})
	article := func(id, text string) string {
		b, _ := json.Marshal(ingestRequest{ID: id, Published: "2019-06-05", Content: text})
		return string(b)
	}
	body := article("t-1", "MOSCOW, June 5 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Wednesday.")
	for _, tt := range []struct {
		name, url, token, body string
		want                   int
	}{
		{"read-only server, no token", readOnly.URL, "", body, http.StatusUnauthorized},
		{"read-only server, a token", readOnly.URL, "s3cret", body, http.StatusUnauthorized},
		{"no token", open.URL, "", body, http.StatusUnauthorized},
		{"wrong token", open.URL, "s3cre", body, http.StatusUnauthorized},
		{"longer token", open.URL, "s3cret!", body, http.StatusUnauthorized},
		{"the token", open.URL, "s3cret", body, http.StatusCreated},
		{"the same again", open.URL, "s3cret", body, http.StatusOK},
		{"not JSON", open.URL, "s3cret", "MOSCOW, June 5", http.StatusBadRequest},
		{"no content", open.URL, "s3cret", article("t-2", "  "), http.StatusBadRequest},
		{"too large", open.URL, "s3cret", article("t-3", strings.Repeat("Putin met Xi. ", 10_000)), http.StatusRequestEntityTooLarge},
	} {
		code, b := post(t, tt.url+"/api/documents", tt.token, tt.body)
		if code != tt.want {
			t.Errorf("%s: %d %s, want %d", tt.name, code, b, tt.want)
		}
	}
	var d document
	getJSON(t, open.URL+"/api/documents/t-1", &d)
	if len(d.EventList) == 0 || !strings.Contains(d.Text, "Putin met Chinese President Xi Jinping") {
		t.Errorf("the ingested article: %d events, text %q", len(d.EventList), d.Text)
	}
}

// TestSecurityHeaders: every response, page, API, static file or error,
// carries the CSP without inline script, nosniff and frame denial.
func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, demoStore(t), Config{})
	for _, path := range []string{"/", "/events", "/api/events?limit=1", "/api/openapi.json", "/static/style.css", "/nope", "/api/nope", "/api/events?quad=9"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

// TestDocumentsPaginate: the documents list, paged two at a time, gives
// each document once.
func TestDocumentsPaginate(t *testing.T) {
	st := demoStore(t)
	ts := newTestServer(t, st, Config{})
	all, err := st.Documents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	cursor := ""
	for range len(all) + 1 {
		var p struct {
			Documents []docInfo `json:"documents"`
			Next      string    `json:"next"`
		}
		getJSON(t, ts.URL+"/api/documents?limit=2&cursor="+cursor, &p)
		for _, d := range p.Documents {
			if seen[d.Hash] {
				t.Errorf("document %s on two pages", d.ID)
			}
			seen[d.Hash] = true
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if len(seen) != len(all) || len(all) < 20 {
		t.Errorf("pages gave %d documents of %d", len(seen), len(all))
	}
}
