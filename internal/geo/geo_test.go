package geo

import (
	"errors"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// installed loads the Debian data, skipping the test when it is absent.
func installed(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if errors.Is(err, ErrNotInstalled) {
		tb.Skipf("gazetteer data not installed (%s): %v", InstallHint, err)
	}
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return g
}

func near(lat, lon, wantLat, wantLon, tol float64) bool {
	return math.Abs(lat-wantLat) <= tol && math.Abs(lon-wantLon) <= tol
}

func TestLoadCounts(t *testing.T) {
	g := installed(t)
	cities, regions, countries := g.Counts()
	t.Logf("cities=%d regions=%d countries=%d", cities, regions, countries)
	// cities15000 as Debian ships it: about 24,000 cities, 200+ countries.
	if cities < 20000 || regions < 2000 || countries < 200 {
		t.Errorf("Counts() = %d cities, %d regions, %d countries; want >= 20000, 2000, 200", cities, regions, countries)
	}
}

func TestLookup(t *testing.T) {
	g := installed(t)
	tests := []struct {
		name, country string
		want          string // alpha-3
		lat, lon, tol float64
	}{
		{"Beijing", "", "CHN", 39.9, 116.4, 0.1},
		{"beijing", "", "CHN", 39.9, 116.4, 0.1},
		{"Lima", "", "PER", -12.05, -77.03, 0.1},
		{"Lima", "USA", "USA", 40.74, -84.1, 0.1}, // Lima, Ohio
		{"Moscow", "", "RUS", 55.75, 37.62, 0.1},
		{"Goa", "IND", "IND", 15.4, 73.9, 0.3}, // the state, not Goa in the Philippines
		{"Washington", "", "USA", 38.9, -77.04, 0.1},
		{"Sao Paulo", "", "BRA", -23.55, -46.64, 0.1},
		{"St. Petersburg", "", "RUS", 59.94, 30.31, 0.1},
		{"Kyiv", "", "UKR", 50.45, 30.52, 0.1},
		// Countries sit at their cities' population centre.
		{"Peru", "", "PER", -10, -76, 4},
		{"Syria", "", "SYR", 35, 37, 2},
		{"Georgia", "", "GEO", 42, 44, 2},
		{"Georgia", "USA", "USA", 33, -84, 2}, // the state
		{"United States", "", "USA", 38, -92, 6},
		{"Russian Federation", "", "RUS", 55, 50, 15},
		{"Bosnia", "", "BIH", 44, 18, 2},
		// Other names and regions from names.tsv.
		{"Peking", "", "CHN", 39.9, 116.4, 0.1},
		{"Kiev", "", "UKR", 50.45, 30.52, 0.1},
		{"Burma", "", "MMR", 19, 96, 4},
		{"Britain", "", "GBR", 53, -2, 4},
		{"Crimea", "", "UKR", 45, 34, 1.5},
		{"Donbas", "", "UKR", 48, 38.5, 0.5},
		{"South Ossetia", "", "GEO", 42.3, 44, 0.5},
		{"United Nations", "", "USA", 40.7, -74, 0.2},
	}
	for _, tt := range tests {
		p, ok := g.Lookup(tt.name, tt.country)
		if !ok {
			t.Errorf("Lookup(%q, %q): not found", tt.name, tt.country)
			continue
		}
		if p.Country != tt.want || !near(p.Lat, p.Lon, tt.lat, tt.lon, tt.tol) {
			t.Errorf("Lookup(%q, %q) = %+v; want %s near %.2f,%.2f", tt.name, tt.country, p, tt.want, tt.lat, tt.lon)
		}
	}
	for _, name := range []string{"", "Central Asia", "UN Security Council", "May", "Xanadu Qwerty"} {
		if p, ok := g.Lookup(name, ""); ok {
			t.Errorf("Lookup(%q) = %+v; want none", name, p)
		}
	}
	if p, ok := g.Lookup("Beijing", "USA"); ok {
		t.Errorf("Lookup(Beijing, USA) = %+v; want none", p)
	}
}

// TestAdmin1 checks that places carry their first-level region, and
// countries none.
func TestAdmin1(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct{ name, admin1 string }{
		{"Gori", "Shida Kartli"},
		{"Kerch", "Autonomous Republic of Crimea"},
		{"Mumbai", "Maharashtra"},
		{"Sichuan", "Sichuan"},
		{"South Ossetia", "Shida Kartli"},
		{"Syria", ""},
	} {
		if p, ok := g.Lookup(tt.name, ""); !ok || p.Admin1 != tt.admin1 {
			t.Errorf("Lookup(%q) = %+v, %v; want admin1 %q", tt.name, p, ok, tt.admin1)
		}
	}
}

// TestRegionCountry checks that a first-level region named with its
// designation gives its country, and that a name without one, a city or
// a designation of no first-level region does not.
func TestRegionCountry(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct{ phrase, want string }{
		{"Sindh province", "PAK"},
		{"Rakhine state", "MMR"},
		{"Kachin State", "MMR"},
		{"Idlib province", "SYR"},
		{"Sichuan province", "CHN"},
		{"Sindh", ""},            // no designation
		{"Karachi province", ""}, // a city, no region
		{"Islamic State", ""},    // no region
		{"Sindh district", ""},   // not a first-level designation
		{"Central region", ""},   // a generic word
		{"province", ""},         // a designation alone
	} {
		got, ok := g.RegionCountry(tt.phrase)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("RegionCountry(%q) = %q, %v; want %q", tt.phrase, got, ok, tt.want)
		}
	}
}

