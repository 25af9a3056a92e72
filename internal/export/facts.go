package export

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/doc"
)

//go:embed data/countries.tsv data/actor-codes.tsv
var dataFiles embed.FS

// country is one row of data/countries.tsv.
type country struct {
	FIPS, Name string
}

// part is one row of data/actor-codes.tsv.
type part struct {
	Kind, Meaning string
}

// facts are the embedded tables the field's formats need: countries by
// CAMEO code, and the kind ("type" or "religion") and meaning of actor
// code parts.
type facts struct {
	countries map[string]country
	parts     map[string]part
}

// loadFacts parses the embedded tables once. They are part of the binary
// and covered by tests, so a parse error is a build defect and panics.
var loadFacts = sync.OnceValue(func() facts {
	f, err := parseFacts()
	if err != nil {
		panic(err)
	}
	return f
})

func parseFacts() (facts, error) {
	f := facts{countries: map[string]country{}, parts: map[string]part{}}
	err := eachRow("data/countries.tsv", 3, func(r []string) error {
		if len(r[0]) != 3 || len(r[1]) != 2 {
			return fmt.Errorf("want a three-letter code and a two-letter FIPS code, got %q %q", r[0], r[1])
		}
		f.countries[r[0]] = country{FIPS: r[1], Name: r[2]}
		return nil
	})
	if err != nil {
		return facts{}, err
	}
	err = eachRow("data/actor-codes.tsv", 3, func(r []string) error {
		if r[1] != "type" && r[1] != "religion" {
			return fmt.Errorf("kind %q: want type or religion", r[1])
		}
		f.parts[r[0]] = part{Kind: r[1], Meaning: r[2]}
		return nil
	})
	return f, err
}

// eachRow calls fn with the tab-separated fields of each row of an
// embedded table, skipping comments and blank lines.
func eachRow(name string, fields int, fn func([]string) error) error {
	data, err := dataFiles.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := strings.Split(line, "\t")
		if len(r) != fields {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, n, len(r), fields)
		}
		if err := fn(r); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// FIPS returns the FIPS 10-4 code of a CAMEO country code ("CHN" → "CH"),
// or "" for a region, a group or an unknown code.
func FIPS(code string) string { return loadFacts().countries[code].FIPS }

// countryName returns the name of a CAMEO country code, or "".
func countryName(code string) string { return loadFacts().countries[code].Name }

// actorParts is a CAMEO actor code spread over GDELT's actor columns.
type actorParts struct {
	Country, KnownGroup, Ethnic string
	Religion                    [2]string
	Type                        [3]string
}

// splitActor reads a CAMEO actor code three letters at a time: a leading
// country (or region), then types, religions and known groups, each kept
// in the first free column of its kind and dropped when there is none.
// country is the actor's country as the record gives it.
func splitActor(code, country string) actorParts {
	var p actorParts
	kinds := loadFacts().parts
	var nType, nRel int
	for i := 0; i+3 <= len(code); i += 3 {
		c := code[i : i+3]
		switch kind := kinds[c].Kind; {
		case i == 0 && kind == "" && (c == country || country == ""):
			p.Country = c
		case kind == "type":
			if nType < len(p.Type) {
				p.Type[nType] = c
				nType++
			}
		case kind == "religion":
			if nRel < len(p.Religion) {
				p.Religion[nRel] = c
				nRel++
			}
		case p.KnownGroup == "":
			p.KnownGroup = c
		}
	}
	return p
}

// Geo types of GDELT's geo fields.
const (
	geoCountry   = 1
	geoUSState   = 2
	geoUSCity    = 3
	geoWorldCity = 4
	geoState     = 5
)

// geoType says what kind of place a location is: a country when it names
// no first-level region, a region when it is that region, else a city.
func geoType(l *doc.Location) int {
	us := l.Country == "USA"
	switch {
	case l.Admin1 == "":
		return geoCountry
	case strings.EqualFold(l.Text, l.Admin1) && us:
		return geoUSState
	case strings.EqualFold(l.Text, l.Admin1):
		return geoState
	case us:
		return geoUSCity
	}
	return geoWorldCity
}
