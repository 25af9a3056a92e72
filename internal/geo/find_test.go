package geo

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/nlp"
)

// small is a gazetteer built in the test, so the phrase grammar is tested
// without the Debian data. Coordinates are GeoNames'.
func small() *Gazetteer {
	cities := []city{
		{"Beijing", "22", "Beijing Municipality", "CN", "China", 18960744, 39.9075, 116.39723},
		{"Shanghai", "23", "Shanghai Municipality", "CN", "China", 22315474, 31.22222, 121.45806},
		{"Ürümqi", "13", "Xinjiang", "CN", "China", 3029372, 43.80096, 87.60046},
		{"Lima", "LMA", "Lima", "PE", "Peru", 7737002, -12.04318, -77.02824},
		{"Lima", "OH", "Ohio", "US", "United States of America", 37873, 40.74255, -84.10523},
		{"Paris", "TX", "Texas", "US", "United States of America", 24782, 33.66094, -95.55551},
		{"Paris", "11", "Île-de-France", "FR", "France", 2138551, 48.85341, 2.3488},
		{"Washington D.C.", "DC", "District of Columbia", "US", "United States of America", 689545, 38.89511, -77.03637},
		{"Washington", "ENG", "England", "GB", "United Kingdom", 53526, 54.9, -1.51667},
		{"Moscow", "48", "Moscow", "RU", "Russia", 10381222, 55.75222, 37.61556},
		{"Moscow", "ID", "Idaho", "US", "United States of America", 25060, 46.73239, -117.00017},
		{"Goa", "05", "Bicol", "PH", "Philippines", 20936, 13.6978, 123.4892},
		{"Mormugao", "33", "Goa", "IN", "India", 102345, 15.38914, 73.81491},
		{"Madgaon", "33", "Goa", "IN", "India", 86818, 15.27501, 73.95786},
		{"Delhi", "07", "Delhi", "IN", "India", 10927986, 28.65195, 77.23149},
		{"Damascus", "13", "Dimashq", "SY", "Syria", 1569394, 33.5102, 36.29128},
		{"Rio de Janeiro", "21", "Rio de Janeiro", "BR", "Brazil", 6023699, -22.90642, -43.18223},
		{"São Paulo", "27", "São Paulo", "BR", "Brazil", 10021295, -23.5475, -46.63611},
		{"Saint Petersburg", "66", "St.-Petersburg", "RU", "Russia", 5351935, 59.93863, 30.31413},
		{"Mexico", "03", "Central Luzon", "PH", "Philippines", 43694, 15.0646, 120.7198},
		{"Mexico City", "09", "Mexico City", "MX", "Mexico", 12294193, 19.42847, -99.12766},
		{"Gaza", "GZ", "Gaza Strip", "PS", "Palestine", 410000, 31.50161, 34.46672},
		{"Biel/Bienne", "BE", "Canton of Bern", "CH", "Switzerland", 48614, 47.13713, 7.24608},
		{"Frankfurt (Oder)", "11", "Brandenburg", "DE", "Germany", 57015, 52.34714, 14.55062},
		{"Asia", "11", "Western Visayas", "PH", "Philippines", 15000, 9.55, 122.52}, // the data has a place named Asia
		{"Ras al-Khaimah", "05", "Ras al-Khaimah", "AE", "United Arab Emirates", 115949, 25.78953, 55.9432},
	}
	iso := []isoCountry{
		{Alpha2: "CN", Alpha3: "CHN", Name: "China"},
		{Alpha2: "PE", Alpha3: "PER", Name: "Peru"},
		{Alpha2: "US", Alpha3: "USA", Name: "United States", OfficialName: "United States of America"},
		{Alpha2: "FR", Alpha3: "FRA", Name: "France"},
		{Alpha2: "GB", Alpha3: "GBR", Name: "United Kingdom"},
		{Alpha2: "RU", Alpha3: "RUS", Name: "Russian Federation"},
		{Alpha2: "PH", Alpha3: "PHL", Name: "Philippines"},
		{Alpha2: "IN", Alpha3: "IND", Name: "India"},
		{Alpha2: "SY", Alpha3: "SYR", Name: "Syrian Arab Republic", CommonName: "Syria"},
		{Alpha2: "BR", Alpha3: "BRA", Name: "Brazil"},
		{Alpha2: "MX", Alpha3: "MEX", Name: "Mexico"},
		{Alpha2: "PS", Alpha3: "PSE", Name: "Palestine, State of"},
		{Alpha2: "CH", Alpha3: "CHE", Name: "Switzerland"},
		{Alpha2: "DE", Alpha3: "DEU", Name: "Germany"},
		{Alpha2: "AE", Alpha3: "ARE", Name: "United Arab Emirates"},
	}
	return build(cities, iso)
}

