package timex

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Expr is one date expression found in a sentence. The preposition that
// introduces it is not part of it: in "arrived on June 5" Text is "June 5".
type Expr struct {
	Start, End int // byte offsets in the sentence
	Text       string
	Date       Date // resolved against the document date
	// Kind is "absolute" (a named calendar date, its year possibly taken
	// from the document date: "June 5", "in April", "May 8, 2015"),
	// "relative" (deictic: "last week", "yesterday", "on Monday"),
	// "range" (the start of "May 14-15", "2014-15") or "fuzzy" ("mid-2016",
	// "early July", and years inside names: "Joint Sea 2013").
	Kind string
	// Name marks a year that is part of a name ("Joint Sea 2013",
	// "RIMPAC 2012", "Vostok-2018"): it dates the named thing, so EventDate
	// uses it only when nothing else in the clause dates the event.
	Name bool
}

// Kinds of Expr.
const (
	KindAbsolute = "absolute"
	KindRelative = "relative"
	KindRange    = "range"
	KindFuzzy    = "fuzzy"
)

// Find returns the date expressions of sentence, whose tokens (as
// internal/nlp makes them) are toks, resolved against the document date
// ref, in order of position. Expressions that need a part of ref that is
// unknown (a weekday when ref has no day, anything relative when ref is
// zero) are left out, as are periods ("the past 18 months", "in the coming
// days"), decades ("the 1990s") and numbers that only look like years
// (money, counts, times, ordinals, "the 2014 Strategic Partnership").
func Find(sentence string, toks []doc.Token, ref Date) []Expr {
	sc := newScanner(sentence, toks, ref)
	ms := sc.scan()
	if len(ms) == 0 {
		return nil
	}
	out := make([]Expr, len(ms))
	for i, m := range ms {
		out[i] = sc.expr(m)
	}
	return out
}

// match is an expression as token indices [first, last], inclusive.
type match struct {
	first, last int
	date        Date
	kind        string
	name        bool
}

// scanner holds one sentence's tokens and the reference date.
type scanner struct {
	s    string
	toks []token
	ref  Date
	doc  []doc.Token // the sentence's tokens, with their parse when it has one
}

func newScanner(s string, toks []doc.Token, ref Date) *scanner {
	return &scanner{s: s, toks: read(toks), ref: ref, doc: toks}
}

func (sc *scanner) expr(m match) Expr {
	start, end := sc.toks[m.first].start, sc.toks[m.last].end
	return Expr{Start: start, End: end, Text: sc.s[start:end], Date: m.date, Kind: m.kind, Name: m.name}
}

// scan walks the tokens left to right, taking the first pattern that
// matches at each position and resuming after it.
func (sc *scanner) scan() []match {
	var ms []match
	for i := 0; i < len(sc.toks); {
		// A resolved date can fall outside the calendar (ref 0001-01-01,
		// "last week"); such a match is dropped.
		if m, ok := sc.at(i); ok && m.date.valid() {
			ms = append(ms, m)
			i = m.last + 1
			continue
		}
		i++
	}
	return ms
}

// at tries the patterns at token i, most specific first.
func (sc *scanner) at(i int) (match, bool) {
	if m, ok := sc.isoDate(i); ok {
		return m, true
	}
	if m, ok := sc.weekday(i); ok {
		return m, true
	}
	if m, ok := sc.monthFirst(i); ok {
		return m, true
	}
	if m, ok := sc.dayFirst(i); ok {
		return m, true
	}
	if m, ok := sc.fuzzy(i); ok {
		return m, true
	}
	if m, ok := sc.relative(i); ok {
		return m, true
	}
	return sc.year(i)
}

// --- token helpers ---

func (sc *scanner) tok(i int) (token, bool) {
	if i < 0 || i >= len(sc.toks) {
		return token{}, false
	}
	return sc.toks[i], true
}

// word is the lower-cased word at i, or "" when i is not a word.
func (sc *scanner) word(i int) string {
	t, ok := sc.tok(i)
	if !ok {
		return ""
	}
	return lowerWord(t)
}

