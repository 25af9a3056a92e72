package lexicon

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const ownSample = `# comment
country RUS Russia
  names: Russia; Russian Federation
  capital: Moscow
  adj: Russian; Russians; Russo-
  people: Chechen; Chechens
region WST the West
  names: the West; Western countries
  adj: Western
org IGOUNO United Nations
  names: United Nations; UN; U.N.
org RUSBUS Gazprom
person - Vladimir Putin
  names: Vladimir Putin; Putin; Vladimir Vladimirovich Putin
  role: RUSGOV | president | 2000-05-07 | 2008-05-07
  role: RUSGOV | prime minister | 2008-05-08 | 2012-05-07

group AFGREB Taliban
  names: Taliban; the Taliban
agent GOV president
  words: president; presidents
agent - analyst
  words: analyst; analysts; political analyst
`

func TestParseOwnFormat(t *testing.T) {
	lex, errs := Parse("sample.txt", strings.NewReader(ownSample))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	wantActors := []*Actor{
		{Name: "Russia", Kind: Country, Code: "RUS",
			Names:      []string{"Russia", "Russian Federation", "Moscow"},
			Capitals:   []string{"Moscow"},
			Adjectives: []string{"Russian", "Russians", "Russo-", "Chechen", "Chechens"},
			Peoples:    []string{"Chechen", "Chechens"}},
		{Name: "the West", Kind: Country, Code: "WST",
			Names: []string{"the West", "Western countries"}, Adjectives: []string{"Western"}},
		{Name: "United Nations", Kind: Org, Code: "IGOUNO", Names: []string{"United Nations", "UN", "U.N."}},
		// No names line: the canonical name is the only name.
		{Name: "Gazprom", Kind: Org, Code: "RUSBUS", Names: []string{"Gazprom"}},
		{Name: "Vladimir Putin", Kind: Person,
			Names: []string{"Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"},
			Roles: []Role{
				{Code: "RUSGOV", Title: "president", From: "2000-05-07", To: "2008-05-07"},
				{Code: "RUSGOV", Title: "prime minister", From: "2008-05-08", To: "2012-05-07"},
			}},
		{Name: "Taliban", Kind: Group, Code: "AFGREB", Names: []string{"Taliban", "the Taliban"}},
	}
	wantAgents := []*Agent{
		{Code: "GOV", Title: "president", Words: []string{"president", "presidents"}},
		{Code: "", Title: "analyst", Words: []string{"analyst", "analysts", "political analyst"}},
	}
	if !reflect.DeepEqual(lex.Actors, wantActors) {
		for i, a := range lex.Actors {
			t.Logf("actor %d: %+v", i, *a)
		}
		t.Errorf("actors differ from want")
	}
	if !reflect.DeepEqual(lex.Agents, wantAgents) {
		for i, a := range lex.Agents {
			t.Logf("agent %d: %+v", i, *a)
		}
		t.Errorf("agents differ from want")
	}
	putin := lex.Actors[4]
	for _, tc := range []struct{ date, code, title string }{
		{"2004-01-01", "RUSGOV", "president"},
		{"2010", "RUSGOV", "prime minister"},
		{"1990-01-01", "", ""},
	} {
		if code, title := putin.CodeAt(tc.date); code != tc.code || title != tc.title {
			t.Errorf("CodeAt(%s) = %q, %q; want %q, %q", tc.date, code, title, tc.code, tc.title)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		wantLine []int
		wantErr  []error
		actors   int // entries that survive
		agents   int
	}{
		{
			name:     "unknown key",
			input:    "country RUS Russia\n  names: Russia\n  anthem: Moscow\n",
			wantLine: []int{3}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
		{
			name:     "capital outside a country",
			input:    "org RUSBUS Gazprom\n  capital: Moscow\n",
			wantLine: []int{2}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
		{
			name:     "people outside a country",
			input:    "org RUSBUS Gazprom\n  people: Chechens\n",
			wantLine: []int{2}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
		{
			name:     "adj outside a country",
			input:    "org RUSBUS Gazprom\n  adj: Gazpromian\n",
			wantLine: []int{2}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
		{
			name:     "words in an actor block",
			input:    "org RUSBUS Gazprom\n  words: gas\n",
			wantLine: []int{2}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
		{
			name:     "missing code skips the block",
			input:    "country\n  names: Nowhere\ncountry CHN China\n",
			wantLine: []int{1}, wantErr: []error{ErrCode}, actors: 1,
		},
		{
			name:     "country with dash code",
			input:    "# x\n\ncountry - Atlantis\n  names: Atlantis\n",
			wantLine: []int{3}, wantErr: []error{ErrCode},
		},
		{
			name:     "lower-case code",
			input:    "org rusbus Gazprom\n",
			wantLine: []int{1}, wantErr: []error{ErrCode},
		},
		{
			name:     "missing canonical name",
			input:    "org RUSBUS\n",
			wantLine: []int{1}, wantErr: []error{ErrSyntax},
		},
		{
			name:     "unknown kind",
			input:    "company RUSBUS Gazprom\n  names: Gazprom\nagent MIL army\n",
			wantLine: []int{1}, wantErr: []error{ErrSyntax}, agents: 1,
		},
		{
			name:     "indented line before any block",
			input:    "  names: Russia\ncountry RUS Russia\n",
			wantLine: []int{1}, wantErr: []error{ErrSyntax}, actors: 1,
		},
		{
			name:     "line without colon",
			input:    "country RUS Russia\n  Russia; Moscow\n",
			wantLine: []int{2}, wantErr: []error{ErrSyntax}, actors: 1,
		},
		{
			name: "bad roles",
			input: "person - A B\n  names: A B\n  role: RUSGOV | president | 2000-13-01 |\n" +
				"  role: RUSGOV | president | 2008 | 2000\n  role: rusgov | x\n  role: A | b | c | d | e\n" +
				"  role: RUSGOV | president | 2000-05 |\n",
			wantLine: []int{3, 4, 5, 6},
			wantErr:  []error{ErrDate, ErrDate, ErrCode, ErrSyntax}, actors: 1,
		},
		{
			name:     "person with neither code nor role",
			input:    "person - Nobody\n  names: Nobody\n",
			wantLine: []int{1}, wantErr: []error{ErrCode},
		},
		{
			name:     "windows line endings and BOM",
			input:    "\ufeffcountry RUS Russia\r\n  names: Russia\r\n  nope: x\r\n",
			wantLine: []int{3}, wantErr: []error{ErrUnknownKey}, actors: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lex, errs := Parse("t.txt", strings.NewReader(tc.input))
			if len(errs) != len(tc.wantLine) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tc.wantLine))
			}
			for i, err := range errs {
				var le *LineError
				if !errors.As(err, &le) {
					t.Fatalf("error %v is not a *LineError", err)
				}
				if le.File != "t.txt" || le.Line != tc.wantLine[i] {
					t.Errorf("error %d at %s:%d, want t.txt:%d", i, le.File, le.Line, tc.wantLine[i])
				}
				if !errors.Is(err, tc.wantErr[i]) {
					t.Errorf("error %d = %v, want kind %v", i, err, tc.wantErr[i])
				}
				if !strings.HasPrefix(err.Error(), "t.txt:") {
					t.Errorf("error text %q lacks file:line prefix", err.Error())
				}
			}
			if len(lex.Actors) != tc.actors || len(lex.Agents) != tc.agents {
				t.Errorf("got %d actors, %d agents; want %d, %d", len(lex.Actors), len(lex.Agents), tc.actors, tc.agents)
			}
		})
	}
}

func TestLineErrorFormat(t *testing.T) {
	err := &LineError{File: "a.txt", Line: 7, Text: "x", Err: ErrSyntax}
	if got, want := err.Error(), "a.txt:7: malformed line"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// checkErrs asserts what every parser error must be: a *LineError with a
// positive line number.
func checkErrs(t *testing.T, errs []error) {
	t.Helper()
	for _, err := range errs {
		var le *LineError
		if !errors.As(err, &le) {
			t.Fatalf("error %v is not a *LineError", err)
		}
		if le.Line < 1 {
			t.Fatalf("error %v has line %d", err, le.Line)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(ownSample)
	f.Add("country RUS Russia\n  names: a;;b\n  role: X | | |\n")
	f.Add("person - X\n  role: RUSGOV|t|2000-01-01|1999\n\tadj:\n")
	f.Add("agent - x\n  words:\n")
	f.Fuzz(func(t *testing.T, in string) {
		lex, errs := Parse("fuzz.txt", strings.NewReader(in))
		checkErrs(t, errs)
		for _, a := range lex.Actors {
			if len(a.Names) == 0 {
				t.Fatalf("actor %q without names", a.Name)
			}
			if a.Code == "" && len(a.Roles) == 0 {
				t.Fatalf("actor %q without code or roles", a.Name)
			}
		}
		for _, a := range lex.Agents {
			if len(a.Words) == 0 {
				t.Fatalf("agent %q without words", a.Title)
			}
		}
	})
}
