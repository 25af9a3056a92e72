package actors

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
)

// orgHeads are the head nouns that make a run of capitalised words the
// name of an organisation, with the role the organisation gets: "China-
// Russia Investment Fund", "Pakistani Foreign Ministry", "Indian Space
// Research Organisation".
var orgHeads = map[string]string{
	"ministry": "GOV", "council": "GOV", "commission": "GOV", "committee": "GOV",
	"agency": "GOV", "administration": "GOV", "organization": "GOV", "organisation": "GOV",
	"office": "GOV", "department": "GOV",
	"bank": "BUS", "fund": "BUS", "corporation": "BUS", "corp": "BUS", "company": "BUS",
	"group":     "BUS",
	"institute": "EDU", "university": "EDU", "academy": "EDU",
}

// orgJoiners may sit inside an organisation's name between capitalised
// words: "Ministry of Foreign Affairs", "Bank for Development".
var orgJoiners = map[string]bool{"of": true, "for": true, "and": true, "&": true, "the": true, "-": true}

// orgByForm recognises an organisation the dictionary lacks by the form
// of its name: a run of capitalised words ending in a head noun
// ("Ministry", "Fund", "Corporation") or starting with one and going on
// with "of" ("Ministry of Foreign Affairs of Pakistan"), with a country
// name or adjective inside. It is coded as that country with the head
// noun's role: Ministry, Council, Agency → GOV; Bank, Fund, Corporation,
// Company → BUS; a central bank → GOVBUS. A name with two countries
// ("China-Russia Investment Fund") is a joint body of both, coded as a
// compound of the two (CHNBUS+RUSBUS): CAMEO has no code for bilateral
// bodies, and each side's share is what events between them concern.
// Dictionary names win when they are at least as long.
func (r *Resolver) orgByForm(text string, toks []doc.Token, i int) (Mention, int, bool) {
	start := i
	if toks[i].Lower() == "the" {
		i++
	}
	if i >= len(toks) || !toks[i].IsCapitalized() || !toks[i].IsWord() {
		return Mention{}, start, false
	}
	// The run of capitalised words and joiners.
	end := -1
	j := i
	for j < len(toks) {
		t := toks[j]
		if t.IsCapitalized() && t.IsWord() {
			if _, ok := orgHeads[t.Lower()]; ok && j > i {
				end = j
			}
			j++
			continue
		}
		if orgJoiners[t.Lower()] && j+1 < len(toks) && toks[j+1].IsCapitalized() && toks[j+1].IsWord() && j > i {
			j++
			continue
		}
		break
	}
	// "Ministry of Foreign Affairs of Pakistan": head first.
	if _, ok := orgHeads[toks[i].Lower()]; ok && j > i+2 && toks[i+1].Lower() == "of" {
		end = j - 1
	}
	if end < 0 {
		return Mention{}, start, false
	}
	// "State Institute of International Relations": the name goes on.
	if end+1 < j && toks[end+1].Lower() == "of" {
		end = j - 1
	}
	role := ""
	for k := i; k <= end; k++ {
		if h, ok := orgHeads[toks[k].Lower()]; ok {
			role = h
		}
	}
	if _, ok := orgHeads[toks[i].Lower()]; ok {
		role = orgHeads[toks[i].Lower()]
	}
	for k := i; k <= end; k++ {
		if toks[k].Lower() == "central" && k+1 <= end && toks[k+1].Lower() == "bank" {
			role = "GOVBUS"
		}
	}
	// The dictionary knows the name, or a longer one.
	if ph, next, ok := r.phrase(toks, start); ok && next-1 >= end && len(ph.parts) > 0 {
		return Mention{}, start, false
	}
	// The countries named inside.
	var codes []string
	for k := i; k <= end; {
		p, next, ok := r.match(toks, k)
		if !ok || next-1 > end {
			k++
			continue
		}
		if p.kind == partCountry || p.kind == partAdjective {
			if r.countries[p.actor.Code] {
				codes = append(codes, p.actor.Code)
			}
		}
		k = next
	}
	codes = dedupe(codes)
	if len(codes) == 0 {
		return Mention{}, start, false
	}
	first := start
	if toks[start].Lower() != "the" {
		first = i
	}
	m := Mention{Start: toks[first].Start, End: toks[end].End, First: first, Last: end, Kind: Named}
	m.Text = text[m.Start:m.End]
	name := text[toks[i].Start:toks[end].End]
	for _, c := range codes {
		a := r.actor(m.Text, c+role, name, "")
		m.Actors = append(m.Actors, a)
	}
	return m, end + 1, true
}

