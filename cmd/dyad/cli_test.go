package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// demoDB is a store of the demo corpus, made once for the tests that only
// read it, in a folder TestMain removes.
var demoDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "dyad-cli-test-")
	if err != nil {
		return "", err
	}
	testDirs = append(testDirs, dir)
	db := filepath.Join(dir, "demo.db")
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"demo", "--quiet", "--db", db}, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}); code != 0 {
		return "", &usageError{"demo: " + errb.String()}
	}
	return db, nil
})

// testDirs are removed by TestMain when the tests end.
var testDirs []string

func removeTestDirs() {
	for _, d := range testDirs {
		os.RemoveAll(d)
	}
}

func demoStore(t *testing.T) string {
	t.Helper()
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// jsonlEvents runs dyad with args (which must write JSON Lines) and
// decodes the events.
func jsonlEvents(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := dyad(t, args...)
	if code != 0 {
		t.Fatalf("dyad %q exited %d: %s", args, code, stderr)
	}
	var evs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("dyad %q: %v in %q", args, err, line)
		}
		evs = append(evs, ev)
	}
	return evs
}

// TestFilterValidation reproduces issue 10's item 9: filters that were
// accepted and selected nothing, or the wrong thing, now stop with exit
// status 2, the right form and the nearest known code. The store does not
// exist: the filters are checked before it is looked for.
func TestFilterValidation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--since", "June2012"}, "want an ISO date, 2012, 2012-06 or 2012-06-05"},
		{[]string{"--since", "2012-13"}, "want an ISO date"},
		{[]string{"--until", "2012-02-30"}, "want an ISO date"},
		{[]string{"--since", "2014", "--until", "2012"}, "after --until"},
		{[]string{"--dyad", "RUSSIA-CHINA"}, "RUSSIA: want a three-letter country or group code such as RUS, CHN or IGO; did you mean RUS?"},
		{[]string{"--dyad", "RUS-CHINA"}, "did you mean CHN?"},
		{[]string{"--dyad", "RUS"}, "use --source RUS or --target RUS"},
		{[]string{"--dyad", "RUS-"}, "names one side"},
		{[]string{"--dyad", "RUS-CHN-USA"}, "want SRC-TGT"},
		{[]string{"--dyad", "RUS-QQQ"}, "QQQ: want a three-letter"},
		{[]string{"--both"}, "--both matches --dyad in either direction, and there is no --dyad"},
		{[]string{"--root", "21"}, "from 01 to 20"},
		{[]string{"--root", "4"}, "from 01 to 20"},
		{[]string{"--code", "42"}, "did you mean 042?"},
		{[]string{"--code", "x"}, "want a CAMEO event code"},
		{[]string{"--quad", "5"}, "want 1 (verbal cooperation)"},
		{[]string{"--plover", "CONSLT"}, "did you mean CONSULT?"},
		{[]string{"--modality", "plan"}, "did you mean planned?"},
		{[]string{"--source", "Putin"}, "did you mean RUS?"},
		{[]string{"--target", "R1"}, "want a country code such as RUS"},
		{[]string{"--limit", "-1"}, "--limit -1"},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"events", "export"} {
			args := append([]string{cmd, "--db", db, "--format", "jsonl"}, tt.args...)
			code, _, stderr := dyad(t, args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("dyad %q: exit %d, stderr %q; want exit 2 and %q", args, code, stderr, tt.want)
			}
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a store was created by commands that stopped on their flags")
	}
}

