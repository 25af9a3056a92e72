package coder

import (
	"strings"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/doc"
)

// pair is one (source, target) of an event.
type pair struct{ src, tgt doc.Actor }

// targetPreps may introduce the target of an event: "met with X",
// "sanctions against X", "a visit to X". Other prepositions introduce
// places, times and circumstances ("in Beijing", "during the summit").
var targetPreps = map[string]bool{
	"with": true, "to": true, "against": true, "on": true, "into": true,
	"toward": true, "towards": true, "upon": true, "from": true, "for": true,
	"outside": true,
}

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true, "being": true}

// arguments finds the (source, target) pairs of the event at h.
func (c *Coder) arguments(st *sentence, h hit, context []actors.Mention) []pair {
	toks, ms := st.toks, st.mentions
	lo, hi := h.lo, h.hi

	// "talks between X and Y", "a MOU was signed between X (...) and Y";
	// but "Russia offered to mediate between Armenia and Azerbaijan"
	// names the targets of a subject.
	if a, b := betweenPair(toks, ms, h, hi); a != nil {
		both := a.Actors
		if b != nil {
			both = append(append([]doc.Actor{}, a.Actors...), b.Actors...)
		}
		if h.t.Kind != 'n' && !isPassive(toks, h) {
			if s := subject(toks, ms, lo, h.first); s != nil {
				return cross(s.Actors, both)
			}
		}
		if b == nil {
			return pairsOf(a.Actors)
		}
		return cross(a.Actors, b.Actors)
	}
	var src, tgt *actors.Mention
	switch {
	case h.t.Kind == 'n':
		// A nominal event needs its owner: "Putin's visit to Beijing",
		// "Russian complaints that ...", "the EU and US arms embargo",
		// "the expulsion of Russian diplomats by Britain".
		src = owner(toks, ms, h)
		if src == nil {
			src = byAgent(toks, ms, h, hi)
		}
		// "China and Russia began joint naval drills", "India, Japan and
		// the United States held the Malabar exercise": a light verb
		// hands the noun its subject.
		if src == nil {
			if v := lightVerbBefore(toks, h); v >= 0 {
				src = subject(toks, ms, lo, v)
				// "gave the Ivory Coast $5 million of aid": the
				// recipient sits between the verb and the noun.
				if tgt := mentionBetween(ms, v, h.first, src); tgt != nil && src != nil {
					return cross(src.Actors, tgt.Actors)
				}
			}
		}
		tgt = object(toks, ms, h, hi, src, 3, h.t.Place)
		if src != nil && tgt == nil && len(src.Actors) >= 2 && h.t.Recip {
			return pairsOf(src.Actors)
		}
	case isPassive(toks, h):
		if by := mentionAfterWord(toks, ms, h.last, hi, "by"); by != nil {
			src = by
		}
		tgt = subject(toks, ms, lo, h.first)
		if tgt == nil && src != nil {
			// "a camp for Congolese refugees was attacked by ...": the
			// actor inside the subject phrase is the target.
			tgt = lastBefore(ms, lo, h.first, src)
		}
		if src == nil && tgt != nil && len(tgt.Actors) >= 2 && h.t.Recip {
			return pairsOf(tgt.Actors) // "an agreement was signed by China and Russia" / "X and Y were ..."
		}
		if src == nil {
			tgt = nil
		}
	case passivePhrase(h.t):
		// "sanctions were imposed on X by Y"
		src = byAgent(toks, ms, h, hi)
		tgt = object(toks, ms, h, hi, src, 10, false)
	default:
		src = subject(toks, ms, lo, h.first)
		// "Afghan rebels kidnapped ... advisers and exploded bombs",
		// "Benin opened its borders ..., but was still refusing": a verb
		// after "and" or "but" shares the subject of the verb before it.
		if h.first > 0 && (toks[h.first-1].Lower() == "and" || (src == nil && lo > 0 && (toks[lo-1].Lower() == "but" || toks[lo-1].Lower() == "and"))) {
			if prev := previousVerb(st.hits, h); prev != nil {
				if s := subject(toks, ms, lo, prev.first); s != nil {
					src = s
				}
			}
		}
		if ante := mainSubject(toks, ms, lo, h.first); ante != nil {
			src = ante
		}
		tgt = object(toks, ms, h, hi, src, 10, h.t.Place)
		// "summoned Niger's ambassador to complain": the purpose aims at
		// the one acted upon, and the one who acts is the subject before.
		if tgt == nil && h.first > 1 && toks[h.first-1].Lower() == "to" {
			for k := range ms {
				m := &ms[k]
				if m.Last != h.first-2 || len(m.Actors) == 0 {
					continue
				}
				if m == src {
					src = subject(toks, ms, lo, m.First)
				}
				if src != nil {
					tgt = m
				}
			}
			// "sent personnel to Bosnia to investigate": the purpose
			// aims where the act was sent.
			if v := purposeVerbAt(toks, h.first-1); tgt == nil && v >= 0 {
				tgt = mentionBetween(ms, v, h.first-1, src)
				if tgt != nil && ownSide(tgt, src) {
					tgt = nil
				}
			}
		}
	}
	// Complaints, statements and appeals aim at the first actor of the
	// clause they introduce: "stated that ... Russia-China relations",
	// "called for the removal of U.S. bases".
	if (h.t.Clause || h.t.Report) && src != nil && tgt == nil {
		tgt = firstAfter(ms, h.last, hi, src)
	}
	if h.t.Topic {
		tgt = nil // "discussed Iran": Iran is what was discussed
	}
	// A threat aims at whoever must act to avert it: "threatened to stop
	// negotiations if the United States goes ahead", "unless Baghdad
	// accepted its conditions".
	if strings.HasPrefix(h.t.Code, "13") && src != nil && tgt == nil {
		for k := h.last + 1; k < len(toks); k++ {
			if w := toks[k].Lower(); w == "if" || w == "unless" {
				tgt = firstAfter(ms, k, len(toks), src)
				break
			}
		}
	}
	// Relative clauses: "the SCO, whose summit Putin attended".
	if ante := antecedent(toks, ms, lo); ante != nil {
		switch toks[lo-1].Lower() {
		case "whose":
			// "Gazprom, whose chief signed the deal": the antecedent's
			// people act for it; "the SCO, whose summit Putin attended":
			// the antecedent is acted upon.
			if src == nil && lo < len(toks) && titleWord(toks[lo].Lower()) {
				src = ante
			} else if tgt == nil && src != ante {
				tgt = ante
			}
		case "which", "who", "that":
			if src == nil {
				src = ante
			}
		}
	}

	switch {
	case src != nil && tgt != nil && sameActors(src.Actors, tgt.Actors):
		// "Britain, France and Germany said they regretted ...": the
		// target refers back to the source; a mutual event still pairs
		// its members ("agreed upon a pact between the two countries").
		if h.t.Recip {
			return pairsOf(src.Actors)
		}
		return nil
	case src != nil && tgt != nil:
		return cross(src.Actors, tgt.Actors)
	case src != nil && len(src.Actors) >= 2 && h.t.Recip:
		return pairsOf(src.Actors)
	case src != nil && !h.t.Weak && (!h.t.Recip || !twoParty(h.t.Code)) && !candidateAfter(toks, ms, h, hi, src):
		// An event with no target named: "Iran threatened to launch a
		// new offensive", "Egyptian police opened fire".
		var out []pair
		for _, a := range src.Actors {
			out = append(out, pair{src: a})
		}
		return out
	case src == nil && tgt == nil && h.t.Recip && !h.t.Weak && len(ms) == 0:
		// "A deal was signed": a mutual event with no actor named takes
		// the pair the paragraph is about.
		if p := implicitPair(context); p != nil {
			return pairsOf(p)
		}
	}
	return nil
}

