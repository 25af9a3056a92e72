// Package cameo holds dyad's CAMEO event code tables: each code's name, root,
// Goldstein score, quad class and PLOVER event type. The tables are dyad's
// own files (tables/*.tsv), embedded in the binary and versioned by Version,
// which every event record carries so that a score can always be traced to
// the table that gave it.
package cameo

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -shared ../../../shared -out tables

// Version names the tables compiled in: the CAMEO codebook version, the
// Goldstein table (the ICEWS values, see docs/tables.md) and the version of
// the CAMEO→PLOVER conversion table (PLOVER manual draft 0.8, 2021).
const Version = "cameo=1.1b3 goldstein=icews plover=0.8"

// Code is one CAMEO event code with what the tables say about it.
type Code struct {
	Code string // "042", "0311", "19": leading zeros kept
	Name string // "Make a visit"; roots are upper case ("CONSULT")
	Root string // "04"
	// Goldstein is the ICEWS Goldstein score, -10 (most conflictual) to
	// +10 (most cooperative).
	Goldstein float64
	Quad      int // see Quad
	// PLOVER is the PLOVER event type ("CONSULT"); empty for root 01
	// (public statements), which PLOVER does not code.
	PLOVER string
	// PLOVERMode and PLOVERContext are the PLOVER mode ("visit") and
	// context ("economic"; several joined by "; ") where the conversion
	// table gives one.
	PLOVERMode, PLOVERContext string
}

//go:embed tables/cameo.tsv tables/plover.tsv tables/classes.tsv
var files embed.FS

type table struct {
	byCode map[string]Code
	sorted []Code
}

// load parses the embedded tables once. They are part of the binary and
// covered by tests, so a parse error is a build defect and panics.
var load = sync.OnceValue(func() table {
	t, err := parse()
	if err != nil {
		panic(err)
	}
	return t
})

func parse() (table, error) {
	t := table{byCode: map[string]Code{}}
	err := eachRow("tables/cameo.tsv", 5, func(n int, f []string) error {
		g, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return fmt.Errorf("goldstein: %w", err)
		}
		q, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("quad: %w", err)
		}
		if _, dup := t.byCode[f[0]]; dup {
			return fmt.Errorf("code %s listed twice", f[0])
		}
		t.byCode[f[0]] = Code{Code: f[0], Root: f[1], Quad: q, Goldstein: g, Name: f[4]}
		return nil
	})
	if err != nil {
		return table{}, err
	}
	err = eachRow("tables/plover.tsv", 5, func(n int, f []string) error {
		c, ok := t.byCode[f[0]]
		if !ok {
			return fmt.Errorf("code %s is not in cameo.tsv", f[0])
		}
		c.PLOVER, c.PLOVERMode, c.PLOVERContext = f[1], f[2], f[3]
		t.byCode[f[0]] = c
		return nil
	})
	if err != nil {
		return table{}, err
	}
	for _, c := range t.byCode {
		t.sorted = append(t.sorted, c)
	}
	slices.SortFunc(t.sorted, func(a, b Code) int { return strings.Compare(a.Code, b.Code) })
	return t, nil
}

// eachRow calls fn with the tab-separated fields of every row of an embedded
// table, skipping blank lines and # comments.
func eachRow(name string, fields int, fn func(line int, f []string) error) error {
	data, err := files.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read table %s: %w", name, err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != fields {
			return fmt.Errorf("table %s:%d: %d fields, want %d", name, i+1, len(f), fields)
		}
		if err := fn(i+1, f); err != nil {
			return fmt.Errorf("table %s:%d: %w", name, i+1, err)
		}
	}
	return nil
}

// Lookup returns the table entry for a CAMEO code such as "042", "0311" or
// "19". Codes are matched exactly: "42" is not "042".
func Lookup(code string) (Code, bool) {
	c, ok := load().byCode[code]
	return c, ok
}

// Root returns the two-digit root of a code ("0311" → "03"), or "" when the
// code is shorter than two characters.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// Names returns every code in the tables, sorted by code (so each root comes
// right before its sub-codes). The slice is the caller's to keep.
func Names() []Code {
	return slices.Clone(load().sorted)
}

// Quad returns the quad class of a code from its root: 1 verbal cooperation
// (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
// 4 material conflict (14-20); 0 when the root is not one of 01-20.
func Quad(code string) int {
	r := Root(code)
	if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
		return 0
	}
	switch n := int(r[0]-'0')*10 + int(r[1]-'0'); {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13:
		return 3
	case n >= 14 && n <= 20:
		return 4
	}
	return 0
}

// Class is how the coder treats the events of a code, from dyad's own
// table tables/classes.tsv (see its header).
type Class struct {
	// TwoParty is set for events that take two parties by nature:
	// consultations, signed agreements, material cooperation.
	TwoParty bool
	// Amounts is set when amounts stated with the event belong to it.
	Amounts bool
	// Force is "show" for a show of force, "violent" for assaults, fights
	// and mass violence, "" otherwise.
	Force string
	// Intent is the code of the intent to do the event: "036" for a
	// meeting, "130" for a threat of force.
	Intent string
	// Forum is set when an international body named where the act takes
	// place is its counterpart ("blocked resolutions in the UN Security
	// Council").
	Forum bool
	// Inner is set when the event aims at an actor named inside its
	// object ("called for the removal of US bases").
	Inner bool
	// Breach is set when the event breaks a norm, law or truce: to report
	// it of another is to accuse its author.
	Breach bool
	// Home is set when the act is done by a state at home, on its own
	// ground and people (curfews, states of emergency): with no target in
	// its clause it aims at the source's own country, never at a party
	// from discourse.
	Home bool
}

var classes = sync.OnceValue(func() map[string]Class {
	m := map[string]Class{}
	err := eachRow("tables/classes.tsv", 9, func(_ int, f []string) error {
		if _, ok := load().byCode[f[0]]; !ok {
			return fmt.Errorf("unknown code %q", f[0])
		}
		c := Class{TwoParty: f[1] == "two", Amounts: f[2] == "yes", Intent: f[4], Forum: f[5] == "yes", Inner: f[6] == "yes", Breach: f[7] == "yes", Home: f[8] == "yes"}
		if f[3] != "-" {
			c.Force = f[3]
		}
		if c.Intent == "=" {
			c.Intent = ""
		} else if _, ok := load().byCode[c.Intent]; !ok {
			return fmt.Errorf("unknown intent code %q", c.Intent)
		}
		m[f[0]] = c
		return nil
	})
	if err != nil {
		panic(err) // the embedded table is tested; this cannot happen
	}
	return m
})

// ClassOf returns the class of a code: the row of its longest prefix in
// tables/classes.tsv. A code whose intent is itself (root 03, threats)
// has Intent set to the code.
func ClassOf(code string) Class {
	m := classes()
	for n := len(code); n >= 2; n-- {
		if c, ok := m[code[:n]]; ok {
			if c.Intent == "" {
				c.Intent = code
			}
			return c
		}
	}
	return Class{Intent: code}
}
