package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// BenchmarkPipeline runs every stage on the five seed documents (about
// 53 KB) per iteration: clean, split, tokenize, find actors, tag and parse
// the sentences that name one with the embedded model, code. It reports
// documents and bytes per second.
func BenchmarkPipeline(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Path(b, "corpus", "seeds"), "*.txt"))
	var bodies []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(data))
		size += len(data)
	}
	p := testPipeline(b, true)
	ctx := context.Background()
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, body := range bodies {
			if _, err := p.Process(ctx, &doc.Document{ID: "seed", Body: body, Published: "2014-04"}); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStages runs the stages one by one on the seed documents and
// reports the time each takes per document (docs/performance.md).
func BenchmarkStages(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Path(b, "corpus", "seeds"), "*.txt"))
	var bodies []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(data))
	}
	p := testPipeline(b, true)
	ctx := context.Background()
	spent := make([]time.Duration, len(p.stages))
	n := 0
	for b.Loop() {
		for _, body := range bodies {
			a := &Analysis{Doc: &doc.Document{ID: "seed", Body: body, Published: "2014-04"}}
			for i, s := range p.stages {
				start := time.Now()
				if err := s.Process(ctx, a); err != nil {
					b.Fatal(err)
				}
				spent[i] += time.Since(start)
			}
			n++
		}
	}
	for i, s := range p.stages {
		name := strings.TrimPrefix(fmt.Sprintf("%T", s), "pipeline.")
		b.ReportMetric(float64(spent[i].Microseconds())/float64(n), "µs/doc-"+name)
	}
}
