package conllu

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scores are the CoNLL 2018 shared task measures of a system's sentences
// against gold ones, over the whole file.
type Scores struct {
	Sentences int // gold sentences
	Words     int // gold words

	// Tokens, WordsF1 and SentencesF1 score segmentation: the F1 of token,
	// word and sentence spans over the text. All three are 1 on gold
	// tokenization and sentence splitting.
	Tokens, WordsF1, SentencesF1 float64

	// UPOS, XPOS, Lemma, UAS and LAS are F1 over aligned words, which
	// equals accuracy when the tokenization is gold. As in the 2018 script,
	// LAS compares only the universal part of the relation ("nsubj" for
	// "nsubj:pass"), and a gold lemma "_" matches any system lemma.
	UPOS, XPOS, Lemma, UAS, LAS float64
	// LASFull is LAS on the full relation, subtype included.
	LASFull float64

	// Rel scores labelled attachment per full relation ("nsubj:pass",
	// "acl:relcl"): a system word labelled R counts toward R's precision,
	// a gold word labelled R toward its recall, and an aligned pair is
	// correct when both are labelled R and the system head is aligned to
	// the gold head.
	Rel map[string]PRF
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	P, R, F1              float64
	Gold, System, Correct int
}

func newPRF(gold, system, correct int) PRF {
	p := PRF{Gold: gold, System: system, Correct: correct}
	if system > 0 {
		p.P = float64(correct) / float64(system)
	}
	if gold > 0 {
		p.R = float64(correct) / float64(gold)
	}
	p.F1 = f1(gold, system, correct)
	return p
}

func f1(gold, system, correct int) float64 {
	if gold+system == 0 {
		return 0
	}
	return 2 * float64(correct) / float64(gold+system)
}

// Line returns the main scores on one line, three decimals each:
// "upos=0.951 xpos=0.942 lemma=0.970 uas=0.861 las=0.823 sentences=2077".
func (s Scores) Line() string {
	return fmt.Sprintf("upos=%.3f xpos=%.3f lemma=%.3f uas=%.3f las=%.3f sentences=%d",
		s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.Sentences)
}

// ErrTextMismatch is returned by Score when the system's tokens, spaces
// removed, do not spell the gold text.
var ErrTextMismatch = errors.New("system tokens do not spell the gold text")

// Score scores the system sentences against the gold ones as
// conll18_ud_eval.py does. Both sides are read as one text: the forms of
// their tokens with spaces removed, concatenated. The system may tokenize
// and split sentences differently, but its text must be the gold text, or
// Score returns an error wrapping ErrTextMismatch. Words are aligned by
// their spans in that text; where either side has a multiword token, the
// words of the smallest stretch that holds its multiword tokens whole are
// aligned by the longest common subsequence of their lowercased forms.
//
// Like the script, Score refuses sentences that are not trees: every head
// inside the sentence, one root, no cycle.
func Score(gold, system []*Sentence) (Scores, error) {
	g, err := load(gold)
	if err != nil {
		return Scores{}, fmt.Errorf("gold %w", err)
	}
	s, err := load(system)
	if err != nil {
		return Scores{}, fmt.Errorf("system %w", err)
	}
	if !bytes.Equal(g.text, s.text) {
		return Scores{}, g.mismatch(s, gold)
	}
	pairs := align(g.words, s.words)
	n := tally(g, s, pairs)
	ng, ns := len(g.words), len(s.words)
	return Scores{
		Sentences:   len(g.sentences),
		Words:       ng,
		Tokens:      spansF1(g.tokens, s.tokens),
		WordsF1:     f1(ng, ns, len(pairs)),
		SentencesF1: spansF1(g.sentences, s.sentences),
		UPOS:        f1(ng, ns, n.upos),
		XPOS:        f1(ng, ns, n.xpos),
		Lemma:       f1(ng, ns, n.lemma),
		UAS:         f1(ng, ns, n.uas),
		LAS:         f1(ng, ns, n.las),
		LASFull:     f1(ng, ns, n.lasFull),
		Rel:         relations(g, s, n.rel),
	}, nil
}