func isPassive(toks []doc.Token, h hit) bool {
	if h.first == 0 || !isParticiple(toks[h.first].Lower()) {
		return false
	}
	// "is committed to", "are concerned about": a participle that takes
	// a preposition is an adjective, its subject the actor.
	if endsInPrep(h.t) && len(h.t.Phrase) > 1 {
		return false
	}
	prev := toks[h.first-1].Lower()
	if passiveAux[prev] {
		return true
	}
	// "was finally signed", "were not signed"
	return h.first > 1 && passiveAux[toks[h.first-2].Lower()] && prev != "to" && !nlpIsCapital(toks[h.first-1])
}

// passivePhrase reports whether a fixed phrase is itself passive:
// "sanctions were imposed on".
func passivePhrase(t *Trigger) bool {
	if t.Kind != 'p' {
		return false
	}
	for _, w := range t.Phrase {
		if w == "was" || w == "were" || w == "been" {
			return true
		}
	}
	return false
}

func isParticiple(w string) bool {
	if len(w) > 2 && w[len(w)-2:] == "ed" {
		return true
	}
	for _, irr := range irregular {
		if irr[1] == w {
			return true
		}
	}
	return false
}

func nlpIsCapital(t doc.Token) bool { return t.IsCapitalized() }

// previousVerb is the verb trigger before h in the sentence, or nil.
func previousVerb(hits []hit, h hit) *hit {
	var prev *hit
	for i := range hits {
		if hits[i].last < h.first && hits[i].t.Kind != 'n' {
			prev = &hits[i]
		}
	}
	return prev
}

