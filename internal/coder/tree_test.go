package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// chain returns the tokens of the words of s, each the dependent of the
// token after it, the last the root.
func chain(s string) []doc.Token {
	var toks []doc.Token
	at := 0
	for w := range strings.FieldsSeq(s) {
		t := doc.NewToken(w, at, at+len(w))
		t.Head, t.Rel = len(toks)+1, "dep"
		toks = append(toks, t)
		at += len(w) + 1
	}
	toks[len(toks)-1].Head, toks[len(toks)-1].Rel = -1, "root"
	return toks
}

// TestTreeReleased: a tree made after a longer one was released keeps
// nothing of it (trees reuse released trees' arrays and vocab).
func TestTreeReleased(t *testing.T) {
	l := newLexicon()
	for i, w := range []string{"warships", "abkhazia", "iran", "protested", "boat"} {
		l.words[w] = int32(i)
	}
	long := newTree(chain("Russian warships fired on Georgian boats near Abkhazia on Sunday"), nil)
	long.know(l)
	if long.vocab[0] != 0b00011 {
		t.Errorf("vocab of the long sentence = %b; want warships and abkhazia (11)", long.vocab[0])
	}
	long.release()
	for range 3 { // the pool may hand back the long tree's arrays, or new ones
		short := newTree(chain("Iran protested"), nil)
		short.know(l)
		if len(short.vocab) != 1 || short.vocab[0] != 0b01100 {
			t.Errorf("vocab of %q = %b; want iran and protested only (1100)", "Iran protested", short.vocab)
		}
		if !slices.Equal(short.kids[1], []int{0}) || short.kids[0] != nil {
			t.Errorf("kids = %v; want [[] [0]]", short.kids)
		}
		if !slices.Equal(short.at, []int{-1, -1}) || !slices.Equal(short.low, []string{"iran", "protested"}) ||
			!slices.Equal(short.rels, []string{"dep", "root"}) {
			t.Errorf("at %v low %v rels %v", short.at, short.low, short.rels)
		}
		short.release()
	}
}
