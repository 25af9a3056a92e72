package coder

import (
	"maps"
	"slices"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
)

// mentions is a set of actor mentions in the order found.
type mentions []*actors.Mention

func (ms mentions) has(m *actors.Mention) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

func (ms mentions) add(more ...*actors.Mention) mentions {
	for _, m := range more {
		if m != nil && !ms.has(m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// without returns the mentions of ms that are not in other.
func (ms mentions) without(other mentions) mentions {
	var out mentions
	for _, m := range ms {
		if !other.has(m) {
			out = append(out, m)
		}
	}
	return out
}

// actors returns the actors the mentions name, each once.
func (ms mentions) actors() []doc.Actor {
	var out []doc.Actor
	seen := map[string]bool{}
	for _, m := range ms {
		for _, a := range m.Actors {
			if !seen[a.Code+"|"+a.Text] {
				seen[a.Code+"|"+a.Text] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// arg returns the mentions an argument headed at k names: the mention
// that covers k, or else one its modifiers name ("the government of
// Syria", "Russia's army", "a delegation from China"), and the same for
// each of its conjuncts ("Britain, France and Germany"). A relative
// pronoun names what its clause modifies.
func (t *tree) arg(k int) mentions {
	var out mentions
	out = out.add(t.one(k, 0))
	for _, c := range t.conjuncts(k) {
		out = out.add(t.one(c, 0))
	}
	return out
}

// conjuncts returns the conjuncts of k, nested ones too.
func (t *tree) conjuncts(k int) []int {
	var out []int
	for _, c := range t.children(k, "conj") {
		out = append(out, c)
		out = append(out, t.conjuncts(c)...)
	}
	return out
}

func (t *tree) one(k, depth int) *actors.Mention {
	if k < 0 || depth > 4 {
		return nil
	}
	if m := t.mentionOf(k); m != nil {
		return m
	}
	if r, ok := t.relative(k); ok {
		return t.one(r, depth+1)
	}
	if is("kin", t.lemma(k)) {
		return t.kin(k, depth)
	}
	for _, rel := range []string{"nmod:poss", "compound", "amod", "flat", "appos", "nmod", "poss-pronoun", "obl:unmarked"} {
		if rel == "obl:unmarked" && (t.toks[k].Rel != "amod" || !is("leadby", t.lemma(k))) {
			// "Dutch-led investigators", "state-run media": the bare noun
			// of a participle of leading or owning before a noun names
			// whose it is, as "Saudi" of "Saudi-led" does when the parse
			// makes it an adjective; not one of other verbs ("African
			// Union-mediated talks" are not the AU's).
			continue
		}
		if rel == "poss-pronoun" {
			// "her Colombian counterpart" is Colombian: a possessive
			// pronoun names whose counterpart, after any nationality.
			for _, c := range t.children(k, "nmod:poss") {
				if m := t.mentionOf(c); m != nil {
					return m
				}
			}
			continue
		}
		for _, c := range t.children(k, rel) {
			if rel == "nmod:poss" && t.toks[c].UPOS == "PRON" && t.toks[c].XPOS != "WP$" {
				continue // "their ministers"; but "whose chief" is the relative's noun's
			}
			// "the government of Syria", "thousands of Ukrainians", "a
			// delegation from China".
			// "a spokesman for the Iranian foreign ministry" speaks
			// for it (grammar.txt speaker).
			if rel == "nmod" {
				if mk := t.phraseMarker(c); mk != "of" && mk != "from" && !(mk == "for" && is("speaker", t.lemma(k))) {
					continue
				}
			}
			if m := t.one(c, depth+1); m != nil {
				return m
			}
		}
	}
	// "a military base used by U.S. and Kenyan forces": a thing the
	// participle of holding after it says who holds (grammar.txt
	// heldby) is theirs.
	for _, c := range t.children(k, "acl") {
		if t.toks[c].XPOS == "VBN" && is("heldby", t.lemma(c)) {
			for _, a := range t.children(c, "obl:agent") {
				if m := t.one(a, depth+1); m != nil {
					return m
				}
			}
		}
	}
	return nil
}

// kin returns the people a noun of kinship (grammar.txt kin) at k names:
// a relative of a state's leader or body is one of its people, no office
// of the state ("Kim Jong Nam, the exiled half-brother of North Korea's
// leader", PRKCVL, not PRKGOV).
func (t *tree) kin(k, depth int) *actors.Mention {
	for _, c := range t.kids[k] {
		r := t.rel(c)
		if r != "nmod:poss" && r != "amod" && r != "compound" && !(r == "nmod" && t.phraseMarker(c) == "of") {
			continue
		}
		m := t.one(c, depth+1)
		if m == nil {
			continue
		}
		for _, a := range m.Actors {
			if a.Country != "" {
				return &actors.Mention{Start: m.Start, End: m.End, Text: m.Text, Kind: m.Kind, Person: true, First: m.First, Last: m.Last,
					Actors: []doc.Actor{{Text: m.Text, Code: a.Country + "CVL", Country: a.Country}}}
			}
		}
	}
	return nil
}

// argsOf returns the mentions of every dependent of i with relation rel.
func (t *tree) argsOf(i int, rel string) mentions {
	var out mentions
	for _, c := range t.children(i, rel) {
		out = out.add(t.arg(c)...)
	}
	return out
}

// subject returns who does what the verb or predicate at v says: its
// subject, or, when it has none, the subject its clause inherits: the
// object of a verb of making or urging and otherwise the subject of the
// verb an infinitive depends on ("urged China to back", "agreed to
// meet"), the first conjunct's ("kidnapped advisers and exploded
// bombs"), the noun a participle modifies ("troops firing on
// protesters"), the main verb's for a participle or purpose clause.
func (t *tree) subject(v, steps int) mentions {
	// The first subject that names an actor: a parse may give two ("a
	// top U.S. official today praised"). An event noun for a subject acts
	// as its owner does: "the release of two Canadian citizens by China
	// ended a dispute" was not the citizens' doing.
	var s mentions
	misread := t.prepositionalSubject(v)
	// "Iraq's interim government announced that it is prepared to impose
	// martial law", "Belarus's border committee and Foreign Ministry said
	// they would investigate": a personal pronoun that is the subject of
	// what a verb of saying reports is the one who says it, when no
	// dictionary resolved it, or it is of the third person (grammar.txt
	// sayer) and the dictionaries made it one who does not say it.
	for _, c := range append(t.children(v, "nsubj"), t.children(v, "expl")...) {
		if t.toks[c].XPOS != "PRP" || t.lemma(c) == "there" || steps > 4 {
			continue
		}
		m := t.mentionOf(c)
		if m != nil && !is("sayer", t.low[c]) {
			continue
		}
		if g := t.reporter(v); g >= 0 {
			if sayer := t.subject(g, steps+1); m == nil || len(sayer) > 0 && !ownSide(mentions{m}, sayer) {
				return sayer
			}
		}
	}
	for _, c := range t.children(v, "nsubj") {
		if misread {
			break
		}
		if t.events[c] && is("dispatch", t.lemma(c)) {
			// "The first deployment of NATO peacekeepers arrived in
			// Kosovo": what a noun of dispatch sends does what the
			// sentence says the dispatch does.
			if o := t.ofArg(c); len(o) > 0 {
				s = s.add(o...)
				continue
			}
		}
		if t.events[c] {
			// Its owner, or the one its "by" or "from" names ("a suicide
			// bomber from the Jaish-e-Mohammed group killed").
			o := t.owner(c)
			for _, k := range t.children(c, "nmod") {
				if mk := t.marker(k); len(o) == 0 && (mk == "by" || mk == "from") {
					o = t.arg(k)
				}
			}
			s = s.add(o...)
		} else {
			s = s.add(t.arg(c)...)
		}
	}
	if len(s) > 0 {
		return s.add(t.companions(v)...)
	}
	// "Khomeini today rejected": a time word the parse took for the
	// subject does nothing; the name just before it does.
	for _, c := range t.children(v, "nsubj") {
		if t.isTime(c) && c > 0 {
			if m := t.mentionOf(c - 1); m != nil {
				return mentions{m}
			}
			// "After two days of talks, the Arab League on Sunday
			// condemned", the name hung on the opening phrase.
			if s := t.openingSubject(v); len(s) > 0 {
				return s
			}
		}
	}
	// "Syria says it is willing": a pronoun the parser took for an
	// expletive but the actor stage resolved is the subject.
	for _, k := range t.children(v, "expl") {
		if m := t.mentionOf(k); m != nil {
			return mentions{m}
		}
	}
	if !misread && t.child(v, "nsubj") >= 0 || t.child(v, "nsubj:pass") >= 0 || steps > 4 {
		return nil
	}
	if s := t.datedSubject(v); len(s) > 0 {
		return s
	}
	if s := t.openingSubject(v); len(s) > 0 {
		return s
	}
	g := t.head(v)
	if g < 0 {
		return nil
	}
	switch t.toks[v].Rel {
	case "xcomp":
		// "Xi is expected to visit", "was asked to leave": a passive
		// governor's subject is the infinitive's.
		if s := t.argsOf(g, "nsubj:pass"); len(s) > 0 {
			return s
		}
		for _, rel := range []string{"obj", "iobj"} {
			if o := t.argsOf(g, rel); len(o) > 0 {
				return o
			}
		}
		return t.subject(g, steps+1)
	case "conj":
		// "Kenzo Oshima, the United Nations Emergency Relief Coordinator,
		// demanded", with "demanded" parsed as a conjunct of the
		// apposition: a verb conjoined to a noun has it for subject.
		if u := t.toks[g].UPOS; u == "NOUN" || u == "PROPN" {
			if a := t.arg(g); len(a) > 0 {
				return a
			}
			if t.toks[g].Rel == "appos" {
				return t.arg(t.head(g))
			}
			return nil
		}
		if t.passive(g) {
			if t.passive(v) {
				return t.argsOf(g, "obl:agent")
			}
			return t.argsOf(g, "nsubj:pass")
		}
		return t.subject(g, steps+1)
	case "advcl":
		// "prompting the United States to impose sanctions", the
		// infinitive parsed as adverbial: whom a verb of making makes act
		// acts.
		if t.marker(v) == "to" && is("cause", t.lemma(g)) {
			if o := t.argsOf(g, "obj"); len(o) > 0 {
				return o
			}
		}
		// "ordered the ambassador to leave, accusing Kigali": a participle
		// set off by a comma at the end of a clause speaks of the
		// clause's own subject, not of whom its infinitive is about.
		if t.toks[v].XPOS == "VBG" && v > 0 && t.low[v-1] == "," {
			for t.toks[g].Rel == "xcomp" && t.head(g) >= 0 && len(t.argsOf(t.head(g), "obj")) > 0 {
				g = t.head(g)
			}
		}
		return t.subject(g, steps+1)
	case "acl":
		if t.marker(v) == "to" {
			// "Moscow's plans to build a base", "the Chinese president
			// plans to visit" parsed with "plans" a noun: what a noun of
			// intent intends is its owner's to do.
			if is("intent", t.lemma(g)) && t.toks[g].UPOS == "NOUN" {
				if o := t.owner(g); len(o) > 0 {
					return o
				}
			}
			// "summoned the attaché to lodge a protest": the purpose of
			// an act on someone is the actor's, not the person's; so are
			// the steps one takes ("took steps to ease restrictions").
			if t.mentionOf(g) != nil || len(t.arg(g)) > 0 || is("step", t.lemma(g)) {
				if gg := t.head(g); gg >= 0 && t.toks[g].Rel == "obj" {
					return t.subject(gg, steps+1)
				}
			}
			return nil
		}
		return t.arg(g)
	case "acl:relcl":
		return t.arg(g)
	}
	return nil
}

// pronounObject reports whether an object of the verb at i is a pronoun.
func (t *tree) pronounObject(i int) bool {
	return t.someChild(i, "obj", func(o int) bool { return t.toks[o].UPOS == "PRON" })
}

// folk reports whether an object of the verb at i is a noun of ordinary
// people (grammar.txt folk: "U.S. citizens", "its nationals"), no state
// body, whatever country its modifiers name.
func (t *tree) folk(i int) bool {
	return t.someChild(i, "obj", func(o int) bool { return is("folk", t.lemma(o)) })
}

// companions returns the actors a "together with" or "along with" phrase
// of the verb at v names: who acts with its subject, on its side, and no
// target ("Together with France, Germany condemned the coup", "condemned
// the coup together with France").
func (t *tree) companions(v int) mentions {
	var out mentions
	for _, k := range t.kids[v] {
		switch {
		case t.rel(k) == "advmod" && is("together", t.lemma(k)):
			for _, c := range t.children(k, "obl") {
				if t.marker(c) == "with" {
					out = out.add(t.arg(c)...)
				}
			}
		case t.rel(k) == "obl" && t.companion(k):
			out = out.add(t.arg(k)...)
		}
	}
	return out
}

// companion reports whether the phrase at k is opened by "together with"
// or "along with", "with" its marker and the word before it one of
// grammar.txt together.
func (t *tree) companion(k int) bool {
	mk := t.markerAt(k)
	return mk > 0 && t.lemma(mk) == "with" && is("together", t.low[mk-1])
}

// stateIn returns the state of the country an "in" phrase of the trigger
// h names, as the agent of a passive that names none: "A British
// journalist was arrested in France", "has been put under investigation
// in Italy": people held, charged or investigated by an agent no one
// names are so by the state where it happens.
func (t *tree) stateIn(h hit) mentions {
	for _, w := range h.words {
		for _, k := range t.kids[w] {
			if r := t.rel(k); (r != "obl" && r != "nmod") || t.marker(k) != "in" {
				continue
			}
			if m := t.mentionOf(k); m != nil && len(m.Actors) == 1 && len(m.Actors[0].Code) == 3 && m.Actors[0].Country != "" {
				a := m.Actors[0]
				return mentions{{Text: m.Text, First: m.First, Last: m.Last, Actors: []doc.Actor{{Text: a.Text, Code: a.Country + "GOV", Country: a.Country}}}}
			}
		}
	}
	return nil
}

// ofArg returns the actors the "of" phrases of the noun at i name.
func (t *tree) ofArg(i int) mentions {
	var out mentions
	for _, k := range t.children(i, "nmod") {
		if t.phraseMarker(k) == "of" {
			out = out.add(t.arg(k)...)
		}
	}
	return out
}

// prepositionalSubject reports whether the parse gave the infinitive at v
// a subject that a preposition other than "for" opens: "signed an
// agreement in Beijing to restore relations", with "in" and "Beijing"
// read as the marker and subject of "restore". An infinitive takes a
// subject only after "for" ("for China to join"); that one is a phrase of
// the verb above.
func (t *tree) prepositionalSubject(v int) bool {
	to, prep := false, -1
	for _, k := range t.children(v, "mark") {
		switch w := t.lemma(k); {
		case w == "to":
			to = true
		case w != "for" && preposition[w] && prep < 0:
			prep = k
		}
	}
	if !to || prep < 0 {
		return false
	}
	for _, c := range t.children(v, "nsubj") {
		if prep < c {
			return true
		}
	}
	return false
}

// datedSubject returns the subject a parse hung on a date before the
// verb: the name may come out as an apposition or a conjunct of the date
// of an opening clause ("Speaking in Sochi on Tuesday, President Putin
// called ..."), or as a phrase the date's preposition marks ("On Tuesday
// Kenya's ministers held talks"). A date has no apposition or conjunct
// that names an actor, and a preposition before a date is the date's.
func (t *tree) datedSubject(v int) mentions {
	for _, k := range t.children(v, "obl") {
		if k > v || t.isTime(k) || t.marker(k) == "" {
			continue
		}
		for _, c := range t.kids[k] {
			if c < k && t.rel(c) == "compound" && t.isTime(c) {
				if m := t.arg(k); len(m) > 0 {
					return m
				}
			}
		}
	}
	for _, a := range t.children(v, "advcl") {
		if a > v {
			continue
		}
		lo, _ := t.span(a)
		for k := lo; k < v; k++ {
			if r := t.rel(k); (r == "appos" || r == "conj") && t.isTime(t.head(k)) {
				if m := t.arg(k); len(m) > 0 {
					return m
				}
			}
		}
	}
	return nil
}

// openingSubject returns the subject a parse hung, as a conjunct, on the
// phrase that opens the clause: "After hours of talks, the council
// condemned", with "the council" read as a conjunct of "talks" or as a
// modifier with no preposition of its own. An opening prepositional
// phrase ends at its comma; such a noun after that comma that no "and"
// or "or" joins, and that is the last of its list, starts the clause and
// is its subject.
func (t *tree) openingSubject(v int) mentions {
	for _, k := range t.children(v, "obl") {
		if k > v || t.marker(k) == "" {
			continue
		}
		_, hi := t.span(k)
		for c := k + 1; c <= hi && c < v; c++ {
			if r := t.rel(c); r != "conj" && (r != "nmod" || t.marker(c) != "") || t.child(c, "cc") >= 0 {
				continue
			}
			// The parse may hang the comma on the noun itself.
			lo, _ := t.span(c)
			if t.low[lo] != "," && (lo == 0 || t.low[lo-1] != ",") {
				continue
			}
			last := true
			for _, sib := range t.children(t.head(c), t.rel(c)) {
				last = last && sib <= c
			}
			if m := t.arg(c); last && len(m) > 0 {
				return m
			}
		}
	}
	return nil
}

// result is the parties of one event as the parse gives them.
type result struct {
	src, tgt mentions
	// pair holds the parties of "between X and Y", or of a mutual event
	// whose parties are all named as its subject.
	pair mentions
	// named is set when the clause names people as its object that no
	// mention covers ("urged members"): the event has a target, just not
	// one dyad knows.
	named bool
	// srcNamed is set when the clause has a subject that no mention
	// covers ("a C-17 landed in Tbilisi"): no party from discourse is its
	// source.
	srcNamed bool
	// each is set when the pair comes from "each other": each of them
	// does it to the other.
	each bool
	// theirs is set when the pair is two states acting on what is theirs
	// ("recalled their ambassadors").
	theirs bool
	// own is set when the text marks the target as the source's own
	// ("shelled its own troops"): the pair stands though one side.
	own bool
	// agentless is set for a passive whose subject is a party and that
	// names no agent ("the ambassador was summoned", "1,100 Colombians
	// were deported"): someone did it to them, and discourse says who.
	agentless bool
}

// roles finds the source and target of the event at h from the parse.
func (c *Coder) roles(st *sentence, h hit) result {
	t := st.tree
	if h.nominal {
		r := t.nominalRoles(h)
		r.src = c.withoutVenue(st, h.head, r.src)
		return r
	}
	return t.verbRoles(h)
}

// withoutVenue drops from the owners of the event noun at i a city the
// noun has for a compound: "the Beijing summit", "the Geneva talks" name
// where the event was held, not who held it. The gazetteer knows a place
// below a country by its region (Admin1); a country ("the Russian
// offensive") or a possessive ("Beijing's offer") stays the owner.
func (c *Coder) withoutVenue(st *sentence, i int, src mentions) mentions {
	t := st.tree
	var venues mentions
	for _, k := range t.children(i, "compound") {
		m := t.mentionOf(k)
		if c.places == nil || m == nil || !src.has(m) || t.toks[k].UPOS != "PROPN" {
			continue
		}
		if loc, ok := c.places.Name(st.s.Text, st.toks[k:k+1], nil); ok && loc.Admin1 != "" {
			venues = venues.add(m)
		}
	}
	if len(venues) == 0 {
		return src
	}
	return src.without(venues)
}

// targetsOf returns the mentions of the dependents of i that a target
// preposition introduces, in order; with place, prepositions of place
// count too ("arrived in Beijing", "shelled positions near the border").
func (t *tree) targetsOf(i int, place bool, skip map[int]bool) mentions {
	var out mentions
	for _, k := range t.kids[i] {
		if skip[k] {
			continue
		}
		switch t.toks[k].Rel {
		case "obl", "nmod", "obl:tmod", "advmod", "obl:npmod":
		default:
			continue
		}
		if is("occasion", t.lemma(k)) || t.companion(k) {
			continue // "on the sidelines of the G20 summit", "together with France"
		}
		mk := t.marker(k)
		switch {
		case is("target", mk) && !(mk == "at" && !place) || (place && is("place", mk)):
			out = out.add(t.arg(k)...)
		case mk == "" && t.rel(k) == "obl" && !t.isTime(k) && t.mentionOf(k) != nil:
			// An actor the parser left as a bare oblique is the
			// object it cannot be anything but: "before receiving
			// President Sarkozy".
			out = out.add(t.mentionOf(k))
		}
	}
	return out
}

// between returns the parties of "between X and Y" under i.
func (t *tree) between(i int) mentions {
	var out mentions
	for _, k := range t.kids[i] {
		if t.marker(k) == "between" || t.marker(k) == "among" {
			out = out.add(t.arg(k)...)
		}
	}
	return out
}

// eachOther reports whether the object of i is "each other" or "one
// another": the event is mutual among its subject's parties.
func (t *tree) eachOther(i int) bool {
	kids := slices.Clone(t.kids[i])
	for _, o := range t.kids[i] {
		if r := t.rel(o); r == "obj" || r == "obl" {
			// "use force against each other", "fired on each other's
			// positions": the phrase of the object or its owner.
			kids = append(kids, t.children(o, "nmod")...)
			kids = append(kids, t.children(o, "nmod:poss")...)
			kids = append(kids, t.children(o, "det")...)
		}
	}
	for _, k := range kids {
		if r := t.rel(k); r == "obj" || r == "obl" || r == "nmod" || r == "det" {
			switch t.lemma(k) {
			case "other", "another":
				return true
			case "each", "one":
				// "each other", "one another" with the second word fixed,
				// or written next wherever the parse hung it ("each
				// other's posts").
				for _, c := range t.kids[k] {
					if l := t.lemma(c); l == "other" || l == "another" {
						return true
					}
				}
				if k+1 < len(t.toks) && (t.low[k+1] == "other" || t.low[k+1] == "another") {
					return true
				}
			}
		}
	}
	return false
}

func (t *tree) verbRoles(h hit) result {
	i := h.head
	// "Xi Jinping is expected to visit Russia", "is scheduled to meet": a
	// pattern that writes the infinitive of a passive verb is the
	// infinitive's event, whose subject is the passive's subject.
	if t.passive(i) {
		for n, w := range h.words[1:] {
			if t.toks[w].Rel == "xcomp" && t.head(w) == i && t.toks[w].UPOS == "VERB" {
				inf := h
				inf.head = w
				inf.words = append([]int{w}, h.words[:n+1]...)
				inf.words = append(inf.words, h.words[n+2:]...)
				return t.verbRoles(inf)
			}
		}
	}
	var r result
	place := h.t.Place || forceful(h.t.Code)
	// The words a pattern names are the event's, not its parties ("cut
	// ties"), unless they name an actor; the targets of a named object
	// are the event's ("cut ties with Qatar").
	skip := map[int]bool{}
	for _, w := range h.words[1:] {
		skip[w] = !t.hasMention(w)
	}
	more := func(src mentions) mentions {
		var out mentions
		for _, w := range h.words[1:] {
			if t.toks[w].UPOS != "NOUN" {
				continue
			}
			// "requires Russian support": whose support is asked. A
			// relative "whose" is the noun its clause modifies: "the SCO,
			// whose summit Putin attended" attends the SCO's summit.
			for _, k := range t.kids[w] {
				switch t.toks[k].Rel {
				case "amod", "nmod:poss", "compound":
					m := t.mentionOf(k)
					if r, ok := t.relative(k); ok && m == nil {
						m = t.one(r, 1)
					}
					out = out.add(m)
				}
			}
			// "closed its borders with Iran": the source's own is no
			// target; the noun's phrase names it.
			if len(others(out, src)) == 0 {
				out = out.add(t.targetsOf(w, place, nil)...)
			}
			// "sent rescue teams and relief supplies to Nepal": a phrase
			// the parse hung on the first conjunct is the coordination's.
			if len(others(out, src)) == 0 && t.rel(w) == "conj" && t.head(w) >= 0 {
				out = out.add(t.targetsOf(t.head(w), place, nil)...)
			}
		}
		return out
	}
	home := false // an appeal to one's own people
	if t.passive(i) {
		r.src = t.argsOf(i, "obl:agent")
		// "imposed on Belarusian officials by Canada": an agent the
		// parser hung on another argument is the verb's, its "by"
		// wherever the parser hung it in the phrase ("initialled in
		// Brussels on Friday by Prime Ministers Ivica Dacic of Serbia",
		// "by" under "Ivica", the phrase under "Friday").
		for _, k := range t.kids[i] {
			if len(r.src) > 0 {
				break
			}
			if rel := t.rel(k); rel == "obl" || rel == "nsubj" {
				for _, c := range t.kids[k] {
					if t.rel(c) == "nmod" && t.phraseMarker(c) == "by" {
						r.src = r.src.add(t.arg(c)...)
					}
				}
			}
		}
		// "Rockets were fired from the Gaza Strip toward southern
		// Israel": military force (root 19) with no agent comes from
		// where its "from" phrase says, which is then no target; but
		// one taken "from" a place is taken there ("abducted from the
		// Kenyan coast", root 18).
		var from map[int]bool
		if len(r.src) == 0 && t.child(i, "obl:agent") < 0 && cameo.Root(h.t.Code) == "19" {
			for _, k := range t.children(i, "obl") {
				if t.marker(k) == "from" && !skip[k] {
					if a := t.arg(k); len(a) > 0 {
						r.src = r.src.add(a...)
						from = map[int]bool{k: true}
					}
				}
			}
		}
		r.tgt = t.argsOf(i, "nsubj:pass")
		// "about 40 people had been arrested": people the passive
		// names but no dictionary knows are its target, as an object's.
		for _, k := range t.children(i, "nsubj:pass") {
			people := is("people", t.lemma(k))
			for _, n := range t.children(k, "nmod") {
				people = people || is("quantity", t.lemma(k)) && t.marker(n) == "of" && is("people", t.lemma(n)) // "dozens of people"
			}
			r.named = r.named || len(r.tgt) == 0 && people
		}
		if len(r.tgt) == 0 {
			switch t.toks[i].Rel {
			case "acl", "amod":
				r.tgt = t.arg(t.head(i))
				// "Talks hosted by Qatar brought together American and
				// Taliban negotiators": what a gathering brings together
				// are its parties, whom its host hosts.
				if n := t.head(i); len(r.tgt) == 0 && t.rel(n) == "nsubj" && t.gathers(t.head(n)) {
					r.tgt = t.argsOf(t.head(n), "obj")
				}
				// "ordered the sailors held in custody", "ordered the
				// ships seized": whoever makes it so does it, to the
				// object, wherever the parse hung the participle.
				if n := t.head(i); len(r.src) == 0 && t.toks[i].XPOS == "VBN" {
					switch {
					case is("cause", t.lemma(n)) && t.toks[n].UPOS == "VERB":
						r.src, r.tgt = t.subject(n, 0), t.argsOf(n, "obj")
					case t.rel(n) == "obj" && t.head(n) >= 0 && is("cause", t.lemma(t.head(n))):
						r.src = t.subject(t.head(n), 0)
					}
				}
				// "agreed to a ceasefire brokered by Egypt": what a
				// mediator brokers is the deal of those who act on it,
				// the subject of the verb the deal is an argument of.
				if n := t.head(i); len(r.tgt) == 0 && h.t.Code == "045" && (t.rel(n) == "obj" || t.rel(n) == "obl") && t.head(n) >= 0 {
					r.tgt = t.subject(t.head(n), 0)
				}
			case "conj":
				if g := t.head(i); g >= 0 {
					r.tgt = t.argsOf(g, "nsubj:pass")
					if len(r.src) == 0 && !t.passive(g) {
						r.src = t.subject(g, 0)
					}
				}
			}
		}
		if len(r.tgt) == 0 {
			r.tgt = t.targetsOf(i, place, union(skip, from))
		}
		if len(r.tgt) == 0 {
			r.tgt = more(r.src)
		}
		// "Israel is opposed to French mediation", "is committed to": a
		// participle the pattern reads with its own preposition is a
		// state of its subject, who is then the actor; but not one whose
		// preposition opens a noun of the pattern's own ("has been put
		// under investigation" is done to its subject).
		if len(r.src) == 0 && (h.t.Kind == 'p' || t.toks[i].UPOS == "ADJ") {
			for _, w := range h.words[1:] {
				if t.toks[w].Rel == "case" && t.lemma(w) != "by" && !slices.Contains(h.words, t.head(w)) {
					if s := t.argsOf(i, "nsubj:pass"); len(s) > 0 {
						r.src = s
						r.tgt = others(t.targetsOf(i, place, skip), s)
					}
					break
				}
			}
		}
		// "the General Staff said all contacts with Ankara would be
		// suspended": who announces an act with no agent is its source;
		// not one whose agent is named, though no dictionary knows it
		// ("said Ukrainian forces were encircled by the rebels").
		if len(r.src) == 0 && t.child(i, "obl:agent") < 0 && t.reportedClause(i) {
			if g := t.reporter(i); g >= 0 {
				r.src = t.subject(g, 0)
			}
		}
		if s := t.child(i, "nsubj:pass"); s >= 0 && len(r.src) == 0 && t.child(i, "obl:agent") < 0 {
			// The subject itself is the party, not a thing of its
			// ("issues including Hamas's demands are to be taken up").
			r.agentless = t.mentionOf(s) != nil
		}
		if root := cameo.Root(h.t.Code); r.agentless && (root == "17" || root == "09") {
			r.src = t.stateIn(h)
		}
	} else {
		r.src = t.subject(i, 0)
		if s := t.child(i, "nsubj"); s >= 0 && len(r.src) == 0 && t.toks[s].UPOS != "PRON" {
			r.srcNamed = true
		}
		// A preposition the pattern itself names introduces the target:
		// "fired tear gas at protesters", "hurled stones at them".
		for _, w := range h.words[1:] {
			if t.toks[w].Rel == "case" && preposition[t.lemma(w)] {
				if n := t.head(w); n >= 0 && n != i && !is("occasion", t.lemma(n)) {
					r2 := t.arg(n)
					if !ownSide(r2, r.src) {
						r.tgt = r.tgt.add(r2...)
					}
				}
			}
		}
		if !h.t.Topic && len(r.tgt) == 0 {
			for _, rel := range []string{"obj", "iobj"} {
				for _, k := range t.children(i, rel) {
					if skip[k] {
						continue
					}
					a := t.arg(k)
					r.tgt = r.tgt.add(a...)
					// But troops a show of force moves are the source's
					// own ("deployed 15,000 soldiers along the border").
					r.named = r.named || len(a) == 0 && is("people", t.lemma(k)) && cameo.ClassOf(h.t.Code).Force != "show"
				}
			}
			// "offered its troops to Lebanon": an object of the source's
			// own side is what is given, the recipient the target. An
			// appeal, demand or complaint made for one's own people is
			// aimed at another ("summoned the ambassador to protest the
			// detention of a Polish journalist").
			// But coercion or force (roots 17 to 20) on one's own unarmed
			// people is done to them ("North Korean agents assassinated
			// the half-brother of North Korea's leader").
			// And so is force on what the text calls the source's "own"
			// ("Ukraine shelled its own troops").
			r.own = len(r.tgt) > 0 && cameo.Root(h.t.Code) >= "17" && t.ownObject(i)
			repress := cameo.Root(h.t.Code) >= "17" && compatriots(r.tgt, r.src) || r.own
			if len(r.tgt) > 0 && !repress && (ownSide(r.tgt, r.src) || (cameo.ClassOf(h.t.Code).Inner || cameo.Root(h.t.Code) == "14") && compatriots(r.tgt, r.src)) {
				r.tgt = nil
				// Yielding to oneself is none: "China's approach has
				// allowed it to minimize entanglements" lets no other
				// party stand in for the one allowed.
				r.named = r.named || cameo.Root(h.t.Code) == "08"
				// An appeal to one's own people is made at home: "urged
				// U.S. citizens to leave Iraq" is no appeal to Iraq, nor
				// to anyone else the sentence names; but one to a body of
				// one's own state may ask for an act on another ("urged
				// the U.S. Congress to lift the embargo").
				if cameo.Root(h.t.Code) == "02" && (compatriots(r.tgt, r.src) || t.folk(i)) {
					r.named, home = true, true
				}
				// An order or demand to one's own state's body or people,
				// named, is given at home: "ordered the interior ministry
				// to identify those responsible" demands nothing of
				// another (a pronoun may have been taken for the wrong
				// party: "ordered him to pull out").
				if cameo.Root(h.t.Code) == "10" && !t.pronounObject(i) {
					r.named, home = true, true
				}
			}
		}
		// "flew to New York for an emergency session of the UN Security
		// Council": a trip made for a body's gathering visits the body,
		// not the country it meets in.
		if h.t.Place {
			if b := t.gatheringBody(i); len(b) > 0 {
				r.tgt = b
			}
		}
		// A threat made on a condition aims at whom it would deter, the
		// condition's subject, whatever its object names: "threatened to
		// shut off the transit of Russian gas if the bloc imposed further
		// penalties" threatens the bloc.
		if cameo.Root(h.t.Code) == "13" {
			ws := append(append([]int{i}, h.words[1:]...), t.children(i, "xcomp")...) // what is threatened, too
			if c := others(t.conditionSubject(ws), r.src); len(c) > 0 {
				r.tgt = c
			}
		}
		// "shot down a Russian bomber": whose object the pattern names.
		if len(r.tgt) == 0 {
			r.tgt = others(more(r.src), r.src)
		}
		// A pattern that writes a verb of its own ("pledging to send aid",
		// "vowed to provide weapons") takes that verb's target phrase:
		// "imposed sanctions on Russia, pledging to send aid to Ukraine"
		// pledges aid to Ukraine, not to Russia. Its object names the
		// target as the head's would: "is due to visit Japan".
		for _, w := range h.words[1:] {
			if len(r.tgt) == 0 && t.toks[w].UPOS == "VERB" {
				r.tgt = others(t.argsOf(w, "obj"), r.src)
			}
			if len(r.tgt) == 0 && t.toks[w].UPOS == "VERB" {
				r.tgt = others(t.targetsOf(w, place, skip), r.src)
			}
		}
		// An adjective or noun predicate: "is ready to", "concerned about".
		if len(r.tgt) == 0 {
			r.tgt = others(t.targetsOf(i, place, skip), r.src)
		}
		// Force aims where its object is: "struck targets in Gaza",
		// "shelled positions near the border".
		if len(r.tgt) == 0 && place {
			for _, k := range t.children(i, "obj") {
				r.tgt = r.tgt.add(t.targetsOf(t.site(k), true, nil)...)
				for _, n := range t.children(k, "nmod") {
					r.tgt = r.tgt.add(t.targetsOf(n, true, nil)...)
				}
			}
		}
		// An act done to some end aims where its purpose does: "used
		// tear gas to disperse demonstrators".
		if len(r.tgt) == 0 {
			kids := append([]int{}, t.kids[i]...)
			for _, o := range t.children(i, "obj") {
				// "used tear gas to disperse"; but what completes a noun of
				// intent is what is agreed or planned, no purpose of the act
				// ("reached an agreement to stem the flow of migrants").
				if !is("intent", t.lemma(o)) {
					kids = append(kids, t.children(o, "acl")...)
				}
			}
			for _, o := range t.children(i, "obl") {
				if t.isTime(o) {
					// A time has no purpose: "used tear gas on Sunday
					// evening to disperse" is the verb's, wherever the
					// parse hung it.
					kids = append(kids, t.children(o, "acl")...)
				}
			}
			for _, k := range kids {
				// What one orders or makes another do is that one's act,
				// no purpose of the order, wherever the parse hung the
				// infinitive: "instructed his minister to seek a meeting
				// of UNASUR" is no demand on UNASUR.
				if (t.rel(k) == "xcomp" || t.rel(k) == "advcl") && t.head(k) == i && is("cause", t.lemma(i)) && t.child(i, "obj") >= 0 {
					continue
				}
				if rel := t.toks[k].Rel; (rel == "advcl" || rel == "xcomp" || rel == "acl") && t.marker(k) == "to" {
					r2 := t.argsOf(k, "obj")
					r.tgt = r.tgt.add(others(r2, r.src)...)
					// People the purpose names but no dictionary knows are
					// its target, as an object's: "threatened to sell the
					// girls".
					for _, o := range t.children(k, "obj") {
						r.named = r.named || len(r2) == 0 && is("people", t.lemma(o))
					}
				}
			}
		}
		// The purpose of an act on someone aims at them: "summoned the
		// attaché to lodge a protest", "called the envoy in to complain".
		if len(r.tgt) == 0 && t.marker(i) == "to" {
			if g := t.head(i); g >= 0 {
				switch t.toks[i].Rel {
				case "acl":
					if t.toks[g].Rel == "obj" {
						r.tgt = t.arg(g)
					}
				case "advcl":
					r.tgt = t.argsOf(g, "obj")
				}
			}
		}
		if len(r.tgt) == 0 && h.t.Report {
			r.tgt = t.reportTarget(i)
		}
		// "warned that the United States would act if Iran failed",
		// "demanded that control of the ministry be taken away": a clause
		// whose subject is the source's own side does not aim at it; whom
		// else the clause names may be the target (inner, below).
		if len(r.tgt) == 0 && h.t.Clause && !h.t.Report {
			r.tgt = others(t.clauseTarget(i), r.src)
		}
		cl := cameo.ClassOf(h.t.Code)
		// "called for the removal of US bases": an appeal, a demand or a
		// criticism aims at the actor its object names.
		if len(r.tgt) == 0 && cl.Inner {
			r.tgt = t.inner(i, r.src, cameo.Root(h.t.Code) == "13")
		}
		// "blocked resolutions in the UN Security Council": the body where
		// one acts is the counterpart.
		if len(r.tgt) == 0 && cl.Forum && !h.t.Recip {
			kids := append([]int{}, t.kids[i]...)
			for _, w := range h.words[1:] {
				kids = append(kids, t.kids[w]...) // "resolutions in the Council"
			}
			for _, k := range kids {
				if mk := t.marker(k); (mk == "in" || mk == "at") && (t.rel(k) == "obl" || t.rel(k) == "nmod") {
					for _, m := range t.arg(k) {
						if igo(m) {
							r.tgt = r.tgt.add(m)
						}
					}
				}
			}
		}
	}
	if home {
		r.tgt = nil
	}
	// No mention is on both sides of one event: "sanctions were imposed
	// on Russian officials by the United States and the European Union",
	// with the agents parsed as conjuncts of the officials.
	r.tgt = r.tgt.without(r.src)
	r.pair = t.between(i)
	for _, w := range h.words[1:] {
		r.pair = r.pair.add(t.between(w)...) // "improved relations between X and Y"
	}
	// "Colombia and Venezuela recalled their ambassadors": two states
	// acting on what is theirs, with no other target, act on each other.
	if len(r.tgt) == 0 && len(r.pair) == 0 && countries(r.src.actors()) == 2 && t.theirs(i) {
		r.pair, r.src, r.theirs = r.src, nil, true
	}
	// "French ministers held a meeting of the defence council".
	if cameo.Root(h.t.Code) == "04" && len(r.tgt) == 0 {
		for _, w := range h.words[1:] {
			if t.toks[w].UPOS == "NOUN" && t.session(w) {
				r.named = true
			}
		}
	}
	if t.eachOther(i) && len(r.src.actors()) >= 2 {
		r.pair, r.src, r.each = r.src, nil, true
	}
	return r
}

// session reports whether the meeting noun at i (root 04) is the session
// of one body alone: "a meeting of the Supreme Defence Council", "held a
// meeting of the national security council". No party from discourse
// joins it.
func (t *tree) session(i int) bool {
	for _, k := range t.children(i, "nmod") {
		if t.marker(k) == "of" && !t.isTime(k) && countries(t.arg(k).actors()) <= 1 && len(t.conjuncts(k)) == 0 {
			return true
		}
	}
	return false
}

// owner returns who owns the noun at i: its possessor, or an actor
// adjective or compound ("Russia's expulsion", "Russian strikes", "US
// sanctions").
func (t *tree) owner(i int) mentions {
	if o := t.argsOf(i, "nmod:poss"); len(o) > 0 {
		return o
	}
	var o mentions
	for _, rel := range []string{"amod", "compound"} {
		for _, k := range t.children(i, rel) {
			if m := t.mentionOf(k); m != nil {
				o = o.add(m)
			}
		}
	}
	return o
}

func (t *tree) nominalRoles(h hit) result {
	i := h.head
	var r result
	place := h.t.Place || forceful(h.t.Code)
	r.src = t.owner(i)
	// "The imposition of sanctions on Iran by the European Union": the
	// event noun of a light verb's noun is that noun's event, whose owner
	// or "by" agent acts.
	if g := t.head(i); len(r.src) == 0 && g >= 0 && t.rel(i) == "nmod" && t.marker(i) == "of" && is("lightnoun", t.lemma(g)) {
		r.src = t.owner(g)
		for _, k := range t.children(g, "nmod") {
			if len(r.src) == 0 && t.marker(k) == "by" {
				r.src = t.arg(k)
			}
		}
	}
	// "The navigator was rescued in a joint operation by Russian and
	// Syrian special forces": the act a passive deed was done in is done
	// by the deed's agent.
	if g := t.head(i); len(r.src) == 0 && g >= 0 && t.rel(i) == "obl" && t.marker(i) == "in" {
		r.src = t.argsOf(g, "obl:agent")
	}
	var of mentions
	// "The expulsion of diplomats by Britain", "the shelling of the city
	// of Kharkiv by Russian forces": a "by" the parser hung lower in the
	// noun's phrase is the event's.
	kids := append([]int{}, t.kids[i]...)
	var by func(n, depth int)
	by = func(n, depth int) {
		for _, k := range t.kids[n] {
			if t.rel(k) != "nmod" || depth > 3 {
				continue
			}
			if t.marker(k) == "by" {
				kids = append(kids, k)
			}
			by(k, depth+1)
		}
	}
	by(i, 0)
	// "Drew an angry protest from London", "sharp criticism from Japan":
	// the "from" of a noun of words (quad classes 1 and 3) or of protest
	// names who speaks, on the noun or on the verb that draws it.
	words := cameo.Quad(h.t.Code) == 1 || cameo.Quad(h.t.Code) == 3 || cameo.Root(h.t.Code) == "14"
	drawn := -1
	if g := t.head(i); g >= 0 && t.rel(i) == "obj" && is("elicit", t.lemma(g)) {
		drawn = g
		kids = append(kids, t.children(g, "obl")...)
	}
	for _, k := range kids {
		if t.toks[k].Rel != "nmod" && t.toks[k].Rel != "obl" {
			continue
		}
		switch mk := t.marker(k); {
		case mk == "from" && words && !h.t.writes("from"):
			if len(r.src) == 0 {
				r.src = t.arg(k)
			}
		case t.head(k) == drawn:
			// The drawing verb's other phrases are its own.
		case mk == "by":
			if len(r.src) == 0 {
				r.src = t.arg(k)
			}
		case mk == "of":
			of = of.add(t.arg(k)...)
		case is("target", mk) && (mk != "at" || place), place && is("place", mk):
			r.tgt = r.tgt.add(t.arg(k)...)
		}
	}
	// A reaction a deed draws aims at the deed's author: "Russia's
	// expulsion of 23 British diplomats drew an angry protest from
	// London" is London's protest to Russia.
	if drawn >= 0 && len(r.tgt) == 0 {
		if sb := t.child(drawn, "nsubj"); sb >= 0 {
			if a := t.arg(sb); len(a) > 0 {
				r.tgt = others(a, r.src)
			} else {
				r.tgt = others(t.owner(sb), r.src)
			}
		}
	}
	if len(r.tgt) == 0 && h.t.Clause {
		r.tgt = t.clauseTarget(i) // "complaints that China is copying"
	}
	// "Finland's request for NATO membership", "calls for US withdrawal":
	// an appeal or a demand aims at whom what it asks for names.
	if len(r.tgt) == 0 && cameo.ClassOf(h.t.Code).Inner {
		for _, k := range t.children(i, "nmod") {
			if t.marker(k) == "for" {
				r.tgt = r.tgt.add(others(t.arg(k), r.src)...)
			}
		}
	}
	// "the visit of the Russian president to China": with a target
	// named, "of" gives the one who acts; alone it gives the one acted
	// upon ("the expulsion of diplomats").
	//
	// A show of force is made with one's own forces: where the "of" is
	// the pattern's own word, whose forces they are ("the deployment of
	// NATO troops", "a build-up of Russian troops") is who acts.
	own := false
	for _, w := range h.words[1:] {
		own = own || t.rel(w) == "nmod" && t.marker(w) == "of" && len(t.arg(w)) > 0
	}
	switch {
	case own && cameo.Root(h.t.Code) == "15" && len(r.src) == 0:
		r.src = of
	case len(of) > 0 && len(r.src) == 0 && len(r.tgt) > 0:
		r.src = of
	case len(of) > 0 && len(r.tgt) == 0:
		r.tgt = of
	}
	if cameo.Root(h.t.Code) == "04" && len(r.tgt) <= 1 && len(r.src) == 0 && t.session(i) {
		r.named, r.srcNamed = true, true
	}
	r.pair = t.between(i)
	// A light verb hands the noun its subject: "China and Russia held
	// talks", "the EU imposed sanctions on Iran", "gave Ivory Coast aid".
	i = t.site(i)
	g := t.head(i)
	if t.manner(i, h.words) {
		// "crossed the border in violation of the truce": the phrase is
		// the verb's, whatever noun the parse hung it on.
		g = t.verbOf(i)
	}
	if g >= 0 && len(r.src) == 0 && (t.toks[g].UPOS == "VERB" || t.toks[g].UPOS == "AUX") {
		switch rel := t.toks[i].Rel; {
		case rel == "obj", rel == "obl", rel == "xcomp", t.manner(i, h.words):
			// Only a light verb hands the noun its subject: "Riyadh was
			// using the embassy attack as a pretext" did not attack.
			if !is("light", t.lemma(g)) && !is("done", t.lemma(g)) && !t.manner(i, h.words) {
				break
			}
			if t.passive(g) {
				r.src = t.argsOf(g, "obl:agent")
			} else {
				r.src = t.subject(g, 0)
			}
			if len(r.tgt) == 0 {
				r.tgt = t.argsOf(g, "iobj")
			}
			if len(r.tgt) == 0 {
				r.tgt = t.targetsOf(g, place, map[int]bool{i: true})
			}
			if len(r.pair) == 0 {
				r.pair = t.between(g)
			}
		case rel == "nsubj:pass":
			// "The talks were hosted by Qatar"; but an agent that is an
			// act of its own ("the meeting was overshadowed by Russia's
			// invasion of Ukraine") names no party of this one.
			for _, a := range t.children(g, "obl:agent") {
				if !t.events[a] {
					r.src = r.src.add(t.arg(a)...)
				}
			}
			if len(r.tgt) == 0 {
				r.tgt = t.targetsOf(g, place, nil)
			}
			if len(r.pair) == 0 {
				r.pair = t.between(g)
			}
		}
	}
	return r
}

// union returns the keys of a and b in one map; a itself when b is empty.
func union(a, b map[int]bool) map[int]bool {
	if len(b) == 0 {
		return a
	}
	out := maps.Clone(b)
	maps.Copy(out, a)
	return out
}

// others returns tgt, or nil when every actor of it is on src's side: the
// target "at its air base" of "Russia will station missiles at its air
// base in Syria" leaves the target to the place.
func others(tgt, src mentions) mentions {
	if ownSide(tgt, src) {
		return nil
	}
	return tgt
}

// ownObject reports an object or oblique of the verb at i that the text
// marks as its subject's own: "shelled its own troops", "fired on their
// own servicemen".
func (t *tree) ownObject(i int) bool {
	for _, k := range t.kids[i] {
		if r := t.rel(k); r != "obj" && r != "obl" {
			continue
		}
		for _, c := range t.kids[k] {
			if t.lemma(c) == "own" {
				return true
			}
		}
	}
	return false
}

// ownSide reports whether every actor of tgt is on the side of an actor
// of src.
func ownSide(tgt, src mentions) bool {
	return every(tgt, src, sameSide)
}

// compatriots reports whether every actor of tgt is people of no state
// body (civilians, journalists, refugees: unarmed) of a country of src:
// "the detention of a Polish journalist" for Poland's foreign ministry.
func compatriots(tgt, src mentions) bool {
	return every(tgt, src, func(a, b doc.Actor) bool {
		return a.Country != "" && a.Country == b.Country && unarmed(a.Code)
	})
}

// every reports whether each actor of tgt stands in relation rel to some
// actor of src; false when either names none.
func every(tgt, src mentions, rel func(a, b doc.Actor) bool) bool {
	as, bs := tgt.actors(), src.actors()
	if len(as) == 0 || len(bs) == 0 {
		return false
	}
	for _, a := range as {
		if !slices.ContainsFunc(bs, func(b doc.Actor) bool { return rel(a, b) }) {
			return false
		}
	}
	return true
}

// hasMention reports whether token i is covered by an actor mention.
func (t *tree) hasMention(i int) bool { return t.mentionOf(i) != nil }

// party reports whether a mention can be a party to an event of its
// sentence: not a place or a time ("in the Swiss city", "at the UN"), nor
// the one who reports the sentence ("a German spokesman said").
func (t *tree) party(m *actors.Mention) bool {
	k := t.top(m)
	for steps := 0; k >= 0 && steps < 4; steps++ {
		switch t.toks[k].Rel {
		case "amod", "compound", "nmod:poss", "flat", "appos", "det", "det:poss":
			k = t.head(k)
			continue
		}
		break
	}
	if k < 0 {
		return true
	}
	if mk := t.marker(k); is("place", mk) && !is("target", mk) {
		return false
	}
	// Not one described inside a relative clause of another noun: "a world
	// order to replace the one in which the U.S. is the predominant power".
	for n, steps := k, 0; n >= 0 && steps < 6; n, steps = t.head(n), steps+1 {
		if t.toks[n].Rel == "acl:relcl" {
			return false
		}
	}
	if t.rel(k) == "nsubj" {
		if g := t.head(k); g >= 0 && is("report", t.lemma(g)) {
			return false
		}
	}
	return true
}

// top is the token of a mention whose head lies outside it, or -1.
func (t *tree) top(m *actors.Mention) int {
	for i := max(m.First, 0); i <= m.Last && i < len(t.toks); i++ {
		if h := t.head(i); h < m.First || h > m.Last {
			return i
		}
	}
	return -1
}

// clauseTarget is the target of a complaint, an appeal or a statement
// when its object is a clause: the subject of that clause ("complained
// that China ...", "said China was not a threat"), else the first actor
// its words name after the trigger ("called for the removal of US
// bases").
func (t *tree) clauseTarget(i int) mentions {
	if t.trailing(i) {
		// "X is failing to uphold their rights, a group protested"
		return t.argsOf(t.head(i), "nsubj")
	}
	for _, k := range t.kids[i] {
		switch t.toks[k].Rel {
		case "ccomp", "acl", "advcl":
			if s := t.argsOf(k, "nsubj"); len(s) > 0 {
				return s
			}
			if s := t.argsOf(k, "nsubj:pass"); len(s) > 0 {
				return s
			}
		}
	}
	lo, hi := t.span(i)
	for k := max(i+1, lo); k <= hi; k++ {
		if m := t.mentionOf(k); m != nil && t.party(m) {
			return mentions{m}
		}
	}
	return nil
}

// reportTarget returns whom what a verb of saying at i reports is about:
// the reported clause's subject ("said China was not a threat"), or the
// parties its subject's phrase names ("said relations with Russia had
// improved"). Another party named deeper in the clause is not the
// statement's target ("says the expulsions are part of a crackdown on
// Colombian gangs").
func (t *tree) reportTarget(i int) mentions {
	clause := false
	for _, k := range t.kids[i] {
		switch t.toks[k].Rel {
		case "ccomp", "acl", "advcl":
			clause = true
		default:
			continue
		}
		for _, rel := range []string{"nsubj", "nsubj:pass"} {
			if s := t.argsOf(k, rel); len(s) > 0 {
				return s
			}
			var out mentions
			for _, subj := range t.children(k, rel) {
				lo, hi := t.span(subj)
				for w := lo; w <= hi; w++ {
					if m := t.mentionOf(w); m != nil && t.party(m) {
						out = out.add(m)
					}
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	if !clause {
		// The parse gave the verb no clause ("said on Monday that
		// relations with Russia were...", "that" read as a relative
		// pronoun): what follows the verb is what it reports.
		return t.clauseTarget(i)
	}
	return nil
}

// gathers reports whether the verb at g gathers its object (grammar.txt
// gather: "brought together", "drew together"): its object's parties meet.
func (t *tree) gathers(g int) bool {
	if g < 0 || t.toks[g].UPOS != "VERB" {
		return false
	}
	for _, k := range t.kids[g] {
		if r := t.rel(k); (r == "advmod" || r == "compound:prt") && is("gather", t.lemma(k)) {
			return true
		}
	}
	return false
}

// gatheringBody returns the international body whose gathering (a
// session, meeting or summit: grammar.txt, setting) a "for" phrase of i
// names as its purpose.
func (t *tree) gatheringBody(i int) mentions {
	var out mentions
	for _, k := range t.kids[i] {
		if r := t.rel(k); (r == "obl" || r == "nmod") && t.marker(k) == "for" && is("setting", t.lemma(k)) {
			for _, m := range t.arg(k) {
				if igo(m) {
					out = out.add(m)
				}
			}
		}
	}
	return out
}

// conditionSubject returns the subject of a condition ("if", "unless":
// grammar.txt, condition) that hangs on one of the words ws; of a
// condition whose verb the parse read as a noun ("if Belgrade refuses",
// "Belgrade" a compound of "refuses"), the actor the noun names.
func (t *tree) conditionSubject(ws []int) mentions {
	for _, w := range ws {
		for _, k := range t.conditions(w) {
			if a := t.argsOf(k, "nsubj"); len(a) > 0 {
				return a
			}
			if t.toks[k].UPOS == "NOUN" {
				if a := t.arg(k); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

// inner returns the first actor named inside the objects of i (its obj
// and obl subtrees, relative clauses aside) that is not on src's side:
// "called for the removal of US bases", "condemned the killing of Iranian
// diplomats".
func (t *tree) inner(i int, src mentions, clause bool) mentions {
	for _, k := range t.kids[i] {
		switch t.rel(k) {
		case "obj", "obl":
		case "ccomp":
			// A threat aims at whom its clause names: "warned that
			// vengeance would befall Saudi politicians".
			if !clause {
				continue
			}
		default:
			continue
		}
		var found *actors.Mention
		var walk func(n int)
		walk = func(n int) {
			if found != nil {
				return
			}
			if m := t.mentionOf(n); m != nil && !src.has(m) && !ownSide(mentions{m}, src) && !compatriots(mentions{m}, src) && t.party(m) {
				found = m
				return
			}
			for _, c := range t.kids[n] {
				if r := t.toks[c].Rel; r != "acl:relcl" && r != "punct" {
					walk(c)
				}
			}
		}
		walk(k)
		if found != nil {
			return mentions{found}
		}
	}
	return nil
}

// igo reports whether a mention names an international organisation.
func igo(m *actors.Mention) bool {
	for _, a := range m.Actors {
		if len(a.Code) >= 3 && a.Code[:3] == "IGO" {
			return true
		}
	}
	return false
}

// theirs reports whether the object of i, or a word of its pattern, is
// owned by "their".
func (t *tree) theirs(i int) bool {
	for _, k := range t.kids[i] {
		if r := t.rel(k); r != "obj" && r != "obl" {
			continue
		}
		for _, c := range t.children(k, "nmod:poss") {
			if t.lemma(c) == "their" || t.toks[c].Lower() == "their" {
				return true
			}
		}
	}
	return false
}

// countries counts the countries of as.
func countries(as []doc.Actor) int {
	seen := map[string]bool{}
	for _, a := range as {
		if a.Country != "" {
			seen[a.Country] = true
		}
	}
	return len(seen)
}

// anyone reports whether the clause the verb at v reports is about anyone
// at all (grammar.txt anyone, anydet): "warned that no one could take a
// drop of water", "that any attempt would bring instability".
func (t *tree) anyone(v int) bool {
	for _, k := range t.children(v, "ccomp") {
		for _, s := range append(t.children(k, "nsubj"), t.children(k, "nsubj:pass")...) {
			if is("anyone", t.lemma(s)) {
				return true
			}
			for _, d := range t.children(s, "det") {
				if is("anydet", t.lemma(d)) {
					return true
				}
			}
		}
	}
	return false
}
