package coder

import (
	_ "embed"
	"strconv"
	"strings"
)

// membersFile lists the member states of alliances and unions.
//
//go:embed members.tsv
var membersFile string

// members maps a body's actor code prefix to its member states, each with
// the years it belonged.
var members = readMembers(membersFile)

// membership is the years a state belonged to a body: from, until
// inclusive; zero for no bound.
type membership struct {
	from, until int
}

func readMembers(s string) map[string]map[string]membership {
	m := map[string]map[string]membership{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		states := map[string]membership{}
		for _, w := range f[1:] {
			code, years, _ := strings.Cut(w, ":")
			from, until, _ := strings.Cut(years, "-")
			var ms membership
			ms.from, _ = strconv.Atoi(from)
			ms.until, _ = strconv.Atoi(until)
			states[code] = ms
		}
		m[f[0]] = states
	}
	return m
}

// member reports whether the state country belonged in year to the body
// with actor code body (year 0: in any year).
func member(body, country string, year int) bool {
	for n := len(body); n >= 3; n-- {
		states, ok := members[body[:n]]
		if !ok {
			continue
		}
		ms, ok := states[country]
		return ok && (year == 0 || (ms.from == 0 || year >= ms.from) && (ms.until == 0 || year <= ms.until))
	}
	return false
}
