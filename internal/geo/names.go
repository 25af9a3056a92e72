package geo

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
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
	Alias         bool
	Target        string
	Lat, Lon      float64
	Admin1        string
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

// find returns the entry named name in country, the country itself when
// name is empty.
func (g *Gazetteer) find(name, country string) (int32, bool) {
	if name != "" {
		for _, id := range g.byKey[normKey(name)] {
			if g.entries[id].Country == country {
				return id, true
			}
		}
		return 0, false
	}
	for id, e := range g.entries {
		if e.kind == kindCountry && e.Country == country {
			return int32(id), true
		}
	}
	return 0, false
}
