// Package queue carries documents to be coded from `dyad ingest --queue`
// to any number of `dyad worker` processes through a NATS JetStream work
// queue. A job is a document as read (its text before cleaning and its
// metadata); its content hash is the message id, so the same content
// published twice within the duplicate window is queued once. A worker
// acknowledges a job only after the document's transaction has committed,
// so a worker that dies redelivers its jobs to the others, and redelivery
// is harmless because the store identifies documents by content hash. A
// job that fails MaxDeliver times goes to the dead-letter subject with the
// reason.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-events/dyad/internal/doc"
)

// Names of the streams, subjects and consumer dyad uses on the server.
const (
	JobStream  = "DYAD_JOBS"
	JobSubject = "dyad.jobs"
	DeadStream = "DYAD_DEAD"
	// DeadSubject receives each poison job, with the Dyad-Reason and
	// Dyad-Deliveries headers saying why and after how many tries.
	DeadSubject = "dyad.dead"
	Consumer    = "dyad-workers"
)

// Options tune a queue; the zero value is usable.
type Options struct {
	// MaxDeliver is how many times a job is tried before it goes to the
	// dead-letter subject (default 5).
	MaxDeliver int
	// AckWait is how long a delivered job may go unacknowledged before
	// it is given to another worker, e.g. when its worker was killed
	// (default 60 s; a job is acknowledged as "in progress" while coding
	// runs, so a long document is not redelivered too early).
	AckWait time.Duration
	// Duplicates is how long a content hash is remembered so the same
	// content is not queued twice (default 24 h).
	Duplicates time.Duration
}

func (o Options) withDefaults() Options {
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.Duplicates <= 0 {
		o.Duplicates = 24 * time.Hour
	}
	return o
}

// Queue is a connection to the NATS server holding dyad's work queue.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	jobs jetstream.Stream
	dead jetstream.Stream
	opt  Options
}

// Open connects to the NATS server at url (nats://host:port) and creates
// or updates dyad's streams and consumer.
func Open(ctx context.Context, url string, opt Options) (*Queue, error) {
	opt = opt.withDefaults()
	nc, err := nats.Connect(url, nats.Name("dyad"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue %s: connect: %w", url, err)
	}
	q := &Queue{nc: nc, opt: opt}
	if err := q.setUp(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", url, err)
	}
	return q, nil
}

func (q *Queue) setUp(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	q.jobs, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        JobStream,
		Description: "documents for dyad workers to code and store",
		Subjects:    []string{JobSubject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  q.opt.Duplicates,
	})
	if err != nil {
		return fmt.Errorf("job stream: %w", err)
	}
	q.dead, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        DeadStream,
		Description: "documents dyad workers gave up on, with the reason",
		Subjects:    []string{DeadSubject},
		Storage:     jetstream.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("dead-letter stream: %w", err)
	}
	_, err = q.jobs.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opt.AckWait,
		MaxDeliver:    q.opt.MaxDeliver,
		MaxAckPending: 1000,
	})
	if err != nil {
		return fmt.Errorf("consumer: %w", err)
	}
	return nil
}

// Close closes the connection after sending what is buffered.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		return fmt.Errorf("close queue: %w", err)
	}
	return nil
}

