package actors

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

var personPronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true}

var groupPronouns = map[string]bool{"they": true, "them": true, "their": true}

// groupNouns follow "the two" or "both" in a reference to a pair.
var groupNouns = map[string]bool{
	"sides": true, "countries": true, "neighbours": true, "neighbors": true,
	"governments": true, "leaders": true, "nations": true, "states": true,
	"presidents": true, "powers": true, "parties": true, "capitals": true,
}

// reference recognises a pronoun or a group reference at token i.
func (r *Resolver) reference(text string, toks []doc.Token, i int) (Mention, int, bool) {
	w := toks[i].Lower()
	ref := func(kind Kind, last int, person bool) (Mention, int, bool) {
		m := Mention{Start: toks[i].Start, End: toks[last].End, First: i, Last: last, Kind: kind, Person: person}
		m.Text = text[m.Start:m.End]
		return m, last + 1, true
	}
	switch {
	case w == "the" && i+2 < len(toks) && counted(toks, i+1) > i+1 || w == "the" && i+2 < len(toks) && pairDescription(toks, i+1):
		// "the 27-nation bloc", "the 193-member world body", "the Western
		// alliance": a count of members, or a description of two words.
		j := counted(toks, i+1)
		last := j
		if pairDescription(toks, j) {
			last = j + 1
		} else if descriptions[toks[j].Lower()].kind != "igo" {
			break
		}
		if last+1 < len(toks) && (toks[last+1].Lower() == "of" && !gerundAt(toks, last+2) || toks[last+1].IsCapitalized()) {
			break // "the six-nation alliance of ...", "the regional bloc ECOWAS", names
		}
		return ref(Description, last, false)
	case w == "the" && i+1 < len(toks) && descriptions[toks[i+1].Lower()].kind != "" &&
		(!capitalizedAt(toks, i+1) || descriptions[toks[i+1].Lower()].kind == "igo" && !r.starts(toks, i+1)) &&
		(i+2 >= len(toks) || (toks[i+2].Lower() != "of" || gerundAt(toks, i+3)) && !toks[i+2].IsCapitalized()):
		// "the kingdom", "the bloc", "the Commission" (which only the
		// name of an organisation resolves), but not "the council of
		// ministers" nor "the Organization for Security and
		// Co-operation in Europe", a name; "accusing the emirate of
		// being too close to Iran" is the emirate, its "of" the charge.
		if i+2 < len(toks) && toks[i+2].Lower() == "members" {
			return ref(Description, i+2, false) // "the council members"
		}
		return ref(Description, i+1, false)
	case descriptions[w].kind == "igo" && i+1 < len(toks) && toks[i+1].Lower() == "members" && (i == 0 || toks[i-1].Lower() != "the"):
		// "Council members voted", "several council members": the members
		// of a body act as the body.
		return ref(Description, i+1, false)
	case personPronouns[w] && !r.personNamed(toks, i):
		return ref(Pronoun, i, true)
	case w == "its":
		return ref(Pronoun, i, false)
	case w == "it" && subjectIt(toks, i):
		return ref(Pronoun, i, false)
	case w == "their" && i+2 < len(toks) && toks[i+1].Lower() == "two" && groupNouns[toks[i+2].Lower()]:
		// "their two countries".
		return ref(Group, i+2, toks[i+2].Lower() == "leaders" || toks[i+2].Lower() == "presidents")
	case groupPronouns[w]:
		return ref(Group, i, false)
	case w == "the" && i+1 < len(toks) && toks[i+1].Lower() == "leaders" && (i+2 >= len(toks) || toks[i+2].Lower() != "of"):
		// "The leaders also discussed Iran", but not "the leaders of
		// Britain, France and Germany".
		return ref(Group, i+1, true)
	case w == "the" && i+1 < len(toks) && groupNouns[toks[i+1].Lower()] && stateNouns[toks[i+1].Lower()] &&
		(i+2 >= len(toks) || toks[i+2].Lower() != "of" && !toks[i+2].IsCapitalized()):
		// "the powers agreed to ease sanctions": a plural noun of states
		// refers back to the states named together before it, but not
		// "the countries of the region", a description of its own.
		return ref(Group, i+1, false)
	case (w == "the" || w == "all") && i+2 < len(toks) && groupCounts[toks[i+1].Lower()] > 2 && stateNouns[toks[i+2].Lower()]:
		// "the three countries", "all four governments": as many states
		// as the count says.
		return ref(Group, i+2, false)
	case w == "both" || (w == "the" && i+2 < len(toks) && toks[i+1].Lower() == "two"):
		k := i + 1
		if w == "the" {
			k++
		}
		if k < len(toks) && groupNouns[toks[k].Lower()] {
			return ref(Group, k, toks[k].Lower() == "leaders" || toks[k].Lower() == "presidents")
		}
		// "Both stand firmly against ...": both as a subject pronoun.
		if _, _, named := r.match(toks, min(i+1, len(toks)-1)); w == "both" && i == 0 && !named {
			return ref(Group, i, false)
		}
	}
	return Mention{}, i, false
}