func (sc *scanner) punct(i int, p string) bool {
	t, ok := sc.tok(i)
	return ok && t.kind == tPunct && t.text == p
}

// monthAt reads a capitalized month name at i ("June", "Sept.", "Dec"),
// returning its number, the index after it, and whether it was abbreviated.
func (sc *scanner) monthAt(i int) (m, next int, abbrev, ok bool) {
	t, ok := sc.tok(i)
	if !ok || !capitalized(t) {
		return 0, 0, false, false
	}
	m, abbrev = monthNumber(lowerWord(t))
	if m == 0 {
		return 0, 0, false, false
	}
	next = i + 1
	if abbrev {
		if d, ok := sc.tok(next); ok && d.glued && d.text == "." {
			next++
		}
	}
	return m, next, abbrev, true
}

// dayAt reads a day of the month at i ("5", "5th"), returning it and the
// index after it.
func (sc *scanner) dayAt(i int) (d, next int, ok bool) {
	t, ok := sc.tok(i)
	if !ok || t.kind != tNum {
		return 0, 0, false
	}
	d, ok = dayNumber(t.text)
	if !ok {
		return 0, 0, false
	}
	next = i + 1
	if w, ok := sc.tok(next); ok && w.glued && w.kind == tWord {
		return 0, 0, false // "5km"; "5th" is one token
	}
	if sc.unitAt(next) || sc.punct(next, "%") {
		return 0, 0, false
	}
	return d, next, true
}

