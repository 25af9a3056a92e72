package cluster

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed rules.txt
var rulesText string

// rules is what rules.txt says: the codes compatible across roots, how far
// dates reach, the tolerance of amounts, and the words of durations.
type rules struct {
	compatible [][]string // groups of code prefixes
	distinct   [][]string // groups of code prefixes that are different acts within a root
	dayWindow  int        // days a day-precise date reaches on either side
	docWindow  int        // days a publication date reaches back
	tolerance  float64
	numbers    map[string]int
	units      map[string]int
	duration   *regexp.Regexp

	// lengths remembers the length each sentence read gives: a store
	// clusters the reports of a busy event again as each new one
	// arrives, and reads the same sentences each time.
	mu      sync.Mutex
	lengths map[string]length
}

// maxLengths bounds rules.lengths; it is emptied when full.
const maxLengths = 1 << 16

// lengthOf is durationDays of sentence, remembered.
func (r *rules) lengthOf(sentence string) length {
	r.mu.Lock()
	l, ok := r.lengths[sentence]
	r.mu.Unlock()
	if ok {
		return l
	}
	l.days, l.text, l.ok = r.durationDays(sentence)
	r.mu.Lock()
	if r.lengths == nil || len(r.lengths) >= maxLengths {
		r.lengths = map[string]length{}
	}
	r.lengths[sentence] = l
	r.mu.Unlock()
	return l
}

// algorithm is the version of the clustering code; change it with any
// change to how clusters are made, so stores cluster their events again.
const algorithm = "2"

// Version names the clustering code and rules: a store whose clusters were
// made by another version clusters its events again.
func Version() string {
	sum := sha256.Sum256([]byte(rulesText))
	return "cluster=" + algorithm + " rules=" + hex.EncodeToString(sum[:4])
}

// theRules are the embedded rules; the package's tests hold the file to
// its format, so a malformed line is a build mistake and panics.
var theRules = sync.OnceValue(func() *rules {
	r, err := parseRules(rulesText)
	if err != nil {
		panic("cluster: rules.txt: " + err.Error())
	}
	return r
})

func parseRules(text string) (*rules, error) {
	r := &rules{numbers: map[string]int{}, units: map[string]int{}}
	for n, line := range strings.Split(text, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Split(strings.TrimSpace(line), "\t")
		if f[0] == "" {
			continue
		}
		bad := func(want string) error { return fmt.Errorf("line %d: %q: want %s", n+1, line, want) }
		switch f[0] {
		case "compatible", "distinct":
			if len(f) < 3 {
				return nil, bad(f[0] + " CODE CODE...")
			}
			for _, c := range f[1:] {
				if c == "" || strings.Trim(c, "0123456789") != "" {
					return nil, bad("CAMEO codes of digits")
				}
			}
			if f[0] == "compatible" {
				r.compatible = append(r.compatible, f[1:])
			} else {
				r.distinct = append(r.distinct, f[1:])
			}
		case "window":
			days, err := intField(f, 3)
			if err != nil {
				return nil, bad("window day|doc DAYS")
			}
			switch f[1] {
			case "day":
				r.dayWindow = days
			case "doc":
				r.docWindow = days
			default:
				return nil, bad("window day|doc DAYS")
			}
		case "tolerance":
			v, err := strconv.ParseFloat(f[len(f)-1], 64)
			if len(f) != 2 || err != nil || v < 0 || v >= 1 {
				return nil, bad("tolerance SHARE, a share between 0 and 1")
			}
			r.tolerance = v
		case "number", "unit":
			v, err := intField(f, 3)
			if err != nil || strings.ContainsFunc(f[1], func(c rune) bool { return c < 'a' || c > 'z' }) {
				return nil, bad(f[0] + " WORD VALUE, a lower-case word and a whole number")
			}
			if f[0] == "number" {
				r.numbers[f[1]] = v
			} else {
				r.units[f[1]] = v
			}
		default:
			return nil, bad("compatible, distinct, window, tolerance, number or unit")
		}
	}
	if len(r.numbers) == 0 || len(r.units) == 0 {
		return nil, fmt.Errorf("no number or unit words")
	}
	num := `\d+|` + strings.Join(keys(r.numbers), "|")
	unit := strings.Join(keys(r.units), "|")
	// "three-day", "3-day", "for a week-long", "for two weeks", "for a month".
	r.duration = regexp.MustCompile(`(?i)\b(?:(` + num + `)-(` + unit + `)(?:-long)?|(?:for (?:an? )?)?(` + unit + `)-long|for (` + num + `) (` + unit + `)s?)\b`)
	return r, nil
}

// intField reads field 2 of f, which must have n fields, as a
// non-negative whole number.
func intField(f []string, n int) (int, error) {
	if len(f) != n {
		return 0, fmt.Errorf("want %d fields", n)
	}
	v, err := strconv.Atoi(f[n-1])
	if err != nil || v < 0 {
		return 0, fmt.Errorf("want a whole number")
	}
	return v, nil
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, regexp.QuoteMeta(k))
	}
	// Longest first: the regexp takes the first alternative that matches.
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return out
}

// compatibleCodes reports whether two CAMEO codes may report one event:
// they share a root and rules.txt does not list them as distinct acts, or
// it lists them in one compatible group.
func (r *rules) compatibleCodes(a, b string) bool {
	if len(a) >= 2 && len(b) >= 2 && a[:2] == b[:2] {
		for _, g := range r.distinct {
			if i, j := memberOf(g, a), memberOf(g, b); i >= 0 && j >= 0 && i != j {
				return false
			}
		}
		return true
	}
	for _, g := range r.compatible {
		if inGroup(g, a) && inGroup(g, b) {
			return true
		}
	}
	return false
}

// memberOf returns the index of the prefix of g that code falls under,
// or -1.
func memberOf(g []string, code string) int {
	for i, p := range g {
		if strings.HasPrefix(code, p) {
			return i
		}
	}
	return -1
}

func inGroup(g []string, code string) bool {
	for _, p := range g {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// namesUnit reports whether sentence holds a unit word of durations
// ("day", "week"), without which it gives no length.
func (r *rules) namesUnit(sentence string) bool {
	lower := strings.ToLower(sentence)
	for u := range r.units {
		if strings.Contains(lower, u) {
			return true
		}
	}
	return false
}

// durationDays finds the length a sentence gives an event ("a three-day
// visit": 3), and the words that gave it; ok is false when it gives
// none, or more than one different length.
func (r *rules) durationDays(sentence string) (days int, text string, ok bool) {
	if !r.namesUnit(sentence) {
		return 0, "", false // most sentences: the expression is not tried
	}
	for _, m := range r.duration.FindAllStringSubmatch(sentence, -1) {
		var num, unit string
		switch {
		case m[2] != "":
			num, unit = m[1], m[2]
		case m[3] != "":
			num, unit = "1", m[3]
		default:
			num, unit = m[4], m[5]
		}
		n, err := strconv.Atoi(num)
		if err != nil {
			n = r.numbers[strings.ToLower(num)]
		}
		d := n * r.units[strings.ToLower(unit)]
		if ok && d != days {
			return 0, "", false
		}
		days, text, ok = d, m[0], true
	}
	return days, text, ok
}
