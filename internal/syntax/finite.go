package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// finite makes sure a sentence's main clause has a finite verb. A greedy
// tagger reads "Russian forces attacked Georgian troops" as a noun phrase
// with a participle (VBN) when the subject is a plural noun, and "Iran
// shot down a drone" or "It cut ties" as one with a noun, an adjective or
// a number. The clause is the words before the first finite verb (VBD,
// VBZ, VBP or modal): all of them when there is none; those before "and"
// when that verb is a past tense right after it ("shot and killed"); those
// before a subordinating word when that verb's subject follows one
// ("after protesters stormed"), before a relative pronoun that is its
// subject ("workers who lost their jobs") or before a comma when that
// verb closes the sentence with its subject (", officials said."). In it, a word that can be a past tense
// and stands after the end of a subject (afterSubject) is the past tense
// of the clause, and its tag becomes VBD before the parse:
//   - a past participle that no auxiliary governs and that is not the
//     second half of a compound adjective ("Pakistan-based");
//   - a word English spells as a past tense (pastForm: an irregular past,
//     "shot", "cut", "set", or a form in "-ed", "massacred") that the
//     tagger took for something else, when an object, a particle or a
//     preposition follows it (beforeObject; before a subordinate clause,
//     only a noun phrase or a particle: objectNext), also a participle
//     there ("A Russian official offered concessions that the negotiator
//     believed"), though no participle spelled otherwise is taken there.
//
// The first such word followed by an object wins, else the first
// participle. finite returns the position it retagged, or -1.
func (t *tagger) finite(words []string, classes []int) int {
	if len(classes) < 3 {
		return -1
	}
	t.pastNotPresent(words, classes)
	end := len(classes)
	for i, c := range classes {
		switch t.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			end = i
		}
		if end < len(classes) {
			break
		}
	}
	sub := false
	switch {
	case end == len(classes):
	case end > 1 && t.xpos[classes[end-1]] == "CC" && t.xpos[classes[end]] == "VBD":
		// "militants shot and killed two officers": the clause before
		// "and" has a verb of its own, in the tense of the one after.
		end--
	case t.subordinator(words, classes, end) > 0:
		// "Saudi Arabia cut ties with Iran after protesters stormed its
		// embassy": the first finite verb is a subordinate clause's.
		end, sub = t.subordinator(words, classes, end), true
	default:
		return -1
	}
	cand, sure := -1, false
	for i := 1; i < end && !sure; i++ {
		x := t.xpos[classes[i]]
		if x == "NNP" || x == "NNPS" {
			continue
		}
		obj := i+1 == end && end < len(classes) && !sub || t.beforeObject(words, classes, i)
		switch {
		case x == "VBN" && !sub && !auxBefore(words, i) && !t.participle(words, classes, i) && t.afterSubject(words, classes, i, true) && (cand < 0 || obj):
			cand, sure = i, obj
		case (x != "VBN" || sub) && obj && (!sub || t.objectNext(classes, i)) && pastForm(words[i]) && t.afterSubject(words, classes, i, !irregular().past[strings.ToLower(words[i])]):
			cand, sure = i, true
		}
	}
	c := t.vbd()
	if cand < 0 || c < 0 {
		return -1
	}
	classes[cand] = c
	return cand
}

// subordinator returns the position of the word that begins the clause
// of the finite verb at end: a subordinating word before the verb's
// subject ("after protesters stormed", "which Russia annexed"), a
// relative pronoun that is its subject ("who lost"), or the comma before
// a subject and a verb that close the sentence (", officials said."); or
// -1.
func (t *tagger) subordinator(words []string, classes []int, end int) int {
	k := end - 1
	for k > 0 {
		switch t.xpos[classes[k]] {
		case "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "JJ", "CD", "POS", "HYPH":
			k--
			continue
		case "WDT", "WP":
			// A relative pronoun right before the verb is its subject
			// ("the properties that belonged to them").
			return k
		case "IN", "WRB":
			if k < end-1 {
				return k
			}
		case ",":
			// A reporting clause closing the sentence: ", relief
			// officials said."
			if k < end-1 && t.closes(classes, end) {
				return k
			}
		}
		return -1
	}
	return -1
}

// closes reports whether nothing but punctuation follows position i.
func (t *tagger) closes(classes []int, i int) bool {
	for _, c := range classes[i+1:] {
		switch t.xpos[c] {
		case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "NFP":
		default:
			return false
		}
	}
	return true
}

// objectNext reports whether the word after i starts a noun phrase or is
// a particle: what follows a verb and no participle of a reduced relative.
func (t *tagger) objectNext(classes []int, i int) bool {
	switch t.xpos[classes[i+1]] {
	case "DT", "CD", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "RP":
		return true
	}
	return false
}

// pastNotPresent retags as a past tense a verb tagged as a present of
// the third person that English spells as a past: "cuts" is the present
// of "cut", so "Bolivia cut ties" is past.
func (t *tagger) pastNotPresent(words []string, classes []int) {
	c := -1
	for i, ci := range classes {
		if t.xpos[ci] != "VBZ" || !irregular().past[strings.ToLower(words[i])] {
			continue
		}
		if c < 0 {
			if c = t.vbd(); c < 0 {
				return
			}
		}
		classes[i] = c
	}
}

