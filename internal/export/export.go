// Package export writes event records in the formats other tools read: the
// JSONL event contract (one object per line), a JSON array, a flat CSV
// table with one column per field, and the field's own formats: GDELT 2.0's
// event and mentions tables, PLOVER records, ICEWS-style TSV and Parquet
// (docs/formats.md describes every column).
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// JSONLWriter streams event records as JSON Lines, one compact object per
// line, each written with a single Write call so `dyad code` output can be
// read while it is produced.
type JSONLWriter struct {
	enc *json.Encoder
}

// NewJSONL returns a JSONLWriter writing to w.
func NewJSONL(w io.Writer) *JSONLWriter {
	enc := json.NewEncoder(w)
	// Sentences are read by people: keep <, > and & as they are.
	enc.SetEscapeHTML(false)
	return &JSONLWriter{enc: enc}
}

// Write writes one event record and its newline.
func (j *JSONLWriter) Write(e doc.Event) error {
	if err := j.enc.Encode(e); err != nil {
		return fmt.Errorf("write event %s: %w", e.ID, err)
	}
	return nil
}

// JSONL writes events as JSON Lines, the event contract.
func JSONL(w io.Writer, events []doc.Event) error {
	j := NewJSONL(w)
	for _, e := range events {
		if err := j.Write(e); err != nil {
			return err
		}
	}
	return nil
}

// JSON writes events as one indented JSON array ("[]" when there are none).
func JSON(w io.Writer, events []doc.Event) error {
	if events == nil {
		events = []doc.Event{}
	}
	return writeIndented(w, "events as json", events)
}

// writeIndented writes v as indented JSON, with <, > and & kept as they
// are for the people who read sentences.
func writeIndented(w io.Writer, what string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// csvHeader is the header row CSV writes: the event record flattened, one
// column per field, actors and location spread over several columns,
// quantities as a JSON array.
var csvHeader = []string{
	"id", "doc", "doc_date", "sentence_index", "span_start", "span_end",
	"source_text", "source_code", "source_country", "source_name", "source_role",
	"target_text", "target_code", "target_country", "target_name", "target_role",
	"cameo", "root", "plover", "goldstein", "quad", "trigger", "date", "date_precision",
	"location_text", "location_country", "location_lat", "location_lon",
	"quantities", "modality", "sentence",
	"outlet", "url", "coding",
}

// CSVHeader returns the column names CSV writes, in order.
func CSVHeader() []string { return slices.Clone(csvHeader) }

// CSV writes events as a CSV table with the CSVHeader row first. Absent
// targets, locations and quantities leave their columns empty.
func CSV(w io.Writer, events []doc.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	for _, e := range events {
		row, err := csvRow(e)
		if err != nil {
			return err
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write event %s as csv: %w", e.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func csvRow(e doc.Event) ([]string, error) {
	var t doc.Actor
	if e.Target != nil {
		t = *e.Target
	}
	var locText, locCountry, lat, lon string
	if l := e.Location; l != nil {
		locText, locCountry, lat, lon = l.Text, l.Country, num(l.Lat), num(l.Lon)
	}
	var quantities string
	if len(e.Quantities) > 0 {
		b, err := json.Marshal(e.Quantities)
		if err != nil {
			return nil, fmt.Errorf("event %s: quantities: %w", e.ID, err)
		}
		quantities = string(b)
	}
	return []string{
		e.ID, e.Doc, e.DocDate, strconv.Itoa(e.SentenceIndex), strconv.Itoa(e.Span[0]), strconv.Itoa(e.Span[1]),
		e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Name, e.Source.Role,
		t.Text, t.Code, t.Country, t.Name, t.Role,
		e.CAMEO, e.Root, e.PLOVER, num(e.Goldstein), strconv.Itoa(e.Quad), e.Trigger, e.Date, e.DatePrecision,
		locText, locCountry, lat, lon,
		quantities, e.Modality, e.Sentence,
		e.Outlet, e.URL, e.Coding,
	}, nil
}

// num formats f in plain decimal, never with an exponent, so spreadsheets
// read 3500000000 rather than 3.5e+09.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Formats are the formats Write knows, in the order help texts list them.
var Formats = []string{"jsonl", "json", "csv", "gdelt", "gdelt-mentions", "plover", "icews", "parquet"}

// Write writes events to w in format: "jsonl", "json", "csv", "gdelt" (the
// GDELT 2.0 event table), "gdelt-mentions" (its mentions table), "plover",
// "icews" or "parquet".
func Write(w io.Writer, format string, events []doc.Event, opt Options) error {
	switch format {
	case "jsonl":
		return JSONL(w, events)
	case "json":
		return JSON(w, events)
	case "csv":
		return CSV(w, events)
	case "gdelt":
		return GDELT(w, events, opt)
	case "gdelt-mentions":
		return GDELTMentions(w, events)
	case "plover":
		return PLOVER(w, events)
	case "icews":
		return ICEWS(w, events)
	case "parquet":
		return Parquet(w, events, opt)
	}
	return fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}