// TestPrefer checks that the countries in play pick among namesakes, but
// never a small namesake over a city ten times its size.
func TestPrefer(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct {
		sentence string
		prefer   []string
		want     string
	}{
		{"Clashes broke out in Tripoli.", nil, "LBY"},
		{"Clashes broke out in Tripoli.", []string{"LBN", "SYR"}, "LBN"},
		{"Talks were held in Washington.", []string{"GBR"}, "USA"},
		{"Talks were held in Geneva.", []string{"USA", "IRN"}, "CHE"},
	} {
		loc, _, _, ok := g.Find(tt.sentence, nlp.Tokenize(tt.sentence), tt.prefer)
		if !ok || loc.Country != tt.want {
			t.Errorf("Find(%q, %v) = %+v, %v; want %s", tt.sentence, tt.prefer, loc, ok, tt.want)
		}
	}
}

// TestDateline checks the city of wire datelines.
func TestDateline(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct {
		line, text, country string
	}{
		{"TBILISI, August 13, 2008 —", "TBILISI", "GEO"},
		{"MEXICO CITY, June 8, 2019 —", "MEXICO CITY", "MEX"},
		{"NEW DELHI, June 17, 2020 —", "NEW DELHI", "IND"},
		{"UNITED NATIONS, July 8, 2021 —", "UNITED NATIONS", "USA"},
		{"LONDON (Reuters) -", "LONDON", "GBR"},
		{"KIEV, November 27, 2018 —", "KIEV", "UKR"},
		{"MOSCOW, Idaho, May 2, 2019 —", "MOSCOW", "USA"},
		{"PSARADES, Greece, June 17, 2018 —", "Greece", "GRC"}, // a village the data does not list
	} {
		loc, ok := g.Dateline(tt.line, nil)
		if !ok || loc.Text != tt.text || loc.Country != tt.country {
			t.Errorf("Dateline(%q) = %+v, %v; want %s %s", tt.line, loc, ok, tt.text, tt.country)
		}
	}
	for _, line := range []string{"", "Russia halts Georgia offensive", "August 13, 2008", "By JOHN SMITH, Reuters", "US, China agree to talks", "XANADU QWERTY, May 1 —", "A —"} {
		if loc, ok := g.Dateline(line, nil); ok {
			t.Errorf("Dateline(%q) = %+v; want none", line, loc)
		}
	}
}

