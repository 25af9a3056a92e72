package queue

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/natstest"
)

func testDoc(i int) *doc.Document {
	return &doc.Document{ID: fmt.Sprintf("doc-%03d.txt", i), Origin: fmt.Sprintf("in/doc-%03d.txt", i),
		Hash: fmt.Sprintf("%064x", i+1), Format: "text", Body: fmt.Sprintf("Russia met China %d times.", i),
		Published: "2012-06-07", DateFrom: "manifest"}
}

func open(t *testing.T, url string, opt Options) *Queue {
	t.Helper()
	q, err := Open(context.Background(), url, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// TestPublishDedup: the same content is queued once; the job carries the
// document as read.
func TestPublishDedup(t *testing.T) {
	ctx := context.Background()
	q := open(t, natstest.Start(t).URL(), Options{})
	for i := range 3 {
		for try := range 2 {
			queued, err := q.Publish(ctx, testDoc(i))
			if err != nil {
				t.Fatal(err)
			}
			if queued != (try == 0) {
				t.Errorf("doc %d publish %d: queued = %v", i, try, queued)
			}
		}
	}
	st, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Waiting != 3 || st.InFlight != 0 || st.Done != 0 {
		t.Errorf("stats = %+v, want 3 waiting", st)
	}
	var mu sync.Mutex
	var got []Job
	wctx, cancel := context.WithCancel(ctx)
	err = q.Work(wctx, 2, func(_ context.Context, j Job) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, j)
		if len(got) == 3 {
			cancel()
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatalf("Work: %v", err)
	}
	slices.SortFunc(got, func(a, b Job) int { return strings.Compare(a.ID, b.ID) })
	for i, j := range got {
		if want := JobOf(testDoc(i)); j != want {
			t.Errorf("job %d = %+v, want %+v", i, j, want)
		}
	}
	if len(got) != 3 {
		t.Fatalf("handled %d jobs, want 3", len(got))
	}
	st = settle(t, q, func(st Stats) bool { return st.Waiting == 0 && st.InFlight == 0 && st.Done == 3 })
	if st.Waiting != 0 || st.InFlight != 0 || st.Done != 3 {
		t.Errorf("stats after work = %+v, want 3 done", st)
	}
}

// settle reads q's stats until done says they are what the test waits for,
// for a few seconds at most, and returns the last: the server removes an
// acknowledged job from the work queue a moment after the acknowledgement
// returns.
func settle(t *testing.T, q *Queue, done func(Stats) bool) Stats {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		st, err := q.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if done(st) || time.Now().After(deadline) {
			return st
		}
	}
}

// TestPoison: a job that always fails is tried MaxDeliver times, then sits
// in the dead letters with its reason; one whose error is Permanent goes
// there after its first try; the good jobs are done.
func TestPoison(t *testing.T) {
	ctx := context.Background()
	q := open(t, natstest.Start(t).URL(), Options{MaxDeliver: 2, AckWait: 3 * time.Second})
	for i := range 4 {
		if _, err := q.Publish(ctx, testDoc(i)); err != nil {
			t.Fatal(err)
		}
	}
	// Not a job at all.
	if _, err := q.js.Publish(ctx, JobSubject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	tries := map[string]int{}
	outcomes := 0
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := q.Work(wctx, 2, func(_ context.Context, j Job) error {
		mu.Lock()
		defer mu.Unlock()
		tries[j.ID]++
		switch j.ID {
		case "doc-001.txt":
			return errors.New("coder exploded")
		case "doc-003.txt":
			return Permanent(errors.New("store refused it"))
		}
		return nil
	}, func(Job, error) {
		mu.Lock()
		defer mu.Unlock()
		// 2 good, 1 bad job, 2 tries of the poison document, 1 of the
		// refused one.
		if outcomes++; outcomes == 6 {
			cancel()
		}
	})
	if err != nil {
		t.Fatalf("Work: %v", err)
	}
	if wctx.Err() == context.DeadlineExceeded {
		t.Fatalf("jobs not all settled in 30 s: tries %v", tries)
	}
	if tries["doc-001.txt"] != 2 || tries["doc-000.txt"] != 1 || tries["doc-002.txt"] != 1 || tries["doc-003.txt"] != 1 {
		t.Errorf("tries = %v, want the poison document twice, the others once", tries)
	}
	st := settle(t, q, func(st Stats) bool { return st.Dead == 3 && st.Done == 2 && st.Waiting == 0 && st.InFlight == 0 })
	if st.Dead != 3 || st.Done != 2 || st.Waiting != 0 || st.InFlight != 0 {
		t.Errorf("stats = %+v, want 2 done, 3 dead, nothing waiting or in flight", st)
	}
	dead, err := q.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 3 {
		t.Fatalf("dead letters = %+v, want 3", dead)
	}
	reasons := dead[0].Reason + " | " + dead[1].Reason + " | " + dead[2].Reason
	if !strings.Contains(reasons, "not a dyad job") || !strings.Contains(reasons, "coder exploded") || !strings.Contains(reasons, "store refused it") {
		t.Errorf("dead letter reasons = %q", reasons)
	}
	for _, d := range dead {
		if want := map[string]int{"doc-001.txt": 2, "doc-003.txt": 1}[d.Job.ID]; want > 0 && d.Deliveries != want {
			t.Errorf("%s dead after %d deliveries, want %d", d.Job.ID, d.Deliveries, want)
		}
	}
}
