package postgres

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// words splits text into the words full-text search matches on, as
// SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2) does: runs of
// letters and digits, lower-cased, without diacritics. "Zürich-like" is
// zurich, like; "U.S." is u, s.
func words(text string) []string {
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), text)
	if err != nil {
		folded = text
	}
	return strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// fold is the text PostgreSQL's 'simple' configuration indexes for a
// sentence: its words separated by spaces.
func fold(text string) string { return strings.Join(words(text), " ") }

// tsQuery turns words typed by a user into a to_tsquery('simple', ...)
// expression that cannot be a syntax error: every word must occur; a word
// of several parts ("U.S.") is a phrase of them in order; a trailing *
// matches its last part as a prefix; words without a letter or digit are
// dropped. The parts hold only letters and digits, so quoting them is
// enough.
func tsQuery(query string) string {
	var terms []string
	for _, w := range strings.Fields(query) {
		prefix := strings.HasSuffix(w, "*")
		parts := words(w)
		if len(parts) == 0 {
			continue
		}
		for i, p := range parts {
			parts[i] = "'" + p + "'"
		}
		if prefix {
			parts[len(parts)-1] += ":*"
		}
		t := strings.Join(parts, " <-> ")
		if len(parts) > 1 {
			t = "(" + t + ")"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " & ")
}
