package syntax

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// Sentence returns the analysed tokens of a sentence as CoNLL-U, with id
// and text as its comments. Tokens written without a space between them
// get SpaceAfter=No, so the words spell the text again.
func Sentence(id, text string, toks []doc.Token) *conllu.Sentence {
	s := &conllu.Sentence{}
	if id != "" {
		s.Comments = append(s.Comments, "sent_id = "+id)
	}
	s.Comments = append(s.Comments, "text = "+text)
	for i, t := range toks {
		w := conllu.Word{
			ID: i + 1, Form: t.Text, Lemma: orNone(t.Lemma), UPOS: orNone(t.UPOS), XPOS: orNone(t.XPOS),
			Feats: "_", Head: t.Head + 1, Deprel: orNone(t.Rel), Deps: "_", Misc: "_",
		}
		if i+1 < len(toks) && toks[i+1].Start == t.End {
			w.Misc = "SpaceAfter=No"
		}
		s.Words = append(s.Words, w)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Parse tags and parses each sentence of gold again and returns the
// result as CoNLL-U, for scoring against gold. It reads each sentence's
// words or, with raw, tokenizes its text as the pipeline would.
func (m *Model) Parse(gold []*conllu.Sentence, raw bool) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(gold))
	for i, g := range gold {
		var toks []doc.Token
		if raw {
			toks = nlp.Tokenize(g.Text())
		} else {
			toks = Words(g)
		}
		m.Analyze(toks)
		out[i] = Sentence(g.ID(), g.Text(), toks)
	}
	return out
}

// Words returns tokens for the words of a CoNLL-U sentence, as if a
// tokenizer had made them from the words joined by their spaces.
func Words(s *conllu.Sentence) []doc.Token {
	toks := make([]doc.Token, len(s.Words))
	at := 0
	for i, w := range s.Words {
		toks[i] = doc.Token{Text: w.Form, Start: at, End: at + len(w.Form)}
		at += len(w.Form)
		if s.SpaceAfter(i) {
			at++
		}
	}
	return toks
}

// check reports whether toks form one tree: one root, every head in
// range, no cycle.
func check(toks []doc.Token) error {
	roots := 0
	for i, t := range toks {
		if t.Head == -1 {
			roots++
			continue
		}
		if t.Head < 0 || t.Head >= len(toks) || t.Head == i {
			return fmt.Errorf("token %d: head %d out of range", i, t.Head)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	for i := range toks {
		seen := 0
		for j := i; j != -1; j = toks[j].Head {
			if seen++; seen > len(toks) {
				return fmt.Errorf("token %d: cycle", i)
			}
		}
	}
	return nil
}