// dayNumber reads a day of the month written "5", "05" or "5th".
func dayNumber(w string) (int, bool) {
	n := 0
	for n < len(w) && n < 2 && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	switch strings.ToLower(w[n:]) {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	d, ok := digits(w[:n])
	return d, ok && d >= 1 && d <= 31
}

// yearAt reads a four-digit year at i that is not part of an amount, a
// count, a decade or a compound ("$2012", "2000 soldiers", "1990s",
// "2000-strong").
func (sc *scanner) yearAt(i int) (int, bool) {
	t, ok := sc.tok(i)
	if !ok || t.kind != tNum {
		return 0, false
	}
	y, ok := yearNumber(t.text)
	if !ok {
		return 0, false
	}
	if n, ok := sc.tok(i + 1); ok && n.glued {
		switch {
		case n.kind == tWord, n.text == "%":
			return 0, false // "1990s", "2013%"
		case isDash(n):
			if w, ok := sc.tok(i + 2); ok && w.glued && w.kind == tWord {
				return 0, false // "2000-strong"
			}
		}
	}
	if sc.unitAt(i+1) || sc.currencyBefore(i) {
		return 0, false
	}
	return y, true
}

// yearNumber reads a year written in four digits, 1600 to 2199.
func yearNumber(w string) (int, bool) {
	y, ok := digits(w)
	return y, ok && len(w) == 4 && y >= 1600 && y <= 2199
}

// unitAt reports a unit or count noun at i: a number before it is an amount.
func (sc *scanner) unitAt(i int) bool {
	switch sc.word(i) {
	case "billion", "million", "trillion", "thousand", "hundred", "bn", "mln",
		"percent", "per", "pct", "tonnes", "tons", "barrels", "bcm", "cubic",
		"square", "soldiers", "troops", "people", "men", "personnel", "km",
		"kilometres", "kilometers", "miles", "metres", "meters", "feet",
		"tanks", "aircraft", "planes", "vessels", "ships", "units", "yuan",
		"rubles", "roubles", "dollars", "euros", "usd", "gmt", "utc", "hours",
		"hrs", "times":
		return true
	}
	return false
}

// currencyBefore reports a currency sign or code right before i.
func (sc *scanner) currencyBefore(i int) bool {
	p, ok := sc.tok(i - 1)
	if !ok {
		return false
	}
	switch p.text {
	case "$", "€", "£", "¥":
		return true
	}
	switch lowerWord(p) {
	case "usd", "us", "rmb", "eur", "rub", "cny":
		return true
	}
	return false
}

// --- patterns ---

// isoDate: "2012-06-05", one token.
func (sc *scanner) isoDate(i int) (match, bool) {
	t := sc.toks[i]
	if t.kind != tNum || len(t.text) != len("2012-06-05") {
		return match{}, false
	}
	d, ok := ParseISO(t.text)
	if !ok {
		return match{}, false
	}
	return match{first: i, last: i, date: d, kind: KindAbsolute}, true
}

// monthFirst: "June 5", "May 14-15", "May 8, 2015", "June 5th", "February
// 2012", "June of 2012", and a bare month after a cue word ("in April",
// "since March", "last July").
func (sc *scanner) monthFirst(i int) (match, bool) {
	m, j, abbrev, ok := sc.monthAt(i)
	if !ok {
		return match{}, false
	}
	if d, k, ok := sc.dayAt(j); ok {
		res := match{first: i, last: k - 1, kind: KindAbsolute}
		if t, ok := sc.tok(k); ok && isDash(t) {
			if d2, k2, ok := sc.dayAt(k + 1); ok && d2 > d {
				res.last, res.kind, k = k2-1, KindRange, k2
			}
		}
		return sc.withYear(res, k, m, d)
	}
	n := j
	if sc.word(n) == "of" {
		n++
	}
	if y, ok := sc.yearAt(n); ok {
		return match{first: i, last: n, date: Date{Year: y, Month: m}, kind: KindAbsolute}, true
	}
	if abbrev {
		return match{}, false
	}
	return sc.bareMonth(i, m)
}

// bareMonth dates a month named without day or year, only after a cue word
// ("in April", "by May"), never on its own: "May" is also a verb and
// "March" a noun.
func (sc *scanner) bareMonth(i, m int) (match, bool) {
	if sc.ref.Year == 0 {
		return match{}, false
	}
	res := match{first: i, last: i, kind: KindAbsolute}
	switch sc.word(i - 1) {
	case "in", "during", "since", "until", "till", "by", "from", "to", "through",
		"throughout", "of", "before", "after", "around", "early", "late":
		var ok bool
		res.date, ok = sc.inferYear(m, 0)
		return res, ok
	case "this":
		res.first, res.kind = i-1, KindRelative
		res.date = Date{Year: sc.ref.Year, Month: m}
		return res, true
	case "last", "next":
		if sc.ref.Month == 0 {
			return match{}, false
		}
		res.first, res.kind = i-1, KindRelative
		y := sc.ref.Year
		if sc.word(i-1) == "last" && m >= sc.ref.Month {
			y--
		} else if sc.word(i-1) == "next" && m <= sc.ref.Month {
			y++
		}
		res.date = Date{Year: y, Month: m}
		return res, true
	}
	return match{}, false
}

// dayFirst: "5 June 2012", "5th of June", "5 June".
func (sc *scanner) dayFirst(i int) (match, bool) {
	d, j, ok := sc.dayAt(i)
	if !ok {
		return match{}, false
	}
	if sc.word(j) == "of" {
		j++
	}
	m, k, _, ok := sc.monthAt(j)
	if !ok {
		return match{}, false
	}
	return sc.withYear(match{first: i, last: k - 1, kind: KindAbsolute}, k, m, d)
}

// withYear completes a month-and-day match with the year written at k
// ("June 5, 2012", "5 June 2012"), or the year inferred from the
// reference date ("on June 5").
func (sc *scanner) withYear(res match, k, m, d int) (match, bool) {
	n := k
	if sc.punct(n, ",") {
		n++
	}
	if y, ok := sc.yearAt(n); ok {
		res.date, res.last = Date{y, m, d}, n
		return res, res.date.valid()
	}
	var ok bool
	res.date, ok = sc.inferYear(m, d)
	return res, ok
}

// fuzzy: a qualifier before a month or a year: "mid-2016", "mid-July",
// "early July", "late 2013", "the end of 2015", "the beginning of May",
// "summer 2013", "the first half of 2014". The result keeps the precision
// of the month or year named.
func (sc *scanner) fuzzy(i int) (match, bool) {
	if m, y, ok := sc.midJoined(i); ok {
		if y != 0 {
			return match{first: i, last: i, date: Date{Year: y}, kind: KindFuzzy}, true
		}
		return sc.fuzzyMonth(i, m, i+1, false)
	}
	j := -1
	switch sc.word(i) {
	case "mid":
		j = i + 1
		if t, ok := sc.tok(j); ok && isDash(t) && t.glued {
			j++
		}
	case "early", "late":
		j = i + 1
	case "end", "beginning", "start", "middle":
		if sc.word(i+1) == "of" {
			j = i + 2
		}
	case "spring", "summer", "autumn", "winter":
		j = i + 1
		if sc.word(j) == "of" {
			j++
		}
	case "fall":
		if sc.word(i+1) == "of" {
			j = i + 2
		}
	case "first", "second", "third", "fourth":
		if w := sc.word(i + 1); (w == "half" || w == "quarter") && sc.word(i+2) == "of" {
			j = i + 3
		}
	}
	if j < 0 {
		return match{}, false
	}
	if m, k, abbrev, ok := sc.monthAt(j); ok {
		return sc.fuzzyMonth(i, m, k, abbrev)
	}
	if y, ok := sc.yearAt(j); ok {
		return match{first: i, last: j, date: Date{Year: y}, kind: KindFuzzy}, true
	}
	return match{}, false
}

// midJoined reads "mid-July" or "mid-2016", written as one token (UD
// English keeps a prefix and its word together), returning the month or
// the year.
func (sc *scanner) midJoined(i int) (m, y int, ok bool) {
	t, ok := sc.tok(i)
	if !ok || !strings.HasPrefix(t.lower, "mid-") {
		return 0, 0, false
	}
	rest := t.text[len("mid-"):]
	if y, ok := yearNumber(rest); ok {
		return 0, y, true
	}
	if m, abbrev := monthNumber(t.lower[len("mid-"):]); m != 0 && !abbrev && upperFirst(rest) {
		return m, 0, true
	}
	return 0, 0, false
}

// fuzzyMonth completes a qualified month named at token k-1 (or inside
// token i): with the year after it ("late July 2016"), or inferred from
// the reference date.
func (sc *scanner) fuzzyMonth(i, m, k int, abbrev bool) (match, bool) {
	if _, _, ok := sc.dayAt(k); ok {
		return match{}, false // "late June 5": leave it to monthFirst
	}
	if y, ok := sc.yearAt(k); ok {
		return match{first: i, last: k, date: Date{Year: y, Month: m}, kind: KindFuzzy}, true
	}
	if abbrev {
		return match{}, false
	}
	d, ok := sc.inferYear(m, 0)
	return match{first: i, last: k - 1, date: d, kind: KindFuzzy}, ok
}

// relative: "yesterday", "today", "last night", "this/last/next
// week|month|year", "this morning", "two years ago".
func (sc *scanner) relative(i int) (match, bool) {
	ref := sc.ref
	if ref.Year == 0 {
		return match{}, false
	}
	res := match{first: i, last: i, kind: KindRelative}
	w := sc.word(i)
	switch w {
	case "yesterday":
		res.date = ref
		if ref.Day != 0 {
			res.date = ref.addDays(-1)
		}
		return res, true
	case "today", "tonight":
		res.date = ref
		return res, true
	case "this", "last", "next":
		switch sc.word(i - 1) {
		case "the", "a", "an", "its", "their", "his", "her", "our":
			return match{}, false // "over the last year" is a period
		}
		res.last = i + 1
		var ok bool
		res.date, ok = deictic(ref, w, sc.word(i+1))
		return res, ok
	}
	if n, ok := sc.count(i); ok && sc.word(i+2) == "ago" {
		res.last = i + 2
		switch sc.word(i + 1) {
		case "day", "days":
			if ref.Day != 0 {
				res.date = ref.addDays(-n)
			}
		case "week", "weeks":
			if ref.Day != 0 {
				res.date = ref.addDays(-7 * n)
			}
		case "month", "months":
			if ref.Month != 0 {
				res.date = Date{Year: ref.Year, Month: ref.Month}.addMonths(-n)
			}
		case "year", "years":
			res.date = Date{Year: ref.Year - n}
		}
		return res, !res.date.IsZero()
	}
	return match{}, false
}

// deictic resolves "this|last|next" + unit against ref. A week resolves to
// a day (ref ± 7 days) when ref has a day, since the record has no week
// precision; "this week" resolves to ref's month, which is true whichever
// day of the week the event fell on (unless the week straddles two months).
// When ref is coarser than the unit, the result is ref itself.
func deictic(ref Date, which, unit string) (Date, bool) {
	step := 0
	switch which {
	case "last":
		step = -1
	case "next":
		step = 1
	}
	switch unit {
	case "night":
		if which != "last" {
			return Date{}, false
		}
		fallthrough
	case "morning", "afternoon", "evening":
		if which == "next" {
			return Date{}, false
		}
		if ref.Day != 0 {
			return ref.addDays(step), true
		}
		return ref, true
	case "week":
		switch {
		case ref.Day != 0 && step != 0:
			return ref.addDays(7 * step), true
		case ref.Month != 0:
			return Date{Year: ref.Year, Month: ref.Month}, true
		}
		return ref, true
	case "month":
		if ref.Month == 0 {
			return Date{}, false
		}
		return Date{Year: ref.Year, Month: ref.Month}.addMonths(step), true
	case "year":
		return Date{Year: ref.Year + step}, true
	}
	return Date{}, false
}

// count reads a small count at i: "two", "a", "3".
func (sc *scanner) count(i int) (int, bool) {
	if t, ok := sc.tok(i); ok && t.plain && len(t.text) <= 3 {
		return digits(t.text)
	}
	switch sc.word(i) {
	case "a", "an", "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	}
	return 0, false
}

// weekday: a full date led by its weekday ("Wednesday, May 27, 2020"), or a
// weekday alone ("on Monday", "last Friday"), resolved only when ref has a
// day: to the latest such day on or before ref ("last": strictly before;
// "next": strictly after). "Good Friday" and "Super Tuesday" are names.
func (sc *scanner) weekday(i int) (match, bool) {
	t, ok := sc.tok(i)
	if !ok || !capitalized(t) {
		return match{}, false
	}
	wd, ok := weekdayNumber(lowerWord(t))
	if !ok {
		return match{}, false
	}
	j := i + 1
	if sc.punct(j, ",") {
		j++
	}
	if m, ok := sc.monthFirst(j); ok && m.first == j {
		m.first = i
		return m, true
	}
	if m, ok := sc.dayFirst(j); ok {
		m.first = i
		return m, true
	}
	if sc.ref.Day == 0 {
		return match{}, false
	}
	res := match{first: i, last: i, kind: KindRelative}
	ref := sc.ref.time()
	back := (int(ref.Weekday()) - wd + 7) % 7
	switch p := sc.word(i - 1); p {
	case "last":
		res.first = i - 1
		if back == 0 {
			back = 7
		}
	case "next":
		res.first = i - 1
		fwd := (wd - int(ref.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		back = -fwd
	case "this":
		res.first = i - 1
	default:
		if pt, ok := sc.tok(i - 1); ok && capitalized(pt) {
			switch p {
			case "on", "by", "since", "until", "before", "after", "from", "early", "late":
			default:
				return match{}, false
			}
		}
	}
	res.date = sc.ref.addDays(-back)
	return res, true
}

// year: a bare year, with an optional range end ("2014-15", "2014–2015"),
// taken only where the words around it make it a date:
//   - after a cue word: "in 2014", "since 2006", "by 2018", "of 2015";
//   - after "and"/"or" following another year: "in 2014 and 2015";
//   - after a capitalized word, as part of a name: "Joint Sea 2013",
//     "Vostok-2018" (Kind fuzzy, Name set);
//   - after a determiner and before a lower-case noun: "the 2014 agreement".
//
// A year before a capitalized word after a determiner is a name and is
// skipped: "the 2014 Strategic Partnership".
func (sc *scanner) year(i int) (match, bool) {
	y, ok := sc.yearAt(i)
	if !ok || i == 0 {
		return match{}, false
	}
	res := match{first: i, last: i, date: Date{Year: y}, kind: KindAbsolute}
	if d, ok := sc.tok(i + 1); ok && isDash(d) && d.glued {
		if e, ok := sc.tok(i + 2); ok && e.glued && e.kind == tNum && e.plain {
			v, _ := digits(e.text)
			if len(e.text) == 2 {
				v += y / 100 * 100
			}
			if (len(e.text) == 2 || len(e.text) == 4) && v > y && v-y < 100 {
				res.last, res.kind = i+2, KindRange
			}
		}
	}
	p := sc.toks[i-1]
	if sc.toks[i].glued {
		// "Vostok-2018" is a name; "pre-2014", "G-2013", "$2012" are not dates.
		if w, ok := sc.tok(i - 2); ok && isDash(p) && p.glued && capitalized(w) && len(w.text) > 1 {
			res.kind, res.name = KindFuzzy, true
			return res, true
		}
		return match{}, false
	}
	switch pw := lowerWord(p); {
	case yearCue(pw):
		return res, true
	case pw == "and" || pw == "or":
		_, ok := sc.yearAt(i - 2)
		return res, ok
	case pw == "the" || pw == "a" || pw == "its" || pw == "their" || pw == "his" || pw == "her":
		n, ok := sc.tok(res.last + 1)
		return res, ok && n.kind == tWord && !capitalized(n)
	case capitalized(p) && !strings.HasSuffix(p.text, "."): // not "No. 1691"
		if _, ok := weekdayNumber(pw); ok {
			return match{}, false
		}
		res.kind, res.name = KindFuzzy, true
		return res, true
	}
	return match{}, false
}

func yearCue(w string) bool {
	switch w {
	case "in", "since", "until", "till", "by", "of", "from", "to", "during",
		"through", "throughout", "before", "after", "around", "circa",
		"between", "than", "year":
		return true
	}
	return false
}

// inferYear dates a month (and day) named without a year: the year of ref,
// or the year before when that would put it more than three months after
// ref ("on December 20" in a January article is last December).
func (sc *scanner) inferYear(m, d int) (Date, bool) {
	ref := sc.ref
	if ref.Year == 0 {
		return Date{}, false
	}
	c := Date{ref.Year, m, d}
	if ref.Month != 0 {
		if d != 0 && ref.Day != 0 {
			if c.valid() && c.time().After(ref.time().AddDate(0, 3, 0)) {
				c.Year--
			}
		} else if m-ref.Month > 3 {
			c.Year--
		}
	}
	return c, c.valid()
}

// monthNumber maps a lower-case month name or abbreviation to 1..12.
func monthNumber(w string) (m int, abbrev bool) {
	switch w {
	case "january":
		return 1, false
	case "february":
		return 2, false
	case "march":
		return 3, false
	case "april":
		return 4, false
	case "may":
		return 5, false
	case "june":
		return 6, false
	case "july":
		return 7, false
	case "august":
		return 8, false
	case "september":
		return 9, false
	case "october":
		return 10, false
	case "november":
		return 11, false
	case "december":
		return 12, false
	case "jan":
		return 1, true
	case "feb":
		return 2, true
	case "mar":
		return 3, true
	case "apr":
		return 4, true
	case "jun":
		return 6, true
	case "jul":
		return 7, true
	case "aug":
		return 8, true
	case "sep", "sept":
		return 9, true
	case "oct":
		return 10, true
	case "nov":
		return 11, true
	case "dec":
		return 12, true
	}
	return 0, false
}

// weekdayNumber maps a lower-case weekday name to time.Weekday order.
func weekdayNumber(w string) (int, bool) {
	switch w {
	case "sunday":
		return 0, true
	case "monday":
		return 1, true
	case "tuesday":
		return 2, true
	case "wednesday":
		return 3, true
	case "thursday":
		return 4, true
	case "friday":
		return 5, true
	case "saturday":
		return 6, true
	}
	return 0, false
}
