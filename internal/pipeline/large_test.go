package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// largeText is the seeds, one after another, repeated to n bytes: one
// long document of real text with every kind of boilerplate in it.
func largeText(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedtest.Path(tb, "corpus", "seeds"), "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no seed texts in ../shared/corpus/seeds (%v)", err)
	}
	slices.Sort(files)
	var one strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		one.Write(b)
		one.WriteString("\n\n")
	}
	s := strings.Repeat(one.String(), n/one.Len()+1)
	return s[:strings.LastIndexByte(s[:n], '\n')+1]
}

// BenchmarkPrepareLarge cleans and splits one 5 MB document (issue 10,
// item 2: under 5 s and 200 MB).
func BenchmarkPrepareLarge(b *testing.B) {
	text := largeText(b, 5<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Document{ID: "large", Body: text}
		Prepare(d)
		if len(d.Sentences) == 0 {
			b.Fatal("no sentences")
		}
	}
}

// BenchmarkProcessLarge runs every stage on one 1 MB document.
func BenchmarkProcessLarge(b *testing.B) {
	text := largeText(b, 1<<20)
	p := testPipeline(b, true)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Process(context.Background(), &doc.Document{ID: "large", Body: text, Published: "2014-04"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPrepareLarge: cleaning and splitting one 5 MB document stays within
// 200 MB of allocation (issue 10, item 2); a step that copies the text per
// line or per paragraph would allocate far more.
func TestPrepareLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB document: skipped with -short")
	}
	text := largeText(t, 5<<20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d := &doc.Document{ID: "large", Body: text}
	Prepare(d)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
		t.Errorf("Prepare of %d bytes allocated %d MB, want under 200 MB", len(text), alloc>>20)
	}
	if len(d.Sentences) < 20000 {
		t.Errorf("Prepare of %d bytes gave %d sentences: text was lost", len(text), len(d.Sentences))
	}
}