func TestFindGrammar(t *testing.T) {
	g := small()
	tests := []struct {
		sentence string
		text     string // "" for no place
		country  string
		lat, lon float64
	}{
		{"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit", "Beijing", "CHN", 39.9075, 116.39723},
		{"they held a meeting on the sidelines of the APEC summit in Peru's capital Lima", "Lima", "PER", -12.04318, -77.02824},
		{"they met in Peru’s capital, Lima, on Sunday", "Lima", "PER", -12.04318, -77.02824},
		{"the BRICS summit in Goa, India, in October 2015", "Goa", "IND", 15.33, 73.88},
		{"a rally in Lima, Ohio", "Lima", "USA", 40.74255, -84.10523},
		{"a fair in Paris, Texas, drew crowds", "Paris", "USA", 33.66094, -95.55551},
		{"a strike in Paris paralysed trains", "Paris", "FRA", 48.85341, 2.3488},
		{"a blast in Smallville, India, killed two", "India", "IND", 0, 0},
		{"He spoke in Moscow on Tuesday.", "Moscow", "RUS", 55.75222, 37.61556},
		{"In Moscow, officials denied it.", "Moscow", "RUS", 55.75222, 37.61556},
		{"talks in Washington", "Washington", "USA", 38.89511, -77.03637},
		{"talks at Washington, D.C.", "Washington", "USA", 38.89511, -77.03637},
		{"talks in Washington D.C. ended", "Washington D.C.", "USA", 38.89511, -77.03637}, // "D.C." is one token, its full stop too
		{"the summit in the Syrian capital Damascus", "Damascus", "SYR", 33.5102, 36.29128},
		{"unrest in China's western Xinjiang region", "Xinjiang", "CHN", 43.80096, 87.60046},
		{"he arrived in Beijing's Tiananmen Square", "Beijing", "CHN", 39.9075, 116.39723},
		{"an accord signed in Mexico", "Mexico", "MEX", 19.42847, -99.12766},
		{"an accord signed in Mexico City", "Mexico City", "MEX", 19.42847, -99.12766},
		{"a march in Sao Paulo", "Sao Paulo", "BRA", -23.5475, -46.63611},
		{"a concert in St. Petersburg", "St. Petersburg", "RUS", 59.93863, 30.31413},
		{"the ministers met in Rio de Janeiro", "Rio de Janeiro", "BRA", -22.90642, -43.18223},
		{"strikes in the Gaza Strip", "Gaza Strip", "PSE", 31.50161, 34.46672},
		{"a clash near Gaza", "Gaza", "PSE", 31.50161, 34.46672},
		{"a vote in Biel", "Biel", "CHE", 47.13713, 7.24608},
		{"a rally in Frankfurt", "Frankfurt", "DEU", 52.34714, 14.55062},
		{"a port in Ras al-Khaimah, which", "Ras al-Khaimah", "ARE", 25.78953, 55.9432}, // "al", "-", "Khaimah" read as one word
		{"after talks at Putin's residence in Moscow", "Moscow", "RUS", 55.75222, 37.61556},
		// Country names: the country, at its cities' population centre.
		{"Fighting continued in Syria.", "Syria", "SYR", 33.5102, 36.29128},
		{"elections in the United States", "United States", "USA", 0, 0},
		// None.
		{"The vote is due in May.", "", "", 0, 0},
		{"The resolution failed in the UN Security Council.", "", "", 0, 0},
		{"Trade grew in Central Asia.", "", "", 0, 0},
		{"The treaty was signed in 2014.", "", "", 0, 0},
		{"Beijing and Moscow signed a deal.", "", "", 0, 0},
		{"interest in beijing", "", "", 0, 0},
		{"in", "", "", 0, 0},
		{"in Peru's", "Peru", "PER", 0, 0},
		{"the crisis in Russia's relations with the West", "", "", 0, 0},
		{"energy security in Asia", "", "", 0, 0},
		{"officers at China's Central Military Commission", "China", "CHN", 0, 0},
		{"", "", "", 0, 0},
	}
	for _, tt := range tests {
		loc, start, end, ok := g.Find(tt.sentence, nlp.Tokenize(tt.sentence), nil)
		if tt.text == "" {
			if ok {
				t.Errorf("Find(%q) = %+v; want none", tt.sentence, loc)
			}
			continue
		}
		if !ok {
			t.Errorf("Find(%q): none; want %s", tt.sentence, tt.text)
			continue
		}
		if loc.Text != tt.text || loc.Country != tt.country || tt.sentence[start:end] != loc.Text {
			t.Errorf("Find(%q) = %+v [%d:%d]; want %q %s", tt.sentence, loc, start, end, tt.text, tt.country)
			continue
		}
		if (tt.lat != 0 || tt.lon != 0) && !near(loc.Lat, loc.Lon, tt.lat, tt.lon, 0.2) {
			t.Errorf("Find(%q) at %.4f,%.4f; want %.4f,%.4f", tt.sentence, loc.Lat, loc.Lon, tt.lat, tt.lon)
		}
	}
}

