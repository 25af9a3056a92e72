package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

const petrarchActorsSample = `# header comment
HU_JINTAO_ 
+PRESIDENT_HU_JINTAO
	[CHNELI 600101-000101]
	[CHNGOV 20021115-20130314]
	[CHNELI]
THE_UNITED_NATIONS_ [IGOUNO]
LEONID_BREZHNEV_  # names on consecutive lines share the codes below
LEONID_ILYICH_BREZHNEV
	[RUSGOV 641014-821110]
TIMOR_LESTE_
+EAST_TIMOR_
	[TMPOCC <990830]
	[TMP >990830]
U.N._

ACME_CORP_	[MNCUSA]	Industrial Machinery	$1,000,000
BAD_DATE_ ; a TABARI comment
	[USAGOV 9008223-911221]
	[USAGOV >20100501]
NOBODY_ [---]
AL_QAEDA_ [IMGMUSALQ]
+AL-QAIDA_+_AL_QAIDA_
ABU_X_ <!-- a
comment --> [SYRREB]
`

func TestParsePetrarchActors(t *testing.T) {
	lex, errs := ParsePetrarch("p.txt", strings.NewReader(petrarchActorsSample), false)
	want := []*Actor{
		{Name: "Hu Jintao", Kind: Person, Code: "CHNELI",
			Names: []string{"HU JINTAO", "PRESIDENT HU JINTAO"},
			Roles: []Role{
				{Code: "CHNELI", From: "1960-01-01", To: "2000-01-01"},
				{Code: "CHNGOV", From: "2002-11-15", To: "2013-03-14"},
			}},
		{Name: "The United Nations", Kind: Org, Code: "IGOUNO", Names: []string{"THE UNITED NATIONS"}},
		{Name: "Leonid Brezhnev", Kind: Person,
			Names: []string{"LEONID BREZHNEV", "LEONID ILYICH BREZHNEV"},
			Roles: []Role{{Code: "RUSGOV", From: "1964-10-14", To: "1982-11-10"}}},
		{Name: "Timor Leste", Kind: Country,
			Names: []string{"TIMOR LESTE", "EAST TIMOR"},
			Roles: []Role{{Code: "TMPOCC", To: "1999-08-30"}, {Code: "TMP", From: "1999-08-30"}}},
		{Name: "Acme Corp", Kind: Org, Code: "MNCUSA", Names: []string{"ACME CORP"}},
		{Name: "Bad Date", Kind: Person, Names: []string{"BAD DATE"},
			Roles: []Role{{Code: "USAGOV", From: "2010-05-01"}}},
		{Name: "Al Qaeda", Kind: Group, Code: "IMGMUSALQ", Names: []string{"AL QAEDA", "AL-QAIDA", "AL QAIDA"}},
		{Name: "Abu X", Kind: Group, Code: "SYRREB", Names: []string{"ABU X"}},
	}
	if !reflect.DeepEqual(lex.Actors, want) {
		for i, a := range lex.Actors {
			t.Logf("actor %d: %+v", i, *a)
		}
		t.Errorf("actors differ from want")
	}
	// U.N._ has no code at all; the date 9008223 has seven digits.
	wantLines := []int{15, 19}
	if len(errs) != len(wantLines) {
		t.Fatalf("errors = %v, want lines %v", errs, wantLines)
	}
	for i, err := range errs {
		var le *LineError
		if !errors.As(err, &le) || le.Line != wantLines[i] {
			t.Errorf("error %d = %v, want a *LineError on line %d", i, err, wantLines[i])
		}
	}
	if !errors.Is(errs[0], ErrCode) || !errors.Is(errs[1], ErrDate) {
		t.Errorf("error kinds = %v", errs)
	}
	hu := lex.Actors[0]
	for _, tc := range []struct{ date, code string }{
		{"2012-06-05", "CHNGOV"},
		{"2001-05-01", "CHNELI"}, // between roles: the undated code
		{"1970", "CHNELI"},
	} {
		if got, _ := hu.CodeAt(tc.date); got != tc.code {
			t.Errorf("Hu Jintao CodeAt(%s) = %q, want %q", tc.date, got, tc.code)
		}
	}
}

const petrarchAgentsSample = `# agents
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTERS

FARMER [~AGR]
BUSINESS!PERSON! [~BUS]
POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
!MINIST! FOR_DEFENCE [~GOVMIL]
PEACEKEEPING_TROOPS {} [IGO~]
ARMY [~MIL]
MILITARY_POLICE [~MILCOP]
DEPUTY [~COP]
ISLAMIC_EXTREMIST
DEPARMENT_OF_ENVIRONMENT [~ENV}
!NOPE! X [~GOV]
`

