package timex

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Why an expression does not date the event it sits next to.
const (
	eventTime = iota // it may date the event
	limit            // a start, end or deadline: "since 2006", "by 2018"
	amount           // it dates a figure: "$100 billion in 2015"
)

// EventDate picks the date of the event whose trigger word is toks[trigger],
// toks being the tokens of sentence (as internal/nlp makes them): the
// expression nearest the trigger in the same clause, preferring the first one after the trigger, then the last
// one before it. Expressions that date something else are skipped (see
// datesSomethingElse), and a year inside a name ("such as Joint Sea 2013")
// is used only when nothing else in the clause applies. ok is false when no
// expression applies; the caller then uses the document date with
// precision "doc". When the first expression after the trigger is a limit
// ("has negotiated since 2004 and signed a deal in May"), it is the
// trigger's own timing, so later expressions do not date it.
func EventDate(sentence string, toks []doc.Token, trigger int, ref Date) (Date, bool) {
	if trigger < 0 || trigger >= len(toks) {
		return Date{}, false
	}
	sc := newScanner(sentence, toks, ref)
	return sc.eventDate(sc.scan(), trigger)
}

// eventDate is EventDate on a sentence already scanned: ms are the
// expressions sc.scan found. A sentence is scanned once for the story
// and all its events (Told).
func (sc *scanner) eventDate(ms []match, trigger int) (Date, bool) {
	if trigger < 0 || trigger >= len(sc.doc) || len(ms) == 0 {
		return Date{}, false
	}
	at := sc.doc[trigger].Start
	if d, ok := sc.counted(ms, at); ok {
		return d, true
	}
	lo, hi := sc.clause(at)
	after, before, nameAfter, nameBefore := -1, -1, -1, -1
	shadowed := false // a limit right after the trigger is its own timing
	for i, m := range ms {
		start, end := sc.toks[m.first].start, sc.toks[m.last].end
		if start < lo || end > hi {
			continue
		}
		h := sc.headOf(m)
		if sc.datesOtherClause(h, trigger) || sc.datesItsNoun(m, h, trigger) {
			continue
		}
		why := sc.datesSomethingElse(m)
		if why == limit && sc.inOwnClause(m, h, trigger) {
			why = eventTime
		}
		switch why {
		case limit:
			if end > at && after < 0 && nameAfter < 0 {
				shadowed = true
			}
			continue
		case amount:
			continue
		}
		if shadowed && end > at {
			continue
		}
		switch {
		case m.name && end > at:
			if nameAfter < 0 {
				nameAfter = i
			}
		case m.name:
			nameBefore = i
		case end > at:
			if after < 0 {
				after = i
			}
		default:
			before = i
		}
	}
	for _, i := range []int{after, before, nameAfter, nameBefore} {
		if i >= 0 {
			return ms[i].date, true
		}
	}
	return sc.when(ms, lo)
}

// counted dates an event by a count of days or weeks from the date of
// another event of the sentence, at day precision:
//   - "N days later" before the trigger counts on from the last date
//     before it: "shut the crossings on August 19 ..., and two days later
//     declared a state of emergency" (August 21);
//   - "N days after" before the trigger counts back from the last date
//     before it, the trigger being what happened after: "said on
//     Wednesday, a day after Turkish fighters shot down a Russian bomber"
//     (the shooting: Tuesday).
//
// The trigger must follow the count closely, in the same clause.
func (sc *scanner) counted(ms []match, at int) (Date, bool) {
	for k := len(sc.toks) - 1; k >= 0; k-- {
		t := sc.toks[k]
		if t.start >= at {
			continue
		}
		if sc.boundary(k) || sc.toks[k].kind == tPunct && t.text != "-" || sc.tokensBetween(k, at) > 12 {
			return Date{}, false
		}
		w := sc.word(k)
		if w != "later" && w != "after" {
			continue
		}
		n, ok := sc.count(k - 2)
		if !ok {
			return Date{}, false
		}
		switch sc.word(k - 1) {
		case "day", "days":
		case "week", "weeks":
			n *= 7
		default:
			return Date{}, false
		}
		if w == "after" {
			n = -n
		}
		from := sc.toks[k-2].start
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if sc.toks[m.last].end > from || m.name || sc.datesSomethingElse(m) != eventTime {
				continue
			}
			if m.date.Day == 0 {
				return Date{}, false
			}
			return m.date.addDays(n), true
		}
		return Date{}, false
	}
	return Date{}, false
}

