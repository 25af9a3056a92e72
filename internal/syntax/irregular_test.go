package syntax

import (
	"strings"
	"testing"
)

// TestIrregularLemma checks that the past tenses and participles of
// irregular verbs take their base form, whatever ending the treebank's
// rules would strip, and that regular forms still go through the rules.
func TestIrregularLemma(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ form, xpos, want string }{
		{"shot", "VBD", "shoot"},
		{"shot", "VBN", "shoot"},
		{"cut", "VBD", "cut"},
		{"Cut", "VBN", "cut"},
		{"set", "VBD", "set"},
		{"were", "VBD", "be"},
		{"went", "VBD", "go"},
		{"struck", "VBD", "strike"},
		{"withdrew", "VBD", "withdraw"},
		{"shot", "NN", "shot"},
		{"attacked", "VBD", "attack"},
		{"killed", "VBN", "kill"},
		// A regular stem never ends in a consonant and "r".
		{"massacred", "VBD", "massacre"},
		{"centred", "VBN", "centre"},
		{"entered", "VBD", "enter"},
		{"offered", "VBN", "offer"},
		{"preferred", "VBD", "prefer"},
		{"stirred", "VBD", "stir"},
	} {
		if got := m.lemmas.lemma(c.form, c.xpos); got != c.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

func TestReadVerbForms(t *testing.T) {
	v := irregular()
	if len(v.base) < 150 || !v.past["shot"] || v.past["shown"] || v.base["lay"] != "lie" {
		t.Errorf("irregular.txt: %d forms, past[shot]=%v past[shown]=%v base[lay]=%q", len(v.base), v.past["shot"], v.past["shown"], v.base["lay"])
	}
	for _, c := range []struct{ text, err string }{
		{"# comment\n\ngo went\n", `irregular.txt:3: "go went": want base, past tense and past participle`},
		{"go went/ gone\n", `irregular.txt:1: "go went/ gone": an empty form`},
		{"lie lay lain\nsee lay seen\n", `irregular.txt:2: "lay" is a form of both "lie" and "see"`},
	} {
		_, err := readVerbForms([]byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("readVerbForms(%q) = %v, want %s", c.text, err, c.err)
		}
	}
}
