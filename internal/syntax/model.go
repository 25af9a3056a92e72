// Package syntax is dyad's part-of-speech tagger, lemmatizer and
// dependency parser for English, trained by dyad itself from Universal
// Dependencies (English-EWT) and embedded in the binary. It fills the
// tags, lemmas, heads and relations of the tokens nlp.Tokenize made, so
// every later stage reads one analysis of each sentence.
package syntax

import (
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/doc"
)

// Model is a trained tagger, lemmatizer and parser. It is safe for
// concurrent use; load it once and share it.
type Model struct {
	// About says what the model was trained on and how.
	About string

	tagger tagger
	lemmas *lemmatizer
	parse  scorer
	label  scorer
	rels   []string

	// names, when not empty, holds the words of the names dyad's
	// dictionaries knew when the model was trained; the tagger reads it.
	names table

	pool sync.Pool // of *work
}

// work is the scratch space of one analysis.
type work struct {
	words   []string
	known   []uint64
	infos   []wordInfo
	classes []int
	first   []int
	sure    []bool
	scores  []float32
	feats   []uint64
	sums    [2]wordSums // the tagger's, by pass
	st      state
	at      atoms
}

func (m *Model) work(n int) *work {
	w, _ := m.pool.Get().(*work)
	if w == nil {
		w = &work{scores: make([]float32, 256)}
	}
	if cap(w.infos) < n {
		w.words = make([]string, n)
		w.known = make([]uint64, n)
		w.infos = make([]wordInfo, n)
		w.classes = make([]int, n)
		w.first = make([]int, n)
		w.sure = make([]bool, n)
	}
	w.words, w.known, w.infos, w.classes, w.first, w.sure = w.words[:n], w.known[:n], w.infos[:n], w.classes[:n], w.first[:n], w.sure[:n]
	return w
}

// word is the form the model reads for a token: curly apostrophes made
// straight, as the treebank writes them.
func word(s string) string {
	if strings.ContainsRune(s, '’') {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// Analyze tags, lemmatizes and parses one sentence's tokens in place.
func (m *Model) Analyze(toks []doc.Token) {
	if len(toks) == 0 {
		return
	}
	w := m.work(len(toks))
	defer m.pool.Put(w)
	for i, t := range toks {
		w.words[i] = word(t.Text)
	}
	m.tagWords(w)
	heads, labels := m.parseWords(w)
	if i := m.participleObjects(w.classes, heads, labels); i >= 0 {
		if c := m.tagger.vbd(); c >= 0 {
			w.classes[i] = c
			heads, labels = m.parseWords(w)
		}
	}
	for i := range toks {
		t := &toks[i]
		c := w.classes[i]
		t.UPOS, t.XPOS = m.tagger.upos[c], m.tagger.xpos[c]
		t.Lemma = m.lemmas.lemma(w.words[i], t.XPOS)
		t.Head = heads[i+1] - 1
		t.Rel = m.rels[labels[i+1]]
	}
	voice(toks)
	mend(toks)
}

func (m *Model) tagWords(w *work) {
	var known []uint64
	if m.names.n > 0 {
		markNames(&m.names, w.words, w.known)
		known = w.known
	}
	describe(w.words, known, &m.tagger.amb, w.infos)
	m.tagger.tag(w.infos, w.classes, w.first, w.sure, w.scores[:m.tagger.nclass()], &w.feats, &w.sums)
	m.tagger.unknownAdverbs(w.words, w.infos, w.classes)
	m.tagger.unknownPresents(w.words, w.infos, w.classes)
	m.tagger.possessedNouns(w.words, w.infos, w.classes)
	m.tagger.passiveParticiples(w.words, w.classes)
	m.tagger.participleNouns(w.words, w.classes)
	if i := m.tagger.finite(w.words, w.classes); i >= 0 && m.tagger.second != nil {
		// The words after a verb the tagger missed are tagged again
		// knowing it: "down" after "shot" is its particle, not the
		// preposition of "down the road".
		m.tagger.retag(w.infos, w.classes, w.first, i+1, w.scores[:m.tagger.nclass()], &w.feats, &w.sums[1])
	}
}

// leads has the frozen weights start from the class weights of the
// features that open what they score: the tagger's bias, which every
// token reads, and the direction of an arc, which opens its label's.
// Those rows are the longest (the bias has a weight for most tags), and
// adding them once saves adding them for every token and arc.
func (m *Model) leads() {
	for _, s := range []scorer{m.tagger.w, m.tagger.second} {
		if w, ok := s.(*weights); ok {
			w.lead(tagBias)
		}
	}
	if w, ok := m.label.(*weights); ok {
		w.lead(labelLead(rightDep), labelLead(leftDep))
	}
}

// parseWords parses the tagged words of w; heads and labels are indexed
// from 1, 0 being the root.
func (m *Model) parseWords(w *work) (heads, labels []int) {
	w.at.reset(w.infos, w.classes)
	s := &w.st
	s.reset(len(w.infos))
	var ok [ntrans]bool
	for !s.done() {
		s.legal(&ok)
		t := forced(&ok)
		if t == none {
			w.feats = parseFeatures(w.feats[:0], s, &w.at)
			sc := w.scores[:ntrans]
			clear(sc)
			m.parse.score(w.feats, sc)
			t = argmax(sc, ok[:])
		}
		head, dep := s.apply(t)
		if dep == none {
			continue
		}
		w.feats = labelFeatures(w.feats[:0], s, &w.at, head, dep)
		sc := w.scores[:len(m.rels)]
		clear(sc)
		m.label.score(w.feats, sc)
		s.setLabel(head, dep, argmax(sc, nil))
	}
	return s.heads, s.labels
}

// voice makes the subject and agent relations agree with the voice UD
// reads off the clause: a verb with an aux:pass dependent is passive, so
// its nominal or clausal subject is nsubj:pass or csubj:pass, and only a
// passive one has them; an obl marked by "by" under a past participle is
// its agent (obl:agent), and only such a phrase is. In English-EWT's
// training data the first statement holds for 99.8% of subjects, the
// second for 92% of "by" phrases under a participle and all others.
func voice(toks []doc.Token) {
	// On the stack for sentences of up to 128 tokens.
	var pb, bb [128]bool
	passive, by := pb[:0], bb[:0]
	if len(toks) > len(pb) {
		passive, by = make([]bool, len(toks)), make([]bool, len(toks))
	}
	passive, by = passive[:len(toks)], by[:len(toks)]
	for _, t := range toks {
		if t.Head < 0 {
			continue
		}
		switch {
		case t.Rel == "aux:pass":
			passive[t.Head] = true
		case t.Rel == "case" && strings.EqualFold(t.Text, "by"):
			by[t.Head] = true
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Head < 0 {
			continue
		}
		switch t.Rel {
		case "nsubj", "nsubj:pass":
			t.Rel = pick(passive[t.Head], "nsubj:pass", "nsubj")
		case "csubj", "csubj:pass":
			t.Rel = pick(passive[t.Head], "csubj:pass", "csubj")
		case "obl", "obl:agent":
			t.Rel = pick(by[i] && toks[t.Head].XPOS == "VBN", "obl:agent", "obl")
		}
	}
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}
