package coder

import (
	"slices"

	"github.com/dyad-events/dyad/internal/doc"
)

// Places finds the places a sentence names, such as a gazetteer
// (internal/geo). toks is a run of the sentence's tokens; prefer names the
// countries in play (alpha-3), whose places win over namesakes elsewhere.
type Places interface {
	// Find returns the place of the first "in/at/near/outside X" phrase
	// among toks, with the byte offsets of its words.
	Find(sentence string, toks []doc.Token, prefer []string) (loc doc.Location, start, end int, ok bool)
	// Name returns the place that toks name as a whole ("Kabul" of
	// "Kabul's bombing").
	Name(sentence string, toks []doc.Token, prefer []string) (doc.Location, bool)
	// Dateline returns the city of a wire dateline ("TBILISI, August
	// 13, 2008 —").
	Dateline(line string, prefer []string) (doc.Location, bool)
}

// place finds where the event at h happened, from the parse:
//
//  1. a place phrase of the trigger or of the words it hangs on within
//     its clause: the light verb of an event noun ("held talks in Lima"),
//     the verb whose object or passive subject it is, the verb an
//     infinitive completes ("agreed in Paris to share intelligence");
//     "at a summit in Paris" and "the town of Gori" name theirs inside;
//  2. the owner of an event noun that is a place and no actor ("Kabul's
//     bombing");
//  3. any place phrase of the clause, not of a clause inside it ("said
//     that clashes in Gaza ..." places the clashes, not the saying).
//
// A place is named by its preposition: "in Moscow" is a place even where
// "Moscow said" would be an actor. prefer names the countries in play.
func (c *Coder) place(st *sentence, h hit, prefer []string) *doc.Location {
	if c.places == nil {
		return nil
	}
	t := st.tree
	for _, k := range t.siteChain(h.head) {
		for _, kid := range t.kids[k] {
			if loc, ok := c.sitePhrase(st, kid, prefer); ok {
				return loc
			}
		}
	}
	if h.nominal {
		for _, kid := range t.children(h.head, "nmod:poss") {
			if t.mentionOf(kid) != nil {
				continue
			}
			if loc, ok := c.places.Name(st.s.Text, st.toks[kid:kid+1], prefer); ok {
				return clauseLoc(loc)
			}
		}
	}
	for _, k := range t.clauseWords(t.clauseHead(h.head)) {
		if loc, ok := c.sitePhrase(st, k, prefer); ok {
			return loc
		}
	}
	return nil
}

// sitePhrase returns the place of the phrase headed at k when it is a
// place phrase: an oblique or noun modifier whose preposition says where
// (grammar.txt, site), naming a place itself or through a noun of place or
// a phrase of its own ("at a summit in Paris").
func (c *Coder) sitePhrase(st *sentence, k int, prefer []string) (*doc.Location, bool) {
	t := st.tree
	switch t.rel(k) {
	case "obl", "nmod":
	default:
		return nil, false
	}
	if t.toks[k].Rel == "nmod:poss" || t.toks[k].Rel == "obl:tmod" || !is("site", t.marker(k)) {
		return nil, false
	}
	lo, hi := t.span(k)
	if loc, _, _, ok := c.places.Find(st.s.Text, st.toks[lo:hi+1], prefer); ok {
		l := clauseLoc(loc)
		return l, true
	}
	// "in the town of Gori", "in the breakaway region of South Ossetia".
	if is("placenoun", t.lemma(k)) {
		for _, n := range t.kids[k] {
			if t.rel(n) != "nmod" || t.marker(n) != "of" {
				continue
			}
			_, nhi := t.span(n)
			if loc, ok := c.places.Name(st.s.Text, st.toks[n:nhi+1], prefer); ok {
				return clauseLoc(loc), true
			}
		}
	}
	return nil, false
}

func clauseLoc(loc doc.Location) *doc.Location {
	loc.From = doc.FromClause
	return &loc
}

// siteChain is the trigger at i and the words it hangs on within its
// clause, nearest first: the verb an event noun is the object or subject
// of, the verb an infinitive completes, the head of a conjunct.
func (t *tree) siteChain(i int) []int {
	chain := []int{i}
	for k := i; ; {
		g := t.head(k)
		if g < 0 {
			break
		}
		switch t.toks[k].Rel {
		case "obj", "nsubj:pass", "nsubj", "xcomp", "conj":
		default:
			return chain
		}
		if t.toks[k].Rel == "nsubj" && t.toks[i].UPOS != "NOUN" {
			// The subject of a verb is its actor, not its event.
			return chain
		}
		chain = append(chain, g)
		k = g
	}
	return chain
}

// clauseHead is the head of the clause of the word at i: the first word
// up from i that heads a clause (a verb or a predicate with a subject),
// else the root.
func (t *tree) clauseHead(i int) int {
	for k := i; k >= 0; k = t.head(k) {
		if clausal(t.rel(k)) || t.head(k) < 0 {
			return k
		}
	}
	return i
}

// clauseWords are the words of the clause headed at k, in order, without
// the clauses inside it (reported, adverbial, relative, parenthetical).
func (t *tree) clauseWords(k int) []int {
	var out []int
	var walk func(j int)
	walk = func(j int) {
		out = append(out, j)
		for _, c := range t.kids[j] {
			if !clausal(t.rel(c)) {
				walk(c)
			}
		}
	}
	walk(k)
	slices.Sort(out)
	return out
}

// clausal reports whether a relation attaches a clause of its own.
func clausal(rel string) bool {
	switch rel {
	case "ccomp", "csubj", "advcl", "acl", "parataxis", "root":
		return true
	}
	return false
}

// datelineParagraphs is how many leading paragraphs may hold the dateline:
// a title, a standfirst and the dateline's own.
const datelineParagraphs = 3

// inPlay is the countries in play for an event: its parties' and the
// document's protagonists'.
func inPlay(r result, dc discourse) []string {
	var out []string
	for _, ms := range []mentions{r.src, r.tgt, r.pair} {
		for _, a := range ms.actors() {
			if a.Country != "" && !slices.Contains(out, a.Country) {
				out = append(out, a.Country)
			}
		}
	}
	for _, a := range dc.doc {
		if !slices.Contains(out, a.Country) {
			out = append(out, a.Country)
		}
	}
	return out
}

// dateline is the city of d's dateline ("TBILISI, August 13, 2008 —"),
// the line or sentence that the pipeline keeps apart near the top, or nil.
func (c *Coder) dateline(d *doc.Document, protagonists []doc.Actor) *doc.Location {
	if c.places == nil {
		return nil
	}
	var prefer []string
	for _, a := range protagonists {
		prefer = append(prefer, a.Country)
	}
	for _, s := range d.Sentences {
		if s.Paragraph >= datelineParagraphs {
			break
		}
		if loc, ok := c.places.Dateline(s.Text, prefer); ok {
			loc.From = doc.FromDateline
			return &loc
		}
	}
	return nil
}