// memberNouns count an organisation's members before its noun: "the
// 27-nation bloc", "the 15-member council".
var memberNouns = map[string]bool{"nation": true, "member": true, "country": true, "state": true}

// counted returns the token after a count of members at j ("27-nation",
// "six-member"), or j when there is none.
func counted(toks []doc.Token, j int) int {
	if j+3 < len(toks) && (isNumber(toks[j].Text) || numberWords[toks[j].Lower()]) && toks[j+1].Text == "-" && memberNouns[toks[j+2].Lower()] {
		return j + 3
	}
	return j
}

// groupCounts are the numbers written as words that count the states a
// group reference names ("the three countries").
var groupCounts = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// numberWords are the numbers written as words that count members.
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true,
	"twenty": true,
}

// pairDescription reports whether the two words at j are a description
// of descriptions.txt ("world body", "western alliance").
func pairDescription(toks []doc.Token, j int) bool {
	return j+1 < len(toks) && descriptions[toks[j].Lower()+" "+toks[j+1].Lower()].kind != ""
}

// starts reports whether a dictionary name starts at token i.
func (r *Resolver) starts(toks []doc.Token, i int) bool {
	_, _, ok := r.match(toks, i)
	return ok
}

// Document finds and resolves the mentions of every sentence of d, reading
// each sentence's Tokens (a sentence without them has no mentions). Actors
// are coded on the publication date; Mention.At codes them on an event's
// own date. References are resolved to the nearest compatible actors in
// the document:
//
//   - a singular pronoun (he, his, its) to an earlier pronoun of the same
//     sentence that is its subject, else to the nearest person (for he,
//     she) or body (for its) of the same sentence, preferring names to
//     adjectives, else to the subject of the nearest earlier sentence that
//     has a compatible mention; a body's pronoun (it) opening a clause
//     refers to the sentence's subject pronoun before it, not to a state
//     after a preposition between them ("It has played no role over
//     Syria; it has resisted ..."); a body's pronoun (its) whose sentence's
//     subject is a person refers to the subject of its own clause ("Bush
//     demanded that Russia respect Georgia's sovereignty and pull its
//     forces back"); an object pronoun (him, them) never to the subject
//     of its own sentence;
//   - a description ("the council", "the bloc", "the kingdom", "the
//     27-nation bloc", "the world body") to the
//     most recent organisation whose name holds its noun, else to the
//     most recent actor of its kind; a capitalised one ("the Commission")
//     and a body's members ("Council members") only to an organisation
//     whose name holds the noun;
//   - a possessive pronoun opening a sentence before a comma ("For his
//     part, Chinese President Xi Jinping ...", "During their meeting,
//     Presidents Putin and Hu ...") to the subject after the comma;
//   - they, them, their to the nearest compound, group reference, body of
//     members or plural subject;
//   - "the two sides", "both countries" to the nearest compound of two
//     states, else to the two most recent states; "the powers", "the countries"
//     (a plural noun of states, not "the countries of the region") to the
//     nearest compound of states likewise; "countries", "nations"
//     and "neighbours" keep only the states, "governments" and "leaders"
//     of states get GOV.
func (r *Resolver) Document(d *doc.Document) [][]Mention {
	out := make([][]Mention, len(d.Sentences))
	// About two mentions a sentence: grown from nothing, history would be
	// copied half a dozen times.
	history := make([]seen, 0, 2*len(d.Sentences))
	aliases := &names{}
	named := map[string]bool{} // the states the document has named
	para := -1
	ctx := &context{}
	body := false // a body paragraph has begun
	for i, s := range d.Sentences {
		if s.Paragraph != para {
			para = s.Paragraph
			// References do not reach across headings and link lists.
			if len(d.Paragraphs) > para && d.Paragraphs[para].Kind != doc.Body {
				history = history[:0]
			}
		}
		ms := r.mentions(s.Text, s.Tokens, d.Published)
		aliases.chosen(ms)
		ms = aliases.find(s.Text, s.Tokens, ms)
		for _, m := range ms {
			for _, a := range m.Actors {
				if a.Country != "" {
					named[a.Country] = true
				}
			}
		}
		ms = r.halves(s.Text, s.Tokens, ms, d.Published, named)
		if !body {
			if st := datelineState(d, s, ms); st != "" && ctx.dateline == "" {
				ctx.dateline = st
			}
			body = s.Paragraph < len(d.Paragraphs) && d.Paragraphs[s.Paragraph].Kind == doc.Body
		}
		ctx.history, ctx.sentence, ctx.paragraph = history, i, s.Paragraph
		subject := -1
		merged := false
		fronted := r.frontedClause(s.Tokens)
		for k := range ms {
			if ms[k].Kind != Named {
				ms[k].Actors, ms[k].dated = r.resolve(s.Text, s.Tokens, ms, k, i, history)
			}
			if ms[k].bare != nil && r.placeBare(s.Text, s.Tokens, ms, k, d.Published, ctx) && k > 0 && ms[k].First <= ms[k-1].First {
				merged = true // "its troops": the pronoun is now part of the mention
			}
			if len(ms[k].Actors) == 0 || ms[k].region {
				continue
			}
			genericForces(&ms[k], history)
			isSubject := false
			if subject < 0 && ms[k].Prep == "" && !ms[k].Adjective && !dateline(s.Text, ms[k]) && ms[k].Last > fronted {
				subject, isSubject = k, true
			}
			rest := s.Text[ms[k].End:]
			possessive := strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
			history = append(history, seen{ms[k], i, s.Paragraph, isSubject, possessive})
			ctx.history = history
			aliases.learn(r, ms[k])
		}
		if merged {
			ms = dropOwned(ms)
		}
		out[i] = dropBare(ms)
	}
	return out
}