// clause returns the token range [lo, hi) of the clause around h.
func clause(toks []doc.Token, h hit) (lo, hi int) {
	lo = 0
	for k := h.first - 1; k >= 0; k-- {
		// A closed parenthesis before the trigger is an aside: "The
		// International Labor Office (ILO) reiterated".
		if toks[k].Text == ")" {
			for k > 0 && toks[k].Text != "(" {
				k--
			}
			continue
		}
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
func subject(toks []doc.Token, ms []actors.Mention, lo, before int) *actors.Mention {
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.Last >= before || m.First < lo || len(m.Actors) == 0 {
			continue
		}
		// "Thousands of Ukrainians protested": the quantity's "of" does
		// not make them an object.
		if p := prepOf(toks, m); p != "" && !(p == "of" && m.First > 1 && quantityWord(toks[m.First-2])) &&
			!(p == "from" && m.First > 1 && memberWord(toks[m.First-2])) {
			continue
		}
		// A possessive owner belongs to the noun after it: "Moscow's
		// stance" is not the subject of the verb that follows, but
		// "Nicaragua's Sandinista government" acts for Nicaragua.
		if m.Last+1 < len(toks) && isPossessive(toks[m.Last+1]) && !ownsBody(toks, m.Last+2, before) {
			continue
		}
		// "Pakistan, a key U.S. ally in the war, has refused": the
		// subject is the head before the appositive, not inside it.
		if head := appositiveHead(toks, ms, m, lo, before); head != nil {
			return head
		}
		return m
	}
	return nil
}

// appositiveHead returns X when m sits inside an appositive "X, a ... m
// ..., VERB", or nil.
func appositiveHead(toks []doc.Token, ms []actors.Mention, m *actors.Mention, lo, before int) *actors.Mention {
	closed := false
	for k := m.Last + 1; k < before; k++ {
		if toks[k].Text == "," {
			closed = true
		}
	}
	if !closed {
		return nil
	}
	for k := m.First - 1; k >= lo && k >= m.First-8; k-- {
		if toks[k].Text != "," {
			continue
		}
		for i := range ms {
			if h := &ms[i]; h.Last == k-1 && len(h.Actors) > 0 && h.Prep == "" {
				return h
			}
		}
		return nil
	}
	return nil
}

// quantityWord reports whether t counts people: "thousands", "hundreds",
// "dozens", "a group", "40".
func quantityWord(t doc.Token) bool {
	switch t.Lower() {
	case "thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "groups", "crowd", "crowds", "some", "many":
		return true
	}
	return isNumber(t)
}

// ownsBody reports whether the words from k up to before name a body of
// the owner that can act: "'s Sandinista government", "'s army".
func ownsBody(toks []doc.Token, k, before int) bool {
	for j := k; j < before && j < k+3; j++ {
		switch toks[j].Lower() {
		case "government", "army", "forces", "military", "police", "ministry", "parliament",
			"president", "leader", "leaders", "court", "officials", "authorities", "troops", "navy",
			"cabinet", "regime", "administration":
			return j == before-1
		}
	}
	return false
}

// memberWord reports whether t names people who belong to what follows
// "from": "activists from the Fatah Party", "delegates from Iran".
func memberWord(t doc.Token) bool {
	switch t.Lower() {
	case "activists", "members", "officials", "delegates", "representatives", "supporters",
		"leaders", "militants", "fighters", "envoys", "diplomats", "negotiators", "troops", "soldiers":
		return true
	}
	return false
}

// owner is the mention that owns a nominal trigger: "Putin's visit",
// "Xi Jinping's four-nation tour", "Russian complaints", "the EU and US
// arms embargo".
func owner(toks []doc.Token, ms []actors.Mention, h hit) *actors.Mention {
	for k := range ms {
		m := &ms[k]
		if len(m.Actors) == 0 || m.Last >= h.first {
			continue
		}
		gap := h.first - m.Last - 1
		if gap == 0 {
			return m
		}
		if !isPossessive(toks[m.Last+1]) && !m.Adjective {
			continue
		}
		// Modifiers between: "'s official", "'s four-nation", "arms".
		ok := gap <= 5
		for j := m.Last + 1; ok && j < h.first; j++ {
			t := toks[j]
			ok = isPossessive(t) || t.Text == "-" || (!t.IsCapitalized() && t.Lower() != "and" && t.Lower() != "the")
		}
		if ok {
			return m
		}
	}
	return nil
}

// object is the first mention after the trigger, within reach words, in
// its clause, other than the source, that no place or time preposition
// governs. For place triggers ("arrived in Beijing") the place is the
// target.
func object(toks []doc.Token, ms []actors.Mention, h hit, hi int, src *actors.Mention, reach int, place bool) *actors.Mention {
	// A mention inside a wildcard phrase: "gave Tanzania a grant", but
	// not the source's own ("mounted its invasion").
	for k := range ms {
		m := &ms[k]
		if m.First > h.first && m.Last < h.last && len(m.Actors) > 0 && m != src &&
			!ownSide(m, src) {
			return m
		}
	}
	for k := range ms {
		m := &ms[k]
		if m.First <= h.last || m.First >= hi || len(m.Actors) == 0 || m == src {
			continue
		}
		// "Syria offered its troops to Lebanon": the source's own
		// belongings are no target.
		if ownSide(m, src) {
			continue
		}
		if m.First-h.last > reach {
			break
		}
		// A trigger ending in a preposition takes the first actor of the
		// phrase it opens: "worries about China", "nervous about the rapid
		// development of China's ties".
		if endsInPrep(h.t) && m.First-h.last <= 8 {
			return m
		}
		// "defended the right of Russian troops", "condemned the killing
		// of Soleimani": the object's "of" names the target.
		if m.Prep == "of" && h.t.Kind != 'n' && m.First-h.last <= 5 {
			return m
		}
		p := m.Prep
		if p == "" && placePreps[toks[max(0, m.First-1)].Lower()] {
			p = toks[m.First-1].Lower()
		}
		if targetPreps[p] || ((place || forceful(h.t.Code)) && (p == "in" || p == "at" || p == "near" || p == "around")) ||
			(p == "" && h.t.Kind != 'n') {
			return m
		}
	}
	return nil
}

// candidateAfter reports whether the sentence names an actor of another
// side than src that could be the target. Then an event without a target
// is more likely a misreading than an event with none.
func candidateAfter(toks []doc.Token, ms []actors.Mention, h hit, hi int, src *actors.Mention) bool {
	for k := range ms {
		m := &ms[k]
		if m == src || len(m.Actors) == 0 {
			continue
		}
		// Places, times and circumstances name no target: "set up a
		// centre in Tokyo", "in central Iran", "despite Israel's wish".
		if p := prepOf(toks, m); p != "" && !targetPreps[p] && p != "about" {
			continue
		}
		// A possessive pronoun ("its projections") names no new actor.
		if m.Kind == actors.Pronoun && possessivePronoun[strings.ToLower(m.Text)] {
			continue
		}
		// Nor does the source's own country ("rejected a meeting of
		// Palestinian factions").
		if len(m.Actors) == 1 && m.Actors[0].Country != "" && m.Actors[0].Country == src.Actors[0].Country {
			continue
		}
		for _, a := range m.Actors {
			if !sameSide(a, src.Actors[0]) {
				return true
			}
		}
	}
	return false
}

// placePreps are prepositions of place that the actor finder does not
// list.
var placePreps = map[string]bool{"near": true, "outside": true, "inside": true, "beside": true, "around": true}

var possessivePronoun = map[string]bool{"its": true, "his": true, "her": true, "their": true}

// prepOf is the preposition that governs m, looking past one modifier:
// "in central Iran", "near the Thai border".
func prepOf(toks []doc.Token, m *actors.Mention) string {
	if m.Prep != "" {
		return m.Prep
	}
	if k := m.First - 1; k >= 0 && placePreps[toks[k].Lower()] {
		return toks[k].Lower()
	}
	// Past at most two modifiers: "in central Iran", "of the divided
	// Mediterranean island"; but a plural noun between ends the phrase:
	// "According to reports the UK is pushing".
	for k := m.First - 1; k >= 0 && k >= m.First-3; k-- {
		w := toks[k].Lower()
		if actors.Prepositions[w] || placePreps[w] {
			return w
		}
		if toks[k].IsCapitalized() || !toks[k].IsWord() || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) {
			return ""
		}
	}
	return ""
}

