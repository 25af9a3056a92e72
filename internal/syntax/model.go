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
	modifierSubjects(toks)
	beObjects(toks)
	listSubjects(toks)
	bareAdverbials(toks)
	relativeMain(toks)
	adjectiveHeads(toks)
}

// adjectiveHeads attaches to its noun an adjective the parser attached to
// a verb or made the root: an adjective right before a noun modifies it
// ("Chinese President Xi Jinping met", "Indian Prime Minister Narendra
// Modi received"; amod takes a nominal head). When the adjective was the
// root, its first verb dependent (the clause's verb, which the parser
// hung on it as parataxis) takes its place; when it headed a noun after
// it ("received Japanese Prime Minister Fumio Kishida" read with "Fumio"
// an oblique of "Japanese"), that noun takes its place, as the verb's
// object when the verb has none and no preposition marks the noun.
func adjectiveHeads(toks []doc.Token) {
	for a := 0; a+1 < len(toks); a++ {
		t := &toks[a]
		if t.UPOS != "ADJ" || !strings.HasPrefix(toks[a+1].XPOS, "NN") || toks[a+1].Head == a {
			continue
		}
		if t.Head >= 0 && toks[t.Head].UPOS != "VERB" && toks[t.Head].UPOS != "AUX" {
			continue
		}
		heir, ok := -1, true
		for j := range toks {
			if toks[j].Head != a || toks[j].Rel == "punct" {
				continue
			}
			switch {
			case heir >= 0:
				ok = false
			case t.Head < 0 && toks[j].UPOS == "VERB" && j > a:
				heir = j
			case t.Head >= 0 && strings.HasPrefix(toks[j].XPOS, "NN") && j > a+1 && !hasChild(toks, j, "case") && !hasChild(toks, t.Head, "obj"):
				heir = j
			default:
				ok = false
			}
		}
		if !ok || t.Head < 0 && heir < 0 {
			continue
		}
		if heir >= 0 {
			for j := range toks {
				if toks[j].Head == a && j != heir {
					toks[j].Head = heir
				}
			}
			rel := "root"
			if t.Head >= 0 {
				rel = "obj"
			}
			toks[heir].Head, toks[heir].Rel = t.Head, rel
		}
		n := a + 1
		for toks[n].Head > n && (toks[n].Rel == "amod" || toks[n].Rel == "compound") {
			n = toks[n].Head
		}
		t.Head, t.Rel = n, "amod"
	}
}

// relativeMain finds the main verb the parser hung inside a relative
// clause: in "The rebels who seized the town in March released 12
// hostages" the parser makes the noun the root and "released" a conjunct
// of "seized". A verb joined to a relative clause's verb with no
// conjunction, comma, complementizer or subject of its own, when the noun
// the clause modifies heads the sentence, is the sentence's verb and that
// noun its subject; without an auxiliary it is a past tense, not a
// participle ("The ceasefire that the two sides agreed in May collapsed").
func relativeMain(toks []doc.Token) {
	n := -1
	for i, t := range toks {
		if t.Head < 0 {
			n = i
		}
	}
	if n < 0 || toks[n].UPOS != "NOUN" && toks[n].UPOS != "PROPN" && toks[n].UPOS != "PRON" {
		return
	}
	for r := n + 1; r < len(toks); r++ {
		if toks[r].Head != n || toks[r].Rel != "acl:relcl" || !relativeWord(toks, r) {
			continue
		}
		for v := r + 2; v < len(toks); v++ {
			t := &toks[v]
			if t.Head != r || t.UPOS != "VERB" || toks[v-1].Text == "," {
				continue
			}
			switch t.Rel {
			case "conj", "xcomp", "ccomp", "parataxis":
			default:
				continue
			}
			switch t.XPOS {
			case "VBD", "VBZ", "VBP", "VBN":
			default:
				continue
			}
			aux, free := false, true
			for _, c := range toks {
				if c.Head != v {
					continue
				}
				switch c.Rel {
				case "nsubj", "nsubj:pass", "cc", "mark", "expl":
					free = false
				case "aux", "aux:pass":
					aux = true
				}
			}
			if !free {
				continue
			}
			for j := v + 1; j < len(toks); j++ {
				if toks[j].Head == n {
					toks[j].Head = v
				}
			}
			t.Head, t.Rel = -1, "root"
			toks[n].Head, toks[n].Rel = v, "nsubj"
			if t.XPOS == "VBN" && !aux {
				t.XPOS = "VBD"
			}
			return
		}
	}
}

