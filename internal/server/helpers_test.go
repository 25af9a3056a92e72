package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/demo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/syntax"
)

// testCoder is the pipeline "dyad ingest" runs (without the gazetteer),
// built once.
var testCoder = sync.OnceValues(func() (Coder, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	parser, err := syntax.Default()
	if err != nil {
		return nil, err
	}
	p := pipeline.New(actors.New(lex), parser, coder.New(coder.DefaultLexicon(), nil))
	return p.Process, nil
})

func codeFunc(t testing.TB) Coder {
	t.Helper()
	c, err := testCoder()
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return c
}

// putter is a store as ingestInto fills it.
type putter interface {
	PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (bool, error)
}

// ingestInto codes the inputs with manifest into st, as "dyad ingest"
// does.
func ingestInto(t testing.TB, st putter, manifest string, inputs ...string) {
	t.Helper()
	code := codeFunc(t)
	ctx := context.Background()
	err := ingest.Walk(ctx, inputs, ingest.Options{Manifest: manifest}, func(d *doc.Document, err error) error {
		if err != nil {
			t.Errorf("ingest: %v", err)
			return nil
		}
		evs, err := code(ctx, d)
		if err != nil {
			t.Errorf("code %s: %v", d.ID, err)
			return nil
		}
		_, err = st.PutDocument(ctx, d, evs)
		return err
	})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
}

// seedStore is a real SQLite file holding the seed corpus, coded by the
// pipeline; its path is returned for direct SQL.
func seedStore(t *testing.T) (*sqlite.Store, string) {
	t.Helper()
	seeds := sharedtest.Path(t, "corpus", "seeds")
	path := filepath.Join(t.TempDir(), "seeds.db")
	st := openSQLite(t, path)
	ingestInto(t, st, filepath.Join(seeds, "manifest.jsonl"), seeds)
	return st, path
}

// demoStore is a real SQLite file holding the embedded demo corpus,
// coded by the pipeline.
func demoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	dir := t.TempDir()
	manifest, err := demo.Extract(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := openSQLite(t, filepath.Join(dir, "demo.db"))
	ingestInto(t, st, manifest)
	return st
}

// openSQLite opens the SQLite file at path, closed when t ends.
func openSQLite(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTestServer serves st over loopback with cfg.
func newTestServer(t *testing.T, st Store, cfg Config) *httptest.Server {
	t.Helper()
	s, err := New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// get fetches url and returns its status and body.
func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// getJSON fetches url, wants 200, and decodes its body into v.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	code, b := get(t, url)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func post(t *testing.T, url, token, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}
