// Package coder turns analysed documents into CAMEO event records. It reads
// each sentence's tokens and the actor mentions the actor stage found,
// finds event triggers from its lexicon, takes the source and target from
// the actors around each trigger (subject, object, "between X and Y", "X's
// visit to Y"), drops negated and speculative events, codes plans as
// intents, and dates each event from the text.
package coder

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/quant"
	"github.com/dyad-events/dyad/internal/timex"
)

// Coder codes documents. It is safe for concurrent use.
type Coder struct {
	lex    *Lexicon
	places Places
}

// Places finds the place a sentence names for its events, such as a
// gazetteer (internal/geo), reading the words of toks, a run of the
// sentence's tokens.
type Places interface {
	Find(sentence string, toks []doc.Token) (loc doc.Location, start, end int, ok bool)
}

// New returns a coder over an event lexicon. places may be nil: events
// then carry no location.
func New(lex *Lexicon, places Places) *Coder {
	return &Coder{lex: lex, places: places}
}

// hit is a trigger found in a sentence.
type hit struct {
	t           *Trigger
	first, last int        // token range
	lo, hi      int        // token range of its clause
	date        timex.Date // the event's date in the text, when dated
	dated       bool
}

// sentence is the working state for one sentence.
type sentence struct {
	s        doc.Sentence
	toks     []doc.Token
	hits     []hit
	mentions []actors.Mention
	amounts  []quant.Amount
}

// Code returns the events of d. Its sentences must carry their tokens,
// and mentions[i] must hold the actor mentions of sentence i, as
// actors.Resolver.Document finds them; the coder re-codes them on the
// date of the sentence's events.
func (c *Coder) Code(d *doc.Document, mentions [][]actors.Mention) []doc.Event {
	ref, _ := timex.ParseISO(d.Published)
	sents := make([]sentence, len(d.Sentences))
	for i, s := range d.Sentences {
		st := &sents[i]
		st.s = s
		if !s.Codable {
			continue
		}
		st.toks = s.Tokens
		st.hits = c.triggers(st.toks)
		for k := range st.hits {
			h := &st.hits[k]
			h.date, h.dated = timex.EventDate(s.Text, st.toks, h.first, ref)
		}
		if len(st.hits) > 0 {
			st.amounts = quant.Find(s.Text, st.toks)
		}
	}
	var events []doc.Event
	var context []actors.Mention // recent mentions of the paragraph, for implicit pairs
	para := -1
	for i := range sents {
		st := &sents[i]
		if st.s.Paragraph != para {
			para, context = st.s.Paragraph, nil
		}
		if i < len(mentions) {
			st.mentions = atDate(mentions[i], d.Published, st.hits)
		}
		if st.s.Codable {
			events = append(events, c.codeSentence(d, st, context)...)
		}
		for _, m := range st.mentions {
			if len(m.Actors) > 0 {
				context = append(context, m)
			}
		}
	}
	return events
}

// atDate codes the mentions of a sentence, found on the publication date
// pub, on the date of the sentence's first event: "Putin" is prime
// minister in a sentence about 2008.
func atDate(ms []actors.Mention, pub string, hits []hit) []actors.Mention {
	if len(hits) == 0 || !hits[0].dated || hits[0].date.String() == pub {
		return ms
	}
	date := hits[0].date.String()
	out := make([]actors.Mention, len(ms))
	for k, m := range ms {
		out[k] = m.At(date)
	}
	return out
}

// triggers finds the lexicon entries in toks, longest first, not
// overlapping.
func (c *Coder) triggers(toks []doc.Token) []hit {
	var hits []hit
	for i := 0; i < len(toks); {
		var best *Trigger
		// Capitalised words inside a sentence are names: "Shanghai
		// Cooperation Organization", "Investment Fund".
		if i > 0 && toks[i].IsCapitalized() {
			i++
			continue
		}
		bestEnd := 0
		for _, t := range c.lex.byFirst[toks[i].Lower()] {
			end := matchPhrase(t.Phrase, toks, i)
			if end < 0 || (best != nil && end-i <= bestEnd-i) {
				continue
			}
			// "the visit", "the signing of the deal": a verb form used
			// as a noun is read as a nominal event.
			if nounUsedAsVerb(t, toks, i) {
				n := *t
				n.Kind = 'n'
				t = &n
			}
			best, bestEnd = t, end
		}
		if best == nil {
			i++
			continue
		}
		h := hit{t: best, first: i, last: bestEnd - 1}
		h.lo, h.hi = clause(toks, h)
		hits = append(hits, h)
		i = bestEnd
	}
	return hits
}

