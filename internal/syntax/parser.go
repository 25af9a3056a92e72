package syntax

// The parser is a greedy arc-hybrid transition parser (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) scored by an averaged perceptron over the rich
// feature set of Zhang and Nivre (2011), trained with the dynamic oracle
// of Goldberg and Nivre (2013). Each arc gets its relation from a second
// perceptron the moment it is made, so later decisions see the labels of
// the children already attached.
//
// Words are numbered from 1; 0 is the artificial root, which sits at the
// bottom of the stack. The root word is attached last, when the buffer is
// empty, so every parse has exactly one root.

// Transitions.
const (
	shift = iota
	left  // s0 becomes a dependent of b0
	right // s0 becomes a dependent of s1
	ntrans
)

const none = -1

// state is a parser configuration.
type state struct {
	n      int // words; they are 1..n
	stack  []int
	b      int // front of the buffer; n+1 when empty
	heads  []int
	labels []int
	// leftmost and second leftmost, rightmost and second rightmost
	// children, none when absent; counts of left and right children and
	// the sets of their labels.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	grow := func(x []int, v int) []int {
		if cap(x) < n+1 {
			x = make([]int, n+1)
		}
		x = x[:n+1]
		for i := range x {
			x[i] = v
		}
		return x
	}
	s.heads, s.labels = grow(s.heads, none), grow(s.labels, none)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1, none), grow(s.lc2, none), grow(s.rc1, none), grow(s.rc2, none)
	s.nl, s.nr = grow(s.nl, 0), grow(s.nr, 0)
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	clear(s.lset)
	clear(s.rset)
}

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 1 }

func (s *state) s(i int) int {
	if i >= len(s.stack) {
		return none
	}
	return s.stack[len(s.stack)-1-i]
}

func (s *state) buf(i int) int {
	if s.b+i > s.n {
		return none
	}
	return s.b + i
}

// legal fills ok with the transitions allowed in s.
func (s *state) legal(ok *[ntrans]bool) {
	bufEmpty := s.b > s.n
	ok[shift] = !bufEmpty
	ok[left] = !bufEmpty && len(s.stack) > 1
	// Only the last word standing is attached to the root.
	ok[right] = len(s.stack) > 2 || (len(s.stack) == 2 && bufEmpty)
}

// forced returns the one transition ok allows, or none when it allows
// several. A forced transition needs no scoring: the parser starts every
// word that finds the stack empty with a shift and ends with a right arc
// for each word left on the stack, about one state in six on EWT.
func forced(ok *[ntrans]bool) int {
	t := none
	for i, b := range ok {
		if b {
			if t != none {
				return none
			}
			t = i
		}
	}
	return t
}