// counts are the aligned word pairs that agree on each measure.
type counts struct {
	upos, xpos, lemma, uas, las, lasFull int
	rel                                  map[string]int // lasFull by relation
}

// tally counts the aligned pairs that agree. A system word's head agrees
// when it is aligned with the gold word's head, or both are the root.
func tally(g, s *evalFile, pairs []pair) counts {
	toGold := make([]int, len(s.words))
	for i := range toGold {
		toGold[i] = notAligned
	}
	for _, p := range pairs {
		toGold[p.s] = p.g
	}
	n := counts{rel: make(map[string]int)}
	for _, p := range pairs {
		gw, sw := &g.words[p.g], &s.words[p.s]
		if gw.w.UPOS == sw.w.UPOS {
			n.upos++
		}
		if gw.w.XPOS == sw.w.XPOS {
			n.xpos++
		}
		if gw.w.Lemma == "_" || gw.w.Lemma == sw.w.Lemma {
			n.lemma++
		}
		sameHead := sw.head == gw.head && sw.head == root ||
			sw.head != root && toGold[sw.head] == gw.head
		if !sameHead {
			continue
		}
		n.uas++
		if universal(gw.w.Deprel) == universal(sw.w.Deprel) {
			n.las++
		}
		if gw.w.Deprel == sw.w.Deprel {
			n.lasFull++
			n.rel[gw.w.Deprel]++
		}
	}
	return n
}

// relations scores each relation found on either side, given the pairs
// correct for it.
func relations(g, s *evalFile, correct map[string]int) map[string]PRF {
	gold, system := make(map[string]int), make(map[string]int)
	for i := range g.words {
		gold[g.words[i].w.Deprel]++
	}
	for i := range s.words {
		system[s.words[i].w.Deprel]++
	}
	out := make(map[string]PRF, len(gold))
	for _, side := range []map[string]int{gold, system} {
		for rel := range side {
			out[rel] = newPRF(gold[rel], system[rel], correct[rel])
		}
	}
	return out
}

// universal returns the universal part of a relation, before any subtype.
func universal(deprel string) string {
	u, _, _ := strings.Cut(deprel, ":")
	return u
}

// Heads of evalWords and entries of toGold that are not word indexes.
const (
	root       = -1
	notAligned = -2
)

// span is a stretch [start, end) of byte offsets into evalFile.text. Both
// sides have the same text, so equal byte spans are equal character spans.
type span struct{ start, end int }

// evalWord is a word as the scorer sees it.
type evalWord struct {
	w *Word
	// span is the word's token: the whole multiword token for a word of
	// one, which is why those words are aligned by form instead.
	span  span
	multi bool
	head  int // index of the head in evalFile.words, or root
}

// evalFile is one side of the comparison, all sentences as one text.
type evalFile struct {
	text      []byte
	tokens    []span
	words     []evalWord
	sentences []span
	state     []uint8 // scratch for checkTree
}

// load builds one side's text, tokens, words and sentence spans, checking
// that each sentence is a tree.
func load(sentences []*Sentence) (*evalFile, error) {
	nwords := 0
	for _, s := range sentences {
		nwords += len(s.Words)
	}
	f := &evalFile{
		text:      make([]byte, 0, 8*nwords),
		words:     make([]evalWord, 0, nwords),
		tokens:    make([]span, 0, nwords),
		sentences: make([]span, 0, len(sentences)),
	}
	for i, s := range sentences {
		if err := f.add(s); err != nil {
			if id := s.ID(); id != "" {
				return nil, fmt.Errorf("sentence %d (%s): %w", i+1, id, err)
			}
			return nil, fmt.Errorf("sentence %d: %w", i+1, err)
		}
	}
	return f, nil
}

