package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// normalize collapses white space and folds curly quotes and dashes, as the
// gold format says evidence is compared.
func normalize(s string) string {
	r := strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "\u00ad", "")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// lowerASCII lower-cases A-Z only, so byte offsets are kept.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sentenceAround returns the sentence of text holding offset at, cut at
// ". ", "? " and "! ", and at's offset inside it.
func sentenceAround(text string, at int) (string, int) {
	start := 0
	for _, sep := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(text[:at], sep); i >= 0 && i+2 > start {
			start = i + 2
		}
	}
	end := len(text)
	for _, sep := range []string{". ", "? ", "! "} {
		if i := strings.Index(text[at:], sep); i >= 0 && at+i+1 < end {
			end = at + i + 1
		}
	}
	return text[start:end], at - start
}

// TestGoldDates dates every gold event that has a date, taking the start of
// its evidence phrase as the trigger, and checks the date EventDate gives
// (or the document date, when it gives none) starts with the gold date, as
// the scorer compares them.
func TestGoldDates(t *testing.T) {
	shared := filepath.Dir(sharedtest.Path(t, "gold"))
	published := map[string]string{}
	mf, err := os.Open(filepath.Join(shared, "corpus", "seeds", "manifest.jsonl"))
	if err != nil {
		t.Skipf("seed manifest: %v", err)
	}
	defer mf.Close()
	sc := bufio.NewScanner(mf)
	for sc.Scan() {
		var m struct{ Path, Published string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("manifest line %q: %v", sc.Text(), err)
		}
		published[m.Path] = m.Published
	}
	golds, _ := filepath.Glob(filepath.Join(shared, "gold", "*.gold.jsonl"))
	checked := 0
	for _, g := range golds {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatalf("read gold: %v", err)
		}
		for line := range strings.Lines(string(data)) {
			var gl struct {
				Doc      string
				Evidence string
				Events   []struct{ Date string }
			}
			if err := json.Unmarshal([]byte(line), &gl); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			want := ""
			for _, e := range gl.Events {
				if e.Date != "" {
					want = e.Date
					break
				}
			}
			if want == "" {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(shared, "corpus", "seeds", gl.Doc))
			if err != nil {
				t.Fatalf("seed %s: %v", gl.Doc, err)
			}
			text := normalize(string(raw))
			at := strings.Index(lowerASCII(text), normalize(gl.Evidence))
			if at < 0 {
				t.Errorf("%s: evidence %q not found", gl.Doc, gl.Evidence)
				continue
			}
			ref := mustISO(t, published[gl.Doc])
			sent, trig := sentenceAround(text, at)
			toks := nlp.Tokenize(sent)
			got, ok := EventDate(sent, toks, tokenAt(toks, trig), ref)
			if !ok {
				got = ref
			}
			if !strings.HasPrefix(got.String(), want) {
				t.Errorf("%s %q: date %s (found %v), gold %s\n sentence: %s", gl.Doc, gl.Evidence, got, ok, want, sent)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no gold event with a date was checked")
	}
	t.Logf("%d gold dates checked", checked)
}
