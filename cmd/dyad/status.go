package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"
)

const helpStatus = `Prints what the store holds (documents, sentences, events, actors) and each
feed "dyad watch" polls: its last success, failures in a row, next poll while
backing off, and its last error.

With --queue, prints the state of the NATS JetStream work queue that "dyad
ingest --queue" fills and "dyad worker" empties: jobs waiting, jobs workers
hold (in flight), redeliveries, dead letters with their reasons, jobs done,
and the throughput measured over --interval. The store is then shown only
when --db is given too.`

func runStatus(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("status", &cfg, "dbread", "queue")
	interval := fs.Duration("interval", 2*time.Second, "with --queue, how long to watch the queue to measure throughput")
	pos, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("status takes no arguments (got %q)", pos[0])
	}
	if *interval <= 0 {
		return usagef("--interval must be positive, got %s", *interval)
	}
	dbGiven := false
	fs.Visit(func(f *flag.Flag) { dbGiven = dbGiven || f.Name == "db" })
	if cfg.Queue == "" || dbGiven {
		if err := printStoreStatus(ctx, e, cfg.DB); err != nil {
			return err
		}
	}
	if cfg.Queue == "" {
		return nil
	}
	if dbGiven {
		fmt.Fprintln(e.stdout)
	}
	return printQueueStatus(ctx, e.stdout, cfg.Queue, *interval)
}

// printStoreStatus writes what the store at dsn holds and the state of
// the feeds dyad watch polls.
func printStoreStatus(ctx context.Context, e *env, dsn string) error {
	st, err := openReadStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store %s: %d documents, %d sentences, %d events, %d actors\n",
		dsn, n.Documents, n.Sentences, n.Events, n.Actors)
	fst, ok := st.(feedStore)
	if !ok {
		return nil
	}
	feeds, err := fst.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.stdout, "no feeds watched (dyad watch)")
		return nil
	}
	fmt.Fprintf(e.stdout, "\n%d %s watched:\n", len(feeds), plural(len(feeds), "feed", "feeds"))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tLAST SUCCESS\tFAILURES\tNEXT POLL\tLAST ERROR")
	for _, f := range feeds {
		lastErr := "-"
		if f.LastError != "" {
			lastErr = stamp(f.LastErrorAt) + " " + f.LastError
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.URL, stamp(f.LastSuccess), f.Failures, stamp(f.NextPoll), lastErr)
	}
	return tw.Flush()
}
