package syntax

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// The functions of this file mend the parse of one sentence after
// voice(), each with one statement about English the greedy parser
// breaks: an adjectival modifier has no subject; "be" has no object, and
// an object is a noun phrase; a verb has one subject (a list of names cut
// in two, a phrase of the first subject); a bare noun adverbial is two
// words; a relative clause ends before the main verb; an adjective before
// a noun modifies it; a name heads the title before it; a subject takes
// no preposition; a participle with no auxiliary has no subject of its
// own; an oblique has a preposition; a finite verb has a subject; a day
// named alone says when; a dateline is no part of the clause; a clause
// joined by ", and" has its own subject. Each is measured on the EWT
// development set and the news check set (docs/syntax.md).

// mend applies the statements of this file to one parsed sentence.
func mend(toks []doc.Token) {
	modifierSubjects(toks)
	beObjects(toks)
	nominalObjects(toks)
	listSubjects(toks)
	subjectPhrases(toks)
	bareAdverbials(toks)
	whoseObjects(toks)
	relativeMain(toks)
	adjectiveHeads(toks)
	titleNames(toks)
	agentSubjects(toks)
	prepositionSubjects(toks)
	participleSubjects(toks)
	relativeObjects(toks)
	subordinateClauses(toks)
	dayObjects(toks)
	datelines(toks)
	clauseSubjects(toks)
	complementSubjects(toks)
}

// modifierSubjects relabels the subject the parser gave an adjectival
// modifier joined to it by a hyphen: an amod describes the noun it
// modifies and has no subject of its own, so the word before "-led" in "a
// South Korean-led team" is a compound of the participle, as English-EWT
// writes it ("US-based").
func modifierSubjects(toks []doc.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Head > i && toks[t.Head-1].Text == "-" && t.Rel == "nsubj" && toks[t.Head].Rel == "amod" {
			t.Rel = "compound"
		}
	}
}

// nominalObjects relabels an object that is no noun phrase: the
// infinitive's "to" left by an omitted verb ("whatever you need to",
// "when they want to") is the verb's open complement, xcomp.
func nominalObjects(toks []doc.Token) {
	for i := range toks {
		if t := &toks[i]; t.Rel == "obj" && t.XPOS == "TO" {
			t.Rel = "xcomp"
		}
	}
}

// beObjects relabels the object the parser gave a form of "be": "be"
// takes no object, and the noun phrase after it when it heads its clause
// is its subject ("there have been tensions", "there will be some
// girls").
func beObjects(toks []doc.Token) {
	for i := range toks {
		if t := &toks[i]; t.Rel == "obj" && t.Head >= 0 && toks[t.Head].Lemma == "be" {
			t.Rel = "nsubj"
		}
	}
}

// adjectiveHeads attaches to its noun an adjective the parser attached to
// a verb or made the root: an adjective right before a noun modifies it
// ("Chinese President Xi Jinping met", "Indian Prime Minister Narendra
// Modi received"; amod takes a nominal head). When the adjective was the
// root, its first verb dependent (the clause's verb, which the parser
// hung on it as parataxis) takes its place; when it headed a noun after
// it ("received Japanese Prime Minister Fumio Kishida" read with "Fumio"
// an oblique of "Japanese"), that noun takes its place, as the verb's
// object when the verb has none and no preposition marks the noun.
func adjectiveHeads(toks []doc.Token) {
	for a := 0; a+1 < len(toks); a++ {
		t := &toks[a]
		if t.UPOS != "ADJ" || !strings.HasPrefix(toks[a+1].XPOS, "NN") || toks[a+1].Head == a {
			continue
		}
		if t.Head >= 0 && toks[t.Head].UPOS != "VERB" && toks[t.Head].UPOS != "AUX" {
			continue
		}
		heir, ok := -1, true
		for j := range toks {
			if toks[j].Head != a || toks[j].Rel == "punct" {
				continue
			}
			switch {
			case heir >= 0:
				ok = false
			case t.Head < 0 && toks[j].UPOS == "VERB" && j > a:
				heir = j
			case t.Head >= 0 && strings.HasPrefix(toks[j].XPOS, "NN") && j > a+1 && !hasChild(toks, j, "case") && !hasChild(toks, t.Head, "obj"):
				heir = j
			default:
				ok = false
			}
		}
		if !ok || t.Head < 0 && heir < 0 {
			continue
		}
		if heir >= 0 {
			for j := range toks {
				if toks[j].Head == a && j != heir {
					toks[j].Head = heir
				}
			}
			rel := "root"
			if t.Head >= 0 {
				rel = "obj"
			}
			toks[heir].Head, toks[heir].Rel = t.Head, rel
		}
		n := a + 1
		for toks[n].Head > n && (toks[n].Rel == "amod" || toks[n].Rel == "compound") {
			n = toks[n].Head
		}
		t.Head, t.Rel = n, "amod"
	}
}

