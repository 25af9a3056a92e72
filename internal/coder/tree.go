package coder

import (
	"bufio"
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
)

// grammarFile lists the words that decide how a clause is read: governors
// of intent, denial and doubt, verbs of saying, light verbs, prepositions
// of targets and places. See its header.
//
//go:embed grammar.txt
var grammarFile string

// grammar maps a class name to its words.
var grammar = readGrammar(grammarFile)

func readGrammar(s string) map[string]map[string]bool {
	g := map[string]map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if g[f[0]] == nil {
			g[f[0]] = map[string]bool{}
		}
		for _, w := range f[1:] {
			g[f[0]][w] = true
		}
	}
	return g
}

// is reports whether word belongs to a class of grammar.txt.
func is(class, word string) bool { return grammar[class][word] }

// tree is the dependency parse of one sentence with the actor mentions
// found in it, indexed for the coder.
type tree struct {
	toks     []doc.Token
	kids     [][]int // dependents of each token, in order
	mentions []actors.Mention
	at       []int    // the mention covering each token, or -1
	lem, low []string // each token's lemma and form, lower case
	rels     []string // each token's relation without its subtype
	// vocab holds a bit for each word of vocabOf's quick test that is a
	// lemma or form of the sentence (know).
	vocab   []uint64
	vocabOf *Lexicon
	// words are the tokens of the trigger being read: its own words
	// ("would not withdraw", "no longer tolerate") never negate it.
	words map[int]bool
	// events holds the heads of the sentence's event nouns, once the
	// triggers are matched.
	events map[int]bool
	// intended is the governor of intent that mood found above the
	// trigger being read ("pledged", "threatened"), or "" when the event
	// is planned by a future tense alone or not planned.
	intended string
	// attempted is set when mood found a verb of attempt above the
	// trigger being read ("tried to seize", "attempted to storm").
	attempted bool
	// strs, ints and kidsBuf back low, lem, rels, at and kids: arrays a
	// released tree hands on to the next (trees).
	strs    []string
	ints    []int
	kidsBuf [][]int
}

// trees holds released trees, whose arrays and vocab the next tree
// reuses: a tree is made for every parsed sentence, and most of the
// garbage the coder made was theirs.
var trees = sync.Pool{New: func() any { return new(tree) }}

// release hands t's arrays to the next tree made. t must not be used
// after: Code releases its trees when the document is coded.
func (t *tree) release() {
	clear(t.strs)
	clear(t.ints)
	clear(t.kidsBuf)
	*t = tree{strs: t.strs, ints: t.ints, kidsBuf: t.kidsBuf, vocab: t.vocab}
	trees.Put(t)
}

