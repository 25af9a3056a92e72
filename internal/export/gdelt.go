package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Counts are how often the real-world event behind a record was reported:
// GDELT's NumMentions (sentences), NumSources (outlets) and NumArticles
// (documents).
type Counts struct {
	Mentions, Sources, Articles int
}

// Options are what the field's formats take beyond the events themselves.
// The zero value is usable.
type Options struct {
	// Clusters gives the counts of each cluster by its id (doc.Event's
	// Cluster). An event with no cluster, or whose cluster is not here,
	// counts once: 1 mention, 1 source, 1 article.
	Clusters map[string]Counts
}

// counts returns the counts of e's cluster, or 1/1/1.
func (o Options) counts(e doc.Event) Counts {
	if c, ok := o.Clusters[e.Cluster]; ok && e.Cluster != "" {
		return c
	}
	return Counts{Mentions: 1, Sources: 1, Articles: 1}
}

// gdeltHeader names GDELT 2.0's 61 event-table columns in the codebook's
// order. GDELT's own files have no header row; dyad writes none either.
var gdeltHeader = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdeltMentionsHeader names GDELT 2.0's 16 mentions-table columns.
var gdeltMentionsHeader = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
	"MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// GDELTHeader returns the names of the GDELT event table's 61 columns.
func GDELTHeader() []string { return slices.Clone(gdeltHeader) }

// GDELTMentionsHeader returns the names of the GDELT mentions table's 16
// columns.
func GDELTMentionsHeader() []string { return slices.Clone(gdeltMentionsHeader) }

// leadSentences is how many sentences open a document for IsRootEvent:
// GDELT flags events of the lead paragraph as the more important ones, and
// a news story's headline and lead paragraph are its first few sentences.
const leadSentences = 3

// mentionTypeWeb is GDELT's MentionType for a web document; dyad's
// documents are articles whatever their source.
const mentionTypeWeb = "1"

// GlobalEventID is the GDELT GLOBALEVENTID of an event: a number taken
// from a hash of its cluster id, or of its own id when it has no cluster,
// so the same event has the same number in every export and the rows of
// the mentions table find their event.
func GlobalEventID(e doc.Event) int64 {
	key := "event:" + e.ID
	if e.Cluster != "" {
		key = "cluster:" + e.Cluster
	}
	h := sha256.Sum256([]byte(key))
	// 53 bits: exact in every reader, JavaScript and float64 included.
	return int64(binary.BigEndian.Uint64(h[:8]) >> 11)
}

// GDELT writes the GDELT 2.0 event table: one tab-separated row of 61
// columns per real-world event, no header. Events of one cluster are one
// row, written from the cluster's first event in input order (the others
// are its mentions); an event without a cluster is a row of its own.
func GDELT(w io.Writer, events []doc.Event, opt Options) error {
	seen := map[int64]bool{}
	lead := map[int64]bool{}
	for _, e := range events {
		if e.SentenceIndex < leadSentences {
			lead[GlobalEventID(e)] = true
		}
	}
	return writeTable(w, "gdelt", nil, events, func(e doc.Event) []string {
		id := GlobalEventID(e)
		if seen[id] {
			return nil
		}
		seen[id] = true
		return gdeltRow(e, id, lead[id], opt)
	})
}

// GDELTMentions writes the GDELT 2.0 mentions table: one row of 16 columns
// per event record (each is one sentence reporting the event), no header.
func GDELTMentions(w io.Writer, events []doc.Event) error {
	return writeTable(w, "gdelt-mentions", nil, events, gdeltMention)
}

func gdeltRow(e doc.Event, id int64, lead bool, opt Options) []string {
	day := gdeltDay(e.Date)
	row := make([]string, 0, len(gdeltHeader))
	row = append(row, strconv.FormatInt(id, 10), day, day[:6], day[:4], fractionDate(day))
	var target doc.Actor
	if e.Target != nil {
		target = *e.Target
	}
	row = append(row, gdeltActor(e.Source)...)
	row = append(row, gdeltActor(target)...)
	c := opt.counts(e)
	row = append(row,
		boolDigit(lead), e.CAMEO, baseCode(e.CAMEO), e.Root, strconv.Itoa(e.Quad), num(e.Goldstein),
		strconv.Itoa(c.Mentions), strconv.Itoa(c.Sources), strconv.Itoa(c.Articles),
		"", // AvgTone: dyad measures no tone
	)
	row = append(row, countryGeo(e.Source.Country)...)
	row = append(row, countryGeo(target.Country)...)
	row = append(row, actionGeo(e.Location)...)
	return append(row, gdeltDay(e.DocDate)+"000000", sourceURL(e))
}

// gdeltActor is an actor's ten columns: code, name, country, known group,
// ethnic group, two religions and three types. An absent actor is ten
// empty columns.
func gdeltActor(a doc.Actor) []string {
	p := splitActor(a.Code, a.Country)
	return []string{
		a.Code, strings.ToUpper(actorName(a)), p.Country, p.KnownGroup, p.Ethnic,
		p.Religion[0], p.Religion[1], p.Type[0], p.Type[1], p.Type[2],
	}
}

