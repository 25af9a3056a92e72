package aggregate

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/store"
)

// TopDyads ranks dyads counted by a store (store.DyadTally) as Top ranks
// the dyads of events: by events, most first, ties by key, with their
// mean Goldstein score; n <= 0 keeps them all. Tallies of one dyad are
// added together.
func TopDyads(tallies []store.DyadTally, n int) []Count {
	byKey := map[string]*Count{}
	var out []Count
	for _, t := range tallies {
		if t.Events <= 0 || t.Target == "" {
			continue // Top counts dyads of events with a target
		}
		key := t.Source + "-" + t.Target
		c := byKey[key]
		if c == nil {
			c = &Count{Key: key}
			byKey[key] = c
		}
		c.Events += t.Events
		c.Goldstein += float64(t.GoldsteinHundredths)
	}
	for _, c := range byKey {
		c.Goldstein = mean(c.Goldstein, c.Events)
		out = append(out, *c)
	}
	return rank(out, n)
}

// TopTallies ranks actors or codes (kind) from a store's tallies of them
// (store.RankTally) as Top ranks them from the events the tallies count:
// the same counts, names and mean Goldstein scores, without the events.
func TopTallies(tallies []store.RankTally, kind string, n int) ([]Count, error) {
	if kind != "actors" && kind != "codes" {
		return nil, fmt.Errorf("top %q from tallies: want actors or codes", kind)
	}
	counts := map[string]*Count{}
	names := map[string]map[string]int{}
	add := func(key, name string, t store.RankTally) *Count {
		c := counts[key]
		if c == nil {
			c = &Count{Key: key}
			counts[key] = c
			names[key] = map[string]int{}
		}
		c.Events += t.Events
		c.Goldstein += float64(t.GoldsteinHundredths)
		if name != "" {
			names[key][name] += t.Events
		}
		return c
	}
	for _, t := range tallies {
		if t.Events <= 0 {
			continue
		}
		if kind == "codes" {
			c, _ := cameo.Lookup(t.Source)
			add(t.Source, c.Name, t)
			continue
		}
		add(t.Source, t.SourceName, t).AsSource += t.Events
		switch {
		case t.Target == "":
		case t.Target != t.Source:
			add(t.Target, t.TargetName, t).AsTarget += t.Events
		default:
			counts[t.Target].AsTarget += t.Events
		}
	}
	out := make([]Count, 0, len(counts))
	for k, c := range counts {
		c.Goldstein = mean(c.Goldstein, c.Events)
		c.Name = mostFrequent(names[k])
		out = append(out, *c)
	}
	return rank(out, n), nil
}
