package coder

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// membersFile lists the member states of alliances and unions.
//
//go:embed members.tsv
var membersFile string

// members maps a body's actor code prefix to its member states, each with
// the years it belonged; membersErr is what is wrong with membersFile
// (TestMembersFile keeps it nil).
var members, membersErr = readMembers(membersFile)

// membership is the years a state belonged to a body: from, until
// inclusive; zero for no bound.
type membership struct {
	from, until int
}

// readMembers reads the lines of members.tsv. A member that is no
// three-letter code or whose years are no numbers is left out, and the
// first such is returned as an error naming its line.
func readMembers(s string) (map[string]map[string]membership, error) {
	m := map[string]map[string]membership{}
	var bad error
	for n, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		states := map[string]membership{}
		for _, w := range f[1:] {
			code, years, _ := strings.Cut(w, ":")
			from, until, _ := strings.Cut(years, "-")
			var ms membership
			var ferr, uerr error
			if from != "" {
				ms.from, ferr = strconv.Atoi(from)
			}
			if until != "" {
				ms.until, uerr = strconv.Atoi(until)
			}
			if len(code) != 3 || strings.ToUpper(code) != code || ferr != nil || uerr != nil {
				if bad == nil {
					bad = fmt.Errorf("members.tsv:%d: %q is no member (CODE, CODE:YEAR or CODE:YEAR-YEAR)", n+1, w)
				}
				continue
			}
			states[code] = ms
		}
		m[f[0]] = states
	}
	return m, bad
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
