package coder

import (
	"slices"
	"sort"
	"strings"
)

// preposition lists the words a pattern names as the marker of one of the
// head's dependents: "withdraw from", "expulsion of", "pull out of".
var preposition = map[string]bool{
	"of": true, "to": true, "with": true, "from": true, "into": true, "on": true, "against": true,
	"for": true, "in": true, "at": true, "about": true, "over": true, "out": true, "up": true,
	"down": true, "off": true, "away": true, "back": true, "between": true, "by": true,
	"toward": true, "towards": true, "upon": true, "across": true, "through": true, "under": true,
	"around": true, "onto": true, "among": true, "after": true, "before": true, "behind": true,
	"as": true, "like": true, "than": true, "without": true, "within": true, "near": true,
	"outside": true, "inside": true, "along": true, "that": true, "via": true, "amid": true,
}

// match finds the lexicon's triggers in a parsed sentence. Verb and noun
// patterns match a head word by lemma and the words of its dependents in
// its clause, so "cut tie" matches "cut all diplomatic ties"; fixed
// phrases match word for word. The most specific pattern wins, each word
// belongs to one trigger, and a light verb gives way to the event noun it
// governs ("held talks", "signed an agreement").
func (c *Coder) match(t *tree) []hit {
	var cands []hit
	for i := range t.toks {
		if m := t.mentionOf(i); m != nil && !m.Adjective {
			continue // inside a name: "the United States", "Shanghai Cooperation Organization"
		}
		if h, ok := c.headMatch(t, i); ok {
			cands = append(cands, h)
		}
		if h, ok := c.phraseMatch(t, i); ok {
			cands = append(cands, h)
		}
	}
	// Most specific first; equal ones in sentence order.
	sort.SliceStable(cands, func(a, b int) bool { return len(cands[a].words) > len(cands[b].words) })
	used := make([]bool, len(t.toks))
	var hits []hit
	for _, h := range cands {
		free := true
		for _, k := range h.words {
			free = free && !used[k]
		}
		if !free {
			continue
		}
		for _, k := range h.words {
			used[k] = true
		}
		hits = append(hits, h)
	}
	hits = lightVerbs(t, hits)
	t.events = map[int]bool{}
	for _, h := range hits {
		if h.nominal {
			t.events[h.head] = true
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].head < hits[b].head })
	for k := range hits {
		h := &hits[k]
		h.first, h.last = h.head, h.head
		for _, w := range h.words {
			// The noun a participle or relative clause modifies is the
			// trigger's object, but the clause's words are its own: "the
			// sanctions, which the EU imposed in July" is dated July.
			if w == t.head(h.head) && (t.rels[h.head] == "acl" || t.rels[h.head] == "acl:relcl") {
				continue
			}
			h.first, h.last = min(h.first, w), max(h.last, w)
		}
		h.lo, h.hi = t.clause(h.head)
	}
	return hits
}

// headMatch returns the most specific verb or noun pattern headed by token
// i.
func (c *Coder) headMatch(t *tree, i int) (hit, bool) {
	tok := t.toks[i]
	verb := tok.UPOS == "VERB" || (tok.UPOS == "ADJ" && tok.XPOS == "VBN")
	noun := tok.UPOS == "NOUN"
	if !verb && !noun {
		return hit{}, false
	}
	lemma, lower := t.lem[i], t.low[i]
	t.know(c.lex)
	var best hit
	found := false
	for n, key := range []string{lemma, lower} {
		if n == 1 && lower == lemma {
			break
		}
		for _, tr := range c.lex.byHead[key] {
			if n == 1 && (tr.Head == lemma || contains(tr.Forms, lemma)) {
				continue // seen under the lemma
			}
			if tr.Head != lemma && !contains(tr.Forms, lower) {
				continue
			}
			nominal := false
			switch {
			case tr.Kind == 'v' && verb:
			case tr.Kind == 'n' && noun:
				nominal = true
			case tr.Kind == 'v' && noun && len(tr.Deps) == 0 && contains(tr.Forms, lower) && !tr.Report:
				// A verb form used as a noun is its event: "the visit",
				// "the bombing"; but "states" and "claims" are no
				// statements.
				nominal = true
			default:
				continue
			}
			words, ok := t.deps(i, tr)
			if !ok {
				continue
			}
			// Prefer the more specific pattern, then a noun pattern over a
			// verb form read as a noun, then one that writes more words (a
			// "that" left out: "complained Serbia was" is "complain that",
			// not "complain"), then the earlier entry.
			if found && len(words) < len(best.words) {
				continue
			}
			if found && len(words) == len(best.words) && !(best.t.Kind == 'v' && best.nominal && tr.Kind == 'n') && len(tr.Deps) <= len(best.t.Deps) {
				continue
			}
			best, found = hit{t: tr, head: i, words: words, nominal: nominal}, true
		}
	}
	return best, found
}

