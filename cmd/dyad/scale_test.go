package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/natstest"
	"github.com/dyad-events/dyad/internal/pgtest"
	"github.com/dyad-events/dyad/internal/queue"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/postgres"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// scaleDocs is how many documents TestWorkersKilled sends through the
// queue: a few by default, to keep the suite quick; DYAD_SCALE_DOCS=2000
// runs issue 15's acceptance test at full size (about a minute here).
func scaleDocs(t *testing.T) int {
	v := os.Getenv("DYAD_SCALE_DOCS")
	if v == "" {
		return 150
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 10 {
		t.Fatalf("DYAD_SCALE_DOCS=%q: want a number of documents, at least 10", v)
	}
	return n
}

// TestWorkersKilled is issue 15's acceptance 2: synthetic documents queued
// on a real NATS JetStream server go through three worker processes into
// a real PostgreSQL store; one worker is killed with SIGKILL mid-run and
// started again. The documents and events stored equal those of a
// single-process SQLite ingest of the same input, with none twice.
func TestWorkersKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL, NATS and three worker processes")
	}
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	nats := natstest.Start(t)
	n := scaleDocs(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if _, err := writeBenchCorpus(corpus, n, 60); err != nil {
		t.Fatal(err)
	}

	// The reference: one process, SQLite.
	ref := filepath.Join(dir, "ref.db")
	if code, _, stderr := dyad(t, "ingest", "--quiet", "--db", ref, corpus); code != 0 {
		t.Fatalf("reference ingest exited %d: %s", code, stderr)
	}

	code, out, stderr := dyad(t, "ingest", "--queue", nats.URL(), corpus)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d queued", n)) {
		t.Fatalf("ingest --queue exited %d: %s%s", code, out, stderr)
	}
	// The same content again queues nothing.
	if code, out, stderr := dyad(t, "ingest", "--queue", nats.URL(), corpus); code != 0 || !strings.Contains(out, fmt.Sprintf(" 0 queued, %d already queued", n)) {
		t.Fatalf("second ingest --queue exited %d: %s%s", code, out, stderr)
	}

	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	workers := make([]*worker, 3)
	for i := range workers {
		workers[i] = startWorker(t, i, nats.URL(), dsn)
	}
	defer func() {
		for _, w := range workers {
			w.stop(t)
		}
	}()
	// Kill worker 0 once a quarter of the documents are stored.
	stored := waitFor(t, pg, func(c store.Counts) bool { return c.Documents >= n/4 }, time.Duration(n)*time.Second)
	workers[0].kill(t)
	if stored.Documents >= n {
		t.Fatalf("all %d documents stored before the kill: the test killed nothing mid-run", n)
	}
	t.Logf("worker 0 killed with %d of %d documents stored", stored.Documents, n)
	workers[0] = startWorker(t, 0, nats.URL(), dsn)

	waitFor(t, pg, func(c store.Counts) bool { return c.Documents >= n }, time.Duration(n)*time.Second)
	q, err := queue.Open(ctx, nats.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	deadline := time.Now().Add(30 * time.Second)
	var st queue.Stats
	for {
		if st, err = q.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		if st.Waiting == 0 && st.InFlight == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if st.Waiting != 0 || st.InFlight != 0 || st.Dead != 0 || st.Done != uint64(n) {
		t.Errorf("queue at the end = %+v, want %d done and nothing waiting, in flight or dead", st, n)
	}
	for _, w := range workers {
		w.stop(t)
	}

	sq, err := sqlite.Open(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	sameStores(t, sq, pg, n)

	// One status command shows the store and the queue.
	code, status, stderr := dyad(t, "status", "--db", dsn, "--queue", nats.URL(), "--interval", "100ms")
	if code != 0 {
		t.Fatalf("status exited %d: %s", code, stderr)
	}
	for _, want := range []string{fmt.Sprintf("%d documents", n), "no feeds watched", "waiting      0 jobs",
		fmt.Sprintf("done         %d jobs", n), "failures     0 dead letters"} {
		if !strings.Contains(status, want) {
			t.Errorf("status lacks %q:\n%s", want, status)
		}
	}
}

// sameStores checks that b holds the same n documents and events as a.
func sameStores(t *testing.T, a, b store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	ca, err := a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ca.Documents != n || ca != cb {
		t.Errorf("counts: reference %+v, workers %+v; want %d documents in each", ca, cb, n)
	}
	da, err := a.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db, err := b.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(da, db) {
		t.Errorf("documents differ: reference has %d, workers %d", len(da), len(db))
	}
	ea, err := a.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	eb, err := b.Events(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ea) == 0 {
		t.Fatal("the reference run stored no events")
	}
	ids := func(es []doc.Event) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		slices.Sort(out)
		return out
	}
	ia, ib := ids(ea), ids(eb)
	if len(slices.Compact(slices.Clone(ib))) != len(ib) {
		t.Errorf("the workers stored an event id twice")
	}
	if !slices.Equal(ia, ib) {
		t.Fatalf("event ids differ: reference %d, workers %d", len(ia), len(ib))
	}
	for i := range ea {
		if !reflect.DeepEqual(ea[i], eb[i]) {
			t.Errorf("event %s differs:\nreference %+v\n  workers %+v", ea[i].ID, ea[i], eb[i])
			break
		}
	}
	t.Logf("%d documents, %d events the same in both stores", ca.Documents, len(ea))
}

// waitFor polls st until ok holds for its counts, or fails t after limit.
func waitFor(t *testing.T, st store.Store, ok func(store.Counts) bool, limit time.Duration) store.Counts {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		c, err := st.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if ok(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %s with %+v stored", limit, c)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// worker is a "dyad worker" child process: this test binary run as dyad.
type worker struct {
	cmd    *exec.Cmd
	name   string
	out    *strings.Builder
	done   chan struct{}
	once   sync.Once
	killed bool
}

func startWorker(t *testing.T, i int, url, dsn string) *worker {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	w := &worker{name: fmt.Sprintf("worker %d", i), out: new(strings.Builder), done: make(chan struct{})}
	w.cmd = exec.Command(self, "worker", "--queue", url, "--db", dsn, "--workers", "1", "--ack-wait", "3s")
	w.cmd.Env = append(os.Environ(), "DYAD_TEST_AS_DYAD=1")
	w.cmd.Stdout, w.cmd.Stderr = w.out, w.out
	if err := w.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", w.name, err)
	}
	go func() {
		w.cmd.Wait()
		close(w.done)
	}()
	return w
}

func (w *worker) kill(t *testing.T) {
	t.Helper()
	if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill %s: %v", w.name, err)
	}
	<-w.done
	w.killed = true
}

// stop interrupts the worker as Ctrl-C would and waits for it; it must
// exit 0 having reported no failure.
func (w *worker) stop(t *testing.T) {
	t.Helper()
	w.once.Do(func() {
		if w.killed {
			return
		}
		w.cmd.Process.Signal(os.Interrupt)
		select {
		case <-w.done:
		case <-time.After(30 * time.Second):
			w.cmd.Process.Kill()
			<-w.done
			t.Errorf("%s did not stop within 30 s of SIGINT", w.name)
		}
		if code := w.cmd.ProcessState.ExitCode(); code != 0 || !strings.Contains(w.out.String(), " 0 failures") {
			t.Errorf("%s exited %d: %s", w.name, code, w.out.String())
		}
	})
}

// TestWorkerThroughput measures documents per second through the queue
// into PostgreSQL with one worker process and with two (docs/scaling.md).
// It runs only when DYAD_SCALE_BENCH names a number of documents:
//
//	DYAD_SCALE_BENCH=1000 go test -run TestWorkerThroughput -v ./cmd/dyad
func TestWorkerThroughput(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_SCALE_BENCH"))
	if n <= 0 {
		t.Skip("set DYAD_SCALE_BENCH=N (documents) to measure worker throughput")
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	if _, err := writeBenchCorpus(corpus, n, 600); err != nil {
		t.Fatal(err)
	}
	var rate [3]float64
	for _, k := range []int{1, 2} {
		var cpu time.Duration
		rate[k], cpu = workerRate(t, corpus, n, k)
		t.Logf("%d worker process(es), --workers 1 each: %d documents in %.1f s, %.1f documents/s; the workers used %.1f ms of CPU per document",
			k, n, float64(n)/rate[k], rate[k], float64(cpu.Microseconds())/1000/float64(n))
	}
	t.Logf("two workers run %.2f× one", rate[2]/rate[1])
}

// workerRate queues the n documents of corpus once k idle workers wait
// for jobs, and times until all are stored. It also says how much CPU time
// the workers used in all, start-up included.
func workerRate(t *testing.T, corpus string, n, k int) (float64, time.Duration) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	nats := natstest.Start(t)
	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	q, err := queue.Open(ctx, nats.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var ws []*worker
	for i := range k {
		ws = append(ws, startWorker(t, i, nats.URL(), dsn))
	}
	defer func() {
		for _, w := range ws {
			w.stop(t)
		}
	}()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		st, err := q.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Waiters >= k {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d workers not waiting for jobs after 30 s", k)
		}
	}
	start := time.Now()
	if code, out, stderr := dyad(t, "ingest", "--queue", nats.URL(), corpus); code != 0 {
		t.Fatalf("ingest --queue exited %d: %s%s", code, out, stderr)
	}
	waitFor(t, pg, func(c store.Counts) bool { return c.Documents >= n }, time.Duration(n)*time.Second)
	rate := float64(n) / time.Since(start).Seconds()
	var cpu time.Duration
	for _, w := range ws {
		w.stop(t)
		cpu += w.cmd.ProcessState.UserTime() + w.cmd.ProcessState.SystemTime()
	}
	return rate, cpu
}

// TestPostgresSameAnswers: the seeds ingested into PostgreSQL answer
// series, top, events and search exactly as the same ingest into SQLite
// does (issue 15's acceptance 3, through the command line).
func TestPostgresSameAnswers(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	manifest := filepath.Join(seeds, "manifest.jsonl")
	dsn := pgtest.DSN(t)
	lite := filepath.Join(t.TempDir(), "seeds.db")
	for _, db := range []string{lite, dsn} {
		if code, out, stderr := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", manifest, seeds); code != 0 {
			t.Fatalf("ingest --db %s exited %d: %s%s", db, code, out, stderr)
		}
	}
	for _, args := range [][]string{
		{"series", "--dyad", "RUS-CHN", "--both", "--interval", "year", "--format", "json"},
		{"series", "--dyad", "CHN-RUS", "--interval", "month", "--format", "csv"},
		{"top", "dyads", "--format", "json"},
		{"top", "actors", "--dyad", "RUS-CHN", "--both", "--n", "5"},
		{"events", "--root", "04", "--format", "jsonl"},
		{"search", "gas", "deal"},
	} {
		wantCode, want, wantErr := dyad(t, append(args, "--db", lite)...)
		if want == "" {
			t.Fatalf("dyad %q over SQLite printed nothing to compare (exit %d, %s)", args, wantCode, wantErr)
		}
		code, got, gotErr := dyad(t, append(args, "--db", dsn)...)
		if args[0] == "search" {
			// The same hits; "best first" is each backend's own score
			// (SQLite's BM25, PostgreSQL's ts_rank), so compare in order
			// of document and sentence.
			want, got = sortedHits(want), sortedHits(got)
		}
		if code != wantCode || got != want || gotErr != wantErr {
			t.Errorf("dyad %q over PostgreSQL (exit %d, %s):\n%s\nover SQLite (exit %d, %s):\n%s", args, code, gotErr, got, wantCode, wantErr, want)
		}
	}
}

