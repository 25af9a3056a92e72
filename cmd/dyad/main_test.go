package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// dyad runs the command in-process and returns its exit status and output.
func dyad(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

// TestCodeSeedsContract checks every record of the seeds against the
// field list and types of ../shared/spec/event-record.md.
func TestCodeSeedsContract(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	manifest := filepath.Join(seeds, "manifest.jsonl")
	code, out, stderr := dyad(t, "code", "--quiet", "--manifest", manifest, seeds)
	if code != 0 {
		t.Fatalf("dyad code exited %d: %s", code, stderr)
	}
	published := map[string]string{}
	mf, _ := os.ReadFile(manifest)
	for _, line := range strings.Split(strings.TrimSpace(string(mf)), "\n") {
		var row struct{ Path, Published string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		published[row.Path] = row.Published
	}
	docs := map[string]int{}
	isoDate := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("record %d is not JSON: %v", n, err)
		}
		for _, f := range []string{"id", "doc", "doc_date", "sentence", "cameo", "root", "trigger", "date", "date_precision", "modality"} {
			if s, ok := rec[f].(string); !ok || s == "" {
				t.Errorf("record %d: %s = %v, want a non-empty string", n, f, rec[f])
			}
		}
		// PLOVER has no type for plain statements (CAMEO root 01).
		if p, ok := rec["plover"].(string); !ok || (p == "" && rec["root"] != "01") {
			t.Errorf("record %d: plover = %v for root %v", n, rec["plover"], rec["root"])
		}
		for _, f := range []string{"sentence_index", "goldstein", "quad"} {
			if _, ok := rec[f].(float64); !ok {
				t.Errorf("record %d: %s = %v, want a number", n, f, rec[f])
			}
		}
		span, ok := rec["span"].([]any)
		if !ok || len(span) != 2 {
			t.Errorf("record %d: span = %v, want [start, end]", n, rec["span"])
		}
		for _, side := range []string{"source", "target"} {
			a, ok := rec[side].(map[string]any)
			if !ok {
				if side == "source" {
					t.Errorf("record %d: no source", n)
				}
				continue
			}
			if c, _ := a["code"].(string); len(c) < 3 {
				t.Errorf("record %d: %s code %q", n, side, c)
			}
			if _, ok := a["text"].(string); !ok {
				t.Errorf("record %d: %s has no text", n, side)
			}
		}
		cameo, root := rec["cameo"].(string), rec["root"].(string)
		if !strings.HasPrefix(cameo, root) || len(root) != 2 {
			t.Errorf("record %d: cameo %q, root %q", n, cameo, root)
		}
		if q := rec["quad"].(float64); q < 1 || q > 4 {
			t.Errorf("record %d: quad %v", n, q)
		}
		switch rec["date_precision"] {
		case "day", "month", "year", "doc":
		default:
			t.Errorf("record %d: date_precision %v", n, rec["date_precision"])
		}
		switch rec["modality"] {
		case "asserted", "planned", "reported":
		default:
			t.Errorf("record %d: modality %v", n, rec["modality"])
		}
		if d := rec["date"].(string); !isoDate.MatchString(d) {
			t.Errorf("record %d: date %q is not ISO 8601", n, d)
		}
		docID := rec["doc"].(string)
		docs[docID]++
		if want := published[docID]; rec["doc_date"] != want {
			t.Errorf("record %d: doc_date %v, want the manifest's %q", n, rec["doc_date"], want)
		}
	}
	for path := range published {
		if docs[path] == 0 {
			t.Errorf("no events for seed %s", path)
		}
	}
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "dyad.db")
	args := []string{"ingest", "--quiet", "--db", db, "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds}
	code, out1, stderr := dyad(t, args...)
	if code != 0 {
		t.Fatalf("first ingest exited %d: %s", code, stderr)
	}
	if !strings.Contains(out1, "5 documents read, 5 new") {
		t.Errorf("first ingest: %q", out1)
	}
	_, ev1, _ := dyad(t, "export", "--db", db, "--format", "jsonl")
	code, out2, stderr := dyad(t, args...)
	if code != 0 {
		t.Fatalf("second ingest exited %d: %s", code, stderr)
	}
	if !strings.Contains(out2, "5 documents read, 0 new, 0 events stored") {
		t.Errorf("second ingest: %q", out2)
	}
	_, ev2, _ := dyad(t, "export", "--db", db, "--format", "jsonl")
	if ev1 != ev2 || strings.Count(ev1, "\n") == 0 {
		t.Errorf("events changed after the second ingest: %d lines, then %d", strings.Count(ev1, "\n"), strings.Count(ev2, "\n"))
	}
}

func TestIngestBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a-good.txt", []byte("Russian President Vladimir Putin visited Beijing on June 5, 2012.\n\nChina and Russia signed an agreement.\n"))
	write("b-binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})
	write("c-empty.txt", nil)
	write("e-good.txt", []byte("India and Pakistan held talks in Islamabad on March 3, 2019.\n"))
	// A dangling symbolic link cannot be read, even by root.
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "d-unreadable.txt")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "dyad.db")
	code, out, stderr := dyad(t, "ingest", "--quiet", "--db", db, dir)
	if code != exitPartial {
		t.Errorf("exit status %d, want %d", code, exitPartial)
	}
	for _, bad := range []string{"b-binary.txt", "c-empty.txt", "d-unreadable.txt"} {
		if n := strings.Count(stderr, bad); n != 1 {
			t.Errorf("stderr names %s %d times, want once:\n%s", bad, n, stderr)
		}
	}
	if !strings.Contains(stderr, "3 of 5 inputs failed") {
		t.Errorf("no summary line in stderr:\n%s", stderr)
	}
	if !strings.Contains(out, "2 documents read, 2 new") {
		t.Errorf("stdout %q, want both good files stored", out)
	}
	_, table, _ := dyad(t, "events", "--db", db)
	for _, want := range []string{"RUSGOV", "IND"} {
		if !strings.Contains(table, want) {
			t.Errorf("events table lacks %s:\n%s", want, table)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"nosuch"}, {"events", "--root", "4x"}, {"clean"}, {"eval"}, {}} {
		if code, _, _ := dyad(t, args...); code != exitUsage {
			t.Errorf("dyad %q exited %d, want %d", args, code, exitUsage)
		}
	}
	code, out, _ := dyad(t, "help", "ingest")
	if code != 0 || !strings.Contains(out, "--db") {
		t.Errorf("dyad help ingest: %d %q", code, out)
	}
}

