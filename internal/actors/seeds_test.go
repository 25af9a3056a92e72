package actors_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/clean"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// manifestDocs runs the real pipeline pieces on the documents of a
// manifest whose paths begin with prefix: clean, split, tokenize, and the
// publication date from the manifest.
func manifestDocs(t *testing.T, dir, prefix string) []*doc.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "manifest.jsonl"))
	if err != nil {
		t.Fatalf("open manifest: %v", err)
	}
	defer f.Close()
	var out []*doc.Document
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ Path, Published string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("manifest: %v", err)
		}
		if !strings.HasPrefix(row.Path, prefix) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, row.Path))
		if err != nil {
			t.Fatalf("read %s: %v", row.Path, err)
		}
		res := clean.Text(string(raw))
		d := &doc.Document{ID: row.Path, Published: row.Published, Text: res.Text, Paragraphs: res.Paragraphs}
		d.Sentences = pipeline.Split(d.Text, d.Paragraphs)
		for i := range d.Sentences {
			d.Sentences[i].Tokens = nlp.Tokenize(d.Sentences[i].Text)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	return out
}

// seedDoc returns the one seed whose path begins with prefix.
func seedDoc(t *testing.T, dir, prefix string) *doc.Document {
	t.Helper()
	ds := manifestDocs(t, dir, prefix)
	if len(ds) == 0 {
		t.Fatalf("seed %s not in the manifest", prefix)
	}
	return ds[0]
}

// mentionIn returns the k-th mention with the given text in the first
// sentence containing context.
func mentionIn(t *testing.T, d *doc.Document, ms [][]actors.Mention, context, text string, k int) actors.Mention {
	t.Helper()
	for i, s := range d.Sentences {
		if !strings.Contains(s.Text, context) {
			continue
		}
		n := 0
		for _, m := range ms[i] {
			if m.Text == text {
				if n++; n == k {
					return m
				}
			}
		}
		t.Fatalf("%s: no mention %q (#%d) in %q; mentions %+v", d.ID, text, k, s.Text, ms[i])
	}
	t.Fatalf("%s: no sentence contains %q", d.ID, context)
	return actors.Mention{}
}

func countries(m actors.Mention) string {
	seen := map[string]bool{}
	for _, a := range m.Actors {
		seen[a.Code[:min(3, len(a.Code))]] = true
	}
	var cs []string
	for c := range seen {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return strings.Join(cs, "+")
}

// TestSeedReferences checks the references and dated roles issue 3 names,
// on the seed articles run through clean, split and the resolver.
func TestSeedReferences(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "corpus", "seeds", "manifest.jsonl"))
	r := resolver(t)
	tests := []struct {
		seed, context, text string
		k                   int
		countries           string // the states the mention resolves to
		code, name, role    string // for a single actor: code, name, role title
	}{
		{"000", "he also met President Hu Jintao", "he", 1, "RUS", "RUSGOV", "Vladimir Putin", "president"},
		{"000", "signed between the two neighbours", "the two neighbours", 1, "CHN+RUS", "", "", ""},
		{"001", "the two sides have been unable", "the two sides", 1, "CHN+RUS", "", "", ""},
		{"001", "the two sides were yet to come", "the two sides", 1, "CHN+RUS", "", "", ""},
		{"001", "Putin described China", "Putin", 1, "RUS", "RUSGOV", "Vladimir Putin", "president"},
		{"002", "The two sides signed off", "The two sides", 1, "CHN+RUS", "", "", ""},
		{"002", "while Putin suggested", "Putin", 1, "RUS", "RUSGOV", "Vladimir Putin", "prime minister"},
		{"002", "Prime Minister Vladimir Putin's visit", "Prime Minister Vladimir Putin", 1, "RUS", "RUSGOV", "Vladimir Putin", "prime minister"},
		{"004", "they held a meeting", "they", 1, "CHN+RUS", "", "", ""},
	}
	docs := map[string]*doc.Document{}
	resolved := map[string][][]actors.Mention{}
	for _, tt := range tests {
		d, ok := docs[tt.seed]
		if !ok {
			d = seedDoc(t, dir, tt.seed)
			docs[tt.seed], resolved[tt.seed] = d, r.Document(d)
		}
		m := mentionIn(t, d, resolved[tt.seed], tt.context, tt.text, tt.k)
		if got := countries(m); got != tt.countries {
			t.Errorf("%s %q in %q: resolves to %s (%+v), want %s", tt.seed, tt.text, tt.context, got, m.Actors, tt.countries)
			continue
		}
		if tt.code == "" {
			continue
		}
		if len(m.Actors) != 1 || m.Actors[0].Code != tt.code || m.Actors[0].Name != tt.name || m.Actors[0].Role != tt.role {
			t.Errorf("%s %q in %q: got %+v, want %s %s (%s)", tt.seed, tt.text, tt.context, m.Actors, tt.code, tt.name, tt.role)
		}
	}
}
