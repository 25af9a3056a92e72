package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// fieldEvents are events that exercise every column of the field's
// formats: a full event with a city, a minimal one with no target, two
// reports of one clustered event, an IGO target and a region source, a
// sentence with a tab and a line break, and a statement (CAMEO 01x) that
// PLOVER does not code.
func fieldEvents() []doc.Event {
	f := full()
	f.Location = &doc.Location{Text: "Vladivostok", Country: "RUS", Lat: 43.10562, Lon: 131.87353, Admin1: "Primorye", From: doc.FromClause}
	f.Outlet, f.URL, f.Coding = "Xinhua", "https://example.org/putin", "dyad=(devel)"
	f.Cluster = "c42"
	again := full()
	again.ID, again.Doc, again.SentenceIndex, again.Span = "e7c2", "002.txt", 5, [2]int{300, 361}
	again.Cluster = "c42"
	again.Outlet = "TASS"
	m := minimal()
	m.Location = &doc.Location{Text: "international waters", From: doc.FromClause}
	igo := minimal()
	igo.ID = "igo1"
	igo.Source = doc.Actor{Text: "Western governments", Code: "WSTGOV"}
	igo.Target = &doc.Actor{Text: "the IMF", Code: "IGOUNOIMF", Name: "International Monetary Fund"}
	igo.CAMEO, igo.Root, igo.PLOVER, igo.Goldstein, igo.Quad = "0234", "02", "REQUEST", 3.4, 1
	igo.Date, igo.DatePrecision = "2014", doc.PrecisionYear
	igo.Sentence, igo.Trigger = "Western governments\tasked the IMF\nfor aid.", "asked"
	igo.Location = &doc.Location{Text: "Ukraine", Country: "UKR", Lat: 49, Lon: 32, From: doc.FromParty}
	statement := minimal()
	statement.ID, statement.CAMEO, statement.Root, statement.PLOVER, statement.Goldstein = "st1", "010", "01", "", 0
	statement.Source = doc.Actor{Text: "Sunni clerics", Code: "IRQRELSUN", Country: "IRQ"}
	statement.Sentence, statement.Trigger = "Sunni clerics said they would cooperate.", "said"
	return []doc.Event{f, again, m, igo, statement}
}

func TestFactsTables(t *testing.T) {
	f, err := parseFacts()
	if err != nil {
		t.Fatal(err)
	}
	fips := map[string]string{}
	for code, c := range f.countries {
		if other, dup := fips[c.FIPS]; dup && code != "XKX" && other != "XKX" {
			t.Errorf("FIPS %s is both %s and %s", c.FIPS, other, code)
		}
		fips[c.FIPS] = code
	}
	for code, want := range map[string]string{
		"CHN": "CH", "RUS": "RS", "USA": "US", "DEU": "GM", "CHE": "SZ", "GBR": "UK", "AUS": "AS",
		"AUT": "AU", "IRQ": "IZ", "ISR": "IS", "KOR": "KS", "PRK": "KN", "UKR": "UP", "JPN": "JA",
		"KSV": "KV", "XKX": "KV", "TMP": "TT", "PSE": "WE", "SSD": "OD", "VAT": "VT", "HKG": "HK", "TWN": "TW",
		"WST": "", "IGO": "",
	} {
		if got := FIPS(code); got != want {
			t.Errorf("FIPS(%s) = %q, want %q", code, got, want)
		}
	}
	// Every state of the actor dictionary has a FIPS code.
	states, err := os.ReadFile("../lexicon/data/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range regexp.MustCompile(`(?m)^country ([A-Z]{3}) `).FindAllStringSubmatch(string(states), -1) {
		n++
		if FIPS(m[1]) == "" {
			t.Errorf("state %s of countries.txt has no FIPS code in data/countries.tsv", m[1])
		}
	}
	if n < 190 {
		t.Errorf("read %d states from countries.txt, want the 197", n)
	}
}