// title is a title with no country of its own, "the leaders", which an
// "of" phrase may complete: "the leaders of Britain, France and Germany".
type title struct {
	first, last int
	agent       *lexicon.Agent
}

// bareTitle returns the title of a phrase made of titles only.
func bareTitle(toks []doc.Token, ph phrase) (title, bool) {
	if ph.unnamed {
		return title{}, false
	}
	for _, p := range ph.parts {
		if p.kind != partAgent {
			return title{}, false
		}
	}
	last := ph.parts[len(ph.parts)-1]
	if last.last+1 >= len(toks) {
		return title{}, false
	}
	// "the leaders of Britain, France and Germany", "ministers from
	// Britain, China, France, Germany and Russia".
	if w := toks[last.last+1].Lower(); w != "of" && (w != "from" || !pluralWord(last.toks[len(last.toks)-1])) {
		return title{}, false
	}
	// The last title gives the code, unless it speaks for the one before
	// it, as in compose: "Druze inhabitants of ..." are inhabitants.
	agent := ph.parts[0].agent
	for _, p := range ph.parts[1:] {
		if !speaksFor[p.agent.Title] {
			agent = p.agent
		}
	}
	return title{ph.first, last.last, agent}, true
}

// titlesOf joins each bare title to the mention its "of" phrase names:
// "the foreign ministers of China and Russia" → CHNGOV+RUSGOV.
func (r *Resolver) titlesOf(text string, toks []doc.Token, ts []title, ms []Mention) []Mention {
	for _, t := range ts {
		for k := range ms {
			m := &ms[k]
			// Not "head of the Russian-Chinese analytical center" nor
			// "deputy head of Iraq's Popular Mobilization Forces".
			// An adjective names the state only before a place name the
			// dictionary lacks: "the inhabitants of the Syrian Golan
			// Heights" are Syrian civilians.
			if !followsTitle(toks, t.last+2, m.First) || m.Kind != Named || m.bare != nil || (m.Adjective && !capitalizedAt(toks, m.Last+1)) ||
				(m.Last+1 < len(toks) && isPossessive(toks[m.Last+1])) {
				continue
			}
			// "a member of the Syrian parliament" is a legislator, but "a
			// member of NATO" or "of the Security Council" is a state.
			if t.agent.Title == "member" && !stateBody(m.Actors) {
				break
			}
			n := *m
			n.Start, n.First = toks[t.first].Start, t.first
			n.Text = text[n.Start:n.End]
			n.Adjective, n.region = false, false // "the government of Sindh province" is an actor
			n.Person = personTitle[t.agent.Title]
			n.Actors = make([]doc.Actor, len(m.Actors))
			n.dated = make([]*dated, len(m.dated))
			for i, a := range m.Actors {
				if d := m.datedAt(i); d != nil {
					of := *d
					of.of = t.agent
					n.dated[i] = &of
				}
				n.Actors[i] = r.titleOf(n.Text, a, t.agent)
			}
			*m = n
			break
		}
	}
	return ms
}

// titleOf codes the holder of a title "of" an actor: a state's title
// holder gets the title's role ("the foreign ministers of China" CHNGOV);
// anyone else stays who they are ("the government of Prime Minister
// Noda" is Noda's).
func (r *Resolver) titleOf(text string, a doc.Actor, t *lexicon.Agent) doc.Actor {
	if r.countries[a.Code] {
		return r.actor(text, a.Code+t.Code, a.Name, t.Title)
	}
	a.Text = text
	return a
}