// violent reports whether a code is an assault, a fight or mass
// violence, whose target is where it strikes: "shelled positions in Gaza".
func violent(code string) bool { return code >= "18" && code < "21" }

// forceful reports whether a code shows or uses force (roots 15-20),
// whose target is where it is aimed: "drills around Taiwan".
func forceful(code string) bool { return code >= "15" && code < "21" }

// twoParty reports whether an event takes two parties by nature:
// consultations, signed agreements and material cooperation.
func twoParty(code string) bool {
	return strings.HasPrefix(code, "04") || strings.HasPrefix(code, "057") || strings.HasPrefix(code, "06")
}

func endsInPrep(t *Trigger) bool {
	last := t.Phrase[len(t.Phrase)-1]
	return targetPreps[last] || last == "about" || last == "at" || last == "of" || last == "in"
}

// lastBefore is the last mention in [lo, before) other than not.
func lastBefore(ms []actors.Mention, lo, before int, not *actors.Mention) *actors.Mention {
	for k := len(ms) - 1; k >= 0; k-- {
		if m := &ms[k]; m.First >= lo && m.Last < before && m != not && len(m.Actors) > 0 {
			return m
		}
	}
	return nil
}

// firstAfter is the first mention after position after, before hi.
func firstAfter(ms []actors.Mention, after, hi int, src *actors.Mention) *actors.Mention {
	for k := range ms {
		m := &ms[k]
		if m.First <= after || m.First >= hi || m == src || len(m.Actors) == 0 {
			continue
		}
		if ownSide(m, src) {
			continue
		}
		return m
	}
	return nil
}