// datesOtherClause reports, by the sentence's parse, an expression that
// dates another clause than the event's:
//   - a clause describing one of the event's parties (its subject or
//     object): in "Washington freed three Cuban officers convicted of
//     espionage in 2001", 2001 dates the conviction, not the freeing; but a
//     clause on the event's own noun dates it ("the agreement signed in
//     2014"), and so does one on a circumstance ("in a video released on
//     May 5, Shekau threatened");
//   - a clause the event reports: in "Kiir told parliament that Ban had
//     telephoned him on Wednesday", Wednesday dates the call, not the
//     telling.
//
// h is the expression's parse head (headOf); without a parse, nothing is
// reported.
func (sc *scanner) datesOtherClause(h, trigger int) bool {
	toks := sc.doc
	trigHead := toks[trigger].Head
	for steps := 0; h >= 0 && h < len(toks) && steps < 8; steps++ {
		if h == trigger || dominates(toks, h, trigger) {
			return false
		}
		n := toks[h].Head
		switch toks[h].Rel {
		case "acl", "acl:relcl":
			if n < 0 || n == trigger || n == trigHead {
				return false
			}
			switch toks[n].Rel {
			case "obj", "iobj", "nsubj", "nsubj:pass":
				p := toks[n].Head
				return p == trigger || p == trigHead
			case "nmod":
				// a noun of a phrase of the event: "accuses X, in
				// retaliation for sanctions imposed last year"
				return dominates(toks, trigger, n)
			}
			return false
		case "ccomp":
			return n == trigger && h > trigger && hasSubject(toks, h)
		}
		h = n
	}
	return false
}

// headOf returns the parse head of match m: the head, outside m, of its
// first token that has one; -1 without a parse.
func (sc *scanner) headOf(m match) int {
	first, last := sc.toks[m.first].i, sc.toks[m.last].i
	for k := first; k <= last; k++ {
		if p := sc.doc[k].Head; (p < first || p > last) && sc.doc[k].Rel != "" {
			return p
		}
	}
	return -1
}

// datesItsNoun reports a date that modifies a noun after it ("under a
// 1997 friendship treaty", "violated the 1987 arms treaty"): it dates
// that noun, so it dates the event only when the noun is the trigger or
// the noun is the occasion of the event ("during his December 2013
// visit": a preposition of the occasions' list, occasionPreps). h is
// m's parse head (headOf).
func (sc *scanner) datesItsNoun(m match, h, trigger int) bool {
	if m.name || h <= sc.toks[m.last].i {
		return false
	}
	toks := sc.doc
	for h < len(toks) && toks[h].Rel == "compound" && toks[h].Head > h {
		h = toks[h].Head
	}
	if h >= len(toks) || h == trigger || (toks[h].UPOS != "NOUN" && toks[h].UPOS != "PROPN") {
		return false
	}
	// The word before the date opens the noun's phrase ("a", "his"):
	// "On Monday its spokesman" is a date of its own.
	if b := sc.toks[m.first].i - 1; b < 0 || toks[b].Head != h {
		return false
	}
	for k := sc.toks[m.first].i - 1; k >= 0 && k >= h-12; k-- {
		if toks[k].Head == h && toks[k].Rel == "case" {
			return !occasionPreps[strings.ToLower(toks[k].Text)]
		}
	}
	return true
}

// occasionPreps are the prepositions whose noun is an occasion that
// dates what happens at it: "signed during his 2013 visit".
var occasionPreps = map[string]bool{
	"during": true, "at": true, "on": true, "in": true, "amid": true, "throughout": true,
}

