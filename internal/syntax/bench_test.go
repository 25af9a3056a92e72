package syntax_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/demo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/syntax"
)

// newsSentences returns the tokens of every sentence of the demo corpus
// and, when ../shared is there, of the seeds, as the pipeline splits them.
func newsSentences(tb testing.TB) [][]doc.Token {
	var bodies []string
	err := fs.WalkDir(demo.Corpus(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(name) != ".txt" {
			return err
		}
		data, err := fs.ReadFile(demo.Corpus(), name)
		bodies = append(bodies, string(data))
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if dir, ok := sharedtest.Dir(); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "corpus", "seeds", "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			bodies = append(bodies, string(data))
		}
	}
	var out [][]doc.Token
	for _, body := range bodies {
		d := &doc.Document{Body: body}
		pipeline.Prepare(d)
		for _, s := range d.Sentences {
			out = append(out, nlp.Tokenize(s.Text))
		}
	}
	return out
}

// BenchmarkAnalyze tags, lemmatizes and parses the sentences of the demo
// corpus and the seeds on one goroutine and reports sentences per second.
func BenchmarkAnalyze(b *testing.B) {
	m, err := syntax.Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := newsSentences(b)
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	n := 0
	for b.Loop() {
		for _, s := range sents {
			m.Analyze(s)
		}
		n++
	}
	b.ReportMetric(float64(n*len(sents))/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(n*words)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := syntax.Load(bytes.NewReader(syntax.Embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
