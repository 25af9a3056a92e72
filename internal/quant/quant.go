// Package quant finds amounts of money, volume and share in a sentence
// ("US $3.5 billion", "150 billion yuan", "31 million tonnes a year",
// "20 percent"), for the optional quantities of an event record.
//
// Find is a small scanner, not a set of regular expressions. At each word
// or number it tries one shape,
//
//	[prefix] number [suffix-scale] {scale} [unit [scale] [per-year]]
//
// where prefix is a currency sign or code ("$", "US $", "€", "Rs", "USD";
// units.go lists them all), suffix-scale is written against the digits
// ("$12M", "€1.5bn"), scale is a word ("billion", "crore"), and unit is a
// currency name or code, percent, tonnes, cubic metres or barrels. An
// amount needs a unit, so years, dates, counts of people, soldiers or
// tanks, and phone numbers are never amounts; a number glued to a name
// ("G-20", "Su-35s", "1990s") is not even read as a number.
//
// A range ("$2 to $4 billion USD", "between 2 and 4 percent", "5-10%")
// gives two amounts, one for each end; the low end takes the unit and the
// scale it leaves out from the high end, so "$2" in "$2 to $4 billion" is
// 2e9 USD while its text stays "$2".
//
// Values are in base units: 3.5e9 for "$3.5 billion", 20 for "20 percent"
// (unit "%"), 3.8e10 for "38 billion cubic meters" (unit "m3").
package quant