// resize returns s with length n, s's own array when it is large
// enough (its elements as release left them: zero).
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func newTree(toks []doc.Token, ms []actors.Mention) *tree {
	n := len(toks)
	// One array each for the per-token strings and ints, a released
	// tree's when there is one.
	t := trees.Get().(*tree)
	strs := resize(t.strs, 3*n)
	ints := resize(t.ints, 3*n) // at, then counts and dependents (below)
	kids := resize(t.kidsBuf, n)
	*t = tree{toks: toks, kids: kids, mentions: ms, at: ints[:n:n],
		low: strs[:n:n], lem: strs[n : 2*n : 2*n], rels: strs[2*n : 3*n : 3*n], vocab: t.vocab,
		strs: strs, ints: ints, kidsBuf: kids}
	for i, tok := range toks {
		t.low[i] = tok.Lower()
		t.lem[i] = t.low[i]
		switch {
		case tok.Lemma == tok.Text && !strings.Contains(tok.Text, "’"):
			// A name is its own lemma: its form lower-cased already.
		case tok.Lemma != "":
			t.lem[i] = strings.ToLower(tok.Lemma)
		}
		t.rels[i], _, _ = strings.Cut(tok.Rel, ":")
	}
	for i := range toks {
		t.at[i] = -1
	}
	for k, m := range ms {
		if len(m.Actors) == 0 {
			continue
		}
		for i := max(m.First, 0); i <= m.Last && i < len(toks); i++ {
			if t.at[i] < 0 {
				t.at[i] = k
			}
		}
	}
	t.controlled()
	// The dependents of all tokens share one array, each head's in a
	// slice of its own capacity, in the order of the tokens.
	count, buf := ints[n:2*n], ints[2*n:]
	for i, tok := range t.toks {
		if h := tok.Head; h >= 0 && h < n && h != i {
			count[h]++
		}
	}
	off := 0
	for h, c := range count {
		if c > 0 {
			t.kids[h] = buf[off : off : off+c]
			off += c
		}
	}
	for i, tok := range t.toks {
		if h := tok.Head; h >= 0 && h < n && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// controlled reads an infinitive the parse hung on the object of a verb
// of control as that verb's complement: in "allowed the opposition to
// hold a rally" or "urged Iran to release the sailors" the infinitive is
// what the verb allows or urges and the object its subject, never a
// modifier of the object, when the object names an actor (grammar.txt
// control). The tree then holds its own copy of the tokens.
func (t *tree) controlled() {
	copied := false
	for v, tok := range t.toks {
		o := tok.Head
		if tok.Rel != "acl" || tok.UPOS != "VERB" || o < 0 || o >= len(t.toks) || t.toks[o].Rel != "obj" || t.at[o] < 0 {
			continue
		}
		g := t.toks[o].Head
		if g < 0 || g >= len(t.toks) || t.toks[g].UPOS != "VERB" || !is("control", t.lem[g]) || !t.infinitive(v) {
			continue
		}
		if !copied {
			t.toks = slices.Clone(t.toks)
			copied = true
		}
		t.toks[v].Head, t.toks[v].Rel = g, "xcomp"
		t.rels[v] = "xcomp"
	}
}

// infinitive reports whether the verb at v is marked by "to", before the
// tree's dependents are indexed.
func (t *tree) infinitive(v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if t.toks[k].Head == v && t.toks[k].Rel == "mark" && t.low[k] == "to" {
			return true
		}
	}
	return false
}

// lemma is the token's lemma in lower case.
func (t *tree) lemma(i int) string { return t.lem[i] }

// rel is the token's relation without its subtype: "nsubj" for
// "nsubj:pass".
func (t *tree) rel(i int) string { return t.rels[i] }

// head is the token's head, or -1 at the root.
func (t *tree) head(i int) int {
	if i < 0 || i >= len(t.toks) {
		return -1
	}
	h := t.toks[i].Head
	if h < 0 || h >= len(t.toks) || h == i {
		return -1
	}
	return h
}

// child returns the first dependent of i with relation rel (full label),
// or -1.
func (t *tree) child(i int, rel string) int {
	for _, k := range t.kids[i] {
		if t.toks[k].Rel == rel {
			return k
		}
	}
	return -1
}

// children returns the dependents of i with relation rel (full label).
func (t *tree) children(i int, rel string) []int {
	var out []int
	for _, k := range t.kids[i] {
		if t.toks[k].Rel == rel {
			out = append(out, k)
		}
	}
	return out
}

// marker returns the lemma of the case or mark dependent of i: "to" in
// "to Beijing", "by" in "by China", "if" in "if it attacks"; "" when none.
// A multi-word preposition gives its first word ("according" in
// "according to").
func (t *tree) marker(i int) string {
	for _, k := range t.kids[i] {
		switch t.toks[k].Rel {
		case "case", "mark":
			return t.lemma(k)
		}
	}
	return ""
}

// phraseMarker is the preposition of the phrase headed at i: its own case
// dependent, else the first word of the phrase when that is a case marker
// the parser hung on a modifier ("of the U.S. Terminal High Altitude Air
// Defense (THAAD) missile defense system", with "of" under "Defense").
func (t *tree) phraseMarker(i int) string {
	if mk := t.marker(i); mk != "" {
		return mk
	}
	if lo, _ := t.span(i); lo < i && t.toks[lo].Rel == "case" {
		return t.lemma(lo)
	}
	return ""
}

// markerAt is the position of i's case or mark dependent, or -1.
func (t *tree) markerAt(i int) int {
	for _, k := range t.kids[i] {
		switch t.toks[k].Rel {
		case "case", "mark":
			return k
		}
	}
	return -1
}

// mentionOf returns the actor mention covering token i, or nil.
func (t *tree) mentionOf(i int) *actors.Mention {
	if i < 0 || i >= len(t.at) || t.at[i] < 0 {
		return nil
	}
	return &t.mentions[t.at[i]]
}

// passive reports whether the verb at i is passive: it has a passive
// subject or auxiliary, or is a past participle modifying a noun
// ("sanctions imposed by the US").
func (t *tree) passive(i int) bool {
	agent := false
	for _, k := range t.kids[i] {
		switch t.toks[k].Rel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		case "obl:agent":
			agent = true
		case "nsubj":
			// An active subject: "parliament has endorsed it, by 89 votes"
			// has a "by" the parser read as an agent.
			return false
		}
	}
	if agent {
		return true
	}
	return t.toks[i].XPOS == "VBN" && (t.toks[i].Rel == "acl" || t.toks[i].Rel == "amod")
}