// relativeMain finds the main verb the parser hung inside a relative
// clause before it. In "The rebels who seized the town in March released
// 12 hostages" the parser makes the noun the root and "released" a
// conjunct of "seized"; in "Gazprom, whose chief signed the deal, expects
// deliveries" it makes the relative clause's verb the root. A verb (or a
// predicate with its copula) joined to the relative clause's verb with no
// conjunction, complementizer or subject of its own is the sentence's
// verb, and the noun the clause modifies its subject, when it follows the
// clause: right after the comma that closes a clause a comma opened
// ("Duterte, who met Xi in Beijing, is due to visit Japan"), or, in a
// clause no comma opened, after words of the clause and with no comma
// before it. Without an auxiliary it is a past tense, not a participle
// ("The ceasefire that the two sides agreed in May collapsed").
func relativeMain(toks []doc.Token) {
	root := -1
	for i, t := range toks {
		if t.Head < 0 {
			root = i
		}
	}
	if root < 0 {
		return
	}
	n, r := -1, -1
	switch toks[root].UPOS {
	case "NOUN", "PROPN", "PRON":
		// The noun is the root; its relative clause is among its dependents.
		for j := root + 1; j < len(toks) && r < 0; j++ {
			if toks[j].Head == root && toks[j].Rel == "acl:relcl" && relativeWord(toks, j) >= 0 {
				n, r = root, j
			}
		}
	case "VERB":
		// The relative clause's verb is the root: "N, whose X V1 ...".
		if w := relativeWord(toks, root); w >= 2 && toks[w-1].Text == "," {
			for j := w - 2; j >= 0; j-- {
				if toks[j].Head == root && (toks[j].UPOS == "PROPN" || toks[j].UPOS == "NOUN") {
					n, r = j, root
					break
				}
			}
		}
	}
	if r < 0 {
		return
	}
	w := relativeWord(toks, r)
	commaOpened := w > 0 && toks[w-1].Text == ","
	for v := r + 2; v < len(toks); v++ {
		t := &toks[v]
		if t.Head != r || !predicate(toks, v) {
			continue
		}
		switch t.Rel {
		case "conj", "xcomp", "ccomp", "parataxis":
		default:
			continue
		}
		if lo := firstWord(toks, v); commaOpened != (lo > 0 && toks[lo-1].Text == ",") {
			continue
		}
		aux, free := false, true
		for _, c := range toks {
			if c.Head != v {
				continue
			}
			switch c.Rel {
			case "nsubj", "nsubj:pass", "cc", "mark", "expl":
				free = false
			case "aux", "aux:pass":
				aux = true
			}
		}
		if !free {
			continue
		}
		for j := v + 1; j < len(toks); j++ {
			if toks[j].Head == n || toks[j].Head == r && r == root {
				toks[j].Head = v
			}
		}
		if n != root {
			for j := 0; j < n; j++ {
				if toks[j].Head == r {
					toks[j].Head = v
				}
			}
		}
		toks[r].Head, toks[r].Rel = n, "acl:relcl"
		t.Head, t.Rel = -1, "root"
		toks[n].Head, toks[n].Rel = v, pick(hasChild(toks, v, "aux:pass"), "nsubj:pass", "nsubj")
		if t.XPOS == "VBN" && !aux {
			t.XPOS = "VBD"
		}
		return
	}
}