// betweenPair finds "between X and Y" right after the trigger. X may be a
// compound (then b is nil), and either may carry a parenthetical:
// "between Kirill Dmitriev (chief of RDIF) and Lou Jiwei (...)".
func betweenPair(toks []doc.Token, ms []actors.Mention, h hit, hi int) (a, b *actors.Mention) {
	k := h.last + 1
	for ; k < hi && k <= h.last+4; k++ {
		if toks[k].Lower() == "between" {
			break
		}
	}
	if k >= hi || k > h.last+4 {
		return nil, nil
	}
	a = mentionAt(ms, k+1, k+3)
	if a == nil {
		return nil, nil
	}
	if len(a.Actors) >= 2 {
		return a, nil
	}
	j := a.Last + 1
	if j < len(toks) && toks[j].Text == "(" {
		for j < len(toks) && toks[j].Text != ")" {
			j++
		}
		j++
	}
	if j < len(toks) && toks[j].Lower() == "and" {
		if b = mentionAt(ms, j+1, j+3); b != nil {
			return a, b
		}
	}
	return nil, nil
}

// mentionAt returns the first mention starting in token range [from, to].
func mentionAt(ms []actors.Mention, from, to int) *actors.Mention {
	for k := range ms {
		if m := &ms[k]; m.First >= from && m.First <= to && len(m.Actors) > 0 {
			return m
		}
	}
	return nil
}

