package agreements

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Reader is what the tracker reads from a store.
type Reader interface {
	Events(ctx context.Context, f store.Filter) ([]doc.Event, error)
	Documents(ctx context.Context) ([]store.DocInfo, error)
	Search(ctx context.Context, query string, limit int) ([]store.SentenceHit, error)
}

// Sentences gathers the stored sentences that may mention an agreement of
// r: those holding a kind's name phrase, in the documents of events.
func (r *Rules) Sentences(ctx context.Context, st Reader, events []doc.Event) ([]Sentence, error) {
	dates := map[string]string{}
	for _, ev := range events {
		dates[ev.Doc] = ev.DocDate
	}
	var out []Sentence
	seen := map[string]bool{}
	for _, q := range r.SearchTerms() {
		hits, err := st.Search(ctx, q, 0)
		if err != nil {
			return nil, fmt.Errorf("agreements: %w", err)
		}
		for _, h := range hits {
			date, ok := dates[h.Doc]
			k := fmt.Sprintf("%s\x00%d", h.Doc, h.Index)
			if !ok || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, Sentence{Doc: h.Doc, DocDate: date, Index: h.Index, Text: h.Text})
		}
	}
	slices.SortFunc(out, func(a, b Sentence) int {
		if c := strings.Compare(a.Doc, b.Doc); c != 0 {
			return c
		}
		return a.Index - b.Index
	})
	return out, nil
}

// Load tracks the agreements of the dyad f.Dyad (in either direction)
// from the store: its events and the sentences of their documents, all
// dates, since a document of 2017 may report a step of 2014. Steps dated
// outside f.Since and f.Until are left out.
func Load(ctx context.Context, st Reader, f store.Filter, r *Rules) ([]Agreement, error) {
	all := store.Filter{Dyad: f.Dyad, Both: true}
	events, err := st.Events(ctx, all)
	if err != nil {
		return nil, fmt.Errorf("agreements %s: %w", f.Dyad, err)
	}
	sentences, err := r.Sentences(ctx, st, events)
	if err != nil {
		return nil, err
	}
	return r.TrackWithin(events, sentences, f.Since, f.Until), nil
}
