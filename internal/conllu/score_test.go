package conllu

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// near reports whether two scores agree to the precision they are quoted.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreFigures(t *testing.T) {
	const catGold = `# sent_id = cat
1 The the DET DT _ 2 det _ _
2 cat cat NOUN NN _ 4 nsubj:pass _ _
3 was be AUX VBD _ 4 aux:pass _ _
4 fed feed VERB VBN _ 0 root _ _
5 . . PUNCT . _ 4 punct _ _
`
	// UPOS wrong on The and "."; XPOS and lemma wrong on fed; "." on the
	// wrong head; cat and was lose their subtypes.
	const catSystem = `1 The the PRON DT _ 2 det _ _
2 cat cat NOUN NN _ 4 nsubj _ _
3 was be AUX VBD _ 4 aux _ _
4 fed fed VERB VBD _ 0 root _ _
5 . . SYM . _ 3 punct _ _
`
	// don't split as do+n't (gold) and as plain tokens do, n't.
	const dontPlain = `1 I I PRON PRP Case=Nom 4 nsubj 4:nsubj _
2 do do AUX VBP _ 4 aux 4:aux _
3 n't not PART RB _ 4 advmod 4:advmod _
4 know know VERB VB VerbForm=Inf 0 root 0:root _
5 it it PRON PRP _ 4 obj 4:obj SpaceAfter=No
6 . . PUNCT . _ 4 punct 4:punct _
`
	// The system splits don't as don+'t: only "!" aligns, and its head
	// 1 is the unaligned "don", so it is not the gold head "do".
	const dontGold = `1-2 don't _ _ _ _ _ _ _ _
1 do do AUX VBP _ 0 root _ _
2 n't not PART RB _ 1 advmod _ _
3 ! ! PUNCT . _ 1 punct _ _
`
	const donSystem = `1-2 don't _ _ _ _ _ _ _ _
1 don don VERB VB _ 0 root _ _
2 't 't PART RB _ 1 advmod _ _
3 ! ! PUNCT . _ 1 punct _ _
`
	// Two gold sentences, one system sentence: d becomes a parataxis of b.
	const twoGold = `1 A a X X _ 2 nsubj _ _
2 b b X X _ 0 root _ _
3 . . PUNCT . _ 2 punct _ _

1 C c X X _ 2 nsubj _ _
2 d d X X _ 0 root _ _
3 . . PUNCT . _ 2 punct _ _
`
	const oneSystem = `1 A a X X _ 2 nsubj _ _
2 b b X X _ 0 root _ _
3 . . PUNCT . _ 2 punct _ _
4 C c X X _ 5 nsubj _ _
5 d d X X _ 2 parataxis _ _
6 . . PUNCT . _ 5 punct _ _
`
	tests := []struct {
		name         string
		gold, system string
		want         Scores // Rel is checked separately
	}{
		{"same tokens", catGold, catSystem, Scores{Sentences: 1, Words: 5, Tokens: 1, WordsF1: 1, SentencesF1: 1,
			UPOS: 0.6, XPOS: 0.8, Lemma: 0.8, UAS: 0.8, LAS: 0.8, LASFull: 0.4}},
		{"gold lemma _ matches any", "1 a _ X X _ 0 root _ _\n2 b b X X _ 1 dep _ _\n", "1 a x X X _ 0 root _ _\n2 b _ X X _ 1 dep _ _\n",
			Scores{Sentences: 1, Words: 2, Tokens: 1, WordsF1: 1, SentencesF1: 1, UPOS: 1, XPOS: 1, Lemma: 0.5, UAS: 1, LAS: 1, LASFull: 1}},
		// Gold tokens I don't know it . (5), system I do n't know it . (6), 4 in common.
		{"multiword token as plain tokens", dontKnow, dontPlain, Scores{Sentences: 1, Words: 6, Tokens: 8.0 / 11, WordsF1: 1, SentencesF1: 1,
			UPOS: 1, XPOS: 1, Lemma: 1, UAS: 1, LAS: 1, LASFull: 1}},
		{"multiword token split differently", dontGold, donSystem, Scores{Sentences: 1, Words: 3, Tokens: 1, WordsF1: 1.0 / 3, SentencesF1: 1,
			UPOS: 1.0 / 3, XPOS: 1.0 / 3, Lemma: 1.0 / 3, UAS: 0, LAS: 0, LASFull: 0}},
		{"sentences joined", twoGold, oneSystem, Scores{Sentences: 2, Words: 6, Tokens: 1, WordsF1: 1, SentencesF1: 0,
			UPOS: 1, XPOS: 1, Lemma: 1, UAS: 5.0 / 6, LAS: 5.0 / 6, LASFull: 5.0 / 6}},
		{"sentences split", oneSystem, twoGold, Scores{Sentences: 1, Words: 6, Tokens: 1, WordsF1: 1, SentencesF1: 0,
			UPOS: 1, XPOS: 1, Lemma: 1, UAS: 5.0 / 6, LAS: 5.0 / 6, LASFull: 5.0 / 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Score(readAll(t, cols(tt.gold)), readAll(t, cols(tt.system)))
			if err != nil {
				t.Fatal(err)
			}
			if got.Sentences != tt.want.Sentences || got.Words != tt.want.Words {
				t.Errorf("sentences, words = %d, %d, want %d, %d", got.Sentences, got.Words, tt.want.Sentences, tt.want.Words)
			}
			for _, m := range []struct {
				name      string
				got, want float64
			}{
				{"Tokens", got.Tokens, tt.want.Tokens},
				{"WordsF1", got.WordsF1, tt.want.WordsF1},
				{"SentencesF1", got.SentencesF1, tt.want.SentencesF1},
				{"UPOS", got.UPOS, tt.want.UPOS},
				{"XPOS", got.XPOS, tt.want.XPOS},
				{"Lemma", got.Lemma, tt.want.Lemma},
				{"UAS", got.UAS, tt.want.UAS},
				{"LAS", got.LAS, tt.want.LAS},
				{"LASFull", got.LASFull, tt.want.LASFull},
			} {
				if !near(m.got, m.want) {
					t.Errorf("%s = %.4f, want %.4f", m.name, m.got, m.want)
				}
			}
		})
	}
}

