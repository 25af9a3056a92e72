package coder

import (
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// TestSides checks what one side means for CAMEO actors: a code and the
// codes that extend it, two state bodies of one country, but not a state
// and an armed group outside it; and that cross pairs a state with its own
// unarmed people though they are of its side.
func TestSides(t *testing.T) {
	actor := func(code string) doc.Actor {
		if len(code) >= 3 && code[:3] != "IGO" {
			return doc.Actor{Code: code, Country: code[:3]}
		}
		return doc.Actor{Code: code}
	}
	for _, c := range []struct {
		a, b      string
		same, rel bool
		crossed   bool
	}{
		{"RUS", "RUS", true, true, false},
		{"RUS", "RUSGOV", true, true, false},
		{"RUSGOV", "RUSGOVMIL", true, true, false},
		{"RUSGOV", "RUSMIL", true, false, false}, // two state bodies
		{"GRCCOP", "GRCOPP", false, false, true}, // police and opposition
		{"TUR", "TURREB", false, true, true},     // a state and rebels
		{"TURMIL", "TURREB", false, false, true}, // its army and rebels
		{"TURREB", "TURREB", true, true, false},  // one group
		{"PRK", "PRKCVL", true, true, true},      // force on its own people
		{"RUS", "UKR", false, false, true},       // two states
		{"IGOWSTNAT", "IGOWSTNATMIL", true, true, false},
	} {
		a, b := actor(c.a), actor(c.b)
		for _, ab := range [][2]doc.Actor{{a, b}, {b, a}} {
			if got := sameSide(ab[0], ab[1]); got != c.same {
				t.Errorf("sameSide(%s, %s) = %v, want %v", ab[0].Code, ab[1].Code, got, c.same)
			}
			if got := related(ab[0], ab[1]); got != c.rel {
				t.Errorf("related(%s, %s) = %v, want %v", ab[0].Code, ab[1].Code, got, c.rel)
			}
			if got := len(cross([]doc.Actor{ab[0]}, []doc.Actor{ab[1]})) == 1; got != c.crossed {
				t.Errorf("cross(%s, %s) pairs them: %v, want %v", ab[0].Code, ab[1].Code, got, c.crossed)
			}
		}
	}
	if got := allPairs([]doc.Actor{actor("UKR")}, []doc.Actor{actor("UKRMIL"), actor("RUS")}); len(got) != 2 {
		t.Errorf("allPairs(UKR; UKRMIL, RUS) = %d pairs, want 2 (its own troops too)", len(got))
	}
}
