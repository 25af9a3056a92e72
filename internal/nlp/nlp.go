// Package nlp splits cleaned text into sentences and sentences into word
// tokens with byte offsets. It is rule-based and dictionary-free apart from
// a list of abbreviations, so it is fast and needs no model.
package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark: Text = s[Start:End].
type Token struct {
	Text       string
	Start, End int
}

// Lower returns the token's text in lower case with curly apostrophes made
// straight, the form dictionaries are matched against.
func (t Token) Lower() string {
	return strings.ReplaceAll(strings.ToLower(t.Text), "’", "'")
}

// IsWord reports whether the token starts with a letter.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Tokenize splits s into tokens. Words keep inner apostrophes and periods
// of abbreviations ("U.S."), numbers keep their decimal points and
// thousands separators ("3.5", "160,000"), a possessive "'s" is its own
// token, and hyphens between words are tokens of their own so that
// "China-Russia" yields "China", "-", "Russia".
func Tokenize(s string) []Token {
	var toks []Token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			j := scanWord(s, i)
			// A possessive 's or ’s becomes its own token.
			w := s[i:j]
			if k := possessive(w); k > 0 {
				toks = append(toks, Token{w[:k], i, i + k}, Token{w[k:], i + k, j})
			} else {
				toks = append(toks, Token{w, i, j})
			}
			i = j
		case r >= '0' && r <= '9':
			j := scanNumber(s, i)
			toks = append(toks, Token{s[i:j], i, j})
			i = j
		default:
			toks = append(toks, Token{s[i : i+size], i, i + size})
			i += size
		}
	}
	return toks
}

func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		// Inner apostrophes (don't, O'Neill) and abbreviation periods (U.S.).
		if (r == '\'' || r == '’' || r == '.') && j+size < len(s) {
			next, _ := utf8.DecodeRuneInString(s[j+size:])
			if unicode.IsLetter(next) {
				if r == '.' && !isAbbrevPeriod(s, i, j) {
					break
				}
				j += size
				continue
			}
		}
		// The final period of an abbreviation such as "U.S." belongs to it.
		if r == '.' && strings.Contains(s[i:j], ".") && j-i <= 5 {
			j += size
		}
		break
	}
	return j
}

// isAbbrevPeriod reports whether the period at j continues an abbreviation
// of single letters ("U.S", "U.N"), not the end of a sentence.
func isAbbrevPeriod(s string, i, j int) bool {
	for _, r := range s[i:j] {
		if r != '.' && !unicode.IsUpper(r) {
			return false
		}
	}
	return j-i <= 3
}

func possessive(w string) int {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			if suf == "'" || suf == "’" {
				return 0 // a closing quote, not a possessive
			}
			return len(w) - len(suf)
		}
	}
	return 0
}

func scanNumber(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == '.' || c == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	return j
}