func TestScoreRelations(t *testing.T) {
	gold := readAll(t, cols(`1 The the DET DT _ 2 det _ _
2 cat cat NOUN NN _ 4 nsubj:pass _ _
3 was be AUX VBD _ 4 aux:pass _ _
4 fed feed VERB VBN _ 0 root _ _
5 by by ADP IN _ 6 case _ _
6 me I PRON PRP _ 4 obl:agent _ _
7 . . PUNCT . _ 4 punct _ _
`))
	system := readAll(t, cols(`1 The the DET DT _ 2 det _ _
2 cat cat NOUN NN _ 4 nsubj _ _
3 was be AUX VBD _ 4 aux:pass _ _
4 fed feed VERB VBN _ 0 root _ _
5 by by ADP IN _ 6 case _ _
6 me I PRON PRP _ 2 obl:agent _ _
7 . . PUNCT . _ 4 nsubj _ _
`))
	got, err := Score(gold, system)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]PRF{
		"det":        {P: 1, R: 1, F1: 1, Gold: 1, System: 1, Correct: 1},
		"nsubj:pass": {Gold: 1},
		// cat and "." are both labelled nsubj: one of two is right by
		// its universal label, but neither gold word is an nsubj.
		"nsubj":     {System: 2},
		"aux:pass":  {P: 1, R: 1, F1: 1, Gold: 1, System: 1, Correct: 1},
		"root":      {P: 1, R: 1, F1: 1, Gold: 1, System: 1, Correct: 1},
		"case":      {P: 1, R: 1, F1: 1, Gold: 1, System: 1, Correct: 1},
		"obl:agent": {Gold: 1, System: 1}, // wrong head
		"punct":     {Gold: 1},
	}
	if len(got.Rel) != len(want) {
		t.Errorf("Rel has %d relations, want %d: %v", len(got.Rel), len(want), got.Rel)
	}
	for rel, w := range want {
		g := got.Rel[rel]
		if g.Gold != w.Gold || g.System != w.System || g.Correct != w.Correct || !near(g.P, w.P) || !near(g.R, w.R) || !near(g.F1, w.F1) {
			t.Errorf("Rel[%q] = %+v, want %+v", rel, g, w)
		}
	}
	// All heads but me's are right; "." is not an nsubj in any part of the
	// label, cat only in its universal part.
	if !near(got.UAS, 6.0/7) || !near(got.LAS, 5.0/7) || !near(got.LASFull, 4.0/7) {
		t.Errorf("UAS, LAS, LASFull = %.4f, %.4f, %.4f, want 6/7, 5/7, 4/7", got.UAS, got.LAS, got.LASFull)
	}
}

// tokens builds one sentence from the compact notation of the 2018
// script's own alignment tests: "abc" is a token of one word, "abc a b c"
// a multiword token and its words. The first word is the root and the
// others hang from it.
func tokens(list ...string) []*Sentence {
	s := &Sentence{}
	for _, tok := range list {
		parts := strings.Split(tok, " ")
		words := parts
		if len(parts) > 1 {
			words = parts[1:]
			s.MultiWords = append(s.MultiWords, MultiWord{First: len(s.Words) + 1, Last: len(s.Words) + len(words), Form: parts[0]})
		}
		for _, form := range words {
			head := 1
			if len(s.Words) == 0 {
				head = 0
			}
			s.Words = append(s.Words, Word{ID: len(s.Words) + 1, Form: form, Head: head})
		}
	}
	return []*Sentence{s}
}