// countryGeo is an actor's eight geo columns, at the level dyad knows an
// actor's place: its country (GDELT's geo type 1, with the FIPS code as
// ADM1 code and feature id, as GDELT writes countries). Regions, groups
// and absent actors leave them empty.
func countryGeo(code string) []string {
	c, ok := loadFacts().countries[code]
	if !ok {
		return make([]string, 8)
	}
	return []string{strconv.Itoa(geoCountry), c.Name, c.FIPS, c.FIPS, "", "", "", c.FIPS}
}

// actionGeo is the event location's eight geo columns: type, full name
// ("Beijing, Beijing, China"), FIPS country, ADM1 code (the FIPS country
// code: dyad has no FIPS codes for regions), ADM2 code, latitude,
// longitude and feature id (a country's FIPS code; dyad keeps no GeoNames
// ids for cities).
func actionGeo(l *doc.Location) []string {
	if l == nil {
		return make([]string, 8)
	}
	if l.Country == "" {
		// A place in no country ("international waters"): its name, and
		// its coordinates where it has any.
		lat, lon := "", ""
		if l.Lat != 0 || l.Lon != 0 {
			lat, lon = num(l.Lat), num(l.Lon)
		}
		return []string{"", l.Text, "", "", "", lat, lon, ""}
	}
	typ := geoType(l)
	c := loadFacts().countries[l.Country]
	name := c.Name
	if name == "" {
		name = l.Country
	}
	parts := []string{l.Text}
	switch typ {
	case geoCountry:
		parts = []string{name}
	case geoState, geoUSState:
		parts = append(parts, name)
	default:
		parts = append(parts, l.Admin1, name)
	}
	feature := ""
	if typ == geoCountry {
		feature = c.FIPS
	}
	return []string{
		strconv.Itoa(typ), strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ", "),
		c.FIPS, c.FIPS, "", num(l.Lat), num(l.Lon), feature,
	}
}

// gdeltMention is one event record as a mentions-table row.
func gdeltMention(e doc.Event) []string {
	eventTime := gdeltDay(e.Date) + "000000"
	actor2, action := "-1", "-1"
	if e.Target != nil {
		actor2 = charOffset(e.Sentence, e.Target.Text)
	}
	if e.Trigger != "" {
		action = charOffset(e.Sentence, e.Trigger)
	}
	confidence := ""
	if e.Confidence > 0 {
		confidence = strconv.Itoa(int(math.Round(e.Confidence * 100)))
	}
	return []string{
		strconv.FormatInt(GlobalEventID(e), 10), eventTime, gdeltDay(e.DocDate) + "000000",
		mentionTypeWeb, e.Outlet, sourceURL(e), strconv.Itoa(e.SentenceIndex + 1),
		charOffset(e.Sentence, e.Source.Text), actor2, action,
		"1", confidence, "", "", "", "",
	}
}

// charOffset is where text starts in the sentence, or -1, as GDELT writes
// it. (GDELT's offsets count from the document's start; dyad's count from
// the sentence's, which SentenceID names.)
func charOffset(sentence, text string) string {
	if text == "" {
		return "-1"
	}
	return strconv.Itoa(strings.Index(sentence, text))
}

// gdeltDay writes an ISO date of any precision as YYYYMMDD, taking the
// first day of a month or year given alone ("2013-09" → "20130901").
// Unknown dates are "00000000".
func gdeltDay(date string) string {
	d := strings.ReplaceAll(date, "-", "")
	switch {
	case len(d) == 8:
		return d
	case len(d) == 6:
		return d + "01"
	case len(d) == 4:
		return d + "0101"
	}
	return "00000000"
}

// fractionDate is GDELT's FractionDate: the year plus (30 × month + day)
// / 365, to four decimals, as its codebook defines it.
func fractionDate(day string) string {
	y, _ := strconv.Atoi(day[:4])
	m, _ := strconv.Atoi(day[4:6])
	d, _ := strconv.Atoi(day[6:8])
	return strconv.FormatFloat(float64(y)+float64(m*30+d)/365, 'f', 4, 64)
}

// baseCode is GDELT's EventBaseCode: the three-digit code a four-digit
// code refines, else the code itself.
func baseCode(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// sourceURL is where the event was read: its URL, else its document id.
func sourceURL(e doc.Event) string {
	if e.URL != "" {
		return e.URL
	}
	return e.Doc
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// clean makes text safe for a tab-separated field: tabs and line breaks
// become spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// writeTable writes a tab-separated table: the header when there is one,
// then the row of each event for which row returns one.
func writeTable(w io.Writer, format string, header []string, events []doc.Event, row func(doc.Event) []string) error {
	bw := bufio.NewWriter(w)
	if header != nil {
		writeTSV(bw, header)
	}
	for _, e := range events {
		if r := row(e); r != nil {
			writeTSV(bw, r)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}

// writeTSV writes one row of fields, each made tab-safe, and a newline.
// A bufio.Writer keeps its first error for Flush to return.
func writeTSV(w *bufio.Writer, row []string) {
	for i, f := range row {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(clean(f))
	}
	w.WriteByte('\n')
}