// whoseObjects mends a relative clause that "whose" opens with a phrase
// and a subject before its verb ("the SCO, whose summit Putin attended";
// "Iran, whose tanker Britain seized"): a verb has one subject, and a
// phrase "whose" opens that comes before the verb's subject is what the
// verb is done to, its object, not a second subject nor a compound of the
// subject that follows it.
func whoseObjects(toks []doc.Token) {
	for w, t := range toks {
		n := t.Head
		if !strings.EqualFold(t.Text, "whose") || t.Rel != "nmod:poss" || n != w+1 {
			continue
		}
		s, v := -1, -1
		switch toks[n].Rel {
		case "nsubj":
			// Another subject of the same verb between the phrase and
			// the verb.
			v = toks[n].Head
			for j := n + 1; v > n && j < v; j++ {
				if toks[j].Head == v && toks[j].Rel == "nsubj" {
					s = j
				}
			}
		case "compound":
			// The phrase read as a compound of the subject after it.
			if h := toks[n].Head; h == n+1 && toks[h].Rel == "nsubj" {
				s, v = h, toks[h].Head
			}
		}
		if s < 0 || v <= s || toks[v].UPOS != "VERB" || hasChild(toks, v, "obj") {
			continue
		}
		toks[n].Head, toks[n].Rel = v, "obj"
	}
}

// predicate reports whether token v can be a clause's predicate: a verb
// in a finite or participle form, or a word with a copula.
func predicate(toks []doc.Token, v int) bool {
	if toks[v].UPOS == "VERB" {
		switch toks[v].XPOS {
		case "VBD", "VBZ", "VBP", "VBN":
			return true
		}
		return false
	}
	return hasChild(toks, v, "cop")
}

// firstWord returns the first token of the subtree of i that is no
// punctuation.
func firstWord(toks []doc.Token, i int) int {
	for j := range toks {
		if toks[j].Rel != "punct" && inPhrase(toks, j, i) {
			return j
		}
	}
	return i
}

// inPhrase reports whether token k is i or lies in the phrase i heads.
func inPhrase(toks []doc.Token, k, i int) bool {
	for steps := 0; k >= 0 && steps <= len(toks); k, steps = toks[k].Head, steps+1 {
		if k == i {
			return true
		}
	}
	return false
}

// hasSubject reports whether token v has a nominal subject or an
// expletive one.
func hasSubject(toks []doc.Token, v int) bool {
	return hasChild(toks, v, "nsubj") || hasChild(toks, v, "nsubj:pass") || hasChild(toks, v, "expl")
}

// bareAdverbials gives back to the verb the noun phrase the parser let a
// bare noun adverbial swallow: "last month", "next week", "this year"
// (obl:unmarked) are a determiner or adjective and a noun, so a noun the
// parser attached to that noun before its determiner or adjective heads
// a phrase of its own, the verb's object ("visited Shanghai last month",
// "will host Foreign Minister Sergei Lavrov next week").
func bareAdverbials(toks []doc.Token) {
	for h := 2; h < len(toks); h++ {
		t := &toks[h]
		w := &toks[h-1]
		if t.Rel != "obl:unmarked" || t.Head < 0 || w.Head != h || (w.Rel != "det" && w.Rel != "amod") {
			continue
		}
		if strings.EqualFold(w.Text, "a") || strings.EqualFold(w.Text, "an") {
			// A rate: "five times a year" is one adverbial.
			continue
		}
		verb := t.Head
		obj := -1
		for j := h - 2; j >= 0; j-- {
			if toks[j].Head == h && (toks[j].UPOS == "PROPN" || toks[j].UPOS == "NOUN") {
				obj = j
				break
			}
		}
		if obj < 0 || obj < verb || hasChild(toks, verb, "obj") {
			continue
		}
		for j := range toks {
			if j != obj && j < h-1 && toks[j].Head == h {
				toks[j].Head = obj
			}
		}
		toks[obj].Head, toks[obj].Rel = verb, "obj"
	}
}

