package quant

import (
	"math"
	"strconv"
	"strings"
)

// Count is a number of people or things as a sentence states it: "more
// than 2,100", "seven", "tens of thousands".
type Count struct {
	Value int
	// Bound is "min" when Value is the least the words can mean ("at
	// least 156", "more than 1,000", "thousands"), "max" when it is the
	// most ("up to 16", "nearly 3,000"), "about" for a round estimate
	// ("about 40", "some 500,000"), and "" for an exact number.
	Bound string
	// Words is how many of the words read make up the count.
	Words int
}

// Bounds of a Count.
const (
	BoundMin   = "min"
	BoundMax   = "max"
	BoundAbout = "about"
)

// ReadCount reads a count at the start of words, lower case, one word a
// token as internal/nlp makes them: an optional hedge ("more than",
// "about"), then digits ("2,100", "1.5" with a scale word), number words
// ("seven", "several hundred", "two dozen") or a plural of a scale
// ("dozens", "tens of thousands"), which reads as the least it can mean
// (24, 20,000) with Bound "min". It reads nothing from words that hold no
// count.
func ReadCount(words []string) (Count, bool) {
	var c Count
	k := 0
	for _, h := range countHedges {
		if hasWords(words, h.words) {
			c.Bound, k = h.bound, len(h.words)
			break
		}
	}
	v, n, vague := readNumber(words[k:])
	if n == 0 || v < 1 || v > 1e12 || v != math.Trunc(v) { // people come whole
		return Count{}, false
	}
	if vague && c.Bound != BoundMax {
		c.Bound = BoundMin
	}
	c.Value, c.Words = int(v), k+n
	return c, true
}

// readNumber reads a number at the start of words and says how many words
// it took and whether it is vague ("hundreds", "several thousand").
func readNumber(words []string) (v float64, n int, vague bool) {
	if len(words) == 0 {
		return 0, 0, false
	}
	w := words[0]
	if p, ok := vaguePlurals[w]; ok {
		// "tens of thousands": at least two tens of a thousand
		if len(words) > 2 && words[1] == "of" && vaguePlurals[words[2]].unit > p.unit {
			return p.least * vaguePlurals[words[2]].unit, 3, true
		}
		return p.least, 1, true
	}
	if few, ok := fewWords[w]; ok {
		// "several hundred", "a few thousand"
		k := 1
		if w == "a" && len(words) > 1 && words[1] == "few" {
			few, k = 2, 2
		}
		if len(words) > k && countScales[words[k]] > 0 {
			return few * countScales[words[k]], k + 1, w != "a" || k == 2
		}
		return 0, 0, false
	}
	if x, ok := numberWords[w]; ok {
		v, n = x, 1
	} else if digits, size, ok := number(w); ok && size == len(w) {
		v, _ = strconv.ParseFloat(digits, 64)
		n = 1
	} else {
		return 0, 0, false
	}
	for n < len(words) && countScales[words[n]] > 0 {
		v *= countScales[words[n]]
		n++
	}
	return v, n, false
}

func hasWords(words, want []string) bool {
	if len(words) < len(want) {
		return false
	}
	for i, w := range want {
		if words[i] != w {
			return false
		}
	}
	return true
}

// countHedges are the words before a count that bound it, longest first
// where one begins another.
var countHedges = []struct {
	words []string
	bound string
}{
	{strings.Fields("at least"), BoundMin},
	{strings.Fields("more than"), BoundMin},
	{strings.Fields("over"), BoundMin},
	{strings.Fields("upwards of"), BoundMin},
	{strings.Fields("up to"), BoundMax},
	{strings.Fields("as many as"), BoundMax},
	{strings.Fields("nearly"), BoundMax},
	{strings.Fields("almost"), BoundMax},
	{strings.Fields("fewer than"), BoundMax},
	{strings.Fields("less than"), BoundMax},
	{strings.Fields("at most"), BoundMax},
	{strings.Fields("about"), BoundAbout},
	{strings.Fields("around"), BoundAbout},
	{strings.Fields("some"), BoundAbout},
	{strings.Fields("roughly"), BoundAbout},
	{strings.Fields("approximately"), BoundAbout},
	{strings.Fields("an estimated"), BoundAbout},
}

// numberWords are the numbers written as words.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

// countScales multiply the number before them: "several hundred", "1.5
// million", "two dozen".
var countScales = map[string]float64{
	"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6,
}

// fewWords take a scale after them: "a hundred" is 100, "a few hundred"
// at least 200, "several thousand" at least 3,000.
var fewWords = map[string]float64{"a": 1, "several": 3, "many": 3}

// vaguePlurals are the plurals that stand for a count: the least they
// mean ("dozens" is at least 24) and the unit they count in, so that "tens
// of thousands" reads as at least 20 × 1,000.
var vaguePlurals = map[string]struct{ least, unit float64 }{
	"dozens": {24, 12}, "scores": {40, 20}, "tens": {20, 10},
	"hundreds": {200, 100}, "thousands": {2000, 1000}, "millions": {2e6, 1e6},
}
