// Package geo places events: it finds the place a sentence names ("in
// Beijing", "in Peru's capital Lima", "in Goa, India") and gives it a
// country and coordinates from a gazetteer.
//
// The gazetteer is not dyad's own list. It is read at run time from two
// Debian packages:
//
//   - libgeonames0, whose shared library carries GeoNames' cities15000 dump
//     (every city of 15,000 people or more: name, first-level region,
//     country, population, coordinates) as a compiled GResource;
//   - iso-codes, whose iso_3166-1.json maps GeoNames' alpha-2 country codes
//     to the alpha-3 codes of the event record and adds the countries'
//     ISO names.
//
// From the cities, geo derives two more kinds of place. A country is placed
// at the population centre of its listed cities (their population-weighted
// mean position on the sphere), and a first-level region (a state,
// province, or "Goa") likewise at the population centre of its cities: the
// data carries neither capitals nor centroids, and a population centre is a
// neutral country-level point, where a largest city would claim the event
// for that city. Countries and regions with no city in the data (Singapore,
// the Vatican) are not places.
//
// Names match case-insensitively, ignoring diacritics, apostrophes and
// full stops ("Sao Paulo" is São Paulo, "Washington DC" is "Washington
// D.C."); the data has no alternate names, so "Peking" is not Beijing.
package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Place is one place of the gazetteer: a city, a first-level region or a
// country.
type Place struct {
	Name string
	// Country is the ISO 3166-1 alpha-3 code; empty for places whose
	// country has none (Kosovo).
	Country  string
	Lat, Lon float64
	// Admin1 is the first-level region (state, province, oblast) the
	// place lies in; empty for a country.
	Admin1 string
	// Population is the city's population; for a region or a country it
	// is the sum over its listed cities (not its whole population).
	Population int
}

// kind orders the candidates for one name: a country name means the
// country ("Mexico", "Georgia"), a city beats a region of the same name
// ("New York", "Lima").
type kind uint8

const (
	kindCountry kind = iota
	kindCity
	kindRegion
)

type entry struct {
	Place
	kind kind
	// region is "CC.admin1" for cities and regions, so that "Paris,
	// Texas" can pick the Paris in Texas.
	region string
}

// Gazetteer is a loaded set of places. It is immutable after Load and safe
// for concurrent use.
type Gazetteer struct {
	entries []entry
	// byKey maps a normalised name to its entries, best first: by kind,
	// then by population.
	byKey map[string][]int32
	// countryAt is the entry of each country, by alpha-3 code.
	countryAt map[string]int32

	cities, regions, countries int
}

// ErrNotInstalled is returned by Default when the Debian packages holding
// the data are not installed.
var ErrNotInstalled = errors.New("gazetteer data not installed")

// Debian paths of the data. The library lives in the architecture's
// multiarch directory, hence a pattern.
const (
	geonamesLibGlob  = "/usr/lib/*/libgeonames.so.0"
	isoCountriesJSON = "/usr/share/iso-codes/json/iso_3166-1.json"
)

// InstallHint names what Default needs, for error messages and docs.
const InstallHint = "apt-get install libgeonames0 iso-codes"

// DefaultPaths returns the installed data files Default loads: the
// libgeonames0 shared library and iso-codes' iso_3166-1.json. Missing files
// are left out.
func DefaultPaths() []string {
	var paths []string
	libs, _ := filepath.Glob(geonamesLibGlob)
	slices.Sort(libs)
	if len(libs) > 0 {
		paths = append(paths, libs[0])
	}
	if _, err := os.Stat(isoCountriesJSON); err == nil {
		paths = append(paths, isoCountriesJSON)
	}
	return paths
}

// Default loads the gazetteer from the Debian packages' installed files. It
// reads them on every call (about 30 ms): a caller that needs it more than
// once keeps the result, e.g. behind a sync.Once.
func Default() (*Gazetteer, error) {
	libs, _ := filepath.Glob(geonamesLibGlob)
	if len(libs) == 0 {
		return nil, fmt.Errorf("geo: no %s (GeoNames cities; %s): %w", geonamesLibGlob, InstallHint, ErrNotInstalled)
	}
	if _, err := os.Stat(isoCountriesJSON); err != nil {
		return nil, fmt.Errorf("geo: no %s (ISO 3166 country codes; %s): %w", isoCountriesJSON, InstallHint, ErrNotInstalled)
	}
	return Load(DefaultPaths()...)
}