// objectGap reports whether i heads a relative clause whose object is the
// noun the clause modifies: its object is the relative pronoun ("the
// ambassador, whom Lithuania expelled"), or it has a subject and no object
// or complement of its own ("the sailors it had detained"), so what it did
// was done to that noun as a participle's is ("diplomats expelled by
// Moscow").
func (t *tree) objectGap(i int) bool {
	if t.toks[i].Rel != "acl:relcl" || t.toks[i].UPOS != "VERB" || t.head(i) < 0 {
		return false
	}
	if o := t.child(i, "obj"); o >= 0 {
		_, rel := t.relative(o)
		return rel
	}
	// "the tariffs he had threatened to impose": the gap is the
	// complement's object, not the verb's.
	s := t.child(i, "nsubj")
	if s < 0 || t.child(i, "xcomp") >= 0 || t.child(i, "ccomp") >= 0 {
		return false
	}
	_, rel := t.relative(s)
	return !rel
}

// onCount reports whether token k is a phrase (its marker no "of") the
// parse hung on the verb's object where that object is a count:
// "hundreds", "dozens", "thousands", a noun of quantity.
func (t *tree) onCount(k int) bool {
	n := t.head(k)
	if n < 0 || t.toks[k].Rel != "nmod" || t.toks[n].Rel != "obj" || t.head(n) < 0 {
		return false
	}
	if mk := t.marker(k); mk == "" || mk == "of" {
		return false
	}
	l := strings.TrimSuffix(t.lemma(n), "s")
	return t.toks[n].UPOS == "NUM" || is("quantity", l) || is("quantity", t.lemma(n))
}

// predicative reports whether token k is an adjective the parse hung as a
// modifier on an object but written before that object's determiner or
// number, where no modifier of a noun stands in English.
func (t *tree) predicative(k int) bool {
	n := t.head(k)
	if n < 0 || t.toks[k].UPOS != "ADJ" || t.toks[k].Rel != "amod" || t.toks[n].Rel != "obj" || t.head(n) < 0 {
		return false
	}
	for _, d := range t.kids[n] {
		switch t.toks[d].Rel {
		case "det", "nummod", "nmod:poss", "det:poss":
			if k < d && d < n {
				return true
			}
		}
	}
	return false
}

