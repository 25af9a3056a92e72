package syntax

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
)

// FuzzAnalyze checks that any text, tokenized as the pipeline does,
// comes back as one tree with every token tagged, lemmatized and labelled.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Russia imposed sanctions on Turkey.",
		"The talks were hosted by Qatar, the ministry said.",
		"\"We will not negotiate,\" he said — and left.",
		"U.S.-China trade: $3.5bn (2019) vs. 1,200 t/yr!!",
		"", "...", "a", "🙂 🙂", "Don't   can't won't gonna",
	} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := nlp.Tokenize(s)
		m.Analyze(toks)
		if len(toks) == 0 {
			return
		}
		if err := check(toks); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		for i, tk := range toks {
			if tk.UPOS == "" || tk.XPOS == "" || tk.Rel == "" {
				t.Fatalf("%q: token %d %q has tag %q/%q, relation %q", s, i, tk.Text, tk.UPOS, tk.XPOS, tk.Rel)
			}
		}
	})
}

// FuzzDecode checks that a damaged model is refused, never a panic: it
// starts from the beginning of the embedded model, uncompressed.
func FuzzDecode(f *testing.F) {
	zr, err := gzip.NewReader(bytes.NewReader(Embedded))
	if err != nil {
		f.Fatal(err)
	}
	head := make([]byte, 1<<16)
	if _, err := io.ReadFull(zr, head); err != nil {
		f.Fatal(err)
	}
	f.Add(head)
	f.Add(head[:100])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		if m, err := decode(data); err == nil && m == nil {
			t.Fatal("decode returned neither a model nor an error")
		}
	})
}

// FuzzAllCaps checks allCaps against the definition it replaces, on
// words of any script, digits, punctuation and invalid bytes.
func FuzzAllCaps(f *testing.F) {
	for _, s := range []string{"NATO", "U.S.", "Beijing", "2019", "G-20", "ΕΕ", "Ǆ", "ǅ", "ß", "İ", "\xff", "AB\xffC", "", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want := w == strings.ToUpper(w) && w != strings.ToLower(w)
		if got := allCaps(w); got != want {
			t.Fatalf("allCaps(%q) = %v, want %v", w, got, want)
		}
	})
}