// modifierHead starts hyphenated modifiers before a noun: "three-day",
// "four-nation", "long-term", "high-level".
var modifierHead = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "multi": true, "long": true,
	"short": true, "high": true, "low": true, "full": true, "half": true, "first": true,
	"second": true, "last": true, "top": true, "cross": true, "non": true, "state": true,
}

// matchPhrase matches a trigger phrase at toks[i] and returns the end of
// the match, or -1. A "*" in a phrase stands for up to three words, so
// "reach * agreement" matches "reached a new trade agreement".
func matchPhrase(phrase []string, toks []doc.Token, i int) int {
	if len(phrase) == 0 {
		return i
	}
	if phrase[0] == "*" {
		// Up to four words; hyphens, dollar signs and the numbers of "a
		// 30-day state" do not count.
		words := 0
		for j := i; j <= len(toks); j++ {
			if end := matchPhrase(phrase[1:], toks, j); end >= 0 {
				return end
			}
			if j == len(toks) {
				break
			}
			t := toks[j]
			if t.Text == "-" || t.Text == "$" || isNumber(t) || weekdays[t.Lower()] {
				continue
			}
			if !t.IsWord() || words == 4 {
				break
			}
			words++
		}
		return -1
	}
	// A time inside a phrase: "welcome on Thursday to", "lifted Friday
	// a blockade", "its demand today that".
	if i > 0 && i < len(toks) && toks[i].Lower() != phrase[0] {
		if n := timeWords(toks, i); n > 0 {
			return matchPhrase(phrase, toks, i+n)
		}
	}
	if i >= len(toks) || toks[i].Lower() != phrase[0] {
		return -1
	}
	// "agreed on Wednesday": that "on" dates the verb.
	if phrase[0] == "on" && i+1 < len(toks) && weekdays[toks[i+1].Lower()] {
		return -1
	}
	return matchPhrase(phrase[1:], toks, i+1)
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// timeWords returns how many tokens at i name a day: "Thursday", "on
// Thursday", "today"; 0 when none.
func timeWords(toks []doc.Token, i int) int {
	if weekdays[toks[i].Lower()] {
		return 1
	}
	if toks[i].Lower() == "on" && i+1 < len(toks) && weekdays[toks[i+1].Lower()] {
		return 2
	}
	return 0
}

func isNumber(t doc.Token) bool { return t.Text != "" && t.Text[0] >= '0' && t.Text[0] <= '9' }

// nounUsedAsVerb rejects a verb form that is really a noun ("the visit",
// "a meeting"): a verb trigger right after a determiner or possessive.
func nounUsedAsVerb(t *Trigger, toks []doc.Token, i int) bool {
	if t.Kind != 'v' || i == 0 {
		return false
	}
	// "the 2014 visit", "a three-day visit", "a long-term deal"
	if isNumber(toks[i-1]) || (i > 2 && toks[i-2].Text == "-" && (isNumber(toks[i-3]) || modifierHead[toks[i-3].Lower()])) {
		return true
	}
	prev := toks[i-1].Lower()
	if determiners[prev] {
		return true
	}
	// "dollars of aid", "a call for support": after a preposition a
	// verb's plain form is a noun.
	if prev != "to" && actors.Prepositions[prev] && !strings.HasSuffix(toks[i].Lower(), "ing") {
		return true
	}
	// "an official visit", "the first meeting", but "a Russian official
	// offered".
	return nounModifiers[prev] && i > 1 && determiners[toks[i-2].Lower()]
}

var (
	determiners   = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true, "this": true, "that": true, "'s": true, "’s": true, "whose": true, "our": true, "my": true, "your": true}
	nounModifiers = map[string]bool{"official": true, "state": true, "first": true, "annual": true, "further": true, "second": true, "recent": true, "new": true, "planned": true, "proposed": true, "brief": true, "historic": true, "formal": true, "surprise": true}
)

