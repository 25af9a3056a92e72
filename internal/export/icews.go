package export

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
)

// icewsHeader names the 20 columns of the ICEWS coded event data files,
// in their order and spelling.
var icewsHeader = []string{
	"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
	"Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country",
	"Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country",
	"Latitude", "Longitude",
}

// ICEWSHeader returns the names of the ICEWS table's 20 columns.
func ICEWSHeader() []string { return slices.Clone(icewsHeader) }

// ICEWS writes events as an ICEWS-style table: tab-separated, the header
// row first, one row per event record.
func ICEWS(w io.Writer, events []doc.Event) error {
	return writeTable(w, "icews", icewsHeader, events, icewsRow)
}

func icewsRow(e doc.Event) []string {
	var target doc.Actor
	if e.Target != nil {
		target = *e.Target
	}
	var city, province, country, lat, lon string
	if l := e.Location; l != nil {
		switch geoType(l) {
		case geoWorldCity, geoUSCity:
			city = l.Text
		}
		province, country = l.Admin1, countryName(l.Country)
		lat, lon = num(l.Lat), num(l.Lon)
	}
	name, _ := cameo.Lookup(e.CAMEO)
	day := gdeltDay(e.Date)
	return []string{
		e.ID, day[:4] + "-" + day[4:6] + "-" + day[6:],
		actorName(e.Source), sectors(e.Source), countryName(e.Source.Country),
		name.Name, e.CAMEO, num(e.Goldstein),
		actorName(target), sectors(target), countryName(target.Country),
		e.Doc, strconv.Itoa(e.SentenceIndex + 1), e.Outlet,
		city, "", province, country, lat, lon,
	}
}

// actorName is the actor's canonical name, else its words.
func actorName(a doc.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// sectors names the types in an actor's code as ICEWS lists sectors:
// "Government, Military".
func sectors(a doc.Actor) string {
	p := splitActor(a.Code, a.Country)
	var names []string
	for _, t := range p.Type {
		if m := loadFacts().parts[t].Meaning; m != "" {
			names = append(names, strings.ToUpper(m[:1])+m[1:])
		}
	}
	return strings.Join(names, ", ")
}
