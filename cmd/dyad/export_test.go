package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/export"
)

// TestExportFieldFormats exports the demo store (a real SQLite file) in
// each of the field's formats and reads every file back: the GDELT event
// table has 61 columns on every row, the mentions table one row per event,
// the ICEWS table and the PLOVER records one per event (PLOVER leaving out
// statements), and the Parquet file holds the same events as the JSONL
// export, field for field.
func TestExportFieldFormats(t *testing.T) {
	db := demoStore(t)
	code, out, stderr := dyad(t, "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export jsonl: exit %d: %s", code, stderr)
	}
	var events []doc.Event
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var e doc.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	if len(events) < 20 {
		t.Fatalf("the demo store holds %d events, want more than 20", len(events))
	}
	exportAs := func(format string) string {
		t.Helper()
		code, out, stderr := dyad(t, "export", "--db", db, "--format", format)
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", format, code, stderr)
		}
		return out
	}
	table := func(format string, width int) [][]string {
		t.Helper()
		r := csv.NewReader(strings.NewReader(exportAs(format)))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, width
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return rows
	}

	gdelt := table("gdelt", 61)
	if len(gdelt) == 0 || len(gdelt) > len(events) {
		t.Errorf("gdelt: %d rows for %d events", len(gdelt), len(events))
	}
	// NumMentions (column 32) counts the sentences that report each row's
	// cluster: at most one per event, and more than one for some
	// real-world event of the demo corpus.
	reports, repeated := 0, false
	for _, row := range gdelt {
		n, err := strconv.Atoi(row[31])
		if err != nil {
			t.Fatalf("gdelt NumMentions %q: %v", row[31], err)
		}
		reports += n
		repeated = repeated || n > 1
	}
	if reports > len(events) || !repeated {
		t.Errorf("gdelt NumMentions sum to %d for %d events, some above 1: %v", reports, len(events), repeated)
	}
	mentions := table("gdelt-mentions", 16)
	if len(mentions) != len(events) {
		t.Errorf("gdelt-mentions: %d rows, want one per event (%d)", len(mentions), len(events))
	}
	icews := table("icews", 20)
	if len(icews) != len(events)+1 {
		t.Errorf("icews: %d rows, want a header and %d", len(icews), len(events))
	}
	var records []export.PLOVERRecord
	if err := json.Unmarshal([]byte(exportAs("plover")), &records); err != nil {
		t.Fatalf("plover: %v", err)
	}
	withType := 0
	for _, e := range events {
		if e.PLOVER != "" {
			withType++
		}
	}
	if len(records) != withType {
		t.Errorf("plover: %d records, want %d (the events with a PLOVER type)", len(records), withType)
	}

	path := filepath.Join(t.TempDir(), "events.parquet")
	code, _, stderr = dyad(t, "export", "--db", db, "--format", "parquet", "--out", path)
	if want := "dyad export: wrote " + strconv.Itoa(len(events)) + " events as parquet to " + path + "\n"; code != 0 || stderr != want {
		t.Fatalf("export parquet: exit %d, said %q, want %q", code, stderr, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := exportRead(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(events) {
		t.Fatalf("parquet: %d rows, want %d", len(rows), len(events))
	}
	for i, r := range rows {
		got := r.Event()
		// Provenance is in Parquet and not in the JSON record.
		if got.Coding == "" {
			t.Errorf("row %d: no coding", i)
		}
		got.Outlet, got.URL, got.Coding = "", "", ""
		if !reflect.DeepEqual(got, events[i]) {
			t.Errorf("parquet row %d:\n %+v\nwant %+v", i, got, events[i])
		}
	}

	if code, _, stderr := dyad(t, "export", "--db", db, "--format", "gdelt2"); code != exitUsage || !strings.Contains(stderr, "gdelt-mentions, plover, icews, parquet") {
		t.Errorf("export --format gdelt2: exit %d, %q; want 2 and the formats", code, stderr)
	}
}

func exportRead(b []byte) ([]export.ParquetRow, error) {
	return export.ReadParquet(bytes.NewReader(b), int64(len(b)))
}