func (c *Coder) codeSentence(d *doc.Document, st *sentence, context []actors.Mention) []doc.Event {
	// A question asserts nothing: "What does this meeting signify?"
	if strings.HasSuffix(strings.TrimRight(st.s.Text, "\"'”’ "), "?") {
		return nil
	}
	var out []doc.Event
	seen := map[string]bool{}
	// Events in a sentence that a verb of saying or "according to"
	// attributes to someone are reported, not asserted by the writer.
	reported := attributed(st.toks)
	for _, h := range st.hits {
		if h.t.Report {
			reported = true
		}
	}
	for _, h := range st.hits {
		if insideMention(st.mentions, h) {
			continue
		}
		// "Palestinian riots", "Israeli attacks": a verb form after a
		// country adjective is a noun owned by it; "Russian support" is
		// a stance, not an event.
		if afterAdjective(st.mentions, h) {
			if strings.HasPrefix(h.t.Code, "05") {
				continue
			}
			n := *h.t
			n.Kind = 'n'
			h.t = &n
		}
		mod, ok := modality(st.toks, st.mentions, h, reportedBefore(st.hits, h) || sayingBefore(st.toks, h))
		if !ok {
			continue
		}
		if reported && !h.t.Report && mod == doc.Asserted {
			mod = doc.Reported
		}
		pairs := c.arguments(st, h, context)
		code := h.t.Code
		if mod == doc.Planned {
			code = intent(code)
		}
		// "Russia said that Sudan must return the helicopter": a
		// statement that another must act is a demand.
		if h.t.Report && demands(st.toks, h) {
			code = "100"
		}
		if _, ok := cameo.Lookup(code); !ok {
			continue
		}
		if root := code[:2]; root == "03" {
			mod = doc.Planned // an intent is a plan, whatever the tense
		}
		loc := c.place(st, h)
		amounts := quantities(st, h, code)
		// "visited Shanghai", "bombed Kabul": a place that no actor names
		// gives the target its country.
		if loc != nil && loc.Country != "" && (h.t.Place || h.t.Code == "042" || violent(h.t.Code)) {
			pairs = placeTargets(pairs, *loc)
		}
		date, prec := d.Published, doc.PrecisionDoc
		if h.dated {
			date, prec = h.date.String(), h.date.Precision()
		}
		for _, p := range pairs {
			key := p.src.Code + "|" + p.tgt.Code + "|" + code
			if seen[key] {
				continue
			}
			seen[key] = true
			var tgt *doc.Actor
			if p.tgt.Code != "" {
				t := p.tgt
				tgt = &t
			}
			info, _ := cameo.Lookup(forceCode(code, p.src, tgt))
			e := doc.Event{
				Doc:           d.ID,
				DocDate:       d.Published,
				Sentence:      st.s.Text,
				SentenceIndex: st.s.Index,
				Span:          [2]int{st.s.Start, st.s.End},
				Source:        p.src,
				Target:        tgt,
				CAMEO:         info.Code,
				Root:          info.Root,
				PLOVER:        info.PLOVER,
				Goldstein:     info.Goldstein,
				Quad:          info.Quad,
				Trigger:       st.s.Text[st.toks[h.first].Start:st.toks[h.last].End],
				Date:          date,
				DatePrecision: prec,
				Location:      loc,
				Quantities:    amounts,
				Modality:      mod,
				Tables:        cameo.Version,
			}
			e.ID = eventID(d, e, st.toks[h.first].Start)
			out = append(out, e)
		}
	}
	return out
}

// placeTargets gives targetless pairs the country of the place, unless
// it is the source's own.
func placeTargets(pairs []pair, loc doc.Location) []pair {
	for i, p := range pairs {
		if p.tgt.Code == "" && p.src.Country != loc.Country {
			pairs[i].tgt = doc.Actor{Text: loc.Text, Code: loc.Country, Country: loc.Country}
		}
	}
	return pairs
}

