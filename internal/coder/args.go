package coder

import (
	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// pair is one (source, target) of an event.
type pair struct{ src, tgt doc.Actor }

// prepositions before a mention mark it as no subject of the verb after it.
var prepositions = map[string]bool{
	"in": true, "to": true, "of": true, "with": true, "at": true, "from": true, "on": true,
	"for": true, "by": true, "against": true, "about": true, "into": true, "toward": true,
	"towards": true, "over": true, "during": true, "after": true, "before": true, "than": true,
	"like": true, "among": true, "within": true, "across": true, "as": true, "under": true,
	"via": true, "through": true, "beyond": true, "since": true, "until": true, "including": true,
}

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true, "being": true}

// arguments finds the (source, target) pairs of the event at h.
func (c *Coder) arguments(st *sentence, h hit, context []actors.Mention) []pair {
	toks, ms := st.toks, st.mentions
	lo, hi := clause(toks, h)
	var src, tgt *actors.Mention

	// "talks between X and Y", "a MOU was signed between X and Y".
	if b := mentionAfterWord(toks, ms, h.last, hi, "between"); b != nil && len(b.Actors) >= 2 {
		return pairsOf(b.Actors)
	}
	passive := h.t.Kind == 'v' && h.first > 0 && (passiveAux[toks[h.first-1].Lower()] ||
		(h.first > 1 && passiveAux[toks[h.first-2].Lower()] && toks[h.first-1].Lower() != "to"))

	switch {
	case h.t.Kind != 'v':
		// The owner of a nominal event: "Putin's visit", "Russian complaints".
		src = owner(toks, ms, h)
		if src == nil {
			src = subject(toks, ms, lo, h.first)
		}
	case passive:
		if by := mentionAfterWord(toks, ms, h.last, hi, "by"); by != nil {
			src = by
			tgt = subject(toks, ms, lo, h.first)
		}
	default:
		src = subject(toks, ms, lo, h.first)
	}
	if tgt == nil {
		tgt = object(toks, ms, h, hi, src)
	}

	switch {
	case src != nil && tgt != nil:
		return cross(src.Actors, tgt.Actors)
	case src != nil && len(src.Actors) >= 2 && h.t.Recip:
		return pairsOf(src.Actors)
	case src == nil && tgt != nil && len(tgt.Actors) >= 2 && h.t.Recip:
		return pairsOf(tgt.Actors)
	case src == nil && tgt == nil && h.t.Recip && !h.t.Weak:
		// "A deal was signed": a mutual event with no actor named takes
		// the pair the paragraph is about.
		if p := implicitPair(context); p != nil {
			return pairsOf(p)
		}
	}
	return nil
}

// clause returns the token range [lo, hi) of the clause around h.
func clause(toks []nlp.Token, h hit) (lo, hi int) {
	lo = 0
	for k := h.first - 1; k >= 0; k-- {
		if clauseEnds[toks[k].Lower()] {
			lo = k + 1
			break
		}
	}
	hi = len(toks)
	for k := h.last + 1; k < len(toks); k++ {
		w := toks[k].Lower()
		if clauseEnds[w] || (w == "," && k+1 < len(toks) && clauseEnds[toks[k+1].Lower()]) {
			hi = k
			break
		}
	}
	return lo, hi
}

// subject is the nearest mention before the trigger in its clause that
// no preposition governs.
func subject(toks []nlp.Token, ms []actors.Mention, lo, before int) *actors.Mention {
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.Last >= before || m.First < lo || len(m.Actors) == 0 {
			continue
		}
		if m.First > 0 && prepositions[toks[m.First-1].Lower()] {
			continue
		}
		// A possessive owner belongs to the noun after it, not the verb:
		// "Russia's Gazprom" is one mention, but "Moscow's stance" is not.
		if m.Last+1 < len(toks) && isPossessive(toks[m.Last+1]) {
			continue
		}
		return m
	}
	return nil
}

// owner is the mention that owns a nominal trigger: "Putin's visit",
// "Russian complaints", "the EU and US arms embargo".
func owner(toks []nlp.Token, ms []actors.Mention, h hit) *actors.Mention {
	for k := range ms {
		m := &ms[k]
		if len(m.Actors) == 0 {
			continue
		}
		gap := h.first - m.Last - 1
		if gap == 0 || (gap == 1 && isPossessive(toks[m.Last+1])) {
			return m
		}
		// one modifier word between: "Russia's official visit", "Russian arms complaints"
		if gap == 2 && isPossessive(toks[m.Last+1]) && !toks[m.Last+2].IsCapitalized() {
			return m
		}
	}
	return nil
}

// object is the first mention after the trigger in its clause, other than
// the source.
func object(toks []nlp.Token, ms []actors.Mention, h hit, hi int, src *actors.Mention) *actors.Mention {
	for k := range ms {
		m := &ms[k]
		if m.First <= h.last || m.First >= hi || len(m.Actors) == 0 || m == src {
			continue
		}
		return m
	}
	return nil
}

// mentionAfterWord returns the mention right after word, when word follows
// the trigger closely: "talks between X and Y", "signed by X".
func mentionAfterWord(toks []nlp.Token, ms []actors.Mention, after, hi int, word string) *actors.Mention {
	for k := after + 1; k < hi && k <= after+4; k++ {
		if toks[k].Lower() != word {
			continue
		}
		for i := range ms {
			m := &ms[i]
			if m.First > k && m.First <= k+2 && len(m.Actors) > 0 {
				return m
			}
		}
	}
	return nil
}

func isPossessive(t nlp.Token) bool { return t.Text == "'s" || t.Text == "’s" }

// implicitPair returns the last two distinct countries of the paragraph.
func implicitPair(context []actors.Mention) []doc.Actor {
	var out []doc.Actor
	seen := map[string]bool{}
	for k := len(context) - 1; k >= 0 && len(out) < 2; k-- {
		for _, a := range context[k].Actors {
			if a.Country == "" || seen[a.Country] {
				continue
			}
			seen[a.Country] = true
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return []doc.Actor{out[1], out[0]}
}

// cross returns every (source, target) pair of two actor lists, skipping
// an actor acting on itself.
func cross(srcs, tgts []doc.Actor) []pair {
	var out []pair
	for _, s := range srcs {
		for _, t := range tgts {
			if s.Code != t.Code && !(s.Country != "" && s.Country == t.Country && len(s.Code) == 3 && len(t.Code) == 3) {
				out = append(out, pair{s, t})
			}
		}
	}
	return out
}

// pairsOf codes the members of a compound against each other, once per
// unordered pair, in the order written.
func pairsOf(as []doc.Actor) []pair {
	var out []pair
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			if as[i].Code[:min(3, len(as[i].Code))] != as[j].Code[:min(3, len(as[j].Code))] {
				out = append(out, pair{as[i], as[j]})
			}
		}
	}
	return out
}
