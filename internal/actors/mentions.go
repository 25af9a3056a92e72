package actors

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
)

// part is one dictionary match inside an actor phrase.
type part struct {
	pattern
	first, last int // token range
}

// phrase is a run of parts that name one actor: "Russian President
// Vladimir Putin" is adjective + agent + person.
type phrase struct {
	parts       []part
	first, last int
	// unnamed is true when a title is followed by capitalised words the
	// dictionary does not know: "analyst Sergey Sanakoyev".
	unnamed bool
	// name is where that name begins when the title's complement stands
	// between ("envoy to the United Nations, Omar Hilale"), else 0.
	name int
}

// Sentence finds the mentions of one sentence, text and its tokens, with
// codes valid on date (ISO, any precision). References (pronouns, "the two
// sides") are returned with no actors; Document resolves them from
// context.
//
// A state body, official or crowd named without its state ("the Defence
// Ministry", "protesters") is coded by the state the sentence places it
// in or talks about (see bare), and left out when it names none.
func (r *Resolver) Sentence(text string, toks []doc.Token, date string) []Mention {
	ms := r.mentions(text, toks, date)
	for k := range ms {
		if ms[k].bare != nil {
			r.placeBare(text, toks, ms, k, date, nil)
		}
	}
	return dropOwned(dropBare(ms))
}

// dropBare removes the bare mentions no rule placed, and the regions
// that placed them: a region is where something is, not who.
func dropBare(ms []Mention) []Mention {
	return slices.DeleteFunc(ms, func(m Mention) bool { return m.bare != nil || m.region })
}

func (r *Resolver) mentions(text string, toks []doc.Token, date string) []Mention {
	var out []Mention
	var titles []title
	for i := 0; i < len(toks); {
		if m, next, ok := r.reference(text, toks, i); ok {
			out = append(out, m)
			i = next
			continue
		}
		if m, next, ok := r.orgByForm(text, toks, i); ok {
			out = append(out, m)
			i = next
			continue
		}
		if m, next, ok := r.region(text, toks, i); ok {
			out = append(out, m)
			i = next
			continue
		}
		// "pro-Iranian Hizbollah", "anti-Syria journalist", "Syrian-backed
		// militia", "Russian-made rockets": a state named as a stance or a
		// maker modifies what follows and is no actor of the sentence.
		if next, ok := r.modifierState(toks, i); ok {
			i = next
			continue
		}
		ph, next, ok := r.phrase(toks, i)
		if !ok {
			i = max(next, i+1) // past a place name: "the South China Sea"
			continue
		}
		// "US $3.5 billion", "HK$": a currency, not a country.
		if next < len(toks) && toks[next].Text == "$" && next == ph.first+1 {
			i = next
			continue
		}
		m, ok := r.compose(text, toks, ph, date, "")
		if ok {
			m = r.withTitleWords(text, toks, ph, m)
			out, m = owning(text, out, m)
			out = append(out, m)
		} else if m, end, ok := r.titleIn(text, toks, ph, date); ok {
			out = append(out, m)
			next = end
		} else {
			t, isTitle := bareTitle(toks, ph)
			if isTitle {
				titles = append(titles, t)
			}
			// "his troops from Heglig": a title before "from" that names
			// no state after it may still be placed; one before "of"
			// belongs to what the "of" names.
			if b, ph, ok := r.bareOf(toks, ph); ok && (!isTitle || toks[t.last+1].Lower() == "from") {
				m := Mention{Start: toks[ph.first].Start, End: toks[ph.last].End, First: ph.first, Last: ph.last, Kind: Named, bare: &b}
				m.Text = text[m.Start:m.End]
				out = append(out, m)
			}
		}
		i = next
	}
	out = joinCompounds(text, toks, namesOfStates(text, toks, out))
	if len(titles) > 0 {
		out = joinCompounds(text, toks, r.titlesOf(text, toks, titles, out))
		// A title joined to its "of" or "from" phrase is no bare mention.
		out = slices.DeleteFunc(out, func(m Mention) bool {
			return m.bare != nil && slices.ContainsFunc(out, func(n Mention) bool { return n.bare == nil && n.First == m.First })
		})
	}
	out = appositiveNames(text, toks, out)
	out = definedAcronyms(toks, out)
	for k := range out {
		if out[k].bare == nil { // a bare mention's "whose" finds its state first (context.go)
			takeWhose(text, toks, &out[k])
		}
		if f := out[k].First; f > 0 && Prepositions[toks[f-1].Lower()] {
			out[k].Prep = toks[f-1].Lower()
		}
	}
	r.placeEthnic(text, toks, out)
	r.displacedPeople(text, toks, out)
	r.peopleCivilians(toks, out)
	return out
}

// peopleCivilians codes a people of one state named with no role of its
// own as the state's civilians, as PLOVER's records code peoples ("Iraqi
// Kurds" IRQ CVL, "ethnic Albanians" SRB CVL): "Myanmar's Rohingya" and
// "Uighurs" are MMRCVL and CHNCVL, so "Myanmar's army attacked the
// Rohingya" is no state acting on itself. A people with a role keeps it
// ("Rohingya refugees" MMRREF); peoples of several states are the agent
// words of agents.txt's people block, which code CVL themselves.
func (r *Resolver) peopleCivilians(toks []doc.Token, ms []Mention) {
	for k := range ms {
		m := &ms[k]
		if m.Kind != Named || len(m.Actors) != 1 || m.Actors[0].Code != m.Actors[0].Country || m.Actors[0].Country == "" {
			continue
		}
		if m.Adjective && !m.Plural && !strings.HasSuffix(toks[m.Last].Lower(), "s") {
			continue // "Tibetan plateau", "Uighur region": a modifier
		}
		// The people is the head, or only words that add no code follow
		// it ("Rohingya Muslims"); "Basque Country" is a name.
		j := m.Last
		for j > m.First && r.noCodeWord(toks[j].Lower()) {
			j--
		}
		if r.peoples[toks[j].Lower()] {
			m.Actors[0] = r.actor(m.Actors[0].Text, m.Actors[0].Country+"CVL", m.Actors[0].Name, "people")
			m.dated = nil
		}
	}
}

// noCodeWord reports whether a word is a one-word agent that adds no
// code: "Muslims", "elders", "analysts".
func (r *Resolver) noCodeWord(w string) bool {
	for _, p := range r.index[w] {
		if p.kind == partAgent && len(p.toks) == 1 && p.agent.Code == "" {
			return true
		}
	}
	return false
}

// displacedPeople codes a people called displaced as refugees of its
// state: "displaced Gazans" PSEREF, "displaced Syrians" SYRREF.
func (r *Resolver) displacedPeople(text string, toks []doc.Token, ms []Mention) {
	for k := range ms {
		m := &ms[k]
		f := m.First
		if m.Kind != Named || len(m.Actors) != 1 || m.Actors[0].Country == "" || m.Actors[0].Code != m.Actors[0].Country ||
			f == 0 || toks[f-1].Lower() != "displaced" || !pluralWord(toks[m.Last].Text) {
			continue
		}
		m.First, m.Start = f-1, toks[f-1].Start
		m.Text = text[m.Start:m.End]
		m.Plural, m.Adjective = true, false
		if f > 1 && Prepositions[toks[f-2].Lower()] {
			m.Prep = toks[f-2].Lower()
		}
		m.Actors[0] = r.actor(m.Text, m.Actors[0].Country+"REF", "", "refugees")
		m.dated = nil
	}
}