func TestParsePetrarchAgents(t *testing.T) {
	lex, errs := ParsePetrarch("a.txt", strings.NewReader(petrarchAgentsSample), true)
	want := []*Agent{
		{Code: "AGR", Title: "farmer", Words: []string{"FARMER", "FARMERS"}},
		{Code: "BUS", Title: "businessman", Words: []string{"BUSINESSMAN", "BUSINESSMEN", "BUSINESSWOMAN", "BUSINESSWOMEN"}},
		{Code: "COP", Title: "police", Words: []string{"POLICE"}},
		{Code: "CRM", Title: "thief", Words: []string{"THIEF", "THIEVES"}},
		{Code: "GOVMIL", Title: "minister for defence", Words: []string{"MINISTER FOR DEFENCE", "MINISTERS FOR DEFENCE"}},
		{Code: "IGO", Title: "peacekeeping troops", Words: []string{"PEACEKEEPING TROOPS"}},
		{Code: "MIL", Title: "army", Words: []string{"ARMY", "ARMIES"}},
		{Code: "MILCOP", Title: "military police", Words: []string{"MILITARY POLICE", "MILITARY POLICES"}},
		{Code: "COP", Title: "deputy", Words: []string{"DEPUTY", "DEPUTIES"}},
	}
	if !reflect.DeepEqual(lex.Agents, want) {
		for i, a := range lex.Agents {
			t.Logf("agent %d: %+v", i, *a)
		}
		t.Errorf("agents differ from want")
	}
	wantLines := []int{14, 15, 16}
	if len(errs) != len(wantLines) {
		t.Fatalf("errors = %v, want lines %v", errs, wantLines)
	}
	for i, err := range errs {
		var le *LineError
		if !errors.As(err, &le) || le.Line != wantLines[i] || le.File != "a.txt" {
			t.Errorf("error %d = %v, want a *LineError at a.txt:%d", i, err, wantLines[i])
		}
	}
}

