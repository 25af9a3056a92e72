// Package actors is the actor stage: it finds the actors a sentence
// mentions — states, leaders, ministries, firms, armed forces,
// international organisations — reading the sentence's tokens, and
// resolves each to a CAMEO actor code valid on the publication date; a
// mention codes itself on an event's own date with Mention.At. It also
// joins compounds ("China and Russia", "Sino-Russian") and follows
// references ("he", "the two sides", "they") back to the actors they name.
//
// Conventions:
//
//   - Matching is longest first, case-insensitive, but dictionary names
//     that are ordinary words (Chad, Turkey, Western) match only when
//     capitalised, and acronyms (US, WHO, CAR, AU, CIS) only in capitals
//     ("BRICs" is allowed); "US $3.5 billion" is a currency. Names of
//     places that hide a state ("South China Sea", "one-China",
//     "Indo-Pacific") code nothing.
//   - A phrase is built from parts: "Russian President Vladimir Putin",
//     "Russia's state gas company Gazprom", "European Union foreign policy
//     chief Federica Mogherini", "CNPC chairman Zhou Jiping". A person is
//     coded by the office held on the date (Putin RUSGOV as prime minister
//     in 2011 and as president in 2012); a former holder is CCCELI. An
//     organisation with dated roles is coded the same way (the BJP
//     INDGOVPTY in 2019, INDOPPPTY in 2009; the Taliban AFGGOV since
//     2021). A title with an unknown name is coded by its country and role
//     ("Chinese Commerce Minister Zhong Shan" CHNGOV, "Russian political
//     analyst Sergey Sanakoyev" RUS with the role analyst), and the name
//     then codes the same person later in the document ("Sanakoyev said").
//   - Organisations the dictionary lacks are recognised by form: a run of
//     capitalised words ending in a head noun (Ministry, Council, Agency →
//     GOV; Bank, Fund, Corporation, Company → BUS; Institute, University →
//     EDU; a central bank GOVBUS) with a state named inside. A joint body
//     named by a pair of states ("China-Russia Investment Fund") is coded
//     as a compound of both (CHNBUS+RUSBUS): CAMEO has no code for
//     bilateral bodies, and each side's share is what matters in events
//     between them.
//   - A title "of" a mention takes its states: "the leaders of Britain,
//     France and Germany" GBRGOV+FRAGOV+DEUGOV. A state owning another
//     state's body by name takes it: "Pakistan's Foreign Office" PAKGOV.
//   - A state body, an official by title or a crowd named without its
//     state ("the Defence Ministry", "parliament", "riot police",
//     "protesters") takes the state the text gives it: a possessive
//     pronoun ("its troops"), the place it is in ("In Moscow,
//     protesters"), the subject of its clause or of an earlier sentence,
//     or the dateline (see bare in context.go and docs/lexicon.md).
package actors

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

// Kind says how a mention names its actors.
type Kind int

const (
	Named   Kind = iota // by name, title or adjective: "Russian President Vladimir Putin"
	Pronoun             // he, she, it, his, her, its
	Group               // they, their, both, "the two sides", "the two countries"
	// Description is a definite description of an actor named before:
	// "the kingdom", "the bloc", "the alliance".
	Description
)