func TestSplitActor(t *testing.T) {
	tests := []struct {
		code, country string
		want          actorParts
	}{
		{"RUSGOV", "RUS", actorParts{Country: "RUS", Type: [3]string{"GOV"}}},
		{"CHN", "CHN", actorParts{Country: "CHN"}},
		{"IGOUNO", "", actorParts{KnownGroup: "UNO", Type: [3]string{"IGO"}}},
		{"IGOUNOIMF", "", actorParts{KnownGroup: "UNO", Type: [3]string{"IGO"}}},
		{"IRQRELSUN", "IRQ", actorParts{Country: "IRQ", Religion: [2]string{"SUN"}, Type: [3]string{"REL"}}},
		{"ISRMOSSHI", "ISR", actorParts{Country: "ISR", Religion: [2]string{"MOS", "SHI"}}},
		{"USAGOVMILSPYCOP", "USA", actorParts{Country: "USA", Type: [3]string{"GOV", "MIL", "SPY"}}},
		{"WSTGOV", "", actorParts{Country: "WST", Type: [3]string{"GOV"}}},
		{"", "", actorParts{}},
	}
	for _, tt := range tests {
		if got := splitActor(tt.code, tt.country); got != tt.want {
			t.Errorf("splitActor(%q, %q) = %+v, want %+v", tt.code, tt.country, got, tt.want)
		}
	}
}

func TestGeoType(t *testing.T) {
	tests := []struct {
		loc  doc.Location
		want int
	}{
		{doc.Location{Text: "China", Country: "CHN"}, geoCountry},
		{doc.Location{Text: "Beijing", Country: "CHN", Admin1: "Beijing"}, geoState},
		{doc.Location{Text: "Vladivostok", Country: "RUS", Admin1: "Primorye"}, geoWorldCity},
		{doc.Location{Text: "Texas", Country: "USA", Admin1: "Texas"}, geoUSState},
		{doc.Location{Text: "Houston", Country: "USA", Admin1: "Texas"}, geoUSCity},
	}
	for _, tt := range tests {
		if got := geoType(&tt.loc); got != tt.want {
			t.Errorf("geoType(%+v) = %d, want %d", tt.loc, got, tt.want)
		}
	}
}

// readTSV reads a tab-separated table the way pandas and R do (no
// quoting), requiring width columns on every row.
func readTSV(t *testing.T, b []byte, width int) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, width
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading back: %v", err)
	}
	return rows
}

// named maps a row to its columns by name.
func named(header, row []string) map[string]string {
	m := make(map[string]string, len(header))
	for i, h := range header {
		m[h] = row[i]
	}
	return m
}

