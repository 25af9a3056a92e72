package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/doc"
)

// PLOVERRecord is one record of the PLOVER gold-standard file
// (../shared/data/peers/PLOVER/PLOVER_GSR_CAMEO.txt): a sentence from the
// CAMEO manual with its PLOVER 0.5b1 event type and actors.
type PLOVERRecord struct {
	ID     string       `json:"id"`
	Date   string       `json:"date"`
	Event  string       `json:"event"`
	Text   string       `json:"text"`
	Source PLOVERActors `json:"source"`
	Target PLOVERActors `json:"target"`
}

// PLOVERActors is a record's list of actors. Some records write a string
// or null instead of a list; those read as no actors.
type PLOVERActors []PLOVERActor

// UnmarshalJSON accepts a list of actors, or anything else as none.
func (a *PLOVERActors) UnmarshalJSON(data []byte) error {
	var list []PLOVERActor
	if err := json.Unmarshal(data, &list); err != nil {
		*a = nil
		return nil
	}
	*a = list
	return nil
}

// PLOVERActor is one actor of a PLOVER record.
type PLOVERActor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

// LoadPLOVER reads the records of a PLOVER gold-standard file, leaving out
// the DOCUMENT records that only document the file.
func LoadPLOVER(path string) ([]PLOVERRecord, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all []PLOVERRecord
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []PLOVERRecord
	for _, r := range all {
		if r.Event != "" && r.Event != "DOCUMENT" && strings.TrimSpace(r.Text) != "" {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no PLOVER records", path)
	}
	return out, nil
}

// PLOVER05 maps a CAMEO code to the PLOVER 0.5b1 event type of the
// gold-standard records, or "" when PLOVER has none (plain statements).
// PLOVER 0.5b1 follows the CAMEO roots, with these exceptions, read off
// the gold-standard records themselves: intents (03) are AGREE; appeals
// (02) and demands (10) are DEMAND; yielding (08) is CONCEDE, but giving
// up office (0831), returning or releasing (084), admitting outsiders
// (086) and military de-escalation (087) are RETREAT; abduction (181)
// and human shields (184) are COERCE; ethnic cleansing (203) is FIGHT.
// docs/coder.md gives the table.
func PLOVER05(cameo string) string {
	if len(cameo) < 2 {
		return ""
	}
	for _, p := range []struct{ prefix, typ string }{
		{"0831", "RETREAT"}, {"084", "RETREAT"}, {"086", "RETREAT"}, {"087", "RETREAT"},
		{"181", "COERCE"}, {"184", "COERCE"}, {"203", "FIGHT"},
	} {
		if strings.HasPrefix(cameo, p.prefix) {
			return p.typ
		}
	}
	return ploverByRoot[cameo[:2]]
}

var ploverByRoot = map[string]string{
	"02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
	"07": "AID", "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
	"12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
	"17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
}

// PLOVERScore is the result for one PLOVER type.
type PLOVERScore struct {
	Type        string
	Hits, Total int
}

// Share is Hits/Total.
func (s PLOVERScore) Share() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Total)
}

// PLOVERReport scores coded PLOVER records per type and overall.
type PLOVERReport struct {
	Types   []PLOVERScore
	Overall PLOVERScore
	// Even and Odd split Overall by the number that ends a record's id:
	// develop on the even records, check on the odd ones.
	Even, Odd PLOVERScore
	Misses    []PLOVERRecord
}

// ScorePLOVER counts a record as found when an event coded from its text
// has the record's PLOVER type and a source whose country (or, for an
// organisation, the first three letters of its code) is one of the
// record's source codes. events[i] are the events of recs[i] (records
// are matched by position: the file repeats some ids).
func ScorePLOVER(recs []PLOVERRecord, events [][]doc.Event) *PLOVERReport {
	byType := map[string]*PLOVERScore{}
	rep := &PLOVERReport{Overall: PLOVERScore{Type: "overall"}, Even: PLOVERScore{Type: "even ids"}, Odd: PLOVERScore{Type: "odd ids"}}
	for i, r := range recs {
		half := &rep.Even
		if odd(r.ID) {
			half = &rep.Odd
		}
		half.Total++
		s := byType[r.Event]
		if s == nil {
			s = &PLOVERScore{Type: r.Event}
			byType[r.Event] = s
		}
		s.Total++
		rep.Overall.Total++
		var evs []doc.Event
		if i < len(events) {
			evs = events[i]
		}
		if ploverFound(r, evs) {
			s.Hits++
			half.Hits++
			rep.Overall.Hits++
		} else {
			rep.Misses = append(rep.Misses, r)
		}
	}
	for _, s := range byType {
		rep.Types = append(rep.Types, *s)
	}
	sort.Slice(rep.Types, func(i, j int) bool { return rep.Types[i].Type < rep.Types[j].Type })
	return rep
}

// odd reports whether a record id ends in an odd number
// ("PLOVER-GSR01-AGREE-0013").
func odd(id string) bool {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	if i == len(id) {
		return false
	}
	return (id[len(id)-1]-'0')%2 == 1
}

func ploverFound(r PLOVERRecord, evs []doc.Event) bool {
	for _, e := range evs {
		if PLOVER05(e.CAMEO) != r.Event {
			continue
		}
		for _, a := range r.Source {
			want := code3(a.Code)
			if c, ok := legacyCodes[want]; ok {
				want = c
			}
			if want != "" && (e.Source.Country == want || code3(e.Source.Code) == want) {
				return true
			}
		}
	}
	return false
}

// legacyCodes maps country codes some PLOVER records write in an older
// form than CAMEO's ISO-based ones to the codes dyad and CAMEO give:
// "Japan" and "Tokyo" are JAP (as in PETRARCH's validation actors),
// "Italy" ITL, and "Vietnamese-led forces" VTN in one record and VNM in
// another.
var legacyCodes = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// Write prints the share found per type, overall, and the records missed.
func (r *PLOVERReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "plover type\tfound\trecords\tshare")
	for _, s := range append(r.Types, r.Even, r.Odd, r.Overall) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\n", s.Type, s.Hits, s.Total, s.Share())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nmissed (%d):\n", len(r.Misses))
	for _, m := range r.Misses {
		var src []string
		for _, a := range m.Source {
			src = append(src, a.Code)
		}
		fmt.Fprintf(w, "  %s %s [%s]: %s\n", m.ID, m.Event, strings.Join(src, ","), m.Text)
	}
	return nil
}
