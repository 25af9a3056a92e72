package clean

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.sha256 from the seeds")

const goldenFile = "testdata/golden.sha256"

// readSeed returns the raw text of the seed whose name starts with prefix.
func readSeed(t testing.TB, prefix string) (name, raw string) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(sharedtest.Path(t, "corpus", "seeds"), prefix+"_*.txt"))
	if err != nil || len(matches) != 1 {
		t.Skipf("seed %s not found (%v)", prefix, err)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatalf("read seed %s: %v", matches[0], err)
	}
	return filepath.Base(matches[0]), string(b)
}

func TestGolden(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(sharedtest.Path(t, "corpus", "seeds"), "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Skipf("no seed texts found (%v)", err)
	}
	slices.Sort(seeds)
	got := map[string]string{}
	texts := map[string]string{}
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read seed %s: %v", path, err)
		}
		text := Text(string(b)).Text
		sum := sha256.Sum256([]byte(text))
		got[filepath.Base(path)] = hex.EncodeToString(sum[:])
		texts[filepath.Base(path)] = text
	}
	if *update {
		var b strings.Builder
		for _, path := range seeds {
			fmt.Fprintf(&b, "%s  %s\n", got[filepath.Base(path)], filepath.Base(path))
		}
		if err := os.MkdirAll(filepath.Dir(goldenFile), 0o755); err != nil {
			t.Fatalf("update golden: %v", err)
		}
		if err := os.WriteFile(goldenFile, []byte(b.String()), 0o644); err != nil {
			t.Fatalf("update golden: %v", err)
		}
		return
	}
	want := readGolden(t)
	for _, path := range seeds {
		name := filepath.Base(path)
		if want[name] == "" {
			t.Errorf("%s: no golden hash; run go test ./internal/clean -update", name)
			continue
		}
		if got[name] == want[name] {
			continue
		}
		// The golden file holds hashes only (the seeds are not ours to
		// commit), so leave the actual text where a person can diff it
		// against `dyad clean`. os.MkdirTemp, not t.TempDir: the latter is
		// deleted when the test ends, before anyone could read it.
		dir, err := os.MkdirTemp("", "clean-golden-")
		if err != nil {
			t.Fatalf("temp dir: %v", err)
		}
		out := filepath.Join(dir, name)
		if err := os.WriteFile(out, []byte(texts[name]), 0o644); err != nil {
			t.Fatalf("write actual: %v", err)
		}
		t.Errorf("%s: cleaned text changed (sha256 %s, golden %s)\n"+
			"  actual text: %s\n"+
			"  review it, e.g. diff -u <(old build: dyad clean %s) %s\n"+
			"  accept with: go test ./internal/clean -update",
			name, got[name], want[name], out, path, out)
	}
}

func readGolden(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("open golden: %v (run go test ./internal/clean -update)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("golden line %q: want \"<sha256>  <name>\"", sc.Text())
		}
		want[name] = sum
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read golden: %v", err)
	}
	return want
}

