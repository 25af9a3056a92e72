package lexicon

import (
	"strings"
	"testing"
)

// TestDefaultNamesUnique checks that no surface form names two actors in
// the embedded dictionaries. A matcher lets the later entry win, so a
// name written twice (two files adding the same person, or a person's bare
// surname shared with another) silently codes one of them wrongly. Two
// people with dated offices may share a name: the resolver gives it to
// the one in office on the date, and to neither when both or none are.
func TestDefaultNamesUnique(t *testing.T) {
	lex := mustDefault(t)
	seen := map[string]*Actor{}
	dated := func(a *Actor) bool { return a.Kind == Person && len(a.Roles) > 0 }
	for _, a := range lex.Actors {
		for _, n := range append(append([]string(nil), a.Names...), a.Adjectives...) {
			k := strings.ToLower(strings.Join(strings.Fields(n), " "))
			k = strings.TrimPrefix(k, "the ")
			if prev, dup := seen[k]; dup && prev != a && !(dated(prev) && dated(a)) {
				t.Errorf("%q names both %q (%s) and %q (%s)", n, prev.Name, prev.Code, a.Name, a.Code)
			}
			seen[k] = a
		}
	}
}
