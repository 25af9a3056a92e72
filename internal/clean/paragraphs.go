package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// para is one rebuilt paragraph before classification.
type para struct {
	text        string
	block       int // block of its first line
	first, last int // input line numbers of its first and last line
}

// wrap describes the line width of hard-wrapped text (PDF text, e-mail):
// the median and the 90th percentile length, in runes, of lines that were
// wrapped mid-sentence. Text extracted from HTML has one paragraph per line
// and a zero wrap.
type wrap struct {
	median, wide int
}

func (w wrap) wrapped() bool { return w.median > 0 }

// measureWrap finds the evidence of hard wrapping: a line that does not
// end a sentence and is followed in the same block by a line starting in
// lower case, or that ends in a hyphen.
func measureWrap(ls []line) wrap {
	var widths []int
	for i := 0; i+1 < len(ls); i++ {
		a, b := ls[i], ls[i+1]
		if a.block != b.block || b.item || endsSentence(a.text) {
			continue
		}
		if startsLower(b.text) || strings.HasSuffix(a.text, "-") {
			widths = append(widths, utf8.RuneCountInString(a.text))
		}
	}
	if len(widths) < 2 {
		return wrap{}
	}
	slices.Sort(widths)
	w := wrap{median: widths[len(widths)/2], wide: widths[len(widths)*9/10]}
	if w.median < 30 {
		return wrap{}
	}
	return w
}

// rebuild joins the lines of each paragraph into one line. In hard-wrapped
// text a paragraph ends at a bullet item, at a blank line, after a line
// that ends a sentence short of the right margin, and around a heading
// line. In unwrapped text each line is a paragraph unless a sentence or a
// word runs on across the line end.
func rebuild(ls []line, w wrap) []para {
	words := countWords(ls)
	var out []para
	var cur []byte
	first := 0 // index of the current paragraph's first line
	for i, l := range ls {
		if i > 0 && breaks(ls[i-1], l, i-1 == first, ls[first].item, w) {
			out = append(out, para{text: string(cur), block: ls[first].block, first: ls[first].num, last: ls[i-1].num})
			cur = cur[:0]
			first = i
		}
		if i > first {
			// The split word's first half is in the previous line.
			trim, sep := joint(ls[i-1].text, l.text, words)
			cur = append(cur[:len(cur)-trim], sep...)
		}
		cur = append(cur, l.text...)
	}
	if len(ls) > 0 {
		out = append(out, para{text: string(cur), block: ls[first].block, first: ls[first].num, last: ls[len(ls)-1].num})
	}
	return out
}

// breaks reports whether a new paragraph starts at b, given the line a
// before it; aFirst says a starts its paragraph, inItem that the paragraph
// is a bulleted item, which runs to the next bullet or blank line.
func breaks(a, b line, aFirst, inItem bool, w wrap) bool {
	if b.item {
		return true
	}
	if splitWord(a.text, b.text) && a.block == b.block {
		return false
	}
	if !w.wrapped() {
		// One paragraph per line, unless a sentence plainly runs on.
		return a.block != b.block || endsSentence(a.text) || !startsLower(b.text)
	}
	na, nb := utf8.RuneCountInString(a.text), utf8.RuneCountInString(b.text)
	// A line ending a sentence short of the margin ends its paragraph:
	// clearly shorter than usual, or leaving room for the next line's
	// first word.
	short := na < w.median*9/10 || na+1+utf8.RuneCountInString(firstField(b.text)) <= w.wide
	if a.block != b.block {
		// A blank line inside a sentence is a page break: a full-width
		// line that stops mid-sentence goes on after it in lower case.
		return short || endsSentence(a.text) || !startsLower(b.text)
	}
	// A heading is well short of the margin and followed by a capital.
	heading := func(s string, n int) bool { return n < w.median*2/3 && headingLike(s) }
	switch {
	case endsSentence(a.text) && short && !inItem:
		return true
	case aFirst && heading(a.text, na) && !startsLower(b.text):
		return true
	case endsSentence(a.text) && heading(b.text, nb):
		return true
	}
	return false
}

func firstField(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// splitWord reports whether a ends in a word broken by a line-end hyphen
// that b continues.
func splitWord(a, b string) bool {
	if !strings.HasSuffix(a, "-") || len(a) < 2 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
	after, _ := utf8.DecodeRuneInString(b)
	return (unicode.IsLetter(before) || unicode.IsDigit(before)) &&
		(unicode.IsLetter(after) || unicode.IsDigit(after))
}

// joint says how line b joins the line a before it: how many bytes to trim
// from the end of a and what to put between. A word split by a line-end
// hyphen is joined back: the hyphen is dropped when the document spells
// the word solid more often than hyphenated ("deci-" "sion" where
// "decision" appears elsewhere), or when the second half is a bare suffix
// ("-tion", "-ment"); otherwise it is a compound and keeps its hyphen
// ("military-" "industrial" gives "military-industrial").
func joint(a, b string, words wordCounts) (trim int, sep string) {
	if !splitWord(a, b) {
		return 0, " "
	}
	left := lastWord(a[:len(a)-1])
	right := firstWord(b)
	if left != "" && right != "" && startsLower(right) {
		solid := words.plain[strings.ToLower(left+right)]
		hyphened := words.compound[strings.ToLower(left+"-"+right)]
		if solid > hyphened || solid == 0 && hyphened == 0 && suffixes[strings.ToLower(right)] {
			return 1, ""
		}
	}
	return 0, ""
}

// suffixes are word endings that never stand alone as the second part of a
// compound; a line break before one of them splits a single word.
var suffixes = map[string]bool{
	"tion": true, "tions": true, "sion": true, "sions": true, "ment": true, "ments": true,
	"ness": true, "ing": true, "ings": true, "ity": true, "ities": true, "ly": true,
	"ed": true, "es": true, "ers": true, "ance": true, "ence": true, "ize": true,
	"ized": true, "ise": true, "ised": true, "able": true, "ible": true, "ous": true,
	"ive": true, "ism": true, "ist": true, "ists": true, "ship": true, "ful": true,
	"ation": true, "ations": true, "ally": true, "ical": true, "ial": true,
}

// wordCounts counts the document's words, solid and hyphenated, in lower
// case.
type wordCounts struct {
	plain, compound map[string]int
}

func countWords(ls []line) wordCounts {
	wc := wordCounts{plain: map[string]int{}, compound: map[string]int{}}
	for _, l := range ls {
		for w := range strings.FieldsFuncSeq(l.text, notWordRune) {
			w = strings.Trim(w, "-")
			if w == "" {
				continue
			}
			w = strings.ToLower(w)
			if strings.Contains(w, "-") {
				wc.compound[w]++
				for part := range strings.SplitSeq(w, "-") {
					wc.plain[part]++
				}
				continue
			}
			wc.plain[w]++
		}
	}
	return wc
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && r != '-' }

// lastWord is the run of letters at the end of s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// firstWord is the run of letters at the start of s.
func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// headingLike reports whether s reads as a title or section heading: short,
// starting with a capital or digit, and not ending like a sentence or a
// clause ("?" is allowed: titles ask questions).
func headingLike(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 100 || len(strings.Fields(s)) > 12 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	switch lastRune(s) {
	case '.', ',', ';', ':', '!', '-':
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
