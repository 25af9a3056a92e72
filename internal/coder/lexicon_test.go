package coder

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

func TestDefaultLexiconLoads(t *testing.T) {
	l := DefaultLexicon()
	if l.Len() < 150 {
		t.Errorf("default lexicon has %d entries, want at least 150", l.Len())
	}
	for _, w := range []string{"visited", "met", "signed", "accused", "vetoed"} {
		if len(l.byHead[w]) == 0 {
			t.Errorf("no trigger is headed by %q", w)
		}
	}
}

func TestInflect(t *testing.T) {
	tests := map[string][]string{
		"visit":                      {"visit", "visits", "visited", "visiting"},
		"meet":                       {"meet", "meets", "met", "meeting"},
		"veto":                       {"veto", "vetoes", "vetoed", "vetoing"},
		"ban":                        {"ban", "bans", "banned", "banning"},
		"supply":                     {"supply", "supplies", "supplied", "supplying"},
		"agree":                      {"agree", "agrees", "agreed", "agreeing"},
		"withdraw":                   {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"},
		"hold/held/xx":               {"hold", "holds", "held", "xx", "holding"},
		"open":                       {"open", "opens", "opened", "opening"},
		"stop":                       {"stop", "stops", "stopped", "stopping"},
		"expel":                      {"expel", "expels", "expelled", "expelling"},
		"kidnap/kidnapped/kidnapped": {"kidnap", "kidnaps", "kidnapped", "kidnapping"},
	}
	for lemma, want := range tests {
		if got := inflect(lemma); !reflect.DeepEqual(got, want) {
			t.Errorf("inflect(%q) = %q, want %q", lemma, got, want)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	for _, line := range []string{"x 040 meet", "v 4x0 meet", "v 040", "v 040 meet | sometimes"} {
		l := newLexicon()
		err := l.Read("extra.txt", strings.NewReader("# extra\n"+line+"\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "extra.txt:2: ") {
			t.Errorf("line %q: error %v, want one naming extra.txt:2", line, err)
		}
	}
}

func TestPatternOnParse(t *testing.T) {
	l := newLexicon()
	if err := l.Read("t.txt", strings.NewReader("v 057 reach agreement | recip\nv 161 cut tie\nn 163 arms embargo\nv 0874 withdraw from\n")); err != nil {
		t.Fatal(err)
	}
	c := &Coder{lex: l}
	tests := map[string]string{
		"They reached an agreement on Monday.":                                    "reached an agreement",
		"They reached a new trade agreement.":                                     "reached a new trade agreement",
		"They reached agreement.":                                                 "reached agreement",
		"They reached a $2 billion trade agreement.":                              "reached a $2 billion trade agreement",
		"They reached the end of a long road.":                                    "",
		"Qatar cut all diplomatic ties with Egypt.":                               "cut all diplomatic ties",
		"Ties were cut on Monday.":                                                "Ties were cut",
		"The arms embargo on Russia remains in force.":                            "arms embargo",
		"The troops withdrew from the town on Friday.":                            "withdrew from",
		"They reached, after a long and difficult night, an agreement on prices.": "reached, after a long and difficult night, an agreement",
	}
	for s, want := range tests {
		toks := parsed(t, s)
		got := ""
		if hs := c.match(newTree(toks, nil)); len(hs) > 0 {
			got = s[toks[hs[0].first].Start:toks[hs[0].last].End]
		}
		if got != want {
			t.Errorf("%q: trigger %q, want %q", s, got, want)
		}
	}
}

// TestPetrarchVerbsAlone codes a few sentences with PETRARCH's verb
// dictionary as the only event lexicon (dyad --no-default-verbs --verbs
// CAMEO.2.0.txt): its patterns load, malformed lines are reported with
// file and line and skipped, and events come out with PETRARCH's codes.
func TestPetrarchVerbsAlone(t *testing.T) {
	path := sharedtest.Path(t, "data", "peers", "petrarch2", "CAMEO.2.0.txt")
	lex := EmptyLexicon()
	skipped, err := lex.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() < 10000 {
		t.Errorf("%d patterns from %s, want more than 10,000", lex.Len(), path)
	}
	for _, e := range skipped {
		if !strings.Contains(e.Error(), "CAMEO.2.0.txt:") {
			t.Errorf("skipped line reported as %q, want file:line", e)
		}
	}
	if len(skipped) == 0 {
		t.Error("no malformed line reported; CAMEO.2.0.txt has a few")
	}
	testCoder(t) // the actor dictionaries
	c := New(lex, nil)
	tests := []struct{ sentence, want string }{
		{"Russian President Vladimir Putin visited Beijing on Monday.", "RUS>CHN:04"},
		{"China condemned the missile test by North Korea.", "CHN>PRK:11"},
		{"India and Pakistan signed an agreement on Thursday.", "IND<>PAK:05"},
		{"Turkish jets attacked Kurdish positions in Iraq.", "TUR>IRQ:19"},
	}
	for _, tt := range tests {
		w, err := parseWant(tt.want)
		if err != nil {
			t.Fatal(err)
		}
		got := code(c, paragraph("2015-06-01", tt.sentence))
		found := false
		for _, e := range got {
			found = found || w.matches(e)
		}
		if !found {
			t.Errorf("%q: got %s, want %s", tt.sentence, describe(got), tt.want)
		}
	}
}

// TestPatternSkipsSubjectMarker checks, on a parse built by hand as the
// parser gave it, that a pattern's word never matches the marker of the
// verb's subject: in "Benin opened its borders to West Africans ordered
// out of Nigeria", with "Africans" parsed as the subject of "ordered" and
// "to" its case, "ordered" is no "order to" (an order to act), while the
// same "to" marking an infinitive is.
func TestPatternSkipsSubjectMarker(t *testing.T) {
	l := newLexicon()
	if err := l.Read("t.txt", strings.NewReader("v 100 order to\n")); err != nil {
		t.Fatal(err)
	}
	c := &Coder{lex: l}
	subject := []doc.Token{
		tok("Benin", "Benin", "PROPN", "NNP", 1, "nsubj"),
		tok("opened", "open", "VERB", "VBD", -1, "root"),
		tok("borders", "border", "NOUN", "NNS", 1, "obj"),
		tok("to", "to", "ADP", "IN", 5, "case"),
		tok("West", "West", "PROPN", "NNP", 5, "compound"),
		tok("Africans", "African", "PROPN", "NNPS", 6, "nsubj"),
		tok("ordered", "order", "VERB", "VBD", 1, "conj"),
		tok("out", "out", "ADP", "IN", 6, "compound:prt"),
	}
	if hs := c.match(newTree(subject, nil)); len(hs) > 0 {
		t.Errorf("subject's marker: matched %q at token %d, want no trigger", hs[0].t.Code, hs[0].head)
	}
	infinitive := []doc.Token{
		tok("Kenya", "Kenya", "PROPN", "NNP", 1, "nsubj"),
		tok("ordered", "order", "VERB", "VBD", -1, "root"),
		tok("envoy", "envoy", "NOUN", "NN", 1, "obj"),
		tok("to", "to", "PART", "TO", 4, "mark"),
		tok("leave", "leave", "VERB", "VB", 1, "xcomp"),
	}
	if hs := c.match(newTree(infinitive, nil)); len(hs) != 1 || hs[0].t.Code != "100" {
		t.Errorf("infinitive: %d triggers, want the order (100)", len(hs))
	}
}