// genericForces recodes a state's forces named generically ("Polish
// forces") as the force of that state the document named last, when it
// was its police or border guards: after "Polish border forces fired
// water cannon", "Minsk accused Polish forces of violence" means them.
func genericForces(m *Mention, history []seen) {
	if m.Kind != Named || len(m.Actors) != 1 || !strings.HasSuffix(strings.ToLower(m.Text), " forces") || m.Actors[0].Role != "military" {
		return
	}
	a := &m.Actors[0]
	if a.Country == "" || a.Code != a.Country+"MIL" {
		return
	}
	for k := len(history) - 1; k >= 0; k-- {
		h := history[k]
		if len(h.Actors) != 1 || h.Actors[0].Country != a.Country {
			continue
		}
		switch h.Actors[0].Code {
		case a.Country + "COP":
			a.Code = h.Actors[0].Code
			return
		case a.Country + "MIL":
			return
		}
	}
}

// dropOwned removes the owners that became part of the mention after
// them: "its" of "its troops", "Somalia" of "Somalia's Transitional
// Federal Government", "the government" of "the government's
// negotiators".
func dropOwned(ms []Mention) []Mention {
	var out []Mention
	for k, m := range ms {
		if k+1 < len(ms) && ms[k+1].First == m.First && ms[k+1].Last > m.Last {
			continue
		}
		out = append(out, m)
	}
	return out
}

// datelineState returns the state of a dateline's place: the first state
// named in a dateline paragraph ("MOSCOW, November 25, 2015 —",
// "PSARADES, Greece, June 17, 2018 —"), or a place opening the first
// body sentence in capitals ("GENEVA, November 24, 2013 — Iran and ..."),
// when dyad knows the place.
func datelineState(d *doc.Document, s doc.Sentence, ms []Mention) string {
	inDateline := s.Paragraph < len(d.Paragraphs) && d.Paragraphs[s.Paragraph].Kind == doc.Dateline
	for _, m := range ms {
		if len(m.Actors) != 1 || m.Kind != Named {
			continue
		}
		a := m.Actors[0]
		if a.Country == "" || a.Code != a.Country {
			if inDateline {
				return "" // "UNITED NATIONS, July 8, 2021 —"
			}
			continue
		}
		if inDateline || dateline(s.Text, m) {
			return a.Country
		}
	}
	return ""
}

