package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestWireDateline: the datelines news agencies put before the first
// sentence give the document its date (issue 10, item 3).
func TestWireDateline(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"place and date before a dash", "Talks In Washington\n\nWASHINGTON, March 3, 2020 — The United States and China agreed on Tuesday to resume talks.\n", "2020-03-03"},
		{"place, country and date", "Pakistan hands pilot back\n\nWAGAH, Pakistan, March 1, 2019 — Pakistan returned the captured pilot to India on Friday.\n", "2019-03-01"},
		{"abbreviated month", "BEIJING, Feb. 4, 2022 — Russian President Vladimir Putin met Xi Jinping in Beijing on Friday.\n", "2022-02-04"},
		{"place and date on a line of their own", "BEIJING, May 8, 2015\n\nChina and Russia signed a joint statement on Friday about the Silk Road.\n", "2015-05-08"},
		{"agency dateline without a year takes the year the text names", "March 3 (Reuters) - The United States said on Tuesday it would resume talks with China, which broke off in 2019, before the end of 2020. Officials expect a deal in 2020.\n", "2020-03-03"},
		{"place, date and agency", "WASHINGTON, March 3 (Reuters) - The United States said on Tuesday it would resume talks in 2020.\n", "2020-03-03"},
		{"agency alone: the date line above", "Talks Resume\n\nMarch 3, 2020\n\n(AP) — The United States and China agreed on Tuesday to resume talks.\n", "2020-03-03"},
		{"place and agency: the date line below the title", "Talks Resume\n\nPublished: March 3, 2020\n\nLONDON (Reuters) — Britain expelled 23 Russian diplomats on Wednesday.\n", "2020-03-03"},
		{"agency alone gives no date", "(AP) — The United States and China agreed on Tuesday to resume talks.\n", ""},
		{"a capitalised word and a dash is no dateline", "NATO — the alliance — met in Brussels on March 3, 2020 to discuss Russia.\n", ""},
		{"a date in running text is no dateline", "The leaders met on March 3, 2020 — a Tuesday — in Beijing.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Dateline(tt.raw)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Dateline(%q) = %q, %v; want %q", tt.raw, got, ok, tt.want)
			}
		})
	}
}

// TestWireDatelineEnd: WireDateline says where the dateline ends, so the
// sentence splitter can set it apart.
func TestWireDatelineEnd(t *testing.T) {
	tests := []struct{ s, want string }{
		{"WASHINGTON, March 3, 2020 — The United States agreed.", "WASHINGTON, March 3, 2020 — "},
		{"WAGAH, Pakistan, March 1, 2019 — Pakistan returned the pilot.", "WAGAH, Pakistan, March 1, 2019 — "},
		{"March 3 (Reuters) - The United States said.", "March 3 (Reuters) - "},
		{"(AP) — The United States said.", "(AP) — "},
		{"LONDON (Reuters) — Britain expelled diplomats.", "LONDON (Reuters) — "},
		{"PARIS, May 17, 2014 — Nigeria and its neighbours agreed.", "PARIS, May 17, 2014 — "},
		{"NATO — the alliance — met.", ""},
		{"The leaders met.", ""},
	}
	for _, tt := range tests {
		end, ok := WireDateline(tt.s)
		if got := tt.s[:end]; got != tt.want || ok != (tt.want != "") {
			t.Errorf("WireDateline(%q) ends at %q, %v; want %q", tt.s, got, ok, tt.want)
		}
	}
}

// TestWireCorpusDatelines: every article of the wire set (written for
// scoring, never for this finder) is dated by its dateline as its
// manifest dates it.
func TestWireCorpusDatelines(t *testing.T) {
	dir := sharedtest.Path(t, "corpus", "wire")
	mf, err := os.ReadFile(filepath.Join(dir, "manifest.jsonl"))
	if err != nil {
		t.Skipf("no wire manifest in ../shared/corpus/wire: %v", err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(mf)), "\n") {
		var row struct{ Path, Published string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, row.Path))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := Dateline(string(raw)); got != row.Published {
			t.Errorf("%s: dateline gives %q, manifest %q", row.Path, got, row.Published)
		}
		n++
	}
	if n < 30 {
		t.Errorf("%d wire articles checked, want 30", n)
	}
}