// add appends one sentence.
func (f *evalFile) add(s *Sentence) error {
	n := len(s.Words)
	if n == 0 {
		return errors.New("no words")
	}
	if err := f.checkTree(s.Words); err != nil {
		return err
	}
	first, start := len(f.words), len(f.text)
	mi := 0
	for i := 0; i < n; {
		w := &s.Words[i]
		form, last, multi := w.Form, w.ID, false
		if mi < len(s.MultiWords) && s.MultiWords[mi].First == w.ID {
			m := s.MultiWords[mi]
			if m.Last <= m.First || m.Last > n || (mi > 0 && m.First <= s.MultiWords[mi-1].Last) {
				return fmt.Errorf("range %d-%d out of order or outside the sentence", m.First, m.Last)
			}
			form, last, multi = m.Form, m.Last, true
			mi++
		}
		tok, err := f.token(form)
		if err != nil {
			return fmt.Errorf("word %d: %w", w.ID, err)
		}
		for ; i < last; i++ {
			f.words = append(f.words, evalWord{w: &s.Words[i], span: tok, multi: multi, head: root})
		}
	}
	if mi < len(s.MultiWords) {
		m := s.MultiWords[mi]
		return fmt.Errorf("range %d-%d out of order or outside the sentence", m.First, m.Last)
	}
	for i := first; i < len(f.words); i++ {
		if h := f.words[i].w.Head; h > 0 {
			f.words[i].head = first + h - 1
		}
	}
	f.sentences = append(f.sentences, span{start, len(f.text)})
	return nil
}

// token appends a token's form, spaces removed, to the text.
func (f *evalFile) token(form string) (span, error) {
	start := len(f.text)
	f.text = appendNoSpaces(f.text, form)
	if len(f.text) == start {
		return span{}, fmt.Errorf("form %q is empty without spaces", form)
	}
	tok := span{start, len(f.text)}
	f.tokens = append(f.tokens, tok)
	return tok, nil
}

