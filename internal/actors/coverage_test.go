package actors_test

import (
	"cmp"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// isoPath is Debian's iso-codes list of ISO 3166-1 countries.
const isoPath = "/usr/share/iso-codes/json/iso_3166-1.json"

// isoToCAMEO are the ISO 3166-1 alpha-3 codes CAMEO writes otherwise.
var isoToCAMEO = map[string]string{"TLS": "TMP"}

// notStates are the ISO 3166-1 entries the dictionary has no country
// entry for: dependent territories, coded (as Phoenix codes them) under
// the state they belong to, and uninhabited lands. A new ISO entry that is
// a state must get an entry in countries.txt, not a line here.
var notStates = strings.Fields(`ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB
	GLP GRL GUF GUM HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL
	UMI VGB VIR WLF`)

// states returns the dictionary's state entries: its countries that are
// not CAMEO regions (regions have no capital and no ISO code; KSV is
// CAMEO's own code for Kosovo).
func states(t *testing.T) []*lexicon.Actor {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []*lexicon.Actor
	for _, a := range lex.Actors {
		if a.Kind == lexicon.Country && len(a.Code) == 3 && !regionCodes[a.Code] {
			out = append(out, a)
		}
	}
	return out
}

// regionCodes are the CAMEO region codes of countries.txt's region blocks.
var regionCodes = map[string]bool{
	"WST": true, "EUR": true, "WEU": true, "EEU": true, "CEU": true, "BLK": true, "SCN": true,
	"MDT": true, "CAU": true, "ASA": true, "CAS": true, "SAS": true, "SEA": true, "EIN": true,
	"MEA": true, "PGS": true, "AFR": true, "NAF": true, "WAF": true, "EAF": true, "CFR": true,
	"SAF": true, "NMR": true, "LAM": true, "SAM": true, "CRB": true,
}

// TestStatesOfISO holds the dictionary to the ISO 3166-1 list: every
// entry is a state of countries.txt under its CAMEO code, named there by
// its ISO common or short name, or one of notStates.
func TestStatesOfISO(t *testing.T) {
	data, err := os.ReadFile(isoPath)
	if err != nil {
		t.Skipf("ISO 3166-1 list not installed (apt-get install iso-codes): %v", err)
	}
	var iso struct {
		Entries []struct {
			Alpha3     string `json:"alpha_3"`
			Name       string `json:"name"`
			CommonName string `json:"common_name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &iso); err != nil {
		t.Fatalf("%s: %v", isoPath, err)
	}
	byCode := map[string]*lexicon.Actor{}
	for _, a := range states(t) {
		byCode[a.Code] = a
	}
	for _, e := range iso.Entries {
		code := e.Alpha3
		if c, ok := isoToCAMEO[code]; ok {
			code = c
		}
		a, ok := byCode[code]
		if !ok {
			if !slices.Contains(notStates, code) {
				t.Errorf("%s %s: no state entry in countries.txt", code, e.Name)
			}
			continue
		}
		if slices.Contains(notStates, code) {
			t.Errorf("%s %s: listed in notStates but has a state entry", code, e.Name)
		}
		n := cmp.Or(e.CommonName, e.Name)
		if strings.ContainsAny(n, ",(") || isoNameElsewhere[code] != "" {
			continue // an inverted or bracketed list form, or a name given to another state
		}
		if !slices.ContainsFunc(a.Names, func(s string) bool { return strings.EqualFold(s, n) }) {
			t.Errorf("%s %s: ISO name %q is no name of it", code, a.Name, n)
		}
	}
}

// isoNameElsewhere are the ISO names the dictionary gives to another
// state, by design (docs/lexicon.md).
var isoNameElsewhere = map[string]string{"COG": "bare Congo is the Democratic Republic of the Congo"}

// mentionCodes returns the sorted codes of the mention of sentence whose
// text is text, or "-".
func mentionCodes(t *testing.T, date, sentence, text string) string {
	t.Helper()
	return mentionCodesBy(t, date, sentence, func(s string) bool { return s == text })
}

// mentionCodesBy returns the sorted codes of the first mention of
// sentence whose text is, or "-".
func mentionCodesBy(t *testing.T, date, sentence string, is func(string) bool) string {
	t.Helper()
	ms := resolver(t).Document(paragraphDoc(date, sentence))
	for _, m := range ms[0] {
		if is(m.Text) {
			var cs []string
			for _, a := range m.Actors {
				cs = append(cs, a.Code)
			}
			return sortCodes(strings.Join(cs, "+"))
		}
	}
	return "-"
}

// stateForms are sentences with a state's forms in them: {N} its first
// name, {K} each capital, {A} its first adjective, {P} its people's noun.
// Each is coded for every state, and the mention whose text is the
// sentence's part in brackets must have the state's code and the suffix.
var stateForms = []struct{ sentence, suffix string }{
	{"[{N}] said on Monday that the talks would resume.", ""},
	{"[{N}'s cabinet] approved the plan on Monday.", "GOV"},
	{"[{N}'s foreign ministry] summoned the envoy.", "GOV"},
	{"[{N}'s Foreign Ministry] summoned the envoy.", "GOV"},
	{"[{N}'s Ministry of Foreign Affairs] summoned the envoy.", "GOV"},
	{"[{N}'s interior minister] visited the border.", "GOV"},
	{"[{N}'s Minister of Interior] visited the border.", "GOV"},
	{"[{N}'s Minister for Foreign Affairs] visited the border.", "GOV"},
	{"[{N}'s defence minister] visited the border.", "GOVMIL"},
	{"[{N}'s Ministry of Defence] denied the report.", "GOVMIL"},
	{"[{N}'s president] met the envoy.", "GOV"},
	{"[{N}'s parliament] approved the plan.", "LEG"},
	{"[{N}'s army] shelled the town.", "MIL"},
	{"[{N}'s police] arrested the protesters.", "COP"},
	{"[{N}'s security forces] arrested the protesters.", "COP"},
	{"[{N}'s intelligence service] denied the report.", "SPY"},
	{"[{N}'s supreme court] rejected the appeal.", "JUD"},
	{"[{N}'s opposition] rejected the result.", "OPP"},
	{"[{N}'s ambassador] was summoned.", "GOV"},
	{"[The foreign minister of {N}] arrived on Monday.", "GOV"},
	{"[The {N} Assembly] passed the bill.", "LEG"},
	{"[{N}'s National Assembly] passed the bill.", "LEG"},
	{"Officials in [{K}] said on Monday that the talks would resume.", ""},
	{"[{K}] accused the rebels of breaking the truce.", ""},
	{"[{K}'s security chief] warned the protesters.", "COP"},
	{"[The {A} government] said on Monday that the talks would resume.", "GOV"},
	{"[The {A} foreign minister] arrived on Monday.", "GOV"},
	{"[The {A} Foreign Minister] arrived on Monday.", "GOV"},
	{"[The {A} Minister of Interior] arrived on Monday.", "GOV"},
	{"[{A} troops] crossed the border.", "MIL"},
	{"[{A} officials] met the envoy.", "GOV"},
	{"[{A} police] arrested the protesters.", "COP"},
	{"[{A} rebels] attacked the town.", "REB"},
	{"[{A} lawmakers] approved the plan.", "LEG"},
	{"[{A} refugees] crossed the border.", "REF"},
	{"[The {A} embassy] issued a statement.", "GOV"},
	{"[{A} authorities] detained the men.", "GOV"},
	{"[{A} security forces] detained the men.", "COP"},
	{"[{A} border guards] detained the men.", "COP"},
	{"[{A} state television] reported the clash.", "MED"},
	{"[{A} warplanes] struck the town.", "MIL"},
	{"[{A} opposition leaders] rejected the result.", "OPP"},
	{"[{A} protesters] marched on Monday.", "OPP"},
	{"[{A} journalists] were detained.", "MED"},
	{"[{A} farmers] blocked the road.", "AGR"},
	{"[{A} civilians] were killed.", "CVL"},
	{"[{A} migrants] crossed the border.", "REF"},
	{"[{A} President Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[The {A} President, Jose Fakename], said on Monday that the talks would resume.", "GOV"},
	{"[{A} Defence Minister Jose Fakename] said on Monday that the talks would resume.", "GOVMIL"},
	{"[{A} Heritage and Innovation Minister Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[{A} Science Minister Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[{A} Interior Secretary Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[{A} Health Secretary Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[{A} Foreign Ministry spokesman Jose Fakename] said on Monday that the talks would resume.", "GOV"},
	{"[The {A} ambassador to the United Nations] said on Monday that the talks would resume.", "GOV"},
	{"[The {K} government] said on Monday that the talks would resume.", "GOV"},
	{"[{N}'s ruling party] won the vote.", "PTY"},
	{"[{N}'s central bank] raised rates.", "GOVBUS"},
	{"Thousands of [{P}] protested on Monday.", ""},
	{"[{N}'s Foreign Minister, Jose Fakename], said the talks would resume.", "GOV"},
	{"[The {A} embassy] in Vienna issued a statement.", "GOV"},
	{"[{N}'s embassy] in Vienna issued a statement.", "GOV"},
	{"The plan was welcomed by [{N}] on Monday.", ""},
	{"On Monday [{N}] recalled its ambassador.", ""},
	{"Relations between [{N} and Peru] have improved.", "+PER"},
}

// TestStateForms codes stateForms for every state of the dictionary.
func TestStateForms(t *testing.T) {
	const date = "2015-06-01"
	for _, a := range states(t) {
		people := peopleNoun(a)
		if len(a.Adjectives) == 0 && noAdjective[a.Code] == "" {
			t.Errorf("%s %s: no adjective", a.Code, a.Name)
		}
		if people == "" && noAdjective[a.Code] == "" {
			t.Errorf("%s %s: no plural people noun among adjectives %q", a.Code, a.Name, a.Adjectives)
		}
		for _, f := range stateForms {
			var fills []string
			switch {
			case strings.Contains(f.sentence, "{K}"):
				for _, k := range a.Capitals {
					if (!strings.Contains(f.sentence, "{K}'s") || !strings.HasSuffix(k, "'s")) && (!strings.Contains(f.sentence, "The {K}") || !strings.HasPrefix(k, "The ")) {
						fills = append(fills, strings.ReplaceAll(f.sentence, "{K}", k))
					}
				}
			case strings.Contains(f.sentence, "{A}"):
				if len(a.Adjectives) > 0 && noAdjective[a.Code] == "" {
					fills = append(fills, strings.ReplaceAll(f.sentence, "{A}", a.Adjectives[0]))
				}
			case strings.Contains(f.sentence, "{P}"):
				if people != "" {
					fills = append(fills, strings.ReplaceAll(f.sentence, "{P}", people))
				}
			case f.sentence == stateForms[0].sentence:
				for _, n := range a.Names {
					fills = append(fills, strings.ReplaceAll(f.sentence, "{N}", n))
				}
			default:
				fills = append(fills, strings.ReplaceAll(f.sentence, "{N}", a.Names[0]))
			}
			for _, s := range fills {
				sentence, text := bracketed(s)
				want := a.Code + f.suffix
				if strings.HasPrefix(f.suffix, "+") { // a compound with another state
					if strings.HasSuffix(f.suffix, a.Code) {
						continue
					}
					want = sortCodes(want)
				}
				if got := mentionCodes(t, date, sentence, text); got != want {
					t.Errorf("%s: %q in %q: got %s, want %s", a.Code, text, sentence, got, want)
				}
			}
		}
	}
}

// bracketed returns a form's sentence without its brackets, and the text
// they enclose: the mention to code.
func bracketed(s string) (sentence, text string) {
	open, end := strings.Index(s, "["), strings.Index(s, "]")
	text = s[open+1 : end]
	return s[:open] + text + s[end+1:], text
}

// noAdjective are the states whose adjective the dictionary gives to
// another state, by design (docs/lexicon.md).
var noAdjective = map[string]string{
	"COG": "Congolese is the Democratic Republic of the Congo's",
	"DMA": "Dominican is the Dominican Republic's",
	"VAT": "the Holy See has no people of its own",
}

// invariablePeople are the demonyms that name a state's people unchanged
// in the plural ("thousands of Malagasy").
var invariablePeople = map[string]bool{
	"Batswana": true, "Basotho": true, "Malagasy": true, "Burkinabe": true, "Kyrgyz": true,
	"I-Kiribati": true, "Ni-Vanuatu": true,
}

// peopleNoun returns the state's plural noun for its people
// ("Algerians", "Danes"), or the demonym that is its own plural ("the
// Chinese", "the Swiss", "the Malagasy").
func peopleNoun(a *lexicon.Actor) string {
	demonyms := slices.DeleteFunc(slices.Clone(a.Adjectives), func(adj string) bool { return slices.Contains(a.Peoples, adj) })
	for _, adj := range demonyms {
		if strings.HasSuffix(adj, "s") && !strings.HasSuffix(adj, "ss") || invariablePeople[adj] {
			return adj
		}
	}
	for _, adj := range demonyms {
		for _, end := range []string{"ese", "ss", "ch", "sh"} {
			if strings.HasSuffix(adj, end) {
				return adj
			}
		}
	}
	return ""
}

// statePeopleForms are what news writes of a people that lives in one
// state ({P}, each plural form of countries.txt's people lines): named
// with no role it is the state's civilians, as PLOVER's records code
// peoples ("Iraqi Kurds" IRQ CVL), so that the state's forces acting on
// it are no state acting on itself; with a role it is the role.
var statePeopleForms = []struct{ sentence, suffix string }{
	{"Thousands of [{P}] protested on Monday.", "CVL"},
	{"The army attacked [{N}'s {P}] on Monday.", "CVL"},
	{"[{P} refugees] crossed the border.", "REF"},
	{"[{P} leaders] rejected the result.", "GOV"},
	{"[{P} Muslims] prayed on Monday.", "CVL"},
}

// TestStatePeoples codes statePeopleForms for every people of every
// state of the dictionary.
func TestStatePeoples(t *testing.T) {
	const date = "2015-06-01"
	n := 0
	for _, a := range states(t) {
		for _, p := range a.Peoples {
			if !strings.HasSuffix(p, "s") {
				continue // "Tibetan", "Sindhi": the adjective; its plural is listed too
			}
			n++
			for _, f := range statePeopleForms {
				s := strings.ReplaceAll(strings.ReplaceAll(f.sentence, "{P}", p), "{N}", a.Names[0])
				sentence, text := bracketed(s)
				if got := mentionCodes(t, date, sentence, text); got != a.Code+f.suffix {
					t.Errorf("%s: %q in %q: got %s, want %s", a.Code, text, sentence, got, a.Code+f.suffix)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("%d plural peoples in countries.txt, want at least 20", n)
	}
}

// TestPeopleNames codes every person of the dictionary, by each of their
// names, on a day inside each of their dated offices: the mention of the
// name must have the code the dictionary gives the person on that day.
func TestPeopleNames(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, g := range lex.Agents {
		for _, w := range g.Words {
			titles[strings.ToLower(w)] = true
		}
	}
	holders := map[string][]*lexicon.Actor{} // the people of each name
	for _, a := range lex.Actors {
		if a.Kind == lexicon.Person {
			for _, n := range a.Names {
				if k := strings.ToLower(n); !slices.Contains(holders[k], a) {
					holders[k] = append(holders[k], a)
				}
			}
		}
	}
	for _, a := range lex.Actors {
		if a.Kind != lexicon.Person {
			continue
		}
		for _, role := range a.Roles {
			date := cmp.Or(role.From, role.To, "2015-06-01")
			want, title := a.CodeAt(date)
			for _, n := range a.Names {
				want := want
				// A name people share names nobody on a day two of them
				// hold office ("Duterte" on the day of a handover).
				in := 0
				for _, h := range holders[strings.ToLower(n)] {
					if c, _ := h.CodeAt(date); c != "" && c != h.Code {
						in++
					}
				}
				if in > 1 {
					want = "-"
				}
				if got := mentionCodes(t, date, n+" said on Monday that the talks would resume.", n); got != want {
					t.Errorf("%s on %s: %q: got %s, want %s", a.Name, date, n, got, want)
				}
			}
			// The title of the office held that day, before the full name
			// (a name that holds the title, "King Gyanendra", may end the
			// mention before the full name does).
			if titles[title] {
				text := title + " " + a.Names[0]
				prefix := func(s string) bool {
					return s != "" && strings.HasPrefix(strings.ToLower(text), strings.ToLower(s)) && strings.Contains(s, " ")
				}
				if got := mentionCodesBy(t, date, "On Monday, "+text+" said the talks would resume.", prefix); got != want {
					t.Errorf("%s on %s: %q: got %s, want %s", a.Name, date, text, got, want)
				}
			}
		}
	}
}

// TestOrgNames codes every organisation and group of the dictionary by
// each of its names, as the subject of a sentence: the mention must have
// the code the dictionary gives it on the date.
func TestOrgNames(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	const date = "2015-06-01"
	for _, a := range lex.Actors {
		if a.Kind != lexicon.Org && a.Kind != lexicon.Group {
			continue
		}
		want, _ := a.CodeAt(date)
		want = cmp.Or(want, a.Code)
		for _, n := range a.Names {
			bare := func(s string) string { return strings.TrimPrefix(strings.TrimPrefix(s, "The "), "the ") }
			is := func(s string) bool { return strings.EqualFold(bare(s), bare(n)) }
			if got := mentionCodesBy(t, date, upperFirst(n)+" said on Monday that the talks would resume.", is); got != want {
				t.Errorf("%s: %q: got %s, want %s", a.Name, n, got, want)
			}
		}
	}
}

// upperFirst returns s with its first letter in capitals, as a sentence
// begins.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// TestAgentWords codes every word of every agent with a sector after a
// state's adjective: "Kenyan {word}" is Kenya's actor of that sector.
func TestAgentWords(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range lex.Agents {
		if g.Code == "" {
			continue
		}
		for _, w := range g.Words {
			text := "Kenyan " + w
			if got := mentionCodes(t, "2015-06-01", "On Monday, "+text+" met in Nairobi.", text); got != "KEN"+g.Code {
				t.Errorf("%s %q: %q: got %s, want %s", g.Code, g.Title, text, got, "KEN"+g.Code)
			}
		}
	}
}