// sortedHits puts the hits "dyad search" prints (a sentence line, then
// its event lines) in order of their sentence lines.
func sortedHits(out string) string {
	var hits []string
	for _, line := range strings.SplitAfter(out, "\n") {
		if strings.HasPrefix(line, " ") && len(hits) > 0 {
			hits[len(hits)-1] += line
			continue
		}
		hits = append(hits, line)
	}
	slices.Sort(hits)
	return strings.Join(hits, "")
}

// TestIngestQueueBadInput: one bad input is named and the others are
// queued; the exit status is 1.
func TestIngestQueueBadInput(t *testing.T) {
	nats := natstest.Start(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("Russia and China signed a gas deal in Beijing on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	code, out, stderr := dyad(t, "ingest", "--queue", nats.URL(), good, missing)
	if code != exitPartial || !strings.Contains(out, "2 documents read, 1 queued, 0 already queued, 1 failed") || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("ingest --queue with a missing input = exit %d, %q, %q; want 1, one queued, the missing file named", code, out, stderr)
	}
	if code, _, stderr := dyad(t, "worker", "--db", filepath.Join(dir, "x.db")); code != exitUsage || !strings.Contains(stderr, "--queue is required") {
		t.Errorf("worker without --queue = exit %d, %q; want a usage error", code, stderr)
	}
}