// mayMatch reports whether the sentence has some word for each position
// of a pattern: a quick test before the parse is read, on the set of the
// lexicon's words the sentence has (know).
func (t *tree) mayMatch(tr *Trigger) bool {
	for _, alts := range tr.need {
		ok := false
		for _, a := range alts {
			if t.vocab[a>>6]&(1<<(a&63)) != 0 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// know fills t.vocab, once a tree, with the words of l's quick test that
// are a lemma or form of the sentence.
func (t *tree) know(l *Lexicon) {
	if t.vocabOf == l {
		return
	}
	t.vocabOf = l
	t.vocab = resize(t.vocab[:0], (len(l.words)+63)/64)
	clear(t.vocab)
	for i, w := range t.low {
		if n, ok := l.words[w]; ok {
			t.vocab[n>>6] |= 1 << (n & 63)
		}
		if lem := t.lem[i]; lem != w {
			if n, ok := l.words[lem]; ok {
				t.vocab[n>>6] |= 1 << (n & 63)
			}
		}
	}
}

// deps matches the words a pattern asks of the head's dependents (and,
// for noun patterns, its modifiers) in the head's clause. It returns the
// tokens matched, the head first.
func (t *tree) deps(i int, tr *Trigger) ([]int, bool) {
	if !t.mayMatch(tr) {
		return nil, false
	}
	words := []int{i}
	taken := func(k int) bool {
		for _, w := range words {
			if w == k {
				return true
			}
		}
		return false
	}
	// A pattern's words are dependents of the head or of a word already
	// matched ("tie" under "cut", "with" under "tie"), never inside a
	// time phrase ("called on Tuesday" is not "called on").
	// "Estonian diplomats expelled by Moscow", "weapons sent to Ukraine":
	// the noun a past participle modifies is what the participle was done
	// to, its object, as the subject of a passive is ("ties were cut").
	modified := -1
	if tr.Kind == 'v' && (t.toks[i].Rel == "acl" && t.toks[i].XPOS == "VBN" || t.objectGap(i)) {
		modified = t.head(i)
	}
	byMeans := tr.Kind == 'v' && tr.writes("by")
	find := func(alts []string, before, noMark bool) int {
		for k := range t.toks {
			if k == modified && !taken(k) && !before {
				if w := t.wordOf(k, alts); w != "" && !preposition[w] && t.markerAt(k) < 0 {
					return k
				}
				continue
			}
			// A noun a quantity measures stands where the quantity
			// stands: "fired dozens of rounds" fires rounds.
			measured := t.site(k) != k && taken(t.head(t.site(k))) && !taken(t.site(k))
			// A phrase the parse hung on a date is the verb's: a date
			// has no argument ("gave a warm welcome on Thursday to the
			// South African leader").
			onDate := func(n int) bool {
				d := t.head(n)
				return d >= 0 && t.isTime(d) && !t.isTime(n) && taken(t.head(d))
			}
			hung := onDate(k) || t.rel(k) == "case" && t.head(k) >= 0 && onDate(t.head(k))
			// A noun written just before a matched noun modifies it,
			// wherever the parse hung the chain of names and nouns ("an
			// al-Shabaab suicide car bomber", "suicide" and "car" hung
			// on "al" as names).
			hung = hung || before && k+1 < len(t.toks) && taken(k+1) && t.toks[k].UPOS == "NOUN" && (t.rels[k] == "compound" || t.rels[k] == "flat")
			// A phrase the parse hung on a number or a noun of quantity
			// that is the verb's object, but for its "of", is the
			// verb's: a count takes no means or manner ("killed
			// hundreds of civilians with chemical weapons").
			hung = hung || !before && t.onCount(k) && taken(t.head(t.head(k)))
			// An adjective written before the determiner or number of
			// the verb's object is no modifier of the object but the
			// verb's complement, wherever the parse hung it: "set free
			// two American citizens", "set free the hostages".
			hung = hung || !before && t.predicative(k) && taken(t.head(t.head(k)))
			// A conjunct of the verb's object is an object too, wherever
			// the parse hung it: "is providing aerial photographs and
			// other military intelligence to" provides intelligence.
			hung = hung || !before && t.rel(k) == "conj" && t.head(k) >= 0 && t.rel(t.head(k)) == "obj" && taken(t.head(t.head(k)))
			if taken(k) || (before && k > i) || !taken(t.head(k)) && !measured && !hung && !((t.rel(k) == "case" || t.rel(k) == "mark") && t.head(k) >= 0 && taken(t.head(t.head(k)))) {
				continue
			}
			// Only the head's own arguments and modifiers: not its subject
			// ("militants killed" is not "kill militant"), its agent, or
			// another clause ("refused to meet, his office said").
			// A pattern that writes "by" reads the agent as the means:
			// "kill by explosive device" is "were killed by an improvised
			// explosive device".
			switch t.toks[k].Rel {
			case "obl:agent":
				if !byMeans {
					continue
				}
			case "nsubj", "csubj", "parataxis", "punct", "cc":
				continue
			case "case", "mark":
				// Nor the marker of its subject: "to most West Africans
				// ordered out of Nigeria", "Africans" parsed as the
				// subject of "ordered", has no "order to".
				if n := t.head(k); n >= 0 && n != i {
					switch t.toks[n].Rel {
					case "nsubj", "csubj":
						continue
					case "obl:agent":
						if !byMeans {
							continue
						}
					}
				}
			case "list", "reparandum", "vocative", "discourse":
				// Loose words of the clause, but not inside a noun the
				// pattern matched: "persona non grata", "grata" parsed as
				// a discourse word of "persona".
				if t.head(k) == i || t.toks[t.head(k)].UPOS != "NOUN" {
					continue
				}
			}
			w := t.wordOf(k, alts)
			if w == "" {
				continue
			}
			if preposition[w] {
				// A preposition or particle: the marker of a dependent
				// ("from" in "withdrew from"), or a particle ("out").
				switch t.toks[k].Rel {
				case "case", "mark", "fixed":
					if n := t.head(k); n >= 0 && (t.isTime(n) || n == i) {
						continue
					}
					if noMark && t.toks[k].Rel == "mark" {
						continue
					}
				case "compound:prt", "advmod":
				default:
					continue
				}
			} else if t.isTime(k) {
				continue
			} else if mk := t.markerAt(k); mk >= 0 && !tr.writes(t.lem[mk]) && !measured {
				// A noun the pattern writes bare is an argument, not the
				// object of a preposition it does not write: "call
				// emergency session" is not "at an emergency session,
				// called".
				continue
			}
			return k
		}
		return -1
	}
	for _, w := range tr.Mods {
		k := find(w, true, false)
		if k < 0 {
			return nil, false
		}
		words = append(words, k)
	}
	// The dependents in any order: a word may hang on one matched after
	// it ("non" on "grata" in "persona non grata").
	at := make([]int, len(tr.Deps))
	for j := range at {
		at[j] = -1
	}
	for progress := true; progress; {
		progress = false
		for j, alts := range tr.Deps {
			if at[j] >= 0 {
				continue
			}
			// A "to" that ends a pattern after its noun is the
			// preposition of that noun's argument, never the "to" of an
			// infinitive: "block road to" is not "blocked a road to
			// show their disapproval" ("order ambassador to leave" writes
			// the infinitive's verb).
			noMark := j > 0 && j == len(tr.Deps)-1 && alts[0] == "to" && !preposition[tr.Deps[j-1][0]]
			if k := find(alts, false, noMark); k >= 0 {
				at[j] = k
				words = append(words, k)
				progress = true
			}
		}
	}
	for j, alts := range tr.Deps {
		if at[j] >= 0 {
			continue
		}
		// A clause set before its verb has no "that": "Serbia was
		// violating their rights, Albania complained" is "complained that
		// Serbia was violating".
		if len(alts) == 1 && alts[0] == "that" && j == len(tr.Deps)-1 && t.bareClause(i) {
			continue
		}
		// A particle the parser left after the verb as a preposition of
		// nothing: "pulled out".
		w := alts[0]
		if len(alts) != 1 || !preposition[w] || i+1 >= len(t.toks) || t.toks[i+1].Lower() != w || taken(i+1) || t.isTime(t.head(i+1)) {
			return nil, false // not "agreed on Monday"
		}
		at[j] = i + 1
		words = append(words, i+1)
	}
	// A preposition written before a noun is that noun's own: "call for
	// summit" is not "called for a deadline during the summit". The noun
	// is the phrase's last word before the next preposition ("attack with
	// poison gas": "with" is "gas"'s).
	single := func(j int) bool { return len(tr.Deps[j]) == 1 && preposition[tr.Deps[j][0]] }
	for j := 0; j+1 < len(tr.Deps); j++ {
		if !single(j) || single(j+1) || at[j] == i+1 {
			continue
		}
		own := false
		for n := j + 1; n < len(tr.Deps) && !single(n); n++ {
			own = own || t.head(at[j]) == at[n]
		}
		if !own {
			return nil, false
		}
	}
	return words, true
}

// wordOf returns the word of alts that token k is, by lemma, form or
// plural, or by the class of actor it names ("@igo"), or "".
func (t *tree) wordOf(k int, alts []string) string {
	for _, a := range alts {
		if l := t.low[k]; t.lem[k] == a || l == a || l == plural(a) || t.actorClass(k, a) {
			return a
		}
	}
	return ""
}

// phraseMatch matches the longest fixed phrase starting at token i; its
// head is the phrase's word highest in the tree.
func (c *Coder) phraseMatch(t *tree, i int) (hit, bool) {
	var best *Trigger
	for _, tr := range c.lex.phrases[t.toks[i].Lower()] {
		n := len(tr.Phrase)
		if i+n > len(t.toks) || (best != nil && n <= len(best.Phrase)) {
			continue
		}
		ok := true
		for k, w := range tr.Phrase {
			ok = ok && t.toks[i+k].Lower() == w
		}
		if ok {
			best = tr
		}
	}
	if best == nil {
		return hit{}, false
	}
	n := len(best.Phrase)
	head, depth := i, 1<<30
	var words []int
	for k := i; k < i+n; k++ {
		words = append(words, k)
		if h := t.head(k); h >= i && h < i+n {
			continue
		}
		if d := t.depth(k); d < depth {
			head, depth = k, d
		}
	}
	// The head first, as headMatch gives it.
	for k, w := range words {
		if w == head {
			words[0], words[k] = words[k], words[0]
		}
	}
	tok := t.toks[head]
	return hit{t: best, head: head, words: words, nominal: tok.UPOS == "NOUN" || tok.UPOS == "PROPN"}, true
}

// isTime reports whether token i heads a time phrase: a day, a month, a
// year.
func (t *tree) isTime(i int) bool {
	if i < 0 {
		return false
	}
	if t.toks[i].Rel == "obl:tmod" || is("time", t.lemma(i)) {
		return true
	}
	return t.toks[i].UPOS == "NUM" && len(t.toks[i].Text) == 4
}

// depth is the number of heads above token i.
func (t *tree) depth(i int) int {
	d := 0
	for k := t.head(i); k >= 0 && d < len(t.toks); k = t.head(k) {
		d++
	}
	return d
}

// lightVerbs resolves a verb trigger whose object is an event noun: a
// light verb ("held talks", "launched strikes", "signed an agreement")
// gives way to the noun, which takes the verb's subject; any other verb
// ("rejected the proposal") is the event, and the noun its object.
func lightVerbs(t *tree, hits []hit) []hit {
	byHead := map[int]int{}
	for k, h := range hits {
		byHead[h.head] = k
	}
	drop := map[int]bool{}
	for k, h := range hits {
		if !h.nominal {
			continue
		}
		g := t.head(h.head)
		if g < 0 {
			continue
		}
		v, ok := byHead[g]
		if !ok || hits[v].nominal {
			continue
		}
		// A meeting that is the object of a preposition the pattern of a
		// verb of meeting writes is the verb's meeting: "will take part
		// in the SCO summit" is one meeting, as "attended the summit" is.
		if t.toks[h.head].Rel != "obj" {
			if mk := t.markerAt(h.head); mk >= 0 && slices.Contains(hits[v].words, mk) && h.t.Code[:2] == "04" && hits[v].t.Code[:2] == "04" {
				drop[k] = true
			}
			continue
		}
		if len(hits[v].words) == 1 && is("light", t.lemma(g)) {
			drop[v] = true
		} else {
			drop[k] = true
		}
	}
	var out []hit
	for k, h := range hits {
		if !drop[k] {
			out = append(out, h)
		}
	}
	return out
}

// clause returns the token range of the clause of the event headed at i:
// the subtree of the verb that governs it, for an event noun, or its own.
func (t *tree) clause(i int) (lo, hi int) {
	lo, hi = t.span(t.governing(i))
	return lo, hi + 1
}

// governing returns the head of the clause of the event headed at i: the
// verb that governs it, for an event noun, or i.
func (t *tree) governing(i int) int {
	if t.toks[i].UPOS == "NOUN" {
		if g := t.head(i); g >= 0 && t.toks[g].UPOS == "VERB" {
			return g
		}
	}
	return i
}

// apart reports whether token k lies in a clause of its own below the
// clause headed at c: an adverbial, complement or parenthetical clause, or
// a conjoined one with its own subject, states its own facts ("was
// signed, although they had hoped to sign deals worth US $5 billion"),
// while a clause that modifies a noun describes it ("a memorandum
// launching a fund of $2 to $4 billion").
func (t *tree) apart(k, c int) bool {
	for i, n := k, 0; i >= 0 && i != c && n < len(t.toks); i, n = t.head(i), n+1 {
		switch t.rels[i] {
		case "advcl", "ccomp", "parataxis", "csubj":
			return t.dominates(c, i)
		case "conj":
			if t.hasSubject(i) {
				return t.dominates(c, i)
			}
		}
	}
	return false
}

// hasSubject reports whether token i has a subject of its own.
func (t *tree) hasSubject(i int) bool {
	for _, k := range t.kids[i] {
		if t.rels[k] == "nsubj" || t.rels[k] == "csubj" {
			return true
		}
	}
	return false
}

// dominates reports whether token a is an ancestor of token b.
func (t *tree) dominates(a, b int) bool {
	for i, n := t.head(b), 0; i >= 0 && n < len(t.toks); i, n = t.head(i), n+1 {
		if i == a {
			return true
		}
	}
	return false
}

func contains(s []string, w string) bool {
	for _, x := range s {
		if x == w {
			return true
		}
	}
	return false
}

// actorClass reports whether token k is the head of an actor mention of
// the class a pattern word names: "@igo" an international organisation
// ("withdrew from ECOWAS"), "@state" a state ("recognised Kosovo"),
// "@actor" any actor.
func (t *tree) actorClass(k int, class string) bool {
	if len(class) < 2 || class[0] != '@' {
		return false
	}
	m := t.mentionOf(k)
	if m == nil {
		// "withdrew from NATO's integrated military command": a body
		// an organisation owns stands for the organisation.
		if class == "@igo" && t.toks[k].UPOS == "NOUN" {
			for _, c := range t.kids[k] {
				if r := t.toks[c].Rel; (r == "nmod:poss" || r == "compound") && t.actorClass(c, class) {
					return true
				}
			}
		}
		return false
	}
	// The mention's head: its token whose head lies outside it.
	if h := t.head(k); h >= m.First && h <= m.Last {
		return false
	}
	for _, a := range m.Actors {
		switch class {
		case "@actor":
			return true
		case "@igo":
			if strings.HasPrefix(a.Code, "IGO") {
				return true
			}
		case "@state":
			if a.Country != "" && a.Code == a.Country {
				return true
			}
		}
	}
	return false
}

// writes reports whether the pattern writes word w among its modifiers or
// dependents.
func (tr *Trigger) writes(w string) bool {
	for _, pos := range [][][]string{tr.Mods, tr.Deps} {
		for _, alts := range pos {
			if contains(alts, w) {
				return true
			}
		}
	}
	return false
}

// bareClause reports whether the verb at i has a finite clause for its
// complement set before it, where no complementizer can stand: "Serbia
// was violating their rights, Albania complained" ("complained Serbia was
// violating", after the verb, is left alone: the parse too often makes a
// clause of what is no complement there).
func (t *tree) bareClause(i int) bool {
	for _, k := range t.children(i, "ccomp") {
		if k < i && t.markerAt(k) < 0 && t.finite(k) {
			return true
		}
	}
	for _, k := range t.children(i, "advcl") {
		if t.fronted(k) {
			return true
		}
	}
	return t.trailing(i)
}

// trailing reports whether the verb of saying at v, with a subject of its
// own, follows the clause it reports as the parse's conjunct of it (with
// no conjunction) or its parataxis: "Croatian authorities are failing to uphold the rights
// of refugees, a human rights group protested".
func (t *tree) trailing(v int) bool {
	g := t.head(v)
	if g < 0 || g > v || t.rel(v) != "conj" && t.rel(v) != "parataxis" || !is("report", t.lemma(v)) || t.child(v, "cc") >= 0 || t.child(v, "nsubj") < 0 || !t.finite(v) {
		return false
	}
	s := t.child(v, "nsubj")
	lo, _ := t.span(s)
	return lo > 0 && t.low[lo-1] == ","
}

// trailer returns the verb of saying that trails the clause headed at k
// (see trailing), or -1.
func (t *tree) trailer(k int) int {
	for _, c := range t.kids[k] {
		if t.trailing(c) {
			return c
		}
	}
	return -1
}

// fronted reports whether the clause at k is what the verb of saying it
// depends on reports, set before it: "Serbia is violating the rights of
// Kosovo Albanians, Albania complained", parsed as an adverbial clause of
// "complained" (a finite clause with no marker, before its verb).
func (t *tree) fronted(k int) bool {
	g := t.head(k)
	return g > k && t.rel(k) == "advcl" && t.markerAt(k) < 0 && t.finite(k) && is("report", t.lemma(g)) && !t.joined(k, g)
}

// joined reports whether the verb at g has a coordinating conjunction
// between the clause at k and itself: "North Korea fired a missile, and
// Japan protested" joins two acts; the second does not report the first.
func (t *tree) joined(k, g int) bool {
	for _, c := range t.children(g, "cc") {
		if k < c && c < g {
			return true
		}
	}
	return false
}
