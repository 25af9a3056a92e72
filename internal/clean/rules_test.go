package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestRuleNeeds: a rule's required literal never passes over a line its
// pattern matches: match gives what the patterns alone give, on every line
// of the seeds and the wire set and on lines written to catch the
// folding (a Kelvin sign, a long s, other scripts).
func TestRuleNeeds(t *testing.T) {
	lines := []string{
		"Your email address will not be published.",
		"YOUR EMAIL ADDRESS WILL NOT BE PUBLISHED",
		"Your email address will not be publi\u017Fhed", // long s folds to s
		"Already a sub\u017Fcriber? Log in",
		"\u212Aeep reading for free", // Kelvin sign folds to k
		"Leave a Reply",
		"Please see the following articles:",
		"Pl\u00e9ase see the following",
		"ISSN 1234-5678",
		"Save my name, email, and website in this browser",
		"This site uses Akismet to reduce spam.",
		"Россия и Китай", "", "4",
	}
	for _, dir := range []string{"seeds", "wire"} {
		files, _ := filepath.Glob(filepath.Join(sharedtest.Path(t, "corpus", dir), "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	sets := [][]rule{cutMarkers, lineBoilerplate, pageFurniture, tailBoilerplate, linkIntro, linkItem}
	needs := 0
	for _, rs := range sets {
		for _, r := range rs {
			if r.need != "" {
				needs++
			}
		}
		for _, l := range lines {
			want, wok := "", false
			for _, r := range rs {
				if r.re.MatchString(l) {
					want, wok = r.name, true
					break
				}
			}
			if got, ok := match(rs, l); got != want || ok != wok {
				t.Errorf("match(%q) = %q, %v; the patterns alone give %q, %v", l, got, ok, want, wok)
			}
		}
	}
	if needs < 20 {
		t.Errorf("%d rules have a required literal, want the 20 and more of plain phrases", needs)
	}
}