// Load reads a gazetteer from explicit data files, each recognised by its
// content: the libgeonames shared library (an ELF file) for the cities, and
// an iso-codes iso_3166-1.json for the country codes. Both are needed.
func Load(paths ...string) (*Gazetteer, error) {
	var (
		cities []city
		iso    []isoCountry
	)
	for _, p := range paths {
		head, err := readHead(p, 4)
		if err != nil {
			return nil, fmt.Errorf("geo: load %s: %w", p, err)
		}
		if bytes.Equal(head, []byte("\x7fELF")) {
			c, err := readGeonamesLib(p)
			if err != nil {
				return nil, fmt.Errorf("geo: load %s: %w", p, err)
			}
			cities = append(cities, c...)
			continue
		}
		c, err := readISOCountries(p)
		if err != nil {
			return nil, fmt.Errorf("geo: load %s: %w", p, err)
		}
		iso = append(iso, c...)
	}
	if len(cities) == 0 {
		return nil, fmt.Errorf("geo: load %q: no cities (give the libgeonames0 library, %s)", paths, geonamesLibGlob)
	}
	if len(iso) == 0 {
		return nil, fmt.Errorf("geo: load %q: no country codes (give iso-codes' %s)", paths, isoCountriesJSON)
	}
	return build(cities, iso), nil
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, _ := f.Read(buf)
	return buf[:k], nil
}

type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Name         string `json:"name"`
	CommonName   string `json:"common_name"`
	OfficialName string `json:"official_name"`
}