func TestPetrarchDates(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		ok       bool
	}{
		{"950601-990815", "1995-06-01", "1999-08-15", true},
		{">990816", "1999-08-16", "", true},
		{"<990815", "", "1999-08-15", true},
		{"300101", "2030-01-01", "", true}, // 00-30 are 20xx
		{"310101", "1931-01-01", "", true},
		{"19270101-730717", "1927-01-01", "1973-07-17", true},
		{">20121115", "2012-11-15", "", true},
		{"9008223-911221", "", "", false},
		{"1920030320-20060520", "", "", false},
		{"20121207-20120802", "", "", false},
		{"990231", "", "", false},
		{">", "", "", false},
		{"", "", "", false},
	}
	for _, tc := range tests {
		from, to, err := petrarchDates(tc.in)
		if (err == nil) != tc.ok || from != tc.from || to != tc.to {
			t.Errorf("petrarchDates(%q) = %q, %q, %v; want %q, %q, ok=%v", tc.in, from, to, err, tc.from, tc.to, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrDate) {
			t.Errorf("petrarchDates(%q) error %v is not ErrDate", tc.in, err)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		path, data string
		want       Format
	}{
		{"x.txt", "# c\n\ncountry RUS Russia\n", FormatOwn},
		{"x.txt", "agent GOV president\n  words: president\n", FormatOwn},
		{"x.txt", "RUSSIA_ [RUS]\n", FormatPetrarchActors},
		{"x.txt", "# c\nPOLICE {} [~COP]\n", FormatPetrarchAgents},
		{"my.agents.txt", "POLICE\n", FormatPetrarchAgents},
		{"x.txt", "country_club [USABUS]\n", FormatPetrarchActors},
	}
	for _, tc := range tests {
		if got := DetectFormat(tc.path, []byte(tc.data)); got != tc.want {
			t.Errorf("DetectFormat(%q, %q) = %v, want %v", tc.path, tc.data, got, tc.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	own := write("own.txt", ownSample)
	lex, errs, err := Load(own)
	if err != nil || len(errs) > 0 || len(lex.Actors) != 6 || len(lex.Agents) != 2 {
		t.Errorf("Load(own) = %d actors, %d agents, %v, %v", len(lex.Actors), len(lex.Agents), errs, err)
	}
	actors := write("actors.txt", petrarchActorsSample)
	lex, errs, err = Load(actors)
	if err != nil || len(errs) != 2 || len(lex.Actors) != 8 {
		t.Errorf("Load(petrarch actors) = %d actors, %v, %v", len(lex.Actors), errs, err)
	}
	agents := write("agents.txt", petrarchAgentsSample)
	lex, errs, err = Load(agents)
	if err != nil || len(errs) != 3 || len(lex.Agents) != 9 {
		t.Errorf("Load(petrarch agents) = %d agents, %v, %v", len(lex.Agents), errs, err)
	}
	if _, _, err := Load(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) error = %v, want os.ErrNotExist", err)
	}
}

var phoenixFiles = []string{
	"Phoenix.Countries.actors.txt",
	"Phoenix.International.actors.txt",
	"Phoenix.MilNonState.actors.txt",
	"Phoenix.agents.txt",
}

func phoenixPaths(t testing.TB) []string {
	dir := sharedtest.Path(t, "data", "peers", "petrarch2")
	var paths []string
	for _, f := range phoenixFiles {
		p := filepath.Join(dir, f)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("Phoenix dictionary %s not available: %v", p, err)
		}
		paths = append(paths, p)
	}
	return paths
}

func loadPhoenix(t testing.TB, paths []string) (*Lexicon, []error) {
	lex := &Lexicon{}
	var errs []error
	for _, p := range paths {
		l, lineErrs, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		errs = append(errs, lineErrs...)
		lex.Merge(l)
	}
	return lex, errs
}

func TestLoadPhoenix(t *testing.T) {
	lex, errs := loadPhoenix(t, phoenixPaths(t))
	checkErrs(t, errs)
	// The files hold a handful of real defects (seven-digit dates,
	// ranges ending before they start, entries without codes).
	if len(errs) > 30 {
		t.Errorf("%d line errors, want a handful: %v", len(errs), errs[:10])
	}
	if len(lex.Actors) < 25000 {
		t.Errorf("%d actors, want > 25000", len(lex.Actors))
	}
	if len(lex.Agents) < 2000 {
		t.Errorf("%d agents, want > 2000", len(lex.Agents))
	}
	find := func(name string) *Actor {
		for _, a := range lex.Actors {
			if slices.ContainsFunc(a.Names, func(n string) bool { return strings.EqualFold(n, name) }) {
				return a
			}
		}
		return nil
	}
	for _, tc := range []struct {
		name, date, code string
		kind             Kind
	}{
		{"Hu Jintao", "2012-06-05", "CHNGOV", Person},
		{"Vladimir Putin", "2012-06-05", "RUSGOV", Person},
		{"Russian Federation", "", "RUS", Country},
		{"United Nations", "", "IGOUNO", Org},
		{"NATO", "", "IGOWSTNAT", Org},
		{"Abu Nidal Organization", "", "IMGMUSALQ", Group},
	} {
		a := find(tc.name)
		if a == nil {
			t.Errorf("no actor named %q", tc.name)
			continue
		}
		if got, _ := a.CodeAt(tc.date); got != tc.code {
			t.Errorf("%s CodeAt(%q) = %q, want %q", tc.name, tc.date, got, tc.code)
		}
		if a.Kind != tc.kind {
			t.Errorf("%s kind = %v, want %v", tc.name, a.Kind, tc.kind)
		}
	}
	var minister *Agent
	for _, a := range lex.Agents {
		if slices.Contains(a.Words, "MINISTER OF DEFENCE") {
			minister = a
		}
	}
	if minister == nil || minister.Code != "GOVMIL" {
		t.Errorf("MINISTER OF DEFENCE agent = %+v, want code GOVMIL", minister)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	paths := phoenixPaths(b)
	var peak uint64
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		lex, _ := loadPhoenix(b, paths)
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
		runtime.KeepAlive(lex)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
}

func FuzzParsePetrarch(f *testing.F) {
	f.Add(petrarchActorsSample, false)
	f.Add(petrarchAgentsSample, true)
	f.Add("A_ [B 1-2][C >][D <x]\n+\n[\n]", false)
	f.Add("!A! = !A!\nX!A! [~GOV]\n!B! = X\n!B!!B!!B! {!B!} [~]\n", true)
	f.Fuzz(func(t *testing.T, in string, agents bool) {
		lex, errs := ParsePetrarch("fuzz.txt", strings.NewReader(in), agents)
		checkErrs(t, errs)
		for _, a := range lex.Actors {
			if len(a.Names) == 0 || a.Name == "" {
				t.Fatalf("actor without names: %+v", a)
			}
		}
		for _, a := range lex.Agents {
			if len(a.Words) == 0 {
				t.Fatalf("agent without words: %+v", a)
			}
		}
	})
}
