package syntax

import (
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

// What a word is in dyad's dictionaries, as bits: the first or a later
// word of a state's, an organisation's, a person's or a group's name, a
// state adjective ("Russian"), or an agent word ("minister"). The tagger
// reads them, which keeps names at the start of a sentence ("Ankara
// said") proper nouns.
const (
	nameFirst = 1 << iota
	nameLater
	isCountry
	isOrg
	isPerson
	isGroup
	isAdjective
	isAgent
)

// nameTable maps the words of the names in lex to what they are. The
// model keeps the table it was trained with, so later changes to the
// dictionaries never change what the tagger sees.
func nameTable(lex *lexicon.Lexicon) table {
	var t table
	bits := map[uint64]int32{}
	var order []uint64
	mark := func(name string, kind int32) {
		for i, tok := range nlp.Tokenize(name) {
			pos := int32(nameLater)
			if i == 0 {
				pos = nameFirst
			}
			h := hashString(strings.ToLower(tok.Text))
			if _, ok := bits[h]; !ok {
				order = append(order, h)
			}
			bits[h] |= pos | kind
		}
	}
	for _, a := range lex.Actors {
		kind := int32(isOrg)
		switch a.Kind {
		case lexicon.Country:
			kind = isCountry
		case lexicon.Person:
			kind = isPerson
		case lexicon.Group:
			kind = isGroup
		}
		for _, n := range a.Names {
			mark(n, kind)
		}
		for _, adj := range a.Adjectives {
			mark(adj, isAdjective)
		}
	}
	for _, ag := range lex.Agents {
		for _, w := range ag.Words {
			mark(w, isAgent)
		}
	}
	for _, h := range order {
		t.insert(nameKey(h), bits[h])
	}
	return t
}

// markNames sets out[i] to what names says words[i] is, 0 for nothing.
func markNames(names *table, words []string, out []uint64) {
	for i, w := range words {
		out[i] = 0
		if r, ok := names.find(nameKey(hashString(strings.ToLower(w)))); ok {
			out[i] = uint64(r) + 1
		}
	}
}

func nameKey(h uint64) uint64 { return feat(97, h, 0, 0) }
