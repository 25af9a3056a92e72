package coder

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("DYAD_SENT")
	if s == "" {
		t.Skip()
	}
	lex, _ := lexicon.Default()
	r := actors.New(lex)
	c := New(DefaultLexicon(), r, nil)
	d := &doc.Document{ID: "x", Published: os.Getenv("DYAD_DATE"), Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
	for i, sp := range strings.Split(s, "||") {
		d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: sp, Codable: true})
	}
	ms := r.Document(d, nil)
	for i, st := range d.Sentences {
		toks := nlp.Tokenize(st.Text)
		for _, m := range ms[i] {
			fmt.Printf("mention %q kind=%d person=%v %+v\n", m.Text, m.Kind, m.Person, m.Actors)
		}
		for _, h := range c.triggers(toks) {
			fmt.Printf("trigger %q %s\n", st.Text[toks[h.first].Start:toks[h.last].End], h.t.Code)
		}
	}
	for _, e := range c.Code(d) {
		tg := "-"; if e.Target != nil { tg = e.Target.Code }; fmt.Printf("EVENT %s %s->%s %s %q %s %s\n", e.CAMEO, e.Source.Code, tg, e.Modality, e.Trigger, e.Date, e.DatePrecision)
	}
}