// withTitleWords takes into a named mention that begins with a
// capitalised title the capitalised words before it that the dictionary
// lacks: "Enlargement Commissioner Johannes Hahn", "Commission President
// Ursula von der Leyen" (see titleWordsBefore).
func (r *Resolver) withTitleWords(text string, toks []doc.Token, ph phrase, m Mention) Mention {
	if ph.parts[0].kind != partAgent || ph.first != ph.parts[0].first || !toks[ph.first].IsCapitalized() {
		return m
	}
	j := r.titleWordsBefore(toks, ph.first)
	if j == ph.first {
		return m
	}
	m.First, m.Start = j, toks[j].Start
	m.Text = text[m.Start:m.End]
	for i := range m.Actors {
		m.Actors[i].Text = m.Text
	}
	return m
}

// namesOfStates takes into a person's mention the "of" phrase that names
// the person's own state: "Ivica Dacic of Serbia", so that "Prime
// Ministers Ivica Dacic of Serbia and Hashim Thaci of Kosovo" is one
// compound of two, not Serbia joined to Thaci.
func namesOfStates(text string, toks []doc.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	// In place: out never has more mentions than ms, and ms[k] and
	// ms[k+1] are read before out[len(out)], at most k, is written.
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && m.Kind == Named && m.Person && len(m.Actors) == 1 && m.Actors[0].Country != "" {
			n := ms[k+1]
			if n.First == m.Last+2 && toks[m.Last+1].Lower() == "of" && n.Kind == Named && !n.Adjective &&
				len(n.Actors) == 1 && n.Actors[0].Code == m.Actors[0].Country {
				m.End, m.Last = n.End, n.Last
				m.Text = text[m.Start:m.End]
				m.Actors[0].Text = m.Text
				k++
			}
		}
		out = append(out, m)
	}
	return out
}

// owning takes a possessive pronoun right before m into m when m names
// its own state, and returns ms without it: "his Turkish counterpart" is
// one Turkish actor, not his.
func owning(text string, ms []Mention, m Mention) ([]Mention, Mention) {
	if len(ms) == 0 || len(m.Actors) != 1 || m.Actors[0].Country == "" {
		return ms, m
	}
	p := ms[len(ms)-1]
	if p.Kind == Named || p.Last+1 != m.First || !possessivePronoun(p.Text) {
		return ms, m
	}
	m.Start, m.First = p.Start, p.First
	m.Text = text[m.Start:m.End]
	m.Actors = []doc.Actor{m.Actors[0]}
	m.Actors[0].Text = m.Text
	return ms[:len(ms)-1], m
}

// placeEthnic codes an ethnic group by the state it lives in, as CAMEO
// does: "ethnic Albanians demonstrated in Serbia" SRB, "ethnic Albanian
// guerrillas operating in Macedonia" MKDREB, "the Albanians of southern
// Serbia" SRB. A group is "ethnic" plus a demonym, or a people followed
// by "of" and a state; the state it lives in is the state the "of"
// phrase names, else the other state the sentence names nearest it. With
// no other state named, the demonym's own state stays.
func (r *Resolver) placeEthnic(text string, toks []doc.Token, ms []Mention) {
	for k := range ms {
		m := &ms[k]
		if m.Kind != Named || len(m.Actors) != 1 || m.Actors[0].Country == "" || m.Person {
			continue
		}
		home := m.Actors[0].Country
		var where *Mention
		switch {
		case m.First > 0 && toks[m.First-1].Lower() == "ethnic":
			// The state named nearest the group: "Germany condemned
			// attacks by ethnic Albanian guerrillas in Macedonia".
			best := len(toks)
			for j := range ms {
				n := &ms[j]
				if j != k && n.Kind == Named && len(n.Actors) == 1 && n.Actors[0].Country != "" &&
					n.Actors[0].Country != home && r.countries[n.Actors[0].Code[:3]] &&
					!(n.First > 0 && toks[n.First-1].Lower() == "ethnic") {
					d := n.First - m.Last
					if n.First < m.First {
						d = m.First - n.Last
					}
					if d < best {
						where, best = n, d
					}
				}
			}
		case m.Plural && m.Last+2 < len(toks) && toks[m.Last+1].Lower() == "of" && m.Actors[0].Code == home:
			// "the Albanians of southern Serbia": one lower-case modifier
			// may stand between "of" and the state.
			for j := k + 1; j < len(ms) && j <= k+1; j++ {
				n := &ms[j]
				gap := n.First - (m.Last + 2)
				if n.Kind == Named && len(n.Actors) == 1 && n.Actors[0].Country != "" && n.Actors[0].Country != home &&
					!n.Adjective && (gap == 0 || (gap == 1 && isLowerWord(toks[m.Last+2].Text))) {
					where = n
				}
			}
		}
		if where == nil {
			continue
		}
		a := m.Actors[0]
		code := where.Actors[0].Country + a.Code[len(home):]
		if a.Code == home {
			// A people with no role of its own is civilians, so that
			// "ethnic Turks protested against Sweden's decision" is no
			// state acting on itself.
			code += "CVL"
		}
		m.Actors[0] = r.actor(a.Text, code, a.Name, a.Role)
		m.dated = nil // where the group lives, not an office held, codes it now
	}
}

