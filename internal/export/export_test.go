package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// contractFields are the top-level fields of the event record
// (shared/spec/event-record.md); actorFields those of an actor.
var (
	contractFields = []string{
		"id", "doc", "doc_date", "sentence", "sentence_index", "span", "source", "target",
		"cameo", "root", "plover", "goldstein", "quad", "trigger", "date", "date_precision",
		"location", "quantities", "modality", "tables", "cluster", "confidence",
	}
	actorFields = []string{"text", "code", "country", "name", "role"}
)

func full() doc.Event {
	return doc.Event{
		ID: "e7c1", Doc: "001_7cf3c6871154cef4.txt", DocDate: "2012-06-07",
		Sentence:      "Russian President Vladimir Putin arrived in Beijing on June 5.",
		SentenceIndex: 0, Span: [2]int{0, 61},
		Source: doc.Actor{Text: "Russian President Vladimir Putin", Code: "RUSGOV", Country: "RUS", Name: "Vladimir Putin", Role: "president"},
		Target: &doc.Actor{Text: "China", Code: "CHN", Country: "CHN", Name: "People's Republic of China", Role: "state"},
		CAMEO:  "042", Root: "04", PLOVER: "CONSULT", Goldstein: 1.9, Quad: 1,
		Trigger: "arrived", Date: "2012-06-05", DatePrecision: doc.PrecisionDay,
		Location:   &doc.Location{Text: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4},
		Quantities: []doc.Quantity{{Text: "US $3.5 billion", Value: 3.5e9, Unit: "USD"}},
		Modality:   doc.Asserted,
		Tables:     "cameo=1.1b3 goldstein=icews plover=0.8",
		Cluster:    "c42", Confidence: 0.8,
	}
}

func minimal() doc.Event {
	return doc.Event{
		ID: "0311-x", Doc: "002.txt", DocDate: "2013-09",
		Sentence: "China & Russia <said> they would cooperate.", SentenceIndex: 3, Span: [2]int{120, 163},
		Source: doc.Actor{Text: "China", Code: "CHN"},
		CAMEO:  "0311", Root: "03", PLOVER: "COOPERATE", Goldstein: 5.2, Quad: 1,
		Trigger: "would cooperate", Date: "2013-09", DatePrecision: doc.PrecisionDoc, Modality: doc.Planned,
	}
}

func keys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}

func sorted(s []string) []string {
	return slices.Sorted(slices.Values(s))
}

func decodeLines(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q is not a JSON object: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestJSONLFields(t *testing.T) {
	var buf bytes.Buffer
	if err := JSONL(&buf, []doc.Event{full(), minimal()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) || bytes.Count(buf.Bytes(), []byte("\n")) != 2 {
		t.Fatalf("want two newline-terminated lines, got %q", buf.String())
	}
	lines := decodeLines(t, buf.Bytes())
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(lines))
	}
	f, m := lines[0], lines[1]
	if got, want := keys(f), sorted(contractFields); !slices.Equal(got, want) {
		t.Errorf("full event keys = %v, want %v", got, want)
	}
	for _, side := range []string{"source", "target"} {
		a, ok := f[side].(map[string]any)
		if !ok {
			t.Fatalf("%s = %T, want an object", side, f[side])
		}
		if got, want := keys(a), sorted(actorFields); !slices.Equal(got, want) {
			t.Errorf("%s keys = %v, want %v", side, got, want)
		}
	}
	optional := []string{"target", "location", "quantities", "tables", "cluster", "confidence"}
	want := slices.DeleteFunc(slices.Clone(contractFields), func(k string) bool { return slices.Contains(optional, k) })
	if got := keys(m); !slices.Equal(got, sorted(want)) {
		t.Errorf("minimal event keys = %v, want %v (optional fields omitted)", got, sorted(want))
	}
	if got := keys(m["source"].(map[string]any)); !slices.Equal(got, []string{"code", "text"}) {
		t.Errorf("minimal source keys = %v, want [code text]", got)
	}
	if span, ok := f["span"].([]any); !ok || len(span) != 2 || span[0] != 0.0 || span[1] != 61.0 {
		t.Errorf("span = %#v, want [0 61]", f["span"])
	}
	for _, c := range []struct {
		line  map[string]any
		field string
		want  any
	}{
		{f, "cameo", "042"}, {f, "root", "04"}, {m, "cameo", "0311"}, {m, "root", "03"},
		{f, "goldstein", 1.9}, {f, "quad", 1.0}, {m, "sentence_index", 3.0},
		{m, "sentence", "China & Russia <said> they would cooperate."},
	} {
		if c.line[c.field] != c.want {
			t.Errorf("%s = %#v, want %#v", c.field, c.line[c.field], c.want)
		}
	}
	if !strings.Contains(buf.String(), `"China & Russia <said>`) {
		t.Errorf("sentence HTML-escaped: %s", buf.String())
	}
	q := f["quantities"].([]any)[0].(map[string]any)
	if q["value"] != 3.5e9 || q["unit"] != "USD" || q["text"] != "US $3.5 billion" {
		t.Errorf("quantity = %v", q)
	}
}