// TestScoreAlignment runs the cases of the 2018 script's TestAlignment:
// how many words align when tokens and multiword tokens differ.
func TestScoreAlignment(t *testing.T) {
	tests := []struct {
		gold, system []string
		aligned      int
	}{
		{[]string{"a"}, []string{"a"}, 1},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, 3},
		{[]string{"abc a b c"}, []string{"a", "b", "c"}, 3},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "c", "d"}, 4},
		{[]string{"abcd a b c d"}, []string{"ab a b", "cd c d"}, 4},
		{[]string{"abc a b c", "de d e"}, []string{"a", "bcd b c d", "e"}, 5},
		{[]string{"abcd"}, []string{"a", "b", "c", "d"}, 0},
		{[]string{"abc", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "bc", "d"}, []string{"a", "b", "c", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "cd"}, 2},
		{[]string{"abc a BX c", "def d EX f"}, []string{"ab a b", "cd c d", "ef e f"}, 4},
		{[]string{"ab a b", "cd bc d"}, []string{"a", "bc", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"ab AX BX", "cd CX a"}, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q~%q", tt.gold, tt.system), func(t *testing.T) {
			gold, system := tokens(tt.gold...), tokens(tt.system...)
			got, err := Score(gold, system)
			if err != nil {
				t.Fatal(err)
			}
			ng, ns := len(gold[0].Words), len(system[0].Words)
			if want := 2 * float64(tt.aligned) / float64(ng+ns); !near(got.WordsF1, want) {
				t.Errorf("WordsF1 = %.4f, want %.4f (%d of %d gold and %d system words aligned)", got.WordsF1, want, tt.aligned, ng, ns)
			}
		})
	}
}

func TestScoreRefuses(t *testing.T) {
	ok := tokens("a", "b")
	tests := []struct {
		name         string
		gold, system []*Sentence
		mismatch     bool
	}{
		{"different text", tokens("a"), tokens("b"), true},
		{"text cut short", tokens("a", "b", "c"), ok, true},
		{"two roots", ok, []*Sentence{{Words: []Word{{ID: 1, Form: "a"}, {ID: 2, Form: "b"}}}}, false},
		{"cycle", ok, []*Sentence{{Words: []Word{{ID: 1, Form: "a", Head: 2}, {ID: 2, Form: "b", Head: 1}}}}, false},
		{"head outside", ok, []*Sentence{{Words: []Word{{ID: 1, Form: "a"}, {ID: 2, Form: "b", Head: 3}}}}, false},
		{"no words", ok, []*Sentence{{}}, false},
		{"empty form", ok, []*Sentence{{Words: []Word{{ID: 1, Form: "a"}, {ID: 2, Form: " ", Head: 1}}}}, false},
		{"bad ID", []*Sentence{{Words: []Word{{ID: 2, Form: "a"}}}}, ok, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Score(tt.gold, tt.system)
			if err == nil {
				t.Fatal("Score accepted it")
			}
			if got := errors.Is(err, ErrTextMismatch); got != tt.mismatch {
				t.Errorf("Score error %q: errors.Is(ErrTextMismatch) = %v, want %v", err, got, tt.mismatch)
			}
		})
	}
}

// TestScoreSpaces checks that spaces inside tokens, including no-break
// spaces, do not count as text: "10 000" as one token spells the same
// text as "10" and "000".
func TestScoreSpaces(t *testing.T) {
	gold := tokens("10\u00a0000", "euros")
	system := tokens("10", "000", "euros")
	got, err := Score(gold, system)
	if err != nil {
		t.Fatal(err)
	}
	if !near(got.WordsF1, 2.0/5) || !near(got.Tokens, 2.0/5) {
		t.Errorf("WordsF1, Tokens = %.4f, %.4f, want 0.4, 0.4", got.WordsF1, got.Tokens)
	}
}

func TestScoresLine(t *testing.T) {
	s := Scores{UPOS: 0.9505, XPOS: 0.94249, Lemma: 0.97, UAS: 0.8614, LAS: 0.823, Sentences: 2077}
	if got, want := s.Line(), "upos=0.951 xpos=0.942 lemma=0.970 uas=0.861 las=0.823 sentences=2077"; got != want {
		t.Errorf("Line() = %q, want %q", got, want)
	}
}