func readISOCountries(path string) ([]isoCountry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Countries []isoCountry `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("iso_3166-1 json: %w", err)
	}
	if len(doc.Countries) == 0 {
		return nil, fmt.Errorf("no \"3166-1\" countries: %w", errFormat)
	}
	return doc.Countries, nil
}

// centre accumulates a population-weighted mean position as a 3-D vector,
// so that places either side of the antimeridian average correctly.
type centre struct {
	x, y, z float64
	pop     int
}

func (c *centre) add(lat, lon float64, pop int) {
	w := float64(max(pop, 1))
	la, lo := lat*math.Pi/180, lon*math.Pi/180
	c.x += w * math.Cos(la) * math.Cos(lo)
	c.y += w * math.Cos(la) * math.Sin(lo)
	c.z += w * math.Sin(la)
	c.pop += pop
}

func (c *centre) latLon() (float64, float64) {
	h := math.Hypot(c.x, c.y)
	lat := math.Atan2(c.z, h) * 180 / math.Pi
	lon := math.Atan2(c.y, c.x) * 180 / math.Pi
	return round5(lat), round5(lon)
}

func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }

// build indexes cities, derives regions and countries, and sorts each
// name's candidates.
func build(cities []city, iso []isoCountry) *Gazetteer {
	byAlpha2 := make(map[string]isoCountry, len(iso))
	for _, c := range iso {
		byAlpha2[c.Alpha2] = c
	}
	for _, x := range extraNames {
		if _, ok := byAlpha2[x.Name]; x.Code && !ok {
			byAlpha2[x.Name] = isoCountry{Alpha2: x.Name, Alpha3: x.Country}
		}
	}
	g := &Gazetteer{byKey: make(map[string][]int32, len(cities)*2), countryAt: map[string]int32{}}

	type regionAcc struct {
		name, country string
		centre
	}
	countryAcc := map[string]*centre{}
	countryName := map[string]string{}
	regionAcc2 := map[string]*regionAcc{}
	var regionOrder, countryOrder []string

	for _, c := range cities {
		alpha3 := byAlpha2[c.country2].Alpha3
		region := c.country2 + "." + c.admin1Code
		g.add(entry{Place: Place{Name: c.name, Country: alpha3, Lat: c.lat, Lon: c.lon, Population: c.population, Admin1: c.admin1Name}, kind: kindCity, region: region}, cityNames(c.name)...)
		g.cities++

		ca := countryAcc[c.country2]
		if ca == nil {
			ca = &centre{}
			countryAcc[c.country2] = ca
			countryName[c.country2] = c.countryName
			countryOrder = append(countryOrder, c.country2)
		}
		ca.add(c.lat, c.lon, c.population)

		if c.admin1Name == "" || c.admin1Code == "" || c.admin1Code == "00" {
			continue
		}
		ra := regionAcc2[region]
		if ra == nil {
			ra = &regionAcc{name: c.admin1Name, country: alpha3}
			regionAcc2[region] = ra
			regionOrder = append(regionOrder, region)
		}
		ra.add(c.lat, c.lon, c.population)
	}
	for _, region := range regionOrder {
		ra := regionAcc2[region]
		lat, lon := ra.latLon()
		g.add(entry{Place: Place{Name: ra.name, Country: ra.country, Lat: lat, Lon: lon, Population: ra.pop, Admin1: ra.name}, kind: kindRegion, region: region}, regionNames(ra.name)...)
		g.regions++
	}
	for _, cc := range countryOrder {
		ca := countryAcc[cc]
		lat, lon := ca.latLon()
		ic := byAlpha2[cc]
		names := []string{countryName[cc], ic.CommonName, ic.Name, ic.OfficialName}
		name := shortestName(names)
		// "Bosnia and Herzegovina" is also "Bosnia", "Trinidad and
		// Tobago" "Trinidad".
		for _, n := range names[:2] {
			if first, _, ok := strings.Cut(n, " and "); ok && !strings.Contains(first, ",") {
				names = append(names, first)
			}
		}
		g.countryAt[ic.Alpha3] = int32(len(g.entries))
		g.add(entry{Place: Place{Name: name, Country: ic.Alpha3, Lat: lat, Lon: lon, Population: ca.pop}, kind: kindCountry}, names...)
		g.countries++
	}
	g.addNames(extraNames)
	for k, ids := range g.byKey {
		slices.SortStableFunc(ids, func(a, b int32) int {
			ea, eb := &g.entries[a], &g.entries[b]
			if ea.kind != eb.kind {
				return int(ea.kind) - int(eb.kind)
			}
			return eb.Population - ea.Population
		})
		g.byKey[k] = ids
	}
	return g
}

// add appends e and indexes it under each of names (deduplicated by key).
func (g *Gazetteer) add(e entry, names ...string) {
	id := int32(len(g.entries))
	g.entries = append(g.entries, e)
	var seen []string
	for _, n := range names {
		for _, k := range []string{normKey(n), normKey(strings.TrimPrefix(n, "The "))} {
			if k == "" || slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			g.byKey[k] = append(g.byKey[k], id)
		}
	}
}

// cityNames gives the names a city is known by in text, from the forms the
// data writes: "Biel/Bienne" and "Donostia / San Sebastian" name two,
// "Frankfurt (Oder)" and "Burgdorf, Hanover" also go by their first part,
// "Washington D.C." also by "Washington".
func cityNames(name string) []string {
	names := []string{name}
	if i := strings.IndexAny(name, "(,"); i > 0 {
		names = append(names, strings.TrimSpace(name[:i]))
	}
	if strings.Contains(name, "/") {
		for part := range strings.SplitSeq(name, "/") {
			names = append(names, strings.TrimSpace(part))
		}
	}
	if i := strings.LastIndexByte(name, ' '); i > 0 && strings.Contains(name[i+1:], ".") {
		names = append(names, name[:i])
	}
	return names
}

// regionNames gives the names a first-level region is known by in text:
// its name, and without the designation the data adds ("Sichuan Province",
// "Moscow Oblast", "Canton of Bern"). A name that is only a direction or
// a generic word ("Central", "Northern Region") is left out: "in Central
// Asia" must not find a region called Central.
func regionNames(name string) []string {
	var names []string
	for _, n := range []string{name, stripDesignation(name)} {
		if !genericRegionWords[strings.ToLower(n)] {
			names = append(names, n)
		}
	}
	return names
}

func stripDesignation(name string) string {
	for _, p := range []string{"Canton of ", "Province of ", "State of ", "Region of ", "Department of ", "Governorate of ", "Municipality of "} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			return rest
		}
	}
	for _, s := range []string{" Autonomous Region", " Autonomous Okrug", " Autonomous Oblast", " Province", " Municipality", " Oblast", " Krai", " Governorate", " Prefecture", " Region", " District", " State", " Department", " Territory", " County", " Emirate", " Division", " Republic"} {
		if rest, ok := strings.CutSuffix(name, s); ok && rest != "" {
			return rest
		}
	}
	return name
}

// genericRegionWords are region names that read as ordinary words.
var genericRegionWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "north east": true, "north west": true, "south east": true,
	"south west": true, "northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "upper": true, "lower": true, "middle": true, "capital": true,
	"free": true, "greater": true, "inner": true, "outer": true, "coast": true,
	"coastal": true, "centre": true, "center": true, "national capital": true,
}

func shortestName(names []string) string {
	best := ""
	for _, n := range names {
		if n == "" || strings.Contains(n, ",") {
			continue
		}
		if best == "" || utf8.RuneCountInString(n) < utf8.RuneCountInString(best) {
			best = n
		}
	}
	return best
}

// normKey folds a name for matching: lower case, no diacritics, no
// apostrophes or full stops, single spaces, and "St"/"Ft"/"Mt" spelled out.
func normKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '`' || r == '.':
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	if !strings.Contains(k, " ") {
		return k
	}
	words := strings.Split(k, " ")
	for i, w := range words {
		switch w {
		case "st":
			words[i] = "saint"
		case "ft":
			words[i] = "fort"
		case "mt":
			words[i] = "mount"
		}
	}
	return strings.Join(words, " ")
}

