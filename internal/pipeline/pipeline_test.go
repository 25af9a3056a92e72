package pipeline

import (
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

func TestPrepare(t *testing.T) {
	d := &doc.Document{Body: "Putin Visits Beijing\n\nJune 7, 2012\n\nRussian President Vladimir Putin arrived in Beijing on June 5. He met Hu Jintao.\n"}
	Prepare(d)
	if d.Published != "2012-06-07" || d.DateFrom != "dateline" {
		t.Errorf("published %q from %q, want 2012-06-07 from the dateline", d.Published, d.DateFrom)
	}
	var codable []string
	for _, s := range d.Sentences {
		if d.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: span [%d,%d) is not its text %q", s.Index, s.Start, s.End, s.Text)
		}
		if s.Codable {
			codable = append(codable, s.Text)
		}
	}
	want := []string{"Russian President Vladimir Putin arrived in Beijing on June 5.", "He met Hu Jintao."}
	if len(codable) != len(want) || codable[0] != want[0] || codable[1] != want[1] {
		t.Errorf("codable sentences %q, want %q (headline and dateline not codable)", codable, want)
	}
}

func TestPrepareKeepsManifestDate(t *testing.T) {
	d := &doc.Document{Body: "June 7, 2012\n\nChina and Russia signed an agreement.\n", Published: "2012-06", DateFrom: "manifest"}
	Prepare(d)
	if d.Published != "2012-06" || d.DateFrom != "manifest" {
		t.Errorf("published %q from %q, want the manifest's 2012-06", d.Published, d.DateFrom)
	}
}
