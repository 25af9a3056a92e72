// Package server serves dyad's store over HTTP: a JSON API described by an
// OpenAPI 3 document (/api/openapi.json) and a dashboard of server-drawn
// pages (overview, dyad explorer, events, documents, actor network,
// search) that work with JavaScript off. Every article is untrusted text:
// pages are html/template, the Content-Security-Policy admits no inline
// script, and writing needs a token.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Store is what the server reads and writes: a store.Store's reading
// methods (events, documents, clusters, search, which are also what
// briefs read), the sentences of a stored document, event tallies, and
// PutDocument for ingestion through the API.
type Store interface {
	Events(ctx context.Context, f store.Filter) ([]doc.Event, error)
	Documents(ctx context.Context) ([]store.DocInfo, error)
	Counts(ctx context.Context) (store.Counts, error)
	Search(ctx context.Context, query string, limit int) ([]store.SentenceHit, error)
	Document(ctx context.Context, hash string) (*doc.Document, error)
	Sentences(ctx context.Context, hash string) ([]doc.Sentence, error)
	// DocumentHash is the content hash of the document stored with an id.
	DocumentHash(ctx context.Context, id string) (string, error)
	// Tallies counts the events of a filter by date, quad class and
	// Goldstein score, for series over many events.
	Tallies(ctx context.Context, f store.Filter) ([]store.Tally, error)
	// ClusterTallies counts them once per cluster, for the filters
	// store.Filter.ClusterCount accepts.
	ClusterTallies(ctx context.Context, f store.Filter) ([]store.Tally, error)
	// DyadTallies counts the events of a filter by dyad, for rankings of
	// dyads over many events.
	DyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error)
	// ClusterDyadTallies counts them once per cluster, for the filters
	// store.Filter.ClusterCount accepts.
	ClusterDyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error)
	// RankTallies counts them by actor or by code ("actors", "codes"),
	// for rankings, and with clusters once per cluster for the filters
	// store.Filter.ClusterCount accepts.
	RankTallies(ctx context.Context, f store.Filter, kind string, clusters bool) ([]store.RankTally, error)
	// Published is the first and last publication date stored.
	Published(ctx context.Context) (first, last string, err error)
	// Latest lists the documents published last.
	Latest(ctx context.Context, n int) ([]store.DocInfo, error)
	PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (bool, error)
}

// Coder codes a document read through POST /api/documents into events.
type Coder func(ctx context.Context, d *doc.Document) ([]doc.Event, error)

// Config is what the server needs besides its store.
type Config struct {
	// Token, when set, admits POST /api/documents for requests carrying
	// "Authorization: Bearer TOKEN". Without it the server is read-only.
	Token string
	// Code codes ingested documents; nil makes the server read-only.
	Code Coder
	// MaxBody caps a request body in bytes; 0 means 4 MiB.
	MaxBody int64
	Log     *slog.Logger
}

// Server is the API and the dashboard over one store.
type Server struct {
	st    Store
	cfg   Config
	pages map[string]*template.Template
	mux   *http.ServeMux
}

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

//go:embed openapi.json
var openAPI []byte

// New returns a Server over st, its templates parsed.
func New(st Store, cfg Config) (*Server, error) {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, cfg: cfg, pages: map[string]*template.Template{}}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// table is the one table of what the server answers: pattern to handler.
func (s *Server) table() map[string]handler {
	return map[string]handler{
		"GET /api/openapi.json":         s.apiOpenAPI,
		"GET /api/stats":                s.apiStats,
		"GET /api/documents":            s.apiDocuments,
		"GET /api/documents/{id}":       s.apiDocument,
		"POST /api/documents":           s.requireToken(s.apiIngest),
		"GET /api/events":               s.apiEvents,
		"GET /api/events/{id}":          s.apiEvent,
		"GET /api/dyads/{a}/{b}/series": s.apiSeries,
		"GET /api/top/{kind}":           s.apiTop,
		"GET /api/search":               s.apiSearch,
		"GET /api/export":               s.apiExport,
		"GET /{$}":                      s.pageOverview,
		"GET /dyads":                    s.pageDyads,
		"GET /dyads/{a}/{b}":            s.pageDyad,
		"GET /events":                   s.pageEvents,
		"GET /events/{id}":              s.pageEvent,
		"GET /documents":                s.pageDocuments,
		"GET /documents/{id}":           s.pageDocument,
		"GET /network":                  s.pageNetwork,
		"GET /search":                   s.pageSearch,
		"GET /brief/{dyad}":             s.pageBrief,
	}
}

// patterns lists the routes of table, sorted.
func (s *Server) patterns() []string {
	var out []string
	for p := range s.table() {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(staticFiles, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	for pattern, h := range s.table() {
		m.Handle(pattern, s.adapt(h, strings.Contains(pattern, " /api/")))
	}
	// Anything else is a JSON 404 under /api/ and a page elsewhere.
	m.Handle("/api/", s.adapt(notFound, true))
	m.Handle("/", s.adapt(notFound, false))
	s.mux = m
}

func notFound(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("%s %s: no such page: %w", r.Method, r.URL.Path, store.ErrNotFound)
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openAPI)
	return err
}

// ServeHTTP sets the security headers every response carries, caps the
// request body and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// No inline script, no plug-ins, no framing; inline SVG and styles
	// come from the page itself.
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	s.mux.ServeHTTP(w, r)
}

// handler is an HTTP handler that returns its error, for adapt to write.
type handler func(w http.ResponseWriter, r *http.Request) error

// Error kinds a handler returns, mapped to a status in one place (status).
var (
	errUnauthorized = errors.New("unauthorized")
)

// status is the HTTP status of a handler's error.
func status(err error) int {
	var mb *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// adapt turns a handler into an http.Handler: an error becomes a JSON
// error (API) or an error page, and a 5xx is logged once here.
func (s *Server) adapt(h handler, api bool) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		w := &startedWriter{ResponseWriter: rw}
		err := h(w, r)
		if err == nil {
			return
		}
		code := status(err)
		msg := err.Error()
		if w.started {
			// The response is under way (a client gone mid-answer, an
			// export cut short): nothing more can be said to the client.
			s.cfg.Log.Debug("response cut short", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		if code >= 500 {
			s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", code, "err", err, "took", time.Since(start))
			msg = http.StatusText(code)
		}
		if code == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		}
		if api {
			writeJSONStatus(w, code, apiError{Error: msg, Status: code})
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		s.pages["error"].ExecuteTemplate(w, "layout", page{Title: http.StatusText(code), Data: msg})
	})
}

// startedWriter notes whether a response has begun, so an error after
// that is not written over it.
type startedWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startedWriter) WriteHeader(code int) {
	w.started = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *startedWriter) Write(b []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(b)
}

// Flush lets a streamed export reach the client as it is written.
func (w *startedWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// apiError is the body of every API error.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// requireToken admits the request when the server has a token and the
// request carries it, compared in constant time.
func (s *Server) requireToken(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.cfg.Token == "" || s.cfg.Code == nil {
			return fmt.Errorf("%s %s: the server is read-only: start it with --token or DYAD_TOKEN to ingest: %w", r.Method, r.URL.Path, errUnauthorized)
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
			return fmt.Errorf("%s %s: want the header Authorization: Bearer TOKEN with the server's token: %w", r.Method, r.URL.Path, errUnauthorized)
		}
		return h(w, r)
	}
}

func writeJSON(w http.ResponseWriter, v any) error {
	return writeJSONStatus(w, http.StatusOK, v)
}

func writeJSONStatus(w http.ResponseWriter, code int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