// titleWord reports whether w names a person by office: "chief",
// "president", "leader".
func titleWord(w string) bool {
	switch w {
	case "chief", "head", "president", "leader", "leaders", "chairman", "director", "minister",
		"ministers", "officials", "representatives", "envoy", "ambassador", "spokesman", "spokeswoman",
		"government", "army", "forces", "troops", "police", "chief executive", "boss":
		return true
	}
	return false
}

// mainSubject finds the subject of a main-clause verb that follows a
// relative clause: in "Duterte, who met Xi in Beijing, is due to visit
// Japan", the subject of "visit" is Duterte, not Xi.
func mainSubject(toks []doc.Token, ms []actors.Mention, lo, before int) *actors.Mention {
	if lo < 2 || toks[lo-2].Text != "," {
		return nil
	}
	switch toks[lo-1].Lower() {
	case "who", "which":
	default:
		return nil
	}
	for k := lo; k < before; k++ {
		if toks[k].Text == "," {
			return antecedent(toks, ms, lo)
		}
	}
	return nil
}

// antecedent is the mention a relative clause starting at lo refers to:
// the one just before ", whose", ", which", "who".
func antecedent(toks []doc.Token, ms []actors.Mention, lo int) *actors.Mention {
	if lo < 2 {
		return nil
	}
	switch toks[lo-1].Lower() {
	case "whose", "which", "who", "that":
	default:
		return nil
	}
	end := lo - 2
	if toks[end].Text == "," && end > 0 {
		end--
	}
	for k := range ms {
		if m := &ms[k]; m.Last == end && len(m.Actors) > 0 {
			return m
		}
	}
	return nil
}

// lightVerbs carry no event themselves but hand their subject to the
// noun event they govern: "held talks", "staged a protest", "carried out
// a campaign".
var lightVerbs = map[string]bool{
	"hold": true, "holds": true, "held": true, "holding": true, "begin": true, "began": true, "begins": true, "begun": true,
	"start": true, "started": true, "starts": true, "conduct": true, "conducted": true, "conducts": true,
	"stage": true, "staged": true, "stages": true, "launch": true, "launched": true, "launches": true,
	"carry": true, "carried": true, "carries": true, "make": true, "made": true, "makes": true,
	"pay": true, "paid": true, "pays": true, "take": true, "took": true, "takes": true, "taken": true,
	"open": true, "opened": true, "opens": true, "announce": true, "announced": true, "announces": true,
	"complete": true, "completed": true, "completes": true, "resume": true, "resumed": true, "resumes": true,
	"continue": true, "continued": true, "continues": true, "mount": true, "mounted": true, "mounts": true,
	"organize": true, "organized": true, "organise": true, "organised": true, "end": true, "ended": true,
	"hosted": true, "joined": true, "join": true, "joins": true, "led": true, "leads": true,
	"give": true, "gave": true, "gives": true, "given": true, "grant": true, "granted": true,
	"send": true, "sent": true, "sends": true, "provide": true, "provided": true, "provides": true,
	"extend": true, "extended": true, "offer": true, "offered": true, "deliver": true, "delivered": true,
}