func isLowerWord(w string) bool {
	for _, c := range w {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return w != ""
}

// Prepositions are the words that, right before a mention, make it the
// object of a preposition rather than a possible subject.
var Prepositions = map[string]bool{
	"in": true, "to": true, "of": true, "with": true, "at": true, "from": true, "on": true,
	"for": true, "by": true, "against": true, "about": true, "into": true, "toward": true,
	"towards": true, "over": true, "during": true, "after": true, "before": true, "than": true,
	"like": true, "among": true, "within": true, "across": true, "as": true, "under": true,
	"via": true, "through": true, "beyond": true, "since": true, "until": true, "including": true,
	"between": true, "amid": true, "despite": true, "without": true, "upon": true, "behind": true,
	"outside": true, "inside": true, "near": true, "around": true, "along": true, "aboard": true,
	"onto": true, "beside": true, "throughout": true,
}

// phrase builds the longest actor phrase starting at token i.
func (r *Resolver) phrase(toks []doc.Token, i int) (phrase, int, bool) {
	start := i
	if toks[i].Lower() == "the" && i+1 < len(toks) {
		i++
	}
	var ph phrase
	for i < len(toks) {
		p, next, ok := r.match(toks, i)
		if !ok {
			break
		}
		// A combining prefix names a state only before another state:
		// "Sino-Russian", but not "Indo-Pacific".
		if p.toks[len(p.toks)-1] == "-" && next < len(toks) && toks[next].IsCapitalized() {
			if q, _, ok := r.match(toks, next); !ok || (q.kind != partCountry && q.kind != partAdjective) {
				break
			}
		}
		if (p.kind == partCountry || p.kind == partAdjective) && geoFeature(toks, i, next) {
			p.kind = partPlace // "the Gulf of Mexico", "the Niger Delta", "the Indian Ocean"
		}
		if p.kind == partPlace {
			if len(ph.parts) == 0 {
				return phrase{}, next, false
			}
			break
		}
		ph.parts = append(ph.parts, part{p, i, next - 1})
		i = next
		// "the Algerian ambassador to the United Nations": a title that
		// ends in "to" takes its object with the object's article.
		if p.toks[len(p.toks)-1] == "to" && i+1 < len(toks) && toks[i].Lower() == "the" {
			if _, _, ok := r.match(toks, i+1); ok {
				i++
				continue
			}
		}
		// "Russia's Gazprom", "China's sovereign wealth fund", "Russia's
		// state gas company Gazprom": the owner modifies what follows.
		if i < len(toks) && isPossessive(toks[i]) && p.kind != partAgent {
			// "Ankara's Cankaya district administration": a place in the
			// owner named with its designation, then the place's body.
			if from := r.localPlace(toks, i+1); from > i+1 {
				// The designation may begin the body's name: "district
				// council", "provincial government".
				if q, _, _ := r.match(toks, from-1); q.kind == partAgent {
					i = from - 1
					continue
				}
				if j, ok := r.modified(toks, from, 1); ok {
					if q, _, _ := r.match(toks, j); q.kind == partAgent {
						i = j
						continue
					}
				}
			}
			if j, ok := r.modified(toks, i+1, 3); ok {
				if q, _, _ := r.match(toks, j); j == i+1 || q.kind != partAgent || !abstract[strings.Join(q.toks, " ")] {
					i = j
					continue
				}
			}
			break
		}
		// "Turkish F-16 fighters", "a Russian Su-24 bomber": a model name
		// after a state names a craft, and a fighter so named is a
		// warplane, not a guerrilla.
		if p.kind == partCountry || p.kind == partAdjective {
			if j := modelName(toks, i); j > i {
				if k, ok := r.modified(toks, j, 2); ok {
					if q, next, _ := r.match(toks, k); q.kind == partAgent {
						if q.agent.Code != "MIL" {
							q.agent = cmp.Or(r.agentOf("warplanes"), q.agent)
						}
						ph.parts = append(ph.parts, part{q, k, next - 1})
						i = next
						continue
					}
				}
			}
		}
		// "Russian gas company Gazprom", "Chinese state media": a country
		// adjective, a few modifiers, then a title or a name.
		if p.kind == partAdjective && i < len(toks) && !toks[i].IsCapitalized() {
			if j, ok := r.modified(toks, i, 2); ok && j > i {
				if q, _, _ := r.match(toks, j); q.kind == partAgent && !abstract[strings.Join(q.toks, " ")] {
					i = j
					continue
				}
				// "the South American bloc UNASUR", "the West African bloc
				// ECOWAS": a region's organisation named with its region.
				if q, _, _ := r.match(toks, j); q.kind == partOrg && regions[p.actor.Code] && strings.HasPrefix(q.actor.Code, "IGO") {
					i = j
					continue
				}
			}
		}
		// "European Union foreign policy chief Federica Mogherini": a body,
		// a few modifiers, a title and a name; not "The EU accuses
		// President Alexander Lukashenko", where a capitalised title
		// begins a name of its own.
		if p.kind == partOrg && i < len(toks) && !toks[i].IsCapitalized() {
			if j, ok := r.modified(toks, i, 3); ok && j > i && !toks[j].IsCapitalized() {
				if q, after, _ := r.match(toks, j); q.kind == partAgent && personTitle[q.agent.Title] && after < len(toks) && toks[after].IsCapitalized() {
					i = j
					continue
				}
			}
		}
		// "China-Russia", "Moscow-Beijing": a hyphenated pair of states;
		// "Rosneft-CNPC": a pair of firms.
		if i+1 < len(toks) && isDash(toks[i]) {
			if q, _, ok := r.match(toks, i+1); ok && pairable(p.kind, q.kind) {
				i++
				continue
			}
		}
		// "Vietnamese-led forces", "US-led troops", "NATO-led forces":
		// forces a state or an organisation leads are its forces.
		if (p.kind == partCountry || p.kind == partAdjective || p.kind == partOrg) && i+2 < len(toks) && isDash(toks[i]) && toks[i+1].Lower() == "led" {
			if q, _, ok := r.match(toks, i+2); ok && q.kind == partAgent {
				i += 2
				continue
			}
		}
		// "the Russian President, Vladimir Putin": an appositive name;
		// not "Addressing parliament, Erdogan said".
		if p.kind == partAgent && personTitle[p.agent.Title] && i+1 < len(toks) && toks[i].Text == "," {
			if q, _, ok := r.match(toks, i+1); ok && q.kind == partPerson {
				i++
			}
		}
	}
	if len(ph.parts) == 0 {
		return phrase{}, start + 1, false
	}
	// A title followed by a name the dictionary lacks: "Russian political
	// analyst Sergey Sanakoyev", "Chief Kirill Dmetriyev", "Federal
	// Minister for Interior Aftab Ahmad Khan Sherpao" (names of up to four
	// words, as South Asian, Arab and Iberian names often have).
	lastPart := ph.parts[len(ph.parts)-1]
	if lastPart.kind == partAgent {
		if j, n := nameRun(toks, i); n >= 1 && n <= 4 {
			ph.unnamed = true
			i = j
		}
	}
	// "Morocco's envoy to the United Nations, Omar Hilale, ...",
	// "Ethiopia's Minister of Water, Irrigation and Energy, Seleshi
	// Bekele, ...": a person's title and its complement, then a name the
	// dictionary lacks set off by commas.
	if lastPart.kind == partAgent && personTitle[lastPart.agent.Title] && !ph.unnamed && i+1 < len(toks) {
		if j, ok := r.titleComplement(toks, i); ok {
			ph.unnamed, ph.name = true, j+1
			i, _ = nameRun(toks, j+1)
		}
	}
	// "Rwanda's ambassador, Vincent Karega, ...": a person's title, then
	// a name the dictionary lacks set off by commas.
	if lastPart.kind == partAgent && personTitle[lastPart.agent.Title] && !ph.unnamed && i+1 < len(toks) && toks[i].Text == "," {
		if _, _, known := r.match(toks, i+1); !known {
			if j, n := nameRun(toks, i+1); n >= 1 && n <= 4 && j < len(toks) && toks[j].Text == "," {
				ph.unnamed = true
				i = j
			}
		}
	}
	ph.first = ph.parts[0].first
	if ph.first > start && toks[start].Lower() == "the" {
		ph.first = start
	} else {
		ph.first = r.articleBefore(toks, ph)
	}
	// "eastern Congo", "in southern Lebanon": a part of a state named by
	// its direction names the state.
	if f := ph.first; f > 0 && ph.parts[0].kind == partCountry && f == ph.parts[0].first && compass[toks[f-1].Text] {
		ph.first = f - 1
	}
	// The phrase ends with its last part, not with a possessive or a
	// hyphen the loop stepped over: "Japan's Indo-Pacific strategy".
	ph.last = ph.parts[len(ph.parts)-1].last
	if ph.unnamed {
		ph.last = i - 1
	}
	return ph, ph.last + 1, true
}

// articleBefore returns where "the" stands before up to three modifiers
// of a phrase that holds a title, or the phrase's first token: "the
// conservative New Democracy party", "the nationalist opposition", "the
// prominent Shi'ite cleric Sheikh Nimr al-Nimr". Mentions include their
// article. A phrase with no title, or one opening with a capitalised
// title, may follow a noun it does not belong to ("the deal Russia
// signed", "the plan President Putin proposed"), and keeps its start.
func (r *Resolver) articleBefore(toks []doc.Token, ph phrase) int {
	first := ph.parts[0].first
	// A capitalised title keeps its start ("the deal Russia signed"), but
	// a capitalised word of no sector is a modifier: "the prominent
	// Shi'ite cleric".
	if !slices.ContainsFunc(ph.parts, func(p part) bool { return p.kind == partAgent }) ||
		(ph.parts[0].kind == partAgent && ph.parts[0].agent.Code != "" && toks[first].IsCapitalized()) {
		return first
	}
	for j := first - 1; j >= 0 && first-j <= 4; j-- {
		t := toks[j]
		w := t.Lower()
		if w == "the" {
			if j == first-1 {
				return first
			}
			return j
		}
		if !t.IsWord() || modifierStop[w] || Prepositions[w] || pastVerbs[w] || presentVerbs[w] || clauseWords[w] {
			return first
		}
		if t.IsCapitalized() {
			if _, _, ok := r.match(toks, j); ok {
				return first
			}
		}
	}
	return first
}

// compass are the lower-case words that name a part of a state by its
// direction.
var compass = map[string]bool{
	"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
}

// titleComplement returns the comma before a name when the tokens from i
// on are a title's complement and then a name the dictionary lacks, set
// off by commas: "to the United Nations, Omar Hilale," (to or at a name
// the dictionary knows) or "of Water, Irrigation and Energy, Seleshi
// Bekele," (of capitalised words, listed with commas and "and").
func (r *Resolver) titleComplement(toks []doc.Token, i int) (int, bool) {
	named := func(c int) bool { // a name of two to four words from c+1, then a comma
		if c+1 >= len(toks) || toks[c].Text != "," {
			return false
		}
		if _, _, known := r.match(toks, c+1); known {
			return false
		}
		j, n := nameRun(toks, c+1)
		return n >= 2 && n <= 4 && j < len(toks) && toks[j].Text == ","
	}
	switch toks[i].Lower() {
	case "to", "at":
		j := i + 1
		if j < len(toks) && toks[j].Lower() == "the" {
			j++
		}
		if p, next, ok := r.match(toks, j); ok && (p.kind == partOrg || p.kind == partCountry) && named(next) {
			return next, true
		}
	case "of":
		return listThenName(toks, i+1, named)
	case ",", "and":
		// "Minister of Water, Irrigation and Energy, Seleshi Bekele,",
		// "Minister of Irrigation and Water Resources, Hany Sewilam,":
		// the title holds the list's first portfolio ("minister of
		// water"), and the list goes on after it.
		k := i - 1
		for k > 0 && toks[k].IsCapitalized() {
			k--
		}
		if k > 0 && toks[k].Lower() == "the" {
			k--
		}
		if k > 0 && k < i-1 && (toks[k].Lower() == "of" || toks[k].Lower() == "for") {
			return listThenName(toks, i, named)
		}
	}
	return 0, false
}

// listThenName returns the comma that closes a title's complement, a list
// of capitalised words from token i, when a name set off by commas
// follows it (named): the complement's commas stand between its words,
// and the last comma before a name that ends in a comma closes it.
func listThenName(toks []doc.Token, i int, named func(int) bool) (int, bool) {
	for j := i; j < len(toks) && j < i+11; j++ {
		t := toks[j]
		switch {
		case t.Text == ",":
			if j > i && named(j) {
				return j, true
			}
		case t.Lower() == "and" || t.IsCapitalized() && t.IsWord():
		default:
			return 0, false
		}
	}
	return 0, false
}

// modelName returns the end of a craft's model name that starts at token
// i ("F-16", "Su-24", "MiG-29s": a short capitalised word, a hyphen and
// a number, written together), or i.
func modelName(toks []doc.Token, i int) int {
	if i+2 >= len(toks) {
		return i
	}
	w, dash, num := toks[i], toks[i+1], toks[i+2]
	if !w.IsCapitalized() || !w.IsWord() || len(w.Text) > 4 || dash.Text != "-" ||
		dash.Start != w.End || num.Start != dash.End || num.Text[0] < '0' || num.Text[0] > '9' {
		return i
	}
	return i + 3
}

// pairable reports whether two parts joined by a hyphen name a pair.
func pairable(a, b partKind) bool {
	state := func(k partKind) bool { return k == partCountry || k == partAdjective }
	return (state(a) && state(b)) || (a == partOrg && b == partOrg) || (a == partPerson && b == partPerson)
}

// geoFeature reports whether the state's name or adjective at tokens
// i..next-1 is part of the name of a geographic feature, which names a
// place and no actor: a designator and "of" before it ("the Gulf of
// Mexico", "the Sea of Japan"), "Lake" or "Mount" right before it ("Lake
// Chad"), or a designator right after it ("the Niger Delta", "the Indian
// Ocean", "the Taiwan Strait", "the Jordan Valley").
func geoFeature(toks []doc.Token, i, next int) bool {
	switch {
	case i >= 2 && toks[i-1].Text == "of" && featureBefore[toks[i-2].Text]:
		return true
	case i >= 1 && (toks[i-1].Text == "Lake" || toks[i-1].Text == "Mount"):
		return true
	case next < len(toks) && featureAfter[toks[next].Text]:
		return true
	}
	return false
}

// featureBefore are the capitalised designators of a geographic feature
// named "X of Y"; featureAfter those of one named "Y X".
var (
	featureBefore = map[string]bool{
		"Gulf": true, "Sea": true, "Bay": true, "Strait": true, "Straits": true, "Lake": true,
		"Gulfs": true, "Isthmus": true,
	}
	featureAfter = map[string]bool{
		"Ocean": true, "Sea": true, "Gulf": true, "Strait": true, "Straits": true, "River": true,
		"Delta": true, "Valley": true, "Canal": true, "Peninsula": true, "Basin": true,
		"Mountains": true, "Highlands": true, "Plateau": true, "Desert": true, "Channel": true,
		"Bay": true, "Lake": true, "Rift": true,
	}
)

// localPlace returns the token after a place named with its designation
// that starts at token i ("Cankaya district", "Kadikoy municipality"): one
// to three capitalised words the dictionary does not know, then a
// lower-case designation; else i.
func (r *Resolver) localPlace(toks []doc.Token, i int) int {
	if i >= len(toks) || !toks[i].IsCapitalized() {
		return i
	}
	if _, _, ok := r.match(toks, i); ok {
		return i
	}
	end, n := nameRun(toks, i)
	if n < 1 || n > 3 || end >= len(toks) || !localDesignations[toks[end].Text] {
		return i
	}
	return end + 1
}

// localDesignations are the nouns that, after a name, call it a place
// within a state: "Cankaya district", "Sindh province".
var localDesignations = map[string]bool{
	"district": true, "province": true, "region": true, "city": true, "municipality": true,
	"county": true, "state": true, "prefecture": true, "governorate": true, "oblast": true,
	"town": true, "village": true, "borough": true, "township": true, "canton": true,
}

// modified returns the token after up to n lower-case modifiers starting
// at i, when a dictionary match (a title or a name) follows them:
// "state gas company", "sovereign wealth fund China Investment
// Corporation". It does not move the position past the modifiers: the
// phrase builder matches from there.
func (r *Resolver) modified(toks []doc.Token, i, n int) (int, bool) {
	for k := 0; k <= n && i+k < len(toks); k++ {
		j := i + k
		if p, _, ok := r.match(toks, j); ok && (k == 0 || p.kind == partAgent || p.kind == partOrg || p.kind == partPerson) {
			// "Algeria's first multi-party elections": "party" inside a
			// hyphenated modifier is no title.
			if k > 0 && isDash(toks[j-1]) {
				return i, false
			}
			return j, true
		}
		t := toks[j]
		if !t.IsWord() || t.IsCapitalized() || modifierStop[t.Lower()] {
			if t.Text == "-" && k > 0 {
				continue // "state-owned"
			}
			if t.Lower() == "and" && k > 0 && r.sharedTitle(toks, j) {
				continue // "foreign and defence ministers"
			}
			return i, false
		}
	}
	return i, false
}

// sharedTitle reports whether the "and" at token j joins two words that
// share the title after the second: in "foreign and defence ministers"
// both "foreign ministers" and "defence ministers" are titles.
func (r *Resolver) sharedTitle(toks []doc.Token, j int) bool {
	p, next, ok := r.match(toks, j+1)
	if !ok || p.kind != partAgent || !isLowerWord(toks[j-1].Text) {
		return false
	}
	return r.hasAgent(toks[j-1].Lower() + " " + toks[next-1].Lower())
}

// modifierStop lists lower-case words that cannot sit between an owner
// and a title: function words and common verbs.
var modifierStop = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true,
	"from": true, "that": true, "which": true, "who": true, "whose": true, "as": true,
	"than": true, "not": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"can": true, "could": true, "may": true, "might": true, "should": true, "must": true,
	"said": true, "says": true, "say": true, "also": true, "its": true, "their": true,
	"his": true, "her": true, "this": true, "these": true, "those": true, "it": true,
	"they": true, "he": true, "she": true, "we": true, "did": true, "does": true, "do": true,
}