// relativeWord returns the relative pronoun or "that" that opens the
// clause of the verb r, before it: one of its dependents ("who", "which")
// or the owner of one ("whose chief"), or -1.
func relativeWord(toks []doc.Token, r int) int {
	for j := 0; j < r; j++ {
		t := toks[j]
		if t.XPOS != "WDT" && t.XPOS != "WP" && t.XPOS != "WP$" && !strings.EqualFold(t.Text, "that") {
			continue
		}
		if h := t.Head; h == r || h >= 0 && h < r && toks[h].Head == r {
			return j
		}
	}
	return -1
}

// hasChild reports whether token i has a dependent with relation rel.
func hasChild(toks []doc.Token, i int, rel string) bool {
	return firstChild(toks, i, rel) >= 0
}

// listSubjects mends a list of names the parser cut in two: a verb has
// one subject, so a second subject that comes after a comma closing a
// name and heads the rest of a list ("experts from the United States,
// Britain, Australia and Sweden concluded") continues that name's list:
// it and its conjuncts become conjuncts of the list's first name.
func listSubjects(toks []doc.Token) {
	for k := 2; k < len(toks); k++ {
		t := &toks[k]
		if t.Rel != "nsubj" || t.Head < 0 || toks[k-1].Text != "," || toks[k-2].UPOS != "PROPN" {
			continue
		}
		other, list := false, false
		for j := range toks {
			switch {
			case j < k && toks[j].Head == t.Head && toks[j].Rel == "nsubj":
				other = true
			case toks[j].Head == k && toks[j].Rel == "conj":
				list = true
			}
		}
		if !other || !list {
			continue
		}
		first := k - 2
		for toks[first].Rel == "conj" && toks[first].Head >= 0 {
			first = toks[first].Head
		}
		for j := range toks {
			if toks[j].Head == k && toks[j].Rel == "conj" {
				toks[j].Head = first
			}
		}
		t.Head, t.Rel = first, "conj"
	}
}

// subjectPhrases mends a subject the parser cut in two: a verb has one
// subject, so a second subject that follows the first with nothing
// between them but the first's own words is part of the first's phrase.
// Marked by "by", it is the first's nominal modifier, the agent of a noun
// of action ("The shelling of Kharkiv by Russian forces continued");
// other prepositions leave no sure head. After a number the
// parser made the object of the first's "of", it is that object, the
// number its count ("Russia's expulsion of 23 British diplomats drew").
func subjectPhrases(toks []doc.Token) {
	for s2 := range toks {
		if toks[s2].Rel != "nsubj" || toks[s2].Head < 0 {
			continue
		}
		v := toks[s2].Head
		s1 := -1
		for j := 0; j < s2; j++ {
			if toks[j].Head == v && toks[j].Rel == "nsubj" {
				s1 = j
			}
		}
		if s1 < 0 || !within(toks, s1, s2) {
			continue
		}
		if toks[s1].UPOS != "NOUN" && toks[s1].UPOS != "PROPN" {
			continue
		}
		if k := firstChild(toks, s2, "case"); k >= 0 {
			// Only "by" is sure: the agent of a noun of action.
			if strings.EqualFold(toks[k].Text, "by") {
				toks[s2].Head, toks[s2].Rel = s1, "nmod"
			}
			continue
		}
		n := s2 - 1
		for n > s1 && toks[n].Head != s1 {
			n--
		}
		if n <= s1 || toks[n].Rel != "nmod" || toks[n].UPOS != "NUM" || !hasChild(toks, n, "case") {
			continue
		}
		for j := range toks {
			if toks[j].Head == n {
				toks[j].Head = s2
			}
		}
		toks[s2].Head, toks[s2].Rel = s1, "nmod"
		toks[n].Head, toks[n].Rel = s2, "nummod"
	}
}