// TestSeeds checks what a reader of each seed would check in its cleaned
// text.
func TestSeeds(t *testing.T) {
	tests := []struct {
		seed string
		// has must each appear inside a single paragraph.
		has []string
		// hasNot must not appear anywhere.
		hasNot []string
		// once must appear exactly once.
		once []string
		// kinds maps a paragraph (or, failing an exact match, a
		// paragraph prefix) to the kind it must have.
		kinds map[string]doc.ParagraphKind
	}{
		{
			seed:   "000",
			hasNot: []string{"Leave a Reply", "email:", "protected]", "conducts independent research", "ISSN", "Your email address", "Research Intern"},
			once:   []string{"China - Russia Relations"},
			has:    []string{"This stability will cast a lasting imprint"},
			kinds: map[string]doc.ParagraphKind{
				"Putin In Beijing: Renewing": doc.Heading,
				"By Shreya Singh":            doc.Dateline,
				"China - Russia Relations":   doc.Heading,
				"The Russian President,":     doc.Body,
			},
		},
		{
			seed:   "001",
			hasNot: []string{"May 27, 2020", "Wednesday"},
			has:    []string{"June 7, 2012"},
			kinds: map[string]doc.ParagraphKind{
				"June 7, 2012":                      doc.Dateline,
				"Russian President Vladimir Putin":  doc.Body,
				"For more information on":           doc.LinkList,
				"BBC –":                             doc.LinkList,
				"New York Times –":                  doc.LinkList,
				"Xinhua –":                          doc.LinkList,
				"For Chinese-language commentary":   doc.LinkList,
				"Caixin (财新网)":                      doc.LinkList,
				"China News (中新网)":                  doc.LinkList,
				"Compiled and edited by Amanda Wat": doc.Dateline,
			},
		},
		{
			seed:   "002",
			hasNot: []string{"Keep reading", "subscriber", "Subscribe now", "Log in", "All-Access", "Immediate and instant access", "More World Politics Review"},
			once:   []string{"A New Era in China-Russia Relations?"},
			kinds: map[string]doc.ParagraphKind{
				"A New Era in China-Russia Relations?": doc.Heading,
				"Both sides, however,":                 doc.Body,
			},
		},
		{
			seed: "003",
			has: []string{
				"The two countries coordinate closely on international issues, and bilateral trade has grown significantly.",
				"Moscow and Beijing continue to attach high priority to their ‘strategic partnership’; the economic relationship is expanding;",
				"the tempo of relations has picked up.",
				"in the (much) longer term, preserve the possibility of Ukraine becoming a bridge between Europe and Asia",
				"support the Russian militaryindustrial complex",
			},
			hasNot: []string{"11 of 11", "IS109", "Bobo Lo", "____", "•"},
			kinds: map[string]doc.ParagraphKind{
				"Background Briefing: Sino-Russian relations":     doc.Heading,
				"Executive summary":                               doc.Heading,
				"Introduction: overall state of the relationship": doc.Heading,
				"Political interaction":                           doc.Heading,
				"Economic ties":                                   doc.Heading,
				"Military cooperation":                            doc.Heading,
				"Sino-Russian relations are more developed":       doc.Body,
				"a good relationship with Beijing":                doc.Body,
			},
		},
		{
			seed:   "004",
			hasNot: []string{"Akismet", "Log Out", "Leave a Reply", "commenting using", "Connecting to", "Google photo", "Fill in your details"},
			has:    []string{"spilled over into multiple spheres"},
			kinds: map[string]doc.ParagraphKind{
				"Chinese-Russian Strategic Partnership": doc.Heading,
				"After the Ukraine Crisis":              doc.Heading,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			_, raw := readSeed(t, tt.seed)
			res := Text(raw)
			paras := paragraphs(res)
			for _, s := range tt.has {
				if !slices.ContainsFunc(paras, func(p string) bool { return strings.Contains(p, s) }) {
					t.Errorf("no paragraph contains %q", s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(res.Text, s) {
					t.Errorf("cleaned text contains %q", s)
				}
			}
			for _, s := range tt.once {
				if n := strings.Count(res.Text, s); n != 1 {
					t.Errorf("%q appears %d times, want once", s, n)
				}
			}
			for prefix, want := range tt.kinds {
				i := slices.Index(paras, prefix)
				if i < 0 {
					i = slices.IndexFunc(paras, func(p string) bool { return strings.HasPrefix(p, prefix) })
				}
				if i < 0 {
					t.Errorf("no paragraph starts with %q", prefix)
					continue
				}
				if got := res.Paragraphs[i].Kind; got != want {
					t.Errorf("paragraph %q is %v, want %v", prefix, got, want)
				}
			}
			for _, l := range strings.Split(res.Text, "\n") {
				if strings.TrimSpace(l) == "•" {
					t.Errorf("a line is a lone bullet")
				}
			}
		})
	}
}

func TestDatelineSeeds(t *testing.T) {
	tests := []struct {
		seed   string
		want   string
		wantOK bool
	}{
		{"000", "", false},
		{"001", "2012-06-07", true},
		{"002", "", false},
		{"003", "", false},
		{"004", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			_, raw := readSeed(t, tt.seed)
			got, ok := Dateline(raw)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Dateline = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func BenchmarkText(b *testing.B) {
	_, raw := readSeed(b, "003")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Text(raw)
	}
}

func paragraphs(r Result) []string {
	out := make([]string, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		out[i] = r.Text[p.Start:p.End]
	}
	return out
}
