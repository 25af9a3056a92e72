package syntax

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger is a greedy averaged perceptron over one tag set that pairs
// the universal part of speech with the Penn tag ("VERB VBN"), so the two
// always agree. It tags in two passes, right to left and then left to
// right, the second reading the first's tags of the words to its right.
// Frequent words that the treebank always tags one way are tagged from a
// table without scoring.

// wordInfo holds the hashed atoms of one token, computed once per sentence.
type wordInfo struct {
	form, lower, shape     uint64
	suf1, suf2, suf3, suf4 uint64
	pre1, pre2             uint64
	flags                  uint64 // capitalised, all caps, digit, hyphen, first
	known                  uint64 // what dyad's dictionaries say the token starts, 0 if nothing
	amb                    uint64 // the word's ambiguity class: the tags the treebank gives it
}

// Boundary atoms for positions before the first and after the last token.
var (
	startInfo = boundary("-START-")
	endInfo   = boundary("-END-")
)

func boundary(s string) wordInfo {
	h := hashString(s)
	return wordInfo{form: h, lower: h, shape: h, suf1: h, suf2: h, suf3: h, suf4: h, pre1: h, pre2: h, amb: h}
}

// unknownAmb is the ambiguity class of a word the treebank has too few
// times to give it one.
const unknownAmb = 1

// describe fills infos with the atoms of words; amb gives ambiguity
// classes by lower-case form.
func describe(words []string, known []uint64, amb *table, infos []wordInfo) {
	for i, w := range words {
		lw := strings.ToLower(w)
		in := &infos[i]
		in.form = hashString(w)
		in.lower = hashString(lw)
		in.shape = shapeHash(w)
		in.suf1 = hashString(suffix(lw, 1)) ^ 1
		in.suf2 = hashString(suffix(lw, 2)) ^ 2
		in.suf3 = hashString(suffix(lw, 3)) ^ 3
		in.suf4 = hashString(suffix(lw, 4)) ^ 4
		in.pre1 = hashString(prefix(lw, 1)) ^ 5
		in.pre2 = hashString(prefix(lw, 2)) ^ 6
		in.flags = wordFlags(w, i == 0)
		in.known = 0
		if known != nil {
			in.known = known[i]
		}
		in.amb = unknownAmb
		if r, ok := amb.find(ambKey(in.lower)); ok {
			in.amb = uint64(r) + 2
		}
	}
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// shape maps letters to X or x and digits to d, collapsing runs longer
// than two: "Beijing" → "Xxx", "U.S." → "X.X.", "1,500" → "d,ddd".
func shape(w string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		b.WriteRune(c)
	}
	return b.String()
}

// shapeHash is hashString(shape(w)), computed without building the
// shape.
func shapeHash(w string) uint64 {
	h := uint64(14695981039346656037)
	var last rune
	run := 0
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		if c < utf8.RuneSelf {
			h ^= uint64(c)
			h *= 1099511628211
			continue
		}
		var b [utf8.UTFMax]byte
		for _, x := range utf8.AppendRune(b[:0], c) {
			h ^= uint64(x)
			h *= 1099511628211
		}
	}
	return h
}

func wordFlags(w string, first bool) uint64 {
	var f uint64
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		f |= 1
	}
	if allCaps(w) {
		f |= 2
	}
	if strings.ContainsAny(w, "0123456789") {
		f |= 4
	}
	if strings.Contains(w, "-") {
		f |= 8
	}
	if first {
		f |= 16
	}
	return f + 100
}

// allCaps reports whether w has a letter that lower-casing changes and
// none that upper-casing changes: w == strings.ToUpper(w) && w !=
// strings.ToLower(w), without making either. An invalid byte is not caps: both functions
// would write it as U+FFFD, so w would equal neither.
func allCaps(w string) bool {
	lowers := false
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		lowers = lowers || unicode.ToLower(r) != r
	}
	return lowers
}

