package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dyad-events/dyad/internal/demo"
)

const helpBench = `Measures end-to-end ingestion: writes --docs news-like documents of about
--words words (built from the demo corpus's articles, each document a different
mix), then runs "dyad ingest --quiet" on them into a fresh SQLite file, once
with one worker and once with two, and prints documents per second, the CPU
time and peak resident memory of each run, and the speed-up of two workers
over one.`

func runBench(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("bench", &cfg)
	docs := fs.Int("docs", 1000, "documents to ingest")
	words := fs.Int("words", 600, "about how many words each document has")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	if *docs < 1 || *words < 50 {
		return usagef("--docs must be at least 1 and --words at least 50")
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
	var rate [3]float64
	for _, workers := range []int{1, 2} {
		db := filepath.Join(dir, "bench"+strconv.Itoa(workers)+".db")
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
		// CPU time says what a run cost when other jobs share the cores
		// and its elapsed time says little.
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		rate[workers] = float64(*docs) / elapsed.Seconds()
		fmt.Fprintf(e.stdout, "workers=%d: %.0f documents/s (%.1f s, CPU %.1f s), peak RSS %.0f MB\n",
			workers, rate[workers], elapsed.Seconds(), cpu.Seconds(), rss)
	}
	fmt.Fprintf(e.stdout, "two workers run %.2f× one\n", rate[2]/rate[1])
	return nil
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