// dateline reports whether a mention is the place of a dateline,
// "MOSCOW, March 22 —", which is not the sentence's subject.
func dateline(text string, m Mention) bool {
	return m.Text == strings.ToUpper(m.Text) && strings.HasPrefix(text[m.End:], ",") && m.Start < 3
}

// seen is a resolved mention in a document's history.
type seen struct {
	Mention
	sentence  int
	paragraph int
	subject   bool // the first mention of its sentence not after a preposition
	// possessive is true for an owner: "Xi's decision".
	possessive bool
}

// resolve finds the actors the reference ms[k] points to, with what codes
// them on another date.
func (r *Resolver) resolve(text string, toks []doc.Token, ms []Mention, k, sentence int, history []seen) ([]doc.Actor, []*dated) {
	m := ms[k]
	to := cataphor(text, ms, k)
	if to == nil {
		switch m.Kind {
		case Pronoun:
			to = resolvePronoun(toks, m, sentence, history)
		case Group:
			to = r.resolveGroup(m, sentence, history)
		case Description:
			to = resolveDescription(m, history)
		}
	}
	if to == nil || len(to.Actors) == 0 {
		return nil, nil
	}
	out := make([]doc.Actor, len(to.Actors))
	for i, a := range to.Actors {
		a.Text = m.Text
		out[i] = a
	}
	return out, to.dated
}

// cataphor resolves a possessive pronoun that opens a sentence before a
// comma to the subject that follows the comma.
func cataphor(text string, ms []Mention, k int) *Mention {
	m := ms[k]
	w := strings.ToLower(m.Text)
	if w != "his" && w != "her" && w != "its" && w != "their" {
		return nil
	}
	for _, n := range ms[:k] {
		if n.Kind == Named {
			return nil
		}
	}
	if k+1 >= len(ms) {
		return nil
	}
	n := ms[k+1]
	if n.Kind != Named || n.Prep != "" || n.Adjective || !strings.Contains(text[m.End:n.Start], ",") {
		return nil
	}
	if strings.Count(text[m.End:n.Start], ",") != 1 || !strings.HasSuffix(strings.TrimSpace(text[m.End:n.Start]), ",") {
		return nil
	}
	if w == "their" && len(n.Actors) < 2 && !n.Plural {
		return nil
	}
	if (w == "his" || w == "her") && (!n.Person || len(n.Actors) != 1) {
		return nil
	}
	if w == "its" && (n.Person || len(n.Actors) != 1) {
		return nil
	}
	return &n
}