// span returns the first and last token of the subtree of i.
func (t *tree) span(i int) (lo, hi int) {
	lo, hi = i, i
	var walk func(k int)
	walk = func(k int) {
		lo, hi = min(lo, k), max(hi, k)
		for _, c := range t.kids[k] {
			walk(c)
		}
	}
	walk(i)
	return lo, hi
}

// relative reports whether token i is a relative pronoun ("who", "which",
// "that" opening a relative clause) and returns what it refers to: the
// noun the relative clause modifies.
func (t *tree) relative(i int) (int, bool) {
	switch t.toks[i].XPOS {
	case "WP", "WDT", "WP$":
	default:
		if t.lemma(i) != "that" {
			return -1, false
		}
	}
	for k, steps := t.head(i), 0; k >= 0 && steps < 4; k, steps = t.head(k), steps+1 {
		if t.toks[k].Rel == "acl:relcl" {
			return t.head(k), t.head(k) >= 0
		}
	}
	// "in the presence of Putin and Tymoshenko, who had agreed the
	// outline": a "who" or "which" right after a comma opens a relative
	// clause of the name before the comma, wherever the parse hung the
	// clause.
	if w := t.toks[i].XPOS; (w == "WP" || w == "WDT") && i >= 2 && t.toks[i-1].Text == "," && t.mentionOf(i-2) != nil {
		return i - 2, true
	}
	return -1, false
}

// site returns where an event noun stands in its clause: the noun itself,
// or the quantity that measures it ("5 million dollars of aid", "a new
// round of talks").
func (t *tree) site(i int) int {
	for steps := 0; steps < 3; steps++ {
		g := t.head(i)
		if g < 0 || t.toks[i].Rel != "nmod" || t.marker(i) != "of" || !is("quantity", t.lemma(g)) {
			break
		}
		i = g
	}
	return i
}

// placeIn returns the first actor with a country that the clause of h names
// in a phrase of "in" ("restored political freedoms in Hong Kong", "imposed
// a curfew in Gaza"), other than the source's own; nil when none.
func (t *tree) placeIn(h hit, src mentions) *doc.Actor {
	for k := h.lo; k < h.hi && k < len(t.toks); k++ {
		m := t.mentionOf(k)
		if m == nil || src.has(m) || t.marker(k) != "in" {
			continue
		}
		switch t.rel(k) {
		case "obl", "nmod":
		default:
			continue
		}
		for _, a := range m.Actors {
			if a.Country != "" {
				return &a
			}
		}
	}
	return nil
}

// gerund reports whether the verb at i is in -ing with no subject or
// auxiliary of its own: it names an event as a noun does ("because of
// fighting between the two groups"), not an act of the clause's subject.
func (t *tree) gerund(i int) bool {
	return t.toks[i].XPOS == "VBG" && t.child(i, "nsubj") < 0 && t.child(i, "aux") < 0
}

// described reports whether token i is the subject of a predicate with a
// copula ("the sanctions were a violation", "the visit was brief").
func (t *tree) described(i int) bool {
	return t.toks[i].Rel == "nsubj" && t.head(i) >= 0 && t.child(t.head(i), "cop") >= 0
}
