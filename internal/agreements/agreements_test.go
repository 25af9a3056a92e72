package agreements

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// TestStepOfClause reads the step of one sentence: negation and modality
// win over the event the coder read, a contrast starts a clause of its
// own, and a clause without an agreement's name is no step.
func TestStepOfClause(t *testing.T) {
	for _, c := range []struct {
		sentence string
		code     string // the CAMEO code of an event read from the sentence, if any
		trigger  string
		want     string // "kind: status", or "" for no agreement
	}{
		{"Even though energy was a high priority the deal could not be signed due to pricing problems.", "", "", "gas supply deal: stalled"},
		{"A long-term gas deal has yet to be finalized.", "057", "deal has yet to be finalized", "gas supply deal: negotiating"},
		{"Gazprom and CNPC signed a 30-year gas supply contract.", "057", "signed", "gas supply deal: signed"},
		{"The deals included a 40-year gas supply agreement between Gazprom and CNPC.", "", "", "gas supply deal: signed"},
		{"The two sides abandoned the gas pipeline project deal.", "", "", "gas supply deal: abandoned"},
		{"Russia and China appear to be closing on a major arms deal.", "036", "closing on", "arms sale: negotiating"},
		{"The central banks signed an arrangement for a currency swap worth 150 billion yuan.", "057", "signed", "currency swap: signed"},
		{"They set a goal to increase bilateral trade to $100 billion in 2015.", "031", "increase bilateral trade", "trade target: proposed"},
		{"A trade and infrastructure agreement was signed although the countries had hoped to sign more.", "057", "agreement was signed", "trade and infrastructure agreements: signed"},
		{"Energy was a high priority on their agenda.", "", "", ""},
		{"The two leaders signed seventeen documents.", "057", "signed", ""},
	} {
		var evs []doc.Event
		if c.code != "" {
			evs = []doc.Event{{ID: "e1", Doc: "d", DocDate: "2012-06", Sentence: c.sentence, CAMEO: c.code, Trigger: c.trigger, Date: "2012-06"}}
		}
		var got []string
		for _, a := range Default().Track(evs, []Sentence{{Doc: "d", DocDate: "2012-06", Text: c.sentence}}) {
			got = append(got, a.Kind+": "+a.Status)
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: got %q, want %q", c.sentence, got, c.want)
		}
	}
}

// TestHistory follows one agreement across documents: steps in date
// order, one status per document and date, repeats merged, a signing
// dated by the year a later report names, plans after it dropped.
func TestHistory(t *testing.T) {
	sentences := []Sentence{
		{Doc: "a", DocDate: "2011-10-17", Index: 1, Text: "They discussed the stalled negotiations on a gas supply mega-deal."},
		{Doc: "b", DocDate: "2012-06", Index: 4, Text: "The gas deal could not be signed due to pricing problems."},
		{Doc: "c", DocDate: "2014-04", Index: 2, Text: "A long-term gas deal has yet to be finalized."},
		{Doc: "c", DocDate: "2014-04", Index: 9, Text: "There is an impasse over the gas supply agreement; the gas deal is not yet final."},
		{Doc: "c", DocDate: "2014-04", Index: 12, Text: "Both sides want to finalize the gas supply agreement."},
		{Doc: "d", DocDate: "2017-05-10", Index: 30, Text: "The deals of the 2014 partnership included a 40-year gas supply agreement."},
		{Doc: "d", DocDate: "2017-05-10", Index: 31, Text: "The gas supply deal includes plans to build a pipeline."},
	}
	as := Default().Track(nil, sentences)
	if len(as) != 1 {
		t.Fatalf("got %d agreements, want the gas supply deal: %+v", len(as), as)
	}
	var got []string
	for _, s := range as[0].Steps {
		var docs []string
		for _, e := range s.Evidence {
			docs = append(docs, e.Doc)
		}
		got = append(got, s.Status+" "+s.Date+" "+s.Until+" "+strings.Join(docs, ","))
	}
	want := []string{"stalled 2011-10-17 2012-06 a,b", "negotiating 2014-04  c,c,c", "signed 2014  d"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("history:\n got %q\nwant %q", got, want)
	}
	if as[0].Status != Signed {
		t.Errorf("status %s, want signed", as[0].Status)
	}
	// From June 2012: the stall reported then is kept, the one of 2011
	// is not, and a 2014 signing is in a range that starts in 2014-05.
	for _, c := range []struct{ since, until, want string }{
		{"2012-06", "", "stalled 2012-06 b|negotiating 2014-04 c|signed 2014 d"},
		{"2014-05", "2014-12", "signed 2014 d"},
		{"", "2011", "stalled 2011-10-17 a"},
	} {
		var got []string
		for _, a := range Default().TrackWithin(nil, sentences, c.since, c.until) {
			for _, s := range a.Steps {
				got = append(got, s.Status+" "+s.Date+" "+s.Evidence[0].Doc)
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("from %q until %q: %q, want %q", c.since, c.until, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"kind gas | gas", "line 1"},
		{"cue signing | signed", "want cue STATUS"},
		{"\n# comment\nverb 057 | sign", "line 3"},
		{"kind gas |  | deal", "name phrases and agreement nouns"},
	} {
		if _, err := Parse(c.text); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q): %v; want an error with %q", c.text, err, c.want)
		}
	}
}
