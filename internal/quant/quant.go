// Package quant finds amounts of money, volume and share in a sentence
// ("US $3.5 billion", "150 billion yuan", "31 million tonnes a year",
// "20 percent"), for the optional quantities of an event record.
//
// Find is a small scanner over the sentence's tokens (internal/nlp's), not
// a set of regular expressions. At each token it tries one shape,
//
//	[prefix] number [suffix-scale] {scale} [unit [scale] [per-year]]
//
// where prefix is a currency sign or code ("$", "US $", "€", "Rs", "USD";
// units.go lists them all), suffix-scale is written against the digits
// ("$12M", "€1.5bn"), scale is a word ("billion", "crore"), and unit is a
// currency name or code, percent, tonnes, cubic metres or barrels. An
// amount needs a unit, so years, dates, counts of people, soldiers or
// tanks, and phone numbers are never amounts; a number glued to a name
// ("G-20", "Su-35s", "1990s") is not even read as a number. Multiword
// phrases ("cubic metres", "US $") are matched on the text and must end
// where a token ends.
//
// A range ("$2 to $4 billion USD", "between 2 and 4 percent", "5-10%")
// is one amount: Value is its low end and Max its high end; the low end
// takes the unit and the scale it leaves out from the high end, so "$2 to
// $4 billion" is 2e9 to 4e9 USD.
//
// Values are in base units: 3.5e9 for "$3.5 billion", 20 for "20 percent"
// (unit "%"), 3.8e10 for "38 billion cubic meters" (unit "m3"). A rate
// "a year" sets Per; "in 2012" or "by 2018" right after an amount sets
// its Year.
//
// Money carries its value in US dollars where it can be had without a
// guess: dollars are dollars; a dollar amount in brackets, or after ",
// or", right after amounts of other currencies is their conversion ("150
// billion yuan and 815 billion rubles ($24 billion at the time)", "1
// trillion yen, or about $12.5 billion"), given to each of them and not
// listed as an amount of its own; and InUSD converts the rest at the
// year's average rate from rates.tsv.
package quant

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// Amount is one quantity found in a sentence.
type Amount struct {
	Start, End int // byte offsets in the sentence
	// Q.Text is sentence[Start:End]; Q.Value is in base units; Q.Unit is an
	// ISO 4217 code, "%", "t", "m3", "bbl" or "bbl/d".
	Q doc.Quantity
}

// Find returns the amounts of money, volume and share a sentence states, in
// order. toks are the sentence's tokens as internal/nlp makes them: an
// amount starts where a token starts and ends where one ends, and its
// number is one token ("160,000", "3.5").
func Find(sentence string, toks []doc.Token) []Amount {
	sc := &scanner{s: sentence, toks: toks}
	var out []Amount
	for k := 0; k < len(toks); {
		p, ok := sc.partAt(k)
		if !ok {
			k++
			continue
		}
		if p.open() || !sc.wordBefore(p.start, "from") {
			if lo, hi, ok := sc.rangeFrom(p); ok {
				out = sc.appendAmount(out, lo, &hi)
				k = sc.after(hi.end)
				continue
			}
		}
		if p.unit != "" {
			out = sc.appendAmount(out, p, nil)
		}
		k = sc.after(p.end)
	}
	return foldConversions(sentence, out)
}

// scanner reads one sentence and its tokens.
type scanner struct {
	s    string
	toks []doc.Token
}

// after returns the index of the first token that starts at or after the
// byte offset i (len(toks) when none does).
func (sc *scanner) after(i int) int {
	k, _ := slices.BinarySearchFunc(sc.toks, i, func(t doc.Token, i int) int { return t.Start - i })
	return k
}

// endsToken reports whether a token ends at the byte offset i.
func (sc *scanner) endsToken(i int) bool {
	k := sc.after(i)
	return k > 0 && sc.toks[k-1].End == i
}

// spacedAfter returns the token after the byte offset i and whether white
// space lies between them.
func (sc *scanner) spacedAfter(i int) (int, bool) {
	k := sc.after(i)
	return k, k < len(sc.toks) && sc.toks[k].Start > i
}

// phrase returns the longest phrase of table written from token k on that
// ends where a token ends.
func (sc *scanner) phrase(k int, table []phrase, spaced bool) (phrase, int, bool) {
	if k >= len(sc.toks) {
		return phrase{}, 0, false
	}
	p, end, ok := longest(sc.s, sc.toks[k].Start, table, spaced)
	return p, end, ok && sc.endsToken(end)
}

// wordAt reports whether token k is the word w, in any case.
func (sc *scanner) wordAt(k int, w string) bool {
	return k >= 0 && k < len(sc.toks) && strings.EqualFold(sc.toks[k].Text, w)
}

