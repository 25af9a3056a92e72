package syntax

import (
	"math"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
)

// TestWordSumsScoreAsWhole scores every token of the news check set in
// both tagger passes with and without wordSums, reading the set twice so
// that the second reading finds its word types cached, and wants the same
// scores to the bit.
func TestWordSumsScoreAsWhole(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadFile("testdata/news.conllu")
	if err != nil {
		t.Fatal(err)
	}
	n := m.tagger.nclass()
	plain, cached := make([]float32, n), make([]float32, n)
	var sums [2]wordSums
	var buf []uint64
	scored, found := 0, 0
	for reading := range 2 {
		for _, s := range sents {
			toks := Words(s)
			w := m.work(len(toks))
			for i, tok := range toks {
				w.words[i] = word(tok.Text)
			}
			m.tagWords(w)
			for p, sc := range []scorer{m.tagger.w, m.tagger.second} {
				var first []int
				if p == 1 {
					first = w.first
				}
				for i := range w.infos {
					prev, prev2 := -1, -2
					if i >= 1 {
						prev, prev2 = w.classes[i-1], -1
					}
					if i >= 2 {
						prev2 = w.classes[i-2]
					}
					if k := wordSumKey(&w.infos[i]); reading == 1 && len(sums[p].keys) > 0 && sums[p].keys[wordSumSlot(k)] == k {
						found++
					}
					m.tagger.score(sc, nil, w.infos, i, prev, prev2, first, plain, &buf)
					m.tagger.score(sc, &sums[p], w.infos, i, prev, prev2, first, cached, &buf)
					scored++
					for c := range plain {
						if math.Float32bits(plain[c]) != math.Float32bits(cached[c]) {
							t.Fatalf("%s token %d %q pass %d class %d: score %v with wordSums, %v without", s.ID(), i, w.words[i], p+1, c, cached[c], plain[c])
						}
					}
				}
			}
			m.pool.Put(w)
		}
	}
	// The second reading must have scored from the cache: the set has
	// far fewer word types than wordSums has slots.
	if 2*found < scored/2 {
		t.Errorf("the second reading found %d of %d tokens' types in wordSums, want most", found, scored/2)
	}
}
