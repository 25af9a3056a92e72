package actors_test

import (
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
)

// TestHeadsOfGovernment codes, for ten states across the continents, the
// head of government in office on 2025-01-01 and one in office in 2005,
// each named in a sentence as news names them, on that date, through the
// embedded dictionaries. A head who is missing, coded to the wrong state
// or sector, or whose dated office does not cover the date fails.
func TestHeadsOfGovernment(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		state, date, sentence, name, want string
	}{
		// Africa
		{"Nigeria", "2025-01-01", "President Bola Tinubu said the new tax laws would take effect this year.", "Bola Tinubu", "NGAGOV"},
		{"Nigeria", "2005-06-15", "President Olusegun Obasanjo told parliament that the debt deal was a turning point.", "Olusegun Obasanjo", "NGAGOV"},
		{"Kenya", "2025-01-01", "Kenya's President William Ruto promised to end abductions of government critics.", "William Ruto", "KENGOV"},
		{"Kenya", "2005-11-23", "President Mwai Kibaki dismissed his cabinet after losing the referendum.", "Mwai Kibaki", "KENGOV"},
		// The Americas
		{"Brazil", "2025-01-01", "President Luiz Inacio Lula da Silva promised to cut spending.", "Luiz Inacio Lula da Silva", "BRAGOV"},
		{"Brazil", "2005-08-12", "Lula apologised on television for the vote-buying scandal.", "Lula", "BRAGOV"},
		{"Mexico", "2025-01-01", "President Claudia Sheinbaum said Mexico would not accept deportees from other countries.", "Claudia Sheinbaum", "MEXGOV"},
		{"Mexico", "2005-05-14", "President Vicente Fox met Cuban officials in Mexico City.", "Vicente Fox", "MEXGOV"},
		// Europe
		{"Germany", "2025-01-01", "Chancellor Olaf Scholz called for unity in his New Year address.", "Olaf Scholz", "DEUGOV"},
		{"Germany", "2005-07-01", "Chancellor Gerhard Schroder lost a confidence vote in the Bundestag.", "Gerhard Schroder", "DEUGOV"},
		{"Poland", "2025-01-01", "Prime Minister Donald Tusk said Poland would spend more on defence.", "Donald Tusk", "POLGOV"},
		{"Poland", "2005-03-01", "Polish Prime Minister Marek Belka said his government would stay until the election.", "Marek Belka", "POLGOV"},
		// Asia
		{"Japan", "2025-01-01", "Prime Minister Shigeru Ishiba said Japan would raise wages.", "Shigeru Ishiba", "JPNGOV"},
		{"Japan", "2005-09-12", "Prime Minister Junichiro Koizumi won a landslide in the general election.", "Junichiro Koizumi", "JPNGOV"},
		{"India", "2025-01-01", "Prime Minister Narendra Modi greeted the nation on New Year's Day.", "Narendra Modi", "INDGOV"},
		{"India", "2005-07-18", "Prime Minister Manmohan Singh met President George W. Bush in Washington.", "Manmohan Singh", "INDGOV"},
		// Oceania and the East Indies
		{"Australia", "2025-01-01", "Prime Minister Anthony Albanese said Australia would hold an election by May.", "Anthony Albanese", "AUSGOV"},
		{"Australia", "2005-10-01", "Prime Minister John Howard defended the new anti-terrorism laws.", "John Howard", "AUSGOV"},
		{"Indonesia", "2025-01-01", "President Prabowo Subianto launched the free school meals programme.", "Prabowo Subianto", "IDNGOV"},
		{"Indonesia", "2005-08-15", "President Susilo Bambang Yudhoyono welcomed the peace deal with Aceh's rebels.", "Susilo Bambang Yudhoyono", "IDNGOV"},
	}
	for _, tt := range tests {
		start, end, ok := span(tt.sentence, tt.name)
		if !ok {
			t.Fatalf("%s %s: %q not in %q", tt.state, tt.date, tt.name, tt.sentence)
		}
		got := coded(r.Sentence(tt.sentence, nlp.Tokenize(tt.sentence), tt.date), start, end)
		if got != tt.want {
			t.Errorf("%s %s: %q coded %s, want %s", tt.state, tt.date, tt.name, got, tt.want)
		}
	}
}