// bareAdverbials gives back to the verb the noun phrase the parser let a
// bare noun adverbial swallow: "last month", "next week", "this year"
// (obl:unmarked) are a determiner or adjective and a noun, so a noun the
// parser attached to that noun before its determiner or adjective heads
// a phrase of its own, the verb's object ("visited Shanghai last month",
// "will host Foreign Minister Sergei Lavrov next week").
func bareAdverbials(toks []doc.Token) {
	for h := 2; h < len(toks); h++ {
		t := &toks[h]
		w := &toks[h-1]
		if t.Rel != "obl:unmarked" || t.Head < 0 || w.Head != h || (w.Rel != "det" && w.Rel != "amod") {
			continue
		}
		if strings.EqualFold(w.Text, "a") || strings.EqualFold(w.Text, "an") {
			// A rate: "five times a year" is one adverbial.
			continue
		}
		verb := t.Head
		obj := -1
		for j := h - 2; j >= 0; j-- {
			if toks[j].Head == h && (toks[j].UPOS == "PROPN" || toks[j].UPOS == "NOUN") {
				obj = j
				break
			}
		}
		if obj < 0 || obj < verb || hasChild(toks, verb, "obj") {
			continue
		}
		for j := range toks {
			if j != obj && j < h-1 && toks[j].Head == h {
				toks[j].Head = obj
			}
		}
		toks[obj].Head, toks[obj].Rel = verb, "obj"
	}
}

// relativeWord reports whether the clause headed by r has a relative
// pronoun or "that" among its dependents.
func relativeWord(toks []doc.Token, r int) bool {
	for _, t := range toks {
		if t.Head == r && (t.XPOS == "WDT" || t.XPOS == "WP" || t.XPOS == "WP$" || strings.EqualFold(t.Text, "that")) {
			return true
		}
	}
	return false
}

// hasChild reports whether token i has a dependent with relation rel.
func hasChild(toks []doc.Token, i int, rel string) bool {
	for _, t := range toks {
		if t.Head == i && t.Rel == rel {
			return true
		}
	}
	return false
}

// listSubjects mends a list of names the parser cut in two: a verb has
// one subject, so a second subject that comes after a comma closing a
// name and heads the rest of a list ("experts from the United States,
// Britain, Australia and Sweden concluded") continues that name's list:
// it and its conjuncts become conjuncts of the list's first name.
func listSubjects(toks []doc.Token) {
	for k := 2; k < len(toks); k++ {
		t := &toks[k]
		if t.Rel != "nsubj" || t.Head < 0 || toks[k-1].Text != "," || toks[k-2].UPOS != "PROPN" {
			continue
		}
		other, list := false, false
		for j := range toks {
			switch {
			case j < k && toks[j].Head == t.Head && toks[j].Rel == "nsubj":
				other = true
			case toks[j].Head == k && toks[j].Rel == "conj":
				list = true
			}
		}
		if !other || !list {
			continue
		}
		first := k - 2
		for toks[first].Rel == "conj" && toks[first].Head >= 0 {
			first = toks[first].Head
		}
		for j := range toks {
			if toks[j].Head == k && toks[j].Rel == "conj" {
				toks[j].Head = first
			}
		}
		t.Head, t.Rel = first, "conj"
	}
}

// modifierSubjects relabels the subject the parser gave an adjectival
// modifier joined to it by a hyphen: an amod describes the noun it
// modifies and has no subject of its own, so the word before "-led" in "a
// South Korean-led team" is a compound of the participle, as English-EWT
// writes it ("US-based").
func modifierSubjects(toks []doc.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Head > i && toks[t.Head-1].Text == "-" && t.Rel == "nsubj" && toks[t.Head].Rel == "amod" {
			t.Rel = "compound"
		}
	}
}

// beObjects relabels the object the parser gave a form of "be": "be"
// takes no object, and the noun phrase after it when it heads its clause
// is its subject ("there have been tensions", "there will be some
// girls").
func beObjects(toks []doc.Token) {
	for i := range toks {
		if t := &toks[i]; t.Rel == "obj" && t.Head >= 0 && toks[t.Head].Lemma == "be" {
			t.Rel = "nsubj"
		}
	}
}

func (m *Model) tagWords(w *work) {
	var known []uint64
	if m.names.n > 0 {
		markNames(&m.names, w.words, w.known)
		known = w.known
	}
	describe(w.words, known, &m.tagger.amb, w.infos)
	m.tagger.tag(w.infos, w.classes, w.first, w.sure, w.scores[:m.tagger.nclass()], &w.feats)
	m.tagger.unknownAdverbs(w.words, w.infos, w.classes)
	if i := m.tagger.finite(w.words, w.classes); i >= 0 && m.tagger.second != nil {
		// The words after a verb the tagger missed are tagged again
		// knowing it: "down" after "shot" is its particle, not the
		// preposition of "down the road".
		m.tagger.retag(w.infos, w.classes, w.first, i+1, w.scores[:m.tagger.nclass()], &w.feats)
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