func TestPopulationCentre(t *testing.T) {
	// Two equal cities either side of the antimeridian: the centre is on
	// it, not at longitude 0.
	var c centre
	c.add(0, 179, 100)
	c.add(0, -179, 100)
	lat, lon := c.latLon()
	if math.Abs(lat) > 1e-6 || math.Abs(math.Abs(lon)-180) > 1e-6 {
		t.Errorf("centre = %.4f,%.4f; want 0,±180", lat, lon)
	}
	g := small()
	us, ok := g.Lookup("United States of America", "")
	if !ok || us.Country != "USA" || us.Population != 37873+24782+689545+25060 {
		t.Errorf("Lookup(United States of America) = %+v, %v; want USA with its cities' population", us, ok)
	}
}

func TestNormKey(t *testing.T) {
	tests := map[string]string{
		"São Paulo":         "sao paulo",
		"  Washington D.C.": "washington dc",
		"St. Petersburg":    "saint petersburg",
		"N’Djamena":         "ndjamena",
		"Ras al-Khaimah":    "ras al-khaimah",
		"Ürümqi":            "urumqi",
	}
	for in, want := range tests {
		if got := normKey(in); got != want {
			t.Errorf("normKey(%q) = %q; want %q", in, got, want)
		}
	}
}

// encodeCities serialises cities as GVariant a(sssssssudd), the layout
// libgeonames uses, so the parser can be tested and fuzzed without it.
func encodeCities(cs []city) []byte {
	var out []byte
	var ends []int
	for i, c := range cs {
		for len(out)%8 != 0 {
			out = append(out, 0)
		}
		var tup []byte
		var offs []int
		for _, s := range []string{"id" + string(rune('0'+i%10)), c.name, c.admin1Code, c.admin1Name, c.country2, c.countryName, "Etc/UTC"} {
			tup = append(tup, s...)
			tup = append(tup, 0)
			offs = append(offs, len(tup))
		}
		for len(tup)%4 != 0 {
			tup = append(tup, 0)
		}
		tup = binary.LittleEndian.AppendUint32(tup, uint32(c.population))
		for len(tup)%8 != 0 {
			tup = append(tup, 0)
		}
		tup = binary.LittleEndian.AppendUint64(tup, math.Float64bits(c.lat))
		tup = binary.LittleEndian.AppendUint64(tup, math.Float64bits(c.lon))
		osz := offsetSize(len(tup) + len(offs))
		for osz != offsetSize(len(tup)+len(offs)*osz) {
			osz = offsetSize(len(tup) + len(offs)*osz)
		}
		for k := len(offs) - 1; k >= 0; k-- {
			tup = appendOffset(tup, offs[k], osz)
		}
		out = append(out, tup...)
		ends = append(ends, len(out))
	}
	osz := 1
	for offsetSize(len(out)+len(ends)*osz) != osz {
		osz = offsetSize(len(out) + len(ends)*osz)
	}
	for _, e := range ends {
		out = appendOffset(out, e, osz)
	}
	return out
}

