package coder

import "strings"

// Codes returns the number of lexicon entries for each CAMEO code. It is
// counted from the index, where an entry appears once for each form it
// matches (a verb's inflections, a noun's plural), so the forms of one
// entry are folded together by their code, kind, options and the words
// after the first; the count is close to, not exactly, the number of lines
// in the lexicon files.
func (l *Lexicon) Codes() map[string]int {
	seen := map[string]bool{}
	codes := map[string]int{}
	for _, ts := range l.byFirst {
		for _, t := range ts {
			if t == nil || len(t.Phrase) == 0 {
				continue
			}
			if k := entryKey(t); !seen[k] {
				seen[k] = true
				codes[t.Code]++
			}
		}
	}
	return codes
}

// entryKey names the lexicon entry a trigger was made from: the same for
// every inflected form of a verb (by its lemma) and for the singular and
// plural of a noun (by the plural's stem).
func entryKey(t *Trigger) string {
	words := append([]string(nil), t.Phrase...)
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