// Job is what travels on the queue: a document as read, before cleaning.
type Job struct {
	ID        string `json:"id"`
	Origin    string `json:"origin"`
	Hash      string `json:"hash"`
	Format    string `json:"format"`
	Body      string `json:"body"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	DateFrom  string `json:"date_from,omitempty"`
}

// JobOf is the job for a document read by package ingest.
func JobOf(d *doc.Document) Job {
	return Job{ID: d.ID, Origin: d.Origin, Hash: d.Hash, Format: d.Format, Body: d.Body,
		Title: d.Title, Source: d.Source, Published: d.Published, DateFrom: d.DateFrom}
}

// Document is the job as a document ready for the pipeline.
func (j Job) Document() *doc.Document {
	return &doc.Document{ID: j.ID, Origin: j.Origin, Hash: j.Hash, Format: j.Format, Body: j.Body,
		Title: j.Title, Source: j.Source, Published: j.Published, DateFrom: j.DateFrom}
}

// ErrBadJob marks a message that is not a job; it goes to the dead
// letters at once.
var ErrBadJob = errors.New("not a dyad job")

func decode(data []byte) (Job, error) {
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return Job{}, fmt.Errorf("%w: %w", ErrBadJob, err)
	}
	if j.Hash == "" || j.ID == "" {
		return Job{}, fmt.Errorf("%w: no hash or id", ErrBadJob)
	}
	return j, nil
}

// Publish queues d; its content hash is the message id. It reports false
// when the server already had that content within the duplicate window.
func (q *Queue) Publish(ctx context.Context, d *doc.Document) (queued bool, err error) {
	if d.Hash == "" {
		return false, fmt.Errorf("publish %s: %w: no content hash", d.ID, ErrBadJob)
	}
	b, err := json.Marshal(JobOf(d))
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", d.ID, err)
	}
	ack, err := q.js.Publish(ctx, JobSubject, b, jetstream.WithMsgID(d.Hash))
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", d.ID, err)
	}
	return !ack.Duplicate, nil
}

// Handler codes and stores one job's document, and returns only once its
// transaction has committed (or failed). An error Permanent wraps says
// that trying the job again cannot help.
type Handler func(ctx context.Context, j Job) error

// ErrPermanent matches (errors.Is) every error Permanent marks.
var ErrPermanent = errors.New("permanent failure")

// permanent marks an error no later try of the same job can mend.
type permanent struct{ error }

func (p permanent) Unwrap() error        { return p.error }
func (p permanent) Is(target error) bool { return target == ErrPermanent }

// Permanent marks err as one that trying the job again cannot mend (the
// store refuses the document as it is): the job goes to the dead letters
// at once, not after MaxDeliver tries.
func Permanent(err error) error { return permanent{err} }

// Work takes jobs from the queue and runs handle on n goroutines until ctx
// is done, then waits for the jobs in hand. A job is acknowledged after
// handle returns nil; when it fails it is tried again later, and after
// MaxDeliver tries (or at once, when it is not a job or its error is
// Permanent) it is published to the dead-letter subject with the reason
// and removed. report, when not nil, is called after every job with its
// outcome.
func (q *Queue) Work(ctx context.Context, n int, handle Handler, report func(Job, error)) error {
	cons, err := q.jobs.Consumer(ctx, Consumer)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before taking a job: a clean stop
		}
		return fmt.Errorf("work: consumer: %w", err)
	}
	msgs := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range msgs {
				j, err := q.process(ctx, m, handle)
				if report != nil {
					report(j, err)
				}
			}
		}()
	}
	// Fetch at most n at a time, so jobs wait on the server, where another
	// worker can take them, rather than in this process.
	var fetchErr error
	for ctx.Err() == nil {
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() == nil {
				fetchErr = fmt.Errorf("work: fetch: %w", err)
			}
			break
		}
		for m := range batch.Messages() {
			msgs <- m
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			fetchErr = fmt.Errorf("work: fetch: %w", err)
			break
		}
	}
	close(msgs)
	wg.Wait()
	return fetchErr
}

// process handles one message; its context is not ctx, so that a job
// begun before shutdown is finished and acknowledged.
func (q *Queue) process(ctx context.Context, m jetstream.Msg, handle Handler) (Job, error) {
	jctx := context.WithoutCancel(ctx)
	j, err := decode(m.Data())
	if err != nil {
		return j, q.bury(jctx, m, err, 1)
	}
	// Keep the job ours while it is coded.
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(q.opt.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				m.InProgress()
			}
		}
	}()
	err = handle(jctx, j)
	close(stop)
	if err == nil {
		if aerr := m.DoubleAck(jctx); aerr != nil {
			return j, fmt.Errorf("ack %s: %w", j.ID, aerr)
		}
		return j, nil
	}
	meta, merr := m.Metadata()
	if merr != nil {
		return j, errors.Join(err, merr)
	}
	if int(meta.NumDelivered) >= q.opt.MaxDeliver || errors.Is(err, ErrPermanent) {
		return j, q.bury(jctx, m, err, int(meta.NumDelivered))
	}
	// Back off, 2 s, 8 s, 18 s... up to a minute, so that a database that
	// is down for a while is not hammered and does not bury every job.
	n := time.Duration(meta.NumDelivered)
	if nerr := m.NakWithDelay(min(2*n*n*time.Second, time.Minute)); nerr != nil {
		return j, errors.Join(err, nerr)
	}
	return j, err
}

// bury publishes m to the dead-letter subject with the reason and
// removes it from the work queue.
func (q *Queue) bury(ctx context.Context, m jetstream.Msg, reason error, tries int) error {
	dm := nats.NewMsg(DeadSubject)
	dm.Data = m.Data()
	dm.Header.Set("Dyad-Reason", reason.Error())
	dm.Header.Set("Dyad-Deliveries", strconv.Itoa(tries))
	if _, err := q.js.PublishMsg(ctx, dm); err != nil {
		return fmt.Errorf("%w; and publishing it to %s failed: %w", reason, DeadSubject, err)
	}
	if err := m.Term(); err != nil {
		return fmt.Errorf("%w; dead-lettered but not removed: %w", reason, err)
	}
	return fmt.Errorf("dead-lettered after %d tries: %w", tries, reason)
}

// Stats is the state of the work queue.
type Stats struct {
	// Waiting is how many jobs are queued and not yet taken.
	Waiting uint64
	// InFlight is how many jobs workers hold and have not acknowledged.
	InFlight int
	// Redelivered is how many jobs in hand were delivered more than once.
	Redelivered int
	// Done is how many jobs were done (acknowledged) since the stream
	// was created: those that left the queue less those dead-lettered.
	Done uint64
	// Dead is how many jobs are in the dead-letter stream.
	Dead uint64
	// Waiters is how many fetch requests from workers wait for jobs.
	Waiters int
}

// Stats reads the queue's counts from the server.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	si, err := q.jobs.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	cons, err := q.jobs.Consumer(ctx, Consumer)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	pending := si.State.Msgs
	left := si.State.LastSeq - pending
	return Stats{
		Waiting:     pending - min(pending, uint64(ci.NumAckPending)),
		InFlight:    ci.NumAckPending,
		Redelivered: ci.NumRedelivered,
		Done:        left - min(left, di.State.Msgs),
		Dead:        di.State.Msgs,
		Waiters:     ci.NumWaiting,
	}, nil
}

// DeadLetters returns up to n jobs from the dead-letter stream, oldest
// first, each with its reason.
func (q *Queue) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; len(out) < n && seq <= info.State.LastSeq; seq++ {
		m, err := q.dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("dead letters: %w", err)
		}
		j, _ := decode(m.Data)
		tries, _ := strconv.Atoi(m.Header.Get("Dyad-Deliveries"))
		out = append(out, DeadLetter{Job: j, Reason: m.Header.Get("Dyad-Reason"), Deliveries: tries})
	}
	return out, nil
}

// DeadLetter is a job a worker gave up on.
type DeadLetter struct {
	Job        Job
	Reason     string
	Deliveries int
}
