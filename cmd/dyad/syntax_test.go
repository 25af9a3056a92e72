package main

import (
	"context"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/pgtest"
)

// TestMain lets "dyad bench" and the worker tests run this test binary as
// dyad: they start "dyad ingest" or "dyad worker" as a child process of
// their own executable, which stops on SIGINT as dyad does. The
// PostgreSQL server that tests started is stopped at the end.
func TestMain(m *testing.M) {
	if os.Getenv("DYAD_TEST_AS_DYAD") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
		stop()
		os.Exit(code)
	}
	code := pgtest.Main(m)
	removeTestDirs()
	os.Exit(code)
}

func TestParsePrintsCoNLLU(t *testing.T) {
	const input = "../../internal/demo/corpus/06_soleimani-killed.txt"
	code, out, stderr := dyad(t, "parse", input)
	if code != 0 {
		t.Fatalf("dyad parse exited %d: %s", code, stderr)
	}
	sents, err := conllu.ReadAll(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v", err)
	}
	_, clean, _ := dyad(t, "clean", input)
	if len(sents) < 5 {
		t.Fatalf("%d sentences, want the article's", len(sents))
	}
	for _, s := range sents {
		var words strings.Builder
		roots := 0
		for i, w := range s.Words {
			words.WriteString(w.Form)
			if s.SpaceAfter(i) && i+1 < len(s.Words) {
				words.WriteString(" ")
			}
			if w.Head == 0 {
				roots++
			}
			if w.UPOS == "_" || w.Lemma == "_" || w.Deprel == "_" {
				t.Errorf("%s: word %d %q has no tag, lemma or relation", s.ID(), w.ID, w.Form)
			}
		}
		if words.String() != s.Text() || !strings.Contains(clean, s.Text()) {
			t.Errorf("%s: words spell %q, text is %q", s.ID(), words.String(), s.Text())
		}
		if roots != 1 {
			t.Errorf("%s: %d roots", s.ID(), roots)
		}
	}
}

// TestEvalParse scores the news check set and reads the figures from the
// last line, in the form the issue fixes.
func TestEvalParse(t *testing.T) {
	code, out, stderr := dyad(t, "eval", "parse", "--ud", "../../internal/syntax/testdata/news.conllu")
	if code != 0 {
		t.Fatalf("dyad eval parse exited %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	m := regexp.MustCompile(`^upos=(\d\.\d{3}) xpos=\d\.\d{3} lemma=\d\.\d{3} uas=(\d\.\d{3}) las=\d\.\d{3} sentences=232$`).FindStringSubmatch(last)
	if m == nil {
		t.Fatalf("last line %q is not in the fixed form", last)
	}
	if uas, _ := strconv.ParseFloat(m[2], 64); uas < 0.85 {
		t.Errorf("news check set uas %.3f, want ≥ 0.85", uas)
	}
	for _, rel := range []string{"nsubj ", "obj ", "nsubj:pass ", "obl:agent ", "ccomp ", "appos "} {
		if !strings.Contains(out, "\n"+rel) {
			t.Errorf("no row for %s in\n%s", rel, out)
		}
	}
	if code, _, _ := dyad(t, "eval", "parse"); code != exitUsage {
		t.Errorf("eval parse without --ud exited %d, want %d", code, exitUsage)
	}
}

// TestEvalParseModel scores a model file named by --model: the committed
// model's file scores as the embedded model does, and a file that is not a
// model is named in the error.
func TestEvalParseModel(t *testing.T) {
	const news = "../../internal/syntax/testdata/news.conllu"
	_, embedded, _ := dyad(t, "eval", "parse", "--ud", news)
	code, fromFile, stderr := dyad(t, "eval", "parse", "--ud", news, "--model", "../../internal/syntax/en_ewt.model")
	if code != 0 {
		t.Fatalf("dyad eval parse --model exited %d: %s", code, stderr)
	}
	if fromFile != embedded || !strings.Contains(fromFile, "sentences=232") {
		t.Errorf("the committed model's file scores\n%s\nthe embedded model\n%s", fromFile, embedded)
	}
	code, _, stderr = dyad(t, "eval", "parse", "--ud", news, "--model", news)
	if code == 0 || !strings.Contains(stderr, "news.conllu: syntax model") {
		t.Errorf("a CoNLL-U file as --model: exit %d, %q", code, stderr)
	}
}

// TestBench runs a small "dyad bench": it must ingest with one and two
// workers, twice each, and print the three figures of each run and their
// medians.
func TestBench(t *testing.T) {
	t.Setenv("DYAD_TEST_AS_DYAD", "1")
	code, out, stderr := dyad(t, "bench", "--docs", "12", "--words", "100", "--runs", "2")
	if code != 0 {
		t.Fatalf("dyad bench exited %d: %s", code, stderr)
	}
	for re, n := range map[string]int{
		`workers=1: \d+ documents/s \([\d.]+ s, CPU [\d.]+ s\), peak RSS \d+ MB`:                          2,
		`workers=2: \d+ documents/s \([\d.]+ s, CPU [\d.]+ s\), peak RSS \d+ MB`:                          2,
		`median of 2 runs: workers=1 \d+ documents/s, workers=2 \d+ documents/s, peak RSS \d+ MB at most`: 1,
		`two workers run [\d.]+× one`: 1,
	} {
		if got := len(regexp.MustCompile(re).FindAllString(out, -1)); got != n {
			t.Errorf("output has %d lines of %s, want %d:\n%s", got, re, n, out)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

func TestTrainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train"},
		{"train", "--ud", "x"},
		{"train", "--ud", "x", "--out", "y", "--folds", "1"},
		{"train", "--ud", "x", "--out", "y", "--parse-epochs", "-2"},
		{"train", "--ud", "x", "--out", "y", "--min-weight", "-0.5"},
	} {
		if code, _, _ := dyad(t, args...); code != exitUsage {
			t.Errorf("dyad %v exited %d, want %d", args, code, exitUsage)
		}
	}
	dir := t.TempDir()
	code, _, stderr := dyad(t, "train", "--ud", dir, "--out", dir+"/m")
	if code != exitPartial || !strings.Contains(stderr, "want one *-ud-train.conllu") {
		t.Errorf("train on an empty folder: exit %d, %q", code, stderr)
	}
}
