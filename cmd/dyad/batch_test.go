package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// batchSizes is a store that notes how many documents each PutDocuments
// call was given.
type batchSizes struct {
	store.Store
	sizes []int
}

func (b *batchSizes) PutDocuments(ctx context.Context, puts []store.Put) []store.PutResult {
	b.sizes = append(b.sizes, len(puts))
	return b.Store.PutDocuments(ctx, puts)
}

// TestBatcher: documents queued faster than they are stored are stored
// several at a time, each one's result handed back in the order they
// were queued; a document that cannot be stored (an event id another
// document has) stops the storing with its error, and the other
// documents of its batch, before and after it, are stored all the same.
func TestBatcher(t *testing.T) {
	ctx := context.Background()
	sq, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "batch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	st := &batchSizes{Store: sq}
	var docs []result
	for n := range 40 {
		d := storetest.Doc(fmt.Sprintf("d%02d", n), "batch", "2019-06-28", "Japan met South Korea in Osaka.")
		id := d.ID + "-e"
		if n == 30 {
			id = "d05-e" // taken by document 5
		}
		docs = append(docs, result{doc: d, events: []doc.Event{storetest.Event(d, id, 0, "JPNGOV", "KORGOV", "042", "2019-06-28")}})
	}
	var seen []string
	b := startBatcher(ctx, st, func(r result, put store.PutResult) error {
		seen = append(seen, r.doc.ID)
		if put.Err != nil {
			return put.Err
		}
		if !put.Added {
			return fmt.Errorf("%s not added", r.doc.ID)
		}
		return nil
	})
	added := 0
	for _, r := range docs {
		if b.add(r) != nil {
			break
		}
		added++
	}
	err = b.close()
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("storing stopped with %v, want the conflict of document d30", err)
	}
	if want := docs[:31]; len(seen) != len(want) || seen[30] != "d30" || !slices.IsSorted(seen) {
		t.Errorf("results handed back for %v, want d00 to d30 in order", seen)
	}
	if len(st.sizes) == 0 || slices.Max(st.sizes) < 2 {
		t.Errorf("batches of %v documents, want some of several", st.sizes)
	}
	stored := 0
	for _, n := range st.sizes {
		stored += n
	}
	c, err := sq.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Every document of the batches handed to the store but d30 is
	// stored, those of d30's batch after it too (nothing is lost); those
	// queued later are not: the ingest stops with d30's error, as it did
	// when it stored a document at a time.
	if c.Documents != stored-1 || c.Events != stored-1 || stored < 31 || stored > added {
		t.Errorf("%d documents and %d events stored of %d handed to the store (%d queued), want all but d30", c.Documents, c.Events, stored, added)
	}
}
