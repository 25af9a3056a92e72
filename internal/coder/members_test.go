package coder

import (
	"strings"
	"testing"
)

// TestMember checks membership by code prefix and year: NATO's founders,
// later members from the year they joined, and a member that left.
func TestMember(t *testing.T) {
	for _, c := range []struct {
		body, country string
		year          int
		want          bool
	}{
		{"IGOWSTNAT", "USA", 2011, true},
		{"IGOWSTNAT", "SWE", 2011, false},
		{"IGOWSTNAT", "SWE", 2024, true},
		{"IGOWSTNATMIL", "FRA", 1999, true}, // a body of NATO's
		{"IGOEUREEC", "GBR", 2016, true},
		{"IGOEUREEC", "GBR", 2021, false},
		{"IGOEUREEC", "USA", 2016, false},
		{"IGOUNO", "USA", 2016, false}, // no list: no one is a member
	} {
		if got := member(c.body, c.country, c.year); got != c.want {
			t.Errorf("member(%s, %s, %d) = %v, want %v", c.body, c.country, c.year, got, c.want)
		}
	}
}

// TestMembersFile: every member in members.tsv reads, and a malformed one
// is named with its line.
func TestMembersFile(t *testing.T) {
	if membersErr != nil {
		t.Error(membersErr)
	}
	_, err := readMembers("# x\nIGOWSTNAT\tUSA GRC:19x2\n")
	if err == nil || !strings.Contains(err.Error(), `members.tsv:2: "GRC:19x2"`) {
		t.Errorf("readMembers of a bad year: %v, want an error naming line 2 and the member", err)
	}
	if _, err := readMembers("IGOWSTNAT\tUSA Fra\n"); err == nil {
		t.Error("readMembers of a lower-case code: no error")
	}
}
