package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/demo"
)

// TestCleanExplain: dyad clean --explain lists each removal with its line
// range and rule, and the article after a comment form is kept (issue 10,
// item 1).
func TestCleanExplain(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "two.txt")
	text := "Russia and China signed a gas deal in Beijing on Monday, officials said.\n\n" +
		"Leave a Reply\n\nYour email address will not be published.\n\n" +
		"India and Pakistan agreed on Friday to open the Kartarpur corridor to pilgrims.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := dyad(t, "clean", file)
	if code != 0 || !strings.Contains(out, "Kartarpur corridor") || strings.Contains(out, "Leave a Reply") {
		t.Fatalf("dyad clean: exit %d, stderr %q, text:\n%s", code, stderr, out)
	}
	code, out, stderr = dyad(t, "clean", "--explain", file)
	if code != 0 {
		t.Fatalf("dyad clean --explain: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "lines 3-5") || !strings.Contains(out, "comment form") || !strings.Contains(out, "Leave a Reply") {
		t.Errorf("dyad clean --explain does not list the comment form on lines 3-5:\n%s", out)
	}
	if strings.Contains(out, "Kartarpur") {
		t.Errorf("dyad clean --explain lists kept text as removed:\n%s", out)
	}
}

// TestMaxSize: an input over --max-size is refused with one line naming
// it, and the rest of the batch is coded (issue 10, item 2).
func TestMaxSize(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a_small.txt")
	big := filepath.Join(dir, "b_big.txt")
	sentence := "Russia and China signed a gas deal in Beijing on Monday.\n\n"
	if err := os.WriteFile(small, []byte(sentence), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat(sentence, 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := dyad(t, "code", "--quiet", "--max-size", "1KB", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one input failed)", code)
	}
	var named []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, dir) {
			named = append(named, l)
		}
	}
	if len(named) != 1 || !strings.Contains(named[0], big) || !strings.Contains(named[0], "document-size limit of 1 KiB") {
		t.Errorf("stderr should name %s and the limit in one line, got:\n%s", big, stderr)
	}
	if !strings.Contains(out, `"doc":"a_small.txt"`) {
		t.Errorf("the small file was not coded:\n%s", out)
	}
	if code, _, _ := dyad(t, "code", "--max-size", "ten", small); code != exitUsage {
		t.Errorf("--max-size ten: exit %d, want %d", code, exitUsage)
	}
}

// TestDemoDatelines: the bundled demo articles in a folder without their
// manifest are coded with the dates of their wire datelines, every one,
// and each record says the date came from the dateline (issue 10, item 3;
// acceptance 3).
func TestDemoDatelines(t *testing.T) {
	dir := t.TempDir()
	manifest, err := demo.Extract(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // file name → published date
	mf, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(mf)), "\n") {
		var row struct{ Path, Published string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		want[row.Path] = row.Published
	}
	for _, name := range []string{demo.ManifestName, "README.md"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	code, out, stderr := dyad(t, "code", "--quiet", dir)
	if code != 0 {
		t.Fatalf("dyad code exited %d: %s", code, stderr)
	}
	got := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev struct {
			Doc, DocDate, DocDateFrom string
		}
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		ev.Doc, _ = raw["doc"].(string)
		ev.DocDate, _ = raw["doc_date"].(string)
		ev.DocDateFrom, _ = raw["doc_date_from"].(string)
		if (ev.DocDate != want[ev.Doc] || ev.DocDateFrom != "dateline") && !got[ev.Doc] {
			t.Errorf("%s: doc_date %q from %q, want %q from the dateline", ev.Doc, ev.DocDate, ev.DocDateFrom, want[ev.Doc])
		}
		got[ev.Doc] = true
	}
	for name := range want {
		if !got[name] {
			t.Errorf("%s: no events coded", name)
		}
	}
}

// TestIngestFolder: ingesting a folder reads its text and HTML, takes its
// manifest as metadata, skips the rest with one line each and counts
// them in the summary; a Windows-1252 file is read as such and said so
// (issue 10, items 4 and 6).
func TestIngestFolder(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	files := map[string]string{
		"01_gas.txt":     "Russia and China signed a gas supply deal in Shanghai on Wednesday.\n",
		"02_cp1252.txt":  "Russia\x92s foreign minister met his Chinese counterpart in Beijing on Monday.\n",
		"manifest.jsonl": `{"path":"01_gas.txt","id":"gas","published":"2014-05-21"}` + "\n",
		"README.md":      "# Corpus\n\nRussia and China signed many deals; these articles were collected for a test.\n",
		"data.json":      `{"events":[{"text":"Russia and China signed a deal in Beijing."},{"text":"China met Russia."}]}`,
		"report.pdf":     "%PDF-1.4\nRussia and China signed a deal in Beijing.\n",
	}
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "f.db")
	code, out, stderr := dyad(t, "ingest", "--quiet", "--db", db, corpus)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "2 documents read, 2 new") || !strings.Contains(out, "0 failed, 4 skipped") {
		t.Errorf("summary %q, want 2 documents read and 4 skipped", out)
	}
	for _, name := range []string{"manifest.jsonl", "README.md", "data.json", "report.pdf"} {
		if n := strings.Count(stderr, filepath.Join(corpus, name)+": skipped"); n != 1 {
			t.Errorf("%s named %d times as skipped, want once:\n%s", name, n, stderr)
		}
	}
	if !strings.Contains(stderr, "02_cp1252.txt: read as Windows-1252") {
		t.Errorf("stderr does not say 02_cp1252.txt was read as Windows-1252:\n%s", stderr)
	}
	code, out, _ = dyad(t, "events", "--db", db, "--format", "jsonl", "--doc", "gas")
	if code != 0 || !strings.Contains(out, `"doc_date":"2014-05-21"`) || !strings.Contains(out, `"doc_date_from":"manifest"`) {
		t.Errorf("events of gas: exit %d, want the folder manifest's date:\n%s", code, out)
	}
	code, out, _ = dyad(t, "events", "--db", db, "--format", "jsonl", "--doc", "02_cp1252.txt")
	if code != 0 || !strings.Contains(out, "Russia’s foreign minister") {
		t.Errorf("events of 02_cp1252.txt: exit %d, want the sentence with a curly apostrophe:\n%s", code, out)
	}
}

// TestManifestBadRowGoesOn: one bad row is one line naming the manifest
// and the row; the other rows are coded (issue 10, item 7).
func TestManifestBadRowGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Russia and China signed a gas supply deal in Shanghai on Wednesday.\n")
	write("b.txt", "Russia annexed Crimea on Tuesday, and France condemned the move.\n")
	write("m.jsonl", `{"path":"a.txt","published":"2014-05-21"}`+"\n"+`{"path":"b.txt","published":"03/18/2014"}`+"\n")
	code, out, stderr := dyad(t, "ingest", "--quiet", "--db", filepath.Join(dir, "m.db"), "--manifest", filepath.Join(dir, "m.jsonl"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, filepath.Join(dir, "m.jsonl")+`:2: published "03/18/2014" is not a date`) {
		t.Errorf("stderr does not name m.jsonl:2 and its date:\n%s", stderr)
	}
	if !strings.Contains(out, "1 documents read, 1 new") {
		t.Errorf("summary %q, want the good row read", out)
	}
}
