package actors_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/nlp"
)

// TestOrgFamilies checks a handful of entries of each organisation file
// (orgs-igo, orgs-armed, orgs-firms, orgs-parties) as the resolver codes
// them in a sentence, and that the forms left out on purpose code nothing.
func TestOrgFamilies(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		family, text, date string
		want               []string // "text=CODES" of the named mentions
	}{
		// UN bodies, courts, missions and regional organisations.
		{"igo", "OCHA and UNRWA appealed for aid.", "2024", []string{"OCHA and UNRWA=IGOUNO+IGOUNOREF"}},
		{"igo", "MONUSCO peacekeepers withdrew.", "2024", []string{"MONUSCO peacekeepers=IGOUNO"}},
		{"igo", "The UN Population Fund and the ICAO met.", "2020", []string{"The UN Population Fund and the ICAO=IGOUNOHLH+IGOUNOBUS"}},
		{"igo", "IGAD and ECOWAS envoys arrived.", "2023", []string{"IGAD and ECOWAS envoys=IGOEAFDEVIAD+IGOWAFWAS"}},
		{"igo", "CELAC criticised the EEAS.", "2023", []string{"CELAC=IGOLAM", "the EEAS=IGOEUREEC"}},
		{"igo", "AMISOM troops left Mogadishu.", "2021", []string{"AMISOM troops=IGOAFRAFU", "Mogadishu=SOM"}},
		{"igo", "The OPCW inspected the site.", "2018", []string{"The OPCW=IGO"}},
		// Armed groups by state and type.
		{"armed", "The Houthis fired a missile.", "2024", []string{"The Houthis=YEMREB"}},
		{"armed", "ISWAP fighters attacked a base.", "2021", []string{"ISWAP fighters=NGAINS"}},
		{"armed", "Islamic State claimed the attack.", "2016", []string{"Islamic State=IMGMUS"}},
		{"armed", "AQAP and JNIM issued statements.", "2019", []string{"AQAP and JNIM=YEMINS+MLIINS"}},
		{"armed", "The Rapid Support Forces took El Fasher.", "2025", []string{"The Rapid Support Forces=SDNREB"}},
		{"armed", "The Rapid Support Forces took El Fasher.", "2019-06", []string{"The Rapid Support Forces=SDNMIL"}},
		{"armed", "The Taliban seized Kunduz.", "2015", []string{"The Taliban=AFGREB"}},
		{"armed", "The Taliban closed schools.", "2022", []string{"The Taliban=AFGGOV"}},
		{"armed", "HTS fighters entered Aleppo.", "2024-11-30", []string{"HTS fighters=SYRREB"}},
		{"armed", "The Wagner Group recruited prisoners.", "2022", []string{"The Wagner Group=RUSUAF"}},
		{"armed", "The TTP and the Arakan Army grew.", "2024", []string{"The TTP and the Arakan Army=PAKREB+MMRREB"}},
		{"armed", "ADF rebels killed villagers.", "2023", []string{"ADF rebels=UGAREB"}},
		{"armed", "The ADF deployed to Darwin.", "2023", nil},
		{"armed", "We need the ETA for Argentina.", "2019", []string{"Argentina=ARG"}},
		{"armed", "ETA separatists declared a ceasefire.", "2010", []string{"ETA separatists=ESPREB"}},
		// Firms by headquarters.
		{"firms", "Sonatrach signed with Petronas.", "2022", []string{"Sonatrach=DZABUS", "Petronas=MYSBUS"}},
		{"firms", "TSMC and ASML agreed.", "2023", []string{"TSMC and ASML=TWNBUS+NLDBUS"}},
		{"firms", "Washington sanctioned Hikvision.", "2019", []string{"Washington=USA", "Hikvision=CHNBUS"}},
		{"firms", "An apple a day, said the Amazon guide.", "2019", nil},
		// Parties, by whether they governed on the date.
		{"parties", "The BJP won the vote.", "2019", []string{"The BJP=INDGOVPTY"}},
		{"parties", "The BJP won the vote.", "2009", []string{"The BJP=INDOPPPTY"}},
		{"parties", "PTI supporters marched.", "2020", []string{"PTI supporters=PAKGOVPTY"}},
		{"parties", "PTI supporters marched.", "2023", []string{"PTI supporters=PAKOPPPTY"}},
		{"parties", "The ANC lost its majority.", "2024", []string{"The ANC=ZAFGOVPTY"}},
		{"parties", "The Rwandan Patriotic Front advanced.", "1993", []string{"The Rwandan Patriotic Front=RWAREB"}},
		{"parties", "Labour and Conservatives debated.", "2020", nil},
		{"parties", "the Likud-Kadima talks", "2008", []string{"the Likud-Kadima=ISROPPPTY+ISRGOVPTY"}},
	}
	for _, tt := range tests {
		got := named(r.Sentence(tt.text, nlp.Tokenize(tt.text), tt.date))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q on %s\n got %q\nwant %q", tt.family, tt.text, tt.date, got, tt.want)
		}
	}
}

// TestPartyAt checks that a party mention found on one date codes itself
// on the event's date, as a person's does: in government or opposition.
func TestPartyAt(t *testing.T) {
	r := resolver(t)
	text := "Fidesz won again, Budapest said."
	var party actors.Mention
	for _, m := range r.Sentence(text, nlp.Tokenize(text), "2024-05-01") {
		if m.Text == "Fidesz" {
			party = m
		}
	}
	if len(party.Actors) != 1 {
		t.Fatalf("no Fidesz mention in %q", text)
	}
	for date, want := range map[string]string{
		"2024-05-01": "HUNGOVPTY", "2005": "HUNOPPPTY", "2000-01": "HUNGOVPTY", "2010-05-28": "HUNOPPPTY",
	} {
		if got := party.At(date).Actors[0].Code; got != want {
			t.Errorf("Fidesz at %s = %s, want %s", date, got, want)
		}
	}
}
