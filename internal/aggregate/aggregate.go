// Package aggregate counts events the way users of GDELT or ICEWS ask for
// them: a dyad's events per month, quarter or year by quad class with
// their mean Goldstein score, and the most frequent actors, dyads and
// event codes.
package aggregate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Ways of counting (Reduce): every event record; one per cluster, the
// events that report one real-world event; or, as Phoenix does, one per
// directed dyad, CAMEO code and day.
const (
	CountEvents   = "events"
	CountClusters = "clusters"
	CountDaily    = "daily"
)

// CountWays lists the ways of counting, the default first.
var CountWays = []string{CountClusters, CountEvents, CountDaily}

// Reduce keeps the events that count under the convention how, so that
// repeated reports of one visit do not inflate a dyad's numbers: for
// CountClusters the first event of each cluster (the most precisely dated,
// then by date and id; an event with no cluster counts alone), for
// CountDaily the first event of each source and target key, code and date,
// for CountEvents every event. Series and Top then count what it keeps.
func Reduce(evs []doc.Event, how string) ([]doc.Event, error) {
	var key func(e doc.Event) string
	switch how {
	case CountEvents:
		return evs, nil
	case CountClusters, "":
		key = func(e doc.Event) string { return cmp.Or(e.Cluster, "event "+e.ID) }
	case CountDaily:
		key = func(e doc.Event) string {
			k := store.ActorKey(e.Source) + "\x00"
			if e.Target != nil {
				k += store.ActorKey(*e.Target)
			}
			return k + "\x00" + e.CAMEO + "\x00" + e.Date
		}
	default:
		return nil, fmt.Errorf("count %q: want clusters, events or daily", how)
	}
	sorted := slices.Clone(evs)
	slices.SortStableFunc(sorted, func(a, b doc.Event) int { return cluster.Order(&a, &b) })
	seen := map[string]bool{}
	var out []doc.Event
	for _, e := range sorted {
		if k := key(e); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// Intervals are the period lengths Series counts by.
var Intervals = []string{"month", "quarter", "year"}

// Period is one row of a series: the events dated in it, by quad class,
// and their mean Goldstein score (0 when there are none).
type Period struct {
	Period              string  `json:"period"` // "2014-03", "2014-Q1" or "2014"
	Events              int     `json:"events"`
	VerbalCooperation   int     `json:"verbal_cooperation"`
	MaterialCooperation int     `json:"material_cooperation"`
	VerbalConflict      int     `json:"verbal_conflict"`
	MaterialConflict    int     `json:"material_conflict"`
	Goldstein           float64 `json:"goldstein_mean"`
}

// Series counts evs by the period of their dates, from the first period
// with an event to the last, empty periods included, so the rows are a
// time series. Events dated less precisely than interval (a year, for a
// monthly series) cannot be placed; their number is returned.
func Series(evs []doc.Event, interval string) (periods []Period, unplaced int, err error) {
	var key func(date string) (string, bool)
	var next func(p string) string
	switch interval {
	case "month":
		key = func(d string) (string, bool) { return prefix(d, 7) }
		next = func(p string) string {
			y, m := atoi(p[:4]), atoi(p[5:7])+1
			if m > 12 {
				y, m = y+1, 1
			}
			return fmt.Sprintf("%04d-%02d", y, m)
		}
	case "quarter":
		key = func(d string) (string, bool) {
			m, ok := prefix(d, 7)
			if !ok {
				return "", false
			}
			return fmt.Sprintf("%s-Q%d", m[:4], (atoi(m[5:7])-1)/3+1), true
		}
		next = func(p string) string {
			y, q := atoi(p[:4]), atoi(p[6:])+1
			if q > 4 {
				y, q = y+1, 1
			}
			return fmt.Sprintf("%04d-Q%d", y, q)
		}
	case "year":
		key = func(d string) (string, bool) { return prefix(d, 4) }
		next = func(p string) string { return fmt.Sprintf("%04d", atoi(p)+1) }
	default:
		return nil, 0, fmt.Errorf("interval %q: want month, quarter or year", interval)
	}
	rows := map[string]*Period{}
	for _, ev := range evs {
		k, ok := key(ev.Date)
		if !ok {
			unplaced++
			continue
		}
		p := rows[k]
		if p == nil {
			p = &Period{Period: k}
			rows[k] = p
		}
		p.Events++
		p.Goldstein += hundredths(ev.Goldstein)
		switch ev.Quad {
		case 1:
			p.VerbalCooperation++
		case 2:
			p.MaterialCooperation++
		case 3:
			p.VerbalConflict++
		case 4:
			p.MaterialConflict++
		}
	}
	if len(rows) == 0 {
		return nil, unplaced, nil
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for k := keys[0]; k <= keys[len(keys)-1]; k = next(k) {
		p := Period{Period: k}
		if r := rows[k]; r != nil {
			p = *r
			p.Goldstein = mean(p.Goldstein, p.Events)
		}
		periods = append(periods, p)
	}
	return periods, unplaced, nil
}

// prefix returns the first n bytes of an ISO date when it is at least
// that precise.
func prefix(date string, n int) (string, bool) {
	if len(date) < n {
		return "", false
	}
	return date[:n], true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hundredths is a Goldstein score in hundredths, a whole number: sums of
// them are exact in any order, so a mean does not depend on the order of
// the events (nor on whether a store added them up).
func hundredths(g float64) float64 { return math.Round(g * 100) }

// mean is the mean score of n events whose scores add up to sum
// hundredths, rounded to two decimals.
func mean(sum float64, n int) float64 { return round(sum / 100 / float64(n)) }

func round(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

// Kinds are what Top ranks.
var Kinds = []string{"actors", "dyads", "codes"}

// Count is one row of a ranking: an actor code ("RUSGOV"), a directed
// dyad ("RUS-CHN") or a CAMEO code ("042"), with a name where one is known
// (the actor's most frequent name, the code's CAMEO name), its events and
// their mean Goldstein score. For actors, AsSource and AsTarget split the
// events by the side the actor was on.
type Count struct {
	Key       string  `json:"key"`
	Name      string  `json:"name,omitempty"`
	Events    int     `json:"events"`
	AsSource  int     `json:"as_source,omitempty"`
	AsTarget  int     `json:"as_target,omitempty"`
	Goldstein float64 `json:"goldstein_mean"`
}

// Top ranks the actors, dyads or codes of evs by their number of events,
// most first, ties by key; n <= 0 keeps them all.
func Top(evs []doc.Event, kind string, n int) ([]Count, error) {
	// Each event is a tally of one: the tallies' rankings are the
	// rankings.
	switch kind {
	case "dyads":
		tallies := make([]store.DyadTally, 0, len(evs))
		for _, ev := range evs {
			t := store.DyadTally{Source: store.ActorKey(ev.Source), Events: 1, GoldsteinHundredths: int64(hundredths(ev.Goldstein))}
			if ev.Target != nil {
				t.Target = store.ActorKey(*ev.Target)
			}
			tallies = append(tallies, t)
		}
		return TopDyads(tallies, n), nil
	case "actors", "codes":
		tallies := make([]store.RankTally, 0, len(evs))
		for _, ev := range evs {
			t := store.RankTally{Source: ev.CAMEO, Events: 1, GoldsteinHundredths: int64(hundredths(ev.Goldstein))}
			if kind == "actors" {
				t.Source, t.SourceName = ev.Source.Code, actorName(ev.Source)
				if ev.Target != nil {
					t.Target, t.TargetName = ev.Target.Code, actorName(*ev.Target)
				}
			}
			tallies = append(tallies, t)
		}
		return TopTallies(tallies, kind, n)
	}
	return nil, fmt.Errorf("top %q: want actors, dyads or codes", kind)
}

// rank orders counts by events, most first, ties by key, and keeps the
// first n (all when n <= 0).
func rank(out []Count, n int) []Count {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// actorName is an actor's canonical name, else the words that named it.
func actorName(a doc.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

func mostFrequent(m map[string]int) string {
	best, bestN := "", 0
	for s, n := range m {
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	return best
}