// apply makes transition t; for an arc, it returns the head and dependent.
func (s *state) apply(t int) (head, dep int) {
	switch t {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
		return none, none
	case left:
		dep, head = s.s(0), s.b
	default:
		dep, head = s.s(0), s.s(1)
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.heads[dep] = head
	if dep < head {
		s.nl[head]++
		if s.lc1[head] == none || dep < s.lc1[head] {
			s.lc2[head], s.lc1[head] = s.lc1[head], dep
		} else if s.lc2[head] == none || dep < s.lc2[head] {
			s.lc2[head] = dep
		}
	} else {
		s.nr[head]++
		if s.rc1[head] == none || dep > s.rc1[head] {
			s.rc2[head], s.rc1[head] = s.rc1[head], dep
		} else if s.rc2[head] == none || dep > s.rc2[head] {
			s.rc2[head] = dep
		}
	}
	return head, dep
}

// setLabel records the relation of dep to its head.
func (s *state) setLabel(head, dep, label int) {
	s.labels[dep] = label
	bit := uint64(1) << (uint(label) & 63)
	if dep < head {
		s.lset[head] |= bit
	} else {
		s.rset[head] |= bit
	}
}

// costs fills c with the number of gold arcs each legal transition makes
// unreachable (the dynamic oracle of Goldberg and Nivre 2013 for the
// arc-hybrid system). gold holds each word's head.
func (s *state) costs(gold []int, ok *[ntrans]bool, c *[ntrans]int) {
	*c = [ntrans]int{}
	s0, s1, b0 := s.s(0), s.s(1), s.buf(0)
	// Words in the buffer after b0 that have gold head h, or that are
	// the gold head of d.
	depsIn := func(h, from int) int {
		k := 0
		for d := from; d <= s.n; d++ {
			if gold[d] == h {
				k++
			}
		}
		return k
	}
	inBuf := func(x, from int) bool { return x >= from && x <= s.n && from <= s.n }
	if ok[shift] {
		// b0 loses a head or dependents still on the stack below s0
		// (its head may be s0: a right arc can still make it).
		for k, w := range s.stack {
			if gold[w] == b0 {
				c[shift]++
			}
			if k < len(s.stack)-1 && gold[b0] == w {
				c[shift]++
			}
		}
	}
	if ok[left] {
		// s0 leaves the stack attached to b0: it loses a head in s1 or
		// further in the buffer, and any dependents in the buffer.
		h := gold[s0]
		if (h == s1 && s1 != none) || inBuf(h, b0+1) {
			c[left]++
		}
		c[left] += depsIn(s0, b0)
	}
	if ok[right] {
		// s0 leaves attached to s1: it loses a head in the buffer and
		// any dependents there.
		if b0 != none && inBuf(gold[s0], b0) {
			c[right]++
		}
		if b0 != none {
			c[right] += depsIn(s0, b0)
		}
	}
}

// atoms are the per-word values parser features combine: the hashed
// lower-case form and the tag class of each word, 0 being the root.
type atoms struct {
	word []uint64
	tag  []uint64
}

const (
	noneAtom = 1
	rootTag  = 2
	tagBase  = 10 // tag class c is atom tagBase+c
)

var rootWord = hashString("-ROOT-")

func (a *atoms) reset(infos []wordInfo, classes []int) {
	n := len(infos)
	if cap(a.word) < n+1 {
		a.word, a.tag = make([]uint64, n+1), make([]uint64, n+1)
	}
	a.word, a.tag = a.word[:n+1], a.tag[:n+1]
	a.word[0], a.tag[0] = rootWord, rootTag
	for i := range infos {
		a.word[i+1] = infos[i].lower
		a.tag[i+1] = uint64(tagBase + classes[i])
	}
}

// dist buckets the distance between two words.
func dist(a, b int) uint64 {
	if a == none || b == none {
		return noneAtom
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(10 + d)
	case d <= 7:
		return 15
	}
	return 16
}

// parseFeatures appends the features of state s.
func parseFeatures(buf []uint64, s *state, a *atoms) []uint64 {
	W := func(i int) uint64 {
		if i == none {
			return noneAtom
		}
		return a.word[i]
	}
	P := func(i int) uint64 {
		if i == none {
			return noneAtom
		}
		return a.tag[i]
	}
	L := func(i int) uint64 {
		if i == none || s.labels[i] == none {
			return noneAtom
		}
		return uint64(10 + s.labels[i])
	}
	child := func(x []int, i int) int {
		if i == none {
			return none
		}
		return x[i]
	}
	count := func(x []int, i int) uint64 {
		if i == none {
			return noneAtom
		}
		return uint64(10 + min(x[i], 5))
	}
	set := func(x []uint64, i int) uint64 {
		if i == none {
			return noneAtom
		}
		return x[i] + 7
	}
	s0, s1, s2 := s.s(0), s.s(1), s.s(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	s0l, s0l2, s0r, s0r2 := child(s.lc1, s0), child(s.lc2, s0), child(s.rc1, s0), child(s.rc2, s0)
	s1l, s1r, s1r2 := child(s.lc1, s1), child(s.rc1, s1), child(s.rc2, s1)
	b0l, b0l2 := child(s.lc1, b0), child(s.lc2, b0)

	s0w, s0p, s1w, s1p, b0w, b0p := W(s0), P(s0), W(s1), P(s1), W(b0), P(b0)
	b1w, b1p, b2w, b2p, s2w, s2p := W(b1), P(b1), W(b2), P(b2), W(s2), P(s2)
	d := dist(s0, b0)
	d1 := dist(s1, s0)
	// nb is the tag of the word k places from word i in the sentence.
	nb := func(i, k int) uint64 {
		if i == none || i+k < 1 || i+k > s.n {
			return noneAtom
		}
		return a.tag[i+k]
	}
	return append(buf,
		// Single words.
		feat(100, s0w, s0p, 0), feat(101, s0w, 0, 0), feat(102, s0p, 0, 0),
		feat(103, s1w, s1p, 0), feat(104, s1w, 0, 0), feat(105, s1p, 0, 0),
		feat(106, b0w, b0p, 0), feat(107, b0w, 0, 0), feat(108, b0p, 0, 0),
		feat(109, b1w, b1p, 0), feat(110, b1w, 0, 0), feat(111, b1p, 0, 0),
		feat(112, b2w, b2p, 0), feat(113, b2w, 0, 0), feat(114, b2p, 0, 0),
		feat(115, s2w, s2p, 0), feat(116, s2p, 0, 0),
		// Pairs.
		feat(120, mix(s0w, s0p), mix(b0w, b0p), 0),
		feat(121, mix(s0w, s0p), b0w, 0),
		feat(122, s0w, mix(b0w, b0p), 0),
		feat(123, mix(s0w, s0p), b0p, 0),
		feat(124, s0p, mix(b0w, b0p), 0),
		feat(125, s0w, b0w, 0),
		feat(126, s0p, b0p, 0),
		feat(127, b0p, b1p, 0),
		feat(128, mix(s1w, s1p), mix(s0w, s0p), 0),
		feat(129, s1w, s0w, 0),
		feat(130, s1p, s0p, 0),
		feat(131, mix(s1w, s1p), s0p, 0),
		feat(132, s1p, mix(s0w, s0p), 0),
		feat(133, s1p, b0p, 0),
		feat(134, s1w, b0w, 0),
		// Triples of tags.
		feat(140, b0p, b1p, b2p),
		feat(141, s0p, b0p, b1p),
		feat(142, s1p, s0p, b0p),
		feat(143, s2p, s1p, s0p),
		feat(144, s0p, P(s0l), b0p),
		feat(145, s0p, P(s0r), b0p),
		feat(146, s0p, b0p, P(b0l)),
		feat(147, s1p, s0p, P(s0l)),
		feat(148, s1p, s0p, P(s0r)),
		feat(149, s1p, P(s1r), s0p),
		feat(150, s1p, P(s1l), s0p),
		feat(151, s0w, b0p, b1p),
		feat(152, s0p, b0w, b1p),
		feat(153, s1w, s0p, b0p),
		feat(154, s1p, s0w, b0p),
		// Distance.
		feat(160, s0w, d, 0), feat(161, s0p, d, 0), feat(162, b0w, d, 0), feat(163, b0p, d, 0),
		feat(164, s0w, b0w, d), feat(165, s0p, b0p, d),
		feat(166, s1p, s0p, d1), feat(167, s1w, s0w, d1),
		// Valency.
		feat(170, s0w, count(s.nr, s0), 0), feat(171, s0p, count(s.nr, s0), 0),
		feat(172, s0w, count(s.nl, s0), 0), feat(173, s0p, count(s.nl, s0), 0),
		feat(174, b0w, count(s.nl, b0), 0), feat(175, b0p, count(s.nl, b0), 0),
		feat(176, s1p, count(s.nr, s1), 0), feat(177, s1p, count(s.nl, s1), 0),
		// Children.
		feat(180, W(s0l), 0, 0), feat(181, P(s0l), 0, 0), feat(182, L(s0l), 0, 0),
		feat(183, W(s0r), 0, 0), feat(184, P(s0r), 0, 0), feat(185, L(s0r), 0, 0),
		feat(186, W(b0l), 0, 0), feat(187, P(b0l), 0, 0), feat(188, L(b0l), 0, 0),
		feat(189, W(s1r), 0, 0), feat(190, P(s1r), 0, 0), feat(191, L(s1r), 0, 0),
		feat(192, P(s1l), L(s1l), 0),
		// Second children.
		feat(200, W(s0l2), 0, 0), feat(201, P(s0l2), 0, 0), feat(202, L(s0l2), 0, 0),
		feat(203, W(s0r2), 0, 0), feat(204, P(s0r2), 0, 0), feat(205, L(s0r2), 0, 0),
		feat(206, W(b0l2), 0, 0), feat(207, P(b0l2), 0, 0), feat(208, L(b0l2), 0, 0),
		feat(209, s0p, P(s0l), P(s0l2)),
		feat(210, s0p, P(s0r), P(s0r2)),
		feat(211, b0p, P(b0l), P(b0l2)),
		feat(212, s1p, P(s1r), P(s1r2)),
		feat(213, s0p, L(s0l), L(s0r)),
		feat(214, b0p, L(b0l), s0p),
		// Label sets.
		feat(220, s0w, set(s.rset, s0), 0), feat(221, s0p, set(s.rset, s0), 0),
		feat(222, s0w, set(s.lset, s0), 0), feat(223, s0p, set(s.lset, s0), 0),
		feat(224, b0w, set(s.lset, b0), 0), feat(225, b0p, set(s.lset, b0), 0),
		feat(226, s1p, set(s.rset, s1), 0), feat(227, s1p, set(s.lset, s1), s0p),
		// Neighbours in the sentence, and further into the buffer.
		feat(230, P(s.buf(3)), b2p, b1p),
		feat(231, s0p, nb(s0, 1), b0p),
		feat(232, s0p, nb(s0, -1), b0p),
		feat(233, s0p, nb(b0, -1), b0p),
		feat(234, s0p, s0w, nb(s0, 1)),
		feat(235, s1p, nb(s1, 1), s0p),
		feat(236, b0p, nb(b0, -1), nb(b0, 1)),
	)
}

// The direction of an arc, a label feature's atom.
const (
	rightDep = 3 // the dependent after its head
	leftDep  = 4
)

// labelLead is the first feature of an arc's label, its direction alone.
func labelLead(dir uint64) uint64 { return feat(300, dir, 0, 0) }

// labelFeatures appends the features for the relation of dep to head.
func labelFeatures(buf []uint64, s *state, a *atoms, head, dep int) []uint64 {
	word := func(i int) uint64 {
		if i < 0 || i > s.n {
			return noneAtom
		}
		return a.word[i]
	}
	tag := func(i int) uint64 {
		if i < 0 || i > s.n {
			return noneAtom
		}
		return a.tag[i]
	}
	dir := uint64(rightDep)
	if dep < head {
		dir = leftDep
	}
	hw, hp, dw, dp := word(head), tag(head), word(dep), tag(dep)
	d := dist(head, dep)
	return append(buf,
		labelLead(dir),
		feat(301, hw, dir, 0), feat(302, hp, dir, 0),
		feat(303, dw, dir, 0), feat(304, dp, dir, 0),
		feat(305, hp, dp, dir), feat(306, hw, dp, dir), feat(307, hp, dw, dir),
		feat(308, hw, dw, dir),
		feat(309, hp, dp, d), feat(310, dp, d, dir),
		feat(311, dp, tag(dep-1), tag(dep+1)),
		feat(312, dp, tag(dep+1), dir),
		feat(313, dp, tag(dep-1), dir),
		feat(314, hp, tag(head-1), dp),
		feat(315, hp, tag(head+1), dp),
		feat(316, hp, dp, s.lset[head]+s.rset[head]),
		feat(317, dp, s.lset[dep]+7, dir),
		feat(318, dp, s.rset[dep]+7, dir),
		feat(319, hp, dp, uint64(10+min(s.nl[head], 3))),
		feat(320, dw, word(dep+1), 0),
		feat(321, dw, word(dep-1), 0),
		feat(322, hp, dp, s.lset[dep]+s.rset[dep]),
		feat(323, dp, tagOf(a, s.lc1[dep]), dir),
		// The function words a relation shows in: the case marker of a
		// nominal ("by" for a passive agent), the auxiliary of a verb
		// ("were" for a passive subject).
		feat(324, dp, wordOf(a, s.lc1[dep]), dir),
		feat(325, hw, wordOf(a, s.lc1[dep]), dir),
		feat(326, hp, wordOf(a, s.lc1[head]), dp),
		feat(327, hp, wordOf(a, s.lc1[head]), wordOf(a, s.lc2[head])),
		feat(328, dw, wordOf(a, s.lc1[dep]), hp),
	)
}

// tagOf and wordOf are the atoms of word i, or noneAtom.
func tagOf(a *atoms, i int) uint64 {
	if i == none {
		return noneAtom
	}
	return a.tag[i]
}

func wordOf(a *atoms, i int) uint64 {
	if i == none {
		return noneAtom
	}
	return a.word[i]
}