// firstChild returns the first dependent of i with relation rel, or -1.
func firstChild(toks []doc.Token, i int, rel string) int {
	for j, t := range toks {
		if t.Head == i && t.Rel == rel {
			return j
		}
	}
	return -1
}

// within reports whether every word between s1 and s2 hangs, through its
// heads, on s1 or s2: the two are one stretch of nominal words.
func within(toks []doc.Token, s1, s2 int) bool {
	for k := s1 + 1; k < s2; k++ {
		j, steps := k, 0
		for j != s1 && j != s2 {
			j = toks[j].Head
			if j < 0 || steps > len(toks) {
				return false
			}
			steps++
		}
	}
	return true
}

// titleNames makes a person's name the head of the title before it: an
// apposition is set off by punctuation, so a name of several words the
// parser attached as an appos to the capitalised title right before it,
// with no comma between ("Secretary of State Mike Pompeo said"), heads the
// phrase, and the title describes it (nmod:desc), as EWT writes "President
// Bush".
func titleNames(toks []doc.Token) {
	for n := range toks {
		t := &toks[n]
		h := t.Head
		if t.Rel != "appos" || h < 0 || h > n || t.UPOS != "PROPN" || toks[h].UPOS != "PROPN" || !hasChild(toks, n, "flat") || hasChild(toks, h, "flat") {
			// A name of one word, or a head that is a name itself
			// ("Barack Obama"), is no title before a name.
			continue
		}
		apart := false
		for j := h + 1; j < n; j++ {
			apart = apart || toks[j].UPOS == "PUNCT" || toks[j].UPOS == "CCONJ"
		}
		if apart {
			continue
		}
		t.Head, t.Rel = toks[h].Head, toks[h].Rel
		toks[h].Head, toks[h].Rel = n, "nmod:desc"
	}
}

// participleSubjects gives back to the verb after it the subject the
// parser gave a past participle: a participle with no auxiliary heads no
// clause with a subject of its own unless a comma sets it off ("All
// things considered, ..."), so in "Relief supplies flown in by Australia
// reached Tonga", read with "supplies" the subject of "flown" and "flown"
// an adverbial clause of "reached", the participle modifies the noun
// (acl) and the noun is the subject of "reached", when that verb has
// none.
func participleSubjects(toks []doc.Token) {
	for p := range toks {
		t := &toks[p]
		h := t.Head
		if t.XPOS != "VBN" || t.Rel != "advcl" || h <= p || !strings.HasPrefix(toks[h].XPOS, "VB") {
			continue
		}
		s := firstChild(toks, p, "nsubj")
		if s < 0 {
			s = firstChild(toks, p, "nsubj:pass")
		}
		if s < 0 || s > p || hasChild(toks, p, "aux") || hasChild(toks, p, "aux:pass") || hasChild(toks, p, "cop") ||
			hasSubject(toks, h) {
			continue
		}
		comma := false
		for k := s + 1; k < h; k++ {
			comma = comma || toks[k].Text == ","
		}
		if comma {
			continue
		}
		toks[s].Head, toks[s].Rel = h, pick(hasChild(toks, h, "aux:pass"), "nsubj:pass", "nsubj")
		t.Head, t.Rel = s, "acl"
	}
}

// relativeObjects relabels a relative pronoun the parser made an oblique
// of its clause's verb with no preposition: an oblique is a noun phrase
// a preposition marks (or a bare adverbial of time), so "whom" in "the
// ambassador, whom Lithuania expelled" is the verb's object when the verb
// has none.
func relativeObjects(toks []doc.Token) {
	for i := range toks {
		t := &toks[i]
		if t.Rel != "obl" || t.Head <= i || t.XPOS != "WP" && t.XPOS != "WDT" || hasChild(toks, i, "case") ||
			hasChild(toks, t.Head, "obj") || !strings.HasPrefix(toks[t.Head].XPOS, "VB") {
			continue
		}
		t.Rel = "obj"
	}
}

