package actors

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
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
}

// Sentence finds the mentions of one sentence, with codes valid on date
// (ISO, any precision). References (pronouns, "the two sides") are
// returned with no actors; Document resolves them from context.
func (r *Resolver) Sentence(text, date string) []Mention {
	return r.mentions(text, nlp.Tokenize(text), date)
}

func (r *Resolver) mentions(text string, toks []nlp.Token, date string) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		if m, next, ok := r.reference(text, toks, i); ok {
			out = append(out, m)
			i = next
			continue
		}
		ph, next, ok := r.phrase(toks, i)
		if !ok {
			i++
			continue
		}
		// "US $3.5 billion", "HK$": a currency, not a country.
		if next < len(toks) && toks[next].Text == "$" && next == ph.first+1 {
			i = next
			continue
		}
		m, ok := r.compose(text, toks, ph, date)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	out = joinCompounds(text, toks, out)
	for k := range out {
		if f := out[k].First; f > 0 && Prepositions[toks[f-1].Lower()] {
			out[k].Prep = toks[f-1].Lower()
		}
	}
	return out
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
}

// phrase builds the longest actor phrase starting at token i.
func (r *Resolver) phrase(toks []nlp.Token, i int) (phrase, int, bool) {
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
		ph.parts = append(ph.parts, part{p, i, next - 1})
		i = next
		// "Russia's Gazprom", "China's sovereign wealth fund": the owner
		// modifies what follows.
		if i < len(toks) && isPossessive(toks[i]) && p.kind != partAgent {
			if _, _, ok := r.match(toks, min(i+1, len(toks)-1)); ok && i+1 < len(toks) {
				i++
				continue
			}
			break
		}
		// "China-Russia", "Moscow-Beijing": a hyphenated pair of states.
		if (p.kind == partCountry || p.kind == partAdjective) && i+1 < len(toks) && isDash(toks[i]) {
			if q, _, ok := r.match(toks, i+1); ok && (q.kind == partCountry || q.kind == partAdjective) {
				i++
				continue
			}
		}
		// "the Russian President, Vladimir Putin": an appositive name.
		if p.kind == partAgent && i+1 < len(toks) && toks[i].Text == "," {
			if q, _, ok := r.match(toks, i+1); ok && q.kind == partPerson {
				i++
			}
		}
	}
	if len(ph.parts) == 0 {
		return phrase{}, start + 1, false
	}
	// A title followed by a name the dictionary lacks: "Russian political
	// analyst Sergey Sanakoyev", "Chief Kirill Dmetriyev".
	lastPart := ph.parts[len(ph.parts)-1]
	if lastPart.kind == partAgent {
		j := i
		for j < len(toks) && toks[j].IsCapitalized() && toks[j].IsWord() && !stopName[toks[j].Lower()] {
			j++
		}
		if j-i >= 1 && j-i <= 3 {
			ph.unnamed = true
			i = j
		}
	}
	ph.first = ph.parts[0].first
	if ph.first > start && toks[start].Lower() == "the" {
		ph.first = start
	}
	ph.last = i - 1
	return ph, i, true
}

// stopName lists capitalised words that end a name after a title.
var stopName = map[string]bool{"and": true, "on": true, "in": true, "of": true, "said": true, "the": true}

func isDash(t nlp.Token) bool { return t.Text == "-" || t.Text == "–" || t.Text == "—" }

func isPossessive(t nlp.Token) bool { return t.Text == "'s" || t.Text == "’s" }

// compose turns a phrase into one actor, or several for a hyphenated pair
// ("Sino-Russian", "China-Russia").
func (r *Resolver) compose(text string, toks []nlp.Token, ph phrase, date string) (Mention, bool) {
	m := Mention{
		Start: toks[ph.first].Start, End: toks[ph.last].End,
		First: ph.first, Last: ph.last, Kind: Named,
	}
	m.Text = text[m.Start:m.End]
	var country, code, name, role string
	var countries []string
	person := false
	for _, p := range ph.parts {
		switch p.kind {
		case partCountry, partAdjective:
			countries = append(countries, p.actor.Code)
			if country == "" {
				country = p.actor.Code
			}
		case partOrg:
			if code == "" || !person {
				code, name = p.actor.Code, p.actor.Name
			}
		case partPerson:
			c, title := p.actor.CodeAt(date)
			if c == "" {
				c = formerCode(p.actor, date)
			}
			code, name, role, person = c, p.actor.Name, title, true
		case partAgent:
			if role == "" {
				role = p.agent.Title
			}
			if !person && (code == "" || len(code) == 3) {
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
	switch {
	case strings.HasPrefix(code, "+"):
		if country == "" {
			return Mention{}, false // "the military" with no country: nobody known
		}
		code = country + code[1:]
	case code == "":
		code = country
	}
	if code == "" {
		return Mention{}, false
	}
	m.Person = person
	m.Adjective = len(ph.parts) == 1 && ph.parts[0].kind == partAdjective
	m.Actors = []doc.Actor{r.actor(m.Text, code, name, role)}
	return m, true
}

// personTitle lists agent titles that denote a person, for pronouns.
var personTitle = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "minister": true,
	"foreign minister": true, "defence minister": true, "ambassador": true, "envoy": true,
	"analyst": true, "spokesman": true, "spokesperson": true, "leader": true, "king": true,
	"chancellor": true, "secretary": true, "chief": true, "head": true, "general": true,
	"commerce minister": true, "trade minister": true, "expert": true, "official": true,
}

func hyphenated(toks []nlp.Token, ph phrase) bool {
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
		return last.Code[:3] + "ELI"
	}
	return last.Code[:3]
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
func joinCompounds(text string, toks []nlp.Token, ms []Mention) []Mention {
	var out []Mention
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j].Kind == Named && ms[j+1].Kind == Named {
			sep := between(toks, ms[j].Last, ms[j+1].First)
			if compoundJoiners[sep] {
				j++
				continue
			}
			if sep == "," && listEndsWithAnd(toks, ms, j+1) {
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
		m.End, m.Last = ms[j].End, ms[j].Last
		m.Text = text[m.Start:m.End]
		m.Actors = nil
		for _, n := range ms[i : j+1] {
			m.Actors = append(m.Actors, n.Actors...)
			m.Person = m.Person && n.Person
		}
		out = append(out, m)
		i = j + 1
	}
	return out
}

// compoundJoiners are the words that join two actors into one compound.
var compoundJoiners = map[string]bool{
	"and": true, ", and": true, "&": true, "as well as": true,
	"and its counterpart": true, "and their counterparts": true, "and its counterpart ,": true,
}

// between returns the lower-case words strictly between two token
// positions, joined by spaces.
func between(toks []nlp.Token, last, first int) string {
	var ws []string
	for k := last + 1; k < first; k++ {
		ws = append(ws, toks[k].Lower())
	}
	return strings.Join(ws, " ")
}

func listEndsWithAnd(toks []nlp.Token, ms []Mention, k int) bool {
	for ; k+1 < len(ms); k++ {
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