// TestJSONLSpecFields checks the field names against the table in the
// written contract, when the shared specs are present.
func TestJSONLSpecFields(t *testing.T) {
	spec, err := os.ReadFile(sharedtest.Path(t, "spec", "event-record.md"))
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	row := regexp.MustCompile("(?m)^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|")
	name := regexp.MustCompile("`([a-z_]+)`")
	for _, r := range row.FindAllStringSubmatch(string(spec), -1) {
		for _, n := range name.FindAllStringSubmatch(r[1], -1) {
			fields = append(fields, n[1])
		}
	}
	if !slices.Equal(sorted(fields), sorted(contractFields)) {
		t.Fatalf("fields in event-record.md = %v, test knows %v", sorted(fields), sorted(contractFields))
	}
	var buf bytes.Buffer
	if err := JSONL(&buf, []doc.Event{full()}); err != nil {
		t.Fatal(err)
	}
	if got := keys(decodeLines(t, buf.Bytes())[0]); !slices.Equal(got, sorted(fields)) {
		t.Errorf("JSONL keys = %v, want the contract's %v", got, sorted(fields))
	}
}

// TestJSONLRoundTrip decodes the written records back into events.
func TestJSONLRoundTrip(t *testing.T) {
	in := []doc.Event{full(), minimal()}
	in[1].Tables = "cameo=1.1b3"
	var buf bytes.Buffer
	if err := JSONL(&buf, in); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	var out []doc.Event
	for dec.More() {
		var e doc.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
}

// countingWriter records each Write call.
type countingWriter struct{ writes []string }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes = append(c.writes, string(p))
	return len(p), nil
}

func TestJSONLWriterStreams(t *testing.T) {
	var w countingWriter
	j := NewJSONL(&w)
	for i, e := range []doc.Event{full(), minimal(), full()} {
		if err := j.Write(e); err != nil {
			t.Fatal(err)
		}
		if len(w.writes) != i+1 {
			t.Fatalf("after %d events, %d writes reached the writer; want one per event", i+1, len(w.writes))
		}
		last := w.writes[i]
		if !strings.HasSuffix(last, "}\n") || strings.Count(last, "\n") != 1 {
			t.Errorf("write %d = %q, want one complete line", i, last)
		}
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name   string
		events []doc.Event
	}{
		{"nil", nil},
		{"two", []doc.Event{full(), minimal()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, tt.events); err != nil {
				t.Fatal(err)
			}
			var got []doc.Event
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
			}
			if len(tt.events) == 0 {
				if strings.TrimSpace(buf.String()) != "[]" {
					t.Errorf("no events = %q, want []", buf.String())
				}
				return
			}
			if !reflect.DeepEqual(got, tt.events) {
				t.Errorf("decoded %+v, want %+v", got, tt.events)
			}
			if !strings.HasPrefix(buf.String(), "[\n  {\n    \"id\": ") {
				t.Errorf("not indented: %.40q", buf.String())
			}
		})
	}
}