func resolvePronoun(toks []doc.Token, m Mention, sentence int, history []seen) *Mention {
	compatible := func(h seen) bool {
		return len(h.Actors) == 1 && h.Person == m.Person && !h.Plural
	}
	// "Moscow said it was ready": a pronoun right after "X said" is X.
	for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
		if h := history[k]; h.Last == m.First-2 && compatible(h) && !h.Adjective && h.Prep == "" {
			return &history[k].Mention
		}
	}
	// The same sentence: "he ... his" keeps the subject; else the nearest
	// name, then the nearest adjective.
	w := strings.ToLower(m.Text)
	object := w == "him" || w == "them"
	var nearest, nearestAdj *seen
	for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
		h := &history[k]
		if !compatible(*h) {
			continue
		}
		// "he also met X, Y and Z during his trip".
		if h.Kind == Pronoun && h.Prep == "" && m.Person && !object && !objectPronoun[strings.ToLower(h.Text)] {
			return &h.Mention
		}
		// "It has played no active role over Syria; it has resisted
		// attempts": a body's pronoun opening a clause keeps the
		// sentence's subject pronoun, not a state after a preposition.
		if h.Kind == Pronoun && h.subject && !m.Person && !object && m.First < len(toks) && opensClause(toks, m.First, -1) {
			return &h.Mention
		}
		if h.Adjective {
			if nearestAdj == nil {
				nearestAdj = h
			}
		} else if nearest == nil {
			nearest = h
		}
	}
	// "Yang Jiechi summoned Japan's ambassador and told him": an object
	// pronoun is not its own clause's subject; with no other actor in its
	// sentence it refers to an earlier one ("Lavrov cancelled a visit.
	// His Turkish counterpart telephoned him").
	if object {
		for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
			if h := history[k]; !h.subject && compatible(h) && !h.Adjective && !clauseSubject(toks, h.Mention, m) {
				return &h.Mention
			}
		}
		nearest, nearestAdj = nil, nil
	}
	// A pronoun prefers the sentence's subject ("Xi met Putin in the
	// Kremlin, choosing Russia for his first trip"; "Iran launched
	// missiles at bases in Iraq, its first response"), unless a person's
	// possessive names the owner nearer ("welcomed Xi's decision to make
	// Moscow his first stop").
	if nearest != nil && !(m.Person && nearest.possessive) {
		for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
			if h := history[k]; h.subject && compatible(h) && h.Kind == Named {
				return &h.Mention
			}
		}
	}
	// "Bush demanded that Russia respect Georgia's sovereignty and pull
	// its forces back": with no subject of the sentence to refer to, a
	// body's pronoun refers to the subject of its own clause, not to an
	// owner inside the clause's object.
	if nearest != nil && !m.Person {
		for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
			h := history[k]
			if compatible(h) && h.Kind == Named && !h.Adjective && h.Prep == "" && !h.possessive &&
				h.First < m.First && h.First < len(toks) && opensClause(toks, h.First, -1) {
				return &history[k].Mention
			}
		}
	}
	if nearest != nil {
		return &nearest.Mention
	}
	if nearestAdj != nil {
		return &nearestAdj.Mention
	}
	// Earlier sentences: the subject, else the first compatible name.
	k := len(history) - 1
	for object && k >= 0 && history[k].sentence == sentence {
		k--
	}
	for k >= 0 {
		s := history[k].sentence
		if sentence-s > 4 {
			break
		}
		var first, adj *seen
		for ; k >= 0 && history[k].sentence == s; k-- {
			h := &history[k]
			if !compatible(*h) {
				continue
			}
			if h.Adjective {
				adj = h
				continue
			}
			if h.subject {
				return &h.Mention
			}
			if h.Prep == "" || first == nil || first.Prep != "" {
				first = h
			}
		}
		if first != nil {
			return &first.Mention
		}
		// "especially on the Russian side. Its forces ...".
		if adj != nil {
			return &adj.Mention
		}
	}
	return nil
}

func (r *Resolver) resolveGroup(m Mention, sentence int, history []seen) *Mention {
	w := strings.ToLower(m.Text)
	if groupPronouns[w] {
		// "they ... they": the same referent within a sentence.
		for k := len(history) - 1; k >= 0 && history[k].sentence == sentence; k-- {
			if h := history[k]; h.Kind == Group && groupPronouns[strings.ToLower(h.Text)] && h.Prep == "" {
				return &h.Mention
			}
		}
		// The nearest subject that names several: a compound, a group
		// reference, a body of members, a plural title or a people.
		for k := len(history) - 1; k >= 0 && k >= len(history)-20; k-- {
			h := history[k]
			if h.Prep != "" || h.Adjective {
				continue
			}
			if distinctCountries(h.Actors) >= 2 || (h.Plural && len(h.Actors) == 1 && sentence-h.sentence <= 1) ||
				(len(h.Actors) == 1 && strings.HasPrefix(h.Actors[0].Code, "IGO")) {
				return &h.Mention
			}
		}
	}
	noun := w[strings.LastIndex(w, " ")+1:]
	// "Both sides", "the two sides" of a dispute are the two parties the
	// document is about: the two countries it has named most so far.
	if noun == "sides" {
		if pair, ok := protagonists(history, 2); ok {
			return r.relabelGroup(noun, pair)
		}
	}
	// The nearest compound of two or more countries, else the two most
	// recent distinct countries; of as many as a count says ("the three
	// countries"), when it says more than two.
	n := 2
	if ws := strings.Fields(w); len(ws) >= 2 {
		n = max(n, groupCounts[ws[len(ws)-2]])
	}
	for k := len(history) - 1; k >= 0 && k >= len(history)-20; k-- {
		if h := history[k]; len(h.Actors) >= 2 && distinctCountries(h.Actors) >= 2 && (n == 2 || distinctCountries(h.Actors) == n) {
			// "both countries" are states: not a compound that names a
			// region ("mediated by Brazil and Caribbean leaders").
			if stateNouns[noun] && !r.states(h.Actors) {
				continue
			}
			if m.Person && !h.Person && !stateNouns[noun] && !groupPronouns[w] {
				if noun != "leaders" && noun != "presidents" {
					continue
				}
			}
			return r.relabelGroup(noun, h.Mention)
		}
	}
	// "The three countries" with no compound of three before them are
	// the three the document is about, named before the sentence: "The
	// United States urged all three countries" does not count its
	// subject.
	if n > 2 {
		before := len(history)
		for before > 0 && history[before-1].sentence == sentence {
			before--
		}
		if all, ok := protagonists(history[:before], n); ok {
			return r.relabelGroup(noun, all)
		}
		return nil
	}
	var pair Mention // the two, latest first
	seenCode := map[string]bool{}
	for k := len(history) - 1; k >= 0 && len(pair.Actors) < 2; k-- {
		for i, a := range history[k].Actors {
			c := a.Code[:min(3, len(a.Code))]
			if stateNouns[noun] && !r.countries[a.Country] {
				continue
			}
			if !seenCode[c] && len(pair.Actors) < 2 {
				seenCode[c] = true
				pair.Actors = append(pair.Actors, a)
				pair.dated = append(pair.dated, history[k].datedAt(i))
			}
		}
	}
	if len(pair.Actors) == 2 {
		slices.Reverse(pair.Actors)
		slices.Reverse(pair.dated)
		return r.relabelGroup(noun, pair)
	}
	return nil
}