// titleIn codes a title with no country of its own by the state it is
// placed in: "Demonstrators in Baghdad" IRQOPP, "Rebels in the Ivory
// Coast" CIVREB, "a terror group based in Trinidad" TTOUAF. The state must
// be named right after "in" (a capital counts, as "Beijing said" does),
// and the title must be one whose holders belong where they are: troops
// and armed forces are often abroad ("troops in Afghanistan"), so they
// are left uncoded. It returns the mention, covering title and place, and
// the token after it.
func (r *Resolver) titleIn(text string, toks []doc.Token, ph phrase, date string) (Mention, int, bool) {
	if ph.unnamed {
		return Mention{}, 0, false
	}
	for _, p := range ph.parts {
		if p.kind != partAgent {
			return Mention{}, 0, false
		}
	}
	last := ph.parts[len(ph.parts)-1]
	// Settlers live where their state is not: "settlers in the West Bank".
	word := strings.Join(last.toks, " ")
	if abroadTitle[last.agent.Title] || last.agent.Code == "" || strings.HasPrefix(word, "settler") {
		return Mention{}, 0, false
	}
	j := last.last + 1
	if j+1 < len(toks) && (toks[j].Lower() == "based" || toks[j].Lower() == "operating") {
		j++
	}
	if j+1 >= len(toks) || toks[j].Lower() != "in" {
		return Mention{}, 0, false
	}
	place, next, ok := r.phrase(toks, j+1)
	if !ok || len(place.parts) != 1 || place.parts[0].kind != partCountry || !r.countries[place.parts[0].actor.Code] {
		return Mention{}, 0, false
	}
	// "Demonstrators in Baghdad's streets" and "in Iraq's capital" still
	// place them; "in Chinese" would be a language, and adjectives are
	// not matched here because the part must be a country name.
	country := place.parts[0].actor.Code
	m := Mention{
		Start: toks[ph.first].Start, End: toks[place.last].End,
		First: ph.first, Last: place.last, Kind: Named,
	}
	m.Text = text[m.Start:m.End]
	m.Person = personTitle[last.agent.Title]
	m.Plural = pluralWord(last.toks[len(last.toks)-1])
	m.Actors = []doc.Actor{r.actor(m.Text, country+last.agent.Code, "", last.agent.Title)}
	return m, next, true
}

// abroadTitle lists agent titles whose holders are often in a country
// not their own, so "in X" does not tell whose they are.
var abroadTitle = map[string]bool{
	"troops": true, "military": true, "army": true, "navy": true, "air force": true,
	"ambassador": true, "envoy": true, "diplomat": true, "delegation": true,
	"refugees": true, "analyst": true, "media": true, "business": true,
	"foreign minister": true, "minister": true, "leader": true, "president": true,
	"prime minister": true, "official": true, "NGO": true, "scholar": true,
	"spokesperson": true, "general": true, "commander": true, "officer": true,
}

// stateBody reports whether every actor is a body of a state (a
// legislature, a party, a ministry), not a state or an organisation of
// states.
func stateBody(as []doc.Actor) bool {
	for _, a := range as {
		if a.Country == "" || len(a.Code) <= 3 {
			return false
		}
	}
	return len(as) > 0
}

// capitalizedAt reports whether token i exists and starts with a capital.
func capitalizedAt(toks []doc.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	for _, c := range toks[i].Text {
		return unicode.IsUpper(c)
	}
	return false
}

// followsTitle reports whether a mention starting at token first is the
// object of the "of" or "from" that ends at token at-1: right after it,
// or after an article and one lower-case modifier ("activists from the
// defeated Fatah Party").
func followsTitle(toks []doc.Token, at, first int) bool {
	switch first - at {
	case 0:
		return true
	case 2:
		art := toks[at].Lower()
		return (art == "the" || art == "a" || art == "an") && isLowerWord(toks[at+1].Text) && !Prepositions[toks[at+1].Text]
	}
	return false
}