// lightVerbBefore returns the position of a light verb a few words before
// a nominal trigger ("held the annual Malabar naval exercise"), or -1.
func lightVerbBefore(toks []doc.Token, h hit) int {
	for k := h.first - 1; k >= 0 && k >= h.first-8; k-- {
		w := toks[k].Lower()
		if lightVerbs[w] {
			return k
		}
		// "gave ... 5.1 million dollars of aid": a quantity's "of" and
		// "took part in" do not end the phrase.
		if clauseEnds[w] || w == "," || (actors.Prepositions[w] && w != "out" && w != "in" && w != "of") {
			return -1
		}
	}
	return -1
}

// mentionBetween is the first mention strictly between token positions
// from and to, other than not.
func mentionBetween(ms []actors.Mention, from, to int, not *actors.Mention) *actors.Mention {
	for k := range ms {
		if m := &ms[k]; m.First > from && m.Last < to && m != not && len(m.Actors) > 0 {
			return m
		}
	}
	return nil
}

// byAgent is the "by X" of a nominal event: "the signing of the deal by
// Russia and China".
func byAgent(toks []doc.Token, ms []actors.Mention, h hit, hi int) *actors.Mention {
	for k := h.last + 1; k < hi && k <= h.last+8; k++ {
		if toks[k].Lower() == "by" {
			return mentionAt(ms, k+1, k+2)
		}
	}
	return nil
}

// mentionAfterWord returns the mention right after word, when word follows
// the trigger closely: "signed by X".
func mentionAfterWord(toks []doc.Token, ms []actors.Mention, after, hi int, word string) *actors.Mention {
	for k := after + 1; k < hi && k <= after+4; k++ {
		if toks[k].Lower() == word {
			return mentionAt(ms, k+1, k+2)
		}
	}
	return nil
}

func isPossessive(t doc.Token) bool { return t.Text == "'s" || t.Text == "’s" }

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

// ownSide reports whether m names the source's own side alone: "its
// troops", "Macedonia" for Macedonian Albanians.
func ownSide(m, src *actors.Mention) bool {
	return src != nil && len(src.Actors) > 0 && len(m.Actors) == 1 && sameSide(m.Actors[0], src.Actors[0])
}

// sameSide reports whether two actors belong to the same state or body,
// so an event between them is not an event of a dyad.
func sameSide(a, b doc.Actor) bool {
	if a.Code == b.Code || strings.HasPrefix(a.Code, b.Code) || strings.HasPrefix(b.Code, a.Code) {
		return true // RUS and RUSGOV, RUSGOV and RUSGOVMIL
	}
	// Two state bodies of one country ("Russian officials" and "the
	// Kremlin") are one side; police and opposition are not.
	return a.Country != "" && a.Country == b.Country && stateRole(a.Code) && stateRole(b.Code)
}

// stateRole reports whether a code names a state body: the government,
// its military, police, intelligence, legislature or judiciary.
func stateRole(code string) bool {
	if len(code) < 6 {
		return true
	}
	switch code[3:6] {
	case "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI":
		return true
	}
	return false
}

// bothBodies reports whether neither actor is a state: a list such as
// "the G-20, BRICS and APEC summits" names occasions, not a pair.
func bothBodies(a, b doc.Actor) bool { return a.Country == "" && b.Country == "" }

// sameActors reports whether two actor lists name the same codes.
func sameActors(a, b []doc.Actor) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	codes := map[string]bool{}
	for _, x := range a {
		codes[x.Code] = true
	}
	for _, x := range b {
		if !codes[x.Code] {
			return false
		}
	}
	return true
}

// cross returns every (source, target) pair of two actor lists.
func cross(srcs, tgts []doc.Actor) []pair {
	var out []pair
	for _, s := range srcs {
		for _, t := range tgts {
			if !sameSide(s, t) {
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
			if !sameSide(as[i], as[j]) && !bothBodies(as[i], as[j]) {
				out = append(out, pair{as[i], as[j]})
			}
		}
	}
	return out
}
