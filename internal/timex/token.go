package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

type tokKind uint8

const (
	tWord  tokKind = iota // starts with a letter, or is a clitic: "Putin", "Sept.", "'s"
	tNum                  // starts with an ASCII digit: "2012", "160,000", "2:30", "5th", "2012-06-05"
	tPunct                // anything else
)

// token is one of the sentence's tokens as the patterns read it.
type token struct {
	kind       tokKind
	i          int // its index in the sentence's doc tokens
	start, end int
	text       string
	lower      string // for words: lower case, apostrophes straight, no final full stop ("sept")
	glued      bool   // no white space between the previous token and this one
	plain      bool   // a tNum of digits only, usable as a day or a year
}

// read classifies the sentence's tokens (as internal/nlp makes them). A
// possessive "'s" is read with the word it follows, as one word ending
// before it: "Thursday's meeting" dates by "Thursday", and the word before
// "2003" in "Yang's 2003 mission" is the name "Yang".
func read(toks []doc.Token) []token {
	return readInto(make([]token, 0, len(toks)), toks)
}

// readInto is read appending to out, whose array a Story reuses from one
// sentence to the next.
func readInto(out []token, toks []doc.Token) []token {
	for i, dt := range toks {
		glued := i > 0 && dt.Start == toks[i-1].End
		if glued && (dt.Text == "'s" || dt.Text == "’s") && len(out) > 0 && out[len(out)-1].kind == tWord {
			continue
		}
		t := token{i: i, start: dt.Start, end: dt.End, text: dt.Text, glued: glued}
		r, n := utf8.DecodeRuneInString(dt.Text)
		switch {
		case r >= '0' && r <= '9':
			t.kind = tNum
			_, t.plain = digits(dt.Text)
		case unicode.IsLetter(r), (r == '\'' || r == '’') && len(dt.Text) > n:
			// Clitics ("'ll", "'s" after a number) are words too.
			t.kind = tWord
			t.lower = strings.TrimSuffix(dt.Lower(), ".")
		default:
			t.kind = tPunct
		}
		out = append(out, t)
	}
	return out
}

// lowerWord is the folded text of a word token ("Sept." → "sept"), or ""
// for other tokens.
func lowerWord(t token) string { return t.lower }

// capitalized reports whether t is a word starting with an upper-case letter.
func capitalized(t token) bool { return t.kind == tWord && upperFirst(t.text) }

func upperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isDash reports a hyphen or en dash, the range marks ("14-15", "14–15").
func isDash(t token) bool {
	return t.kind == tPunct && (t.text == "-" || t.text == "–")
}