// abstract lists agent titles whose words are also abstract nouns, which a
// modifier turns into a thing rather than a body: "Russia's stated
// opposition", "the Russian gas industry".
var abstract = map[string]bool{
	"opposition": true, "business": true, "industry": true, "leadership": true,
	"intelligence": true, "media": true, "press": true, "labor": true, "labour": true,
	"public": true, "population": true, "presidency": true, "administration": true,
}

// stopName lists capitalised words that end a name after a title.
var stopName = map[string]bool{
	"and": true, "on": true, "in": true, "of": true, "said": true, "the": true,
	// "President Xi Jinping Monday said": a weekday after a name is no
	// part of it
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// nameParticles are the lower-case words inside personal names: "Mariam
// al-Sadiq al-Mahdi", "Ursula von der Leyen".
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "von": true, "van": true, "der": true,
	"den": true, "de": true, "da": true, "dos": true, "du": true, "la": true, "le": true,
}

// nameRun returns the end of the personal name that starts at token i and
// the number of its capitalised words: capitalised words, with particles
// and hyphens between them ("Mariam al-Sadiq al-Mahdi": 3).
func nameRun(toks []doc.Token, i int) (int, int) {
	j, n := i, 0
	joined := false // the word at j is joined by a hyphen to the one before
	for j < len(toks) {
		t := toks[j]
		if t.IsCapitalized() && t.IsWord() && !stopName[t.Lower()] {
			if !joined {
				n++
			}
			j, joined = j+1, false
			continue
		}
		// A particle or a hyphen continues a name only between two of
		// its capitalised words: "al-Sadiq" is a word of its own,
		// "Zia-Ul-Haq" one word.
		k, particle := j, false
		for k < len(toks) && (nameParticles[toks[k].Text] || isDash(toks[k]) && k > i && toks[k].Start == toks[k-1].End) {
			particle = particle || nameParticles[toks[k].Text]
			k++
		}
		if n == 0 || k == j || k >= len(toks) || !toks[k].IsCapitalized() || !toks[k].IsWord() {
			break
		}
		j, joined = k, !particle
	}
	return j, n
}

