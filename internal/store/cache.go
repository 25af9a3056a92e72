package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
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
	size  int    // events kept in all
	tick  uint64 // transactions committed, for the pairs' last use
	// busy are the pairs found too busy to keep (maxPair), not counted
	// again.
	busy map[string]bool
	// pending are the pairs as the open transaction leaves them.
	pending map[string]*pendingPair
}

type cachedPair struct {
	events []doc.Event
	flags  flags
	used   uint64 // the tick of the last transaction that clustered it
}

// pendingPair is a pair as the open transaction leaves it: events, whose
// first ones share their array with the kept pair's (new events go after
// them, where the kept pair does not look), and the clusters and flags of
// the reached events (by index) that the transaction set. Nothing kept
// changes before Commit.
type pendingPair struct {
	events    []doc.Event
	flags     flags // of the kept pair, or of every event when first read
	reach     []int
	clusterOf map[string]string
	set       flags
}

// maxCached bounds the events a cache keeps, about 0.6 KB each: beyond
// it, the pairs least recently clustered are forgotten. A pair of more
// than maxPair events is not kept: nearSeeds reads near the seeds alone,
// rather than every event of the pair being read into the cache.
const (
	maxCached = 1 << 16
	maxPair   = 1 << 13
)

// NewClusterCache returns an empty cache.
func NewClusterCache() *ClusterCache {
	c := &ClusterCache{pairs: map[string]*cachedPair{}, busy: map[string]bool{}, pending: map[string]*pendingPair{}}
	c.Discard()
	return c
}

// Reset forgets every pair: another writer may have changed them.
func (c *ClusterCache) Reset() {
	clear(c.pairs)
	clear(c.busy)
	c.Discard()
	c.size = 0
}

// Commit keeps what the transaction that has just committed changed.
func (c *ClusterCache) Commit() {
	for pair, p := range c.pending {
		kept := c.pairs[pair]
		if kept == nil {
			kept = &cachedPair{flags: p.flags}
			c.pairs[pair] = kept
		}
		c.size += len(p.events) - len(kept.events)
		kept.events = p.events
		// The events the transaction added are all reached (they are
		// its seeds), their flags in set.
		for _, i := range p.reach {
			e := &kept.events[i]
			if id, ok := p.clusterOf[e.ID]; ok {
				e.Cluster = id
			}
			if f, ok := p.set[e.ID]; ok {
				kept.flags[e.ID] = f
			}
		}
	}
	c.tick++
	for pair := range c.pending {
		c.pairs[pair].used = c.tick
	}
	c.Discard()
	if c.size > maxCached {
		c.forget()
	}
}

// forget forgets the pairs least recently clustered until the cache
// holds half of what it may.
func (c *ClusterCache) forget() {
	pairs := slices.SortedFunc(maps.Keys(c.pairs), func(a, b string) int { return cmp.Compare(c.pairs[a].used, c.pairs[b].used) })
	for _, pair := range pairs {
		if c.size <= maxCached/2 {
			break
		}
		c.size -= len(c.pairs[pair].events)
		delete(c.pairs, pair)
	}
}

// Discard forgets what the transaction that has just ended changed.
func (c *ClusterCache) Discard() {
	clear(c.pending)
}

// CachingTx is a Tx whose writer keeps a ClusterCache across its
// transactions (none when ClusterCache returns nil). Only a transaction
// that adds documents may offer one: its events are those of the cache
// and those it adds, the seeds it clusters (SeedsOfDoc).
type CachingTx interface {
	Tx
	ClusterCache() *ClusterCache
}

// cachedNear returns the events of pair for clustering near seeds,
// events just added: those the cache keeps and the seeds, or every event
// of the pair read from the store when the cache has not kept the pair,
// and the seeds too when they are not stored yet (unstored: PlacingTx);
// and a lookup of their stored flags. ok is false when the pair is too
// busy to keep, for nearSeeds to read near the seeds alone. The events
// are the cache's own: the caller must not change them.
func cachedNear(ctx context.Context, tx Tx, c *ClusterCache, pair string, seeds []doc.Event, unstored bool) (near []doc.Event, flagOf func(id string) uint8, ok bool, err error) {
	where, args := pairWhere(pair)
	cond := strings.Join(where, " AND ")
	p := c.pairs[pair]
	if p == nil {
		if c.busy[pair] {
			return nil, nil, false, nil
		}
		n := 0
		err := tx.Query(ctx, `SELECT count(*) FROM (SELECT 1 FROM events e WHERE `+cond+` LIMIT ?) AS e`, append(args, maxPair+1),
			func(r Row) error { return r.Scan(&n) })
		if err != nil {
			return nil, nil, false, fmt.Errorf("count events: %w", err)
		}
		if n > maxPair {
			c.busy[pair] = true
			return nil, nil, false, nil
		}
		fl := flags{}
		stored, err := storedSeeds(ctx, tx, cond, args, fl)
		if err != nil {
			return nil, nil, false, err
		}
		if unstored {
			stored[pair] = append(stored[pair], clusterRows(seeds)...)
		}
		c.pending[pair] = &pendingPair{events: stored[pair], flags: fl}
		return stored[pair], func(id string) uint8 { return fl[id] }, true, nil
	}
	// The seeds are new, none of them kept: their rows are what they are
	// stored as.
	near = append(p.events, clusterRows(seeds)...)
	c.pending[pair] = &pendingPair{events: near, flags: p.flags}
	return near, func(id string) uint8 { return p.flags[id] }, true, nil
}

// keep records how the open transaction leaves the pair cachedNear
// returned: the events at reach clustered as clusterOf says (by event
// id), with the flags set says.
func (c *ClusterCache) keep(pair string, reach []int, clusterOf map[string]string, set flags) {
	p := c.pending[pair]
	p.reach, p.clusterOf, p.set = reach, clusterOf, set
}