// tagger assigns each token a class of tags.
type tagger struct {
	upos, xpos []string // by class
	// frequent maps a word form's hash to its class + 1 when the treebank
	// tags that frequent form one way almost always.
	frequent table
	// w scores the first, right-to-left pass; second, when set, the
	// left-to-right pass that also sees the first pass's tags.
	second scorer
	// amb maps a lower-case form to its ambiguity class: a number for
	// the set of tags the treebank gives the word at least 5% of the time.
	amb table
	w   scorer
	// names is set when the model reads dyad's dictionaries (Model.names).
	names bool
}

func ambKey(lower uint64) uint64 { return feat(98, lower, 0, 0) }

func (t *tagger) nclass() int { return len(t.upos) }

// around returns the atoms of the token k places from token i, or of the
// sentence boundary.
func around(infos []wordInfo, i, k int) *wordInfo {
	switch j := i + k; {
	case j < 0:
		return &startInfo
	case j >= len(infos):
		return &endInfo
	default:
		return &infos[j]
	}
}

// rightFeatures appends what the second pass reads besides the first
// pass's features: the first pass's tags of token i and the two after it,
// with the second pass's tag of the token before.
func rightFeatures(buf []uint64, infos []wordInfo, i int, prev int, first []int) []uint64 {
	w := &infos[i]
	r1, r2 := uint64(1000), uint64(1000)
	if i+1 < len(first) {
		r1 = uint64(first[i+1] + 10)
	}
	if i+2 < len(first) {
		r2 = uint64(first[i+2] + 10)
	}
	f0, t1 := uint64(first[i]+10), uint64(prev+1)
	return append(buf,
		feat(50, r1, 0, 0),
		feat(51, r2, 0, 0),
		feat(52, r1, r2, 0),
		feat(53, w.lower, r1, 0),
		feat(54, t1, r1, 0),
		feat(55, w.suf3, r1, 0),
		feat(56, f0, 0, 0),
		feat(57, f0, w.lower, 0),
		feat(58, t1, f0, r1),
		feat(59, w.amb, r1, 0),
		feat(60, f0, r1, 0),
		feat(61, t1, f0, 0),
	)
}

// tagBias is the first feature of every token, the same for all.
var tagBias = feat(0, 0, 0, 0)

// tagFeatures appends the features of token i given the classes of the
// two tokens before it; with names, also what dyad's dictionaries say of
// the token and its neighbours (without, those features would only repeat
// others, the dictionaries saying nothing of any word). They are, in the
// order the model was trained with, the bias, the word's own features and
// those of its context, in two runs each (spelling then context, then the
// word's classes then theirs).
func tagFeatures(buf []uint64, infos []wordInfo, i int, prev, prev2 int, names bool) []uint64 {
	w := &infos[i]
	buf = append(buf, tagBias)
	buf = spellingFeatures(buf, w)
	buf = neighbourFeatures(buf, infos, i, prev, prev2)
	buf = classFeatures(buf, w)
	return contextClassFeatures(buf, infos, i, prev, names)
}

// wordFeatures appends the features of a token that depend on the word
// alone (its spelling, shape, capitals, position first or not and
// ambiguity class), the same for every token of that word type.
func wordFeatures(buf []uint64, w *wordInfo) []uint64 {
	return classFeatures(spellingFeatures(buf, w), w)
}

// contextFeatures appends the features of token i that depend on its
// neighbours and the tags before it: tagFeatures less the bias and
// wordFeatures.
func contextFeatures(buf []uint64, infos []wordInfo, i int, prev, prev2 int, names bool) []uint64 {
	buf = neighbourFeatures(buf, infos, i, prev, prev2)
	return contextClassFeatures(buf, infos, i, prev, names)
}

func spellingFeatures(buf []uint64, w *wordInfo) []uint64 {
	return append(buf,
		feat(1, w.lower, 0, 0),
		feat(2, w.form, 0, 0),
		feat(3, w.suf1, 0, 0),
		feat(4, w.suf2, 0, 0),
		feat(5, w.suf3, 0, 0),
		feat(6, w.suf4, 0, 0),
		feat(7, w.pre1, 0, 0),
		feat(8, w.pre2, 0, 0),
		feat(9, w.shape, 0, 0),
		feat(10, w.flags, 0, 0),
	)
}

