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
	// copied is set once the tree holds its own copy of the tokens (ownTokens).
	copied bool
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
	t.datedReport()
	t.subjectAfterAnd()
	t.listedInfinitive()
	t.nameVerbNoun()
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
	for v, tok := range t.toks {
		o := tok.Head
		if tok.Rel != "acl" || tok.UPOS != "VERB" || o < 0 || o >= len(t.toks) || t.toks[o].Rel != "obj" || t.at[o] < 0 {
			continue
		}
		g := t.toks[o].Head
		if g < 0 || g >= len(t.toks) || t.toks[g].UPOS != "VERB" || !is("control", t.lem[g]) || !t.infinitive(v) {
			continue
		}
		t.ownTokens()
		t.toks[v].Head, t.toks[v].Rel = g, "xcomp"
		t.rels[v] = "xcomp"
	}
}

// ownTokens makes the tree's tokens its own copy before a relation is read
// again, so the document's parse stays as the parser left it.
func (t *tree) ownTokens() {
	if !t.copied {
		t.toks = slices.Clone(t.toks)
		t.copied = true
	}
}

// datedReport reads a clause the parse hung on the date of a verb of
// saying, as a relative clause opened by "that", as that verb's
// complement: in "said on Wednesday that Britain would expel 23
// diplomats" the "that" right after the date holds no place of subject
// or object in the clause (or one another word holds), which has a
// subject of its own; a date takes no such clause, and what follows is
// what was said.
func (t *tree) datedReport() {
	for v, tok := range t.toks {
		d := tok.Head
		if tok.Rel != "acl:relcl" || d < 0 || d+1 >= len(t.toks) || d+1 >= v {
			continue
		}
		that, date := d+1, t.toks[d]
		if t.low[that] != "that" || t.toks[that].Head != v || (date.Rel != "obl" && date.Rel != "obl:tmod") || !is("time", t.lem[d]) {
			continue
		}
		switch r := t.toks[that].Rel; r {
		case "nsubj", "nsubj:pass", "obj", "iobj":
			// "the day that changed everything"; but not a "that" whose
			// place another word of the clause holds ("said on Tuesday
			// that Azerbaijani forces had attacked several towns").
			if !t.heldBy(v, that, r) {
				continue
			}
		}
		g := date.Head
		if g < 0 || g >= len(t.toks) || !is("report", t.lem[g]) ||
			!t.heldBy(v, that, "nsubj") && !t.heldBy(v, that, "nsubj:pass") {
			continue
		}
		t.ownTokens()
		t.toks[v].Head, t.toks[v].Rel = g, "ccomp"
		t.toks[that].Rel = "mark"
		t.rels[v], t.rels[that] = "ccomp", "mark"
	}
}

