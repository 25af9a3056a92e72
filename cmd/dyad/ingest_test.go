package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/queue"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

// TestIngestRefusedDocument: a document the store refuses (one of its
// event ids is already another document's) is named on one line of
// stderr and counted as failed; the documents before and after it are
// stored, and the ingest exits 1, as when an input cannot be read.
func TestIngestRefusedDocument(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"a.txt": "Japan and South Korea signed a trade agreement in Tokyo on Monday, officials said.",
		"b.txt": "Iran seized a British tanker in the Strait of Hormuz on Friday, the Revolutionary Guards said.",
		"c.txt": "India expelled a Pakistani diplomat on Tuesday, the foreign ministry in New Delhi said.",
	}
	var paths []string
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(texts[name]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	evs := jsonlEvents(t, "code", "--quiet", paths[1])
	if len(evs) == 0 {
		t.Fatal("b.txt codes no event; the test needs one")
	}
	taken, _ := evs[0]["id"].(string)

	// Another document already has b.txt's first event id.
	db := filepath.Join(dir, "refused.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	other := storetest.Doc("other", "refused", "2019-06-28", "Japan met South Korea in Osaka.")
	if _, err := st.PutDocument(ctx, other, []doc.Event{storetest.Event(other, taken, 0, "JPNGOV", "KORGOV", "042", "2019-06-28")}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, stderr := dyad(t, append([]string{"ingest", "--quiet", "--db", db}, paths...)...)
	if code != 1 {
		t.Errorf("dyad ingest exited %d, want 1 (one input failed); stderr: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], paths[1]) || !strings.Contains(lines[0], taken) ||
		lines[1] != "dyad ingest: 1 of 3 inputs failed" {
		t.Errorf("stderr %q, want one line naming %s and the event id %s, then the count of failed inputs", stderr, paths[1], taken)
	}
	if !strings.HasPrefix(out, "3 documents read, 2 new,") || !strings.Contains(out, ", 1 failed,") {
		t.Errorf("summary %q, want 3 read, 2 new, 1 failed", out)
	}
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 3 {
		t.Errorf("%d documents stored, want 3 (the other document, a.txt and c.txt)", c.Documents)
	}
}

// TestWorkerRefusedDocument: a worker's job whose document the store
// refuses fails for good (queue.ErrPermanent), so the queue dead-letters
// it at once rather than trying it again and again.
func TestWorkerRefusedDocument(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(p, []byte("Iran seized a British tanker in the Strait of Hormuz on Friday, the Revolutionary Guards said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	evs := jsonlEvents(t, "code", "--quiet", p)
	if len(evs) == 0 {
		t.Fatal("b.txt codes no event; the test needs one")
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "worker.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	other := storetest.Doc("other", "refused", "2019-06-28", "Japan met South Korea in Osaka.")
	taken, _ := evs[0]["id"].(string)
	if _, err := st.PutDocument(ctx, other, []doc.Event{storetest.Event(other, taken, 0, "JPNGOV", "KORGOV", "042", "2019-06-28")}); err != nil {
		t.Fatal(err)
	}

	var cfg config
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	c, err := newCoder(e, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	var d *doc.Document
	if err := ingest.Walk(ctx, []string{p}, ingest.Options{}, func(got *doc.Document, err error) error {
		d = got
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, added, err := storeJob(ctx, e, &cfg, st, c, d)
	if added || !errors.Is(err, store.ErrConflict) || !errors.Is(err, queue.ErrPermanent) {
		t.Errorf("storeJob = added %v, %v; want a permanent conflict", added, err)
	}
}
