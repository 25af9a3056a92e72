package syntax

import (
	"strings"
	"unicode/utf8"
)

// The lemmatizer applies edit rules learned from the treebank's lemma
// column: a rule strips some bytes from the end of the word (lower-cased
// or not) and appends others ("studies" → cut 3, add "y"). Rules are keyed
// by the Penn tag and the whole word, else by the tag and the word's
// longest known suffix, so the exceptions a treebank teaches ("went" →
// "go") and the regular endings come from the same table.

// maxSuffix is the longest suffix, in runes, a rule is keyed by.
const maxSuffix = 5

type lemmaRule struct {
	lower bool // apply to the lower-cased word: the lemma has no capitals
	cut   int  // bytes to strip
	add   string
}

func (r lemmaRule) apply(form string) string {
	if r.lower {
		form = strings.ToLower(form)
	}
	if r.cut > len(form) {
		return form
	}
	return form[:len(form)-r.cut] + r.add
}

// ruleFor returns the rule that turns form into lemma.
func ruleFor(form, lemma string) lemmaRule {
	var r lemmaRule
	if lemma == strings.ToLower(lemma) {
		r.lower = true
		form = strings.ToLower(form)
	}
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	// Cut at a rune boundary.
	for p > 0 && p < len(form) && !utf8.RuneStart(form[p]) {
		p--
	}
	r.cut, r.add = len(form)-p, lemma[p:]
	return r
}

type lemmatizer struct {
	rules map[string]lemmaRule // xpos + "\x00" + "^word" or suffix
}

func lemmaKey(xpos, s string) string { return xpos + "\x00" + s }

func (l *lemmatizer) lemma(form, xpos string) string {
	lw := strings.ToLower(form)
	// A past tense or participle of an irregular verb has its base form
	// for lemma: the endings learned from other words must not make
	// "shot" "shet" or "cut" "cbe".
	if xpos == "VBD" || xpos == "VBN" {
		if b, ok := irregular().base[lw]; ok {
			return b
		}
	}
	// Keys are built in a buffer on the stack: a map lookup by
	// string(bytes) allocates nothing.
	var buf [64]byte
	key := append(append(append(buf[:0], xpos...), 0, '^'), lw...)
	if r, ok := l.rules[string(key)]; ok {
		return r.apply(form)
	}
	// A proper name the treebank never lemmatized is its own lemma: an
	// ending learned from "Nov." does not make "Lavrov" "Lavrovember".
	if xpos == "NNP" {
		return form
	}
	for n := maxSuffix; n >= 0; n-- {
		key = append(append(key[:0], xpos...), 0)
		key = append(key, suffix(lw, n)...)
		if r, ok := l.rules[string(key)]; ok {
			return stemEnd(r.apply(form), xpos)
		}
	}
	return lw
}

// stemEnd mends the base form a suffix rule gave a past tense or
// participle: no English verb ends in a consonant and "r" ("massacr"),
// so the "-ed" of "massacred" or "centred" followed an "e" the rule cut.
func stemEnd(base, xpos string) string {
	if xpos != "VBD" && xpos != "VBN" || len(base) < 3 || base[len(base)-1] != 'r' {
		return base
	}
	if c := base[len(base)-2]; c != 'r' && !strings.ContainsRune("aeiouy", rune(c)) && c >= 'a' && c <= 'z' {
		return base + "e"
	}
	return base
}

// lemmaCounts gathers rules from (form, xpos, lemma) triples.
type lemmaCounts map[string]map[lemmaRule]int

func (c lemmaCounts) add(form, xpos, lemma string) {
	r := ruleFor(form, lemma)
	lw := strings.ToLower(form)
	c.count(lemmaKey(xpos, "^"+lw), r)
	for n := 0; n <= maxSuffix; n++ {
		suf := suffix(lw, n)
		c.count(lemmaKey(xpos, suf), r)
		if len(suf) == len(lw) {
			break
		}
	}
}

func (c lemmaCounts) count(key string, r lemmaRule) {
	m := c[key]
	if m == nil {
		m = make(map[lemmaRule]int)
		c[key] = m
	}
	m[r]++
}

// build keeps the most frequent rule of each key. A key is dropped when
// the lookup would find the same rule without it (a suffix one rune
// shorter, or for a whole word its suffixes), so the table stays small.
func (c lemmaCounts) build() *lemmatizer {
	all := &lemmatizer{rules: make(map[string]lemmaRule, len(c))}
	for k, m := range c {
		all.rules[k] = best(m)
	}
	l := &lemmatizer{rules: make(map[string]lemmaRule)}
	for k, r := range all.rules {
		xpos, s, _ := strings.Cut(k, "\x00")
		var parent lemmaRule
		var ok bool
		if w, whole := strings.CutPrefix(s, "^"); whole {
			parent, ok = all.suffixRule(w, xpos)
		} else if n := utf8.RuneCountInString(s); n > 0 {
			parent, ok = all.rules[lemmaKey(xpos, suffix(s, n-1))]
		}
		if !ok || parent != r {
			l.rules[k] = r
		}
	}
	return l
}

// suffixRule is the rule the longest known suffix of lw gives.
func (l *lemmatizer) suffixRule(lw, xpos string) (lemmaRule, bool) {
	for n := maxSuffix; n >= 0; n-- {
		if r, ok := l.rules[lemmaKey(xpos, suffix(lw, n))]; ok {
			return r, true
		}
	}
	return lemmaRule{}, false
}

func best(m map[lemmaRule]int) lemmaRule {
	var out lemmaRule
	n := -1
	for r, k := range m {
		if k > n || (k == n && less(r, out)) {
			out, n = r, k
		}
	}
	return out
}

func less(a, b lemmaRule) bool {
	if a.cut != b.cut {
		return a.cut < b.cut
	}
	if a.add != b.add {
		return a.add < b.add
	}
	return !a.lower && b.lower
}