func neighbourFeatures(buf []uint64, infos []wordInfo, i int, prev, prev2 int) []uint64 {
	w, p1, p2, n1, n2 := around(infos, i, 0), around(infos, i, -1), around(infos, i, -2), around(infos, i, 1), around(infos, i, 2)
	t1, t2 := uint64(prev+1), uint64(prev2+1)
	return append(buf,
		feat(11, t1, 0, 0),
		feat(12, t2, 0, 0),
		feat(13, t1, t2, 0),
		feat(14, t1, w.lower, 0),
		feat(15, t1, w.suf3, 0),
		feat(16, p1.lower, 0, 0),
		feat(17, p1.suf3, 0, 0),
		feat(18, p1.shape, 0, 0),
		feat(19, p2.lower, 0, 0),
		feat(20, n1.lower, 0, 0),
		feat(21, n1.suf3, 0, 0),
		feat(22, n1.shape, 0, 0),
		feat(23, n2.lower, 0, 0),
		feat(24, n2.suf3, 0, 0),
		feat(25, p1.lower, w.lower, 0),
		feat(26, w.lower, n1.lower, 0),
		feat(27, t1, w.lower, n1.lower),
	)
}

func classFeatures(buf []uint64, w *wordInfo) []uint64 {
	return append(buf,
		feat(28, w.flags, w.suf3, 0),
		feat(34, w.amb, 0, 0),
	)
}

func contextClassFeatures(buf []uint64, infos []wordInfo, i int, prev int, names bool) []uint64 {
	w, p1, n1, n2 := around(infos, i, 0), around(infos, i, -1), around(infos, i, 1), around(infos, i, 2)
	t1 := uint64(prev + 1)
	buf = append(buf,
		feat(35, n1.amb, 0, 0),
		feat(36, n2.amb, 0, 0),
		feat(37, w.amb, n1.amb, 0),
		feat(38, t1, w.amb, 0),
		feat(39, w.amb, n1.amb, n2.amb),
		feat(40, p1.amb, w.amb, 0),
		feat(41, w.lower, n1.amb, 0),
		feat(42, w.suf3, n1.amb, 0),
	)
	if !names {
		return buf
	}
	return append(buf,
		feat(29, w.known, w.flags, 0),
		feat(30, w.known, n1.lower, 0),
		feat(31, w.known, t1, 0),
		feat(32, n1.known, w.lower, 0),
		feat(33, p1.known, w.lower, 0),
	)
}

// tag fills classes (len(infos)) with the tag class of each token; first
// and sure (len(infos)) are scratch space. The second pass rescores only
// the tokens the first pass was unsure of: a first-pass tag that beats the
// runner-up by sureMargin or more is kept.
//
// sums, when not nil, holds a cache of word sums for each pass
// (wordSums); training, whose weights change, passes nil.
func (t *tagger) tag(infos []wordInfo, classes, first []int, sure []bool, scores []float32, buf *[]uint64, sums *[2]wordSums) {
	var s0, s1 *wordSums
	if sums != nil {
		s0, s1 = &sums[0], &sums[1]
	}
	if t.second == nil {
		t.pass(t.w, s0, infos, classes, nil, nil, scores, buf)
		return
	}
	t.pass(t.w, s0, infos, first, nil, sure, scores, buf)
	t.pass(t.second, s1, infos, classes, first, sure, scores, buf)
}

// sureMargin is how far, in score units, a first-pass tag must beat the
// runner-up for the second pass to keep it without rescoring: chosen on
// the EWT development set as the smallest margin that changes no tag
// there, it spares the second pass about two tokens in three.
const sureMargin = 40

// pass tags infos with weights w. The first pass (first nil) goes right
// to left and records in sure which tags it is sure of; the second goes
// left to right, also reads the first pass's tags and keeps the sure ones.
func (t *tagger) pass(w scorer, sums *wordSums, infos []wordInfo, classes, first []int, sure []bool, scores []float32, buf *[]uint64) {
	prev, prev2 := -1, -2
	for k := range infos {
		i := at(k, len(infos), first == nil)
		c, ok := t.frequentClass(infos[i])
		switch {
		case ok:
		case first != nil && sure[i]:
			c = first[i]
		default:
			t.score(w, sums, infos, i, prev, prev2, first, scores, buf)
			var margin float32
			c, margin = best2(scores)
			if first == nil && sure != nil {
				sure[i] = margin >= sureMargin
			}
		}
		classes[i] = c
		prev2, prev = prev, c
	}
}

