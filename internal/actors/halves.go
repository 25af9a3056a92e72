package actors

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// A text about a divided pair of states, North and South Korea or Sudan
// and South Sudan, names each half by its direction: "the North", "the
// South", "southern troops". A direction names a half only in a document
// that has named both halves, so "the South" of an American story and
// "southern forces" of a Yemeni one stay uncoded.

// half returns the state a direction ("north" or "south") names among
// the states the document has named, or "": the state named for it
// ("North Korea" for north) when the other half is named too ("South
// Korea" or "Korea"), or, for north, the state a "South X" was split from
// ("Sudan" beside "South Sudan").
func (r *Resolver) half(dir string, named map[string]bool) string {
	byName := map[string]string{}
	codes := make([]string, 0, len(named))
	for code := range named {
		byName[r.stateNames[code]] = code
		codes = append(codes, code)
	}
	slices.Sort(codes) // one answer for a document that names two pairs
	own, other := "North ", "South "
	if dir == "south" {
		own, other = other, own
	}
	for _, code := range codes {
		name := r.stateNames[code]
		base, ok := strings.CutPrefix(name, own)
		if !ok {
			continue
		}
		if byName[other+base] != "" || byName[base] != "" {
			return code
		}
	}
	if dir == "north" {
		for _, code := range codes {
			if base, ok := strings.CutPrefix(r.stateNames[code], "South "); ok && byName[base] != "" {
				return byName[base]
			}
		}
	}
	return ""
}

// halves codes the directions of a sentence that name a half of a
// divided pair the document has named (see half): "the North" and "the
// South" become mentions of the state, and "northern" or "southern"
// before a title with no state gives it its state ("southern troops").
func (r *Resolver) halves(text string, toks []doc.Token, ms []Mention, date string, named map[string]bool) []Mention {
	if len(named) < 2 {
		return ms
	}
	for k := range ms {
		b := ms[k].bare
		f := ms[k].First
		if b == nil || f == 0 || b.ph.first != f {
			continue
		}
		dir, ok := strings.CutSuffix(toks[f-1].Text, "ern")
		if !ok || (dir != "north" && dir != "south") {
			continue
		}
		state := r.half(dir, named)
		if state == "" {
			continue
		}
		ph := b.ph
		ph.first = f - 1
		if m, ok := r.compose(text, toks, ph, date, state); ok {
			if ph.first > 0 && Prepositions[toks[ph.first-1].Lower()] {
				m.Prep = toks[ph.first-1].Lower()
			}
			m.Context = "phrase"
			ms[k] = m
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i+1].Text
		if toks[i].Lower() != "the" || (w != "North" && w != "South") || covered(ms, i) || covered(ms, i+1) {
			continue
		}
		// "the North Atlantic", "the South China Sea": a name goes on.
		if i+2 < len(toks) && toks[i+2].IsCapitalized() && toks[i+2].IsWord() {
			continue
		}
		state := r.half(strings.ToLower(w), named)
		if state == "" {
			continue
		}
		m := Mention{Start: toks[i].Start, End: toks[i+1].End, First: i, Last: i + 1, Kind: Named}
		m.Text = text[m.Start:m.End]
		m.Actors = []doc.Actor{r.actor(m.Text, state, "", "")}
		if i > 0 && Prepositions[toks[i-1].Lower()] {
			m.Prep = toks[i-1].Lower()
		}
		at, _ := slices.BinarySearchFunc(ms, i, func(n Mention, i int) int { return n.First - i })
		ms = slices.Insert(ms, at, m)
	}
	return ms
}