// subjectAfterAnd reads the name between an "and" and a tensed verb
// with no subject and no "and" of its own as that verb's subject: in
// "China held drills near Taiwan, and US Secretary of State Antony
// Blinken criticized Beijing" the parse may hang "and" and the name on
// the first clause's object, as its conjuncts, and leave "criticized" to
// inherit China, or make the first clause an adverbial of the second
// ("North Korea fired a missile over Japan, and Japanese Prime Minister
// Shinzo Abe protested"); but a clause after "and" that opens with a name
// is that name's, and "and" joins it to the clause before.
func (t *tree) subjectAfterAnd() {
	for v, tok := range t.toks {
		if tok.UPOS != "VERB" || v == 0 {
			continue
		}
		switch tok.XPOS {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		and := -1
		for k := v - 1; k >= 0; k-- {
			if t.toks[k].Rel == "cc" {
				and = k
				break
			}
		}
		if and < 0 || t.at[v-1] < 0 || t.mentions[t.at[v-1]].First <= and || t.dependent(v, and) {
			continue
		}
		if h := t.toks[and].Head; h <= and || h >= v {
			continue
		}
		s, ok := v-1, true
		for k := and + 1; k < v && ok; k++ {
			switch t.toks[k].UPOS {
			case "NOUN", "PROPN", "ADJ", "DET", "ADP", "PUNCT", "NUM", "CCONJ", "PART":
			default:
				ok = false
			}
		}
		for ok {
			h := t.toks[s].Head
			if h <= and || h >= v {
				break
			}
			s = h
		}
		if !ok || t.dependent(v, -1) || t.under(v, and, v) {
			continue
		}
		t.ownTokens()
		for k := and + 1; k < v; k++ {
			if h := t.toks[k].Head; k != s && (h <= and || h >= v) {
				t.toks[k].Head, t.toks[k].Rel, t.rels[k] = s, "compound", "compound"
			}
		}
		t.toks[s].Head, t.toks[s].Rel, t.rels[s] = v, "nsubj", "nsubj"
		t.toks[and].Head = v
	}
}

// under reports whether a head above token k, before the tree's
// dependents are indexed, lies between lo and hi (exclusive).
func (t *tree) under(k, lo, hi int) bool {
	for steps := 0; steps < len(t.toks); steps++ {
		k = t.toks[k].Head
		if k < 0 || k >= len(t.toks) {
			return false
		}
		if lo < k && k < hi {
			return true
		}
	}
	return true // a cycle: leave the parse alone
}

// listedInfinitive reads a bare verb the parse set apart after a comma
// (parataxis) or conjoined to a tensed verb, with no subject, auxiliary
// or "to" of its own, as a conjunct of the infinitive before it: in
// "Obama is scheduled to deliver a speech to the Cuban people, meet
// dissidents and attend a baseball game" meeting the dissidents is
// Obama's, and scheduled as the speech is, not an act of whoever else the
// sentence names.
func (t *tree) listedInfinitive() {
	for v, tok := range t.toks {
		g := tok.Head
		if tok.XPOS != "VB" || g < 0 || g >= v || v == 0 {
			continue
		}
		switch {
		case tok.Rel == "parataxis" && t.low[v-1] == ",":
		case tok.Rel == "conj" && (t.toks[g].XPOS == "VBD" || t.toks[g].XPOS == "VBZ" || t.toks[g].XPOS == "VBP"):
			// "agreed to withdraw its troops, return the prisoners": a
			// bare verb is no conjunct of a tensed one.
		default:
			continue
		}
		x := -1
		if tok.Rel == "parataxis" && t.infinitive(g) {
			x = g // "to visit Moscow, meet Putin", hung on the infinitive itself
		}
		for k := g + 1; k < v && x < 0; k++ {
			if t.toks[k].Head == g && t.toks[k].Rel == "xcomp" && t.infinitive(k) {
				x = k
			}
		}
		if x < 0 || t.dependent(v, -1) || t.marked(v) {
			continue
		}
		t.ownTokens()
		t.toks[v].Head, t.toks[v].Rel, t.rels[v] = x, "conj", "conj"
	}
}

// nameVerbNoun reads a name, a past tense and a noun the parse took for
// one noun phrase ("Hungary" a compound and "opposed" a participle of
// "sanctions") as the clause they are: in "..., but Hungary opposed
// sanctions" Hungary opposes the sanctions; it imposes none. A name
// right before a participle that modifies a noun writes no
// "Hungary-opposed sanctions" (that takes a hyphen).
func (t *tree) nameVerbNoun() {
	for v, tok := range t.toks {
		n, c := tok.Head, v-1
		if tok.Rel != "amod" || (tok.XPOS != "VBN" && tok.XPOS != "VBD") || n <= v || n >= len(t.toks) || c < 0 {
			continue
		}
		if t.toks[c].Head != n || t.toks[c].Rel != "compound" || t.at[c] < 0 || t.mentions[t.at[c]].Last != c {
			continue
		}
		if u := t.toks[n].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		first := t.mentions[t.at[c]].First
		ok := first >= 0
		for k := v + 1; k < n && ok; k++ {
			ok = t.toks[k].Head == n // "opposed new sanctions"
		}
		for k := first; k < c && ok; k++ {
			ok = t.toks[k].Head == n || t.toks[k].Head >= first && t.toks[k].Head <= c
		}
		if !ok {
			continue
		}
		t.ownTokens()
		t.toks[v].Head, t.toks[v].Rel, t.rels[v] = t.toks[n].Head, t.toks[n].Rel, t.rels[n]
		for k := range t.toks {
			switch {
			case k == n:
				t.toks[k].Head, t.toks[k].Rel, t.rels[k] = v, "obj", "obj"
			case k >= first && k <= c && t.toks[k].Head == n:
				t.toks[k].Head, t.toks[k].Rel, t.rels[k] = v, "nsubj", "nsubj"
			case k < first && t.toks[k].Head == n:
				t.toks[k].Head = v // "but", the comma
			}
		}
	}
}

// marked reports whether the verb at v has a marker or an auxiliary of
// its own, before the tree's dependents are indexed.
func (t *tree) marked(v int) bool {
	for _, tok := range t.toks {
		if tok.Head == v && (tok.Rel == "mark" || tok.Rel == "aux" || tok.Rel == "aux:pass") {
			return true
		}
	}
	return false
}

// dependent reports whether the verb at v has a subject or a
// coordinating conjunction of its own, or the token k among its
// dependents, before the tree's dependents are indexed.
func (t *tree) dependent(v, k int) bool {
	for c, tok := range t.toks {
		if tok.Head != v {
			continue
		}
		if c == k {
			return true
		}
		switch tok.Rel {
		case "nsubj", "nsubj:pass", "cc", "expl":
			return true
		}
	}
	return false
}

// heldBy reports whether a dependent of v other than skip has relation
// rel, before the tree's dependents are indexed.
func (t *tree) heldBy(v, skip int, rel string) bool {
	for k, tok := range t.toks {
		if k != skip && tok.Head == v && tok.Rel == rel {
			return true
		}
	}
	return false
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

// someChild reports whether a dependent of i with relation rel (full
// label) satisfies f.
func (t *tree) someChild(i int, rel string, f func(int) bool) bool {
	for _, k := range t.kids[i] {
		if t.toks[k].Rel == rel && f(k) {
			return true
		}
	}
	return false
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
// round of talks", "three days of exercises"), or the sum of money it
// comes in ("$2 billion in military aid", "500 million euros in aid",
// wherever the parse hung the phrase after the sum).
func (t *tree) site(i int) int {
	for steps := 0; steps < 3; steps++ {
		g := t.head(i)
		if g >= 0 && t.toks[i].Rel == "obl" && t.marker(i) == "in" {
			// "pledged 500 million euros in humanitarian aid", the
			// phrase hung on the verb just after the sum.
			if o := t.child(g, "obj"); o >= 0 && o < i && is("money", t.lemma(o)) && t.markerAt(i) == o+1 {
				i = o
			}
			break
		}
		if g < 0 || t.toks[i].Rel != "nmod" {
			break
		}
		mk := t.marker(i)
		// "three days of military exercises", "weeks of protests": a
		// span of time (grammar.txt span, plural) measures its events.
		span := is("span", t.lemma(g)) && t.toks[g].XPOS == "NNS"
		if !(mk == "of" && (is("quantity", t.lemma(g)) || span) || mk == "in" && is("money", t.lemma(g))) {
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