// adjectiveJoined reports whether the tokens from i join another state's
// adjective to the one before: "and Tunisian", ", Tunisian".
func (r *Resolver) adjectiveJoined(toks []doc.Token, i int) bool {
	if i+1 >= len(toks) || (toks[i].Lower() != "and" && toks[i].Text != ",") {
		return false
	}
	p, _, ok := r.match(toks, i+1)
	return ok && p.kind == partAdjective
}

// formerBefore reports whether "former", "ex-" or a word of a removal
// from office ("ousted", "deposed") stands right before token i.
func formerBefore(toks []doc.Token, i int) bool {
	switch {
	case i >= 1 && formerWords[toks[i-1].Lower()]:
		return true
	case i >= 2 && isDash(toks[i-1]) && toks[i-2].Lower() == "ex":
		return true
	}
	return false
}

// titledCode returns the code a title of office written before a
// dictionary person's name gives ("+GOV" so far in code, role its
// title), for the dates the person holds none of the dictionary's
// offices, or "". An office the dictionary dates for the person is
// dated by it ("Chinese President Hu Jintao" is CHNELI after his term);
// another, not said to be former, holds on the text's date, since the
// dictionary lists the offices it knows, not every office a person ever
// held: "Interior Minister X" after X's dated term as foreign minister
// is the government's, not an elite's. The title is composed with the
// phrase's state, else the state the person last served.
func titledCode(toks []doc.Token, ph phrase, code, role, country string, person *lexicon.Actor) string {
	// "Former Science Minister": "former" may stand before capitalised
	// words of the title the dictionary lacks.
	j := ph.parts[0].first
	for j > 0 && toks[j-1].IsCapitalized() && !formerWords[toks[j-1].Lower()] {
		j--
	}
	if !strings.HasPrefix(code, "+") || role == "" || formerBefore(toks, j) {
		return ""
	}
	for _, r := range person.Roles {
		if r.Title == role {
			return ""
		}
	}
	state := country
	if state == "" {
		if last := lastStateRole(person.Roles); last != nil {
			state = last.Code[:3]
		} else if len(person.Code) >= 3 {
			state = person.Code[:3]
		}
	}
	if state == "" {
		return ""
	}
	return state + code[1:]
}

// rightsGroup reports whether a phrase of titles names a human rights
// organisation no state or owner is named for ("a human rights group
// protested"), which is a non-governmental organisation, as Human Rights
// Watch is coded (PLOVER: NGO); rights activists are people, and "its
// rights groups" has an owner.
func rightsGroup(toks []doc.Token, ph phrase) bool {
	last := toks[ph.parts[len(ph.parts)-1].last].Lower()
	if !strings.HasPrefix(last, "group") && !strings.HasPrefix(last, "organi") {
		return false
	}
	f := ph.parts[0].first
	return f == 0 || !isPossessive(toks[f-1]) && !possessivePronoun(toks[f-1].Text)
}

// formerWords say that the office after them is no longer held.
var formerWords = map[string]bool{
	"former": true, "ousted": true, "deposed": true, "toppled": true, "overthrown": true,
	"exiled": true, "late": true,
}

func isDash(t doc.Token) bool { return t.Text == "-" || t.Text == "–" || t.Text == "—" }

func isPossessive(t doc.Token) bool { return t.Text == "'s" || t.Text == "’s" }

