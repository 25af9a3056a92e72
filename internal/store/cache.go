package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// ClusterCache keeps, from one transaction of a writer to the next, the
// rows clustering reads (clusterSQL) of every stored event of the pairs
// the writer has clustered, with their clusters and flags as the writer
// left them. With it, storing a document reads its own events and not
// the stored events near them again: a report joining a cluster of
// hundreds costs the clustering in memory, not the hundreds of rows.
//
// It is right only while no one else writes: the backend resets it when
// another connection may have written (SQLite's PRAGMA data_version) and
// after any write that does not go through it, and commits or discards
// what a transaction changed when the transaction ends. Its zero value is
// not usable; NewClusterCache makes one.
type ClusterCache struct {
	pairs map[string]*cachedPair
	size  int // events kept in all
	// pending are the pairs as the open transaction leaves them; added
	// the events of the documents it added (addedDocs), by pair, read
	// once, with their flags.
	pending    map[string]*cachedPair
	added      Seeds
	addedDocs  map[string]bool
	addedFlags flags
}

type cachedPair struct {
	events []doc.Event
	flags  flags
}

// maxCached bounds the events a cache keeps, about 0.5 KB each; a pair
// with more than a quarter of it is read from the store each time.
const maxCached = 1 << 17

// NewClusterCache returns an empty cache.
func NewClusterCache() *ClusterCache {
	c := &ClusterCache{pairs: map[string]*cachedPair{}, pending: map[string]*cachedPair{}}
	c.Discard()
	return c
}

// Reset forgets every pair: another writer may have changed them.
func (c *ClusterCache) Reset() {
	clear(c.pairs)
	c.Discard()
	c.size = 0
}

// Commit keeps what the transaction that has just committed changed.
func (c *ClusterCache) Commit() {
	for pair, p := range c.pending {
		if old := c.pairs[pair]; old != nil {
			c.size -= len(old.events)
		}
		c.pairs[pair] = p
		c.size += len(p.events)
	}
	c.Discard()
	if c.size > maxCached {
		c.Reset()
	}
}

// Discard forgets what the transaction that has just failed changed.
func (c *ClusterCache) Discard() {
	clear(c.pending)
	c.added, c.addedDocs, c.addedFlags = Seeds{}, map[string]bool{}, flags{}
}

// CachingTx is a Tx whose writer keeps a ClusterCache across its
// transactions. Only a transaction that adds documents may offer one: its
// stored events are those of the cache and those it has just added.
type CachingTx interface {
	Tx
	ClusterCache() *ClusterCache
}

// cachedNear returns the stored events of pair with their flags (into
// fl) for clustering near seeds, events just added: those the cache keeps
// and those of the seeds' documents, or every event of the pair read from
// the store when the cache has not kept the pair. ok is false when the
// pair is too busy to keep, for nearSeeds to read near the seeds alone.
func cachedNear(ctx context.Context, tx Tx, c *ClusterCache, pair string, seeds []doc.Event, fl flags) (near []doc.Event, ok bool, err error) {
	where, args := pairWhere(pair)
	cond := strings.Join(where, " AND ")
	p := c.pairs[pair]
	if p == nil {
		n := 0
		err := tx.Query(ctx, `SELECT count(*) FROM events e WHERE `+cond, args, func(r Row) error { return r.Scan(&n) })
		if err != nil {
			return nil, false, fmt.Errorf("count events: %w", err)
		}
		if n > maxCached/4 {
			return nil, false, nil
		}
		stored, err := storedSeeds(ctx, tx, cond, args, fl)
		return stored[pair], err == nil, err
	}
	near = make([]doc.Event, len(p.events), len(p.events)+len(seeds))
	copy(near, p.events)
	for id, f := range p.flags {
		fl[id] = f
	}
	// The seeds' documents are new, none of their events kept: they are
	// read once for every pair.
	var docs []string
	for _, s := range seeds {
		if !c.addedDocs[s.Doc] && !slices.Contains(docs, s.Doc) {
			docs = append(docs, s.Doc)
		}
	}
	slices.Sort(docs)
	err = inBatches(docs, func(list string, in []any) error {
		stored, err := storedSeeds(ctx, tx, "d.id IN "+list, in, c.addedFlags)
		c.added.Add(stored)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	for _, d := range docs {
		c.addedDocs[d] = true
	}
	for _, e := range c.added[pair] {
		fl[e.ID] = c.addedFlags[e.ID]
	}
	return append(near, c.added[pair]...), true, nil
}

// keep records how the open transaction leaves pair: near, every stored
// event of it, with the clusters now made (cluster by event id) and
// flags fl.
func (c *ClusterCache) keep(pair string, near []doc.Event, clusterOf map[string]string, fl flags) {
	p := &cachedPair{events: near, flags: make(flags, len(near))}
	for i := range near {
		if id, ok := clusterOf[near[i].ID]; ok {
			near[i].Cluster = id
		}
		p.flags[near[i].ID] = fl[near[i].ID]
	}
	c.pending[pair] = p
}
