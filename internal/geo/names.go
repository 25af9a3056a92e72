package geo

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// namesFile lists other names of the data's places ("Kiev", "Burma",
// "Crimea") and regions the data has no first-level region for ("Donbas",
// "South Ossetia"). See its header for the format.
//
//go:embed names.tsv
var namesFile string

// extraNames is namesFile read; a malformed line is a build defect, which
// TestNames reports with its line number.
var extraNames, _ = readNames(namesFile)

// extraName is one line of names.tsv: an alias of a place of the data
// (Target, or the country itself when Target is empty and Alias is set),
// or a region of its own at Lat, Lon.
type extraName struct {
	Name, Country string
	// Code marks a country code line: Name is the alpha-2 code that
	// Country, an alpha-3 code, stands for.
	Code     bool
	Alias    bool
	Target   string
	Lat, Lon float64
	Admin1   string
}

func readNames(s string) ([]extraName, error) {
	var out []extraName
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "code" {
			if len(f) < 3 || len(f) > 4 || len(f[1]) != 2 || len(f[2]) != 3 {
				return out, fmt.Errorf("names.tsv:%d: want code, alpha-2, alpha-3 and another code, got %q", n, line)
			}
			x := extraName{Code: true, Name: f[1], Country: f[2]}
			if len(f) == 4 {
				x.Target = f[3]
			}
			out = append(out, x)
			continue
		}
		if len(f) < 3 || len(f[1]) != 3 {
			return out, fmt.Errorf("names.tsv:%d: want NAME, ISO3 and =TARGET or LAT LON, got %q", n, line)
		}
		x := extraName{Name: f[0], Country: f[1]}
		if target, ok := strings.CutPrefix(f[2], "="); ok {
			x.Alias, x.Target = true, target
			out = append(out, x)
			continue
		}
		if len(f) < 4 {
			return out, fmt.Errorf("names.tsv:%d: a region needs LAT and LON, got %q", n, line)
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return out, fmt.Errorf("names.tsv:%d: bad coordinates %q %q", n, f[2], f[3])
		}
		x.Lat, x.Lon = lat, lon
		if len(f) > 4 {
			x.Admin1 = f[4]
		}
		out = append(out, x)
	}
	return out, sc.Err()
}

// addNames indexes the extra names: an alias under the entry it names,
// a region as an entry of its own. An alias whose target the data lacks
// is skipped (reported by TestNames on the installed data).
func (g *Gazetteer) addNames(xs []extraName) {
	for _, x := range xs {
		if x.Code {
			continue
		}
		if !x.Alias {
			g.add(entry{Place: Place{Name: x.Name, Country: x.Country, Lat: x.Lat, Lon: x.Lon, Admin1: x.Admin1}, kind: kindRegion}, x.Name)
			continue
		}
		if id, ok := g.find(x.Target, x.Country); ok {
			k := normKey(x.Name)
			g.byKey[k] = append(g.byKey[k], id)
		}
	}
}

// Country returns the location of the country with alpha-3 code (or
// another code names.tsv gives it, CAMEO's KSV), at the population centre
// of its cities, named by its short name; false when the data has none.
func (g *Gazetteer) Country(alpha3 string) (doc.Location, bool) {
	if g == nil || alpha3 == "" {
		return doc.Location{}, false
	}
	for _, x := range extraNames {
		if x.Code && x.Target == alpha3 {
			alpha3 = x.Country
		}
	}
	id, ok := g.find("", alpha3)
	if !ok {
		return doc.Location{}, false
	}
	e := g.entries[id]
	return location(e, e.Name), true
}

// find returns the entry named name in country, the country itself when
// name is empty.
func (g *Gazetteer) find(name, country string) (int32, bool) {
	if name == "" {
		id, ok := g.countryAt[country]
		return id, ok
	}
	for _, id := range g.byKey[normKey(name)] {
		if g.entries[id].Country == country {
			return id, true
		}
	}
	return 0, false
}
