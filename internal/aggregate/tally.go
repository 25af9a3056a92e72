package aggregate

import "github.com/dyad-events/dyad/internal/store"

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
