package actors_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
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
	"github.com/dyad-events/dyad/internal/sharedtest"
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
	known                string // why the resolver is known to miss it, or ""
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
		if len(cols) != 4 && len(cols) != 5 {
			t.Fatalf("%s:%d: %d columns, want 4 (and an optional known: REASON)", path, n, len(cols))
		}
		c := mentionCase{line: n, date: cols[0], sentence: cols[1], text: cols[2], want: sortCodes(cols[3])}
		if len(cols) == 5 {
			known, ok := strings.CutPrefix(cols[4], "known: ")
			if !ok || known == "" {
				t.Fatalf("%s:%d: fifth column %q, want \"known: REASON\"", path, n, cols[4])
			}
			c.known = known
		}
		out = append(out, c)
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

// mentionScore counts the rows of a mention set coded right: on the full
// codes, and on their first three letters (the country or IGO, which event
// scoring compares).
type mentionScore struct{ rows, full, country int }

func (s *mentionScore) add(got, want string) {
	s.rows++
	if got == want {
		s.full++
	}
	if firstThree(got) == firstThree(want) {
		s.country++
	}
}

func (s mentionScore) fullRate() float64    { return float64(s.full) / float64(max(s.rows, 1)) }
func (s mentionScore) countryRate() float64 { return float64(s.country) / float64(max(s.rows, 1)) }

func (s mentionScore) String() string {
	return fmt.Sprintf("full code %.3f (%d/%d), first three letters %.3f (%d/%d)",
		s.fullRate(), s.full, s.rows, s.countryRate(), s.country, s.rows)
}

// firstThree reduces sorted codes ("GEOMIL+RUSMIL") to their first three
// letters ("GEO+RUS"); "-" and split mentions stay as they are.
func firstThree(codes string) string {
	if codes == "-" || strings.HasPrefix(codes, "split:") {
		return codes
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range strings.Split(codes, "+") {
		c = c[:min(3, len(c))]
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "+")
}

// codeCase returns the sorted codes ms give the text of c, failing the
// test when the text is not in its sentence.
func codeCase(t *testing.T, name string, c mentionCase, ms []actors.Mention) string {
	t.Helper()
	start, end, ok := span(c.sentence, c.text)
	if !ok {
		t.Fatalf("%s:%d: %q not in its sentence", name, c.line, c.text)
	}
	return coded(ms, start, end)
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
	var score mentionScore
	for _, c := range cases {
		got := codeCase(t, "mentions.tsv", c, r.Sentence(c.sentence, nlp.Tokenize(c.sentence), c.date))
		score.add(got, c.want)
		if got != c.want {
			t.Logf("mentions.tsv:%d %s %q: got %s, want %s", c.line, c.date, c.text, got, c.want)
		}
	}
	t.Logf("mentions.tsv: %s", score)
	if score.fullRate() < 0.95 {
		t.Errorf("mention accuracy %.3f below 0.95", score.fullRate())
	}
}

// TestWireMentionSet scores the resolver on testdata/wire_mentions.tsv,
// mentions of the wire set coded by hand with full codes (issue 9), each
// coded in its document as the pipeline codes it. Every row passes but
// those marked known, and a known row that passes must lose its mark;
// issue 9's floors hold for the development block (articles 21-40) and
// for all rows. The check block (41-50) is reported.
func TestWireMentionSet(t *testing.T) {
	dir := filepath.Dir(sharedtest.Path(t, "corpus", "wire", "manifest.jsonl"))
	r := resolver(t)
	type coding struct {
		doc string
		ms  []actors.Mention
	}
	bySentence := map[string]coding{} // document date + tab + sentence
	for _, d := range manifestDocs(t, dir, "") {
		for i, ms := range r.Document(d) {
			bySentence[d.Published+"\t"+d.Sentences[i].Text] = coding{d.ID, ms}
		}
	}
	const name = "wire_mentions.tsv"
	cases := readMentionCases(t, "testdata/"+name)
	var dev, check, all mentionScore
	known := 0
	for _, c := range cases {
		in, ok := bySentence[c.date+"\t"+c.sentence]
		if !ok {
			t.Fatalf("%s:%d: no wire document of %s has the sentence %q", name, c.line, c.date, c.sentence)
		}
		got := codeCase(t, name, c, in.ms)
		block := &dev
		if n, _ := strconv.Atoi(in.doc[:2]); n >= 41 {
			block = &check
		}
		block.add(got, c.want)
		all.add(got, c.want)
		switch {
		case got == c.want && c.known != "":
			t.Errorf("%s:%d %q passes now: remove its known mark (%s)", name, c.line, c.text, c.known)
		case got != c.want && c.known != "":
			known++
			t.Logf("%s:%d %s %q: got %s, want %s (known: %s)", name, c.line, in.doc, c.text, got, c.want, c.known)
		case got != c.want:
			t.Errorf("%s:%d %s %q: got %s, want %s", name, c.line, in.doc, c.text, got, c.want)
		}
	}
	if dev.rows < 500 || check.rows < 100 {
		t.Fatalf("%d development and %d check mentions, want at least 500 and 100", dev.rows, check.rows)
	}
	t.Logf("development (wire 21-40): %s", dev)
	t.Logf("check (wire 41-50):       %s", check)
	t.Logf("all:                      %s; %d rows fail as marked known", all, known)
	// Issue 9's floors, held while rows are still marked known: every
	// unmarked row must pass as well, so that no row regresses.
	for _, s := range []struct {
		name  string
		score mentionScore
	}{{"development", dev}, {"all", all}} {
		if s.score.countryRate() < 0.95 || s.score.fullRate() < 0.90 {
			t.Errorf("%s rows: %s; floors 0.95 on the first three letters, 0.90 on the full code", s.name, s.score)
		}
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