// states reports whether every actor of as is of a state, not a region.
func (r *Resolver) states(as []doc.Actor) bool {
	for _, a := range as {
		if !r.countries[a.Country] {
			return false
		}
	}
	return true
}

// protagonists returns the n countries named most often in history, in
// the order first named; a tie goes to the more recent. It reports false
// when fewer than n countries were named.
func protagonists(history []seen, n int) (Mention, bool) {
	type tally struct {
		a     doc.Actor
		d     *dated
		n     int
		first int
		last  int
	}
	var ts []*tally
	by := map[string]*tally{}
	for k, h := range history {
		for i, a := range h.Actors {
			if a.Country == "" {
				continue
			}
			t := by[a.Country]
			if t == nil {
				t = &tally{a: doc.Actor{Code: a.Country, Country: a.Country, Text: a.Text}, first: k}
				by[a.Country] = t
				ts = append(ts, t)
			}
			t.n++
			t.last = k
			if a.Code == a.Country {
				t.a, t.d = a, h.datedAt(i)
			}
		}
	}
	if len(ts) < n {
		return Mention{}, false
	}
	slices.SortStableFunc(ts, func(x, y *tally) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return y.last - x.last
	})
	ts = ts[:n]
	slices.SortFunc(ts, func(x, y *tally) int { return x.first - y.first })
	var m Mention
	for _, t := range ts {
		m.Actors, m.dated = append(m.Actors, t.a), append(m.dated, t.d)
	}
	return m, true
}

// descriptionsFile lists the nouns of a definite description, the kind
// of actor each refers back to, and for some the states it can mean.
//
//go:embed descriptions.txt
var descriptionsFile string

// armed reports whether a code is an armed group's: a rebel, insurgent,
// separatist or unaligned armed force of a state (SOMREB), or an
// international militant group (IMGMUSALQ).
func armed(code string) bool {
	if strings.HasPrefix(code, "IMG") {
		return true
	}
	for _, s := range []string{"REB", "INS", "SEP", "UAF"} {
		if len(code) >= 6 && code[3:6] == s {
			return true
		}
	}
	return false
}

type description struct {
	kind      string          // state, igo or armed
	countries map[string]bool // the only states it can mean, or nil
}

var descriptionKinds = map[string]bool{"state": true, "igo": true, "armed": true}

var descriptions = func() map[string]description {
	m := map[string]description{}
	for _, line := range strings.Split(descriptionsFile, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		// The noun is one word or two ("world body"), then the kind.
		k := 1
		if !descriptionKinds[f[k]] && len(f) > 2 {
			k = 2
		}
		d := description{kind: f[k]}
		if len(f) > k+1 {
			d.countries = map[string]bool{}
			for _, c := range f[k+1:] {
				d.countries[c] = true
			}
		}
		m[strings.Join(f[:k], " ")] = d
	}
	return m
}()

