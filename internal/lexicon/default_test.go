package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// unMembers are the 193 UN member states by their CAMEO codes (ISO 3166-1
// alpha-3, except TMP for Timor-Leste).
var unMembers = strings.Fields(`
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TMP TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

func mustDefault(t *testing.T) *Lexicon {
	t.Helper()
	lex, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return lex
}

// byName indexes actors by their surface forms, later entries winning as
// they do for a matcher.
func byName(lex *Lexicon) map[string]*Actor {
	m := map[string]*Actor{}
	for _, a := range lex.Actors {
		for _, n := range a.Names {
			m[n] = a
		}
		for _, n := range a.Adjectives {
			m[n] = a
		}
	}
	return m
}

func TestDefaultCountries(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("test table lists %d UN members, want 193", len(unMembers))
	}
	lex := mustDefault(t)
	codes := map[string]*Actor{}
	for _, a := range lex.Actors {
		if a.Kind == Country && len(a.Code) == 3 {
			if prev, dup := codes[a.Code]; dup {
				t.Errorf("code %s used by %q and %q", a.Code, prev.Name, a.Name)
			}
			codes[a.Code] = a
		}
	}
	for _, c := range unMembers {
		a, ok := codes[c]
		if !ok {
			t.Errorf("UN member %s missing", c)
			continue
		}
		if len(a.Names) < 2 {
			t.Errorf("%s (%s) lists %d names, want the name and its capital at least", a.Name, c, len(a.Names))
		}
	}
	for _, c := range []string{"VAT", "PSE", "KSV", "TWN", "HKG", "WST", "EUR", "ASA", "AFR", "MEA", "CAS", "SAS", "SEA", "EAF", "WAF", "NAF", "SAF", "CFR", "LAM"} {
		if _, ok := codes[c]; !ok {
			t.Errorf("%s missing", c)
		}
	}
	if n := len(codes); n < 195+20 {
		t.Errorf("%d countries and regions, want at least 195 states and 20 regions", n)
	}
}

func TestDefaultSurfaceForms(t *testing.T) {
	names := byName(mustDefault(t))
	tests := map[string]string{
		// States, their adjectives, prefixes and capitals.
		"Russia": "RUS", "Russian Federation": "RUS", "Russians": "RUS", "Russo-": "RUS",
		"Moscow": "RUS", "Soviet": "RUS", "China": "CHN", "Chinese": "CHN", "Sino-": "CHN",
		"Beijing": "CHN", "Washington": "USA", "U.S.": "USA", "Americano-": "USA",
		"New Delhi": "IND", "Indo-": "IND", "Franco-": "FRA", "Anglo-": "GBR", "Tehran": "IRN",
		"Islamabad": "PAK", "Kyiv": "UKR", "Kiev": "UKR", "Tokyo": "JPN", "Pyongyang": "PRK",
		"Seoul": "KOR", "Taiwan": "TWN", "Vatican": "VAT", "Kosovo": "KSV", "East Timor": "TMP",
		"Chad": "TCD", "Turkey": "TUR", "Jordan": "JOR", "Georgia": "GEO", "Niger": "NER",
		"Nigerien": "NER", "Nigeria": "NGA", "Guinea": "GIN", "Equatorial Guinea": "GNQ",
		"Astana": "KAZ", "Tashkent": "UZB", "Bishkek": "KGZ", "Dushanbe": "TJK", "Ashgabat": "TKM",
		"West Bank": "PSE",
		// Regions.
		"the West": "WST", "Western": "WST", "Europe": "EUR", "European": "EUR", "Central Asia": "CAS",
		"Middle East": "MEA", "South Asia": "SAS", "Southeast Asia": "SEA", "Africa": "AFR",
		"Latin America": "LAM",
		// Seats of government, bodies and firms.
		"the Kremlin": "RUSGOV", "the White House": "USAGOV", "the Pentagon": "USAMIL",
		"Zhongnanhai": "CHNGOV", "Downing Street": "GBRGOV", "the Elysee": "FRAGOV",
		"United Nations": "IGOUNO", "UN Security Council": "IGOUNO", "UN General Assembly": "IGOUNO",
		"UNHCR": "IGOUNOREFHCR", "WHO": "IGOUNOHLHWHO", "IAEA": "IGOUNOIAE", "UNICEF": "IGOUNOKID",
		"WFP": "IGOUNOWFP", "NATO": "IGOWSTNAT", "European Union": "IGOEUREEC", "EU": "IGOEUREEC",
		"Brussels": "IGOEUREEC", "SCO": "IGOCAS", "Shanghai Cooperation Organisation": "IGOCAS",
		"BRICS": "IGO", "ASEAN": "IGOSEAASN", "APEC": "IGOASABUS", "G20": "IGO", "G7": "IGOGOS",
		"G8": "IGOGOE", "OPEC": "IGOBUSOPC", "IMF": "IGOBUSIMF", "World Bank": "IGOUNODEVWBK",
		"WTO": "IGOBUSWTO", "African Union": "IGOAFRAFU", "OSCE": "IGOEURSCE", "Arab League": "IGOMEAARL",
		"GCC": "IGOPGSGCC", "OIC": "IGOMOSOIC", "CSTO": "IGOCAS", "CIS": "IGOCASCIS", "EAEU": "IGOCAS",
		"Interpol": "IGOCOPITP", "ICC": "IGOJUDICC", "ICJ": "IGOUNOJUDICJ",
		"Gazprom": "RUSBUS", "Rosneft": "RUSBUS", "Lukoil": "RUSBUS", "Novatek": "RUSBUS",
		"Transneft": "RUSBUS", "Rosatom": "RUSBUS", "Rosoboronexport": "RUSBUS", "Rostec": "RUSBUS",
		"Sukhoi": "RUSBUS", "Gazprombank": "RUSBUS", "Sberbank": "RUSBUS", "VTB": "RUSBUS",
		"Russian Direct Investment Fund": "RUSBUS", "Bank of Russia": "RUSGOVBUS",
		"Central Bank of Russia": "RUSGOVBUS", "CNPC": "CHNBUS", "Sinopec": "CHNBUS", "CNOOC": "CHNBUS",
		"China Investment Corporation": "CHNBUS", "ICBC": "CHNBUS", "Bank of China": "CHNBUS",
		"People's Bank of China": "CHNGOVBUS", "China Development Bank": "CHNBUS", "Huawei": "CHNBUS",
		"ZTE": "CHNBUS", "Saudi Aramco": "SAUBUS", "NIOC": "IRNBUS", "ONGC": "INDBUS",
		"ExxonMobil": "USABUS", "Exxon": "USABUS", "Chevron": "USABUS", "BP": "GBRBUS", "Shell": "GBRBUS",
		"TotalEnergies": "FRABUS", "Boeing": "USABUS", "Airbus": "EURBUS", "Lockheed Martin": "USABUS",
		"Russian Defence Ministry": "RUSGOVMIL", "Russia's Defense Ministry": "RUSGOVMIL",
		"Central Military Commission": "CHNMIL", "PLA": "CHNMIL", "People's Liberation Army": "CHNMIL",
		"Federal Security Service": "RUSSPY", "FSB": "RUSSPY", "Xinhua": "CHNMED", "Sputnik": "RUSMED",
		"RIA Novosti": "RUSMED", "TASS": "RUSMED", "Communist Party of China": "CHNGOV",
		"State Duma": "RUSLEG",
	}
	for name, want := range tests {
		a, ok := names[name]
		if !ok {
			t.Errorf("%q not in the default lexicon", name)
			continue
		}
		if a.Code != want {
			t.Errorf("%q -> %s (%q), want %s", name, a.Code, a.Name, want)
		}
	}
}

func TestDefaultAgents(t *testing.T) {
	lex := mustDefault(t)
	words := map[string]*Agent{}
	for _, a := range lex.Agents {
		for _, w := range a.Words {
			if prev, dup := words[strings.ToLower(w)]; dup {
				t.Errorf("agent word %q in both %q and %q", w, prev.Title, a.Title)
			}
			words[strings.ToLower(w)] = a
		}
	}
	tests := map[string]string{
		"president": "GOV", "presidents": "GOV", "prime minister": "GOV", "premier": "GOV",
		"chancellor": "GOV", "foreign minister": "GOV", "defence minister": "GOVMIL",
		"defense minister": "GOVMIL", "commerce minister": "GOV", "trade minister": "GOV",
		"finance minister": "GOV", "minister": "GOV", "ministry": "GOV", "government": "GOV",
		"officials": "GOV", "ambassador": "GOV", "envoy": "GOV", "diplomats": "GOV",
		"spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "leaders": "GOV",
		"king": "GOV", "emir": "GOV", "crown prince": "GOV",
		"military": "MIL", "army": "MIL", "navy": "MIL", "air force": "MIL", "troops": "MIL",
		"soldiers": "MIL", "forces": "MIL", "general": "MIL", "admiral": "MIL", "officers": "MIL",
		"police": "COP", "rebels": "REB", "insurgents": "REB", "militants": "REB", "opposition": "OPP",
		"activists": "OPP", "business": "BUS", "businessmen": "BUS", "company": "BUS", "firms": "BUS",
		"investors": "BUS", "bank": "BUS", "media": "MED", "newspaper": "MED", "journalists": "MED",
		"analyst": "", "analysts": "", "experts": "", "scholars": "EDU", "researchers": "EDU",
		"judge": "JUD", "court": "JUD", "parliament": "LEG", "lawmakers": "LEG", "legislature": "LEG",
		"duma": "LEG", "congress": "LEG", "intelligence": "SPY", "refugees": "REF", "civilians": "CVL",
		"students": "EDU", "unions": "LAB", "workers": "LAB", "clerics": "REL", "party": "PTY",
	}
	for w, want := range tests {
		a, ok := words[w]
		if !ok {
			t.Errorf("agent word %q missing", w)
			continue
		}
		if a.Code != want {
			t.Errorf("agent %q -> %q (%s), want %q", w, a.Code, a.Title, want)
		}
	}
}

func TestDefaultPeople(t *testing.T) {
	lex := mustDefault(t)
	i := slices.IndexFunc(lex.Actors, func(a *Actor) bool { return a.Name == "Vladimir Putin" })
	if i < 0 {
		t.Skip("data/people.txt has no Vladimir Putin")
	}
	putin := lex.Actors[i]
	if putin.Kind != Person {
		t.Errorf("Putin kind = %v, want Person", putin.Kind)
	}
	for _, tc := range []struct{ date, code, title string }{
		{"2000-05-07", "RUSGOV", "president"},
		{"2005-01-01", "RUSGOV", "president"},
		{"2010-06", "RUSGOV", "prime minister"},
		{"2012-06-05", "RUSGOV", "president"},
		{"2022-02-24", "RUSGOV", "president"},
		{"1999-10-01", "RUSGOV", "prime minister"},
	} {
		if code, title := putin.CodeAt(tc.date); code != tc.code || title != tc.title {
			t.Errorf("Putin CodeAt(%s) = %s, %q; want %s, %q", tc.date, code, title, tc.code, tc.title)
		}
	}
}

func TestDefaultIsFresh(t *testing.T) {
	a, b := mustDefault(t), mustDefault(t)
	a.Actors[0].Names[0] = "changed"
	if b.Actors[0].Names[0] == "changed" {
		t.Error("Default results share state")
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
