package eval

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

func TestPLOVER05(t *testing.T) {
	for cameo, want := range map[string]string{
		"010": "", "020": "DEMAND", "1011": "DEMAND", "030": "AGREE", "036": "AGREE", "042": "CONSULT",
		"051": "SUPPORT", "057": "SUPPORT", "061": "COOPERATE", "071": "AID", "081": "CONCEDE",
		"0813": "CONCEDE", "0831": "RETREAT", "0842": "RETREAT", "0871": "RETREAT", "090": "INVESTIGATE",
		"112": "DISAPPROVE", "125": "REJECT", "130": "THREATEN", "141": "PROTEST", "154": "MOBILIZE",
		"163": "SANCTION", "173": "COERCE", "181": "COERCE", "184": "COERCE", "186": "ASSAULT", "195": "FIGHT",
		"203": "FIGHT", "204": "ASSAULT",
	} {
		if got := PLOVER05(cameo); got != want {
			t.Errorf("PLOVER05(%q) = %q, want %q", cameo, got, want)
		}
	}
}

func TestScorePLOVER(t *testing.T) {
	recs := []PLOVERRecord{
		{ID: "a", Event: "CONSULT", Source: PLOVERActors{{Code: "RUS"}}},
		{ID: "b", Event: "CONSULT", Source: PLOVERActors{{Code: "USA"}}},
		{ID: "c", Event: "REJECT", Source: PLOVERActors{{Code: "IGOUNO"}}},
		{ID: "d", Event: "FIGHT", Source: PLOVERActors{{Code: "ISR"}}},
		{ID: "e", Event: "SANCTION", Source: PLOVERActors{{Code: "JAP"}}},
	}
	events := [][]doc.Event{
		{{CAMEO: "042", Source: doc.Actor{Code: "RUSGOV", Country: "RUS"}}},                 // found
		{{CAMEO: "042", Source: doc.Actor{Code: "CAN", Country: "CAN"}}},                    // wrong source
		{{CAMEO: "125", Source: doc.Actor{Code: "IGOUNO"}}},                                 // found by code
		{{CAMEO: "183", Source: doc.Actor{Code: "ISRMIL", Country: "ISR"}}, {CAMEO: "010"}}, // wrong type
		{{CAMEO: "162", Source: doc.Actor{Code: "JPN", Country: "JPN"}}},                    // found: JAP is JPN
	}
	rep := ScorePLOVER(recs, events)
	if rep.Overall.Hits != 3 || rep.Overall.Total != 5 || rep.Overall.Share() != 0.6 {
		t.Errorf("overall %+v, want 3 of 5", rep.Overall)
	}
	byType := map[string]PLOVERScore{}
	for _, s := range rep.Types {
		byType[s.Type] = s
	}
	if s := byType["CONSULT"]; s.Hits != 1 || s.Total != 2 {
		t.Errorf("CONSULT %+v, want 1 of 2", s)
	}
	if len(rep.Misses) != 2 || rep.Misses[0].ID != "b" || rep.Misses[1].ID != "d" {
		t.Errorf("misses %+v, want b and d", rep.Misses)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil || !strings.Contains(b.String(), "overall      3      5        0.600") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestLoadPLOVER(t *testing.T) {
	path := sharedtest.Path(t, "data", "peers", "PLOVER", "PLOVER_GSR_CAMEO.txt")
	recs, err := LoadPLOVER(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 322 {
		t.Errorf("%d records, want 322 (the DOCUMENT record left out)", len(recs))
	}
	for _, r := range recs {
		if r.Text == "" || r.Event == "" {
			t.Errorf("record %s without text or type", r.ID)
		}
	}
}
