package coder_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestSeedAmounts is acceptance 2 of issue 11: on the seeds, the 000
// agreement carries 3.5e9 USD, the 001 fund memorandum the range 2e9–4e9
// USD, and the 004 currency swap 150e9 CNY and 815e9 RUB, each worth the
// 24e9 USD the text states, which is no amount of its own.
func TestSeedAmounts(t *testing.T) {
	events := codeWire(t, sharedtest.Path(t, "corpus", "seeds"), nil)
	tests := []struct {
		doc, words, root string // the event: its document, words of its sentence, its root
		want             []doc.Quantity
	}{
		{"000_eecfe78c2f3309df.txt", "two way trade and infrastructure agreement", "05", []doc.Quantity{
			{Text: "US $3.5 billion", Value: 3.5e9, Unit: "USD", USD: 3.5e9, USDFrom: doc.USDFromUnit}}},
		{"001_7cf3c6871154cef4.txt", "signed a memorandum launching", "05", []doc.Quantity{
			{Text: "$2 to $4 billion USD", Value: 2e9, Max: 4e9, Unit: "USD", USD: 2e9, USDMax: 4e9, USDFrom: doc.USDFromUnit}}},
		{"004_aeeb191dff6282f3.txt", "currency swap", "05", []doc.Quantity{
			{Text: "150 billion yuan", Value: 150e9, Unit: "CNY", USD: 24e9, USDFrom: doc.USDFromText},
			{Text: "815\u00a0billion rubles", Value: 815e9, Unit: "RUB", USD: 24e9, USDFrom: doc.USDFromText}}},
	}
	for _, tt := range tests {
		found := false
		for _, e := range events {
			if e.Doc != tt.doc || e.Root != tt.root || !strings.Contains(e.Sentence, tt.words) {
				continue
			}
			found = true
			if !slices.Equal(e.Quantities, tt.want) {
				t.Errorf("%s %q (%s %s):\n got %+v\nwant %+v", tt.doc, tt.words, e.CAMEO, e.Trigger, e.Quantities, tt.want)
			}
		}
		if !found {
			t.Errorf("%s: no event of root %s in the sentence with %q", tt.doc, tt.root, tt.words)
		}
	}
}

// The PLOVER gold-standard records that carry counts (dead, injured,
// size): how many dyad must code with the record's count on one of their
// events, and how many it may give a different count. Measured: 9 of the
// 37 records (16 have an event at all), none wrong.
const (
	ploverCountsFloor = 9
	ploverCountsWrong = 0
)

// TestPLOVERMagnitudes codes the PLOVER records that carry counts and
// checks the counts dyad attaches against them: a record's dead and
// injured against dyad's, its size against a size, the arrested or the
// displaced (PLOVER counts those as the size of the group acted on).
func TestPLOVERMagnitudes(t *testing.T) {
	path := sharedtest.Path(t, "data", "peers", "PLOVER", "PLOVER_GSR_CAMEO.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		ID, Date, Text      string
		Dead, Injured, Size string
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	kinds := map[string][]string{
		doc.Dead: {doc.Dead}, doc.Injured: {doc.Injured}, doc.Size: {doc.Size, doc.Arrested, doc.Displaced},
	}
	p := newPipeline(t, nil)
	counted, coded, right, wrong := 0, 0, 0, 0
	for _, r := range recs {
		want := map[string]string{doc.Dead: r.Dead, doc.Injured: r.Injured, doc.Size: r.Size}
		if r.Dead == "" && r.Injured == "" && r.Size == "" {
			continue
		}
		counted++
		d := &doc.Document{ID: r.ID, Format: "text", Body: r.Text, Published: r.Date, DateFrom: "manifest"}
		evs, err := p.Process(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if len(evs) == 0 {
			continue
		}
		coded++
		found, bad := false, false
		for _, e := range evs {
			for _, m := range e.Magnitudes {
				for field, w := range want {
					if w == "" || !slices.Contains(kinds[field], m.Kind) {
						continue
					}
					if same(w, m) {
						found = true
					} else {
						bad = true
						t.Logf("%s: %s %q, PLOVER says %s %s: %s", r.ID, m.Kind, m.Text, field, w, r.Text)
					}
				}
			}
		}
		switch {
		case found:
			right++
		case bad:
			wrong++
		}
	}
	t.Logf("PLOVER records with counts: %d; with an event: %d; count right: %d; wrong: %d", counted, coded, right, wrong)
	if right < ploverCountsFloor || wrong > ploverCountsWrong {
		t.Errorf("counts right on %d records (want at least %d), wrong on %d (want at most %d)", right, ploverCountsFloor, wrong, ploverCountsWrong)
	}
}

// same says whether a PLOVER count ("156", "Thousands") is the
// magnitude's.
func same(plover string, m doc.Magnitude) bool {
	if n, err := strconv.Atoi(plover); err == nil {
		return n == m.Value
	}
	return strings.EqualFold(plover, m.Text)
}

// TestWireMagnitudes codes the wire set and checks the counts of people
// its events carry against testdata/wire_magnitudes.tsv, checked by hand:
// every count listed is found, and no other.
func TestWireMagnitudes(t *testing.T) {
	events := codeWire(t, sharedtest.Path(t, "corpus", "wire"), nil)
	data, err := os.ReadFile(filepath.Join("testdata", "wire_magnitudes.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(strings.Split(line, "\t")) != 6 {
			t.Fatalf("wire_magnitudes.tsv: %q: want doc, root, kind, value, bound, text", line)
		}
		want[line] = true
	}
	got := map[string]bool{}
	for _, e := range events {
		for _, m := range e.Magnitudes {
			got[strings.Join([]string{e.Doc, e.Root, m.Kind, strconv.Itoa(m.Value), m.Bound, m.Text}, "\t")] = true
		}
	}
	for row := range want {
		if !got[row] {
			t.Errorf("lost: %q", row)
		}
	}
	for row := range got {
		if !want[row] {
			t.Errorf("not checked: %q", row)
		}
	}
	t.Logf("wire: %d counts of people on events, as checked", len(got))
}
