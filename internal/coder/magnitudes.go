package coder

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/quant"
)

// magnitudesFile lists the verbs that carry counts of people and the
// events those counts describe. See its header.
//
//go:embed magnitudes.txt
var magnitudesFile string

// counts is the table of magnitudes.txt.
var counts = mustCounts(magnitudesFile)

// countTable is what magnitudes.txt says.
type countTable struct {
	verbs map[string]countVerb // by lemma
	roots map[string][]string  // the CAMEO roots each kind describes
}

// countVerb is a verb whose role gives a count of a kind.
type countVerb struct {
	kind, role string
}

func mustCounts(text string) countTable {
	t, err := readCounts(text)
	if err != nil {
		panic(err) // the embedded table is tested; this cannot happen
	}
	return t
}

func readCounts(text string) (countTable, error) {
	t := countTable{verbs: map[string]countVerb{}, roots: map[string][]string{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch {
		case f[0] == "kind" && len(f) >= 3:
			t.roots[f[1]] = f[2:]
		case f[0] == "verb" && len(f) == 4 && (f[3] == "patient" || f[3] == "agent"):
			if t.roots[f[2]] == nil {
				return t, fmt.Errorf("magnitudes.txt line %d: kind %q has no kind line above it", n, f[2])
			}
			t.verbs[f[1]] = countVerb{kind: f[2], role: f[3]}
		default:
			return t, fmt.Errorf("magnitudes.txt line %d: want \"kind KIND ROOT...\" or \"verb LEMMA KIND patient|agent\", have %q", n, sc.Text())
		}
	}
	return t, sc.Err()
}

// count is a magnitude found in a sentence, with the verb that carries it.
type count struct {
	verb int
	m    doc.Magnitude
}

// counts returns the counts of people the sentence's verbs of
// magnitudes.txt give.
func (t *tree) counts(s string) []count {
	var out []count
	for v := range t.toks {
		cv, ok := counts.verbs[t.lem[v]]
		if !ok || t.toks[v].UPOS != "VERB" {
			continue
		}
		for _, a := range t.kids[v] {
			if !t.plays(a, cv.role) {
				continue
			}
			if m, ok := t.countOf(s, a); ok {
				m.Kind = cv.kind
				out = append(out, count{verb: v, m: m})
			}
		}
	}
	return out
}

// plays says whether token a plays the role for its verb: the patient is
// the object or the passive subject, or a noun phrase attached without a
// preposition (the parse reads "arrested 100 Palestinians" so at times);
// the agent is the active subject.
func (t *tree) plays(a int, role string) bool {
	switch rel := t.toks[a].Rel; {
	case role == "agent":
		return rel == "nsubj"
	case rel == "obj", rel == "nsubj:pass":
		return true
	case rel == "obl":
		for _, k := range t.kids[a] {
			if t.rels[k] == "case" {
				return false
			}
		}
		return true
	}
	return false
}

// countOf reads the count of the phrase headed at a: the number that
// starts it ("more than 2,100 Palestinians", "the 20 soldiers") or the
// phrase itself ("12", "thousands of Kurds"). The count must take in the
// number, so a number before the phrase is never read for it.
func (t *tree) countOf(s string, a int) (doc.Magnitude, bool) {
	n := a
	if t.toks[a].UPOS != "NUM" {
		n = -1
		for _, k := range t.kids[a] {
			if t.rels[k] == "nummod" {
				n = k
				break
			}
		}
	}
	lo, hi := t.span(a)
	if n < 0 {
		n = lo // a plural that counts ("thousands") heads its phrase
	}
	// A hedge the parse leaves outside the phrase ("Up to 1,000 ethnic
	// Turks began") is read from up to two words before it.
	for start := max(lo-2, 0); start <= n; start++ {
		c, ok := quant.ReadCount(t.low[start : hi+1])
		if !ok || start+c.Words <= n {
			continue
		}
		end := start + c.Words - 1
		return doc.Magnitude{Text: s[t.toks[start].Start:t.toks[end].End], Value: c.Value, Bound: c.Bound}, true
	}
	return doc.Magnitude{}, false
}

// magnitudes returns the counts of the sentence that describe the event
// at h of the code: those whose verb is in the event's clause, of a kind
// that describes events of the code's root, and for an event whose root
// takes a size, the count of its own subject.
func magnitudes(st *sentence, h hit, code string) []doc.Magnitude {
	var out []doc.Magnitude
	for _, c := range st.counts {
		if c.verb >= h.lo && c.verb < h.hi && slices.Contains(counts.roots[c.m.Kind], code[:2]) && !ownEvent(st, h, c.verb) {
			out = append(out, c.m)
		}
	}
	if slices.Contains(counts.roots[doc.Size], code[:2]) {
		t := st.tree
		for _, v := range []int{h.head, t.governing(h.head)} {
			if m, ok := t.subjectCount(st.s.Text, v); ok {
				return append(out, m)
			}
		}
	}
	return out
}

// ownEvent reports whether the verb at v is conjoined inside the clause of
// the event at h and is the trigger of an event of its own, which keeps
// its counts: "kidnapping 10 workers and killing at least one soldier"
// counts the dead of the killing, not of the kidnapping.
func ownEvent(st *sentence, h hit, v int) bool {
	if v == h.head || st.tree.rels[v] != "conj" {
		return false
	}
	for _, o := range st.hits {
		if o.head == v {
			return true
		}
	}
	return false
}

// subjectCount is the count of the subject of the verb at v, as a size.
func (t *tree) subjectCount(s string, v int) (doc.Magnitude, bool) {
	for _, a := range t.kids[v] {
		if t.toks[a].Rel == "nsubj" {
			m, ok := t.countOf(s, a)
			m.Kind = doc.Size
			return m, ok
		}
	}
	return doc.Magnitude{}, false
}