// compose turns a phrase into one actor, or several for a hyphenated pair
// ("Sino-Russian", "China-Russia").
//
// A title with no state ("the Defence Ministry") takes home, or names
// nobody when home is "".
func (r *Resolver) compose(text string, toks []doc.Token, ph phrase, date, home string) (Mention, bool) {
	m := Mention{
		Start: toks[ph.first].Start, End: toks[ph.last].End,
		First: ph.first, Last: ph.last, Kind: Named,
	}
	m.Text = text[m.Start:m.End]
	if k := slices.IndexFunc(ph.parts, func(p part) bool { return len(p.shared) > 0 }); k >= 0 {
		a, ok := inOffice(ph.parts[k].shared, date)
		if !ok {
			return Mention{}, false // "Duterte" when neither or both hold office
		}
		ph.parts = slices.Clone(ph.parts)
		ph.parts[k].actor = a
		m.shared = strings.Join(ph.parts[k].toks, " ")
	}
	var country, code, name, role string
	var countries, orgs, persons []string
	var people []*lexicon.Actor // the persons of persons, in order
	person := false
	titled := "" // the code a title before a person's name gives, where the dictionary dates none
	for _, p := range ph.parts {
		switch p.kind {
		case partCountry, partAdjective:
			countries = append(countries, p.actor.Code)
			// "Western Cambodia": a region's adjective before a state
			// names a part of the state.
			if country == "" || (regions[country] && r.countries[p.actor.Code] && p.kind == partCountry) {
				country = p.actor.Code
			}
		case partOrg:
			// A party is in government or opposition by date.
			c, _ := p.actor.CodeAt(date)
			orgs = append(orgs, c)
			if code == "" || !person {
				code, name = c, p.actor.Name
				// "Pakistan's Foreign Office": a state body named by
				// another state's usage belongs to its owner.
				if country != "" && r.countries[country] && len(code) > 3 && r.countries[code[:3]] && code[:3] != country {
					code = country + code[3:]
				}
			}
		case partPerson:
			c, title := p.actor.CodeAt(date)
			titled = titledCode(toks, ph, code, role, country, p.actor)
			if c == "" {
				c = cmp.Or(titled, formerCode(p.actor, date))
			}
			persons, people = append(persons, c), append(people, p.actor)
			code, name, role, person = c, p.actor.Name, title, true
		case partAgent:
			if role == "" {
				role = p.agent.Title
			}
			// The last title is the head of the phrase and gives the
			// code ("government subcontractor", "paramilitary gangs"),
			// unless it speaks for the title before it ("army
			// spokesman", "party officials").
			if !person && (code == "" || len(code) == 3 || strings.HasPrefix(code, "+") && !speaksFor[p.agent.Title]) {
				code = "+" + p.agent.Code // composed with the country below
			}
			if personTitle[p.agent.Title] || ph.unnamed {
				person = true
			}
		}
	}
	// Hyphenated pairs name two actors: "China-Russia", "Sino-Russian".
	if len(countries) >= 2 && code == "" && hyphenated(toks, ph) {
		for _, c := range dedupe(countries) {
			m.Actors = append(m.Actors, r.actor(m.Text, c, "", ""))
		}
		return m, len(m.Actors) > 0
	}
	// "Rosneft-CNPC", "Putin-Xi": a hyphenated pair of firms or people.
	for k, pair := range [][]string{orgs, persons} {
		if len(pair) >= 2 && len(countries) == 0 && hyphenated(toks, ph) {
			for _, c := range dedupe(pair) {
				m.Actors = append(m.Actors, r.actor(m.Text, c, "", ""))
			}
			m.Person = len(persons) >= 2
			if k == 1 { // people, coded by the offices they hold
				m.dated = make([]*dated, len(m.Actors))
				for i, a := range m.Actors {
					p := people[slices.Index(persons, a.Code)]
					m.dated[i] = &dated{r: r, person: p, pair: true}
				}
			}
			return m, len(m.Actors) > 0
		}
	}
	// "Former Algerian President Jose Fakename", "the former Algerian
	// prime minister": a former holder of an office of state is one of
	// its elites (Phoenix: FORMER_PRESIDENT ELI), as a dictionary person
	// out of office is.
	if code == "+GOV" && len(persons) == 0 && personTitle[role] && formerBefore(toks, ph.parts[0].first) {
		code = "+ELI"
	}
	switch {
	case strings.HasPrefix(code, "+"):
		switch {
		case country != "" || home != "":
			code = cmp.Or(country, home) + code[1:]
		case code == "+HRI" && rightsGroup(toks, ph):
			code = "NGOHRI" // "a human rights group protested": a non-governmental one
		default:
			return Mention{}, false // "the military" with no country: nobody known
		}
	case code == "":
		code = country
	}
	if code == "" {
		return Mention{}, false
	}
	m.Person = person
	var personal []doc.Token
	var dating *dated
	for _, p := range ph.parts {
		switch {
		case p.kind == partPerson:
			personal = toks[p.first : p.last+1]
			dating = &dated{r: r, person: p.actor, country: country, titled: titled}
		case p.kind == partOrg && len(p.actor.Roles) > 0 && !person && dating == nil && name == p.actor.Name:
			dating = &dated{r: r, person: p.actor, country: country, title: role}
		case p.kind == partAgent && dating != nil && dating.title == "":
			dating.title = p.agent.Title // "Putin's spokesman": a title after the name
		}
	}
	if ph.unnamed && personal == nil {
		last := ph.parts[len(ph.parts)-1]
		personal = toks[max(last.last+1, ph.name) : ph.last+1]
		if personal[0].Text == "," { // an appositive name
			personal = personal[1:]
		}
	}
	if person && personal != nil {
		m.names = [][]doc.Token{personal}
	}
	if dating != nil {
		m.dated = []*dated{dating}
	}
	m.Adjective = len(ph.parts) == 1 && ph.parts[0].kind == partAdjective
	last := ph.parts[len(ph.parts)-1]
	switch {
	case last.kind == partAgent:
		m.Plural = pluralWord(last.toks[len(last.toks)-1])
	case m.Adjective && ph.first < last.first && ph.last+1 < len(toks):
		// "the Chinese are building", "the Chinese into joint ventures";
		// but "the Algerian and Tunisian governments" share the title.
		if t := toks[ph.last+1]; (!t.IsWord() || modifierStop[t.Lower()] || strings.HasSuffix(t.Lower(), "ed")) && !r.adjectiveJoined(toks, ph.last+1) {
			m.Plural, m.Adjective = true, false
		}
	case m.Adjective && ph.first < last.first:
		m.Plural, m.Adjective = true, false
	case len(ph.parts) > 1 && last.kind == partAdjective && pluralWord(toks[last.last].Lower()) && toks[last.last].IsCapitalized():
		m.Plural = true // "Kosovo Serbs": a people
	}
	m.Actors = []doc.Actor{r.actor(m.Text, code, name, role)}
	return m, true
}

// pluralWord reports whether a title word is plural: "diplomats",
// "forces", "people", "chairmen".
func pluralWord(w string) bool {
	switch {
	case w == "people" || w == "police" || w == "clergy" || w == "media" || strings.HasSuffix(w, "men"):
		return true
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return false
	}
	return strings.HasSuffix(w, "s")
}

// personTitle lists agent titles that denote a person, for pronouns.
// speaksFor lists the agent titles that, after another title, stand for
// the body it names: an army spokesman speaks for the army.
var speaksFor = map[string]bool{
	"spokesperson": true, "official": true, "leader": true, "delegation": true,
	// the builtin titles of a body's head: "army chief" MIL, "the
	// intelligence service's director" SPY
	"chief": true, "head": true, "director": true, "director-general": true, "director general": true,
	"chairman": true, "chairwoman": true, "chairperson": true, "boss": true, "deputy": true,
}

var personTitle = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "minister": true,
	"foreign minister": true, "defence minister": true, "ambassador": true, "envoy": true,
	"analyst": true, "spokesman": true, "spokesperson": true, "leader": true, "king": true,
	"chancellor": true, "secretary": true, "chief": true, "head": true, "general": true,
	"commerce minister": true, "trade minister": true, "expert": true, "official": true,
	"chairman": true, "chairmen": true, "chairwoman": true, "chairperson": true, "director": true,
	"director-general": true, "director general": true, "secretary-general": true,
	"secretary general": true, "boss": true, "founder": true, "deputy": true, "aide": true,
	"adviser": true, "advisor": true, "foreign secretary": true, "counterpart": true,
	"finance minister": true, "energy minister": true, "interior minister": true, "diplomat": true,
	"governor": true, "emir": true, "crown prince": true, "commander": true, "admiral": true,
	"officer": true, "former leader": true, "member": true, "members": true,
}

func hyphenated(toks []doc.Token, ph phrase) bool {
	for k := ph.first; k <= ph.last; k++ {
		if isDash(toks[k]) {
			return true
		}
	}
	// "Sino-" adjectives include the hyphen in the pattern itself.
	for _, p := range ph.parts {
		if p.toks[len(p.toks)-1] == "-" {
			return true
		}
	}
	return false
}