import (
	"strconv"
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
// order.
func Find(sentence string) []Amount {
	s := sentence
	var out []Amount
	for i := 0; i < len(s); {
		p, ok := partAt(s, i)
		if !ok {
			i = skipToken(s, i)
			continue
		}
		if p.open() {
			if lo, hi, ok := rangeFrom(s, p); ok {
				out = appendAmount(out, s, lo)
				out = appendAmount(out, s, hi)
				i = hi.end
				continue
			}
		}
		if p.unit != "" {
			out = appendAmount(out, s, p)
		}
		i = p.end
	}
	return out
}

// part is an amount as read, before its value is computed.
type part struct {
	start, end int
	digits     string // the number without group commas: "5000", "3.5"
	scale      int    // power of ten from scale words and suffixes
	scaled     bool   // a scale was written
	unit       string
	unitExp    int  // power of ten the unit itself carries ("bcm")
	prefixed   bool // the unit came before the number
	suffixed   bool // the unit came after the number
}

// open says whether the other end of a range could complete p: it has no
// unit after it, and no unit or no scale yet.
func (p part) open() bool {
	return !p.suffixed && (p.unit == "" || !p.scaled)
}

func appendAmount(out []Amount, s string, p part) []Amount {
	v, err := strconv.ParseFloat(p.digits+"e"+strconv.Itoa(p.scale+p.unitExp), 64)
	if err != nil { // out of float64 range: not an amount anyone wrote
		return out
	}
	return append(out, Amount{Start: p.start, End: p.end, Q: doc.Quantity{Text: s[p.start:p.end], Value: v, Unit: p.unit}})
}

// partAt reads the shape in the package comment at s[i:].
func partAt(s string, i int) (part, bool) {
	p := part{start: i}
	j := i
	if i < len(s) && prefixStart[s[i]] {
		if pre, end, ok := longest(s, i, prefixes, true); ok {
			if k := skipSpace(s, end); k < len(s) && isDigit(s[k]) {
				p.unit, p.prefixed, j = pre.unit, true, k
			}
		}
	}
	if !p.prefixed && !numberMayStart(s, i) {
		return p, false
	}
	digits, k, ok := number(s, j)
	if !ok {
		return p, false
	}
	p.digits = digits

	// Letters against the digits: cubic metres ("5m3"), a scale ("12M"),
	// or part of a name or ordinal ("35s", "5th"), which ends the match.
	run := k
	for run < len(s) && isASCIILetter(s[run]) {
		run++
	}
	if end, ok := cubicSuffix(s, k); ok && !p.prefixed {
		p.unit, p.suffixed = "m3", true
		k = end
	} else if x, ok := suffixScales[s[k:run]]; ok && !letterOrDigitAt(s, run) {
		p.scale, p.scaled = x, true
		k = run
	} else if letterOrDigitAt(s, k) {
		return p, false
	}
	p.end = k
	if p.suffixed {
		p.end = perYearAfter(s, p.end)
		return p, true
	}
	p.readScales(s)

	w := skipSpace(s, p.end)
	u, end, ok := longest(s, w, units, w > p.end)
	if !ok && w > p.end {
		u, end, ok = longest(s, w, codes, true)
	}
	switch {
	case !ok, u.needScale && !p.scaled, u.notBefore != "" && wordAt(s, skipSpace(s, end), u.notBefore):
		return p, true
	case p.prefixed:
		if u.unit == p.unit && u.exp == 0 { // "$4 billion USD": said twice
			p.end = end
		}
		return p, true
	}
	p.unit, p.unitExp, p.suffixed, p.end = u.unit, u.exp, true, end
	if !p.scaled && isCode(u) { // "30 USD billion"
		p.readScales(s)
	}
	if u.unit == "t" || u.unit == "m3" {
		p.end = perYearAfter(s, p.end)
	}
	return p, true
}

// readScales extends p over the scale words after it ("billion", "lakh
// crore").
func (p *part) readScales(s string) {
	for {
		w := skipSpace(s, p.end)
		if w == p.end {
			return
		}
		sc, end, ok := longest(s, w, scales, true)
		if !ok {
			return
		}
		p.scale += sc.exp
		p.scaled = true
		p.end = end
	}
}

// rangeFrom reads the high end of a range that starts with the open part
// lo, and completes lo from it.
func rangeFrom(s string, lo part) (part, part, bool) {
	if lo.unit == "" && yearLike(lo.digits) { // "from 10 percent in 2014 to 15 percent"
		return lo, lo, false
	}
	w := skipSpace(s, lo.end)
	c, end, ok := longest(s, w, connectors, w > lo.end)
	if !ok || (c.text == "and" && !wordBefore(s, lo.start, "between")) {
		return lo, lo, false
	}
	hi, ok := partAt(s, skipSpace(s, end))
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

// perYearAfter extends an amount ending at i over a following "a year".
func perYearAfter(s string, i int) int {
	w := skipSpace(s, i)
	if w == i {
		return i
	}
	if _, end, ok := longest(s, w, perYear, true); ok {
		return end
	}
	return i
}

// number reads digits at s[i:], with group commas ("5,000", Indian
// "1,00,000") and a decimal point. It fails on a malformed grouping
// ("1,23") or a dotted run ("1.2.3", "5.6.2012").
func number(s string, i int) (digits string, end int, ok bool) {
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	first := k - i
	if first == 0 {
		return "", i, false
	}
	buf := []byte(s[i:k])
	var groups []int
	for k+1 < len(s) && s[k] == ',' && isDigit(s[k+1]) {
		g := k + 1
		for g < len(s) && isDigit(s[g]) {
			g++
		}
		groups = append(groups, g-k-1)
		buf = append(buf, s[k+1:g]...)
		k = g
	}
	if len(groups) > 0 && !validGroups(first, groups) {
		return "", i, false
	}
	if k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]) {
		buf = append(buf, '.')
		k++
		for k < len(s) && isDigit(s[k]) {
			buf = append(buf, s[k])
			k++
		}
	}
	if k+1 < len(s) && (s[k] == '.' || s[k] == ',') && isDigit(s[k+1]) {
		return "", i, false
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

// numberMayStart says whether a number at s[i] stands alone: not glued to a
// word ("A320", "G-20", "Su-35s") or to another number ("24/7", "1.5").
func numberMayStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if isLetterOrDigit(r) {
		return false
	}
	if i == n {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i-n])
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

// skipToken returns the start of the token after the one at s[i]: a whole
// run of letters and digits (with the commas and points inside a number),
// else one character.
func skipToken(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if !isLetterOrDigit(r) {
		return i + n
	}
	k := i + n
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		switch {
		case isLetterOrDigit(r):
			k += n
		case (r == ',' || r == '.') && k+1 < len(s) && isDigit(s[k+1]) && isDigit(s[k-1]):
			k++
		default:
			return k
		}
	}
	return k
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

// cubicSuffix matches "m3" or "m³" written against a number.
func cubicSuffix(s string, k int) (int, bool) {
	for _, t := range []string{"m3", "m³"} {
		if end, ok := match(s, k, t, false); ok && !letterOrDigitAt(s, end) {
			return end, true
		}
	}
	return 0, false
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

// wordAt reports whether the word w (any case) is written at s[i:].
func wordAt(s string, i int, w string) bool {
	_, ok := match(s, i, w, true)
	return ok
}

// wordBefore reports whether the word w (any case) ends just before the
// whitespace that precedes s[i].
func wordBefore(s string, i int, w string) bool {
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !isSpace(r) {
			break
		}
		k -= n
	}
	if k == i || k < len(w) {
		return false
	}
	start := k - len(w)
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); unicode.IsLetter(r) {
			return false
		}
	}
	_, ok := match(s[:k], start, w, true)
	return ok
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

func letterOrDigitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetterOrDigit(r)
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}