// unarmed reports whether an actor code names civilians or other people
// who bear no arms: CVL, REF, EDU, HLH, MED, LAB, REL, AGR.
func unarmed(code string) bool {
	if len(code) < 6 {
		return false
	}
	switch code[len(code)-3:] {
	case "CVL", "REF", "EDU", "HLH", "MED", "LAB", "REL", "AGR":
		return true
	}
	return false
}

// military reports whether an actor code names a state's armed forces.
func military(code string) bool {
	return len(code) >= 6 && strings.Contains(code[3:], "MIL")
}

// forceCode refines a code of force by who uses it on whom. CAMEO 19 is
// conventional force by organised armed forces, 18 the unconventional
// violence of others: militiamen who attack a refugee camp assault it
// (180); an army that kills fights (190); bombs set by rebels and
// militants are bombings (183), not aerial weapons (195).
func forceCode(code string, src doc.Actor, tgt *doc.Actor) string {
	switch {
	case code[:2] == "19" && tgt != nil && unarmed(tgt.Code) && !military(src.Code):
		return "180"
	case code == "186" && military(src.Code):
		return "190"
	case code == "195" && nonState(src.Code):
		return "183"
	}
	return code
}

// nonState reports whether an actor code names an armed group outside a
// state: rebels, insurgents, separatists, militants.
func nonState(code string) bool {
	for _, r := range []string{"REB", "INS", "SEP", "UAF", "IMG", "RAD"} {
		if strings.Contains(code[min(3, len(code)):], r) {
			return true
		}
	}
	return false
}

// purposeVerbs are acts done to some end: the infinitive after them says
// what the act is for, and so what it does.
var purposeVerbs = map[string]bool{
	"sent": true, "dispatched": true, "deployed": true, "traveled": true, "travelled": true,
	"flew": true, "went": true, "came": true, "arrived": true, "met": true, "gathered": true,
	"summoned": true, "used": true, "mobilized": true, "mobilised": true, "staged": true,
	"converged": true, "converging": true, "rallied": true, "marched": true, "took": true,
	"called": true, "convened": true, "launched": true, "opened": true, "blocked": true,
}

// governor returns the position of a verb of set that governs the "to"
// at k, looking back at most reach words within the clause, or -1. A
// close governor ("agreed in principle on Saturday to provide") stops at
// a comma or an earlier "to"; a far one ("sent personnel to Bosnia on
// Wednesday to investigate") does not.
func governor(toks []doc.Token, k int, set map[string]bool, reach int) int {
	near := reach <= 6
	for j := k - 1; j >= 0 && j >= k-reach; j-- {
		w := toks[j].Lower()
		if set[w] {
			return j
		}
		if clauseEnds[w] || (near && (w == "," || w == "to")) {
			return -1
		}
	}
	return -1
}

// purposeVerbAt returns the position of the purpose verb that governs the
// "to" at k, from up to ten words back in its clause, or -1.
func purposeVerbAt(toks []doc.Token, k int) int { return governor(toks, k, purposeVerbs, 10) }

// causeVerbs make someone do what the infinitive says: "ordered the
// newspaper to suspend publication", "forced them to leave".
var causeVerbs = map[string]bool{"ordered": true, "forced": true, "compelled": true, "tried": true, "attempted": true, "orders": true, "forces": true}

// endsMention reports whether an actor mention ends at token k.
func endsMention(ms []actors.Mention, k int) bool {
	for _, m := range ms {
		if m.Last == k && len(m.Actors) > 0 {
			return true
		}
	}
	return false
}

// attributed reports whether a sentence names its source: "according to
// TASS", "citing officials".
func attributed(toks []doc.Token) bool {
	for k, t := range toks {
		w := t.Lower()
		if w == "citing" || (w == "according" && k+1 < len(toks) && toks[k+1].Lower() == "to") {
			return true
		}
	}
	return false
}

// reportedBefore reports whether a verb of saying comes before h.
func reportedBefore(hits []hit, h hit) bool {
	for _, o := range hits {
		if o.t.Report && o.last < h.first {
			return true
		}
	}
	return false
}

// sayingWords report what someone said or announced; "would" after them
// is the future of reported speech, not a doubt.
var sayingWords = map[string]bool{
	"said": true, "says": true, "announced": true, "announces": true, "confirmed": true,
	"confirms": true, "declared": true, "stated": true, "told": true, "added": true,
	"indicated": true, "insisted": true, "promised": true, "warned": true, "reported": true,
}