// formerCode codes a person outside every dated role: a former office
// holder is an elite of the last country served (CAMEO ELI); before any
// office, just the country.
func formerCode(a *lexicon.Actor, date string) string {
	if len(a.Roles) == 0 {
		return a.Code
	}
	last := a.Roles[len(a.Roles)-1]
	for _, r := range a.Roles {
		if r.To != "" && r.To > last.To {
			last = r
		}
	}
	if len(last.Code) < 3 {
		return ""
	}
	if last.To != "" && date > last.To[:min(len(last.To), len(date))] {
		// An elite belongs to a state: a former foreign minister who
		// went on to serve the EU is an elite of the state he served.
		if home := lastStateRole(a.Roles); home != nil && strings.HasPrefix(last.Code, "IGO") {
			return home.Code[:3] + "ELI"
		}
		return last.Code[:3] + "ELI"
	}
	return last.Code[:3]
}

// lastStateRole returns the latest role held for a state, not an
// international organisation, or nil.
func lastStateRole(roles []lexicon.Role) *lexicon.Role {
	var out *lexicon.Role
	for i := range roles {
		r := &roles[i]
		if len(r.Code) < 3 || strings.HasPrefix(r.Code, "IGO") {
			continue
		}
		if out == nil || (out.To != "" && (r.To == "" || r.To > out.To)) {
			out = r
		}
	}
	return out
}

func (r *Resolver) actor(text, code, name, role string) doc.Actor {
	a := doc.Actor{Text: text, Code: code, Name: name, Role: role}
	if len(code) >= 3 && r.countries[code[:3]] {
		a.Country = code[:3]
	}
	return a
}

