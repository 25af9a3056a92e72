package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/watch"
)

const helpWatch = `Polls RSS and Atom feeds every --every (default 15m) and codes and stores each
new article through the same pipeline as "dyad ingest". Feeds are given as
arguments or in --feeds FILE (one URL a line; blank lines and # comments are
skipped).

Each round fetches every feed with If-None-Match and If-Modified-Since, so an
unchanged feed costs a 304; fetches the articles of items not seen before
(robots.txt respected, --delay between two requests to one host, at most
--max-size bytes and --timeout each); skips an item whose URL or content is
already stored; and prints one line: feeds polled, new articles, events,
failures. A feed that fails waits twice as long after each failure in a row
(at most a day) while the others go on. Each failure is named on standard
error. Feed state (validators, last success, last error, backoff) is kept in
the store, so a restart resumes; "dyad status" shows it.

--rounds N stops after N rounds (0, the default: until interrupted). SIGINT or
SIGTERM stops cleanly: the article being coded is finished and stored first.
The exit status is 1 when any feed or article failed.`

// feedStore is a store that keeps feed state for dyad watch.
type feedStore interface {
	store.Store
	watch.State
	Feeds(ctx context.Context) ([]store.Feed, error)
}

func runWatch(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("watch", &cfg, "db", "dicts", "quiet", "maxsize")
	var feedsFile string
	var rounds int
	opt := watch.Options{}
	fs.StringVar(&feedsFile, "feeds", "", "a `FILE` of feed URLs, one a line")
	fs.DurationVar(&opt.Every, "every", 15*time.Minute, "the `time` between rounds")
	fs.IntVar(&rounds, "rounds", 0, "stop after `N` rounds (0: until interrupted)")
	fs.DurationVar(&opt.Delay, "delay", time.Second, "the least `time` between two requests to one host")
	fs.DurationVar(&opt.Timeout, "timeout", 30*time.Second, "the longest `time` one request may take")
	args, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	feeds, err := feedList(args, feedsFile)
	if err != nil {
		return err
	}
	if opt.Every <= 0 || opt.Timeout <= 0 || opt.Delay < 0 || rounds < 0 {
		return usagef("--every and --timeout must be positive, --delay and --rounds not negative")
	}
	if opt.Delay == 0 {
		opt.Delay = -1 // watch.Options reads 0 as its default
	}
	opt.MaxSize = cfg.MaxSize
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	fst, ok := st.(feedStore)
	if !ok {
		return fmt.Errorf("store %s keeps no feed state", cfg.DB)
	}
	c, err := newCoder(e, &cfg)
	if err != nil {
		return err
	}
	h := &storeHandler{e: e, c: c, st: st}
	w := watch.New(feeds, fst, h, opt)
	failed, handled := 0, 0
	err = w.Run(ctx, rounds, func(s watch.Stats) {
		for _, f := range s.Failures {
			fmt.Fprintf(e.stderr, "dyad watch: %v\n", f)
		}
		failed += len(s.Failures)
		handled += s.Polled + s.New + s.Known + len(s.Failures) - s.FeedsFailed
		fmt.Fprintln(e.stdout, roundLine(s, cfg.DB))
	})
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "dyad watch: stopped")
	}
	if failed > 0 {
		return &partialError{failed: failed, total: handled}
	}
	return nil
}

// roundLine is the status line of one round.
func roundLine(s watch.Stats, db string) string {
	line := fmt.Sprintf("%s round %d: %d %s polled", time.Now().UTC().Format(time.RFC3339), s.Round, s.Polled, plural(s.Polled, "feed", "feeds"))
	if s.NotModified > 0 {
		line += fmt.Sprintf(" (%d not modified)", s.NotModified)
	}
	if s.BackingOff > 0 {
		line += fmt.Sprintf(", %d backing off", s.BackingOff)
	}
	line += fmt.Sprintf(", %d new %s, %d events", s.New, plural(s.New, "article", "articles"), s.Events)
	if s.Known > 0 {
		line += fmt.Sprintf(", %d already stored", s.Known)
	}
	return line + fmt.Sprintf(", %d %s; store %s", len(s.Failures), plural(len(s.Failures), "failure", "failures"), db)
}

// feedList is the feeds named as arguments and in file, each an http(s)
// URL, without repeats.
func feedList(args []string, file string) ([]string, error) {
	type named struct{ url, where string }
	var all []named
	for _, a := range args {
		all = append(all, named{a, a})
	}
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, usagef("--feeds: %v", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line, _, _ := strings.Cut(sc.Text(), "#")
			if line = strings.TrimSpace(line); line != "" {
				all = append(all, named{line, fmt.Sprintf("%s:%d", file, n)})
			}
		}
		if err := sc.Err(); err != nil {
			return nil, usagef("--feeds %s: %v", file, err)
		}
	}
	if len(all) == 0 {
		return nil, usagef("no feeds: name feed URLs or give --feeds FILE")
	}
	var feeds []string
	seen := map[string]bool{}
	for _, n := range all {
		u, err := url.Parse(n.url)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, usagef("%s: %q is not an http(s) feed URL", n.where, n.url)
		}
		if !seen[n.url] {
			seen[n.url] = true
			feeds = append(feeds, n.url)
		}
	}
	return feeds, nil
}

// storeHandler codes each article dyad watch fetches and stores it. It is
// the seam for a queue: a handler that publishes the page as a job for
// "dyad worker" would take its place.
type storeHandler struct {
	e  *env
	c  *docCoder
	st store.Store
}

func (h *storeHandler) Handle(ctx context.Context, p ingest.Page) (watch.Result, error) {
	d, err := ingest.FromPage(p, func(n ingest.Notice) { fmt.Fprintf(h.e.stderr, "dyad watch: %s\n", n) })
	if err != nil {
		var ie *ingest.InputError
		if errors.As(err, &ie) {
			return watch.Result{}, ie.Err // the watcher names the item
		}
		return watch.Result{}, err
	}
	evs, err := h.c.code(ctx, d)
	if err != nil {
		return watch.Result{}, fmt.Errorf("code: %w", err)
	}
	added, err := h.st.PutDocument(ctx, d, evs)
	if err != nil {
		return watch.Result{}, fmt.Errorf("store: %w", err)
	}
	if !added {
		return watch.Result{}, nil
	}
	return watch.Result{New: true, Events: len(evs)}, nil
}

// stamp is a time for status, "-" for never.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}
