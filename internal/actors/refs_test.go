package actors_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

type refCase struct {
	line      int
	sentence  int
	text      string
	wantCodes string
}

type refBlock struct {
	date      string
	sentences []string
	cases     []refCase
}

func readRefBlocks(t *testing.T, path string) []refBlock {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []refBlock
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@"):
			out = append(out, refBlock{date: strings.TrimSpace(line[1:])})
		case len(out) == 0:
			t.Fatalf("%s:%d: text before the first @ line", path, n)
		case strings.HasPrefix(line, "="):
			cols := strings.Split(line[1:], "|")
			if len(cols) != 3 {
				t.Fatalf("%s:%d: want = SENTENCE | TEXT | CODES", path, n)
			}
			si, err := strconv.Atoi(strings.TrimSpace(cols[0]))
			if err != nil {
				t.Fatalf("%s:%d: sentence index: %v", path, n, err)
			}
			b := &out[len(out)-1]
			b.cases = append(b.cases, refCase{n, si, strings.TrimSpace(cols[1]), sortCodes(strings.TrimSpace(cols[2]))})
		default:
			b := &out[len(out)-1]
			b.sentences = append(b.sentences, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// TestReferenceSet scores Document on testdata/refs.txt: pronouns and
// group references in short paragraphs, resolved by hand. It lists the
// misses and fails below 0.90.
func TestReferenceSet(t *testing.T) {
	r := resolver(t)
	blocks := readRefBlocks(t, "testdata/refs.txt")
	total, right := 0, 0
	for _, b := range blocks {
		d := &doc.Document{Published: b.date, Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
		for i, s := range b.sentences {
			d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
		}
		ms := r.Document(d)
		for _, c := range b.cases {
			total++
			if c.sentence >= len(ms) {
				t.Fatalf("refs.txt:%d: no sentence %d", c.line, c.sentence)
			}
			start, end, ok := span(b.sentences[c.sentence], c.text)
			if !ok {
				t.Fatalf("refs.txt:%d: %q not in sentence %d", c.line, c.text, c.sentence)
			}
			got := refCodes(ms[c.sentence], start, end)
			if got == c.wantCodes {
				right++
				continue
			}
			t.Logf("refs.txt:%d %q: got %s, want %s", c.line, c.text, got, c.wantCodes)
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("reference accuracy %.3f (%d/%d)", acc, right, total)
	if acc < 0.9 {
		t.Errorf("reference accuracy %.3f below 0.90", acc)
	}
}

// refCodes returns the codes of the mention exactly at [start, end).
func refCodes(ms []actors.Mention, start, end int) string {
	for _, m := range ms {
		if m.Start == start && m.End == end {
			var cs []string
			for _, a := range m.Actors {
				cs = append(cs, a.Code)
			}
			return sortCodes(strings.Join(cs, "+"))
		}
	}
	return fmt.Sprintf("no mention %d-%d", start, end)
}

// docOf makes a one-paragraph document of the sentences of s, one a line.
func docOf(s string) *doc.Document {
	d := &doc.Document{Published: "2012-06", Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
	for i, line := range strings.Split(s, "\n") {
		d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: line, Codable: true, Tokens: nlp.Tokenize(line)})
	}
	return d
}