func appendOffset(b []byte, v, size int) []byte {
	switch size {
	case 1:
		return append(b, byte(v))
	case 2:
		return binary.LittleEndian.AppendUint16(b, uint16(v))
	case 4:
		return binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return binary.LittleEndian.AppendUint64(b, uint64(v))
}

func TestParseCities(t *testing.T) {
	want := []city{
		{"Lima", "LMA", "Lima", "PE", "Peru", 7737002, -12.04318, -77.02824},
		{"Goa", "05", "Bicol", "PH", "Philippines", 20936, 13.6978, 123.4892},
		{strings.Repeat("Long Name ", 40), "X", "Y", "ZZ", "Z", 1, 1, 1},
	}
	got, err := parseCities(encodeCities(want))
	if err != nil {
		t.Fatalf("parseCities: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("parseCities: %d cities; want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("city %d = %+v; want %+v", i, got[i], want[i])
		}
	}
	if _, err := parseCities([]byte("not a gvariant array")); err == nil {
		t.Error("parseCities(garbage): want error")
	}
}

func FuzzParseCities(f *testing.F) {
	f.Add(encodeCities(small().citiesForFuzz()))
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := parseCities(b)
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180 {
				t.Fatalf("city %+v out of range", c)
			}
		}
	})
}

// citiesForFuzz gives back a few cities of the small gazetteer as rows.
func (g *Gazetteer) citiesForFuzz() []city {
	var cs []city
	for _, e := range g.entries {
		if e.kind == kindCity && len(cs) < 4 {
			cs = append(cs, city{name: e.Name, admin1Code: "01", admin1Name: "R", country2: "XX", countryName: "X", population: e.Population, lat: e.Lat, lon: e.Lon})
		}
	}
	return cs
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit",
		"they held a meeting on the sidelines of the APEC summit in Peru's capital Lima",
		"the BRICS summit in Goa, India, in October 2015",
		"in the UN Security Council", "in May", "in Peru’s", "in St.", "in Washington, D.C.",
		"in al-", "in \xff\xfe Lima", "at the Syrian capital, Damascus",
	} {
		f.Add(s)
	}
	g := small()
	f.Fuzz(func(t *testing.T, s string) {
		loc, start, end, ok := g.Find(s, nlp.Tokenize(s), nil)
		if !ok {
			return
		}
		if start < 0 || end > len(s) || start >= end {
			t.Fatalf("Find(%q) offsets [%d:%d] out of bounds", s, start, end)
		}
		if loc.Text != s[start:end] {
			t.Fatalf("Find(%q) text %q != s[%d:%d] %q", s, loc.Text, start, end, s[start:end])
		}
		if utf8.ValidString(s) && !utf8.ValidString(loc.Text) {
			t.Fatalf("Find(%q) split a rune: %q", s, loc.Text)
		}
	})
}

// FuzzDateline checks that any opening line reads without panicking and
// that a place found is named by the line's words.
func FuzzDateline(f *testing.F) {
	g := small()
	for _, s := range []string{"MOSCOW, May 2, 2019 —", "LIMA, Ohio, June 1 —", "PARIS (Reuters) -", "PSARADES, Peru, June 17 —", "", ",", "—", "A, B, —"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		loc, ok := g.Dateline(line, nil)
		if ok && !strings.Contains(line, loc.Text) {
			t.Errorf("Dateline(%q) = %+v: text not in the line", line, loc)
		}
	})
}
