package brief

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/dyad-events/dyad/internal/agreements"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/store"
)

// Reader is what a brief reads from a store; store.Store has it.
type Reader = agreements.Reader

// Load writes the brief of dyad ("RUS-CHN") from the store: its events in
// both directions from since until until ("" for open), the documents'
// titles, and the agreements the tracker follows.
func Load(ctx context.Context, st Reader, dyad, since, until string) (*Brief, error) {
	f := store.Filter{Dyad: dyad, Both: true, Since: since, Until: until}
	src, tgt, err := f.Sides()
	if err != nil || src == "" || tgt == "" {
		return nil, fmt.Errorf("brief: dyad %q: want two sides, such as RUS-CHN: %w", dyad, store.ErrInvalid)
	}
	events, err := st.Events(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", dyad, err)
	}
	var others []doc.Event
	for _, side := range []string{src, tgt} {
		evs, err := st.Events(ctx, store.Filter{Source: side, Since: since, Until: until})
		if err != nil {
			return nil, fmt.Errorf("brief %s: %w", dyad, err)
		}
		others = append(others, evs...)
	}
	docs, err := st.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", dyad, err)
	}
	titles := map[string]string{}
	for _, d := range docs {
		titles[d.ID] = d.Title
	}
	as, err := agreements.Load(ctx, st, f, agreements.Default())
	if err != nil {
		return nil, err
	}
	names, err := countryNames()
	if err != nil {
		return nil, err
	}
	return Build(Input{Source: src, Target: tgt, Since: since, Until: until, Events: events,
		Others: others, Agreements: as, Names: names, Titles: titles})
}

// RenderHTML writes the brief of dyad, with every event in the store, as
// an HTML <article> whose footnotes link to link(doc, sentence): what
// dyad serve shows at /brief/RUS-CHN.
func RenderHTML(ctx context.Context, w io.Writer, st Reader, dyad string, link LinkFunc) error {
	b, err := Load(ctx, st, dyad, "", "")
	if err != nil {
		return err
	}
	return WriteHTMLFragment(w, b, link)
}

// countryNames are the names of the dictionaries' countries and regions
// by their three-letter codes, read once (dyad serve briefs on request).
var countryNames = sync.OnceValues(func() (map[string]string, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	names := map[string]string{}
	for _, a := range lex.Actors {
		if a.Kind == lexicon.Country && len(a.Code) == 3 && names[a.Code] == "" && a.Name != "" {
			names[a.Code] = a.Name
		}
	}
	return names, nil
})