func sayingBefore(toks []doc.Token, h hit) bool {
	for k := h.first - 1; k >= 0; k-- {
		if sayingWords[toks[k].Lower()] {
			return true
		}
	}
	return false
}

// demands reports whether the clause a verb of saying introduces says
// that someone must act: "declared that China must drop barriers".
func demands(toks []doc.Token, h hit) bool {
	for k := h.last + 1; k < len(toks) && k <= h.last+12; k++ {
		switch toks[k].Lower() {
		case "must":
			return true
		case ";", ":":
			return false
		}
	}
	return false
}

// place finds where the event at h happened: a place named in the few
// words after the trigger, in its clause ("arrived in Beijing on June 5",
// "held talks in Lima"). Places further off usually locate something
// else ("opposition to intervention in Syria").
func (c *Coder) place(st *sentence, h hit) *doc.Location {
	if c.places == nil {
		return nil
	}
	end := min(h.hi, h.last+16, len(st.toks)) - 1
	if end <= h.last {
		return nil
	}
	loc, _, _, ok := c.places.Find(st.s.Text, st.toks[h.first:end+1])
	if !ok {
		return nil
	}
	return &loc
}

// quantities returns the amounts stated in the clause of the event at h
// when the event is one that amounts belong to: intents, agreements,
// material cooperation, aid, concessions and sanctions ("a US $3.5
// billion agreement was signed").
func quantities(st *sentence, h hit, code string) []doc.Quantity {
	switch code[:2] {
	case "03", "05", "06", "07", "08", "16":
	default:
		return nil
	}
	from, to := st.toks[h.lo].Start, st.toks[h.hi-1].End
	var out []doc.Quantity
	for _, a := range st.amounts {
		if a.Start >= from && a.End <= to {
			out = append(out, a.Q)
		}
	}
	return out
}

// insideMention reports whether a trigger's words belong to an actor
// mention: "the United States", "the Central Asian states".
func insideMention(ms []actors.Mention, h hit) bool {
	for _, m := range ms {
		if (h.first >= m.First && h.first <= m.Last) || (h.last >= m.First && h.last <= m.Last) {
			return true
		}
	}
	return false
}

// afterAdjective reports whether a verb trigger follows a lone country
// adjective, which makes it a noun: "Russian support", "Chinese
// investment".
func afterAdjective(ms []actors.Mention, h hit) bool {
	for _, m := range ms {
		// A plural demonym is a noun, the subject of the verb after it:
		// "Ukrainians protested", "Palestinians rejected".
		plural := strings.HasSuffix(m.Text, "s") && !strings.HasSuffix(m.Text, "ss")
		if m.Adjective && !plural && m.Last == h.first-1 && h.t.Kind == 'v' {
			return true
		}
	}
	return false
}

// eventID is stable: the same input and dictionaries give the same id.
// The content hash keeps ids apart when an edited file keeps its name.
func eventID(d *doc.Document, e doc.Event, triggerAt int) string {
	target := ""
	if e.Target != nil {
		target = e.Target.Code
	}
	h := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d|%d|%s|%s|%s", d.Hash, e.Doc, e.SentenceIndex, triggerAt, e.Source.Code, target, e.CAMEO))
	return hex.EncodeToString(h[:10])
}

// intent maps an event code to the CAMEO code for the intent to do it.
func intent(code string) string {
	switch root := code[:2]; {
	case code == "030" || root == "03":
		return code
	case root == "04":
		return "036"
	case root == "05":
		return "030"
	case root == "06":
		return "031"
	case root == "07":
		return "033"
	case root == "08":
		return "035"
	case root >= "09" && root <= "20":
		return "130"
	}
	return "030"
}