// Mention is a stretch of a sentence that names one or more actors.
type Mention struct {
	Start, End int // byte offsets in the sentence
	Text       string
	Kind       Kind
	// Actors are the actors named: one, or several for a compound
	// ("China and Russia") or a group reference ("the two sides").
	Actors []doc.Actor
	// Person is true when the mention names people, not states or bodies.
	Person bool
	// Prep is the preposition right before the mention ("in", "with"),
	// or "" when none: a mention with no preposition may be a subject.
	Prep string
	// Adjective is true when the mention is a lone adjective ("Russian"),
	// which modifies the word after it.
	Adjective bool
	// Plural is true when the mention names several: a compound, a group
	// reference, a plural title ("Russian diplomats") or a people ("the
	// Chinese are building"). Singular pronouns skip plural mentions.
	Plural bool
	// First and Last are the positions of the first and last tokens the
	// mention covers in the sentence's Tokens.
	First, Last int
	// Context says where the state of a body, official or crowd named
	// without one ("the Defence Ministry", "parliament", "protesters")
	// came from: "owner" (a possessive pronoun: "its troops"), "place"
	// ("police in Skopje", "In Moscow, protesters ..."), "sentence" (an
	// earlier actor of the sentence), "paragraph" (the subject of an
	// earlier sentence), "dateline" (the dateline's place); "" when the
	// mention names its state itself. See bare in context.go.
	Context string
	// bare is the phrase of a body, official or crowd whose state is not
	// yet known, or nil.
	bare *bare
	// region is true for a first-level region ("Sindh province"), which
	// places what the text puts in it and is then dropped.
	region bool
	// names holds, for each actor, the tokens of the personal name inside
	// the mention ("Sergey Sanakoyev" in "Russian political analyst
	// Sergey Sanakoyev"), or nil: it names the same person later in the
	// document.
	names [][]doc.Token
	// dated holds, for each actor, what codes it on another date (a
	// person, coded by the office held), or nil where the code does not
	// depend on the date. It may be shorter than Actors, and is nil when
	// no actor's code depends on the date.
	dated []*dated
	// shared is the name, in lower case, of a person the dictionaries
	// share with others and the document's date chose ("duterte"), or
	// "": a person the document named in full comes first.
	shared string
}

// At returns the mention with its actors coded on date (ISO, any
// precision): a person by the office held then, the way the mention was
// coded on the date it was found on. Document finds mentions on the
// publication date; the coder asks for the date of its event. Two
// actors that become the same on date ("Putin-Medvedev" while both
// held government office) become one.
func (m Mention) At(date string) Mention {
	if m.dated == nil {
		return m
	}
	as := make([]doc.Actor, 0, len(m.Actors))
	ds := make([]*dated, 0, len(m.Actors))
	for i, a := range m.Actors {
		d := m.datedAt(i)
		if d != nil {
			a = d.at(a, date)
		}
		if slices.Contains(as, a) {
			continue
		}
		as, ds = append(as, a), append(ds, d)
	}
	m.Actors, m.dated = as, ds
	return m
}

// datedAt returns what codes the mention's actor i on another date, or
// nil.
func (m *Mention) datedAt(i int) *dated {
	if i < len(m.dated) {
		return m.dated[i]
	}
	return nil
}

// dated is what codes a person's actor on a date: the dictionary entry
// with its dated roles, and what the phrase around the name gives when
// the person holds no office then. A party is dated the same way: its
// roles are its terms in government.
type dated struct {
	r      *Resolver
	person *lexicon.Actor // a person, or an organisation with dated roles
	// country is the phrase's state ("Russian" in "Russian President
	// Vladimir Putin"), the code when the person has none.
	country string
	// title is the title of an agent after the name, the role when the
	// office held has none.
	title string
	// pair is true for one of a hyphenated pair ("Putin-Xi"), which is
	// coded with no name or role.
	pair bool
	// of is the title the person is the object of ("the government of
	// Prime Minister Noda"), or nil.
	of *lexicon.Agent
	// titled is the code a title before the name gives on a date the
	// person holds none of the dictionary's offices (titledCode), or "".
	titled string
}

func (d *dated) at(a doc.Actor, date string) doc.Actor {
	code, title := d.person.CodeAt(date)
	if code == "" {
		code = cmp.Or(d.titled, formerCode(d.person, date))
	}
	var out doc.Actor
	switch {
	case d.pair:
		out = d.r.actor(a.Text, code, "", "")
	case code == "" && d.country == "":
		return a // no code on that date: the one it was found with stays
	case code == "":
		out = d.r.actor(a.Text, d.country, a.Name, cmp.Or(title, d.title))
	default:
		out = d.r.actor(a.Text, code, a.Name, cmp.Or(title, d.title))
	}
	if d.of != nil {
		out = d.r.titleOf(a.Text, out, d.of)
	}
	return out
}

// Resolver finds mentions. It is built once from a lexicon and is safe for
// concurrent use.
type Resolver struct {
	index     map[string][]pattern // by the pattern's first token, longest first
	countries map[string]bool      // codes that name states, not regions
	// stateNames are the states' canonical names by code ("North
	// Korea"), for the halves of a divided pair (halves.go).
	stateNames map[string]string
	// peoples are the lower-case names of the peoples that live in one
	// state (countries.txt's people lines): "uighurs", "rohingya".
	peoples map[string]bool
	// regions names the state of a first-level region, or is nil.
	regions Regions
}

