package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dyad-events/dyad/internal/demo"
)

const helpBench = `Measures end-to-end ingestion: writes --docs news-like documents of about
--words words (built from the demo corpus's articles, each document a different
mix), then runs "dyad ingest --quiet" on them into a fresh SQLite file with one
worker and with two, --runs times each, the two one after the other, and prints
documents per second, the CPU time and peak resident memory of each run; then
the median rate of each and the median speed-up of two workers over one, each
speed-up taken from a one-worker run and the two-worker run right after it, so
that both met the same load from other jobs.`

func runBench(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("bench", &cfg)
	docs := fs.Int("docs", 1000, "documents to ingest")
	words := fs.Int("words", 600, "about how many words each document has")
	runs := fs.Int("runs", 3, "runs of each, one worker and two")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	if *docs < 1 || *words < 50 || *runs < 1 {
		return usagef("--docs and --runs must be at least 1 and --words at least 50")
	}
	dir, err := os.MkdirTemp("", "dyad-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "corpus")
	total, err := writeBenchCorpus(corpus, *docs, *words)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "dyad bench: %d documents, %d words in all (%d per document)\n", *docs, total, total / *docs)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rates [3][]float64
	var speedups []float64
	peak := 0.0
	for run := range *runs {
		for _, workers := range []int{1, 2} {
			db := filepath.Join(dir, fmt.Sprintf("bench%d-%d.db", run, workers))
			cmd := exec.CommandContext(ctx, self, "ingest", "--quiet", "--db", db, "--workers", strconv.Itoa(workers), corpus)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = nil, &stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("ingest with %d workers: %v: %s", workers, err, strings.TrimSpace(stderr.String()))
			}
			elapsed := time.Since(start)
			rss := 0.0
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss = float64(ru.Maxrss) / 1024 // kilobytes on Linux
			}
			peak = max(peak, rss)
			// CPU time says what a run cost when other jobs share the
			// cores and its elapsed time says little.
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			rate := float64(*docs) / elapsed.Seconds()
			rates[workers] = append(rates[workers], rate)
			fmt.Fprintf(e.stdout, "workers=%d: %.0f documents/s (%.1f s, CPU %.1f s), peak RSS %.0f MB\n",
				workers, rate, elapsed.Seconds(), cpu.Seconds(), rss)
			os.Remove(db)
		}
		speedups = append(speedups, rates[2][run]/rates[1][run])
	}
	if *runs > 1 {
		fmt.Fprintf(e.stdout, "median of %d runs: workers=1 %.0f documents/s, workers=2 %.0f documents/s, peak RSS %.0f MB at most\n",
			*runs, median(rates[1]), median(rates[2]), peak)
	}
	fmt.Fprintf(e.stdout, "two workers run %.2f× one\n", median(speedups))
	return nil
}

// median returns the middle value of xs (the mean of the two middle ones
// when they are even), leaving xs as it is.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// writeBenchCorpus writes n documents into dir, each made of paragraphs
// of the demo articles in a different order until it has about words
// words, and returns the number of words written.
func writeBenchCorpus(dir string, n, words int) (int, error) {
	var articles []string
	err := fs.WalkDir(demo.Corpus(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(name) != ".txt" {
			return err
		}
		data, err := fs.ReadFile(demo.Corpus(), name)
		articles = append(articles, strings.TrimSpace(string(data)))
		return err
	})
	if err != nil {
		return 0, err
	}
	if len(articles) == 0 {
		return 0, fmt.Errorf("bench: the demo corpus is empty")
	}
	sort.Strings(articles)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	total := 0
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Benchmark report %d\n\n", i+1)
		// Whole paragraphs of articles in a different order for each
		// document, until it has the words asked for.
		count := 0
		for k := 0; count < words; k++ {
			for _, para := range strings.Split(articles[(i+k*7)%len(articles)], "\n\n") {
				if count >= words {
					break
				}
				b.WriteString(para)
				b.WriteString("\n\n")
				count += len(strings.Fields(para))
			}
		}
		total += count
		name := filepath.Join(dir, fmt.Sprintf("report-%04d.txt", i+1))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return 0, err
		}
	}
	return total, nil
}
