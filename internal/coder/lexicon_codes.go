package coder

import "strings"

// Codes returns the number of lexicon entries for each CAMEO code,
// counted from the index: each entry once for each form it matches (a
// verb's inflections, a noun's plural), the forms of one entry folded
// together by their code, kind, options and the words after the first, so
// the count is close to, not exactly, the number of lines in the lexicon
// files.
func (l *Lexicon) Codes() map[string]int {
	seen := map[string]bool{}
	codes := map[string]int{}
	count := func(t *Trigger, words []string) {
		if k := entryKey(t, words); !seen[k] {
			seen[k] = true
			codes[t.Code]++
		}
	}
	done := map[*Trigger]bool{}
	for _, index := range []map[string][]*Trigger{l.byHead, l.phrases} {
		for _, ts := range index {
			for _, t := range ts {
				if done[t] || len(t.Phrase) == 0 {
					continue
				}
				done[t] = true
				count(t, t.Phrase)
				// A noun's plural is a form of its own, as in the
				// files' lines: "n 172 sanction" matches "sanctions".
				if last := len(t.Phrase) - 1; t.Kind == 'n' && !strings.HasSuffix(t.Phrase[last], "s") {
					count(t, append(append([]string{}, t.Phrase[:last]...), plural(t.Phrase[last])))
				}
			}
		}
	}
	return codes
}

// entryKey names the lexicon entry a trigger was made from, given the words
// of one of its forms: the same for every inflected form of a verb (by its
// lemma) and for the singular and plural of a noun (by the plural's stem).
func entryKey(t *Trigger, form []string) string {
	words := append([]string(nil), form...)
	switch t.Kind {
	case 'v':
		words[0] = t.Lemma
	case 'n':
		last := len(words) - 1
		words[last] = nounStem(words[last])
	}
	opts := []bool{t.Recip, t.Place, t.Clause, t.Report, t.Weak, t.Topic}
	var b strings.Builder
	b.WriteString(t.Code)
	b.WriteByte(t.Kind)
	for _, o := range opts {
		if o {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	b.WriteByte(' ')
	b.WriteString(strings.Join(words, " "))
	return b.String()
}

// nounStem undoes plural for the key only: "sanctions" and "sanction",
// "parties" and "party", "taxes" and "tax" share a stem.
func nounStem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 3:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}