func TestCSVRoundTrip(t *testing.T) {
	tricky := minimal()
	tricky.Sentence = "Lavrov said, \"We agree\", and then:\nthe talks ended, \"finally\"; 50%\r\nover."
	tricky.Source.Text = `the "Kremlin", Moscow`
	// Provenance is not in the JSON record, but CSV carries it.
	withProvenance := full()
	withProvenance.Outlet, withProvenance.URL, withProvenance.Coding = "Xinhua", "https://example.org/putin", "dyad=(devel) dicts=embedded"
	in := []doc.Event{withProvenance, tricky}
	var buf bytes.Buffer
	if err := CSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading back: %v", err)
	}
	if len(records) != 3 {
		t.Fatalf("got %d records, want header + 2", len(records))
	}
	if !slices.Equal(records[0], CSVHeader()) {
		t.Errorf("header = %v", records[0])
	}
	col := func(row []string, name string) string {
		return row[slices.Index(records[0], name)]
	}
	wantFull := map[string]string{
		"id": "e7c1", "doc": "001_7cf3c6871154cef4.txt", "doc_date": "2012-06-07",
		"sentence_index": "0", "span_start": "0", "span_end": "61",
		"source_text": "Russian President Vladimir Putin", "source_code": "RUSGOV", "source_country": "RUS",
		"source_name": "Vladimir Putin", "source_role": "president",
		"target_text": "China", "target_code": "CHN", "target_country": "CHN",
		"target_name": "People's Republic of China", "target_role": "state",
		"cameo": "042", "root": "04", "plover": "CONSULT", "goldstein": "1.9", "quad": "1",
		"trigger": "arrived", "date": "2012-06-05", "date_precision": "day",
		"location_text": "Beijing", "location_country": "CHN", "location_lat": "39.9", "location_lon": "116.4",
		"quantities": `[{"text":"US $3.5 billion","value":3500000000,"unit":"USD"}]`,
		"modality":   "asserted", "sentence": "Russian President Vladimir Putin arrived in Beijing on June 5.",
		"outlet": "Xinhua", "url": "https://example.org/putin", "coding": "dyad=(devel) dicts=embedded",
	}
	if len(wantFull) != len(records[0]) {
		t.Fatalf("test covers %d columns, header has %d", len(wantFull), len(records[0]))
	}
	for name, want := range wantFull {
		if got := col(records[1], name); got != want {
			t.Errorf("full %s = %q, want %q", name, got, want)
		}
	}
	row := records[2]
	// encoding/csv reads \r\n inside a quoted field back as \n.
	if got, want := col(row, "sentence"), strings.ReplaceAll(tricky.Sentence, "\r\n", "\n"); got != want {
		t.Errorf("sentence = %q, want %q", got, want)
	}
	for name, want := range map[string]string{
		"source_text": `the "Kremlin", Moscow`, "cameo": "0311", "root": "03", "goldstein": "5.2",
		"target_text": "", "target_code": "", "location_lat": "", "location_lon": "", "quantities": "",
		"date_precision": "doc", "modality": "planned", "span_start": "120", "span_end": "163",
	} {
		if got := col(row, name); got != want {
			t.Errorf("tricky %s = %q, want %q", name, got, want)
		}
	}
	var q []doc.Quantity
	if err := json.Unmarshal([]byte(col(records[1], "quantities")), &q); err != nil || !reflect.DeepEqual(q, full().Quantities) {
		t.Errorf("quantities column decodes to %+v, %v", q, err)
	}
}

func TestCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), strings.Join(CSVHeader(), ",")+"\n"; got != want {
		t.Errorf("CSV(nil) = %q, want the header only", got)
	}
}

func TestWrite(t *testing.T) {
	for _, format := range []string{"jsonl", "json", "csv"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, []doc.Event{full()}, Options{}); err != nil {
			t.Errorf("Write(%s): %v", format, err)
		}
		if !strings.Contains(buf.String(), "e7c1") {
			t.Errorf("Write(%s) = %q, want the event", format, buf.String())
		}
	}
	if err := Write(&bytes.Buffer{}, "xml", nil, Options{}); err == nil {
		t.Error("Write(xml) succeeded, want an error")
	}
}

func BenchmarkJSONL(b *testing.B) {
	events := slices.Repeat([]doc.Event{full(), minimal()}, 500)
	for b.Loop() {
		if err := JSONL(&bytes.Buffer{}, events); err != nil {
			b.Fatal(err)
		}
	}
}