// subordinateClauses mends a subordinate clause the parser read as a
// prepositional phrase followed by a verb of its own: a finite verb has
// a subject, so a finite verb the parser joined as a conjunct with no
// conjunction and no subject, right after a noun whose preposition has
// no object but that noun ("after protesters stormed its embassy"), has
// that noun for subject, when that preposition can introduce a clause
// ("after", "before", "since", "until", "as"; not "in": "after a bombing
// in Kashmir killed 40" has "bombing" for subject); the preposition
// introduces the clause (mark) and the clause modifies the verb the
// parser joined it to (advcl).
func subordinateClauses(toks []doc.Token) {
	for v := 2; v < len(toks); v++ {
		t := &toks[v]
		if !subjectlessConjunct(toks, v) || hasChild(toks, v, "cc") {
			continue
		}
		c := v - 1
		for c > 0 && nominal(toks[c].XPOS) {
			c--
		}
		n := toks[c].Head
		if c == v-1 || toks[c].XPOS != "IN" || toks[c].Rel != "case" || !subordinating(toks[c].Text) || n <= c || n >= v ||
			!strings.HasPrefix(toks[n].XPOS, "NN") && toks[n].XPOS != "PRP" {
			continue
		}
		toks[n].Head, toks[n].Rel = v, "nsubj"
		toks[c].Head, toks[c].Rel = v, "mark"
		t.Rel = "advcl"
	}
}

// nominal reports whether a word of Penn tag x belongs in a noun phrase
// before its head or is its head.
func nominal(x string) bool {
	switch x {
	case "DT", "PDT", "CD", "JJ", "JJR", "JJS", "PRP$", "POS", "NN", "NNS", "NNP", "NNPS", "PRP", "HYPH":
		return true
	}
	return false
}

// subordinating reports whether w, a preposition, also introduces a
// clause: "after protesters stormed", "until the talks ended".
func subordinating(w string) bool {
	switch strings.ToLower(w) {
	case "after", "before", "since", "until", "till", "as", "because", "while", "once":
		return true
	}
	return false
}

// agentSubjects gives back to a past participle its passive agent the
// parser made the subject of a later verb: a subject takes no
// preposition, and "by" right after a participle or its particle marks
// the participle's agent ("A drone shot down by Turkish fighters
// crashed", read with "fighters" the subject of "crashed").
func agentSubjects(toks []doc.Token) {
	for n := range toks {
		t := &toks[n]
		if t.Rel != "nsubj" && t.Rel != "nsubj:pass" {
			continue
		}
		c := firstChild(toks, n, "case")
		if c < 1 || c > n || !strings.EqualFold(toks[c].Text, "by") {
			continue
		}
		p := c - 1
		if toks[p].XPOS == "RP" && p > 0 {
			p--
		}
		if toks[p].XPOS != "VBN" || t.Head == p {
			continue
		}
		t.Head, t.Rel = p, "obl:agent"
	}
}

// dayObjects relabels a day the parser made a verb's object: a day
// named with no preposition ("prices rose Wednesday", "met Tuesday")
// says when, as a bare noun adverbial (obl:unmarked); in English-EWT's
// training data 2 of some 330 such words are objects.
func dayObjects(toks []doc.Token) {
	for i := range toks {
		if t := &toks[i]; t.Rel == "obj" && day(t.Text) && !hasChild(toks, i, "case") && !hasChild(toks, i, "det") {
			t.Rel = "obl:unmarked"
		}
	}
}

// day reports whether w names a day: a day of the week, "today",
// "yesterday", "tomorrow" or "tonight".
func day(w string) bool {
	switch strings.ToLower(w) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tomorrow", "tonight":
		return true
	}
	return false
}

