package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/geo"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/syntax"
)

// newPipeline builds the pipeline from the embedded dictionaries and any
// given with --actors, --agents and --verbs, and the embedded syntax
// model. A malformed dictionary line is reported with file and line and
// skipped.
func newPipeline(e *env, cfg *config) (*pipeline.Pipeline, error) {
	// The syntax model takes the longest to load (decompressing and
	// decoding its tables): another core does it while the dictionaries
	// and the gazetteer load.
	model := make(chan error, 1)
	go func() {
		_, err := syntax.Default()
		model <- err
	}()
	lex := &lexicon.Lexicon{}
	if !cfg.NoDefaultActors {
		var err error
		if lex, err = lexicon.Default(); err != nil {
			return nil, fmt.Errorf("embedded dictionaries: %w", err)
		}
	}
	for _, path := range append(append([]string{}, cfg.Actors...), cfg.Agents...) {
		extra, lineErrs, err := lexicon.Load(path)
		if err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path, err)
		}
		for _, le := range lineErrs {
			fmt.Fprintf(e.stderr, "dyad: skipped %v\n", le)
		}
		lex.Merge(extra)
	}
	verbs := coder.DefaultLexicon()
	if cfg.NoDefaultVerbs {
		verbs = coder.EmptyLexicon()
	}
	for _, path := range cfg.Verbs {
		skipped, err := verbs.LoadFile(path)
		if err != nil {
			return nil, fmt.Errorf("event lexicon %s: %w", path, err)
		}
		for _, le := range skipped {
			fmt.Fprintf(e.stderr, "dyad: skipped %v\n", le)
		}
	}
	var places coder.Places
	resolver := actors.New(lex)
	if g, err := geo.Default(); err == nil {
		places = g
		resolver.WithRegions(g)
	} else if !cfg.Quiet {
		fmt.Fprintf(e.stderr, "dyad: events get no coordinates: %v\n", err)
	}
	if err := <-model; err != nil {
		return nil, fmt.Errorf("embedded syntax model: %w", err)
	}
	parser, _ := syntax.Default()
	c := coder.New(verbs, places)
	c.OneSided = cfg.OneSided
	return pipeline.New(resolver, parser, c), nil
}

// result is one input, coded or failed, or a notice about an input.
type result struct {
	doc    *doc.Document
	events []doc.Event
	err    error
	notice *ingest.Notice
}

// codingHeap is the heap at which the garbage collector of the commands
// that code starts to work harder than its default (a heap twice what
// survives a collection) would. dyad keeps about 85 MB of the syntax
// model, dictionaries and gazetteer, and the documents in flight besides,
// so the default lets the process reach 300 MB; at this limit 1,000
// bench documents ingest in the same CPU time with a peak RSS about 40 MB
// lower (docs/performance.md). It is a soft limit: a larger document still
// codes, collected more often. GOMEMLIMIT, when set, overrides it.
const codingHeap = 224 << 20

// codeInputs reads the inputs, codes them with cfg.Workers workers and
// calls sink once per input, in input order. It reports each failed input
// and each notice (an encoding assumed, a file skipped) on stderr, and
// returns how many inputs were skipped, and a *partialError when any
// failed.
func codeInputs(ctx context.Context, e *env, cfg *config, inputs []string, sink func(result) error) (skipped int, err error) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(codingHeap)
	}
	c, err := newCoder(e, cfg)
	if err != nil {
		return 0, err
	}
	opt := ingest.Options{Manifest: cfg.Manifest, Stdin: e.stdin, MaxSize: cfg.MaxSize}
	bar := newProgress(e, cfg, ingest.Count(inputs, opt), "coding")
	defer bar.finish()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		res  *result
		done chan struct{}
	}
	jobs := make(chan job)
	ordered := make(chan job, 4*cfg.Workers)
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.err == nil {
					j.res.events, j.res.err = c.code(ctx, j.res.doc)
				}
				close(j.done)
			}
		}()
	}
	// Notices are queued in order with the inputs, so the one goroutine
	// that writes to stderr says them in place.
	noticed := make(chan struct{})
	close(noticed)
	opt.Notify = func(n ingest.Notice) {
		select {
		case ordered <- job{&result{notice: &n}, noticed}:
		case <-ctx.Done():
		}
	}
	// The reader hands each input to a worker and queues it for the sink
	// in input order.
	var walkErr error
	go func() {
		defer close(ordered)
		defer close(jobs)
		walkErr = ingest.Walk(ctx, inputs, opt, func(d *doc.Document, err error) error {
			j := job{&result{doc: d, err: err}, make(chan struct{})}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	failed, total := 0, 0
	var sinkErr error
	for j := range ordered {
		<-j.done
		if n := j.res.notice; n != nil {
			bar.clear()
			fmt.Fprintf(e.stderr, "dyad: %s\n", n)
			if n.Skipped {
				skipped++
			}
			continue
		}
		total++
		if j.res.err != nil {
			failed++
			bar.clear()
			fmt.Fprintf(e.stderr, "dyad: %s\n", describe(j.res))
		} else if sinkErr == nil {
			if sinkErr = sink(*j.res); sinkErr != nil {
				cancel()
			}
		}
		bar.add(1)
	}
	wg.Wait()
	if skipped > 0 {
		bar.clear()
		fmt.Fprintf(e.stderr, "dyad: %d %s skipped, not news text (named above)\n", skipped, plural(skipped, "file", "files"))
	}
	if sinkErr != nil {
		return skipped, sinkErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return skipped, walkErr
	}
	if err := ctx.Err(); err != nil {
		return skipped, err
	}
	if failed > 0 {
		return skipped, &partialError{failed: failed, total: total}
	}
	if total == 0 && skipped > 0 {
		return skipped, fmt.Errorf("no documents to code: every input was skipped")
	}
	if total == 0 {
		return skipped, usagef("no inputs: name files, directories, URLs or - (or give --manifest)")
	}
	return skipped, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// describe names a failed input and its problem in one line.
func describe(r *result) string {
	var ie *ingest.InputError
	if errors.As(r.err, &ie) {
		if errors.Is(ie, ingest.ErrTooLarge) {
			return ie.Error() + " (--max-size sets the limit)"
		}
		return ie.Error()
	}
	if r.doc != nil && !strings.HasPrefix(r.err.Error(), r.doc.Origin) {
		return r.doc.Origin + ": " + r.err.Error()
	}
	return r.err.Error()
}
