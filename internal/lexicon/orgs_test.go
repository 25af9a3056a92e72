package lexicon

import (
	"strings"
	"testing"
)

// TestDefaultOrgCodes checks the organisations and groups of the embedded
// dictionaries: each code starts with a state or region the dictionary
// knows or with a CAMEO prefix for bodies above states, no surface form
// names two codes, and no name is a bare acronym that spells a state's
// code (BRN is Brunei, not Barisan Revolusi Nasional).
func TestDefaultOrgCodes(t *testing.T) {
	lex := mustDefault(t)
	places := map[string]bool{}
	for _, a := range lex.Actors {
		if a.Kind == Country {
			places[a.Code] = true
		}
	}
	states := append([]string{"VAT", "PSE", "KSV", "TWN"}, unMembers...)
	prefixes := []string{"IGO", "NGO", "IMG", "MNC"}
	valid := func(code string) bool {
		return len(code) >= 3 && (places[code[:3]] || contains(prefixes, code[:3]))
	}
	seen := map[string]*Actor{}
	orgs := 0
	for _, a := range lex.Actors {
		if a.Kind != Org && a.Kind != Group {
			continue
		}
		orgs++
		if !valid(a.Code) {
			t.Errorf("%q: code %s starts with no known state, region or IGO/NGO/IMG/MNC", a.Name, a.Code)
		}
		for _, r := range a.Roles {
			if !valid(r.Code) {
				t.Errorf("%q: role code %s starts with no known state, region or IGO/NGO/IMG/MNC", a.Name, r.Code)
			}
		}
		for _, n := range a.Names {
			if len(n) == 3 && contains(states, n) {
				t.Errorf("%q: name %q is a state's code", a.Name, n)
			}
			key := n
			if n != strings.ToUpper(n) {
				key = strings.ToLower(n)
			}
			if prev, ok := seen[key]; ok && prev.Code != a.Code {
				t.Errorf("%q names both %q (%s) and %q (%s)", n, prev.Name, prev.Code, a.Name, a.Code)
			}
			seen[key] = a
		}
	}
	if orgs < 700 {
		t.Errorf("%d organisations and groups, want at least 700", orgs)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
