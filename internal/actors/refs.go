package actors

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
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
func (r *Resolver) reference(text string, toks []nlp.Token, i int) (Mention, int, bool) {
	w := toks[i].Lower()
	ref := func(kind Kind, last int, person bool) (Mention, int, bool) {
		m := Mention{Start: toks[i].Start, End: toks[last].End, First: i, Last: last, Kind: kind, Person: person}
		m.Text = text[m.Start:m.End]
		return m, last + 1, true
	}
	switch {
	case personPronouns[w]:
		return ref(Pronoun, i, true)
	case w == "its":
		return ref(Pronoun, i, false)
	case groupPronouns[w]:
		return ref(Group, i, false)
	case w == "the" && i+1 < len(toks) && toks[i+1].Lower() == "leaders":
		// "The leaders also discussed Iran".
		return ref(Group, i+1, true)
	case w == "both" || (w == "the" && i+2 < len(toks) && toks[i+1].Lower() == "two"):
		k := i + 1
		if w == "the" {
			k++
		}
		if k < len(toks) && groupNouns[toks[k].Lower()] {
			return ref(Group, k, toks[k].Lower() == "leaders" || toks[k].Lower() == "presidents")
		}
		// "Both stand firmly against ...": both as a subject pronoun.
		if w == "both" && i == 0 {
			return ref(Group, i, false)
		}
	}
	return Mention{}, i, false
}

// Document finds and resolves the mentions of every sentence of d. dateOf
// gives the date to resolve dated roles for a sentence (the event's date
// where known); nil means the publication date. References are resolved to
// the nearest compatible actors before them in the document.
func (r *Resolver) Document(d *doc.Document, dateOf func(i int) string) [][]Mention {
	out := make([][]Mention, len(d.Sentences))
	var history []Mention
	para := -1
	for i, s := range d.Sentences {
		date := d.Published
		if dateOf != nil {
			date = dateOf(i)
		}
		if s.Paragraph != para {
			para = s.Paragraph
			// References do not reach across headings and link lists.
			if len(d.Paragraphs) > para && d.Paragraphs[para].Kind != doc.Body {
				history = history[:0]
			}
		}
		ms := r.Sentence(s.Text, date)
		for k := range ms {
			if ms[k].Kind != Named {
				ms[k].Actors = resolve(ms[k], history)
			}
			if len(ms[k].Actors) > 0 {
				history = append(history, ms[k])
			}
		}
		out[i] = ms
	}
	return out
}

// resolve finds the actors a reference points to in the mentions before it.
func resolve(m Mention, history []Mention) []doc.Actor {
	relabel := func(as []doc.Actor) []doc.Actor {
		out := make([]doc.Actor, len(as))
		for i, a := range as {
			a.Text = m.Text
			out[i] = a
		}
		return out
	}
	switch m.Kind {
	case Pronoun:
		for k := len(history) - 1; k >= 0 && k >= len(history)-8; k-- {
			h := history[k]
			if len(h.Actors) == 1 && h.Person == m.Person {
				return relabel(h.Actors)
			}
		}
	case Group:
		// "they", "their": the nearest subject that is a compound or a
		// body of several members ("SCO members called ... They also
		// discussed ...").
		if !m.Person && groupPronouns[strings.ToLower(m.Text)] {
			for k := len(history) - 1; k >= 0 && k >= len(history)-20; k-- {
				h := history[k]
				if h.Prep != "" || h.Kind != Named {
					continue
				}
				if distinctCountries(h.Actors) >= 2 || (len(h.Actors) == 1 && strings.HasPrefix(h.Actors[0].Code, "IGO")) {
					return relabel(h.Actors)
				}
			}
		}
		// The nearest compound of two or more countries, else the two
		// most recent distinct countries.
		for k := len(history) - 1; k >= 0 && k >= len(history)-20; k-- {
			if h := history[k]; len(h.Actors) >= 2 && distinctCountries(h.Actors) >= 2 {
				if m.Person && !h.Person {
					continue
				}
				return relabel(h.Actors)
			}
		}
		var pair []doc.Actor
		seen := map[string]bool{}
		for k := len(history) - 1; k >= 0 && len(pair) < 2; k-- {
			for _, a := range history[k].Actors {
				c := a.Code[:min(3, len(a.Code))]
				if !seen[c] && len(pair) < 2 {
					seen[c] = true
					pair = append(pair, a)
				}
			}
		}
		if len(pair) == 2 {
			return relabel([]doc.Actor{pair[1], pair[0]})
		}
	}
	return nil
}

func distinctCountries(as []doc.Actor) int {
	seen := map[string]bool{}
	for _, a := range as {
		seen[a.Code[:min(3, len(a.Code))]] = true
	}
	return len(seen)
}