func TestFindInstalled(t *testing.T) {
	g := installed(t)
	tests := []struct {
		sentence, text, country string
	}{
		{"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit", "Beijing", "CHN"},
		{"they held a meeting on the sidelines of the APEC summit in Peru's capital Lima", "Lima", "PER"},
		{"the BRICS summit in Goa, India, in October 2015", "Goa", "IND"},
		{"Putin held talks in Moscow with the Chinese leader.", "Moscow", "RUS"},
		{"Fighting continued in Syria on Tuesday.", "Syria", "SYR"},
		{"Talks resumed in the Syrian capital Damascus.", "Damascus", "SYR"},
		{"Protests broke out in China's Sichuan province.", "Sichuan", "CHN"},
		{"Protests broke out in China's Xinjiang region.", "Xinjiang", "CHN"}, // "Xinjiang Uyghur Autonomous Region" in the data, named in names.tsv
		{"Fighting spread in the Donbas.", "Donbas", "UKR"},
		{"A court in Crimea ruled.", "Crimea", "UKR"},
		{"He met Putin at the Kremlin on Friday.", "Kremlin", "RUS"},
		{"Militants attacked troops in Kashmir's Srinagar.", "Srinagar", "IND"},
		{"Troops pushed into southern Somalia.", "Somalia", "SOM"},
		{"Mitrovica rallied in Kosovo.", "Kosovo", "XKX"},
		{"Troops massed in Russia's Moscow Oblast.", "Moscow Oblast", "RUS"},
		{"He spoke in Washington, D.C., after the vote.", "Washington", "USA"},
		{"Clashes erupted near Aleppo overnight.", "Aleppo", "SYR"},
		{"Israeli strikes hit targets in the Gaza Strip.", "Gaza Strip", "PSE"},
		{"The ministers met in Rio de Janeiro.", "Rio de Janeiro", "BRA"},
	}
	for _, tt := range tests {
		loc, start, end, ok := g.Find(tt.sentence, nlp.Tokenize(tt.sentence), nil)
		if !ok {
			t.Errorf("Find(%q): none; want %s %s", tt.sentence, tt.text, tt.country)
			continue
		}
		if loc.Text != tt.text || loc.Country != tt.country || tt.sentence[start:end] != loc.Text {
			t.Errorf("Find(%q) = %+v [%d:%d]; want %s %s", tt.sentence, loc, start, end, tt.text, tt.country)
		}
	}
	beijing, _, _, _ := g.Find(tests[0].sentence, nlp.Tokenize(tests[0].sentence), nil)
	if !near(beijing.Lat, beijing.Lon, 39.9, 116.4, 0.1) {
		t.Errorf("Beijing at %.3f,%.3f; want near 39.9,116.4", beijing.Lat, beijing.Lon)
	}
	for _, s := range []string{
		"The vote is due in May.",
		"The resolution failed in the UN Security Council.",
		"Trade grew in Central Asia.",
		"Energy security in Asia matters.",
		"The crisis in Russia's relations with the West deepened.",
		"The treaty was signed in 2014.",
		"Turnout was high in March and April.",
		"",
	} {
		if loc, _, _, ok := g.Find(s, nlp.Tokenize(s), nil); ok {
			t.Errorf("Find(%q) = %+v; want none", s, loc)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(); err == nil {
		t.Error("Load() with no paths: want error")
	}
	if _, err := Load("testdata/does-not-exist"); err == nil {
		t.Error("Load(missing file): want error")
	}
	paths := DefaultPaths()
	if len(paths) == 2 {
		if _, err := Load(paths[0]); err == nil {
			t.Error("Load(library only): want an error naming the missing country codes")
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	installed(b)
	paths := DefaultPaths()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(paths...); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadBudget checks the load stays within ~300 ms and ~100 MB.
func TestLoadBudget(t *testing.T) {
	installed(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	g, err := Load(DefaultPaths()...)
	elapsed := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("load %v, retained heap %.1f MB, total allocated %.1f MB", elapsed, float64(retained)/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
	if elapsed > 2*time.Second || retained > 100e6 {
		t.Errorf("load took %v and retains %d bytes; want well under 300 ms and 100 MB", elapsed, retained)
	}
	runtime.KeepAlive(g)
}

func BenchmarkFind(b *testing.B) {
	g := installed(b)
	sentences := []string{
		"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China, during which he met with Chinese President Hu Jintao.",
		"they held a meeting on the sidelines of the APEC summit in Peru's capital Lima",
		"the BRICS summit in Goa, India, in October 2015",
		"The resolution failed in the UN Security Council in May.",
	}
	toks := make([][]doc.Token, len(sentences))
	for i, s := range sentences {
		toks[i] = nlp.Tokenize(s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range sentences {
			g.Find(s, toks[i], nil)
		}
	}
}

func TestFindConcurrent(t *testing.T) {
	g := small()
	s := "talks in Peru's capital Lima"
	toks := nlp.Tokenize(s)
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 200 {
				if loc, _, _, ok := g.Find(s, toks, nil); !ok || loc.Country != "PER" {
					t.Errorf("Find = %+v, %v", loc, ok)
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

// TestNames checks names.tsv: every line reads, and every other name
// points at a place the installed data has.
func TestNames(t *testing.T) {
	xs, err := readNames(namesFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) < 20 {
		t.Fatalf("names.tsv gave %d names, want the file's", len(xs))
	}
	for _, bad := range []string{"Kiev\tUK\t=Kyiv", "Donbas\tUKR\t48.0", "Donbas\tUKR\tnorth\t38.5", "Donbas\tUKR\t95\t38.5", "code\tXKX\tXK", "Kiev"} {
		if _, err := readNames(bad); err == nil {
			t.Errorf("readNames(%q): no error", bad)
		}
	}
	g := installed(t)
	for _, x := range xs {
		if x.Code {
			if _, ok := g.Country(x.Country); !ok {
				t.Errorf("names.tsv: code %s: no country %s in the data", x.Name, x.Country)
			}
			continue
		}
		p, ok := g.Lookup(x.Name, x.Country)
		if !ok {
			t.Errorf("names.tsv: %q (%s) is no place of the data: its target %q is missing", x.Name, x.Country, x.Target)
			continue
		}
		if p.Country != x.Country {
			t.Errorf("names.tsv: %q is in %s, want %s", x.Name, p.Country, x.Country)
		}
	}
}

// TestCountry checks countries as places, by ISO code and by the other
// codes names.tsv gives them.
func TestCountry(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct{ code, name string }{{"SYR", "Syria"}, {"XKX", "Kosovo"}, {"KSV", "Kosovo"}, {"COD", "DR Congo"}} {
		loc, ok := g.Country(tt.code)
		if !ok || loc.Text != tt.name || loc.Admin1 != "" {
			t.Errorf("Country(%q) = %+v, %v; want %s", tt.code, loc, ok, tt.name)
		}
	}
	for _, code := range []string{"", "XXX", "IGO"} {
		if loc, ok := g.Country(code); ok {
			t.Errorf("Country(%q) = %+v; want none", code, loc)
		}
	}
}

// TestCongo checks a name two countries share: the one in play, else the
// larger.
func TestCongo(t *testing.T) {
	g := installed(t)
	s := "Troops were sent to fight in eastern Congo."
	for _, tt := range []struct {
		prefer []string
		want   string
	}{{nil, "COD"}, {[]string{"COG", "FRA"}, "COG"}, {[]string{"RWA", "COD"}, "COD"}} {
		if loc, _, _, ok := g.Find(s, nlp.Tokenize(s), tt.prefer); !ok || loc.Country != tt.want {
			t.Errorf("Find(%q, %v) = %+v, %v; want %s", s, tt.prefer, loc, ok, tt.want)
		}
	}
}

// TestName checks places named with nothing before them.
func TestName(t *testing.T) {
	g := installed(t)
	for _, tt := range []struct{ text, want string }{{"Kabul", "AFG"}, {"the Gaza Strip", "PSE"}, {"eastern Ukraine", "UKR"}, {"the government", ""}, {"", ""}} {
		loc, ok := g.Name(tt.text, nlp.Tokenize(tt.text), nil)
		if got := loc.Country; ok != (tt.want != "") || got != tt.want {
			t.Errorf("Name(%q) = %+v, %v; want %q", tt.text, loc, ok, tt.want)
		}
	}
}
