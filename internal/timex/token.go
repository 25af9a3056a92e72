package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota // letters, with inner apostrophes: "Putin’s"
	tNum                  // ASCII digits, with inner , . : before a digit: "2012", "160,000", "2:30"
	tPunct                // any other single non-space rune
)

// token is one piece of a sentence, text == sentence[start:end].
type token struct {
	kind       tokKind
	start, end int
	text       string
	lower      string // for words: text lower-cased, possessive "'s" removed
	glued      bool   // no white space between the previous token and this one
	plain      bool   // a tNum of digits only, usable as a day or a year
}

// tokenize splits s into words, numbers and punctuation with byte offsets.
// It never fails: invalid UTF-8 bytes become one-byte punctuation tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	prevEnd := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		t := token{start: i, glued: i == prevEnd}
		switch {
		case r >= '0' && r <= '9':
			t.kind, t.plain = tNum, true
			j := i + 1
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.' || c == ':') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					t.plain = false
					j += 2
					continue
				}
				break
			}
			t.end = j
		case unicode.IsLetter(r):
			t.kind = tWord
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					if r3, n3 := utf8.DecodeRuneInString(s[j+n2:]); unicode.IsLetter(r3) {
						j += n2 + n3
						continue
					}
				}
				break
			}
			t.end = j
		default:
			t.kind = tPunct
			t.end = i + size
		}
		t.text = s[t.start:t.end]
		if t.kind == tWord {
			t.lower = foldWord(t.text)
		}
		toks = append(toks, t)
		prevEnd = t.end
		i = t.end
	}
	return toks
}

// lowerWord is the folded text of a word token ("Year’s" → "year"), or ""
// for other tokens.
func lowerWord(t token) string { return t.lower }

// foldWord lower-cases w and removes a possessive "'s".
func foldWord(w string) string {
	w = strings.ToLower(w)
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "’s")
}

// capitalized reports whether t is a word starting with an upper-case letter.
func capitalized(t token) bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// isDash reports a hyphen or en dash, the range marks ("14-15", "14–15").
func isDash(t token) bool {
	return t.kind == tPunct && (t.text == "-" || t.text == "–")
}
