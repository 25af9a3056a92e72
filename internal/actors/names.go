package actors

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// names remembers, within one document, the personal names already coded,
// so that "Russian political analyst Sergey Sanakoyev" makes a later
// "Sanakoyev said" the same analyst, and "Gazprom chief executive Alexei
// Miller" a later "Miller". It keeps each full name and its first and last
// words; a word that two different people share is forgotten.
type names struct {
	words map[string]*known // nil: shared by two people
	full  []fullName
	// byFirst indexes full by its first word, and seen holds each full
	// name once, so that a long document that names the same people again
	// and again is searched in time linear in its length.
	byFirst map[string][]int
	seen    map[string]bool
}

// known is a person a name codes, with what codes the person on another
// date.
type known struct {
	actor doc.Actor
	dated *dated
}

type fullName struct {
	toks []string // lower case
	known
}

// learn records the names of a person mention's actors.
func (ns *names) learn(r *Resolver, m Mention) {
	if m.Kind != Named || !m.Person {
		return
	}
	for i, name := range m.names {
		if name == nil || i >= len(m.Actors) {
			continue
		}
		ns.add(r, name, known{m.Actors[i], m.datedAt(i)})
	}
}

func (ns *names) add(r *Resolver, name []doc.Token, p known) {
	var words []string
	for _, t := range name {
		if t.IsWord() && t.IsCapitalized() {
			words = append(words, t.Text)
		}
	}
	if len(words) < 2 {
		return
	}
	p.actor.Text = ""
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	if ns.words == nil {
		ns.words = map[string]*known{}
		ns.byFirst = map[string][]int{}
		ns.seen = map[string]bool{}
	}
	// Of two entries with the same words the first one always matched
	// first, so a repeat is not kept.
	if key := strings.Join(lower, " "); !ns.seen[key] {
		ns.seen[key] = true
		ns.byFirst[lower[0]] = append(ns.byFirst[lower[0]], len(ns.full))
		ns.full = append(ns.full, fullName{lower, p})
	}
	for _, w := range []string{words[0], words[len(words)-1]} {
		k := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 3 || nameStop[k] || r.single(k) {
			continue
		}
		if old, ok := ns.words[k]; ok {
			if old != nil && old.actor.Code != p.actor.Code {
				ns.words[k] = nil // ambiguous
			}
			continue
		}
		ns.words[k] = &p
	}
}

// chosen gives a name the dictionaries share among people, which the
// document's date chose, to the person the document has named in full:
// "Rodrigo Duterte ... Duterte said" when another Duterte is in office.
func (ns *names) chosen(ms []Mention) {
	for k, m := range ms {
		if m.shared == "" || len(m.Actors) != 1 {
			continue
		}
		if p := ns.words[m.shared]; p != nil {
			a := p.actor
			a.Text = m.Actors[0].Text
			ms[k].Actors = []doc.Actor{a}
			ms[k].dated = nil
			if p.dated != nil {
				ms[k].dated = []*dated{p.dated}
			}
		}
	}
}

// single reports whether the dictionary has a one-word name w (not one
// several people share, which the document's full names may decide).
func (r *Resolver) single(w string) bool {
	for _, p := range r.index[w] {
		if len(p.toks) == 1 && p.kind != partAgent && p.shared == nil {
			return true
		}
	}
	return false
}

// find adds mentions of remembered names not already inside a mention.
func (ns *names) find(text string, toks []doc.Token, ms []Mention) []Mention {
	if len(ns.full) == 0 {
		return ms
	}
	covered := func(i int) bool {
		for _, m := range ms {
			if i >= m.First && i <= m.Last {
				return true
			}
		}
		return false
	}
	added := false
	for i := 0; i < len(toks); i++ {
		if !toks[i].IsCapitalized() || covered(i) {
			continue
		}
		var p *known
		j := i
		first := toks[i].Lower()
		for _, n := range ns.byFirst[first] {
			f := &ns.full[n]
			if i+len(f.toks) <= len(toks) && i+len(f.toks)-1 > j {
				same := true
				for k, w := range f.toks {
					same = same && toks[i+k].Lower() == w && !covered(i+k)
				}
				if same {
					p, j = &f.known, i+len(f.toks)-1
				}
			}
		}
		if p == nil {
			p = ns.words[first]
		}
		if p == nil {
			continue
		}
		m := Mention{Start: toks[i].Start, End: toks[j].End, First: i, Last: j, Kind: Named, Person: true}
		m.Text = text[m.Start:m.End]
		act := p.actor
		act.Text = m.Text
		m.Actors = []doc.Actor{act}
		if p.dated != nil {
			m.dated = []*dated{p.dated}
		}
		if i > 0 && Prepositions[toks[i-1].Lower()] {
			m.Prep = toks[i-1].Lower()
		}
		ms = append(ms, m)
		added = true
		i = j
	}
	if added {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
	return ms
}

// nameStop lists words that are not names even when capitalised: months,
// days, titles and name particles.
var nameStop = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "the": true, "bin": true, "ibn": true,
	"abu": true, "abd": true, "abdel": true, "abdul": true, "sheikh": true, "prince": true,
	"king": true, "van": true, "von": true, "der": true, "del": true, "los": true, "las": true,
	"sir": true, "lord": true, "lady": true, "general": true, "president": true, "minister": true,
}
