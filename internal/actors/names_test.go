package actors

import (
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// TestNamesKeptOnce: a document that names the same analyst hundreds of
// times remembers the name once, so finding remembered names stays linear
// in the document's length (issue 10, item 2: a 5 MB file took 75 s),
// and a later surname still finds the analyst.
func TestNamesKeptOnce(t *testing.T) {
	r := New(small())
	first := "Russian political analyst Sergey Sanakoyev said the talks went well."
	later := "Sanakoyev said the ties are close."
	d := &doc.Document{Published: "2017-05", Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
	for i := range 500 {
		s := first
		if i%2 == 1 {
			s = later
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
	}
	ns := &names{}
	for _, s := range d.Sentences {
		for _, m := range r.mentions(s.Text, s.Tokens, d.Published) {
			ns.learn(r, m)
		}
	}
	if len(ns.full) != 1 {
		t.Errorf("remembered %d full names for one person named 250 times, want 1", len(ns.full))
	}
	got := r.Document(d)
	found := false
	for _, m := range got[len(got)-1] {
		found = found || m.Text == "Sanakoyev" && len(m.Actors) == 1
	}
	if !found {
		t.Errorf("last sentence %q: no mention of Sanakoyev in %+v", later, got[len(got)-1])
	}
}
