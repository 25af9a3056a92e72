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