// Words that deny, doubt or plan the event that follows them.
var (
	negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "unable": true, "failed": true, "fail": true, "yet": true, "without": true, "cannot": true, "nor": true, "neither": true}
	doubters = map[string]bool{"must": true, "could": true, "may": true, "might": true, "would": true, "should": true, "if": true, "whether": true, "hoped": true, "hope": true, "hopes": true, "speculation": true, "possibility": true, "unless": true, "possible": true, "perhaps": true, "likely": true, "unlikely": true, "probably": true}
	planners = map[string]bool{"will": true, "plans": true, "plan": true, "planned": true, "intends": true, "intend": true, "intended": true, "expected": true, "aims": true, "upcoming": true, "'ll": true, "shall": true, "scheduled": true}
	// Before "to VERB", these make the verb an intent ("pledged to
	// visit") or an asserted act ("chose to visit"); after any other word
	// ("pressure to support", "failed to agree") the verb is not asserted.
	intentVerbs = map[string]bool{"pledged": true, "pledge": true, "promised": true, "vowed": true, "agreed": true, "decided": true, "intend": true, "intends": true, "plans": true, "plan": true, "planned": true, "aims": true, "aim": true, "seeks": true, "sought": true, "wants": true, "expected": true, "going": true, "set": true, "due": true, "ready": true, "prepared": true, "offered": true}
	doneVerbs   = map[string]bool{"chose": true, "managed": true, "began": true, "started": true, "continue": true, "continues": true, "continued": true, "went": true, "came": true, "begun": true, "resumed": true, "stopped": true, "kept": true}
	clauseEnds  = map[string]bool{";": true, ":": true, "(": true, ")": true, "—": true, "–": true, "which": true, "who": true, "whose": true, "while": true, "whereas": true, "although": true, "though": true, "but": true, "because": true, "however": true, "if": true, "unless": true, "“": true, "”": true, "\"": true}
	beAux       = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "'s": true, "’s": true, "am": true}
)

// modality classifies the event at h from the words just before it in its
// clause: ok=false for a denied or doubted event.
func modality(toks []doc.Token, ms []actors.Mention, h hit, reported bool) (string, bool) {
	mod := doc.Asserted
	first := toks[h.first].Lower()
	if h.t.Kind == 'v' && h.first > 0 {
		prev := toks[h.first-1].Lower()
		// "to VERB": an infinitive is an intent or nothing asserted.
		if prev == "to" && h.first > 1 {
			before := toks[h.first-2].Lower()
			switch {
			case doneVerbs[before] || governor(toks, h.first-1, causeVerbs, 6) >= 0:
			case intentVerbs[before] || planners[before] || governor(toks, h.first-1, intentVerbs, 6) >= 0:
				mod = doc.Planned
			case endsMention(ms, h.first-2) || purposeVerbAt(toks, h.first-1) >= 0:
				// "summoned Niger's ambassador to complain", "sent
				// personnel to Bosnia to investigate": the purpose of an
				// act is what the act does.
			default:
				return "", false
			}
		}
		// A bare gerund is a modifier or a complement ("measures
		// condemning", "by selling to"), not a finite event.
		if first == gerund(h.t.Lemma) && !beAux[prev] && !doneVerbs[prev] &&
			!(h.first > 1 && beAux[toks[h.first-2].Lower()]) {
			return "", false
		}
	}
	start := max(0, h.first-6)
	for k := h.first - 1; k >= start; k-- {
		w := toks[k].Lower()
		if clauseEnds[w] && w != "if" && w != "unless" {
			break
		}
		if k > 0 && toks[k].IsCapitalized() {
			continue // a name: "Theresa May held talks"
		}
		switch {
		case negators[w]:
			return "", false
		case reported && (w == "would" || w == "'d"):
			// "said they would boycott": the future of reported speech.
			mod = doc.Planned
		case doubters[w]:
			return "", false
		case planners[w]:
			mod = doc.Planned
		}
	}
	// "planned" after a noun: "more meetings planned".
	if h.t.Kind == 'n' && h.last+1 < len(toks) && planners[toks[h.last+1].Lower()] {
		mod = doc.Planned
	}
	// A noun in the scope of an intended act: "agreed to provide $70
	// million of aid".
	if h.t.Kind == 'n' {
		for k := h.first - 1; k >= 0 && k >= h.first-8; k-- {
			w := toks[k].Lower()
			if clauseEnds[w] || w == "," {
				break
			}
			if w == "to" && k > 0 && governor(toks, k, intentVerbs, 6) >= 0 {
				mod = doc.Planned
				break
			}
		}
	}
	return mod, true
}
