package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "adm": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "st": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "no": true, "vs": true,
	"etc": true, "approx": true, "est": true, "dept": true, "fig": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "e.g": true, "i.e": true,
	"a.m": true, "p.m": true,
}

// closers may follow a sentence's final punctuation.
const closers = "\"'”’)]»"

// Sentences splits text into sentences. A sentence ends at '.', '!' or '?'
// (with any closing quotes or brackets) followed by white space and a
// character that can start a sentence, unless the period ends a known
// abbreviation or a single initial ("Vladimir V. Putin"). Line breaks that
// separate paragraphs always end a sentence.
func Sentences(text string) []Span {
	var out []Span
	start := skipSpace(text, 0)
	i := start
	for i < len(text) {
		c := text[i]
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			out = appendSpan(out, text, start, i)
			start = skipSpace(text, i)
			i = start
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		end := i + 1
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(closers, r) {
				break
			}
			end += size
		}
		if end < len(text) && !unicode.IsSpace(rune(text[end])) {
			i = end
			continue
		}
		next := skipSpace(text, end)
		if next < len(text) && !canStart(text[next:]) {
			i = end
			continue
		}
		if c == '.' && noBreak(text[start:i]) {
			i = end
			continue
		}
		out = appendSpan(out, text, start, end)
		start = next
		i = next
	}
	return appendSpan(out, text, start, len(text))
}

func appendSpan(out []Span, text string, start, end int) []Span {
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	if end > start {
		out = append(out, Span{start, end})
	}
	return out
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// canStart reports whether s begins like a sentence: an upper-case letter,
// a digit, or an opening quote or bracket.
func canStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([", r)
}

// noBreak reports whether the text before a period ends with an
// abbreviation or an initial, so the period does not end the sentence.
func noBreak(before string) bool {
	j := len(before)
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= size
	}
	word := before[k:j]
	if word == "" {
		return false
	}
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	// A single capital letter is an initial: "George W. Bush".
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}