// prepositionSubjects mends a subject the parser gave a preposition: a
// subject takes none (in English-EWT's training data 2 of some 20,000
// subjects do, both titles). When the preposition can introduce a clause
// ("as family members fled") and the verb right after the noun is finite,
// it marks that verb's clause (mark). Otherwise, as in "opened its
// borders to most West Africans ordered out of Nigeria", read with
// "Africans" the subject of "ordered", the word after the noun, spelled
// as a participle and with no auxiliary, is a past participle modifying
// it (acl), and the noun's phrase takes the verb's place in the
// sentence: an oblique of a verb, else a nominal modifier.
func prepositionSubjects(toks []doc.Token) {
	for n := 1; n+1 < len(toks); n++ {
		t, v := &toks[n], n+1
		if t.Rel != "nsubj" && t.Rel != "nsubj:pass" || t.Head != v || toks[v].Head < 0 {
			continue
		}
		c := firstChild(toks, n, "case")
		if c < 0 || c > n {
			continue
		}
		if subordinating(toks[c].Text) {
			if x := toks[v].XPOS; x == "VBD" || x == "VBZ" || x == "VBP" {
				toks[c].Head, toks[c].Rel = v, "mark"
			}
			continue
		}
		if x := toks[v].XPOS; x != "VBD" && x != "VBN" || !participleForm(toks[v].Text) ||
			hasChild(toks, v, "aux") || hasChild(toks, v, "aux:pass") || hasChild(toks, v, "cop") {
			continue
		}
		h := toks[v].Head
		t.Head, t.Rel = h, pick(strings.HasPrefix(toks[h].XPOS, "VB"), "obl", "nmod")
		toks[v].Head, toks[v].Rel, toks[v].XPOS = n, "acl", "VBN"
		if toks[v].UPOS == "AUX" {
			toks[v].UPOS = "VERB"
		}
	}
}

// datelines mends a sentence that begins with its dateline, a place in
// capitals and a date before a dash ("MOSCOW, March 22, 2013 — Chinese
// President Xi Jinping met ..."): the dateline says where and when the
// report was filed and is no part of the clause, so its head is a
// parataxis of the sentence's verb, never its subject, and the noun
// after the dash that the parser hung on the dateline is the verb's
// subject. When the parser made the dateline the root, the first finite
// verb hung on it after the dash takes its place.
func datelines(toks []doc.Token) {
	d := datelineEnd(toks)
	if d < 0 {
		return
	}
	h := -1
	for i := range d {
		if hd := toks[i].Head; hd < 0 || hd >= d {
			if h >= 0 {
				return
			}
			h = i
		}
	}
	if h < 0 {
		return
	}
	v := toks[h].Head
	if v < 0 {
		for i := d + 1; i < len(toks); i++ {
			if x := toks[i].XPOS; toks[i].Head == h && (x == "VBD" || x == "VBZ" || x == "VBP") {
				v = i
				break
			}
		}
		if v < 0 {
			return
		}
		toks[v].Head, toks[v].Rel = -1, "root"
	}
	if v <= d {
		return
	}
	toks[h].Head, toks[h].Rel = v, "parataxis"
	other := -1
	for i := range toks {
		if toks[i].Head == v && i != h && strings.HasPrefix(toks[i].Rel, "nsubj") {
			other = i
		}
	}
	for s := d + 1; s < v; s++ {
		if toks[s].Head != h || !strings.HasPrefix(toks[s].XPOS, "NN") && toks[s].XPOS != "PRP" {
			continue
		}
		if other >= 0 {
			// "U.S. President Donald Trump and North Korean leader Kim
			// Jong Un met", read with "Kim" the subject: the verb's
			// subject after "and" is the conjunct of the one hung on
			// the dateline.
			cc := -1
			for k := s + 1; k < other; k++ {
				if toks[k].XPOS == "CC" {
					cc = k
				}
			}
			if other < s || cc < 0 {
				break
			}
			toks[other].Head, toks[other].Rel = s, "conj"
			toks[cc].Head, toks[cc].Rel = other, "cc"
		}
		toks[s].Head, toks[s].Rel = v, pick(hasChild(toks, v, "aux:pass"), "nsubj:pass", "nsubj")
		break
	}
}

// datelineEnd returns the position of the dash that closes a dateline
// at the start of the sentence (a word in capitals, then names, numbers
// and commas: "NEW DELHI, Feb. 15, 2019 —"), or -1.
func datelineEnd(toks []doc.Token) int {
	if len(toks) < 4 || !acronym(toks[0].Text) {
		return -1
	}
	for i := 1; i < len(toks) && i < 16; i++ {
		switch toks[i].Text {
		case "—", "--":
			return i
		}
		switch toks[i].XPOS {
		case "NNP", "NNPS", "CD", ",", "HYPH":
		default:
			return -1
		}
	}
	return -1
}

