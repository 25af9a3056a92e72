package coder

import (
	"reflect"
	"strings"
	"testing"
)

func TestDefaultLexiconLoads(t *testing.T) {
	l := DefaultLexicon()
	if l.Len() < 150 {
		t.Errorf("default lexicon has %d entries, want at least 150", l.Len())
	}
	for _, w := range []string{"visited", "met", "signed", "accused", "vetoed"} {
		if len(l.byFirst[w]) == 0 {
			t.Errorf("no trigger starts with %q", w)
		}
	}
}

func TestInflect(t *testing.T) {
	tests := map[string][]string{
		"visit":        {"visit", "visits", "visited", "visiting"},
		"meet":         {"meet", "meets", "met", "meeting"},
		"veto":         {"veto", "vetoes", "vetoed", "vetoing"},
		"ban":          {"ban", "bans", "banned", "banning"},
		"supply":       {"supply", "supplies", "supplied", "supplying"},
		"agree":        {"agree", "agrees", "agreed", "agreeing"},
		"withdraw":     {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"},
		"hold/held/xx": {"hold", "holds", "held", "xx", "holding"},
	}
	for lemma, want := range tests {
		if got := inflect(lemma); !reflect.DeepEqual(got, want) {
			t.Errorf("inflect(%q) = %q, want %q", lemma, got, want)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	for _, line := range []string{"x 040 meet", "v 4x0 meet", "v 040", "v 040 meet | sometimes"} {
		l := &Lexicon{byFirst: map[string][]*Trigger{}}
		err := l.Read("extra.txt", strings.NewReader("# extra\n"+line+"\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "extra.txt:2: ") {
			t.Errorf("line %q: error %v, want one naming extra.txt:2", line, err)
		}
	}
}
