package coder

import (
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
)

// tok is a token of a hand-built parse: form, lemma, UPOS, XPOS, head and
// relation.
func tok(text, lemma, upos, xpos string, head int, rel string) doc.Token {
	return doc.Token{Text: text, Lemma: lemma, UPOS: upos, XPOS: xpos, Head: head, Rel: rel}
}

// TestSubjectReadsAroundParse checks the subject the role finder reads
// from parses it must read around, built by hand as the parser gave them.
func TestSubjectReadsAroundParse(t *testing.T) {
	un := []doc.Actor{{Code: "IGOUNO", Text: "United Nations"}}
	tests := []struct {
		name     string
		toks     []doc.Token
		ms       []actors.Mention
		verb     int
		wantCode string
	}{
		{
			// "Kenji Sato, the United Nations relief coordinator, demanded
			// access", "demanded" parsed as a conjunct of the apposition.
			name: "verb conjoined to an apposition",
			toks: []doc.Token{
				tok("Kenji", "Kenji", "PROPN", "NNP", -1, "root"),
				tok("Sato", "Sato", "PROPN", "NNP", 0, "flat"),
				tok(",", ",", "PUNCT", ",", 7, "punct"),
				tok("the", "the", "DET", "DT", 7, "det"),
				tok("United", "United", "ADJ", "NNP", 5, "amod"),
				tok("Nations", "Nation", "PROPN", "NNPS", 7, "compound"),
				tok("relief", "relief", "NOUN", "NN", 7, "compound"),
				tok("coordinator", "coordinator", "NOUN", "NN", 0, "appos"),
				tok(",", ",", "PUNCT", ",", 7, "punct"),
				tok("demanded", "demand", "VERB", "VBD", 7, "conj"),
				tok("access", "access", "NOUN", "NN", 9, "obj"),
			},
			ms:       []actors.Mention{{Text: "the United Nations", First: 3, Last: 5, Actors: un}},
			verb:     9,
			wantCode: "IGOUNO",
		},
		{
			// "The government announced that it is prepared to impose
			// martial law", "it" an expletive no dictionary resolved.
			name: "pronoun of a reported clause",
			toks: []doc.Token{
				tok("Iraq", "Iraq", "PROPN", "NNP", 1, "compound"),
				tok("government", "government", "NOUN", "NN", 2, "nsubj"),
				tok("announced", "announce", "VERB", "VBD", -1, "root"),
				tok("that", "that", "SCONJ", "IN", 6, "mark"),
				tok("it", "it", "PRON", "PRP", 6, "expl"),
				tok("is", "be", "AUX", "VBZ", 6, "cop"),
				tok("prepared", "prepared", "ADJ", "JJ", 2, "ccomp"),
			},
			ms:       []actors.Mention{{Text: "Iraq government", First: 0, Last: 1, Actors: []doc.Actor{{Code: "IRQGOV", Country: "IRQ"}}}},
			verb:     6,
			wantCode: "IRQGOV",
		},
		{
			// "Iran signed an agreement in Beijing to restore relations",
			// "in" and "Beijing" parsed as the marker and subject of
			// "restore": an infinitive takes a subject only after "for".
			name: "prepositional phrase read as an infinitive's subject",
			toks: []doc.Token{
				tok("Iran", "Iran", "PROPN", "NNP", 1, "nsubj"),
				tok("signed", "sign", "VERB", "VBD", -1, "root"),
				tok("an", "a", "DET", "DT", 3, "det"),
				tok("agreement", "agreement", "NOUN", "NN", 1, "obj"),
				tok("in", "in", "SCONJ", "IN", 7, "mark"),
				tok("Beijing", "Beijing", "PROPN", "NNP", 7, "nsubj"),
				tok("to", "to", "PART", "TO", 7, "mark"),
				tok("restore", "restore", "VERB", "VB", 3, "acl"),
				tok("relations", "relation", "NOUN", "NNS", 7, "obj"),
			},
			ms: []actors.Mention{
				{Text: "Iran", First: 0, Last: 0, Actors: []doc.Actor{{Code: "IRN", Country: "IRN"}}},
				{Text: "Beijing", First: 5, Last: 5, Actors: []doc.Actor{{Code: "CHN", Country: "CHN"}}},
			},
			verb:     7,
			wantCode: "", // no subject: not Beijing
		},
	}
	for _, tt := range tests {
		tr := newTree(tt.toks, tt.ms)
		got := tr.subject(tt.verb, 0).actors()
		switch {
		case tt.wantCode == "" && len(got) != 0:
			t.Errorf("%s: subject %v, want none", tt.name, got)
		case tt.wantCode != "" && (len(got) != 1 || got[0].Code != tt.wantCode):
			t.Errorf("%s: subject %v, want %s", tt.name, got, tt.wantCode)
		}
	}
}
