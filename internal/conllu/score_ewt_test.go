package conllu

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

func readEWT(t testing.TB, part string) []*Sentence {
	t.Helper()
	path := sharedtest.Path(t, "data", "ud", "en_ewt", "en_ewt-ud-"+part+".conllu")
	ss, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestScoreEWTSelf(t *testing.T) {
	dev := readEWT(t, "dev")
	got, err := Score(dev, dev)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sentences != 2001 || got.Words != 25147 {
		t.Errorf("sentences, words = %d, %d, want 2001, 25147", got.Sentences, got.Words)
	}
	for name, v := range map[string]float64{
		"Tokens": got.Tokens, "WordsF1": got.WordsF1, "SentencesF1": got.SentencesF1,
		"UPOS": got.UPOS, "XPOS": got.XPOS, "Lemma": got.Lemma, "UAS": got.UAS, "LAS": got.LAS, "LASFull": got.LASFull,
	} {
		if v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
	for rel, prf := range got.Rel {
		if prf.P != 1 || prf.R != 1 || prf.F1 != 1 || prf.Gold != prf.Correct {
			t.Errorf("Rel[%q] = %+v, want all 1", rel, prf)
		}
	}
	if got.Rel["nsubj:pass"].Gold == 0 || got.Rel["acl:relcl"].Gold == 0 {
		t.Errorf("Rel lacks subtyped relations: %v", got.Rel)
	}
	if want := "upos=1.000 xpos=1.000 lemma=1.000 uas=1.000 las=1.000 sentences=2001"; got.Line() != want {
		t.Errorf("Line() = %q, want %q", got.Line(), want)
	}
}

// TestScoreEWTPerturbed scores a made-up parse of EWT dev (see perturb)
// against figures computed for the same two files by a transcription of
// conll18_ud_eval.py's load_conllu and evaluate (with the per-relation
// counts added), kept outside the repository.
func TestScoreEWTPerturbed(t *testing.T) {
	dev := readEWT(t, "dev")
	got, err := Score(dev, perturb(dev))
	if err != nil {
		t.Fatal(err)
	}
	if got.Sentences != 2001 || got.Words != 25147 {
		t.Errorf("sentences, words = %d, %d, want 2001, 25147", got.Sentences, got.Words)
	}
	const goldWords, systemWords = 25147, 25533
	for _, m := range []struct {
		name                  string
		got                   float64
		gold, system, correct int
	}{
		{"Tokens", got.Tokens, 24787, 25292, 22236},
		{"SentencesF1", got.SentencesF1, 2001, 1715, 1429},
		{"WordsF1", got.WordsF1, goldWords, systemWords, 22513},
		{"UPOS", got.UPOS, goldWords, systemWords, 18027},
		{"XPOS", got.XPOS, goldWords, systemWords, 19296},
		{"Lemma", got.Lemma, goldWords, systemWords, 18768},
		{"UAS", got.UAS, goldWords, systemWords, 18063},
		{"LAS", got.LAS, goldWords, systemWords, 16262},
		{"LASFull", got.LASFull, goldWords, systemWords, 12637},
	} {
		if want := f1(m.gold, m.system, m.correct); !near(m.got, want) {
			t.Errorf("%s = %.6f, want %.6f (%d correct of %d gold, %d system)", m.name, m.got, want, m.correct, m.gold, m.system)
		}
	}
	for rel, want := range map[string]PRF{
		"nsubj:pass": {Gold: 154, System: 116, Correct: 78},
		"acl:relcl":  {Gold: 219, System: 165, Correct: 102},
		"obl:agent":  {Gold: 28, System: 18, Correct: 12},
		"nmod:poss":  {Gold: 391, System: 265, Correct: 201},
		"punct":      {Gold: 3061, System: 2102, Correct: 1716},
		"root":       {Gold: 2001, System: 1190, Correct: 1026},
		"dep":        {Gold: 2, System: 3295, Correct: 2},
		"parataxis":  {Gold: 248, System: 456, Correct: 118},
	} {
		if g := got.Rel[rel]; g.Gold != want.Gold || g.System != want.System || g.Correct != want.Correct {
			t.Errorf("Rel[%q] counts = %d gold, %d system, %d correct, want %d, %d, %d",
				rel, g.Gold, g.System, g.Correct, want.Gold, want.System, want.Correct)
		}
	}
}

// perturb returns what a poor parser might make of gold: sentences joined,
// multiword tokens dropped or split elsewhere, tokens merged and split,
// tags, lemmas, heads and labels changed. It changes things at fixed
// intervals, so its output and scores never vary. Empty nodes are left
// out; the scorer ignores them.
func perturb(gold []*Sentence) []*Sentence {
	var out []*Sentence
	var c counters
	for _, g := range gold {
		out = append(out, perturbSentence(g, &c))
	}
	var joined []*Sentence
	for i := 0; i < len(out); i++ {
		s := out[i]
		if i%7 == 0 && i+1 < len(out) {
			s = join(s, out[i+1])
			i++
		}
		joined = append(joined, s)
	}
	return joined
}

type counters struct{ multi, token, word int }

// What perturb does to a multiword token.
const (
	keepRange    = iota
	dropRange    // its words become plain tokens
	resplitRange // the second word's first character moves to the first
)

func perturbSentence(g *Sentence, c *counters) *Sentence {
	s := &Sentence{Comments: g.Comments}
	action := make(map[int]int) // by First
	for _, m := range g.MultiWords {
		c.multi++
		words := g.Words[m.First-1 : m.Last]
		switch {
		case c.multi%3 == 0 && concat(words) == m.Form:
			action[m.First] = dropRange
		case c.multi%3 == 1 && utf8.RuneCountInString(words[1].Form) > 1:
			action[m.First] = resplitRange
		default:
			action[m.First] = keepRange
		}
	}

	// Build the new words, remembering where each old one went; old2new
	// maps old IDs to new ones, halfOf the second halves of split words to
	// their first halves.
	old2new := make([]int, len(g.Words)+1)
	halfOf := make(map[int]int)
	next := func() int { return len(s.Words) + 1 }
	mi := 0
	for i := 0; i < len(g.Words); i++ {
		w := g.Words[i]
		if mi < len(g.MultiWords) && g.MultiWords[mi].First == w.ID {
			m := g.MultiWords[mi]
			mi++
			first := next()
			for _, w := range g.Words[m.First-1 : m.Last] {
				old2new[w.ID] = next()
				w.ID = next()
				s.Words = append(s.Words, w)
			}
			switch action[m.First] {
			case keepRange:
				s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: len(s.Words), Form: m.Form, Misc: m.Misc})
			case resplitRange:
				a, b := &s.Words[first-1], &s.Words[first]
				_, size := utf8.DecodeRuneInString(b.Form)
				a.Form, b.Form = a.Form+b.Form[:size], b.Form[size:]
				s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: len(s.Words), Form: m.Form, Misc: m.Misc})
			}
			i = m.Last - 1
			continue
		}
		c.token++
		// Merge only a word and its neighbour head or dependent, so that
		// no cycle appears.
		mergeable := i+1 < len(g.Words) && !inRange(g, w.ID+1) &&
			(w.Head == w.ID+1 || g.Words[i+1].Head == w.ID)
		switch {
		case c.token%13 == 0 && mergeable:
			n := g.Words[i+1]
			merged := w
			merged.ID = next()
			merged.Form = w.Form + n.Form
			if w.Head == n.ID {
				merged.Head, merged.Deprel = n.Head, n.Deprel
			}
			old2new[w.ID], old2new[n.ID] = merged.ID, merged.ID
			s.Words = append(s.Words, merged)
			i++
		case c.token%11 == 0 && utf8.RuneCountInString(w.Form) >= 4 && !strings.ContainsRune(w.Form, ' '):
			cut := len(string([]rune(w.Form)[:2]))
			a := w
			a.ID = next()
			a.Form = w.Form[:cut]
			b := Word{ID: a.ID + 1, Form: w.Form[cut:], Lemma: "_", UPOS: "X", XPOS: "X", Feats: "_", Deprel: "dep", Deps: "_", Misc: "_"}
			old2new[w.ID] = a.ID
			halfOf[b.ID] = a.ID
			s.Words = append(s.Words, a, b)
		default:
			old2new[w.ID] = next()
			w.ID = next()
			s.Words = append(s.Words, w)
		}
	}
	root := 0
	for i := range s.Words {
		w := &s.Words[i]
		if h, ok := halfOf[w.ID]; ok {
			w.Head = h
		} else if w.Head != 0 {
			w.Head = old2new[w.Head]
		}
		if w.Head == 0 {
			root = w.ID
		}
	}

	for i := range s.Words {
		w := &s.Words[i]
		c.word++
		if c.word%5 == 0 {
			w.UPOS = "X"
		}
		if c.word%6 == 0 {
			w.Lemma += "x"
		}
		if c.word%7 == 0 {
			w.XPOS = "XX"
		}
		if c.word%10 == 0 {
			w.Deprel = "dep"
		} else if c.word%4 == 0 {
			if u, _, ok := strings.Cut(w.Deprel, ":"); ok {
				w.Deprel = u
			} else {
				w.Deprel += ":sub"
			}
		}
		// Attaching a word to the root cannot make a cycle.
		if c.word%9 == 0 && w.Head != 0 {
			w.Head = root
		}
	}
	return s
}

func concat(words []Word) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w.Form)
	}
	return b.String()
}

// inRange reports whether word id of g is inside a multiword token.
func inRange(g *Sentence, id int) bool {
	for _, m := range g.MultiWords {
		if id >= m.First && id <= m.Last {
			return true
		}
	}
	return false
}

// join appends b to a as one sentence, b's root a parataxis of a's.
func join(a, b *Sentence) *Sentence {
	s := &Sentence{Comments: a.Comments, MultiWords: append([]MultiWord(nil), a.MultiWords...)}
	s.Words = append(s.Words, a.Words...)
	n := len(a.Words)
	root := 0
	for _, w := range a.Words {
		if w.Head == 0 {
			root = w.ID
		}
	}
	for _, w := range b.Words {
		w.ID += n
		if w.Head == 0 {
			w.Head, w.Deprel = root, "parataxis"
		} else {
			w.Head += n
		}
		s.Words = append(s.Words, w)
	}
	for _, m := range b.MultiWords {
		m.First += n
		m.Last += n
		s.MultiWords = append(s.MultiWords, m)
	}
	return s
}
