package actors_test

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

var (
	defaultOnce     sync.Once
	defaultResolver *actors.Resolver
)

// resolver returns a resolver over the embedded dictionaries.
func resolver(t testing.TB) *actors.Resolver {
	t.Helper()
	defaultOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			t.Fatalf("lexicon.Default: %v", err)
		}
		defaultResolver = actors.New(lex)
	})
	return defaultResolver
}

type mentionCase struct {
	line                 int
	date, sentence, text string
	want                 string // sorted codes joined by "+", or "-"
}

func readMentionCases(t *testing.T, path string) []mentionCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []mentionCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4", path, n, len(cols))
		}
		out = append(out, mentionCase{n, cols[0], cols[1], cols[2], sortCodes(cols[3])})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

func sortCodes(s string) string {
	if s == "-" || s == "" {
		return "-"
	}
	cs := strings.Split(s, "+")
	sort.Strings(cs)
	return strings.Join(cs, "+")
}

// span finds the byte span of the k-th whole-word occurrence of text
// ("text#k"): "Syria" is not found inside "Syrian".
func span(sentence, text string) (int, int, bool) {
	k := 1
	if i := strings.LastIndex(text, "#"); i > 0 {
		if n, err := strconv.Atoi(text[i+1:]); err == nil {
			text, k = text[:i], n
		}
	}
	isLetter := func(s string, i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if i > 0 && !utf8.RuneStart(s[i]) {
			r, _ = utf8.DecodeLastRuneInString(s[:i+1])
		}
		return unicode.IsLetter(r)
	}
	for from := 0; ; {
		i := strings.Index(sentence[from:], text)
		if i < 0 {
			return 0, 0, false
		}
		start, end := from+i, from+i+len(text)
		if !isLetter(sentence, start-1) && !isLetter(sentence, end) {
			if k--; k == 0 {
				return start, end, true
			}
		}
		from = start + 1
	}
}

// coded returns the sorted codes of the mention that covers [start, end),
// or "-" when no mention overlaps it.
func coded(ms []actors.Mention, start, end int) string {
	var overlap []actors.Mention
	for _, m := range ms {
		if m.Start < end && m.End > start {
			overlap = append(overlap, m)
		}
	}
	for _, m := range overlap {
		if m.Start <= start && m.End >= end {
			var cs []string
			for _, a := range m.Actors {
				cs = append(cs, a.Code)
			}
			return sortCodes(strings.Join(cs, "+"))
		}
	}
	if len(overlap) > 0 {
		var ts []string
		for _, m := range overlap {
			ts = append(ts, fmt.Sprintf("%q", m.Text))
		}
		return "split:" + strings.Join(ts, ",")
	}
	return "-"
}

// TestMentionSet scores the resolver on testdata/mentions.tsv, mentions
// from the seed articles and the demo corpus coded by hand. A mention is
// right when the mention that covers its text has exactly the expected
// codes (in any order); "-" expects no mention there at all.
func TestMentionSet(t *testing.T) {
	r := resolver(t)
	cases := readMentionCases(t, "testdata/mentions.tsv")
	if len(cases) < 200 {
		t.Fatalf("mention set has %d mentions, want at least 200", len(cases))
	}
	right := 0
	var failures []string
	for _, c := range cases {
		start, end, ok := span(c.sentence, c.text)
		if !ok {
			t.Fatalf("mentions.tsv:%d: %q not in its sentence", c.line, c.text)
		}
		got := coded(r.Sentence(c.sentence, nlp.Tokenize(c.sentence), c.date), start, end)
		if got == c.want {
			right++
			continue
		}
		failures = append(failures, fmt.Sprintf("mentions.tsv:%d %s %q: got %s, want %s", c.line, c.date, c.text, got, c.want))
	}
	acc := float64(right) / float64(len(cases))
	t.Logf("mention accuracy %.3f (%d/%d)", acc, right, len(cases))
	for _, f := range failures {
		t.Log(f)
	}
	if acc < 0.95 {
		t.Errorf("mention accuracy %.3f below 0.95", acc)
	}
}

// TestAtCodesAsFound checks that a mention found on one date and re-coded
// with At on another is coded as if found on the other: every sentence of
// testdata/mentions.tsv, found on each of several dates around changes of
// office, re-coded on each other date.
func TestAtCodesAsFound(t *testing.T) {
	r := resolver(t)
	dates := []string{"1995", "2000-05-07", "2004-03", "2008-05-06", "2008-05-08", "2012", "2012-05-07", "2013-03-14", "2014-06-01", "2019", "2025-01-20"}
	seen := map[string]bool{}
	compared := 0
	for _, c := range readMentionCases(t, "testdata/mentions.tsv") {
		if seen[c.sentence] {
			continue
		}
		seen[c.sentence] = true
		toks := nlp.Tokenize(c.sentence)
		found := map[string][]actors.Mention{}
		for _, d := range dates {
			found[d] = r.Sentence(c.sentence, toks, d)
		}
		for _, from := range dates {
			for _, to := range dates {
				want, got := found[to], found[from]
				if len(got) != len(want) {
					t.Errorf("mentions.tsv:%d: %d mentions on %s, %d on %s", c.line, len(got), from, len(want), to)
					continue
				}
				for k, m := range got {
					m = m.At(to)
					compared++
					if fmt.Sprint(m.Actors) != fmt.Sprint(want[k].Actors) {
						t.Errorf("mentions.tsv:%d %q found on %s, At(%s) = %+v, want %+v", c.line, m.Text, from, to, m.Actors, want[k].Actors)
					}
				}
			}
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
}
