package coder_test

import (
	"slices"
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
