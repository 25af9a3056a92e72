package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize prepares a gold evidence phrase or a system sentence for
// comparison, as the gold format says: Unicode NFKC, lower case, curly
// quotes to straight ones, dashes to "-", soft hyphens removed, and every run
// of white space to one space, with none at either end.
//
// Besides the en and em dash, the hyphen, non-breaking hyphen, figure dash,
// horizontal bar and minus sign also become "-": they are dashes too, and
// both sides of a comparison are normalised the same way.
func Normalize(s string) string {
	// Soft hyphens go first: removed after NFKC they could leave a base
	// letter next to a combining mark that NFKC would have joined.
	// Invalid bytes become U+FFFD first, so NFKC sees whole runes.
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\ufffd"), "\u00ad", "")
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u201f':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}