// part is an amount as read, before its value is computed.
type part struct {
	start, end int
	digits     string // the number without group commas: "5000", "3.5"
	scale      int    // power of ten from scale words and suffixes
	scaled     bool   // a scale was written
	unit       string
	unitExp    int    // power of ten the unit itself carries ("bcm")
	per        string // "year" after "a year"
	prefixed   bool   // the unit came before the number
	suffixed   bool   // the unit came after the number
}

// open says whether the other end of a range could complete p: it has no
// unit after it, and no unit or no scale yet. A complete amount starts a
// range too ("between $700 million and $1 billion"), but not after
// "from", where it is the start of a change ("rose from $5 billion to $7
// billion").
func (p part) open() bool {
	return !p.suffixed && (p.unit == "" || !p.scaled)
}

// appendAmount appends the amount p, or the range from p to hi.
func (sc *scanner) appendAmount(out []Amount, p part, hi *part) []Amount {
	v, ok := p.value()
	if !ok { // out of float64 range: not an amount anyone wrote
		return out
	}
	q := doc.Quantity{Value: v, Unit: p.unit, Per: p.per}
	end := p.end
	if hi != nil {
		if q.Max, ok = hi.value(); !ok {
			return out
		}
		end, q.Per = hi.end, hi.per
	}
	q.Text = sc.s[p.start:end]
	q.Year = sc.yearAfter(end)
	if q.Unit == "USD" {
		q.USD, q.USDMax, q.USDFrom = q.Value, q.Max, doc.USDFromUnit
	}
	return append(out, Amount{Start: p.start, End: end, Q: q})
}

func (p part) value() (float64, bool) {
	v, err := strconv.ParseFloat(p.digits+"e"+strconv.Itoa(p.scale+p.unitExp), 64)
	return v, err == nil
}

// yearAfter returns the year written right after an amount ending at the
// byte offset i ("in 2012", "by 2018"), or 0.
func (sc *scanner) yearAfter(i int) int {
	w, spaced := sc.spacedAfter(i)
	if !spaced || !(sc.wordAt(w, "in") || sc.wordAt(w, "by")) || w+1 >= len(sc.toks) {
		return 0
	}
	y := sc.toks[w+1]
	if y.Start == sc.toks[w].End || !yearLike(y.Text) || (w+2 < len(sc.toks) && sc.toks[w+2].Start == y.End && !strings.ContainsAny(sc.toks[w+2].Text[:1], ",.;:)")) {
		return 0 // "in2014", "in 2012-13", "by 2019a"
	}
	n, _ := strconv.Atoi(y.Text)
	return n
}

// foldConversions gives a dollar amount in brackets right after amounts
// of money in other currencies to them as their value in dollars, and
// drops it from the list: "150 billion yuan and 815 billion rubles ($24
// billion at the time)".
func foldConversions(s string, in []Amount) []Amount {
	var out []Amount
	for _, a := range in {
		last := len(out) - 1
		if a.Q.Unit != "USD" || last < 0 || !foreignMoney(out[last].Q) || !converts(s[out[last].End:a.Start]) {
			out = append(out, a)
			continue
		}
		g := last
		for g > 0 && foreignMoney(out[g-1].Q) && joins(s[out[g-1].End:out[g].Start]) {
			g--
		}
		for j := g; j <= last; j++ {
			out[j].Q.USD, out[j].Q.USDMax, out[j].Q.USDFrom = a.Q.Value, a.Q.Max, doc.USDFromText
		}
	}
	return out
}

// foreignMoney says whether q is money in a currency other than dollars.
func foreignMoney(q doc.Quantity) bool {
	return q.Unit != "USD" && isCurrency(q.Unit)
}

// isCurrency says whether a unit is an ISO 4217 code: three capitals.
func isCurrency(unit string) bool {
	if len(unit) != 3 {
		return false
	}
	for i := range 3 {
		if unit[i] < 'A' || unit[i] > 'Z' {
			return false
		}
	}
	return true
}

