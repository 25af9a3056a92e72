package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/queue"
	"github.com/dyad-events/dyad/internal/store"
)

const helpWorker = `Takes document jobs from the NATS JetStream work queue at --queue (filled by
"dyad ingest --queue"), codes each on one of --workers goroutines and stores
it in --db, usually a PostgreSQL store shared by every worker
(postgres://user@host:5432/dyad). Run as many workers, on as many machines,
as there are cores to code with. A job is acknowledged only after its
document's transaction has committed; a worker that dies leaves its jobs to
the others after --ack-wait, and a job done twice stores nothing twice,
since documents are identified by content hash. A job that fails
--max-deliver times goes to the dead-letter subject dyad.dead with the
reason ("dyad status --queue" lists them), and one the store refuses as it
is (an event id another document has) goes there at once. The worker runs until interrupted
(Ctrl-C or SIGTERM), then finishes the jobs in hand and says what it did.`

func runWorker(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("worker", &cfg, "db", "queue", "dicts", "workers")
	var opt queue.Options
	fs.IntVar(&opt.MaxDeliver, "max-deliver", 5, "tries of a job before it goes to the dead letters")
	fs.DurationVar(&opt.AckWait, "ack-wait", time.Minute, "how long a job may go unacknowledged before another worker gets it")
	rest, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q: a worker takes its documents from --queue", rest[0])
	}
	if cfg.Queue == "" {
		return usagef("--queue is required: the NATS server, e.g. nats://127.0.0.1:4222")
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.Open(ctx, cfg.Queue, opt)
	if err != nil {
		return err
	}
	defer q.Close()
	c, err := newCoder(e, &cfg)
	if err != nil {
		return err
	}
	var (
		mu                         sync.Mutex
		added, known, failed, evts int
	)
	handle := func(ctx context.Context, j queue.Job) error {
		d := j.Document()
		n, isNew, err := storeJob(ctx, e, &cfg, st, c, d)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		evts += n
		if isNew {
			added++
		} else {
			known++
		}
		return nil
	}
	report := func(j queue.Job, err error) {
		if err == nil {
			return
		}
		mu.Lock()
		failed++
		mu.Unlock()
		fmt.Fprintf(e.stderr, "dyad worker: %s (%s): %v\n", j.ID, j.Origin, err)
	}
	werr := q.Work(ctx, cfg.Workers, handle, report)
	fmt.Fprintf(e.stdout, "%d documents stored, %d already known, %d events stored, %d failures\n", added, known, evts, failed)
	return werr
}

// storeJob codes d and stores it; content already stored is updated when
// d brings new metadata, as "dyad ingest" does. It returns the number of
// events stored and whether d was new.
func storeJob(ctx context.Context, e *env, cfg *config, st store.Store, c *docCoder, d *doc.Document) (int, bool, error) {
	evs, err := c.code(ctx, d)
	if err != nil {
		return 0, false, fmt.Errorf("code: %w", err)
	}
	added, err := st.PutDocument(ctx, d, evs)
	if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrInvalid) {
		// The store refuses the document as it is: so would it again.
		return 0, false, queue.Permanent(fmt.Errorf("store: %w", err))
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: %w", err)
	}
	if added {
		return len(evs), true, nil
	}
	n, err := updateKnown(ctx, e, cfg, st, d, &c)
	if err != nil {
		return 0, false, fmt.Errorf("update: %w", err)
	}
	return max(n, 0), false, nil
}

// publishInputs is "dyad ingest --queue": it reads the inputs and queues
// each document for the workers, without coding or storing anything.
func publishInputs(ctx context.Context, e *env, cfg *config, inputs []string) error {
	q, err := queue.Open(ctx, cfg.Queue, queue.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	opt := ingest.Options{Manifest: cfg.Manifest, Stdin: e.stdin, MaxSize: cfg.MaxSize,
		Notify: func(n ingest.Notice) { fmt.Fprintf(e.stderr, "dyad: %s\n", n) }}
	var read, queued, failed int
	werr := ingest.Walk(ctx, inputs, opt, func(d *doc.Document, err error) error {
		read++
		if err == nil {
			var ok bool
			if ok, err = q.Publish(ctx, d); ok {
				queued++
			}
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dyad: %s\n", describe(&result{doc: d, err: err}))
		}
		return ctx.Err()
	})
	fmt.Fprintf(e.stdout, "%d documents read, %d queued, %d already queued, %d failed; queue %s\n",
		read, queued, read-queued-failed, failed, cfg.Queue)
	if werr != nil {
		return werr
	}
	if failed > 0 {
		return &partialError{failed: failed, total: read}
	}
	return nil
}

// printQueueStatus writes the work queue's state: what waits, what is in
// flight, what failed, and the jobs done per second over interval.
func printQueueStatus(ctx context.Context, w io.Writer, url string, interval time.Duration) error {
	q, err := queue.Open(ctx, url, queue.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	first, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	select {
	case <-time.After(interval):
	case <-ctx.Done():
		return ctx.Err()
	}
	st, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	rate := float64(st.Done-min(first.Done, st.Done)) / time.Since(start).Seconds()
	fmt.Fprintf(w, "queue %s\n", url)
	fmt.Fprintf(w, "  waiting      %d jobs\n", st.Waiting)
	fmt.Fprintf(w, "  in flight    %d jobs (%d redelivered)\n", st.InFlight, st.Redelivered)
	fmt.Fprintf(w, "  done         %d jobs\n", st.Done)
	fmt.Fprintf(w, "  throughput   %.1f documents/s over %s\n", rate, interval)
	fmt.Fprintf(w, "  failures     %d dead letters (subject %s)\n", st.Dead, queue.DeadSubject)
	if st.Dead == 0 {
		return nil
	}
	dead, err := q.DeadLetters(ctx, 10)
	if err != nil {
		return err
	}
	for _, d := range dead {
		reason, _, _ := strings.Cut(d.Reason, "\n")
		fmt.Fprintf(w, "    %s (%s) after %d tries: %s\n", d.Job.ID, d.Job.Origin, d.Deliveries, reason)
	}
	if st.Dead > uint64(len(dead)) {
		fmt.Fprintf(w, "    ... and %d more\n", st.Dead-uint64(len(dead)))
	}
	return nil
}