func dedupe(codes []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// joinCompounds merges mentions joined by "and" (or a list "A, B and C")
// into one mention with several actors: "China and Russia", "Presidents
// Putin and Hu", "Moscow and Beijing".
// attribution reports whether m names where a report comes from:
// "according to TASS", "citing Xinhua".
func attribution(toks []doc.Token, m Mention) bool {
	f := m.First
	if f > 0 && toks[f-1].Lower() == "citing" {
		return true
	}
	return f > 1 && toks[f-1].Lower() == "to" && toks[f-2].Lower() == "according"
}

func joinCompounds(text string, toks []doc.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	// In place: out never has more mentions than ms, and a compound of
	// ms[i:j+1] is made, reading only ms[i:] on the way, before it is
	// written at out[len(out)], at most i.
	out := ms[:0]
	for i := 0; i < len(ms); {
		j := i
		inList := false
		for j+1 < len(ms) && ms[j].Kind == Named && ms[j+1].Kind == Named && ms[j].bare == nil && ms[j+1].bare == nil {
			sep := between(toks, ms[j].Last, ms[j+1].First)
			if compoundJoiners[sep] || (sep == ", and" && inList) {
				j++
				continue
			}
			// "Britain, France and Germany"; but not "... through
			// Kazakhstan, and Gazprom signed", two clauses, nor
			// "According to TASS, Russian and Chinese warships", a
			// source and then the subject.
			if sep == "," && listEndsWithAnd(toks, ms, j+1) && !attribution(toks, ms[j]) {
				inList = true
				j++
				continue
			}
			break
		}
		if j == i {
			out = append(out, ms[i])
			i++
			continue
		}
		m := ms[i]
		m.Plural = true
		m.End, m.Last = ms[j].End, ms[j].Last
		m.Text = text[m.Start:m.End]
		m.Actors, m.names, m.dated = nil, nil, nil
		m.Adjective = false
		seen := map[string]bool{}
		sector, role := sharedSector(ms[i : j+1])
		for _, n := range ms[i : j+1] {
			for k, a := range n.Actors {
				// "Russian and Georgian forces": the states' adjectives
				// share the title after the last.
				if sector != "" && n.Adjective && a.Country != "" && a.Code == a.Country {
					a.Code, a.Role = a.Country+sector, role
				}
				// "the Soviet and Russian gas industry" is one actor; "the
				// G-20 and BRICS" are two, though both are coded IGO.
				if seen[a.Code+"|"+a.Name] {
					continue
				}
				seen[a.Code+"|"+a.Name] = true
				m.Actors = append(m.Actors, a)
				at := len(m.Actors) - 1
				if k < len(n.names) && n.names[k] != nil {
					m.names = put(m.names, at, n.names[k])
				}
				if k < len(n.dated) && n.dated[k] != nil {
					m.dated = put(m.dated, at, n.dated[k])
				}
			}
			m.Person = m.Person && n.Person
			m.Adjective = n.Adjective
		}
		out = append(out, m)
		i = j + 1
	}
	return out
}

// sharedSector returns the sector code and role of the last member of a
// compound when the members before it are all states' adjectives and it is
// a state's adjective and a title, no name ("Russian and Georgian forces": MIL),
// else "". The sector of a named body is its own: in "American and
// Taliban negotiators" the Americans are no rebels.
func sharedSector(ms []Mention) (string, string) {
	last := ms[len(ms)-1]
	if len(last.names) > 0 || last.Adjective || len(last.Actors) != 1 {
		return "", ""
	}
	a := last.Actors[0]
	if a.Country == "" || a.Name != "" || len(a.Code) <= len(a.Country) || !strings.HasPrefix(a.Code, a.Country) || a.Role == "" {
		return "", ""
	}
	for _, n := range ms[:len(ms)-1] {
		if !n.Adjective {
			return "", ""
		}
	}
	return a.Code[len(a.Country):], a.Role
}

// put returns s with s[i] = v, growing s with zero values as needed.
func put[T any](s []T, i int, v T) []T {
	for len(s) <= i {
		var zero T
		s = append(s, zero)
	}
	s[i] = v
	return s
}

// compoundJoiners are the words that join two actors into one compound.
var compoundJoiners = map[string]bool{
	"and": true, "&": true, "as well as": true,
	"and its counterpart": true, "and their counterparts": true, "and its counterpart ,": true,
}

// between returns the lower-case words strictly between two token
// positions, joined by spaces.
func between(toks []doc.Token, last, first int) string {
	var ws []string
	for k := last + 1; k < first; k++ {
		ws = append(ws, toks[k].Lower())
	}
	return strings.Join(ws, " ")
}

func listEndsWithAnd(toks []doc.Token, ms []Mention, k int) bool {
	for ; k+1 < len(ms); k++ {
		if ms[k+1].bare != nil {
			return false // a title not yet placed: "Hu Jintao, Wu Bangguo, the Premier and ..."
		}
		switch between(toks, ms[k].Last, ms[k+1].First) {
		case "and", ", and":
			return true
		case ",":
			continue
		}
		return false
	}
	return false
}

// stateModifiers are the words that, after "STATE-", make the state a
// modifier rather than an actor: "Syrian-backed", "Russian-made".
var stateModifiers = map[string]bool{
	"backed": true, "made": true, "brokered": true, "occupied": true, "based": true,
	"sponsored": true, "funded": true, "supported": true, "born": true, "built": true,
	"controlled": true, "held": true, "owned": true, "allied": true, "aligned": true,
	"financed": true, "armed": true, "trained": true, "inspired": true, "friendly": true,
	"run": true, "annexed": true, "majority": true, "minority": true, "populated": true,
	"dominated": true, "speaking": true, "inhabited": true,
}

// modifierState reports whether a state's name or adjective at i is a
// modifier: after "pro-" or "anti-" ("pro-Iranian", "anti-Syria"), or
// before "-backed", "-made" and the like. It returns the token after it.
func (r *Resolver) modifierState(toks []doc.Token, i int) (int, bool) {
	if toks[i].Lower() == "the" && i+1 < len(toks) {
		i++ // "the Syrian-backed Amal militia"
	}
	p, next, ok := r.match(toks, i)
	// "NATO-member Norway", "EU-member Poland": the organisation says
	// what the state is a member of.
	if ok && p.kind == partOrg && next+2 < len(toks) && isDash(toks[next]) && toks[next+1].Lower() == "member" {
		return next + 2, true
	}
	if !ok || (p.kind != partCountry && p.kind != partAdjective) {
		return i, false
	}
	if i >= 2 && isDash(toks[i-1]) {
		if w := toks[i-2].Lower(); w == "pro" || w == "anti" {
			return next, true
		}
	}
	if next+1 < len(toks) && isDash(toks[next]) && stateModifiers[toks[next+1].Lower()] {
		return next + 2, true
	}
	return i, false
}

// takeWhose takes a relative "whose" right before m into it: in
// "Cambodia, whose prime minister, Hun Sen, wrote" or "Topolanek, whose
// government ..." the relative determiner is part of the mention, as a
// possessive pronoun is.
func takeWhose(text string, toks []doc.Token, m *Mention) {
	f := m.First
	if f == 0 || toks[f-1].Lower() != "whose" {
		return
	}
	m.First, m.Start = f-1, toks[f-1].Start
	m.Text = text[m.Start:m.End]
	for i := range m.Actors {
		m.Actors[i].Text = m.Text
	}
}

// appositiveNames codes a name the dictionary lacks by the description
// set off after it by a comma: "Alan Gross, a U.S. government
// subcontractor" USABUS, "Oleh Dubyna, head of Ukraine's Naftogaz"
// UKRBUS, "Anatoly Nogovitsyn, deputy chief of the Russian general
// staff" RUSMIL. The description is one actor, singular, and not the
// first of a list ("Alan Gross, Russian officials and ..."); the name is
// two to four capitalised words no mention covers, which then name the
// same actor later in the document ("Gross flew home"). The description
// stays a mention of its own.
func appositiveNames(text string, toks []doc.Token, ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	out := make([]Mention, 0, len(ms)+1) // ms, and an appositive name now and then
	for k, m := range ms {
		// "The UN peacekeeping mission, MONUSCO, said": a description
		// and the name of the same body, set off by commas, are one
		// mention.
		if n := len(out); n > 0 && sameBody(toks, out[n-1], m) {
			out[n-1].End, out[n-1].Last = m.End, m.Last
			out[n-1].Text = text[out[n-1].Start:m.End]
			out[n-1].Actors[0].Text = out[n-1].Text
			continue
		}
		if n, ok := appositiveName(text, toks, ms, k); ok && (len(out) == 0 || out[len(out)-1].Last < n.First) {
			out = append(out, n)
		}
		out = append(out, m)
	}
	return out
}

// sameBody reports whether n is the name of the body m describes, set off
// by commas after it: one actor each, the same code, neither a person nor
// a state.
func sameBody(toks []doc.Token, m, n Mention) bool {
	if m.Kind != Named || n.Kind != Named || m.bare != nil || n.bare != nil || m.Person || n.Person ||
		len(m.Actors) != 1 || len(n.Actors) != 1 || m.Actors[0].Code != n.Actors[0].Code || m.Adjective || n.Adjective ||
		m.Actors[0].Code == m.Actors[0].Country { // "Iran, Tehran," are two names of a state, not a description
		return false
	}
	if n.First != m.Last+2 || toks[m.Last+1].Text != "," || n.Last+1 >= len(toks) {
		return false
	}
	return toks[n.Last+1].Text == ","
}

func appositiveName(text string, toks []doc.Token, ms []Mention, k int) (Mention, bool) {
	m := ms[k]
	if m.Kind != Named || m.bare != nil || len(m.Actors) != 1 || m.Adjective || m.Plural || m.Actors[0].Country == "" && !strings.HasPrefix(m.Actors[0].Code, "IGO") {
		return Mention{}, false
	}
	if m.Last+1 < len(toks) && (toks[m.Last+1].Lower() == "and" || toks[m.Last+1].Lower() == "or") {
		return Mention{}, false
	}
	c := m.First - 1
	if c >= 0 && (toks[c].Lower() == "a" || toks[c].Lower() == "an") {
		c--
	}
	if c < 2 || toks[c].Text != "," {
		return Mention{}, false
	}
	first := c
	words := 0
	for first > 0 {
		t := toks[first-1]
		if !t.IsWord() || !t.IsCapitalized() || nameStop[t.Lower()] || t.Text == strings.ToUpper(t.Text) {
			break
		}
		first--
		words++
	}
	if words < 2 || words > 4 || (first > 0 && toks[first-1].IsCapitalized() && toks[first-1].IsWord()) {
		return Mention{}, false
	}
	for _, n := range ms {
		if n.First < c && n.Last >= first {
			return Mention{}, false
		}
	}
	n := Mention{Start: toks[first].Start, End: toks[c-1].End, First: first, Last: c - 1, Kind: Named, Person: true}
	n.Text = text[n.Start:n.End]
	a := m.Actors[0]
	a.Text = n.Text
	n.Actors = []doc.Actor{a}
	n.names = [][]doc.Token{toks[first:c]}
	if len(m.dated) > 0 {
		n.dated = m.dated[:1]
	}
	return n, true
}

// definedAcronyms drops a person read from an acronym in parentheses
// after a capitalised name that is not that person's: "Montenegro
// Municipality Association (AKK) officials" defines AKK as the name
// before it, an organisation dyad does not know, not the politician a
// dictionary also calls AKK. An acronym after a name dyad knows as the
// same actor ("Annegret Kramp-Karrenbauer (AKK)") stays.
func definedAcronyms(toks []doc.Token, ms []Mention) []Mention {
	return slices.DeleteFunc(ms, func(m Mention) bool {
		f := m.First
		if m.Kind != Named || !m.Person || m.First != m.Last || f < 2 || m.Last+1 >= len(toks) ||
			toks[f-1].Text != "(" || toks[m.Last+1].Text != ")" || !isAcronym(toks[f].Text) || !toks[f-2].IsCapitalized() {
			return false
		}
		for _, n := range ms {
			if n.Last == f-2 {
				return !n.Person // the name before is a person's: the same one, or an alias of its own
			}
		}
		return true
	})
}

// region reads a first-level region named with its designation at token i
// ("Sindh province", "Kachin State", "Donetsk region") as a mention of
// its state, when the resolver has regions and the name starts there: one
// to three capitalised words the dictionary does not name as a state,
// person or organisation, then the designation.
func (r *Resolver) region(text string, toks []doc.Token, i int) (Mention, int, bool) {
	the := i > 0 && toks[i-1].Lower() == "the"
	if r.regions == nil || !toks[i].IsCapitalized() || (i > 0 && toks[i-1].IsCapitalized() && toks[i-1].IsWord() && !the) {
		return Mention{}, i, false
	}
	if p, _, ok := r.match(toks, i); ok && p.kind != partPlace {
		return Mention{}, i, false
	}
	end, n := nameRun(toks, i)
	if n < 1 || n > 3 {
		return Mention{}, i, false
	}
	// "Kachin State": the designation may be the run's last word; else
	// it follows it ("Sindh province").
	code, last := "", -1
	for _, l := range []int{end - 1, end} {
		if l > i && l < len(toks) {
			if c, ok := r.regions.RegionCountry(text[toks[i].Start:toks[l].End]); ok && r.countries[c] {
				code, last = c, l
				break
			}
		}
	}
	if last < 0 {
		return Mention{}, i, false
	}
	if the {
		i-- // "the Tyumen region": the article is the region's, as a state's is
	}
	m := Mention{Start: toks[i].Start, End: toks[last].End, First: i, Last: last, Kind: Named, region: true}
	m.Text = text[m.Start:m.End]
	m.Actors = []doc.Actor{r.actor(m.Text, code, "", "")}
	return m, last + 1, true
}