func TestCleanPrintsText(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	code, out, stderr := dyad(t, "clean", filepath.Join(seeds, "002_a7b276a8953e2a0d.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "Subscribe now") || !strings.Contains(out, "China-Russia relations took another step forward") {
		t.Errorf("cleaned 002 looks wrong:\n%s", out)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := dyad(t, "demo", "--quiet", "--no-serve", "--db", db)
	if code != 0 {
		t.Fatalf("dyad demo exited %d: %s", code, stderr)
	}
	if !strings.Contains(out, "articles coded") || !strings.Contains(out, "busiest dyads") {
		t.Errorf("demo summary: %s", out)
	}
	_, table, _ := dyad(t, "events", "--db", db, "--dyad", "RUS-CHN", "--both")
	if strings.Count(table, "\n") < 3 {
		t.Errorf("few RUS-CHN events in the demo:\n%s", table)
	}
}

// TestPhoenixDictionaries codes with the Phoenix dictionaries instead of
// dyad's own: Hu Jintao is CHNGOV on 2012-06-05.
func TestPhoenixDictionaries(t *testing.T) {
	dir := sharedtest.Path(t, "data", "peers", "petrarch2")
	args := []string{"code", "--quiet", "--no-default-actors"}
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		args = append(args, "--actors", filepath.Join(dir, f))
	}
	args = append(args, "--agents", filepath.Join(dir, "Phoenix.agents.txt"), "-")
	var out, errb bytes.Buffer
	in := strings.NewReader("June 5, 2012\n\nHu Jintao met Vladimir Putin in Beijing on June 5.\n")
	code := run(context.Background(), args, &env{stdin: in, stdout: &out, stderr: &errb})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var ev struct {
		Source struct{ Code string } `json:"source"`
		Target struct{ Code string } `json:"target"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out.String(), "\n", 2)[0]), &ev); err != nil {
		t.Fatalf("no event: %v\n%s", err, out.String())
	}
	if ev.Source.Code != "CHNGOV" || !strings.HasPrefix(ev.Target.Code, "RUS") {
		t.Errorf("Hu Jintao met Vladimir Putin: %s -> %s, want CHNGOV -> RUS...", ev.Source.Code, ev.Target.Code)
	}
}

// TestNoEventsWhereGoldHasNone checks that no event comes from a sentence
// the gold files mark as holding none (negated or speculative) or as not
// scored (headlines, link lists).
func TestNoEventsWhereGoldHasNone(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	goldDir := sharedtest.Path(t, "gold")
	code, out, stderr := dyad(t, "code", "--quiet", "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds)
	if code != 0 {
		t.Fatalf("dyad code exited %d: %s", code, stderr)
	}
	type line struct {
		Doc, Evidence string
		Events        *[]json.RawMessage
		Ignore        bool
	}
	var empty []line
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.gold.jsonl"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var l line
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				t.Fatal(err)
			}
			if l.Ignore || (l.Events != nil && len(*l.Events) == 0) {
				empty = append(empty, l)
			}
		}
	}
	if len(empty) < 5 {
		t.Fatalf("only %d gold lines without events", len(empty))
	}
	norm := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-").Replace(strings.ToLower(s))
		return strings.Join(strings.Fields(s), " ")
	}
	for _, rec := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev struct{ Doc, Sentence, CAMEO string }
		if err := json.Unmarshal([]byte(rec), &ev); err != nil {
			t.Fatal(err)
		}
		for _, l := range empty {
			if l.Doc == ev.Doc && strings.Contains(norm(ev.Sentence), l.Evidence) {
				t.Errorf("event %s in a sentence gold marks as holding none: %s", ev.CAMEO, ev.Sentence)
			}
		}
	}
}

// overall returns the numbers on the "overall" line of an eval report.
func overall(t *testing.T, report string) []string {
	t.Helper()
	for _, line := range strings.Split(report, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == "overall" {
			return f[1:]
		}
	}
	t.Fatalf("no overall line in:\n%s", report)
	return nil
}

func atLeast(t *testing.T, what, got string, floor float64) {
	t.Helper()
	var v float64
	if _, err := fmt.Sscan(got, &v); err != nil || v < floor {
		t.Errorf("%s = %s, want at least %.2f", what, got, floor)
	}
}

// TestGoldScores holds the coder to issue 8's floors on the seed gold,
// F1 0.80 and date accuracy 0.90, and just under what it reaches with
// general rules: precision 0.78, recall 0.90, F1 0.84 (measured 0.809,
// 0.955 and 0.876; precision allows two false events more; recall is 21 of 22 events, so its floor allows one
// more miss). The rules written for single sentences of the seeds are
// gone (issue 8).
func TestGoldScores(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	code, out, stderr := dyad(t, "eval", "--quiet", "--gold", sharedtest.Path(t, "gold"), "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds)
	if code != 0 {
		t.Fatalf("dyad eval exited %d: %s", code, stderr)
	}
	f := overall(t, out) // TP FP precision recall F1 found dates date-accuracy
	atLeast(t, "precision", f[2], 0.78)
	atLeast(t, "recall", f[3], 0.90)
	atLeast(t, "F1", f[4], 0.84)
	atLeast(t, "date accuracy", f[7], 0.90)
	t.Logf("gold: precision %s, recall %s, F1 %s, date accuracy %s", f[2], f[3], f[4], f[7])
}

// TestWireScores holds the coder to what it reaches on the wire set, the
// main yardstick, just under its measured figures: precision 0.890,
// recall 0.786 (measured 0.895, 341 of 381 events, and 0.794, 216 of 272;
// each floor allows two events more; issue 8's targets, 0.75 and 0.65),
// date accuracy 0.96 (measured 0.972, 210 of 216 dated; two fewer is
// 0.963; issue 8's target, 0.90).
// Articles 41-50 are a check the rules are never tuned to; the floor is
// on the whole set.
func TestWireScores(t *testing.T) {
	wire := sharedtest.Path(t, "corpus", "wire")
	code, out, stderr := dyad(t, "eval", "--quiet", "--gold", sharedtest.Path(t, "gold", "wire"), "--manifest", filepath.Join(wire, "manifest.jsonl"), wire)
	if code != 0 {
		t.Fatalf("dyad eval exited %d: %s", code, stderr)
	}
	f := overall(t, out)
	atLeast(t, "precision", f[2], 0.890)
	atLeast(t, "recall", f[3], 0.786)
	atLeast(t, "date accuracy", f[7], 0.96)
	t.Logf("wire: precision %s, recall %s, F1 %s, date accuracy %s", f[2], f[3], f[4], f[7])
}

// TestPLOVERScore holds the coder on the PLOVER gold-standard records to
// issue 8's floors: 0.70 for the odd-numbered records (a check) and 0.75
// overall (measured 0.764, 246 of 322 records).
func TestPLOVERScore(t *testing.T) {
	path := sharedtest.Path(t, "data", "peers", "PLOVER", "PLOVER_GSR_CAMEO.txt")
	code, out, stderr := dyad(t, "eval", "--quiet", "plover", path)
	if code != 0 {
		t.Fatalf("dyad eval plover exited %d: %s", code, stderr)
	}
	f := overall(t, out) // found records share
	atLeast(t, "PLOVER share", f[2], 0.75)
	for _, line := range strings.Split(out, "\n") {
		if g := strings.Fields(line); len(g) == 5 && g[0] == "odd" {
			atLeast(t, "PLOVER share of the odd records", g[4], 0.70)
			t.Logf("PLOVER odd records: %s of %s (%s)", g[2], g[3], g[4])
		}
	}
	t.Logf("PLOVER: %s of %s records (%s)", f[0], f[1], f[2])
}