// resolveDescription finds what "the kingdom" or "the bloc" refers to: the
// most recent organisation whose own name holds the noun ("the council"
// after "the UN Security Council"), within a dozen sentences, else the
// most recent actor of its kind named in the last few sentences. A
// capitalised noun ("the Commission") and the members of a body
// ("council members") refer only to an organisation whose name holds it.
func resolveDescription(m Mention, history []seen) *Mention {
	words := strings.Fields(strings.TrimSuffix(m.Text, " members"))
	written := words[len(words)-1]
	noun := strings.ToLower(written)
	d := descriptions[noun]
	if n := len(words); n >= 2 {
		if pair, ok := descriptions[strings.ToLower(words[n-2]+" "+written)]; ok {
			d = pair // "the world body", "the Western alliance"
		}
	}
	if d.kind == "igo" {
		for k := len(history) - 1; k >= 0; k-- {
			h := history[k]
			if history[len(history)-1].sentence-h.sentence > 12 {
				break
			}
			// An earlier description holds the noun only when it is the
			// same description: "the world body" is no name of "the
			// regional body".
			if h.Kind == Description && !strings.EqualFold(strings.TrimPrefix(strings.ToLower(h.Text), "the "), strings.TrimPrefix(strings.ToLower(m.Text), "the ")) {
				continue
			}
			if len(h.Actors) == 1 && strings.HasPrefix(h.Actors[0].Code, "IGO") && slices.Contains(strings.Fields(strings.ToLower(h.Text)), noun) {
				return &history[k].Mention
			}
		}
		// "the Commission", "Council members": a capitalised noun refers
		// only to an organisation whose name holds it.
		if written != noun || strings.HasSuffix(m.Text, " members") {
			return nil
		}
	}
	last := -1
	for k := len(history) - 1; k >= 0; k-- {
		h := history[k]
		if last < 0 {
			last = h.sentence
		}
		if last-h.sentence > 3 {
			break
		}
		if h.Kind != Named || len(h.Actors) != 1 {
			continue
		}
		a := h.Actors[0]
		switch {
		case d.kind == "state" && a.Country != "" && a.Code == a.Country && (d.countries == nil || d.countries[a.Country]),
			d.kind == "igo" && strings.HasPrefix(a.Code, "IGO"),
			d.kind == "armed" && armed(a.Code):
			return &history[k].Mention
		}
	}
	return nil
}

// gerundAt reports a verb in -ing at i: "of being", "of supporting".
func gerundAt(toks []doc.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	if x := toks[i].XPOS; x != "" {
		return x == "VBG"
	}
	w := toks[i].Lower()
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !toks[i].IsCapitalized()
}

// stateNouns name states as such: "the two countries" are Russia and
// China even when the compound they follow named their firms or leaders.
var stateNouns = map[string]bool{
	"countries": true, "nations": true, "states": true, "neighbours": true, "neighbors": true,
	"powers": true, "capitals": true,
}

// relabelGroup fits the actors of a group reference to its noun. An
// actor it recodes (a leader's state for "the two countries") no longer
// depends on the date.
func (r *Resolver) relabelGroup(noun string, from Mention) *Mention {
	var out Mention
	seenCode := map[string]bool{}
	for i, a := range from.Actors {
		d := from.datedAt(i)
		switch {
		case stateNouns[noun] && len(a.Code) >= 3 && r.countries[a.Code[:3]]:
			a, d = r.actor(a.Text, a.Code[:3], "", ""), nil
		case (noun == "governments" || noun == "leaders" || noun == "presidents") && r.countries[a.Code]:
			a, d = r.actor(a.Text, a.Code+"GOV", "", ""), nil
		}
		if !seenCode[a.Code] {
			seenCode[a.Code] = true
			out.Actors = append(out.Actors, a)
			out.dated = append(out.dated, d)
		}
	}
	return &out
}

func distinctCountries(as []doc.Actor) int {
	seen := map[string]bool{}
	for _, a := range as {
		seen[a.Code[:min(3, len(a.Code))]] = true
	}
	return len(seen)
}

// itVerbs are the words after "it" that make it a subject referring to a
// body: "Iraq said it would allow", "NATO confirmed it would tighten".
// sayVerbs report what their subject says; "it" right after them is a
// party, not the "it" of "it is likely".
var sayVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "announced": true, "announces": true,
	"added": true, "insisted": true, "insists": true, "stated": true, "states": true,
	"declared": true, "declares": true, "warned": true, "warns": true, "confirmed": true,
	"confirms": true, "indicated": true, "indicates": true, "claimed": true, "claims": true,
}