// retag tags the tokens from position from on again with the second
// pass, which reads the tags before them as they now stand; first holds
// the first pass's tags.
func (t *tagger) retag(infos []wordInfo, classes, first []int, from int, scores []float32, buf *[]uint64, sums *wordSums) {
	for i := from; i < len(infos); i++ {
		if _, ok := t.frequentClass(infos[i]); ok {
			continue
		}
		prev, prev2 := -1, -2
		if i >= 1 {
			prev, prev2 = classes[i-1], -1
		}
		if i >= 2 {
			prev2 = classes[i-2]
		}
		t.score(t.second, sums, infos, i, prev, prev2, first, scores, buf)
		classes[i], _ = best2(scores)
	}
}

// at is the position of the k-th of n tokens a pass visits: the first
// pass goes right to left, so the second, going left to right, reads tags
// to its right that were chosen knowing what follows them.
func at(k, n int, backward bool) int {
	if backward {
		return n - 1 - k
	}
	return k
}

// best2 returns the index of the highest score and its lead over the
// second highest.
func best2(scores []float32) (int, float32) {
	best, second := 0, float32(math.Inf(-1))
	for i := 1; i < len(scores); i++ {
		switch s := scores[i]; {
		case s > scores[best]:
			best, second = i, scores[best]
		case s > second:
			second = s
		}
	}
	return best, scores[best] - second
}

// features appends the features of token i in a pass.
func (t *tagger) features(buf []uint64, infos []wordInfo, i, prev, prev2 int, first []int) []uint64 {
	buf = tagFeatures(buf, infos, i, prev, prev2, t.names)
	if first != nil {
		buf = rightFeatures(buf, infos, i, prev, first)
	}
	return buf
}

// score sets scores to the class scores of token i under w. With frozen
// weights and sums, the bias and word features are summed once per word
// type (wordSums) and only the context features are looked up; the sums
// are integers, so the scores are the same to the bit.
func (t *tagger) score(w scorer, sums *wordSums, infos []wordInfo, i, prev, prev2 int, first []int, scores []float32, buf *[]uint64) {
	clear(scores)
	fw, ok := w.(*weights)
	if !ok || sums == nil {
		*buf = t.features((*buf)[:0], infos, i, prev, prev2, first)
		w.score(*buf, scores)
		return
	}
	var acc, word [256]int32
	sum, ok := sums.find(&infos[i], len(scores))
	*buf = (*buf)[:0]
	if !ok {
		// Not met yet: the word features are looked up with the
		// context's, in one round, and their sum kept.
		if !fw.start(&word, tagBias) {
			*buf = append(*buf, tagBias)
		}
		*buf = wordFeatures(*buf, &infos[i])
	}
	nw := len(*buf)
	*buf = contextFeatures(*buf, infos, i, prev, prev2, t.names)
	if first != nil {
		*buf = rightFeatures(*buf, infos, i, prev, first)
	}
	fw.addSplit(&word, nw, &acc, *buf)
	if !ok {
		copy(sum, word[:len(sum)])
	}
	for c, v := range sum {
		acc[c] += v
	}
	fw.scaled(&acc, scores)
}

func (t *tagger) frequentClass(in wordInfo) (int, bool) {
	r, ok := t.frequent.find(frequentKey(in.form))
	return int(r), ok
}

func frequentKey(form uint64) uint64 { return feat(99, form, 0, 0) }

// argmax returns the index of the highest score among the allowed ones
// (all when allowed is nil); ties go to the lowest index.
func argmax(scores []float32, allowed []bool) int {
	best := -1
	for i, s := range scores {
		if allowed != nil && !allowed[i] {
			continue
		}
		if best < 0 || s > scores[best] {
			best = i
		}
	}
	return best
}