// complementSubjects gives a clause its subject back from the verb
// before it: a finite verb has a subject, so when the words right after
// a verb's object are a clause's finite verb (or its auxiliary) that has
// none and hangs from that same verb as its complement, the object is
// that clause's subject ("began to notice their wells were running dry").
// A past tense counts only as an auxiliary or a copula: one spelled as a
// participle may be one ("agreements signed with Yanukovych").
func complementSubjects(toks []doc.Token) {
	for n := range toks {
		v := toks[n].Head
		if toks[n].Rel != "obj" || v < 0 || v > n {
			continue
		}
		f := lastWord(toks, n) + 1
		if f >= len(toks) {
			continue
		}
		c, r := f, toks[f].Rel
		aux := r == "aux" || r == "aux:pass" || r == "cop"
		if aux {
			c = toks[f].Head
		}
		switch x := toks[f].XPOS; {
		case x == "MD" || x == "VBZ" || x == "VBP":
		case x == "VBD" && aux:
		default:
			continue
		}
		if c <= n || toks[c].Head != v {
			continue
		}
		if r := toks[c].Rel; r != "ccomp" && r != "parataxis" && r != "dep" {
			continue
		}
		if hasSubject(toks, c) || hasChild(toks, c, "csubj") || hasChild(toks, c, "mark") {
			continue
		}
		toks[n].Head, toks[n].Rel = c, pick(hasChild(toks, c, "aux:pass"), "nsubj:pass", "nsubj")
		toks[c].Rel = "ccomp"
	}
}

// lastWord returns the last word of the phrase i heads.
func lastWord(toks []doc.Token, i int) int {
	last := i
	for k := i + 1; k < len(toks); k++ {
		if inPhrase(toks, k, i) {
			last = k
		}
	}
	return last
}

// clauseSubjects gives a subject back to a clause joined by ", and": a
// finite verb has a subject, so a verb the parser joined as a conjunct
// with none, right after the nouns that follow ", and" which it hung as
// conjuncts of an earlier noun ("Bolivia cut ties with Israel, and Chile
// and Colombia recalled their ambassadors", read with "Chile" a conjunct
// of "Israel"), has the first of those nouns for subject, and ", and"
// joins the two clauses.
func clauseSubjects(toks []doc.Token) {
	for v := 3; v < len(toks); v++ {
		if !subjectlessConjunct(toks, v) {
			continue
		}
		c := v - 1
		for c > 1 && (nominal(toks[c].XPOS) || toks[c].XPOS == "CC" && toks[c-1].Text != ",") {
			c--
		}
		if c < 2 || c == v-1 || toks[c].XPOS != "CC" || toks[c-1].Text != "," {
			continue
		}
		n := -1
		for k := c + 1; k < v; k++ {
			if hd := toks[k].Head; hd <= c || hd >= v {
				if n >= 0 || toks[k].Rel != "conj" || !strings.HasPrefix(toks[k].XPOS, "NN") || hd > c {
					n = -2
					break
				}
				n = k
			}
		}
		if n < 0 {
			continue
		}
		toks[n].Head, toks[n].Rel = v, pick(hasChild(toks, v, "aux:pass"), "nsubj:pass", "nsubj")
		toks[c].Head, toks[c].Rel = v, "cc"
		toks[c-1].Head = v
	}
}

// subjectlessConjunct reports whether token v is a finite verb the parser
// joined as a conjunct of an earlier word with no subject of its own.
func subjectlessConjunct(toks []doc.Token, v int) bool {
	t := toks[v]
	switch t.XPOS {
	case "VBD", "VBZ", "VBP":
	default:
		return false
	}
	return t.Rel == "conj" && t.Head >= 0 && t.Head < v && !hasSubject(toks, v)
}