// participle reports whether the past participle at i can only be one:
// the second half of a compound adjective ("Pakistan-based").
func (t *tagger) participle(words []string, classes []int, i int) bool {
	return t.xpos[classes[i-1]] == "HYPH" || words[i-1] == "-"
}

// pastForm reports whether English spells w as the past tense of a
// verb that is not an auxiliary: an irregular past ("shot") or a word in
// "-ed". "was" and "were" head no clause of their own.
func pastForm(w string) bool {
	lw := strings.ToLower(w)
	if irregular().past[lw] {
		return irregular().base[lw] != "be"
	}
	return len(lw) > 4 && strings.HasSuffix(lw, "ed")
}

// participleForm reports whether English spells w as a past participle:
// an irregular one ("shot", "flown") or a word in "-ed".
func participleForm(w string) bool {
	lw := strings.ToLower(w)
	return irregular().part[lw] || len(lw) > 4 && strings.HasSuffix(lw, "ed")
}

// afterSubject reports whether the word before i, or before an adverb
// or a comma before i ("The visit also produced"), can end a clause's
// subject: a plural or proper noun, an acronym, a pronoun, or, when
// single is set, a singular noun. A word that can itself be a noun
// ("cut", "shot") does not set it: after a singular noun it is a
// compound's head ("a tax cut").
func (t *tagger) afterSubject(words []string, classes []int, i int, single bool) bool {
	k := i - 1
	if x := t.xpos[classes[k]]; k > 0 && (x == "RB" || x == ",") {
		k--
	}
	switch t.xpos[classes[k]] {
	case "NNS", "NNP", "NNPS", "PRP":
		return true
	case "NN":
		return single || acronym(words[k])
	}
	return false
}

// acronym reports whether w is written in capitals ("UAE", "PKK").
func acronym(w string) bool {
	return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// beforeObject reports whether the word after i can start what follows a
// verb: an object, a particle or a preposition other than "by", which
// after a participle marks its passive agent ("led by Singh"), also
// after its particle ("shot down by Turkish fighters").
func (t *tagger) beforeObject(words []string, classes []int, i int) bool {
	if i+1 >= len(classes) {
		return false
	}
	switch t.xpos[classes[i+1]] {
	case "RP":
		return i+2 >= len(words) || !strings.EqualFold(words[i+2], "by")
	case "DT", "CD", "PRP$", "PRP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "RB":
		return true
	case "IN":
		return !strings.EqualFold(words[i+1], "by")
	}
	return false
}

// auxBefore reports whether an auxiliary of the perfect or the passive
// comes a few words before position i: "has been attacked", "were
// attacked", "having signed".
func auxBefore(words []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if auxiliary(words[k]) {
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
//     "was", so "Zambia extradited the suspect, officials said" is past;
//     but a sentence's root with no subject is a fragment's participle
//     ("Highly recommended", "Posted by the editor"), and stays one.
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
			aux, subj := false, false
			for j := range classes {
				if heads[j+1]-1 == i {
					switch m.rels[labels[j+1]] {
					case "aux", "aux:pass", "cop":
						aux = true
					case "nsubj", "nsubj:pass":
						subj = true
					}
				}
			}
			if !aux && (subj || m.rels[labels[i+1]] != "root") {
				return i
			}
		}
	}
	return -1
}

// vbd returns the tag class of a past-tense verb.
func (t *tagger) vbd() int { return t.class("VERB", "VBD") }

// class returns the tag class of a universal and a Penn tag, or -1.
func (t *tagger) class(upos, xpos string) int {
	for c := range t.xpos {
		if t.upos[c] == upos && t.xpos[c] == xpos {
			return c
		}
	}
	return -1
}

// passiveParticiples retags as a past participle an irregular verb's
// participle right after a form of "be", or after it and an adverb,
// that the tagger took for an adjective, a noun or a past tense ("The
// hymn was sung", "It has often been said"): in English-EWT's training
// data 93% of such words are tagged VBN. Not the first half of a
// hyphenated adjective ("not cost-effective"), nor a base form after
// "is" ("all you have to do is become a member").
func (t *tagger) passiveParticiples(words []string, classes []int) {
	vbn := -1
	for i := 1; i < len(classes); i++ {
		switch t.xpos[classes[i]] {
		case "VBN", "VB":
			// A participle already, or a base form after "is" ("all
			// you have to do is become a member").
			continue
		}
		if !irregular().part[strings.ToLower(words[i])] || i+1 < len(words) && words[i+1] == "-" {
			continue
		}
		k := i - 1
		if k > 0 && t.xpos[classes[k]] == "RB" {
			k--
		}
		if !strings.HasPrefix(t.xpos[classes[k]], "VB") || !isBe(words[k]) {
			continue
		}
		if vbn < 0 {
			if vbn = t.class("VERB", "VBN"); vbn < 0 {
				return
			}
		}
		classes[i] = vbn
	}
}

