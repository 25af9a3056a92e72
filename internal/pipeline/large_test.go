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

// TestProcessWindows: a document longer than a window is coded a window of
// whole paragraphs at a time: every window is coded, every event points at
// its own sentence of the whole document, and no window's tokens outlive
// its coding (issue 10, item 2: one 5 MB file peaked at 700 MB).
func TestProcessWindows(t *testing.T) {
	text := largeText(t, 3*windowBytes)
	d := &doc.Document{ID: "large", Hash: "h", Body: text, Published: "2014-04"}
	evs, err := testPipeline(t, true).Process(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	last := 0
	for _, e := range evs {
		s := d.Sentences[e.SentenceIndex]
		if e.Sentence != s.Text || d.Text[e.Span[0]:e.Span[1]] != s.Text {
			t.Fatalf("event %s: sentence %d %q does not match the document's %q", e.ID, e.SentenceIndex, e.Sentence, s.Text)
		}
		if e.SentenceIndex < last {
			t.Fatalf("event %s: sentence %d after sentence %d", e.ID, e.SentenceIndex, last)
		}
		last = e.SentenceIndex
	}
	if tail := d.Sentences[len(d.Sentences)*9/10].Start; evs[len(evs)-1].Span[0] < tail {
		t.Errorf("last event at byte %d, want one in the last tenth of the document (from byte %d): a window was not coded", evs[len(evs)-1].Span[0], tail)
	}
	kept := 0
	for _, s := range d.Sentences {
		if s.Tokens != nil {
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d sentences keep their tokens after coding, want none", kept)
	}
	// A document within one window is coded as before, tokens kept.
	small := &doc.Document{ID: "small", Body: "Russian President Vladimir Putin arrived in Beijing on June 5, 2012.\n", Published: "2012-06"}
	if _, err := testPipeline(t, true).Process(context.Background(), small); err != nil || small.Sentences[0].Tokens == nil {
		t.Errorf("short document: %v, tokens %v", err, small.Sentences[0].Tokens)
	}
}