// Regions finds the state (ISO alpha-3) of a first-level region named
// with its designation ("Sindh province", "Rakhine state", "Donetsk
// region"); the gazetteer implements it.
type Regions interface {
	RegionCountry(phrase string) (string, bool)
}

// WithRegions makes a region named with its designation a mention of its
// state ("Sindh province" PAK), so that what the text places in it ("the
// government of Sindh province", "police in Rakhine state") is placed
// there. It returns r; call it before r is used.
func (r *Resolver) WithRegions(g Regions) *Resolver {
	r.regions = g
	return r
}

type partKind int

const (
	partCountry partKind = iota
	partAdjective
	partOrg
	partPerson
	partAgent
	partPlace // a place name that hides a state's name: "South China Sea"
)

type pattern struct {
	toks  []string // lower case
	kind  partKind
	actor *lexicon.Actor
	agent *lexicon.Agent
	// proper patterns only match capitalised text, so "Chad", "Turkey" or
	// "Hu" are not found in "had", "turkey" or "hu".
	proper bool
	// caps holds, per token, the exact form an acronym must have ("US",
	// "WHO", "CAR"), or "" where any case will do: "us" and "Who" at the
	// start of a question are not the USA and the WHO.
	caps []string
	// shared holds every person a person's name names when the
	// dictionaries give the same name to several ("Duterte"), actor
	// among them; compose picks the one in office on the date.
	shared []*lexicon.Actor
}

// regions are CAMEO codes of world regions, which are not countries
// (CAF is the Central African Republic and NAM Namibia; Central Africa is
// CFR and North America NMR).
var regions = map[string]bool{
	"WST": true, "EUR": true, "ASA": true, "AFR": true, "MEA": true, "CAS": true,
	"SAS": true, "SEA": true, "EAF": true, "WAF": true, "NAF": true, "SAF": true,
	"LAM": true, "CRB": true, "NMR": true, "SAM": true, "EEU": true, "CEU": true,
	"SCN": true, "BLK": true, "BAL": true, "MDT": true, "PGS": true, "CFR": true,
	"EAS": true, "EIN": true, "CAU": true, "SCA": true, "WEU": true, "OCE": true,
}

// New builds a resolver over lex.
func New(lex *lexicon.Lexicon) *Resolver {
	r := &Resolver{index: map[string][]pattern{}, countries: map[string]bool{}, stateNames: map[string]string{}, peoples: map[string]bool{}}
	for _, a := range lex.Actors {
		kind := partOrg
		switch a.Kind {
		case lexicon.Country:
			kind = partCountry
			if len(a.Code) == 3 && !regions[a.Code] {
				r.countries[a.Code] = true
				r.stateNames[a.Code] = a.Name
			}
		case lexicon.Person:
			kind = partPerson
		}
		for _, n := range a.Names {
			r.add(n, pattern{kind: kind, actor: a, proper: true})
		}
		for _, n := range a.Adjectives {
			r.add(n, pattern{kind: partAdjective, actor: a, proper: true})
		}
		for _, n := range a.Peoples {
			r.peoples[strings.ToLower(n)] = true
		}
	}
	for _, g := range lex.Agents {
		for _, w := range g.Words {
			r.add(w, pattern{kind: partAgent, agent: g})
		}
	}
	for _, g := range lex.Agents {
		for _, w := range g.Words {
			for _, inv := range officeOf(w) {
				if !r.hasAgent(inv) {
					r.add(inv, pattern{kind: partAgent, agent: g})
				}
			}
		}
	}
	// Titles of office the agents dictionary may lack; they add no code,
	// so "CNPC chairman Zhou Jiping" is coded as CNPC.
	for _, t := range builtinTitles {
		word, code, _ := strings.Cut(t, "=")
		if !r.hasAgent(word) {
			title := strings.TrimSuffix(strings.TrimSuffix(word, "s"), "'")
			if code == "" {
				title = word
			}
			r.add(word, pattern{kind: partAgent, agent: &lexicon.Agent{Words: []string{word}, Code: code, Title: title}})
		}
	}
	for _, p := range places {
		r.add(p, pattern{kind: partPlace, proper: true})
	}
	for k, ps := range r.index {
		ps = sharedPersons(ps)
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
		r.index[k] = ps
	}
	return r
}

