package syntax

import "strings"

// finite makes sure a sentence has a finite verb. A greedy tagger reads
// "Russian forces attacked Georgian troops" as a noun phrase with a
// participle (VBN) when the subject is a plural noun, and then the parser
// finds no clause at all. In a sentence with no finite verb (no VBD, VBZ,
// VBP or modal) the first past participle that no auxiliary governs is
// the past tense of its clause: its tag becomes VBD before the parse.
func (t *tagger) finite(words []string, classes []int) {
	if len(classes) < 3 {
		return
	}
	cand := -1
	for i, c := range classes {
		switch t.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			return
		case "VBN":
			if cand < 0 && i > 0 && !auxBefore(words, i) {
				cand = i
			}
		}
	}
	if c := t.vbd(); cand >= 0 && c >= 0 {
		classes[cand] = c
	}
}

// auxBefore reports whether an auxiliary of the perfect or the passive
// comes a few words before position i: "has been attacked", "were
// attacked", "having signed".
func auxBefore(words []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch strings.ToLower(words[k]) {
		case "have", "has", "had", "having", "'ve", "'d", "be", "is", "are", "was", "were",
			"been", "being", "'s", "'re", "am", "get", "gets", "got", "gotten", "getting":
			return true
		}
	}
	return false
}

// participleObjects finds a past participle the parser read as a
// participle where English allows only a past tense, and returns its
// position, or -1:
//   - one modifying a noun (acl) that has a direct object or a past tense
//     coordinated with it: a reduced passive relative ("the sanctions
//     imposed by the US") takes no object, so "Israeli soldiers arrested
//     100 Palestinians" is past;
//   - one heading a main or reported clause (root, ccomp, parataxis)
//     with no auxiliary: a participle heads a clause only after "has" or
//     "was", so "Zambia extradited the suspect, officials said" is past.
func (m *Model) participleObjects(classes, heads, labels []int) int {
	for i, c := range classes {
		if m.tagger.xpos[c] != "VBN" {
			continue
		}
		switch m.rels[labels[i+1]] {
		case "acl":
			for j, cj := range classes {
				if heads[j+1]-1 != i {
					continue
				}
				// A direct object, a bare noun phrase of people counted
				// or determined ("arrested more than 100 Palestinians"),
				// or a past-tense verb coordinated with it ("guards fired
				// on and seized two gunboats").
				switch r := m.rels[labels[j+1]]; {
				case r == "obj", r == "conj" && m.tagger.xpos[cj] == "VBD":
					return i
				case (r == "obl" || r == "obl:agent") && j > i && bareCounted(m, classes, heads, labels, j):
					return i
				}
			}
		case "root", "ccomp", "parataxis":
			aux := false
			for j := range classes {
				if heads[j+1]-1 == i {
					switch m.rels[labels[j+1]] {
					case "aux", "aux:pass", "cop":
						aux = true
					}
				}
			}
			if !aux {
				return i
			}
		}
	}
	return -1
}

// vbd returns the tag class of a past-tense verb.
func (t *tagger) vbd() int {
	for c := range t.xpos {
		if t.upos[c] == "VERB" && t.xpos[c] == "VBD" {
			return c
		}
	}
	return -1
}

// bareCounted reports whether the oblique at j is a plural noun with no
// preposition and with a number or determiner of its own: "100
// Palestinians", not "on Saturday" or "last week".
func bareCounted(m *Model, classes, heads, labels []int, j int) bool {
	if x := m.tagger.xpos[classes[j]]; x != "NNS" && x != "NNPS" {
		return false
	}
	counted := false
	for k := range classes {
		if heads[k+1]-1 != j {
			continue
		}
		switch m.rels[labels[k+1]] {
		case "case":
			return false
		case "nummod", "det":
			counted = true
		}
	}
	return counted
}
