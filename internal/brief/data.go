package brief

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
)

//go:embed sectors.txt
var sectorsFile string

//go:embed phrases.txt
var phrasesFile string

// sectorRule is a line of sectors.txt.
type sectorRule struct {
	sector string
	codes  []string   // prefixes; nil for any
	words  [][]string // phrases as words; nil for any
}

var (
	rules   []sectorRule
	phrases = map[string]string{}
	roles   = map[string]string{}
)

func init() {
	var err error
	if rules, err = parseSectors(sectorsFile); err != nil {
		panic(err) // embedded and tested
	}
	if err = parsePhrases(phrasesFile, phrases, roles); err != nil {
		panic(err)
	}
}

// dataLines returns the non-comment lines of a data file with their
// numbers, split at " | " into n fields.
func dataLines(name, text string, n int, each func(line int, f []string) error) error {
	for i, line := range strings.Split(text, "\n") {
		if j := strings.Index(line, "#"); j >= 0 {
			line = line[:j]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != n {
			return fmt.Errorf("%s line %d: %q: want %d fields separated by |", name, i+1, strings.TrimSpace(line), n)
		}
		for k := range f {
			f[k] = strings.TrimSpace(f[k])
		}
		if err := each(i+1, f); err != nil {
			return err
		}
	}
	return nil
}

func parseSectors(text string) ([]sectorRule, error) {
	var out []sectorRule
	err := dataLines("sectors.txt", text, 3, func(n int, f []string) error {
		r := sectorRule{sector: f[0]}
		if f[1] != "*" {
			for _, c := range strings.Split(f[1], ",") {
				r.codes = append(r.codes, strings.TrimSpace(c))
			}
		}
		if f[2] != "*" {
			for _, w := range strings.Split(f[2], ",") {
				r.words = append(r.words, strings.Fields(strings.ToLower(w)))
			}
		}
		if r.sector == "" || (r.codes == nil && r.words == nil) {
			return fmt.Errorf("sectors.txt line %d: want a sector name and codes or words", n)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

func parsePhrases(text string, phrases, roles map[string]string) error {
	return dataLines("phrases.txt", text, 2, func(n int, f []string) error {
		kind, key, _ := strings.Cut(f[0], " ")
		switch {
		case kind == "code" && strings.Contains(f[1], "{src}"):
			phrases[key] = f[1]
		case kind == "role" && f[1] != "":
			roles[key] = f[1]
		default:
			return fmt.Errorf("phrases.txt line %d: want \"code CODE | TEMPLATE with {src}\" or \"role ROLE | WORDS\"", n)
		}
		return nil
	})
}

// sectorNames are the sectors in the order of their first rule.
func sectorNames() []string {
	var out []string
	for _, r := range rules {
		if !slices.Contains(out, r.sector) {
			out = append(out, r.sector)
		}
	}
	return out
}

// sectorOf is the sector of the first rule ev matches, else "other".
func sectorOf(ev doc.Event) string {
	ws := window(ev.Sentence, ev.Trigger, 5)
	for _, r := range rules {
		if r.codes != nil && !slices.ContainsFunc(r.codes, func(c string) bool { return strings.HasPrefix(ev.CAMEO, c) }) {
			continue
		}
		if r.words != nil && !slices.ContainsFunc(r.words, func(p []string) bool { return hasPhrase(ws, p) }) {
			continue
		}
		return r.sector
	}
	return "other"
}

// window returns the lower-case words of the trigger in sentence and the
// n words either side of it.
func window(sentence, trigger string, n int) []string {
	ws := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.'
	})
	for i := range ws {
		ws[i] = strings.Trim(ws[i], ".-")
	}
	tw := strings.Fields(strings.ToLower(trigger))
	if len(tw) == 0 {
		return ws
	}
	first := strings.Trim(tw[0], ".,;:\"“”")
	for i, w := range ws {
		if w == first {
			return ws[max(0, i-n):min(len(ws), i+len(tw)+n)]
		}
	}
	return ws
}

func hasPhrase(ws []string, p []string) bool {
	for i := range ws {
		if i+len(p) > len(ws) {
			return false
		}
		ok := true
		for k, w := range p {
			got := ws[i+k]
			if pre, star := strings.CutSuffix(w, "*"); star {
				ok = ok && strings.HasPrefix(got, pre)
			} else {
				ok = ok && got == w
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// phrase is the template of the longest listed prefix of code.
func phrase(code string) string {
	for n := len(code); n > 0; n-- {
		if p, ok := phrases[code[:n]]; ok {
			return p
		}
	}
	return "{src} acted toward {tgt} (CAMEO " + code + ")"
}
