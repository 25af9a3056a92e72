// Package store defines what dyad keeps between runs: documents, their
// sentences and the events coded from them. The Store interface is
// implemented by store/sqlite (one file, the default) and later by a
// PostgreSQL backend; store/storetest is the suite every backend must pass.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
)

// Store keeps documents, their sentences and coded events.
type Store interface {
	// PutDocument stores d (with d.Sentences) and its events in one
	// transaction. Documents are identified by d.Hash: when a document with
	// that hash exists, nothing is written and added is false.
	PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (added bool, err error)
	// PutDocuments stores each of puts as PutDocument would, and says
	// what became of each, in order: a document that cannot be stored
	// fails alone, the others are stored. A backend may store them in one
	// transaction, which costs less than one each.
	PutDocuments(ctx context.Context, puts []Put) []PutResult
	// Events returns the events matching f, ordered by document id, then
	// sentence index, then insertion order; each names its cluster
	// (doc.Event.Cluster).
	Events(ctx context.Context, f Filter) ([]doc.Event, error)
	// Documents lists the stored documents, ordered by id.
	Documents(ctx context.Context) ([]DocInfo, error)
	Counts(ctx context.Context) (Counts, error)
	// Search finds sentences matching the words of query (full-text, every
	// word must occur; a word ending in * matches as a prefix), best first.
	Search(ctx context.Context, query string, limit int) ([]SentenceHit, error)
	// Document returns the stored document with content hash hash: its
	// metadata, Coding, and the Body it was cleaned from (its cleaned Text
	// when stored before bodies were kept), without sentences.
	// ErrNotFound when no document has that hash.
	Document(ctx context.Context, hash string) (*doc.Document, error)
	// Replace replaces, in one transaction, what is stored for the
	// document with d.Hash: its metadata, sentences and events (a
	// re-coding). ErrNotFound when no document has that hash.
	Replace(ctx context.Context, d *doc.Document, events []doc.Event) error
	// Clusters returns the clusters that hold an event f selects, each
	// with all its reports, ordered by date; f.Limit caps the number of
	// clusters. Every stored event is in one cluster, kept current as
	// documents are stored, replaced and removed.
	Clusters(ctx context.Context, f Filter) ([]cluster.Cluster, error)
	// Disagreements returns where the reports of the clusters f selects
	// disagree, cluster by cluster.
	Disagreements(ctx context.Context, f Filter) ([]cluster.Disagreement, error)
	// Remove deletes the documents whose id or content hash is key, with
	// their sentences and events (and the actors no other event names),
	// and says how many documents it removed.
	Remove(ctx context.Context, key string) (int, error)
	Close() error
}

// Put is a document to store with its events (Store.PutDocuments).
type Put struct {
	Doc    *doc.Document
	Events []doc.Event
}

// PutResult is what became of a Put: as PutDocument returns them.
type PutResult struct {
	Added bool
	Err   error
}

// PutEach stores puts one at a time with put (a backend's PutDocument),
// for a backend that gains nothing from storing them together.
func PutEach(ctx context.Context, puts []Put, put func(context.Context, *doc.Document, []doc.Event) (bool, error)) []PutResult {
	out := make([]PutResult, len(puts))
	for i, p := range puts {
		out[i].Added, out[i].Err = put(ctx, p.Doc, p.Events)
	}
	return out
}

// Filter selects events. The zero Filter selects every event.
type Filter struct {
	// Dyad is "SRC-TGT", e.g. "RUS-CHN": source RUS and target CHN. Either
	// side may be empty ("RUS-", "-CHN"; "RUS" alone means "RUS-"). A side
	// matches the actor's country, or the first three letters of its code
	// when it has no country ("IGO" for IGOUNO).
	Dyad string
	// Both makes Dyad match in either direction.
	Both bool
	// Root is a two-digit CAMEO root, e.g. "04".
	Root string
	// Since and Until are ISO date prefixes compared with the event's date:
	// Since "2012-01" keeps date >= "2012-01"; Until "2012-06" keeps dates
	// up to and including any date starting "2012-06".
	Since string
	Until string
	// Source and Target select one side: a three-letter key ("RUS",
	// "IGO") matches as a side of Dyad does; a longer code ("RUSGOV")
	// matches actor codes starting with it.
	Source, Target string
	// Code is a CAMEO code; it matches itself and its sub-codes ("04"
	// matches 042 and 0431).
	Code string
	// Quad is a quad class, 1-4; 0 means any.
	Quad int
	// PLOVER is a PLOVER event type ("CONSULT").
	PLOVER string
	// Modality is "asserted", "planned" or "reported".
	Modality string
	// Doc is a document id.
	Doc string
	// Text is a full-text query over the events' sentences, as Search
	// reads it: every word must occur.
	Text string
	// ID is an event id: only that event.
	ID string
	// After is an event id, a cursor: only the events after it in the
	// Events order, so pages of Limit events read one after another give
	// each matching event exactly once. An After no event has selects
	// nothing.
	After string
	// Cluster is a cluster id: the events that report one real-world
	// event (internal/cluster).
	Cluster string
	// Limit caps the number of events; 0 means no limit.
	Limit int
}

// Counts says how much a store holds.
type Counts struct {
	Documents, Sentences, Events, Actors int
}

// DocInfo describes one stored document. Coding is what coded it last
// (doc.Document.Coding).
type DocInfo struct {
	ID, Hash, Title, Source, Published, Origin, Coding string
	Events                                             int
}

// SentenceHit is one sentence found by Search.
type SentenceHit struct {
	Doc   string
	Index int
	Text  string
}

// Error kinds every backend returns; test with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	// ErrInvalid marks a request the store cannot satisfy as given: a
	// malformed filter, a document without a hash or id, an event that
	// names another document.
	ErrInvalid = errors.New("invalid")
	// ErrConflict marks an event whose id is already stored for another
	// document.
	ErrConflict = errors.New("conflict")
)

// Sides parses f.Dyad into its source and target keys, upper-cased; an
// empty key matches any actor.
func (f Filter) Sides() (source, target string, err error) {
	s := strings.TrimSpace(f.Dyad)
	if s == "" {
		return "", "", nil
	}
	src, tgt, _ := strings.Cut(s, "-")
	if strings.Contains(tgt, "-") {
		return "", "", fmt.Errorf("dyad %q: want SRC-TGT: %w", f.Dyad, ErrInvalid)
	}
	return strings.ToUpper(strings.TrimSpace(src)), strings.ToUpper(strings.TrimSpace(tgt)), nil
}

// IsURL reports whether a document's origin is a web address, which
// its events carry as their URL.
func IsURL(origin string) bool {
	l := strings.ToLower(origin)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// ActorKey is the value an actor is matched on by Filter.Dyad: its
// country, else the first three letters of its code.
func ActorKey(a doc.Actor) string { return a.Key() }

// Check reports whether d and events can be stored: d needs an ID and a
// Hash, and every event must name d.ID as its document.
func Check(d *doc.Document, events []doc.Event) error {
	if d == nil {
		return fmt.Errorf("nil document: %w", ErrInvalid)
	}
	if d.Hash == "" {
		return fmt.Errorf("document %q has no hash: %w", d.ID, ErrInvalid)
	}
	if d.ID == "" {
		return fmt.Errorf("document %s has no id: %w", d.Hash, ErrInvalid)
	}
	for i := range events {
		if events[i].Doc != d.ID {
			return fmt.Errorf("event %s names document %q, not %q: %w", events[i].ID, events[i].Doc, d.ID, ErrInvalid)
		}
	}
	return nil
}
