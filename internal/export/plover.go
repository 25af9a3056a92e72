package export

import (
	"io"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
)

// PLOVERRecord is one event as a PLOVER record, in the field names of
// the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt): event type,
// mode and context, actors, date, the trigger (eventText) and the source
// sentence (text), with dyad's CAMEO code, document and URL added.
type PLOVERRecord struct {
	ID          string        `json:"id"`
	Date        string        `json:"date"`
	Source      []PLOVERActor `json:"source"`
	Target      []PLOVERActor `json:"target,omitempty"`
	Event       string        `json:"event"`
	Mode        string        `json:"mode,omitempty"`
	Context     string        `json:"context,omitempty"`
	EventText   string        `json:"eventText"`
	EventLoc    *PLOVERPlace  `json:"eventLoc,omitempty"`
	Text        string        `json:"text"`
	Language    string        `json:"language"`
	Publication string        `json:"publication,omitempty"`
	Coder       string        `json:"coder"`
	Version     string        `json:"version"`
	CAMEO       string        `json:"cameo"`
	Doc         string        `json:"doc"`
	URL         string        `json:"url,omitempty"`
}

// PLOVERActor is an actor of a PLOVER record: its words, its country (or
// whole code when it names no country) and its first sector.
type PLOVERActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector,omitempty"`
}

// PLOVERPlace is where a PLOVER event took place. Country is ISO alpha-3.
type PLOVERPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country code,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// ploverVersion is the PLOVER version of the CAMEO→PLOVER table, from
// the code tables' version string.
func ploverVersion() string {
	for f := range strings.FieldsSeq(cameo.Version) {
		if v, ok := strings.CutPrefix(f, "plover="); ok {
			return v
		}
	}
	return ""
}

// PLOVER writes events as a JSON array of PLOVER records, as the PLOVER
// gold-standard file is. Events whose code has no PLOVER type (CAMEO 01x,
// public statements) are left out; PLOVER does not code them.
func PLOVER(w io.Writer, events []doc.Event) error {
	records := []PLOVERRecord{}
	for _, e := range events {
		if e.PLOVER != "" {
			records = append(records, ploverRecord(e))
		}
	}
	return writeIndented(w, "plover records", records)
}

func ploverRecord(e doc.Event) PLOVERRecord {
	c, _ := cameo.Lookup(e.CAMEO)
	r := PLOVERRecord{
		ID: e.ID, Date: e.Date, Source: []PLOVERActor{ploverActor(e.Source)},
		Event: e.PLOVER, Mode: c.PLOVERMode, Context: c.PLOVERContext, EventText: e.Trigger,
		Text: e.Sentence, Language: "en", Publication: e.Outlet, Coder: "dyad",
		Version: ploverVersion(), CAMEO: e.CAMEO, Doc: e.Doc, URL: e.URL,
	}
	if e.Target != nil {
		r.Target = []PLOVERActor{ploverActor(*e.Target)}
	}
	if l := e.Location; l != nil {
		r.EventLoc = &PLOVERPlace{Name: l.Text, Country: l.Country, Lat: l.Lat, Lon: l.Lon}
	}
	return r
}

func ploverActor(a doc.Actor) PLOVERActor {
	p := splitActor(a.Code, a.Country)
	code := p.Country
	if code == "" {
		code = a.Code
	}
	return PLOVERActor{Text: a.Text, Code: code, Sector: p.Type[0]}
}
