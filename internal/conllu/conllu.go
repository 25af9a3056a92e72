// Package conllu reads and writes Universal Dependencies CoNLL-U files and
// scores parses against them the way the CoNLL 2018 shared task did.
package conllu

import "strings"

// Word is one syntactic word: a line whose ID is a single integer.
type Word struct {
	ID     int // 1-based position in the sentence
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // ID of the head word, 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// MultiWord is a range line such as "3-4 don't": one orthographic token
// that is split into the words First to Last. Only its form and Misc are
// kept; the other columns of a range line are "_".
type MultiWord struct {
	First, Last int
	Form, Misc  string
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	// Comments are the lines before the first word, without the leading
	// "#" and one space after it, in file order ("sent_id = ...",
	// "text = ...").
	Comments   []string
	Words      []Word
	MultiWords []MultiWord // in order of First, not overlapping
	// Empty holds the enhanced-graph empty nodes ("8.1 ...") verbatim.
	// Each is written after the word its ID starts with, so a sentence
	// that was read is written back unchanged.
	Empty []string
}

// Text returns the value of the "# text = " comment, or "" if there is none.
func (s *Sentence) Text() string { return s.comment("text") }

// ID returns the value of the "# sent_id = " comment, or "" if there is none.
func (s *Sentence) ID() string { return s.comment("sent_id") }

// comment returns the value of the first "key = value" comment.
func (s *Sentence) comment(key string) string {
	for _, c := range s.Comments {
		rest, ok := strings.CutPrefix(c, key)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if value, ok := strings.CutPrefix(rest, "="); ok {
			return strings.TrimLeft(value, " ")
		}
	}
	return ""
}

// SpaceAfter reports whether the word at index i of s.Words (0-based, not
// its ID) is followed by a space in the original text. A word inside a
// multiword token is followed by the rest of that token, so only the last
// word of the token can have a space after it, and the token's Misc
// decides.
func (s *Sentence) SpaceAfter(i int) bool {
	id := s.Words[i].ID
	for _, m := range s.MultiWords {
		if id < m.First || id > m.Last {
			continue
		}
		if id < m.Last {
			return false
		}
		return !hasMisc(m.Misc, "SpaceAfter=No")
	}
	return !hasMisc(s.Words[i].Misc, "SpaceAfter=No")
}

// hasMisc reports whether the "|"-separated misc column holds item.
func hasMisc(misc, item string) bool {
	for misc != "" {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == item {
			return true
		}
	}
	return false
}