// isBe reports whether w is a form of "be".
func isBe(w string) bool {
	switch strings.ToLower(w) {
	case "be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m":
		return true
	}
	return false
}

// unknownAdverbs retags as a proper name a capitalised word the treebank
// never saw that the tagger took for an adverb without the adverb's
// ending: English makes its new adverbs with "-ly" ("Luckily"), and the
// others are a closed list the treebank has, so "Azerbaijan massed troops"
// begins with a name, not an adverb.
func (t *tagger) unknownAdverbs(words []string, infos []wordInfo, classes []int) {
	for i, c := range classes {
		if t.xpos[c] != "RB" || infos[i].amb != unknownAmb {
			continue
		}
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.HasSuffix(strings.ToLower(w), "ly") {
			continue
		}
		if nnp := t.class("PROPN", "NNP"); nnp >= 0 {
			classes[i] = nnp
		}
	}
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

// participleNouns retags as a plural noun a word in "-s" the tagger took
// for a present of the third person right before a past participle,
// when a finite verb follows: an English present takes no bare
// participle after it unless it is an auxiliary ("has signed", "is
// signed", "gets signed") or a linking verb ("remains targeted", "goes
// unpunished"), so in "Relief supplies flown in by Australia reached
// Tonga" the participle modifies "supplies", a noun, and "reached" is
// the verb. Not before a noun phrase, which the participle may modify
// ("Stuart sets defined objectives"): in English-EWT's training data, of
// 56 words in "-s" before a participle and a later finite verb, 54 are
// nouns and the two presents stand before such a noun phrase; elsewhere
// all 51 are nouns.
func (t *tagger) participleNouns(words []string, classes []int) {
	for i := 0; i+2 < len(classes); i++ {
		if t.xpos[classes[i]] != "VBZ" || t.xpos[classes[i+1]] != "VBN" || auxiliary(words[i]) || linking(words[i]) {
			continue
		}
		if lw := strings.ToLower(words[i]); len(lw) < 4 || !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") {
			continue
		}
		if !t.finiteAfter(classes, i+2) || t.objectNext(classes, i+1) && t.xpos[classes[i+2]] != "RP" {
			// A participle before a noun phrase may modify it: "says
			// retired Col. William", "sets defined objectives".
			continue
		}
		if nns := t.class("NOUN", "NNS"); nns >= 0 {
			classes[i] = nns
		}
	}
}

// finiteAfter reports whether a finite verb stands at i or after it.
func (t *tagger) finiteAfter(classes []int, i int) bool {
	for _, c := range classes[i:] {
		switch t.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// auxiliary reports whether w is a form of "be", "have" or "get", the
// verbs a past participle follows.
func auxiliary(w string) bool {
	if isBe(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "have", "has", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// linking reports whether w is the present of a verb that links its
// subject to a participle or an adjective as "be" does ("remains
// targeted", "seems finished").
func linking(w string) bool {
	switch strings.ToLower(w) {
	case "remains", "stays", "becomes", "seems", "appears", "looks", "feels", "sounds", "goes", "comes", "keeps":
		return true
	}
	return false
}

// possessedNouns retags as a noun a word the treebank never saw that the
// tagger took for an adjective right after "whose", when a name, a
// pronoun or a determiner follows it: "whose" opens a noun phrase, which
// ends in a noun, and those words begin another phrase, so the new word
// is the head of the first ("the SCO, whose summit Putin attended").
func (t *tagger) possessedNouns(words []string, infos []wordInfo, classes []int) {
	for i := 1; i+1 < len(classes); i++ {
		if t.xpos[classes[i]] != "JJ" || infos[i].amb != unknownAmb || !strings.EqualFold(words[i-1], "whose") {
			continue
		}
		switch t.xpos[classes[i+1]] {
		case "NNP", "NNPS", "PRP", "DT":
			if nn := t.class("NOUN", "NN"); nn >= 0 {
				classes[i] = nn
			}
		}
	}
}

// unknownPresents retags as a noun a word the treebank never saw that
// the tagger took for a present (VBP) right after a plural noun that a
// determiner opens right after a verb: the determiner begins the verb's
// object, and a new word after its plural noun is the head of that noun
// phrase, the plural its modifier ("ended the arms embargo"), not the
// verb of a clause of its own. Not before a noun phrase, its object in
// a reported clause ("says the duties punish China").
func (t *tagger) unknownPresents(words []string, infos []wordInfo, classes []int) {
	for i := 3; i < len(classes); i++ {
		if t.xpos[classes[i]] != "VBP" || infos[i].amb != unknownAmb || t.xpos[classes[i-1]] != "NNS" ||
			t.xpos[classes[i-2]] != "DT" || !strings.HasPrefix(t.xpos[classes[i-3]], "VB") {
			continue
		}
		if i+1 < len(classes) && t.objectNext(classes, i) {
			// A present before its own object is a reported clause's
			// verb: "says the duties punish China".
			continue
		}
		if nn := t.class("NOUN", "NN"); nn >= 0 {
			classes[i] = nn
		}
	}
}