var itVerbs = map[string]bool{
	"will": true, "would": true, "has": true, "had": true, "could": true, "can": true,
	"may": true, "might": true, "must": true, "should": true, "shall": true, "plans": true,
	"intends": true, "wants": true, "hopes": true, "did": true, "does": true,
}

// clauseSubject reports whether h is a subject pronoun of the clause of
// the object pronoun m, which cannot refer to it: in "saying he would
// only welcome him in Jerusalem" "him" is not "he". A verb of saying,
// "that", a relative pronoun or a comma between them opens another
// clause ("He said the minister would meet him": him is he).
func clauseSubject(toks []doc.Token, h, m Mention) bool {
	if h.Kind != Pronoun || !nominative[strings.ToLower(h.Text)] || h.Last >= m.First {
		return false
	}
	for _, t := range toks[h.Last+1 : m.First] {
		if w := t.Lower(); sayVerbs[w] || w == "that" || w == "who" || w == "which" || w == "," || w == "and" || w == "but" {
			return false
		}
	}
	return true
}

// objectPronoun are the object forms of the third-person pronouns that
// are no other form too.
var objectPronoun = map[string]bool{"him": true, "them": true}

// nominative are the subject forms of the third-person pronouns.
var nominative = map[string]bool{"he": true, "she": true, "they": true, "it": true}

// causeVerbs are the forms of the verbs whose object is the subject of
// the infinitive after it: "allowed it to", "urged it to".
var causeVerbs = map[string]bool{
	"allow": true, "allows": true, "allowed": true, "allowing": true, "enable": true, "enables": true,
	"enabled": true, "enabling": true, "permit": true, "permits": true, "permitted": true,
	"permitting": true, "force": true, "forces": true, "forced": true, "forcing": true, "compel": true,
	"compels": true, "compelled": true, "compelling": true, "oblige": true, "obliges": true,
	"obliged": true, "obliging": true, "urge": true, "urges": true, "urged": true, "urging": true,
	"press": true, "presses": true, "pressed": true, "pressing": true, "push": true, "pushes": true,
	"pushed": true, "pushing": true, "encourage": true, "encourages": true, "encouraged": true,
	"encouraging": true, "prompt": true, "prompts": true, "prompted": true, "prompting": true,
	"persuade": true, "persuades": true, "persuaded": true, "persuading": true, "ask": true,
	"asks": true, "asked": true, "asking": true, "invite": true, "invites": true, "invited": true,
	"inviting": true, "help": true, "helps": true, "helped": true, "helping": true, "lead": true,
	"leads": true, "led": true, "leading": true, "tell": true, "tells": true, "told": true,
	"telling": true, "warn": true, "warns": true, "warned": true, "warning": true, "require": true,
	"requires": true, "required": true, "requiring": true,
}

// subjectIt reports whether "it" at token i is the subject of a verb
// with an actor as its referent, not the "it" of "it is expected that",
// "it has been reported" or "it would be difficult".
func subjectIt(toks []doc.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	// Right after a verb of saying, "it" is who the report is about:
	// "Syria says it is willing to withdraw", "Iran said it was ready".
	if i > 0 && sayVerbs[toks[i-1].Lower()] {
		return true
	}
	next := toks[i+1].Lower()
	// The object of a verb of causing or permitting is the subject of
	// the infinitive after it: "China's approach has allowed it to
	// minimize entanglements", "the sanctions forced it to retreat".
	if i > 0 && next == "to" && causeVerbs[toks[i-1].Lower()] {
		return true
	}
	if i+2 < len(toks) {
		if after := toks[i+2].Lower(); after == "be" || after == "been" || after == "seem" || after == "appear" || after == "take" {
			return false
		}
	}
	if itVerbs[next] {
		return true
	}
	// A past-tense verb: "said it suspended", not "it seemed".
	return strings.HasSuffix(next, "ed") && next != "seemed" && next != "appeared" && next != "emerged"
}

// personNamed reports whether a person's name of the dictionary starts
// at token i with a word that is also a pronoun: "He Lifeng said".
func (r *Resolver) personNamed(toks []doc.Token, i int) bool {
	p, next, ok := r.match(toks, i)
	return ok && p.kind == partPerson && next > i+1
}
