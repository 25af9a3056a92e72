package coder

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
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
	// Country returns a country (alpha-3) as a place.
	Country(alpha3 string) (doc.Location, bool)
}

// place finds where the event at h happened, from the parse, first found:
//
//  1. a place phrase of the trigger's words or of the words it hangs on
//     within its clause: the light verb of an event noun ("held talks in
//     Lima"), the verb whose object or passive subject it is, the verb an
//     infinitive completes ("agreed in Paris to share intelligence");
//     "at a summit in Paris" and "in the town of Gori" name theirs inside;
//     then one the parser hung on their arguments ("filed a case against
//     Russia at the International Court of Justice");
//     violence whose subject is no actor is where that subject is ("a
//     roadside bomb near Samarra killed");
//  2. for a material act, the place of what it acts on ("bombed the town
//     of Gori", "flattened buildings in Gaza City", "took control of
//     Kiwanja"); a word or a call is
//     not placed by its object ("called for an end to violence in
//     Myanmar");
//  3. for a visit or force sent somewhere, its destination ("flew to
//     Tbilisi", "visited Shanghai": the object of a verb of going);
//  4. the owner of an event noun that is a place and no actor ("Kabul's
//     bombing");
//  5. a place phrase that opens the sentence ("In Washington, Bush
//     demanded"): it sets the scene for the whole sentence;
//  6. a place phrase of a verb of the clause, not of a clause inside it
//     ("said that clashes in Gaza ..." places the clashes, not the
//     saying), nor of a time ("midday in Beijing").
//
// A place is named by its preposition: "in Moscow" is a place even where
// "Moscow said" would be an actor. prefer names the countries in play.
func (c *Coder) place(st *sentence, h hit, code string, prefer []string) *doc.Location {
	if c.places == nil {
		return nil
	}
	t := st.tree
	chain := append(t.siteChain(h.head), h.words...)
	if loc := c.firstOf(st, chain, c.sitePhrase, prefer); loc != nil {
		return loc
	}
	var args, objs []int
	for _, k := range chain {
		for _, a := range t.kids[k] {
			if r := t.rel(a); (r == "obl" || r == "nmod") && !is("site", t.marker(a)) {
				args = append(args, a)
			}
		}
		objs = append(objs, t.children(k, "obj")...)
	}
	if loc := c.firstOf(st, args, c.sitePhrase, prefer); loc != nil {
		return loc
	}
	// "A roadside bomb near Samarra killed two youths": violence whose
	// subject is no actor (the weapon, the blast) happens where that
	// subject is.
	if cameo.ClassOf(code).Force == "violent" {
		var means []int
		for _, k := range chain {
			for _, s := range t.children(k, "nsubj") {
				if t.mentionOf(s) == nil {
					means = append(means, s)
				}
			}
		}
		if loc := c.firstOf(st, means, c.sitePhrase, prefer); loc != nil {
			return loc
		}
	}
	if material(code) {
		for _, obj := range objs {
			if loc, ok := c.placeNoun(st, obj, prefer); ok {
				return loc
			}
		}
		if loc := c.firstOf(st, objs, c.sitePhrase, prefer); loc != nil {
			return loc
		}
		// A trigger whose object is the act's own noun names what it acts
		// on in that noun's "of" phrase: "took control of Kiwanja",
		// "seized control of the airport".
		if loc := c.firstOf(st, h.words, c.ofPlace, prefer); loc != nil {
			return loc
		}
	}
	if destination(h, code) {
		if loc := c.firstOf(st, chain, c.destination, prefer); loc != nil {
			return loc
		}
		// What a verb of going somewhere takes as its object is where it
		// goes: "visited Shanghai", "toured the city of Hebron".
		for _, obj := range objs {
			if loc, ok := c.placeNoun(st, obj, prefer); ok {
				return loc
			}
			lo, hi := t.span(obj)
			if loc, ok := c.places.Name(st.s.Text, st.toks[lo:hi+1], prefer); ok {
				return clauseLoc(loc)
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
	if loc, ok := c.fronted(st, prefer); ok {
		return loc
	}
	for _, k := range t.clauseWords(t.clauseHead(h.head)) {
		if t.rel(k) != "obl" {
			continue
		}
		if loc, ok := c.sitePhrase(st, k, prefer); ok {
			return loc
		}
	}
	return nil
}

// firstOf returns the first place that read finds among the dependents
// of heads, in order.
func (c *Coder) firstOf(st *sentence, heads []int, read func(*sentence, int, []string) (*doc.Location, bool), prefer []string) *doc.Location {
	for _, k := range heads {
		for _, kid := range st.tree.kids[k] {
			if loc, ok := read(st, kid, prefer); ok {
				return loc
			}
		}
	}
	return nil
}

// destination returns the place a "to" phrase headed at k names: "flew
// to Tbilisi", "a delegation to Havana".
func (c *Coder) destination(st *sentence, k int, prefer []string) (*doc.Location, bool) {
	return c.marked(st, k, "to", prefer)
}

// ofPlace returns the place an "of" phrase headed at k names: "control
// of Kiwanja", "control of the port of Berdyansk".
func (c *Coder) ofPlace(st *sentence, k int, prefer []string) (*doc.Location, bool) {
	if loc, ok := c.marked(st, k, "of", prefer); ok {
		return loc, true
	}
	if st.tree.marker(k) != "of" {
		return nil, false
	}
	return c.placeNoun(st, k, prefer)
}

// marked returns the place that a phrase headed at k, attached by the
// preposition marker, names as a whole.
func (c *Coder) marked(st *sentence, k int, marker string, prefer []string) (*doc.Location, bool) {
	t := st.tree
	if r := t.rel(k); r != "obl" && r != "nmod" || t.marker(k) != marker {
		return nil, false
	}
	m := t.markerAt(k)
	_, hi := t.span(k)
	if m < 0 || m >= hi {
		return nil, false
	}
	if loc, ok := c.places.Name(st.s.Text, st.toks[m+1:hi+1], prefer); ok {
		return clauseLoc(loc), true
	}
	return nil, false
}

// fronted returns the place of a place phrase that opens the sentence
// and ends at a comma: "In Washington, President Bush demanded".
func (c *Coder) fronted(st *sentence, prefer []string) (*doc.Location, bool) {
	toks := st.toks
	if len(toks) < 3 || !is("site", strings.ToLower(toks[0].Text)) {
		return nil, false
	}
	for k, tok := range toks {
		if tok.Text == "," {
			if loc, _, _, ok := c.places.Find(st.s.Text, toks[:k], prefer); ok {
				return clauseLoc(loc), true
			}
			break
		}
	}
	return nil, false
}

// destination reports whether the event at h goes somewhere, so that a
// "to" phrase names its place: a place trigger ("arrived in", "flew
// to"), a visit, a planned one ("will travel to France"), and force sent
// somewhere ("will send troops to eastern Congo").
func destination(h hit, code string) bool {
	return h.t.Place || code == "042" || code == "043" || code == "036" || forceful(code)
}

// onTarget reports whether an event with no place named happens where its
// target is: a visit, violence, aid. A show of force ("tightened
// security along the border") is at home.
func onTarget(code string) bool {
	return code == "042" || cameo.ClassOf(code).Force == "violent" || code[:2] == "07"
}

// unnamed places an event whose sentence names no place, in order:
//
//  1. where the paragraph last named one ("In Skopje, police used tear
//     gas. Police said 25 people were detained.");
//  2. at the story's dateline when that city is a venue, in the country
//     of neither of the story's protagonists ("GENEVA", "UNITED
//     NATIONS"), where delegates of every side speak and meet; acts on
//     the ground are not done there ("Cambodia had stationed troops at
//     the temple" in a story from the UN);
//  3. a visit, violence or aid in its target's country ("the presidents
//     of Poland and Ukraine flew in", "clashes with the Sudanese army");
//  4. in the source's country, where a state's acts and words are done
//     at home ("Moscow accused Kiev" in a story from Kiev); an
//     international body speaks at its seat (seats.tsv: "NATO urged
//     Russia"), but meets and acts where its counterpart is ("EU
//     officials also attended", "the UN mission raised its alert level");
//  5. at the dateline.
//
// Where the country of 3 or 4 is the dateline's, the dateline city is the
// place.
func (c *Coder) unnamed(code string, src doc.Actor, tgt *doc.Actor, dc discourse) *doc.Location {
	if dc.place != nil {
		l := *dc.place
		l.From = doc.FromParagraph
		return &l
	}
	dl := dc.dateline
	if dl != nil && !dc.protagonist(dl.Country) && !material(code) {
		return dup(dl)
	}
	home := func(a doc.Actor) *doc.Location {
		country := a.Country
		if country == "" && !material(code) && code[:2] != "04" {
			country = seat(a.Code)
		}
		if dl != nil && dl.Country == country {
			return dup(dl)
		}
		if c.places == nil || country == "" {
			return nil
		}
		if loc, ok := c.places.Country(country); ok {
			loc.From = doc.FromParty
			return &loc
		}
		return nil
	}
	if tgt != nil && onTarget(code) {
		if l := home(*tgt); l != nil {
			return l
		}
	}
	if l := home(src); l != nil {
		return l
	}
	if src.Country == "" && tgt != nil {
		if l := home(*tgt); l != nil {
			return l
		}
	}
	return dup(dl)
}

// dup returns a copy of loc, or nil: each event owns its location.
func dup(loc *doc.Location) *doc.Location {
	if loc == nil {
		return nil
	}
	l := *loc
	return &l
}

// seatsFile lists the seats of international bodies by actor code.
//
//go:embed seats.tsv
var seatsFile string

// seats maps an actor code prefix to the country of the body's seat.
var seats = readSeats(seatsFile)

func readSeats(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		m[f[0]] = f[1]
	}
	return m
}

// seat returns the country of the seat of the international body with
// actor code code, by its longest listed prefix, or "".
func seat(code string) string {
	for n := len(code); n >= 3; n-- {
		if c, ok := seats[code[:n]]; ok {
			return c
		}
	}
	return ""
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
	if t.placeless(k) {
		return &doc.Location{Text: st.s.Text[st.toks[t.markerAt(k)+1].Start:st.toks[k].End], From: doc.FromClause}, true
	}
	lo, hi := t.span(k)
	if loc, _, _, ok := c.places.Find(st.s.Text, st.toks[lo:hi+1], prefer); ok {
		l := clauseLoc(loc)
		return l, true
	}
	// "in the town of Gori", "in the breakaway region of South Ossetia".
	return c.placeNoun(st, k, prefer)
}

// placeNoun returns the place a noun of place at k names with its "of"
// phrase: "the town of Gori", "the breakaway region of South Ossetia".
func (c *Coder) placeNoun(st *sentence, k int, prefer []string) (*doc.Location, bool) {
	t := st.tree
	if !is("placenoun", t.lemma(k)) {
		return nil, false
	}
	for _, n := range t.kids[k] {
		if t.rel(n) != "nmod" || t.marker(n) != "of" {
			continue
		}
		_, nhi := t.span(n)
		if loc, ok := c.places.Name(st.s.Text, st.toks[n:nhi+1], prefer); ok {
			return clauseLoc(loc), true
		}
	}
	return nil, false
}

// material reports whether a code is a material act, cooperative or
// conflictual (quad classes 2 and 4), not a word.
func material(code string) bool {
	info, ok := cameo.Lookup(code)
	return ok && (info.Quad == 2 || info.Quad == 4)
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
// the clauses inside it (reported, adverbial, relative, parenthetical) and
// the phrases of time ("midday in Beijing").
func (t *tree) clauseWords(k int) []int {
	var out []int
	var walk func(j int)
	walk = func(j int) {
		out = append(out, j)
		for _, c := range t.kids[j] {
			if !clausal(t.rel(c)) && !is("time", t.lemma(c)) {
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

// placeless reports whether the phrase headed at k names a place of no
// country: "in international waters", "on the high seas", "in
// international airspace" (grammar.txt, openarea and openmod).
func (t *tree) placeless(k int) bool {
	if !is("openarea", t.lemma(k)) || t.markerAt(k) < 0 || t.markerAt(k) > k {
		return false
	}
	for _, m := range t.children(k, "amod") {
		if is("openmod", t.lemma(m)) {
			return true
		}
	}
	return false
}
