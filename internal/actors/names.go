package actors

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// names remembers, within one document, the parts of the personal names
// already coded, so that "Russian political analyst Sergey Sanakoyev"
// makes a later "Sanakoyev said" the same analyst, and "North Korean
// leader Kim Jong Un" a later "Kim". A part that two different people
// share is forgotten.
type names map[string]*doc.Actor

// learn records the first and last words of a person mention's name.
func (ns names) learn(r *Resolver, m Mention) {
	if m.Kind != Named || !m.Person || m.name == "" || len(m.Actors) != 1 {
		return
	}
	toks := nlp.Tokenize(m.name)
	var words []string
	for _, t := range toks {
		if t.IsWord() && t.IsCapitalized() {
			words = append(words, t.Text)
		}
	}
	if len(words) < 2 {
		return
	}
	a := m.Actors[0]
	for _, w := range []string{words[0], words[len(words)-1]} {
		k := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 3 || nameStop[k] || len(r.index[k]) > 0 {
			continue
		}
		if old, ok := ns[k]; ok {
			if old != nil && old.Code != a.Code {
				ns[k] = nil // ambiguous
			}
			continue
		}
		ns[k] = &doc.Actor{Code: a.Code, Country: a.Country, Name: a.Name, Role: a.Role}
	}
}

// find adds mentions of remembered names not already inside a mention.
func (ns names) find(text string, toks []nlp.Token, ms []Mention) []Mention {
	if len(ns) == 0 {
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
		a := ns[toks[i].Lower()]
		if a == nil || !toks[i].IsCapitalized() || covered(i) {
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].IsCapitalized() && !covered(j+1) {
			if b := ns[toks[j+1].Lower()]; b == nil || b.Code != a.Code {
				break
			}
			j++
		}
		m := Mention{Start: toks[i].Start, End: toks[j].End, First: i, Last: j, Kind: Named, Person: true}
		m.Text = text[m.Start:m.End]
		m.name = m.Text
		act := *a
		act.Text = m.Text
		m.Actors = []doc.Actor{act}
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