// inOwnClause reports a date inside a clause opened by "since" or "until"
// ("since Washington broke off ties in January 1961") whose verb is the
// trigger: the clause is a limit of the main verb, but the date is its
// own verb's. h is m's parse head (headOf).
func (sc *scanner) inOwnClause(m match, h, trigger int) bool {
	if h < 0 || (h != trigger && !dominates(sc.doc, trigger, h)) {
		return false
	}
	for k := sc.toks[m.first].i - 1; k >= 0 && k >= trigger-12; k-- {
		if t := sc.doc[k]; t.Rel == "mark" && t.Head == trigger {
			switch strings.ToLower(t.Text) {
			case "since", "until", "till":
				return true
			}
		}
	}
	return false
}

// hasSubject reports whether toks[v] has a subject, as a finite clause
// does ("that Ban had telephoned him"), unlike a participle ("speaking").
func hasSubject(toks []doc.Token, v int) bool {
	for _, t := range toks {
		if t.Head == v && strings.HasPrefix(t.Rel, "nsubj") {
			return true
		}
	}
	return false
}

// dominates reports whether toks[a] is an ancestor of toks[b] in the parse.
func dominates(toks []doc.Token, a, b int) bool {
	for steps := 0; b >= 0 && b < len(toks) && steps < len(toks); steps++ {
		b = toks[b].Head
		if b == a {
			return true
		}
	}
	return false
}

// tokensBetween counts the tokens from k up to byte offset at.
func (sc *scanner) tokensBetween(k, at int) int {
	n := 0
	for ; k < len(sc.toks) && sc.toks[k].start < at; k++ {
		n++
	}
	return n
}

// when dates a clause opened by ", when" that has no date of its own (its
// start is lo) by the date it follows, whatever that date is to the main
// clause: "Relations have deteriorated since May, when Kinshasa suspended
// RwandAir flights" (May); "The fighting erupted last Thursday night, when
// Georgian troops launched an offensive" (last Thursday).
func (sc *scanner) when(ms []match, lo int) (Date, bool) {
	k := 0
	for k < len(sc.toks) && sc.toks[k].start < lo {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].start != lo || !sc.punct(k, ",") || sc.word(k+1) != "when" {
		return Date{}, false
	}
	end := k - 1
	switch sc.word(end) {
	case "night", "morning", "afternoon", "evening":
		end--
	}
	for _, m := range ms {
		if m.last == end && sc.datesSomethingElse(m) != amount {
			return m.date, true
		}
	}
	return Date{}, false
}

// clause returns the byte range [lo, hi) of the clause holding offset pos.
// Clauses end at ";", ":", a dash between spaces, at a comma before a
// conjunction or relative word (", and", ", which", ", during which"), and
// before "while", "whereas", "although". A comma alone does not end a
// clause, so an opening "On June 5, ..." still dates the main verb.
//
// A relative clause opened by a comma (", who turned 59 in October,") is
// closed by the next comma, so its dates stay inside it.
func (sc *scanner) clause(pos int) (lo, hi int) {
	lo, hi = 0, len(sc.s)
	inRelative := false
	for i, t := range sc.toks {
		closes := inRelative && t.text == ","
		if !sc.boundary(i) && !closes {
			continue
		}
		inRelative = false
		if t.text == "," {
			switch sc.word(i + 1) {
			case "who", "whom", "whose", "which", "where":
				inRelative = true
			}
		}
		if t.start <= pos {
			lo = t.start
		} else {
			hi = t.start
			break
		}
	}
	return lo, hi
}

func (sc *scanner) boundary(i int) bool {
	t := sc.toks[i]
	if t.kind == tWord {
		switch lowerWord(t) {
		case "while", "whereas", "although", "though":
			return true
		case "and", "or", "but":
			// "announced that an agreement had been reached and that the
			// duties, due to take effect on Monday, were suspended": a
			// second clause of "that" is a clause of its own.
			return sc.word(i+1) == "that" && sc.markAt(i+1)
		}
		return false
	}
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case ";", ":", "—":
		return true
	case "-", "–":
		n, ok := sc.tok(i + 1)
		return !t.glued && ok && !n.glued
	case ",":
		switch sc.word(i + 1) {
		case "and", "or":
			// ", and" in a list of names or nouns joins them, not clauses:
			// "seized two gunboats, the Berdyansk and the Nikopol, and the
			// tug Yany Kapu on Sunday"
			return !sc.joinsNouns(i + 1)
		case "but", "yet", "so", "which", "who", "whom", "whose",
			"where", "when":
			return true
		case "during":
			return sc.word(i+2) == "which"
		}
	}
	return false
}

