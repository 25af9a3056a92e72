package actors_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// TestHeadsAsiaPacific codes, with the default dictionaries, the heads of
// government of states across Asia, the Middle East, the Caucasus and
// Oceania as news names them, on 2005-01-01 and 2025-01-01, and a former
// head on a later date.
func TestHeadsAsiaPacific(t *testing.T) {
	r := resolver(t)
	tests := []struct{ name, date, want string }{
		{"Junichiro Koizumi", "2005-01-01", "JPNGOV"},
		{"Shigeru Ishiba", "2025-01-01", "JPNGOV"},
		{"Yu Shyi-kun", "2005-01-01", "TWNGOV"},
		{"Cho Jung-tai", "2025-01-01", "TWNGOV"},
		{"Abdullah Badawi", "2005-01-01", "MYSGOV"},
		{"Anwar Ibrahim", "2025-01-01", "MYSGOV"},
		{"Thaksin", "2005-01-01", "THAGOV"},
		{"Paetongtarn Shinawatra", "2025-01-01", "THAGOV"},
		{"Hun Sen", "2005-01-01", "KHMGOV"},
		{"Hun Manet", "2025-01-01", "KHMGOV"},
		{"Lee Hsien Loong", "2005-01-01", "SGPGOV"},
		{"Lawrence Wong", "2025-01-01", "SGPGOV"},
		{"Harini Amarasuriya", "2025-01-01", "LKAGOV"},
		{"Zurab Zhvania", "2005-01-01", "GEOGOV"},
		{"Andranik Margaryan", "2005-01-01", "ARMGOV"},
		{"Artur Rasizade", "2005-01-01", "AZEGOV"},
		{"Ali Asadov", "2025-01-01", "AZEGOV"},
		{"Faisal al-Fayez", "2005-01-01", "JORGOV"},
		{"Jafar Hassan", "2025-01-01", "JORGOV"},
		{"Omar Karami", "2005-01-01", "LBNGOV"},
		{"Mikati", "2025-01-01", "LBNGOV"},
		{"Muhammad Naji al-Otari", "2005-01-01", "SYRGOV"},
		{"Mohammed al-Bashir", "2025-01-01", "SYRGOV"},
		{"Ahmed Qurei", "2005-01-01", "PSEGOV"},
		{"Mohammad Mustafa", "2025-01-01", "PSEGOV"},
		{"Abdul Qadir Bajamal", "2005-01-01", "YEMGOV"},
		{"Ahmed Awad bin Mubarak", "2025-01-01", "YEMGOV"},
		{"Khalifa bin Salman", "2005-01-01", "BHRGOV"},
		{"Salman bin Hamad", "2025-01-01", "BHRGOV"},
		{"Helen Clark", "2005-01-01", "NZLGOV"},
		{"Christopher Luxon", "2025-01-01", "NZLGOV"},
		{"Michael Somare", "2005-01-01", "PNGGOV"},
		{"James Marape", "2025-01-01", "PNGGOV"},
		{"Laisenia Qarase", "2005-01-01", "FJIGOV"},
		{"Sitiveni Rabuka", "2025-01-01", "FJIGOV"},
		{"Allan Kemakeza", "2005-01-01", "SLBGOV"},
		{"Jeremiah Manele", "2025-01-01", "SLBGOV"},
		{"Tuilaepa Sailele Malielegaoi", "2005-01-01", "WSMGOV"},
		{"Fiame Naomi Mata'afa", "2025-01-01", "WSMGOV"},
		// Out of office: a former holder keeps the state, with ELI.
		{"Najib Razak", "2019-06-01", "MYSELI"},
		{"Thaksin Shinawatra", "2010-06-01", "THAELI"},
	}
	for _, tt := range tests {
		s := tt.name + " spoke on Monday."
		got := named(r.Sentence(s, nlp.Tokenize(s), tt.date))
		if want := tt.name + "=" + tt.want; !slices.Equal(got, []string{want}) {
			t.Errorf("%s on %s: got %q, want %q", tt.name, tt.date, got, want)
		}
	}
}

// TestSharedSurnameInDocument checks that a surname two listed people
// share, and which the dictionaries therefore list only in full, codes the
// person the document named in full.
func TestSharedSurnameInDocument(t *testing.T) {
	r := resolver(t)
	tests := []struct{ first, later, name, date, want string }{
		{"Vice President Sara Duterte spoke on Monday.", "Duterte said she would stay.", "Duterte", "2024-06-01", "PHLGOV"},
		{"Rodrigo Duterte spoke on Monday.", "Duterte said he would stay.", "Duterte", "2018-06-01", "PHLGOV"},
		{"Defence Minister Shinjiro Koizumi spoke on Monday.", "Koizumi said he would stay.", "Koizumi", "2025-11-01", "JPNGOVMIL"},
		{"Foreign Minister Riyad al-Maliki spoke on Monday.", "Al-Maliki said he would stay.", "Maliki", "2015-06-01", "PSEGOV"},
		{"Prime Minister Nouri al-Maliki spoke on Monday.", "The plan, said al-Maliki, was good.", "Maliki", "2010-06-01", "IRQGOV"},
	}
	for _, tt := range tests {
		d := &doc.Document{Published: tt.date, Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
		for i, s := range []string{tt.first, tt.later} {
			d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
		}
		ms := r.Document(d)
		var got []string
		for _, m := range ms[1] {
			if m.Text == tt.name {
				for _, a := range m.Actors {
					got = append(got, a.Code)
				}
			}
		}
		if !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q after %q: got %q, want %s", tt.later, tt.first, got, tt.want)
		}
	}
}

// TestSharedSurnameInOffice checks that a surname two listed people share
// names the one who holds a listed office on the document's date, nobody
// when neither or both do, and the person the document named in full
// before it whoever is in office.
func TestSharedSurnameInOffice(t *testing.T) {
	r := resolver(t)
	tests := []struct{ first, later, date, want string }{
		{"", "President Duterte left for Beijing.", "2016-10-18", "Rodrigo Duterte PHLGOV"},
		{"", "Duterte said he would visit Japan.", "2016-10-25", "Rodrigo Duterte PHLGOV"},
		{"", "Duterte said she would stay.", "2024-06-01", "Sara Duterte PHLGOV"},
		{"", "Duterte said he would stay.", "2010-06-01", ""},                                                          // neither in office
		{"", "Duterte said he would stay.", "2022-06-30", ""},                                                          // the day of the handover
		{"Rodrigo Duterte was arrested on Tuesday.", "Duterte said he was innocent.", "2025-03-12", "Rodrigo Duterte"}, // named in full first
	}
	for _, tt := range tests {
		d := &doc.Document{Published: tt.date, Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
		for _, s := range []string{tt.first, tt.later} {
			if s != "" {
				d.Sentences = append(d.Sentences, doc.Sentence{Index: len(d.Sentences), Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
			}
		}
		ms := r.Document(d)
		got := ""
		for _, m := range ms[len(ms)-1] {
			if strings.Contains(m.Text, "Duterte") {
				for _, a := range m.Actors {
					got = strings.TrimSpace(a.Name + " " + a.Code)
				}
			}
		}
		if !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
			t.Errorf("%q on %s after %q: got %q, want %q", tt.later, tt.date, tt.first, got, tt.want)
		}
	}
}