// Counts reports how many cities, regions and countries were loaded.
func (g *Gazetteer) Counts() (cities, regions, countries int) {
	return g.cities, g.regions, g.countries
}

// Lookup finds a place by name, case-insensitively and ignoring
// diacritics. With country (alpha-3) set, only places in that country
// match. Among several, a country beats a city and a city beats a region of
// the same name, then the most populous wins. The data marks no capitals,
// so a capital has no preference of its own ("Washington" is Washington,
// D.C. by population).
func (g *Gazetteer) Lookup(name, country string) (Place, bool) {
	e, ok := g.lookup(normKey(name), hint{country: country}, false)
	return e.Place, ok
}

// firstLevel are the designations that, written after a name, call it a
// first-level region: "Sindh province", "Kachin State", "Donetsk region".
var firstLevel = map[string]bool{
	"province": true, "state": true, "region": true, "oblast": true, "governorate": true,
	"prefecture": true, "krai": true, "emirate": true,
}

// RegionCountry returns the country (alpha-3) of the first-level region a
// name and its designation call ("Sindh province" PAK): only when the last
// word is a first-level designation and the name before it is a region of
// the data, the most populous of namesakes ("Punjab province" PAK).
func (g *Gazetteer) RegionCountry(phrase string) (string, bool) {
	i := strings.LastIndexByte(phrase, ' ')
	if g == nil || i <= 0 || !firstLevel[strings.ToLower(phrase[i+1:])] {
		return "", false
	}
	var best entry
	found := false
	for _, id := range g.byKey[normKey(phrase[:i])] {
		if e := g.entries[id]; e.kind == kindRegion && (!found || e.Population > best.Population) {
			best, found = e, true
		}
	}
	return best.Country, found
}

// namesakeCity is the population from which a place in a country in play
// wins over a larger namesake elsewhere.
const namesakeCity = 100_000

// hint narrows a lookup to a country and, optionally, a region in it;
// prefer names the countries in play (alpha-3), whose cities and regions
// win over namesakes elsewhere ("Tripoli" in a story on Lebanon).
type hint struct {
	country string
	region  string
	prefer  []string
}

func (g *Gazetteer) lookup(key string, h hint, areasOnly bool) (entry, bool) {
	if g == nil {
		return entry{}, false
	}
	var best entry
	found := false
	for _, id := range g.byKey[key] {
		e := g.entries[id]
		if areasOnly && e.kind == kindCity {
			continue
		}
		if h.country != "" && e.Country != h.country {
			continue
		}
		if h.region != "" && e.region != h.region {
			continue
		}
		inPlay := slices.Contains(h.prefer, e.Country)
		switch {
		case !found:
			best, found = e, true
			if inPlay {
				return e, true
			}
		case !inPlay:
		case best.kind == kindCountry:
			// A country's name means a country: another country of
			// the name in play ("Congo" in a story on Brazzaville),
			// never a region or city of it ("Georgia").
			if e.kind == kindCountry {
				return e, true
			}
		case e.Population >= min(best.Population, namesakeCity):
			// A small namesake is not what a story on its country
			// means by a world city's name: "Washington" in a story on
			// Britain, or "Geneva" in one on the United States, is
			// still the known one; a namesake that is a city of its
			// own ("Tripoli" in Lebanon) is meant.
			return e, true
		}
	}
	return best, found
}
