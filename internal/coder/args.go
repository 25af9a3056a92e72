package coder

import (
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
)

// pair is one (source, target) of an event.
type pair struct{ src, tgt doc.Actor }

// forceful reports whether a code shows or uses force, whose target is
// where it is aimed: "drills around Taiwan".
func forceful(code string) bool { return cameo.ClassOf(code).Force != "" }

// twoParty reports whether an event takes two parties by nature:
// consultations, signed agreements and material cooperation.
func twoParty(code string) bool { return cameo.ClassOf(code).TwoParty }

// sameSide reports whether two actors belong to the same state or body,
// so an event between them is not an event of a dyad: one code and a code
// that extends it (RUS and RUSGOV, RUSGOV and RUSGOVMIL), or two state
// bodies of one country ("Russian officials" and "the Kremlin"; police and
// opposition are not). A state and an armed group outside it (TUR and
// TURREB: "Turkish jets struck PKK targets") are two sides; they speak as
// one only (see related).
func sameSide(a, b doc.Actor) bool {
	if a.Code == b.Code {
		return true
	}
	one := a.Country != "" && a.Country == b.Country
	if one && (nonState(a.Code) || nonState(b.Code)) {
		return false
	}
	return related(a, b) || one && stateRole(a.Code) && stateRole(b.Code)
}

// related reports whether one actor's code is the other's or extends it:
// RUS, RUSGOV and RUSGOVMIL; TUR and TURREB.
func related(a, b doc.Actor) bool {
	return strings.HasPrefix(a.Code, b.Code) || strings.HasPrefix(b.Code, a.Code)
}

// stateRole reports whether a code names a state body: the government,
// its military, police, intelligence, legislature or judiciary.
func stateRole(code string) bool {
	if len(code) < 6 {
		return true
	}
	switch code[3:6] {
	case "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI":
		return true
	}
	return false
}

// homeState returns the country of actors that are all people of one
// country and none a state body (civilians, protesters, the opposition),
// or "".
func homeState(as []doc.Actor) string {
	c := ""
	for _, a := range as {
		if a.Country == "" || stateRole(a.Code) || c != "" && a.Country != c {
			return ""
		}
		c = a.Country
	}
	return c
}

// bothBodies reports whether neither actor is a state: a list such as
// "the G-20, BRICS and APEC summits" names occasions, not a pair.
func bothBodies(a, b doc.Actor) bool { return a.Country == "" && b.Country == "" }

// sameActors reports whether two actor lists name the same codes.
func sameActors(a, b []doc.Actor) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	codes := map[string]bool{}
	for _, x := range a {
		codes[x.Code] = true
	}
	for _, x := range b {
		if !codes[x.Code] {
			return false
		}
	}
	return true
}

// distinct returns the actors of as with one of each code: two mentions
// of one actor ("the leaders of the Azadliq opposition coalition", parsed
// as two subjects) are one party.
func distinct(as []doc.Actor) []doc.Actor {
	var out []doc.Actor
	seen := map[string]bool{}
	for _, a := range as {
		if !seen[a.Code] {
			seen[a.Code] = true
			out = append(out, a)
		}
	}
	return out
}

// allPairs returns every (source, target) pair of two actor lists.
func allPairs(srcs, tgts []doc.Actor) []pair {
	var out []pair
	for _, s := range srcs {
		for _, t := range tgts {
			out = append(out, pair{s, t})
		}
	}
	return out
}

// cross returns the (source, target) pairs of two actor lists that are
// two sides: not one side, or a state and its own unarmed people.
func cross(srcs, tgts []doc.Actor) []pair {
	var out []pair
	for _, p := range allPairs(srcs, tgts) {
		if !sameSide(p.src, p.tgt) || unarmedApart(p.src, p.tgt) {
			out = append(out, p)
		}
	}
	return out
}

// insurgency returns the country of actors that are all armed groups
// outside its state (rebels, insurgents, separatists) of that one country,
// or "".
func insurgency(as []doc.Actor) string {
	c := ""
	for _, a := range as {
		if a.Country == "" || !nonState(a.Code) || strings.Contains(a.Code, "UAF") || strings.HasPrefix(a.Code, "IMG") || c != "" && a.Country != c {
			return ""
		}
		c = a.Country
	}
	return c
}

// unarmedApart reports whether one of two actors of one country is its
// state and the other its unarmed people (civilians, journalists...): the
// state's force on them is an event, though one code begins with the
// other ("North Korean agents assassinated the half-brother of North
// Korea's leader" is PRK against PRKCVL).
func unarmedApart(a, b doc.Actor) bool {
	apart := func(s, o doc.Actor) bool { return stateRole(s.Code) && unarmed(o.Code) }
	return a.Country != "" && a.Country == b.Country && (apart(a, b) || apart(b, a))
}

// pairsOf codes the members of a compound against each other, once per
// unordered pair, in the order written.
func pairsOf(as []doc.Actor) []pair {
	var out []pair
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			if !sameSide(as[i], as[j]) && !bothBodies(as[i], as[j]) {
				out = append(out, pair{as[i], as[j]})
			}
		}
	}
	return out
}