// converts says whether the text between an amount and a dollar amount
// makes the second a conversion of the first: an opening bracket or ",
// or", then hedges ("(about $26 million)", "1 trillion yen, or about
// $12.5 billion").
func converts(gap string) bool {
	gap = strings.TrimLeftFunc(gap, isSpace)
	switch {
	case strings.HasPrefix(gap, "("):
		gap = gap[1:]
	case strings.HasPrefix(gap, ","):
		w := strings.FieldsFunc(gap[1:], isSpace)
		if len(w) == 0 || w[0] != "or" {
			return false
		}
		gap = strings.Join(w[1:], " ")
	default:
		return false
	}
	for _, w := range strings.FieldsFunc(gap, isSpace) {
		if !slices.Contains(hedges, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// joins says whether the text between two amounts lists them: "and", a
// comma, "or".
func joins(gap string) bool {
	switch strings.Join(strings.FieldsFunc(gap, isSpace), " ") {
	case "and", ",", ", and", "or":
		return true
	}
	return false
}

// partAt reads the shape in the package comment from token k on.
func (sc *scanner) partAt(k int) (part, bool) {
	s, toks := sc.s, sc.toks
	p := part{start: toks[k].Start}
	n, at := k, toks[k].Start // the number's token and where the number starts
	if prefixStart[s[p.start]] {
		if pre, end, ok := longest(s, p.start, prefixes, true); ok {
			j := sc.after(end)
			switch {
			case end < toks[k].End && isDigit(s[end]): // "Rs1000": one token
				p.unit, p.prefixed, at = pre.unit, true, end
			case sc.endsToken(end) && j < len(toks) && isDigit(toks[j].Text[0]):
				p.unit, p.prefixed, n, at = pre.unit, true, j, toks[j].Start
			}
		}
	}
	if !p.prefixed && (!isDigit(toks[k].Text[0]) || !sc.standsAlone(k)) {
		return p, false
	}
	digits, size, ok := number(s[at:toks[n].End])
	if !ok {
		return p, false
	}
	p.digits = digits

	// Letters against the digits, in the number's token or in tokens
	// glued to it: cubic metres ("5m3", "5m³"), a scale ("12M", "€1.5bn"),
	// or part of a name or ordinal ("35s", "5th"), which ends the match.
	p.end = at + size
	suffixEnd := toks[n].End
	for j := n + 1; p.end == toks[n].End && j < len(toks) && toks[j].Start == suffixEnd && startsAlnum(toks[j].Text); j++ {
		suffixEnd = toks[j].End
	}
	switch suffix := s[p.end:suffixEnd]; {
	case suffix == "":
	case (suffix == "m3" || suffix == "m³") && !p.prefixed:
		p.unit, p.suffixed, p.end = "m3", true, suffixEnd
		sc.readPer(&p)
		return p, true
	case suffixScales[suffix] > 0:
		p.scale, p.scaled, p.end = suffixScales[suffix], true, suffixEnd
	default:
		return p, false
	}
	sc.readScales(&p)

	w, spaced := sc.spacedAfter(p.end)
	u, end, ok := sc.phrase(w, units, spaced)
	if !ok && spaced {
		u, end, ok = sc.phrase(w, codes, true)
	}
	switch {
	case !ok, u.needScale && !p.scaled, u.notBefore != "" && sc.wordAt(sc.after(end), u.notBefore):
		return p, true
	case p.prefixed:
		if u.unit == p.unit && u.exp == 0 { // "$4 billion USD": said twice
			p.end = end
		}
		return p, true
	}
	p.unit, p.unitExp, p.suffixed, p.end = u.unit, u.exp, true, end
	if !p.scaled && isCode(u) { // "30 USD billion"
		sc.readScales(&p)
	}
	if u.unit == "t" || u.unit == "m3" {
		sc.readPer(&p)
	}
	return p, true
}

// readScales extends p over the scale words after it ("billion", "lakh
// crore").
func (sc *scanner) readScales(p *part) {
	for {
		w, spaced := sc.spacedAfter(p.end)
		if !spaced {
			return
		}
		x, end, ok := sc.phrase(w, scales, true)
		if !ok {
			return
		}
		p.scale += x.exp
		p.scaled = true
		p.end = end
	}
}

// rangeFrom reads the high end of a range that starts with the open part
// lo, and completes lo from it.
func (sc *scanner) rangeFrom(lo part) (part, part, bool) {
	if lo.unit == "" && yearLike(lo.digits) { // "from 10 percent in 2014 to 15 percent"
		return lo, lo, false
	}
	w, spaced := sc.spacedAfter(lo.end)
	c, end, ok := sc.phrase(w, connectors, spaced)
	if !ok || (c.text == "and" && !sc.wordBefore(lo.start, "between")) {
		return lo, lo, false
	}
	k := sc.after(end)
	if k >= len(sc.toks) {
		return lo, lo, false
	}
	hi, ok := sc.partAt(k)
	if !ok || hi.unit == "" || (lo.unit != "" && lo.unit != hi.unit) {
		return lo, lo, false
	}
	if lo.unit == "" {
		lo.unit, lo.unitExp = hi.unit, hi.unitExp
	}
	if !lo.scaled {
		lo.scale = hi.scale
	}
	return lo, hi, true
}

// wordBefore reports whether the word before the token at byte offset i,
// with white space between, is w.
func (sc *scanner) wordBefore(i int, w string) bool {
	k := sc.after(i)
	return k > 0 && sc.toks[k-1].End < i && sc.wordAt(k-1, w)
}

// readPer extends p over a following "a year".
func (sc *scanner) readPer(p *part) {
	w, spaced := sc.spacedAfter(p.end)
	if !spaced {
		return
	}
	if _, end, ok := sc.phrase(w, perYear, true); ok {
		p.end, p.per = end, "year"
	}
}

// number reads the number at the start of w, the rest of a token, with group
// commas ("5,000", Indian "1,00,000") and a decimal point, and returns its
// digits and its size in bytes. It fails on a malformed grouping ("1,23")
// or a dotted run ("1.2.3", "5.6.2012").
func number(w string) (digits string, size int, ok bool) {
	k := 0
	for k < len(w) && isDigit(w[k]) {
		k++
	}
	first := k
	if first == 0 {
		return "", 0, false
	}
	buf := []byte(w[:k])
	var groups []int
	for k+1 < len(w) && w[k] == ',' && isDigit(w[k+1]) {
		g := k + 1
		for g < len(w) && isDigit(w[g]) {
			g++
		}
		groups = append(groups, g-k-1)
		buf = append(buf, w[k+1:g]...)
		k = g
	}
	if len(groups) > 0 && !validGroups(first, groups) {
		return "", 0, false
	}
	if k+1 < len(w) && w[k] == '.' && isDigit(w[k+1]) {
		buf = append(buf, '.')
		k++
		for k < len(w) && isDigit(w[k]) {
			buf = append(buf, w[k])
			k++
		}
	}
	if k+1 < len(w) && (w[k] == '.' || w[k] == ',') && isDigit(w[k+1]) {
		return "", 0, false
	}
	return string(buf), k, true
}

// validGroups accepts thousands groups (1,234,567) and Indian lakh groups
// (12,34,567): every group three digits, or twos ending in a three.
func validGroups(first int, groups []int) bool {
	if first > 3 || groups[len(groups)-1] != 3 {
		return false
	}
	threes, twos := true, first <= 2
	for _, g := range groups[:len(groups)-1] {
		threes = threes && g == 3
		twos = twos && g == 2
	}
	return threes || twos
}

// standsAlone says whether the number at token k stands alone: not glued
// to a word ("G-20", "Su-35s") or to another number ("24/7").
func (sc *scanner) standsAlone(k int) bool {
	toks := sc.toks
	glued := func(k int) bool { return k > 0 && toks[k].Start == toks[k-1].End }
	if !glued(k) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(toks[k-1].Text)
	if isLetterOrDigit(r) {
		return false
	}
	if !glued(k - 1) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(toks[k-2].Text)
	switch r {
	case '-', '–', '—': // a dash after digits begins a range's high end
		return !unicode.IsLetter(before)
	case '/', '.', ',', ':':
		return !isLetterOrDigit(before)
	}
	return true
}

// yearLike says whether a bare number reads as a year: four digits from
// 1800 to 2100.
func yearLike(digits string) bool {
	if len(digits) != 4 {
		return false
	}
	y, err := strconv.Atoi(digits)
	return err == nil && y >= 1800 && y <= 2100
}

// longest returns the longest phrase in table written at s[i:]. Phrases
// that begin with a letter match only when spaced is true: a word unit
// ("percent", "billion") is never glued to the number before it.
func longest(s string, i int, table []phrase, spaced bool) (phrase, int, bool) {
	var best phrase
	bestEnd := -1
	for _, p := range table {
		if (!spaced && isASCIILetter(p.text[0])) || i >= len(s) || lower(s[i]) != lower(p.text[0]) {
			continue
		}
		if end, ok := match(s, i, p.text, p.fold); ok && end > bestEnd {
			best, bestEnd = p, end
		}
	}
	return best, bestEnd, bestEnd >= 0
}

func isCode(p phrase) bool {
	for _, c := range codes {
		if c.text == p.text {
			return true
		}
	}
	return false
}

// match reports whether text is written at s[i:] and where it ends. A
// space in text matches one or more whitespace characters; a text ending
// in a letter must end a word.
func match(s string, i int, text string, fold bool) (int, bool) {
	k := i
	for t := 0; t < len(text); t++ {
		if text[t] == ' ' {
			w := skipSpace(s, k)
			if w == k {
				return 0, false
			}
			k = w
			continue
		}
		if k >= len(s) {
			return 0, false
		}
		a, b := s[k], text[t]
		if fold {
			a, b = lower(a), lower(b)
		}
		if a != b {
			return 0, false
		}
		k++
	}
	if isASCIILetter(text[len(text)-1]) {
		if r, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && unicode.IsLetter(r) {
			return 0, false
		}
	}
	return k, true
}

// skipSpace returns the index after the whitespace at s[i:].
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			return i
		}
		i += n
	}
	return i
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u2009' || r == '\u202f'
}

func isDigit(b byte) bool       { return '0' <= b && b <= '9' }
func isASCIILetter(b byte) bool { return 'a' <= lower(b) && lower(b) <= 'z' }
func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// startsAlnum reports whether w starts with a letter or a digit of any
// kind ("m", "³").
func startsAlnum(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