// TestFilters checks each new filter against the fields of the events it
// selects from the demo store, and that each selects some.
func TestFilters(t *testing.T) {
	db := demoStore(t)
	all := jsonlEvents(t, "events", "--db", db, "--format", "jsonl")
	field := func(ev map[string]any, path ...string) string {
		var v any = ev
		for _, p := range path {
			m, ok := v.(map[string]any)
			if !ok {
				return ""
			}
			v = m[p]
		}
		switch x := v.(type) {
		case string:
			return x
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return ""
	}
	tests := []struct {
		args []string
		keep func(ev map[string]any) bool
	}{
		{[]string{"--source", "RUS"}, func(ev map[string]any) bool { return field(ev, "source", "country") == "RUS" }},
		{[]string{"--source", "USAGOV"}, func(ev map[string]any) bool { return strings.HasPrefix(field(ev, "source", "code"), "USAGOV") }},
		{[]string{"--target", "irn"}, func(ev map[string]any) bool { return field(ev, "target", "country") == "IRN" }},
		{[]string{"--code", "19"}, func(ev map[string]any) bool { return strings.HasPrefix(field(ev, "cameo"), "19") }},
		{[]string{"--code", "042"}, func(ev map[string]any) bool { return field(ev, "cameo") == "042" }},
		{[]string{"--quad", "4"}, func(ev map[string]any) bool { return field(ev, "quad") == "4" }},
		{[]string{"--plover", "consult"}, func(ev map[string]any) bool { return field(ev, "plover") == "CONSULT" }},
		{[]string{"--modality", "planned"}, func(ev map[string]any) bool { return field(ev, "modality") == "planned" }},
		{[]string{"--doc", "demo-02"}, func(ev map[string]any) bool { return field(ev, "doc") == "demo-02" }},
		{[]string{"--dyad", "RUS-CHN", "--both", "--quad", "1", "--since", "2014"}, func(ev map[string]any) bool {
			s, tg := field(ev, "source", "country"), field(ev, "target", "country")
			return (s+tg == "RUSCHN" || s+tg == "CHNRUS") && field(ev, "quad") == "1" && field(ev, "date") >= "2014"
		}},
	}
	for _, tt := range tests {
		got := jsonlEvents(t, append([]string{"events", "--db", db, "--format", "jsonl"}, tt.args...)...)
		want := 0
		for _, ev := range all {
			if tt.keep(ev) {
				want++
			}
		}
		if len(got) != want || want == 0 {
			t.Errorf("events %q: %d events, want the %d (of %d) whose fields match", tt.args, len(got), want, len(all))
		}
		for _, ev := range got {
			if !tt.keep(ev) {
				t.Errorf("events %q selected %v", tt.args, ev["id"])
				break
			}
		}
	}
}

// TestHelp reproduces item 10: "dyad ingest -h" exited 2, "dyad help
// ingest" listed fewer flags, and reading commands promised to create a
// missing store and then failed on it.
func TestHelp(t *testing.T) {
	for name := range commands {
		code, viaFlag, stderr := dyad(t, name, "-h")
		if code != 0 || stderr != "" {
			t.Errorf("dyad %s -h: exit %d, stderr %q; want 0 and help on stdout", name, code, stderr)
		}
		code, viaHelp, _ := dyad(t, "help", name)
		if code != 0 || viaHelp != viaFlag {
			t.Errorf("dyad help %s (exit %d) differs from dyad %s -h:\n%s\n---\n%s", name, code, name, viaHelp, viaFlag)
		}
		if !strings.HasPrefix(viaFlag, "usage: dyad "+name) {
			t.Errorf("dyad %s -h starts %.40q", name, viaFlag)
		}
	}
	_, out, _ := dyad(t, "help", "ingest")
	for _, flag := range []string{"--db", "--manifest", "--actors", "--agents", "--verbs", "--workers", "--quiet", "--no-default-actors"} {
		if !strings.Contains(out, "  "+flag+" ") {
			t.Errorf("dyad help ingest does not list %s:\n%s", flag, out)
		}
	}
	for _, name := range []string{"events", "export", "series", "top", "search", "recode", "rm"} {
		_, out, _ := dyad(t, "help", name)
		if strings.Contains(out, "created if missing") || !strings.Contains(out, "an existing SQLite file") {
			t.Errorf("dyad help %s says of --db:\n%s", name, out)
		}
	}
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	for _, args := range [][]string{
		{"events", "--db", missing}, {"export", "--db", missing, "--format", "csv"},
		{"series", "--db", missing, "--dyad", "RUS-CHN"}, {"top", "--db", missing, "actors"},
		{"search", "--db", missing, "gas"}, {"recode", "--db", missing}, {"rm", "--db", missing, "x"},
	} {
		code, _, stderr := dyad(t, args...)
		if code != exitPartial || !strings.Contains(stderr, "store "+missing+" does not exist") {
			t.Errorf("dyad %q: exit %d, %q; want 1 and that the store does not exist", args, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("reading commands left %d files behind", len(entries))
	}
}

// TestSeries checks "dyad series" against the events it counts.
func TestSeries(t *testing.T) {
	db := demoStore(t)
	evs := jsonlEvents(t, "events", "--db", db, "--format", "jsonl", "--dyad", "RUS-CHN", "--both")
	code, out, stderr := dyad(t, "series", "--db", db, "--dyad", "RUS-CHN", "--both", "--format", "csv", "--count", "events")
	if code != 0 {
		t.Fatalf("series exited %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// By default each cluster counts once.
	clusters := map[any]bool{}
	for _, ev := range evs {
		if len(ev["date"].(string)) >= 7 {
			clusters[ev["cluster"]] = true
		}
	}
	_, byCluster, _ := dyad(t, "series", "--db", db, "--dyad", "RUS-CHN", "--both", "--format", "json")
	var periods []struct{ Events int }
	if err := json.Unmarshal([]byte(byCluster), &periods); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range periods {
		n += p.Events
	}
	if n != len(clusters) || n >= len(evs) {
		t.Errorf("series counts %d clusters by default, want the %d clusters of the %d RUS-CHN events", n, len(clusters), len(evs))
	}
	if want := []string{"period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "goldstein_mean"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %v", rows[0])
	}
	month := regexp.MustCompile(`^\d{4}-\d{2}$`)
	total, placed := 0, 0
	for _, ev := range evs {
		if len(ev["date"].(string)) >= 7 {
			placed++
		}
	}
	for i, r := range rows[1:] {
		if !month.MatchString(r[0]) || (i > 0 && r[0] <= rows[i][0]) {
			t.Errorf("row %d period %q", i, r[0])
		}
		n, _ := strconv.Atoi(r[1])
		sum := 0
		for _, q := range r[2:6] {
			k, _ := strconv.Atoi(q)
			sum += k
		}
		if sum != n {
			t.Errorf("row %v: quad classes add up to %d, not %d", r, sum, n)
		}
		total += n
	}
	if total != placed || placed == 0 {
		t.Errorf("series counts %d events, want the %d RUS-CHN events dated to the month", total, placed)
	}
	code, out, _ = dyad(t, "series", "--db", db, "--dyad", "RUS-CHN", "--interval", "year", "--format", "json")
	var years []struct {
		Period string
		Events int
	}
	if err := json.Unmarshal([]byte(out), &years); code != 0 || err != nil || len(years) == 0 || len(years[0].Period) != 4 {
		t.Errorf("yearly JSON series: exit %d, %v: %s", code, err, out)
	}
	for _, args := range [][]string{{"series", "--db", db}, {"series", "--db", db, "--dyad", "RUS-CHN", "--interval", "week"}} {
		if code, _, _ := dyad(t, args...); code != exitUsage {
			t.Errorf("dyad %q exited %d, want 2", args, code)
		}
	}
}

func TestTop(t *testing.T) {
	db := demoStore(t)
	code, out, stderr := dyad(t, "top", "--db", db, "dyads", "--n", "3", "--format", "csv")
	if code != 0 {
		t.Fatalf("top dyads exited %d: %s", code, stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(rows) != 4 {
		t.Fatalf("top dyads --n 3 gave %d rows:\n%s", len(rows)-1, out)
	}
	_, byEvent, _ := dyad(t, "top", "--db", db, "dyads", "--n", "0", "--format", "csv", "--count", "events")
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		got := jsonlEvents(t, "events", "--db", db, "--format", "jsonl", "--dyad", r[0])
		clusters := map[any]bool{}
		for _, ev := range got {
			clusters[ev["cluster"]] = true
		}
		// A cluster with reports in both directions (a visit and its
		// hosting) counts once, under the direction of the event that
		// stands for it.
		if n > len(clusters) || n == 0 {
			t.Errorf("top dyads says %s has %d events; events --dyad %s gives %d clusters", r[0], n, r[0], len(clusters))
		}
		if want := fmt.Sprintf("\n%s,,%d,", r[0], len(got)); !strings.Contains(byEvent, want) {
			t.Errorf("top dyads --count events lacks %q (the %d events of %s):\n%s", want, len(got), r[0], byEvent)
		}
	}
	// Every cluster of events with a target counts once among all dyads.
	_, all, _ := dyad(t, "top", "--db", db, "dyads", "--n", "0", "--format", "csv")
	rows, _ = csv.NewReader(strings.NewReader(all)).ReadAll()
	total := 0
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		total += n
	}
	clusters := map[any]bool{}
	for _, ev := range jsonlEvents(t, "events", "--db", db, "--format", "jsonl") {
		if ev["target"] != nil {
			clusters[ev["cluster"]] = true
		}
	}
	if total != len(clusters) {
		t.Errorf("top dyads counts %d in all, want the %d clusters of events with a target", total, len(clusters))
	}
	_, out, _ = dyad(t, "top", "--db", db, "codes", "--quad", "4")
	if !strings.Contains(out, "Use conventional military force") {
		t.Errorf("top codes --quad 4 lacks CAMEO names:\n%s", out)
	}
	_, out, _ = dyad(t, "top", "--db", db, "actors", "--n", "0", "--format", "json")
	var actors []struct{ Key, Name string }
	if err := json.Unmarshal([]byte(out), &actors); err != nil || !slices.ContainsFunc(actors, func(a struct{ Key, Name string }) bool {
		return a.Key == "RUSGOV" && a.Name == "Vladimir Putin"
	}) {
		t.Errorf("top actors: %v, no RUSGOV Vladimir Putin", err)
	}
	code, _, stderr = dyad(t, "events", "--db", db, "--doc", "demo02")
	if code != exitUsage || !strings.Contains(stderr, `--doc "demo02": no stored document has this id; did you mean demo-02?`) {
		t.Errorf("events --doc of an unknown id: exit %d, %q", code, stderr)
	}
	if code, _, _ := dyad(t, "top", "--db", db, "people"); code != exitUsage {
		t.Errorf("top people exited %d, want 2", code)
	}
}

func TestSearch(t *testing.T) {
	db := demoStore(t)
	code, out, stderr := dyad(t, "search", "--db", db, "gas", "deal")
	if code != 0 {
		t.Fatalf("search exited %d: %s", code, stderr)
	}
	if !strings.Contains(out, "demo-02 #0: Russia and China sign $400 billion **gas** supply **deal**") {
		t.Errorf("search gas deal:\n%s", out)
	}
	_, out, _ = dyad(t, "search", "--db", db, "Soleimani", "killing")
	event := regexp.MustCompile(`(?m)^    \d{4}-\d{2}-\d{2}  IRN → USA\S*  19\d `)
	if !strings.Contains(out, "**Soleimani killing**") || !event.MatchString(out) {
		t.Errorf("search Soleimani killing: no highlight or no event under the sentence:\n%s", out)
	}
	if code, _, _ := dyad(t, "search", "--db", db); code != exitUsage {
		t.Errorf("search without words exited %d, want 2", code)
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct{ text, query, want string }{
		{"Russia and China sign gas supply deal", "gas deal", "Russia and China sign **gas** supply **deal**"},
		{"a gas deal, signed", "deal gas", "a **gas deal**, signed"},
		{"Talks in Zürich agreed", "zurich agree*", "Talks in **Zürich agreed**"},
		{"The U.S. said", "u.s.", "The **U.S**. said"},
		{"GAS and gasoline", "gas", "**GAS** and gasoline"},
		{"nothing here", "gas", "nothing here"},
	}
	for _, tt := range tests {
		if got := highlight(tt.text, tt.query); got != tt.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
		}
	}
}

// TestCorrections reproduces item 8: re-ingesting a file with a manifest
// that adds its date gave "0 new" and left the events undated, and
// nothing could be re-coded or removed.
func TestCorrections(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(text, []byte("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.\n\n"+
		"The two leaders signed an agreement on energy cooperation.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "manifest.jsonl")
	if err := os.WriteFile(manifest, []byte(`{"path":"a.txt","id":"putin-xi","published":"2013-03-22","source":"TASS"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "dyad.db")
	if code, out, stderr := dyad(t, "ingest", "--quiet", "--db", db, text); code != 0 || !strings.Contains(out, "1 new, 2 events stored") {
		t.Fatalf("first ingest: %d %q %s", code, out, stderr)
	}
	before := jsonlEvents(t, "export", "--db", db, "--format", "jsonl")
	if before[0]["doc_date"] != "" || before[0]["doc"] != "a.txt" {
		t.Fatalf("undated document: %v", before[0])
	}
	code, out, stderr := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", manifest, text)
	if code != 0 || !strings.Contains(out, "0 new, 2 events stored, 0 failed, 0 skipped; 1 known documents updated") {
		t.Errorf("ingest with a manifest adding the date: %d %q %s", code, out, stderr)
	}
	after := jsonlEvents(t, "export", "--db", db, "--format", "jsonl")
	if len(after) != 2 {
		t.Fatalf("%d events after the update, want 2", len(after))
	}
	for _, ev := range after {
		if ev["doc"] != "putin-xi" || ev["doc_date"] != "2013-03-22" || !strings.HasPrefix(ev["date"].(string), "2013-03") {
			t.Errorf("event after the manifest: doc %v, doc_date %v, date %v", ev["doc"], ev["doc_date"], ev["date"])
		}
	}
	// The same again changes nothing.
	if _, out, _ := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", manifest, text); !strings.Contains(out, "0 new, 0 events stored, 0 failed, 0 skipped; store") {
		t.Errorf("third ingest: %q", out)
	}
	// Re-coding keeps every event that comes out the same, with its id.
	code, out, stderr = dyad(t, "recode", "--quiet", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "1 documents re-coded: 2 events kept, 0 new, 0 gone; 0 failed; coding dyad=") {
		t.Errorf("recode: %d %q %s", code, out, stderr)
	}
	recoded := jsonlEvents(t, "export", "--db", db, "--format", "jsonl")
	for i := range recoded {
		if recoded[i]["id"] != after[i]["id"] || recoded[i]["date"] != after[i]["date"] {
			t.Errorf("event %d changed on re-coding: %v, then %v", i, after[i], recoded[i])
		}
	}
	// Provenance: outlet, coding (CSV columns).
	csvPath := filepath.Join(dir, "events.csv")
	_, _, stderr = dyad(t, "export", "--db", db, "--format", "csv", "--out", csvPath)
	if want := "dyad export: wrote 2 events as csv to " + csvPath + "\n"; stderr != want {
		t.Errorf("export --out said %q, want %q", stderr, want)
	}
	f, _ := os.Open(csvPath)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 3 {
		t.Fatalf("events.csv: %d rows, %v", len(rows), err)
	}
	col := func(name string) string { return rows[1][slices.Index(rows[0], name)] }
	if col("outlet") != "TASS" || !strings.HasPrefix(col("coding"), "dyad=") || !strings.Contains(col("coding"), "cameo=") {
		t.Errorf("provenance in CSV: outlet %q, coding %q", col("outlet"), col("coding"))
	}
	if code, _, _ := dyad(t, "recode", "--db", db, "--dyad", "RUSSIA-CHINA"); code != exitUsage {
		t.Errorf("recode with a bad filter exited %d, want 2", code)
	}
	code, out, stderr = dyad(t, "rm", "--db", db, "putin-xi", "nothere")
	if code != exitPartial || !strings.Contains(out, "1 documents removed with their 2 events") || !strings.Contains(stderr, "nothere: no stored document") {
		t.Errorf("rm: %d %q %q", code, out, stderr)
	}
	if evs := jsonlEvents(t, "export", "--db", db, "--format", "jsonl"); len(evs) != 0 {
		t.Errorf("%d events left after rm", len(evs))
	}
}

// TestIngestNoInputs reproduces item 12: "ingest --db x.db" with no
// inputs created the store before it stopped.
func TestIngestNoInputs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, stderr := dyad(t, "ingest", "--db", db)
	if code != exitUsage || !strings.Contains(stderr, "no inputs") {
		t.Errorf("ingest without inputs: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("ingest without inputs created the store")
	}
}

// TestSelfCommand reproduces item 12: the demo's "Next:" line named
// "dyad", which is not there after "go run ./cmd/dyad demo".
func TestSelfCommand(t *testing.T) {
	tests := []struct{ arg0, want string }{
		{"/tmp/go-build3141592/b001/exe/dyad", "go run ./cmd/dyad"},
		{"dyad", "dyad"},
		{"./dyad", "./dyad"},
		{"/usr/local/bin/dyad", "/usr/local/bin/dyad"},
	}
	for _, tt := range tests {
		if got := selfCommand(tt.arg0); got != tt.want {
			t.Errorf("selfCommand(%q) = %q, want %q", tt.arg0, got, tt.want)
		}
	}
}

// TestTourOutputsIgnored reproduces item 12: the files the README tour
// writes are ignored by git.
func TestTourOutputsIgnored(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	tour := string(readme)
	tour = tour[strings.Index(tour, "## A tour of the command line"):]
	tour = tour[:strings.Index(tour, "\n| command")]
	written := regexp.MustCompile(`(?:> |--out |--db )(\S+)`)
	var files []string
	for _, m := range written.FindAllStringSubmatch(tour, -1) {
		if !strings.HasPrefix(m[1], "internal/") { // the model dyad train rewrites is tracked
			files = append(files, m[1])
		}
	}
	if len(files) < 3 {
		t.Fatalf("found only %v written by the tour", files)
	}
	for _, f := range files {
		cmd := exec.Command("git", "check-ignore", "-q", "--no-index", f)
		cmd.Dir = "../.."
		if err := cmd.Run(); err != nil {
			t.Errorf("%s, written by the README tour, is not ignored by git", f)
		}
	}
}
