package syntax

import (
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// TestModifierSubjects checks on hand-built parses that a noun joined by a
// hyphen to an adjectival modifier is its compound, never its subject,
// and that subjects elsewhere are left alone.
func TestModifierSubjects(t *testing.T) {
	tok := func(text string, head int, rel string) doc.Token { return doc.Token{Text: text, Head: head, Rel: rel} }
	for _, c := range []struct {
		name string
		toks []doc.Token
		at   int
		want string
	}{
		{"a South Korean-led team", []doc.Token{
			tok("a", 5, "det"), tok("South", 4, "nsubj"), tok("Korean", 1, "flat"), tok("-", 1, "punct"),
			tok("led", 5, "amod"), tok("team", -1, "root"),
		}, 1, "compound"},
		{"US-based firms", []doc.Token{
			tok("US", 2, "nsubj"), tok("-", 0, "punct"), tok("based", 3, "amod"), tok("firms", -1, "root"),
		}, 0, "compound"},
		// No hyphen: a subject of a clause the parser put under amod is
		// not this rule's business.
		{"troops they trained", []doc.Token{
			tok("troops", -1, "root"), tok("they", 2, "nsubj"), tok("trained", 0, "amod"),
		}, 1, "nsubj"},
		// A hyphen before a verb that is no modifier.
		{"Kim - met Xi", []doc.Token{
			tok("Kim", 2, "nsubj"), tok("-", 0, "punct"), tok("met", -1, "root"), tok("Xi", 2, "obj"),
		}, 0, "nsubj"},
	} {
		modifierSubjects(c.toks)
		if got := c.toks[c.at].Rel; got != c.want {
			t.Errorf("%s: %q is %s, want %s", c.name, c.toks[c.at].Text, got, c.want)
		}
	}
}

// TestBeObjects checks on hand-built parses that a form of "be" has a
// subject, never an object, and that other verbs keep their objects.
func TestBeObjects(t *testing.T) {
	tok := func(text, lemma string, head int, rel string) doc.Token {
		return doc.Token{Text: text, Lemma: lemma, Head: head, Rel: rel}
	}
	for _, c := range []struct {
		name string
		toks []doc.Token
		at   int
		want string
	}{
		{"there have been tensions", []doc.Token{
			tok("there", "there", 2, "expl"), tok("have", "have", 2, "aux"), tok("been", "be", -1, "root"), tok("tensions", "tension", 2, "obj"),
		}, 3, "nsubj"},
		{"there will be talks", []doc.Token{
			tok("there", "there", 2, "expl"), tok("will", "will", 2, "aux"), tok("be", "be", -1, "root"), tok("talks", "talk", 2, "obj"),
		}, 3, "nsubj"},
		{"troops seized the base", []doc.Token{
			tok("troops", "troops", 1, "nsubj"), tok("seized", "seize", -1, "root"), tok("the", "the", 3, "det"), tok("base", "base", 1, "obj"),
		}, 3, "obj"},
	} {
		beObjects(c.toks)
		if got := c.toks[c.at].Rel; got != c.want {
			t.Errorf("%s: %q is %s, want %s", c.name, c.toks[c.at].Text, got, c.want)
		}
	}
}

// TestListSubjects checks on hand-built parses that a second subject
// continuing a list of names after a comma joins the list, and that a
// second subject of another kind is left alone.
func TestListSubjects(t *testing.T) {
	tok := func(text, upos string, head int, rel string) doc.Token {
		return doc.Token{Text: text, UPOS: upos, Head: head, Rel: rel}
	}
	// "experts from the United States , Britain , Australia and Sweden concluded"
	toks := []doc.Token{
		tok("experts", "NOUN", 11, "nsubj"), tok("from", "ADP", 4, "case"), tok("the", "DET", 4, "det"),
		tok("United", "PROPN", 4, "compound"), tok("States", "PROPN", 0, "nmod"), tok(",", "PUNCT", 6, "punct"),
		tok("Britain", "PROPN", 11, "nsubj"), tok(",", "PUNCT", 8, "punct"), tok("Australia", "PROPN", 6, "conj"),
		tok("and", "CCONJ", 10, "cc"), tok("Sweden", "PROPN", 6, "conj"), tok("concluded", "VERB", -1, "root"),
	}
	listSubjects(toks)
	for _, c := range []struct {
		at, head int
		rel      string
	}{{0, 11, "nsubj"}, {6, 4, "conj"}, {8, 4, "conj"}, {10, 4, "conj"}} {
		if got := toks[c.at]; got.Head != c.head || got.Rel != c.rel {
			t.Errorf("%q: %s of %d, want %s of %d", got.Text, got.Rel, got.Head, c.rel, c.head)
		}
	}
	// "Lavrov , Putin then spoke": a second subject that heads no list
	// is left alone.
	toks = []doc.Token{
		tok("Lavrov", "PROPN", 4, "nsubj"), tok(",", "PUNCT", 2, "punct"), tok("Putin", "PROPN", 4, "nsubj"),
		tok("then", "ADV", 4, "advmod"), tok("spoke", "VERB", -1, "root"),
	}
	listSubjects(toks)
	if toks[2].Rel != "nsubj" || toks[2].Head != 4 {
		t.Errorf("%q: %s of %d, want nsubj of 4", toks[2].Text, toks[2].Rel, toks[2].Head)
	}
}

// TestBareAdverbials checks on hand-built parses that a noun a bare
// adverbial swallowed before its determiner or adjective becomes the
// verb's object, and that a rate ("five times a year") stays whole.
func TestBareAdverbials(t *testing.T) {
	tok := func(text, upos string, head int, rel string) doc.Token {
		return doc.Token{Text: text, UPOS: upos, Head: head, Rel: rel}
	}
	// "Putin visited Shanghai last month"
	toks := []doc.Token{
		tok("Putin", "PROPN", 1, "nsubj"), tok("visited", "VERB", -1, "root"), tok("Shanghai", "PROPN", 4, "compound"),
		tok("last", "ADJ", 4, "amod"), tok("month", "NOUN", 1, "obl:unmarked"),
	}
	bareAdverbials(toks)
	if toks[2].Head != 1 || toks[2].Rel != "obj" {
		t.Errorf("Shanghai: %s of %d, want obj of 1", toks[2].Rel, toks[2].Head)
	}
	// "We go over about 5 times a year"
	toks = []doc.Token{
		tok("We", "PRON", 1, "nsubj"), tok("go", "VERB", -1, "root"), tok("5", "NUM", 3, "nummod"),
		tok("times", "NOUN", 5, "compound"), tok("a", "DET", 5, "det"), tok("year", "NOUN", 1, "obl:unmarked"),
	}
	bareAdverbials(toks)
	if toks[3].Head != 5 || toks[3].Rel != "compound" {
		t.Errorf("times: %s of %d, want compound of 5", toks[3].Rel, toks[3].Head)
	}
	// "The minister met his counterpart this week": the verb has its
	// object already.
	toks = []doc.Token{
		tok("minister", "NOUN", 1, "nsubj"), tok("met", "VERB", -1, "root"), tok("counterpart", "NOUN", 1, "obj"),
		tok("Paris", "PROPN", 5, "compound"), tok("this", "DET", 5, "det"), tok("week", "NOUN", 1, "obl:unmarked"),
	}
	bareAdverbials(toks)
	if toks[3].Head != 5 || toks[3].Rel != "compound" {
		t.Errorf("Paris: %s of %d, want compound of 5", toks[3].Rel, toks[3].Head)
	}
}

// TestRelativeMain checks on hand-built parses that a verb hung without
// a conjunction inside a relative clause becomes the sentence's verb, and
// that a clause with no relative word is left alone.
func TestRelativeMain(t *testing.T) {
	tok := func(text, upos, xpos string, head int, rel string) doc.Token {
		return doc.Token{Text: text, UPOS: upos, XPOS: xpos, Head: head, Rel: rel}
	}
	// "The ceasefire that the sides agreed in May collapsed ."
	toks := []doc.Token{
		tok("The", "DET", "DT", 1, "det"), tok("ceasefire", "NOUN", "NN", -1, "root"), tok("that", "PRON", "WDT", 5, "obj"),
		tok("the", "DET", "DT", 4, "det"), tok("sides", "NOUN", "NNS", 5, "nsubj"), tok("agreed", "VERB", "VBD", 1, "acl:relcl"),
		tok("in", "ADP", "IN", 7, "case"), tok("May", "PROPN", "NNP", 5, "obl"), tok("collapsed", "VERB", "VBN", 5, "xcomp"),
		tok(".", "PUNCT", ".", 1, "punct"),
	}
	relativeMain(toks)
	for _, c := range []struct {
		at, head  int
		rel, xpos string
	}{{8, -1, "root", "VBD"}, {1, 8, "nsubj", "NN"}, {9, 8, "punct", "."}, {5, 1, "acl:relcl", "VBD"}} {
		if got := toks[c.at]; got.Head != c.head || got.Rel != c.rel || got.XPOS != c.xpos {
			t.Errorf("%q: %s %s of %d, want %s %s of %d", got.Text, got.XPOS, got.Rel, got.Head, c.xpos, c.rel, c.head)
		}
	}
	// "WAGAH Pakistan returned the pilot captured": a clause with no
	// relative word is no relative clause.
	toks = []doc.Token{
		tok("Dateline", "PROPN", "NNP", -1, "root"), tok("Pakistan", "PROPN", "NNP", 2, "nsubj"), tok("returned", "VERB", "VBD", 0, "acl:relcl"),
		tok("the", "DET", "DT", 5, "det"), tok("pilot", "NOUN", "NN", 2, "obj"), tok("captured", "VERB", "VBN", 2, "xcomp"),
	}
	relativeMain(toks)
	if toks[5].Rel != "xcomp" || toks[0].Head != -1 {
		t.Errorf("no relative word: %q is %s, %q is %s of %d", toks[5].Text, toks[5].Rel, toks[0].Text, toks[0].Rel, toks[0].Head)
	}
}

// TestAdjectiveHeads checks on hand-built parses that an adjective right
// before a noun modifies that noun, whoever the parser gave it to, and
// that what it wrongly headed takes its place.
func TestAdjectiveHeads(t *testing.T) {
	tok := func(text, upos, xpos string, head int, rel string) doc.Token {
		return doc.Token{Text: text, UPOS: upos, XPOS: xpos, Head: head, Rel: rel}
	}
	type want struct {
		at, head int
		rel      string
	}
	for _, c := range []struct {
		name string
		toks []doc.Token
		want []want
	}{
		{"Chinese President Xi met Putin .", []doc.Token{
			tok("Chinese", "ADJ", "JJ", -1, "root"), tok("President", "PROPN", "NNP", 2, "nmod:desc"), tok("Xi", "PROPN", "NNP", 3, "nsubj"),
			tok("met", "VERB", "VBD", 0, "parataxis"), tok("Putin", "PROPN", "NNP", 3, "obj"), tok(".", "PUNCT", ".", 0, "punct"),
		}, []want{{0, 1, "amod"}, {3, -1, "root"}, {5, 3, "punct"}}},
		{"Modi received Japanese Prime Minister Fumio", []doc.Token{
			tok("Modi", "PROPN", "NNP", 1, "nsubj"), tok("received", "VERB", "VBD", -1, "root"), tok("Japanese", "ADJ", "JJ", 1, "xcomp"),
			tok("Prime", "ADJ", "NNP", 4, "amod"), tok("Minister", "PROPN", "NNP", 5, "nmod:desc"), tok("Fumio", "PROPN", "NNP", 2, "obl"),
		}, []want{{2, 4, "amod"}, {5, 1, "obj"}}},
		// An adjective whose head is a noun is left alone, and so is one
		// before no noun ("found it useful").
		{"the useful talks", []doc.Token{
			tok("the", "DET", "DT", 2, "det"), tok("useful", "ADJ", "JJ", 2, "amod"), tok("talks", "NOUN", "NNS", -1, "root"),
		}, []want{{1, 2, "amod"}}},
		{"found it useful .", []doc.Token{
			tok("found", "VERB", "VBD", -1, "root"), tok("it", "PRON", "PRP", 0, "obj"), tok("useful", "ADJ", "JJ", 0, "xcomp"), tok(".", "PUNCT", ".", 0, "punct"),
		}, []want{{2, 0, "xcomp"}}},
	} {
		adjectiveHeads(c.toks)
		for _, w := range c.want {
			if got := c.toks[w.at]; got.Head != w.head || got.Rel != w.rel {
				t.Errorf("%s: %q is %s of %d, want %s of %d", c.name, got.Text, got.Rel, got.Head, w.rel, w.head)
			}
		}
	}
}
