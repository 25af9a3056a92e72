package main

import (
	"context"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

// Ingested documents are stored in batches (store.Store.PutDocuments):
// the storing goroutine takes the documents coded since its last batch,
// and waits up to batchWait after the first for more, until it has
// batchDocs or batchBytes of text. A batch costs one transaction, one
// commit and one clustering of the pairs its documents touch, where a
// document each would pay them each time; the wait is what lets batches
// form when the coders are slower than the store (docs/performance.md).
// queued documents wait while a batch is stored; when they are more, the
// coders wait.
const (
	batchDocs  = 256
	batchBytes = 16 << 20
	batchWait  = 5 * time.Second
	queued     = 64
)

// batcher stores the documents handed to add on a goroutine of its own,
// in batches, and calls done with each one's result, in the order they
// were added. After done returns an error, no more is stored.
type batcher struct {
	queue chan result
	ended chan struct{} // closed when the goroutine has returned
	mu    sync.Mutex
	err   error // the first error done returned
}

func startBatcher(ctx context.Context, st store.Store, done func(result, store.PutResult) error) *batcher {
	b := &batcher{queue: make(chan result, queued), ended: make(chan struct{})}
	go b.run(ctx, st, done)
	return b
}

func (b *batcher) run(ctx context.Context, st store.Store, done func(result, store.PutResult) error) {
	defer close(b.ended)
	for first := range b.queue {
		batch := b.collect(first)
		if b.failed() != nil {
			continue // drain: add stops the sender
		}
		puts := make([]store.Put, len(batch))
		for i, r := range batch {
			puts[i] = store.Put{Doc: r.doc, Events: r.events}
		}
		for i, res := range st.PutDocuments(ctx, puts) {
			if err := done(batch[i], res); err != nil {
				b.mu.Lock()
				b.err = err
				b.mu.Unlock()
				break
			}
		}
	}
}

// collect returns first and the documents queued after it, up to
// batchDocs and batchBytes, waiting at most batchWait for them.
func (b *batcher) collect(first result) []result {
	batch := []result{first}
	size := textBytes(first)
	timer := time.NewTimer(batchWait)
	defer timer.Stop()
	for len(batch) < batchDocs && size < batchBytes {
		select {
		case r, ok := <-b.queue:
			if !ok {
				return batch
			}
			batch = append(batch, r)
			size += textBytes(r)
		case <-timer.C:
			return batch
		}
	}
	return batch
}

// textBytes is about what a coded document holds in memory: its input,
// its body and its cleaned text.
func textBytes(r result) int { return len(r.doc.Raw) + len(r.doc.Body) + len(r.doc.Text) }

func (b *batcher) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// add queues r to be stored; it returns the error with which storing an
// earlier document stopped, if it has. The sentences' tokens, the most of
// a coded document, are dropped: the store does not keep them, and a
// document coded again is split and parsed again.
func (b *batcher) add(r result) error {
	if err := b.failed(); err != nil {
		return err
	}
	for i := range r.doc.Sentences {
		r.doc.Sentences[i].Tokens, r.doc.Sentences[i].Parsed = nil, false
	}
	b.queue <- r
	return nil
}

// close stores what is queued, waits for the goroutine to end and returns
// the error storing stopped with, if any.
func (b *batcher) close() error {
	close(b.queue)
	<-b.ended
	return b.failed()
}