// markAt reports, by the parse, a word at token i that opens a clause
// (the relation mark).
func (sc *scanner) markAt(i int) bool {
	t, ok := sc.tok(i)
	return ok && t.i < len(sc.doc) && sc.doc[t.i].Rel == "mark"
}

// joinsNouns reports, by the parse, a conjunction at token i that joins
// nouns: the phrase after it is a noun that is no subject (a conjunct,
// object, apposition or phrase of a noun: "seized two gunboats, and the
// tug Yany Kapu on Sunday"), where a clause would have a verb or a subject.
func (sc *scanner) joinsNouns(i int) bool {
	t, ok := sc.tok(i + 1)
	if !ok || t.i >= len(sc.doc) {
		return false
	}
	k := t.i
	for steps := 0; steps < 4 && k >= 0 && k < len(sc.doc) && modifier[sc.doc[k].Rel]; steps++ {
		k = sc.doc[k].Head
	}
	if k < 0 || k >= len(sc.doc) {
		return false
	}
	d := sc.doc[k]
	if d.UPOS != "NOUN" && d.UPOS != "PROPN" {
		return false
	}
	switch d.Rel {
	case "conj", "obj", "appos", "nmod":
		return true
	}
	return false
}

// modifier holds the relations of a word inside a noun's phrase.
var modifier = map[string]bool{"det": true, "amod": true, "compound": true, "nummod": true, "nmod:poss": true}

// datesSomethingElse reports an expression that, by the words before it,
// dates a state, a limit or an amount rather than the event itself:
//   - a start, end or limit: "since 2006", "until May", "by 2018",
//     "before June 5", "from 2011", "relative to 2014", "ahead of May 14";
//   - a since-phrase reaching it: "since his reelection in June 2012";
//   - an amount it qualifies: "to $100 billion in 2015", "from $83.5
//     billion in 2011", "9 percent in 2013".
//
// Ages, money, counts and names such as "the 2014 Strategic Partnership"
// never reach here: Find does not take them for dates.
func (sc *scanner) datesSomethingElse(m match) int {
	p := m.first - 1
	if sc.word(p) == "the" {
		p-- // "by the end of 2014"
	}
	switch sc.word(p) {
	case "since", "until", "till", "by", "before", "after", "to", "than":
		return limit
	case "from":
		// "from June 6 to June 7" starts a period the event spans;
		// "from 2011" alone is a starting point.
		switch sc.word(m.last + 1) {
		case "to", "until", "till", "through":
			return eventTime
		}
		return limit
	case "with":
		if sc.word(p-1) == "compared" {
			return limit
		}
	case "of":
		switch sc.word(p - 1) {
		case "ahead", "as":
			return limit
		}
		if sc.amountAt(p - 1) {
			return amount
		}
	case "in", "for":
		if sc.amountAt(p - 1) {
			return amount
		}
	}
	// A since-phrase covers the words up to the next comma or conjunction.
	for k := p; k >= 0 && k > p-9; k-- {
		t := sc.toks[k]
		if t.kind == tPunct && t.text != "’" && t.text != "'" && t.text != "." && t.text != "-" {
			break
		}
		switch lowerWord(t) {
		case "since", "until", "till":
			return limit
		case "and", "but", "or", "then", "while":
			return eventTime
		}
	}
	return eventTime
}

// amountAt reports a number or unit word at i: "2011", "$100 billion", "9 percent".
func (sc *scanner) amountAt(i int) bool {
	t, ok := sc.tok(i)
	if !ok {
		return false
	}
	return (t.kind == tNum && !sc.isYearToken(i)) || t.text == "%" || sc.unitAt(i)
}

// isYearToken reports a four-digit number that reads as a year.
func (sc *scanner) isYearToken(i int) bool {
	_, ok := sc.yearAt(i)
	return ok
}