// checkTree checks that the words' IDs are 1, 2, 3... and their heads form
// a tree: every head inside the sentence, one root, no cycle.
func (f *evalFile) checkTree(words []Word) error {
	const (
		unseen = iota
		onPath
		done
	)
	n, roots := len(words), 0
	for i, w := range words {
		if w.ID != i+1 {
			return fmt.Errorf("word %d has ID %d", i+1, w.ID)
		}
		if w.Head < 0 || w.Head > n {
			return fmt.Errorf("word %d: HEAD %d outside the sentence of %d words", w.ID, w.Head, n)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	if cap(f.state) < n+1 {
		f.state = make([]uint8, n+1)
	}
	state := f.state[:n+1]
	clear(state)
	for id := 1; id <= n; id++ {
		k := id
		for k != 0 && state[k] == unseen {
			state[k] = onPath
			k = words[k-1].Head
		}
		if k != 0 && state[k] == onPath {
			return fmt.Errorf("word %d: its heads form a cycle", k)
		}
		for k = id; k != 0 && state[k] == onPath; k = words[k-1].Head {
			state[k] = done
		}
	}
	return nil
}

// appendNoSpaces appends form without its space separators (Unicode
// category Zs), so a side that keeps a space inside a token ("10 000")
// spells the same text as one that splits there.
func appendNoSpaces(b []byte, form string) []byte {
	for i := 0; i < len(form); {
		c := form[i]
		if c < utf8.RuneSelf {
			if c != ' ' {
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(form[i:])
		if !unicode.Is(unicode.Zs, r) {
			b = append(b, form[i:i+size]...)
		}
		i += size
	}
	return b
}

// mismatch describes where the system text s leaves the gold text f.
func (f *evalFile) mismatch(s *evalFile, gold []*Sentence) error {
	i := 0
	for i < len(f.text) && i < len(s.text) && f.text[i] == s.text[i] {
		i++
	}
	for i > 0 && i < len(f.text) && !utf8.RuneStart(f.text[i]) {
		i--
	}
	where := "at the end of the gold text"
	if k := sort.Search(len(f.sentences), func(k int) bool { return f.sentences[k].end > i }); k < len(f.sentences) {
		where = fmt.Sprintf("in gold sentence %d", k+1)
		if id := gold[k].ID(); id != "" {
			where += " (" + id + ")"
		}
	}
	return fmt.Errorf("%w: %s, gold %q, system %q", ErrTextMismatch, where, runes(f.text[i:], 20), runes(s.text[i:], 20))
}

// runes returns the first n characters of b.
func runes(b []byte, n int) string {
	for i := range string(b) {
		if n == 0 {
			return string(b[:i])
		}
		n--
	}
	return string(b)
}

// spansF1 is the F1 of span identity, as the script's spans_score.
func spansF1(gold, system []span) float64 {
	correct, gi, si := 0, 0, 0
	for gi < len(gold) && si < len(system) {
		switch {
		case system[si].start < gold[gi].start:
			si++
		case gold[gi].start < system[si].start:
			gi++
		default:
			if gold[gi].end == system[si].end {
				correct++
			}
			gi++
			si++
		}
	}
	return f1(len(gold), len(system), correct)
}

// pair is an aligned gold and system word, as indexes into their files.
type pair struct{ g, s int }

// align aligns gold and system words as the script's align_words: words
// outside multiword tokens by identical spans, the words of a multiword
// stretch by LCS of their lowercased forms.
func align(gold, system []evalWord) []pair {
	pairs := make([]pair, 0, len(gold))
	var lcs []int
	var gl, sl []string // lowercased forms of a stretch's words
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		if !gold[gi].multi && !system[si].multi {
			switch {
			case gold[gi].span == system[si].span:
				pairs = append(pairs, pair{gi, si})
				gi++
				si++
			case gold[gi].span.start <= system[si].span.start:
				gi++
			default:
				si++
			}
			continue
		}
		var gs, ss int
		gs, ss, gi, si = multiwordStretch(gold, system, gi, si)
		if gi == gs || si == ss {
			continue
		}
		ng, ns := gi-gs, si-ss
		gl, sl = lowerForms(gl, gold[gs:gi]), lowerForms(sl, system[ss:si])
		lcs = lcsTable(lcs, gl, sl)
		at := func(g, s int) int {
			if g >= ng || s >= ns {
				return 0
			}
			return lcs[g*ns+s]
		}
		for g, s := 0, 0; g < ng && s < ns; {
			switch {
			case gl[g] == sl[s]:
				pairs = append(pairs, pair{gs + g, ss + s})
				g++
				s++
			case at(g, s) == at(g+1, s):
				g++
			default:
				s++
			}
		}
	}
	return pairs
}

// multiwordStretch finds, from gold[gi] and system[si], one of which is in
// a multiword token, the smallest stretch that holds every multiword token
// it touches whole. It returns the stretch's first words and the words just
// after it, as the script's find_multiword_span.
func multiwordStretch(gold, system []evalWord, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].span.end
		if !system[si].multi && system[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = system[si].span.end
		if !gold[gi].multi && gold[gi].span.start < system[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyond(gold, gi, end) || !beyond(system, si, end) {
		if gi < len(gold) && (si >= len(system) || gold[gi].span.start <= system[si].span.start) {
			end = extend(&gold[gi], end)
			gi++
		} else {
			end = extend(&system[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

// beyond reports whether words[i] lies past a stretch ending at end.
func beyond(words []evalWord, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multi {
		return words[i].span.start >= end
	}
	return words[i].span.end > end
}

// extend returns the end of a stretch ending at end once it takes in w.
func extend(w *evalWord, end int) int {
	if w.multi && w.span.end > end {
		return w.span.end
	}
	return end
}

// lowerForms returns the lowercased forms of words in buf, reused.
func lowerForms(buf []string, words []evalWord) []string {
	buf = buf[:0]
	for i := range words {
		buf = append(buf, strings.ToLower(words[i].w.Form))
	}
	return buf
}

// lcsTable fills buf, reused between calls, with the table the script's
// compute_lcs builds: entry [g*len(system)+s] is the length of the longest
// common subsequence of gold[g:] and system[s:].
func lcsTable(buf []int, gold, system []string) []int {
	ng, ns := len(gold), len(system)
	if cap(buf) < ng*ns {
		buf = make([]int, ng*ns)
	}
	t := buf[:ng*ns]
	at := func(g, s int) int {
		if g >= ng || s >= ns {
			return 0
		}
		return t[g*ns+s]
	}
	for g := ng - 1; g >= 0; g-- {
		for s := ns - 1; s >= 0; s-- {
			v := 0
			if gold[g] == system[s] {
				v = 1 + at(g+1, s+1)
			}
			t[g*ns+s] = max(v, at(g+1, s), at(g, s+1))
		}
	}
	return t
}