func TestGDELTRoundTrip(t *testing.T) {
	events := fieldEvents()
	opt := Options{Clusters: map[string]Counts{"c42": {Mentions: 2, Sources: 2, Articles: 2}}}
	var buf bytes.Buffer
	if err := GDELT(&buf, events, opt); err != nil {
		t.Fatal(err)
	}
	if len(gdeltHeader) != 61 {
		t.Fatalf("the header names %d columns, want GDELT 2.0's 61", len(gdeltHeader))
	}
	rows := readTSV(t, buf.Bytes(), 61)
	// The two reports of cluster c42 are one event.
	if len(rows) != len(events)-1 {
		t.Fatalf("%d rows, want %d (one per cluster or unclustered event)", len(rows), len(events)-1)
	}
	byID := map[string]map[string]string{}
	for _, r := range rows {
		byID[r[0]] = named(gdeltHeader, r)
	}
	for _, e := range slices.Delete(slices.Clone(events), 1, 2) {
		row, ok := byID[strconv.FormatInt(GlobalEventID(e), 10)]
		if !ok {
			t.Errorf("event %s: no row with its GLOBALEVENTID", e.ID)
			continue
		}
		// What GDELT holds of the event reads back as the event.
		got := doc.Event{
			Source: doc.Actor{Code: row["Actor1Code"], Country: row["Actor1CountryCode"]},
			CAMEO:  row["EventCode"], Root: row["EventRootCode"], Quad: atoi(t, row["QuadClass"]),
			Goldstein: atof(t, row["GoldsteinScale"]), URL: row["SOURCEURL"],
		}
		if row["Actor2Code"] != "" {
			got.Target = &doc.Actor{Code: row["Actor2Code"], Country: row["Actor2CountryCode"]}
		}
		want := doc.Event{Source: doc.Actor{Code: e.Source.Code, Country: e.Source.Country},
			CAMEO: e.CAMEO, Root: e.Root, Quad: e.Quad, Goldstein: e.Goldstein, URL: sourceURL(e)}
		if want.Source.Country == "" { // a region's code is its country column
			want.Source.Country = splitActor(e.Source.Code, "").Country
		}
		if e.Target != nil {
			want.Target = &doc.Actor{Code: e.Target.Code, Country: e.Target.Country}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("event %s read back as\n %+v\nwant %+v", e.ID, got, want)
		}
		if day := strings.ReplaceAll(e.Date, "-", ""); !strings.HasPrefix(row["SQLDATE"], day) || len(row["SQLDATE"]) != 8 {
			t.Errorf("event %s: SQLDATE %s, want %s padded to a day", e.ID, row["SQLDATE"], e.Date)
		}
		if row["MonthYear"] != row["SQLDATE"][:6] || row["Year"] != row["SQLDATE"][:4] {
			t.Errorf("event %s: MonthYear %s, Year %s from SQLDATE %s", e.ID, row["MonthYear"], row["Year"], row["SQLDATE"])
		}
		if l := e.Location; l != nil && l.Country == "" {
			if row["ActionGeo_FullName"] != l.Text || row["ActionGeo_Type"] != "" || row["ActionGeo_Lat"] != "" || row["ActionGeo_CountryCode"] != "" {
				t.Errorf("event %s in no country: action geo %q, type %q, lat %q, country %q", e.ID, row["ActionGeo_FullName"], row["ActionGeo_Type"], row["ActionGeo_Lat"], row["ActionGeo_CountryCode"])
			}
		} else if l != nil {
			if atof(t, row["ActionGeo_Lat"]) != l.Lat || atof(t, row["ActionGeo_Long"]) != l.Lon || row["ActionGeo_CountryCode"] != FIPS(l.Country) {
				t.Errorf("event %s: action geo %s,%s %s, want %v,%v %s", e.ID, row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_CountryCode"], l.Lat, l.Lon, FIPS(l.Country))
			}
			place := l.Text
			if l.Admin1 == "" {
				place = countryName(l.Country)
			}
			if first, _, _ := strings.Cut(row["ActionGeo_FullName"], ", "); first != place {
				t.Errorf("event %s: ActionGeo_FullName %q, want it to start with %q", e.ID, row["ActionGeo_FullName"], place)
			}
		} else if row["ActionGeo_Type"] != "" || row["ActionGeo_Lat"] != "" {
			t.Errorf("event %s without a place has action geo %q %q", e.ID, row["ActionGeo_Type"], row["ActionGeo_Lat"])
		}
	}
	// Column by column for the full event.
	f := byID[strconv.FormatInt(GlobalEventID(events[0]), 10)]
	for col, want := range map[string]string{
		"SQLDATE": "20120605", "MonthYear": "201206", "Year": "2012", "FractionDate": "2012.5068",
		"Actor1Code": "RUSGOV", "Actor1Name": "VLADIMIR PUTIN", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV",
		"Actor2Code": "CHN", "Actor2Name": "PEOPLE'S REPUBLIC OF CHINA", "Actor2CountryCode": "CHN", "Actor2Type1Code": "",
		"IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1",
		"GoldsteinScale": "1.9", "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
		"Actor1Geo_Type": "1", "Actor1Geo_FullName": "Russia", "Actor1Geo_CountryCode": "RS", "Actor1Geo_FeatureID": "RS",
		"Actor2Geo_Type": "1", "Actor2Geo_FullName": "China", "Actor2Geo_CountryCode": "CH",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Vladivostok, Primorye, Russia", "ActionGeo_CountryCode": "RS",
		"ActionGeo_ADM1Code": "RS", "ActionGeo_Lat": "43.10562", "ActionGeo_Long": "131.87353", "ActionGeo_FeatureID": "",
		"DATEADDED": "20120607000000", "SOURCEURL": "https://example.org/putin",
	} {
		if f[col] != want {
			t.Errorf("full event %s = %q, want %q", col, f[col], want)
		}
	}
	igo := byID[strconv.FormatInt(GlobalEventID(events[3]), 10)]
	for col, want := range map[string]string{
		"Actor1CountryCode": "WST", "Actor1Type1Code": "GOV", "Actor1Geo_Type": "",
		"Actor2KnownGroupCode": "UNO", "Actor2Type1Code": "IGO", "Actor2Name": "INTERNATIONAL MONETARY FUND",
		"EventCode": "0234", "EventBaseCode": "023", "EventRootCode": "02", "IsRootEvent": "0",
		"SQLDATE": "20140101", "NumMentions": "1", "NumSources": "1", "NumArticles": "1",
		"ActionGeo_Type": "1", "ActionGeo_FullName": "Ukraine", "ActionGeo_ADM1Code": "UP", "ActionGeo_FeatureID": "UP",
		"SOURCEURL": "002.txt",
	} {
		if igo[col] != want {
			t.Errorf("IGO event %s = %q, want %q", col, igo[col], want)
		}
	}
	statement := byID[strconv.FormatInt(GlobalEventID(events[4]), 10)]
	for col, want := range map[string]string{
		"Actor1CountryCode": "IRQ", "Actor1Type1Code": "REL", "Actor1Religion1Code": "SUN", "Actor1Geo_CountryCode": "IZ",
		"EventCode": "010", "EventBaseCode": "010", "EventRootCode": "01", "Actor2Code": "", "Actor2Geo_Type": "",
	} {
		if statement[col] != want {
			t.Errorf("statement %s = %q, want %q", col, statement[col], want)
		}
	}
}

func TestGDELTMentions(t *testing.T) {
	events := fieldEvents()
	var ev, mentions bytes.Buffer
	if err := GDELT(&ev, events, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := GDELTMentions(&mentions, events); err != nil {
		t.Fatal(err)
	}
	rows := readTSV(t, mentions.Bytes(), len(gdeltMentionsHeader))
	if len(rows) != len(events) || len(gdeltMentionsHeader) != 16 {
		t.Fatalf("%d mention rows of %d columns, want %d of 16", len(rows), len(gdeltMentionsHeader), len(events))
	}
	eventIDs := map[string]bool{}
	for _, r := range readTSV(t, ev.Bytes(), 61) {
		eventIDs[r[0]] = true
	}
	for i, r := range rows {
		m, e := named(gdeltMentionsHeader, r), events[i]
		if !eventIDs[m["GLOBALEVENTID"]] {
			t.Errorf("mention %d: GLOBALEVENTID %s is no row of the event table", i, m["GLOBALEVENTID"])
		}
		if m["SentenceID"] != strconv.Itoa(e.SentenceIndex+1) || m["MentionIdentifier"] != sourceURL(e) || m["MentionSourceName"] != e.Outlet {
			t.Errorf("mention %d = %v, want sentence %d of %s from %q", i, m, e.SentenceIndex+1, sourceURL(e), e.Outlet)
		}
		if at := atoi(t, m["Actor1CharOffset"]); at < 0 || !strings.HasPrefix(e.Sentence[at:], e.Source.Text) {
			t.Errorf("mention %d: Actor1CharOffset %d does not point at %q", i, at, e.Source.Text)
		}
		if at := atoi(t, m["ActionCharOffset"]); at < 0 || !strings.HasPrefix(e.Sentence[at:], e.Trigger) {
			t.Errorf("mention %d: ActionCharOffset %d does not point at %q", i, at, e.Trigger)
		}
	}
	if rows[0][0] != rows[1][0] {
		t.Errorf("the two reports of cluster c42 have events %s and %s, want one", rows[0][0], rows[1][0])
	}
	if got := named(gdeltMentionsHeader, rows[0])["Confidence"]; got != "80" {
		t.Errorf("Confidence = %q, want 80 (0.8 as a percentage)", got)
	}
}

func TestICEWSRoundTrip(t *testing.T) {
	events := fieldEvents()
	var buf bytes.Buffer
	if err := ICEWS(&buf, events); err != nil {
		t.Fatal(err)
	}
	rows := readTSV(t, buf.Bytes(), 20)
	if !slices.Equal(rows[0], ICEWSHeader()) || len(rows) != len(events)+1 {
		t.Fatalf("header %v and %d rows, want the ICEWS header and %d rows", rows[0], len(rows)-1, len(events))
	}
	for i, e := range events {
		r := named(rows[0], rows[i+1])
		got := doc.Event{ID: r["Event ID"], Doc: r["Story ID"], SentenceIndex: atoi(t, r["Sentence Number"]) - 1,
			CAMEO: r["CAMEO Code"], Goldstein: atof(t, r["Intensity"]), Outlet: r["Publisher"],
			Source: doc.Actor{Name: r["Source Name"]}}
		want := doc.Event{ID: e.ID, Doc: e.Doc, SentenceIndex: e.SentenceIndex, CAMEO: e.CAMEO,
			Goldstein: e.Goldstein, Outlet: e.Outlet, Source: doc.Actor{Name: actorName(e.Source)}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("row %d read back as %+v, want %+v", i, got, want)
		}
		if !strings.HasPrefix(r["Event Date"], e.Date) || len(r["Event Date"]) != 10 {
			t.Errorf("row %d: Event Date %s, want %s as a day", i, r["Event Date"], e.Date)
		}
	}
	full := named(rows[0], rows[1])
	for col, want := range map[string]string{
		"Source Sectors": "Government", "Source Country": "Russia", "Event Text": "Make a visit",
		"Target Name": "People's Republic of China", "Target Country": "China",
		"City": "Vladivostok", "Province": "Primorye", "Country": "Russia", "Latitude": "43.10562", "Longitude": "131.87353",
	} {
		if full[col] != want {
			t.Errorf("full event %s = %q, want %q", col, full[col], want)
		}
	}
	if igo := named(rows[0], rows[4]); igo["Target Sectors"] != "Intergovernmental organisation" || igo["City"] != "" || igo["Country"] != "Ukraine" {
		t.Errorf("IGO event: sectors %q, city %q, country %q", igo["Target Sectors"], igo["City"], igo["Country"])
	}
}

func TestPLOVERRoundTrip(t *testing.T) {
	events := fieldEvents()
	var buf bytes.Buffer
	if err := PLOVER(&buf, events); err != nil {
		t.Fatal(err)
	}
	var records []PLOVERRecord
	if err := json.Unmarshal(buf.Bytes(), &records); err != nil {
		t.Fatalf("not a JSON array of records: %v", err)
	}
	if len(records) != len(events)-1 {
		t.Fatalf("%d records, want %d (the statement has no PLOVER type)", len(records), len(events)-1)
	}
	for i, r := range records {
		e := events[i]
		if r.ID != e.ID || r.Date != e.Date || r.Event != e.PLOVER || r.Text != e.Sentence || r.EventText != e.Trigger ||
			r.CAMEO != e.CAMEO || r.Doc != e.Doc || r.Source[0].Text != e.Source.Text {
			t.Errorf("record %d = %+v, want event %+v", i, r, e)
		}
		if (e.Target == nil) != (len(r.Target) == 0) {
			t.Errorf("record %d: targets %v for target %v", i, r.Target, e.Target)
		}
	}
	if r := records[0]; r.Mode != "visit" || r.Source[0].Code != "RUS" || r.Source[0].Sector != "GOV" ||
		r.EventLoc == nil || r.EventLoc.Name != "Vladivostok" || r.EventLoc.Lat != 43.10562 || r.Version != "0.8" {
		t.Errorf("full record = %+v", r)
	}
	// The file reads as a PLOVER gold-standard file does.
	path := t.TempDir() + "/plover.json"
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	gold, err := eval.LoadPLOVER(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != len(records) || gold[3].Event != "REQUEST" || gold[3].Target[0].Code != "IGOUNOIMF" {
		t.Errorf("eval.LoadPLOVER read %+v", gold)
	}
}

// TestPLOVERFieldNames checks the record's field names against those of
// the PLOVER gold-standard records, when the peer data is present.
func TestPLOVERFieldNames(t *testing.T) {
	data, err := os.ReadFile(sharedtest.Path(t, "data", "peers", "PLOVER", "PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var gsr []map[string]any
	if err := json.Unmarshal(data, &gsr); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range gsr {
		for k := range r {
			known[k] = true
		}
	}
	var buf bytes.Buffer
	if err := PLOVER(&buf, fieldEvents()[:1]); err != nil {
		t.Fatal(err)
	}
	var ours []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &ours); err != nil {
		t.Fatal(err)
	}
	added := []string{"cameo", "doc", "url"} // dyad's own, documented in docs/formats.md
	for k := range ours[0] {
		if !known[k] && !slices.Contains(added, k) {
			t.Errorf("field %q is neither a PLOVER record field nor one dyad documents as added", k)
		}
	}
}

func TestParquetRoundTrip(t *testing.T) {
	events := fieldEvents()
	opt := Options{Clusters: map[string]Counts{"c42": {Mentions: 2, Sources: 2, Articles: 2}}}
	var buf bytes.Buffer
	if err := Parquet(&buf, events, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("PAR1")) || !bytes.HasSuffix(buf.Bytes(), []byte("PAR1")) {
		t.Fatal("not a Parquet file")
	}
	rows, err := ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(events) {
		t.Fatalf("%d rows, want %d", len(rows), len(events))
	}
	for i, r := range rows {
		if got := r.Event(); !reflect.DeepEqual(got, events[i]) {
			t.Errorf("row %d read back as\n %+v\nwant %+v", i, got, events[i])
		}
	}
	if rows[0].NumMentions != 2 || rows[2].NumMentions != 1 || rows[2].NumArticles != 1 {
		t.Errorf("counts: clustered %d, unclustered %d/%d", rows[0].NumMentions, rows[2].NumMentions, rows[2].NumArticles)
	}
	if rows[2].TargetCode != nil || rows[2].Cluster != nil || rows[2].Confidence != nil || rows[4].LocationText != nil || rows[4].LocationLat != nil {
		t.Errorf("absent fields are not null: %+v\n%+v", rows[2], rows[4])
	}
}

// TestParquetSchema checks the column names and types other tools see.
func TestParquetSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := Parquet(&buf, fieldEvents(), Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := openParquet(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"id": "BYTE_ARRAY STRING required", "sentence_index": "INT32 INT(32,true) required", "goldstein": "DOUBLE required",
		"quad": "INT32 INT(32,true) required", "cameo": "BYTE_ARRAY STRING required", "target_code": "BYTE_ARRAY STRING optional",
		"location_lat": "DOUBLE optional", "confidence": "DOUBLE optional", "num_mentions": "INT32 INT(32,true) required",
	}
	for name, w := range want {
		if got := f[name]; got != w {
			t.Errorf("column %s is %q, want %q", name, got, w)
		}
	}
	if got := f["quantities"]; got != "LIST optional" && got != "LIST required" {
		t.Errorf("quantities is %q, want a LIST", got)
	}
}

func TestWriteFormats(t *testing.T) {
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, fieldEvents(), Options{}); err != nil {
			t.Errorf("Write(%s): %v", format, err)
		}
		if buf.Len() == 0 {
			t.Errorf("Write(%s) wrote nothing", format)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return f
}

// openParquet describes the top-level columns of a Parquet file as
// "PHYSICAL [LOGICAL] optional|required", or "LIST ..." for a list.
func openParquet(b []byte) (map[string]string, error) {
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, field := range f.Schema().Fields() {
		var desc []string
		if field.Leaf() {
			desc = append(desc, field.Type().Kind().String())
		}
		if lt := field.Type().LogicalType(); lt != nil && lt.String() != "" {
			desc = append(desc, lt.String())
		}
		if field.Optional() {
			desc = append(desc, "optional")
		} else {
			desc = append(desc, "required")
		}
		out[field.Name()] = strings.Join(desc, " ")
	}
	return out, nil
}

// TestFieldFormatsEmpty: no events is a valid file in every format.
func TestFieldFormatsEmpty(t *testing.T) {
	want := map[string]string{
		"gdelt": "", "gdelt-mentions": "", "plover": "[]\n",
		"icews": strings.Join(icewsHeader, "\t") + "\n",
	}
	for format, w := range want {
		var buf bytes.Buffer
		if err := Write(&buf, format, nil, Options{}); err != nil || buf.String() != w {
			t.Errorf("Write(%s, no events) = %q, %v; want %q", format, buf.String(), err, w)
		}
	}
	var buf bytes.Buffer
	if err := Parquet(&buf, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadParquet(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(rows) != 0 {
		t.Errorf("empty Parquet file read back as %d rows, %v", len(rows), err)
	}
	if cols, err := openParquet(buf.Bytes()); err != nil || len(cols) != 44 {
		t.Errorf("empty Parquet file has %d columns, %v; want the 44", len(cols), err)
	}
}

func BenchmarkGDELT(b *testing.B) {
	events := slices.Repeat(fieldEvents(), 200)
	for b.Loop() {
		if err := GDELT(io.Discard, events, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParquet(b *testing.B) {
	events := slices.Repeat(fieldEvents(), 200)
	for b.Loop() {
		if err := Parquet(io.Discard, events, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