// sharedPersons merges the patterns of persons written with the same
// words into the first one, which then names them all (shared).
func sharedPersons(ps []pattern) []pattern {
	out := ps[:0]
	for _, p := range ps {
		k := -1
		if p.kind == partPerson {
			k = slices.IndexFunc(out, func(q pattern) bool {
				return q.kind == partPerson && slices.Equal(q.toks, p.toks) && slices.Equal(q.caps, p.caps)
			})
		}
		if k < 0 {
			out = append(out, p)
			continue
		}
		if out[k].shared == nil {
			out[k].shared = []*lexicon.Actor{out[k].actor}
		}
		out[k].shared = append(out[k].shared, p.actor)
	}
	return out
}

// inOffice returns the one person of ps who holds an office the
// dictionary dates on date, or false when none or several do: a surname
// two listed people share ("Duterte") names the one in office.
func inOffice(ps []*lexicon.Actor, date string) (*lexicon.Actor, bool) {
	var found *lexicon.Actor
	for _, p := range ps {
		// Out of office, a person is coded as the entry itself is.
		if c, _ := p.CodeAt(date); c == "" || c == p.Code {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = p
	}
	return found, found != nil
}

// officeHeads are the nouns of an office that English names either way
// round: "interior minister" is "minister of (the) interior" and
// "minister for interior", "health ministry" is "ministry of health".
var officeHeads = map[string]bool{
	"minister": true, "ministers": true, "ministry": true, "ministries": true,
	"secretary": true, "secretaries": true,
}

// officeOf returns the "of" and "for" forms of an office written
// portfolio first: "minister of interior", "minister of the interior",
// "minister for interior" for "interior minister". Two-word portfolios
// keep their order ("minister for home affairs"); titles with a rank
// before the portfolio ("deputy foreign minister") have none.
func officeOf(word string) []string {
	ws := strings.Fields(word)
	n := len(ws)
	if n < 2 || n > 3 || !officeHeads[ws[n-1]] || officeHeads[ws[0]] || rankWords[ws[0]] {
		return nil
	}
	head, portfolio := ws[n-1], strings.Join(ws[:n-1], " ")
	return []string{
		head + " of " + portfolio, head + " of the " + portfolio, head + " for " + portfolio,
		head + " for the " + portfolio,
	}
}

// rankWords are the words before an office that name a rank in it, not
// its portfolio.
var rankWords = map[string]bool{
	"deputy": true, "vice": true, "first": true, "prime": true, "cabinet": true, "state": true,
	"senior": true, "junior": true, "chief": true, "assistant": true, "under": true, "permanent": true,
}

// builtinTitles are titles of office that make a name a person's.
// A title written "word=CODE" adds that role code.
var builtinTitles = []string{
	"chairman", "chairmen", "chairwoman", "chairperson", "head", "chief", "director",
	"director-general", "director general", "secretary-general", "secretary general",
	"boss", "founder", "deputy", "aide", "adviser", "advisor", "member", "members",
	"high commissioner=GOV", "high commissioners=GOV", "representative=GOV",
	"representatives=GOV", "supreme leader=GOV", "airforce=MIL",
}

// places are names that contain a state's name but name a place, not an
// actor: "the South China Sea" is not China.
var places = []string{
	"South China Sea", "East China Sea", "South China", "one-China", "One China", "New Mexico",
	"New England", "New South Wales", "Indo-Pacific", "Indo-China", "Indochina", "Guinea pig",
	"Turkey Point", "Jordan River", "Georgia Tech", "Washington State", "Washington Post",
	"New York Times", "South China Morning Post", "Hong Kong", "New Guinea",
}

// agentOf returns the agent whose words include word, or nil.
func (r *Resolver) agentOf(word string) *lexicon.Agent {
	toks := nlp.Tokenize(word)
	if p, next, ok := r.match(toks, 0); ok && p.kind == partAgent && next == len(toks) {
		return p.agent
	}
	return nil
}

func (r *Resolver) hasAgent(word string) bool {
	toks := nlp.Tokenize(word)
	if len(toks) == 0 {
		return true
	}
	for _, p := range r.index[toks[0].Lower()] {
		if p.kind == partAgent && len(p.toks) == len(toks) {
			same := true
			for k, t := range toks {
				same = same && p.toks[k] == t.Lower()
			}
			if same {
				return true
			}
		}
	}
	return false
}

func (r *Resolver) add(surface string, p pattern) {
	toks := nlp.Tokenize(surface)
	if len(toks) == 0 {
		return
	}
	p.toks = make([]string, len(toks))
	for i, t := range toks {
		p.toks[i] = t.Lower()
	}
	// A name that starts with "the" ("the Kremlin") matches with or
	// without it; the article is picked up by the phrase builder.
	if p.toks[0] == "the" && len(p.toks) > 1 {
		p.toks = p.toks[1:]
	}
	// Agent words written capitalised in the dictionary are still common
	// nouns; actor names are proper only when the dictionary capitalises.
	if p.kind != partAgent {
		p.proper = toks[len(toks)-1].IsCapitalized() || !toks[0].IsWord()
	}
	// Dictionaries written all in capitals (PETRARCH/Phoenix: "HU_JINTAO",
	// "CHINA") have no acronyms to tell apart.
	shouting := p.actor != nil && allCaps(p.actor.Names)
	if p.kind != partAgent && !shouting {
		off := len(toks) - len(p.toks)
		for k, t := range toks[off:] {
			if isAcronym(t.Text) {
				if p.caps == nil {
					p.caps = make([]string, len(p.toks))
				}
				p.caps[k] = t.Text
			}
		}
	}
	// The same words are one pattern, unless their capitals differ: "NATO"
	// must be written so, "Nato" (as British papers write it) is another
	// form of the same name.
	for _, q := range r.index[p.toks[0]] {
		if q.kind == p.kind && q.actor == p.actor && q.agent == p.agent && strings.Join(q.toks, " ") == strings.Join(p.toks, " ") &&
			slices.Equal(q.caps, p.caps) {
			return
		}
	}
	r.index[p.toks[0]] = append(r.index[p.toks[0]], p)
}

// match returns the longest pattern matching toks at i.
func (r *Resolver) match(toks []doc.Token, i int) (pattern, int, bool) {
	for _, p := range r.index[toks[i].Lower()] {
		if i+len(p.toks) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.toks {
			if toks[i+k].Lower() != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// A proper name is capitalised in the text, or written in the
		// capitals of its acronyms, which capsMatch checks ("1MDB").
		if p.proper && !anyCapitalized(toks[i:i+len(p.toks)]) && !slices.ContainsFunc(p.caps, func(c string) bool { return c != "" }) {
			continue
		}
		if !capsMatch(p.caps, toks[i:i+len(p.toks)]) {
			continue
		}
		return p, i + len(p.toks), true
	}
	return pattern{}, i, false
}

// allCaps reports whether every name is written in capitals.
func allCaps(names []string) bool {
	for _, n := range names {
		if n != strings.ToUpper(n) {
			return false
		}
	}
	return len(names) > 0
}

// isAcronym reports whether a dictionary word is written in capitals
// only, with at least two letters: "US", "U.S.", "WHO", "CIS".
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2
}

// capsMatch reports whether the acronyms of a pattern are written in
// capitals in the text.
func capsMatch(caps []string, toks []doc.Token) bool {
	for k, c := range caps {
		w := strings.ReplaceAll(toks[k].Text, "’", "'")
		if c == "" || w == c || strings.ToUpper(w) == w {
			continue
		}
		// "BRICs" for BRICS: a plural s after the capitals.
		if len(w) >= 4 && strings.HasSuffix(w, "s") && strings.ToUpper(w[:len(w)-1]) == w[:len(w)-1] && strings.EqualFold(w, c) {
			continue
		}
		return false
	}
	return true
}

func anyCapitalized(toks []doc.Token) bool {
	for _, t := range toks {
		if t.IsCapitalized() {
			return true
		}
	}
	return false
}
