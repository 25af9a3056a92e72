package export

import (
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// TestCSVWriterMatchesCSV: rows streamed one by one make the same table
// CSV writes at once, and no events make the header alone.
func TestCSVWriterMatchesCSV(t *testing.T) {
	evs := []doc.Event{
		{ID: "a", Doc: "d", Source: doc.Actor{Code: "RUS"}, Target: &doc.Actor{Code: "CHN"}, CAMEO: "042", Sentence: `He said "yes", then left.`},
		{ID: "b", Doc: "d", Source: doc.Actor{Code: "CHN"}, Quantities: []doc.Quantity{{Text: "$3 billion", Value: 3e9, Unit: "USD"}}},
	}
	for _, n := range []int{0, 1, 2} {
		var want, got bytes.Buffer
		if err := CSV(&want, evs[:n]); err != nil {
			t.Fatal(err)
		}
		w := NewCSV(&got)
		for _, e := range evs[:n] {
			if err := w.Write(e); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d events: streamed\n%s\nwant\n%s", n, got.String(), want.String())
		}
	}
}
