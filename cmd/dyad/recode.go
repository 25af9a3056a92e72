package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

const helpRecode = `Codes stored documents again, from the text they were stored with, with the
current dictionaries and coder (and any --actors, --agents or --verbs), and
replaces each document's sentences and events in one transaction. An event that
comes out the same keeps its id. Each document records what coded it (dyad's
build, the dictionaries and the code tables), and every event carries it.
A date dyad read from a dateline is read again; manifest dates are kept.

With no filter every document is re-coded; with --doc ID, the documents of that
id; with event filters, the documents that hold a matching event. A document
that fails is named on standard error and keeps what it had; the exit status
is then 1.
` + helpFilters

const helpRm = `Removes stored documents, named by id (as "dyad events" shows them; every
stored version of that id) or content hash, with their sentences and events.
A name that matches no document is reported and the exit status is 1.`

func runRecode(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("recode", &cfg, "dbread", "dicts", "quiet", "filters")
	pos, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("recode takes no inputs (got %q): select stored documents with --doc or the event filters", pos[0])
	}
	if cfg.Filter.Limit != 0 {
		return usagef("recode re-codes whole documents and takes no --limit")
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := selectDocuments(ctx, st, cfg.Filter)
	if err != nil {
		return err
	}
	c, err := newCoder(e, &cfg)
	if err != nil {
		return err
	}
	bar := newProgress(e, &cfg, len(docs), "re-coding")
	var sum struct{ docs, kept, added, gone, failed int }
	for _, di := range docs {
		kept, added, err := recodeDocument(ctx, st, c, di.Hash)
		bar.add(1)
		if err != nil {
			if ctx.Err() != nil {
				bar.finish()
				return ctx.Err()
			}
			sum.failed++
			bar.clear()
			fmt.Fprintf(e.stderr, "dyad: %s: %v\n", di.ID, err)
			continue
		}
		sum.docs++
		sum.kept, sum.added, sum.gone = sum.kept+kept, sum.added+added, sum.gone+di.Events-kept
	}
	bar.finish()
	fmt.Fprintf(e.stdout, "%d documents re-coded: %d events kept, %d new, %d gone; %d failed; coding %s\n",
		sum.docs, sum.kept, sum.added, sum.gone, sum.failed, c.coding)
	if sum.failed > 0 {
		return &partialError{failed: sum.failed, total: len(docs)}
	}
	return nil
}

// selectDocuments lists the stored documents f selects: all for no
// filter, those of f.Doc, or those holding an event f matches.
func selectDocuments(ctx context.Context, st store.Store, f store.Filter) ([]store.DocInfo, error) {
	all, err := st.Documents(ctx)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	switch {
	case f == store.Filter{}:
		return all, nil
	case f == store.Filter{Doc: f.Doc}:
		if err := checkDoc(ctx, st, f.Doc); err != nil {
			return nil, err
		}
		want[f.Doc] = true
	default:
		evs, err := st.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, ev := range evs {
			want[ev.Doc] = true
		}
	}
	var out []store.DocInfo
	for _, di := range all {
		if want[di.ID] {
			out = append(out, di)
		}
	}
	return out, nil
}

// recodeDocument codes the stored document with hash again and replaces
// its sentences and events; it says how many of the new events were
// stored before (same id) and how many are new.
func recodeDocument(ctx context.Context, st store.Store, c *docCoder, hash string) (kept, added int, err error) {
	d, err := st.Document(ctx, hash)
	if err != nil {
		return 0, 0, err
	}
	old, err := st.Events(ctx, store.Filter{Doc: d.ID})
	if err != nil {
		return 0, 0, err
	}
	had := map[string]bool{}
	for _, ev := range old {
		had[ev.ID] = true
	}
	if d.DateFrom == "dateline" {
		d.Published, d.DateFrom = "", "" // read again by the current cleaner
	}
	evs, err := c.code(ctx, d)
	if err != nil {
		return 0, 0, err
	}
	if err := st.Replace(ctx, d, evs); err != nil {
		return 0, 0, err
	}
	for _, ev := range evs {
		if had[ev.ID] {
			kept++
		}
	}
	return kept, len(evs) - kept, nil
}

// updateKnown handles content the store already holds: when d (just read
// and coded) brings metadata the stored document lacks, or a manifest
// that says otherwise, the document takes it and is coded again. It
// returns how many events were stored, or -1 when nothing changed. c is
// made on first use.
func updateKnown(ctx context.Context, e *env, cfg *config, st store.Store, d *doc.Document, c **docCoder) (int, error) {
	stored, err := st.Document(ctx, d.Hash)
	if err != nil {
		return -1, err
	}
	if !mergeMetadata(stored, d) {
		return -1, nil
	}
	if *c == nil {
		if *c, err = newCoder(e, cfg); err != nil {
			return -1, err
		}
	}
	evs, err := (*c).code(ctx, d)
	if err != nil {
		return -1, err
	}
	if err := st.Replace(ctx, d, evs); err != nil {
		return -1, err
	}
	return len(evs), nil
}

// mergeMetadata gives in the metadata it should be stored with, given
// what is stored for the same content, and reports whether that differs
// from what is stored. A manifest's id (one that is not the input's own
// name) wins; a title or outlet fills an empty one, and replaces one when
// the input came with manifest metadata; a date replaces one from a
// source no more certain (manifest over HTML over feed over dateline).
func mergeMetadata(stored, in *doc.Document) bool {
	m := *stored
	fromManifest := in.DateFrom == "manifest" || !isDefaultID(in)
	if in.ID != stored.ID && !isDefaultID(in) {
		m.ID = in.ID
	}
	if in.Title != "" && (m.Title == "" || fromManifest) {
		m.Title = in.Title
	}
	if in.Source != "" && (m.Source == "" || fromManifest) {
		m.Source = in.Source
	}
	if in.Published != "" && dateRank(in.DateFrom) >= dateRank(stored.DateFrom) {
		m.Published, m.DateFrom = in.Published, in.DateFrom
	}
	changed := m.ID != stored.ID || m.Title != stored.Title || m.Source != stored.Source ||
		m.Published != stored.Published || m.DateFrom != stored.DateFrom
	in.ID, in.Title, in.Source, in.Published, in.DateFrom = m.ID, m.Title, m.Source, m.Published, m.DateFrom
	return changed
}

// isDefaultID reports whether d's id is the one ingest gives an input
// without a manifest id: its file name, or its URL.
func isDefaultID(d *doc.Document) bool {
	return d.ID == d.Origin || d.ID == filepath.Base(d.Origin)
}

// dateRank orders where a publication date came from by how sure it is.
func dateRank(from string) int {
	switch from {
	case "manifest":
		return 4
	case "html":
		return 3
	case "feed":
		return 2
	case "dateline":
		return 1
	}
	return 0
}

func runRm(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("rm", &cfg, "dbread")
	keys, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return usagef("name the documents to remove, by id or content hash")
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	all, err := st.Documents(ctx)
	if err != nil {
		return err
	}
	removed, events, failed := 0, 0, 0
	for _, key := range keys {
		n, err := st.Remove(ctx, key)
		if err != nil {
			return err
		}
		if n == 0 {
			failed++
			fmt.Fprintf(e.stderr, "dyad rm: %s: no stored document has this id or hash\n", key)
			continue
		}
		removed += n
		for _, di := range all {
			if di.ID == key || di.Hash == key {
				events += di.Events
			}
		}
	}
	fmt.Fprintf(e.stdout, "%d documents removed with their %d events; store %s\n", removed, events, cfg.DB)
	if failed > 0 {
		return &partialError{failed: failed, total: len(keys)}
	}
	return nil
}
