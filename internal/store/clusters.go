package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
)

// Clusters only ever join events of one pair of actor keys, and events
// whose dates reach a common day (or share a sentence). A change to the
// events of a pair is met, in the transaction that made it, by clustering
// again the events near the change (cluster.Reach). The SQL backends share
// this code through Tx.

// Tx is what the shared SQL code needs of a backend's transaction (or, for
// reading alone, its database): portable SQL with ? placeholders.
type Tx interface {
	// Query runs query and calls row for each result row.
	Query(ctx context.Context, query string, args []any, row func(Row) error) error
	// Exec runs a statement that returns no rows.
	Exec(ctx context.Context, query string, args ...any) error
	// LockPair holds, until the transaction ends, a lock that other
	// transactions clustering the events of pair wait for, so that each
	// sees the other's events. A backend with one writer at a time need
	// do nothing.
	LockPair(ctx context.Context, pair string) error
}

// Rows are the result rows of database/sql or of another driver.
type Rows interface {
	Row
	Next() bool
	Err() error
}

// EachRow calls row for each of rows, for a backend's Tx.Query.
func EachRow(rows Rows, row func(Row) error) error {
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// QueryEvents returns the events that meet every condition of where, as
// EventsWhereSQL selects them.
func QueryEvents(ctx context.Context, db Tx, where []string, args []any, limit int) ([]doc.Event, error) {
	q, args := EventsWhereSQL(where, args, limit)
	var out []doc.Event
	err := db.Query(ctx, q, args, func(r Row) error {
		e, err := ScanEvent(r)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// PlacingTx is a Tx that stores the events it adds after clustering them:
// the seeds Recluster is given are then not in the store. Recluster reads
// them from the seeds, and tells Place each one's cluster and flags (bit
// 1 cluster_first, bit 2 cluster_first_way) instead of writing them; Place
// says whether the event is one the transaction is to store.
type PlacingTx interface {
	Tx
	Place(event, cluster string, flags uint8) bool
}

// Seeds are events by their pair (cluster.PairOf): events just stored or
// just removed, whose neighbours are to be clustered again.
type Seeds map[string][]doc.Event

// SeedsOf groups events by their pair.
func SeedsOf(events []doc.Event) Seeds {
	seeds := Seeds{}
	for _, e := range events {
		p := cluster.PairOf(e)
		seeds[p] = append(seeds[p], e)
	}
	return seeds
}

// Add adds the seeds of b to s.
func (s Seeds) Add(b Seeds) Seeds {
	for p, evs := range b {
		s[p] = append(s[p], evs...)
	}
	return s
}

// pairSQL is the pair of an event row as cluster.PairOf computes it.
const pairSQL = `CASE WHEN e.target_key IS NULL THEN e.source_key
	WHEN e.source_key <= e.target_key THEN e.source_key || '-' || e.target_key
	ELSE e.target_key || '-' || e.source_key END`

// StoredSeeds returns, by pair, the stored events that meet cond (over
// events e and documents d) with what clustering needs of them (clusterSQL).
func StoredSeeds(ctx context.Context, tx Tx, cond string, args ...any) (Seeds, error) {
	return storedSeeds(ctx, tx, cond, args, nil)
}

// flags are the stored flags of events by id: bit 1 cluster_first, bit 2
// cluster_first_way (setFirsts).
type flags map[string]uint8

// clusterSQL selects, for the events that meet a condition, what
// cluster.Reach, cluster.Assign, cluster.Summarize and setFirsts read of
// them, and of cluster.DisagreementsOf all but the sentence and amounts
// (loadTexts): a few short columns, where a whole event row (EventsSQL)
// is ten times as many with JSON to decode. A report joining a cluster of
// hundreds is clustered from these rows alone.
const clusterSQL = `SELECT ` + pairSQL + `, e.id, d.id, e.sentence_index, e.cameo, e.date, e.date_precision, COALESCE(e.cluster, ''),
		e.cluster_first + 2 * e.cluster_first_way, sa.code, sa.country, sa.name, e.source_role,
		ta.code, ta.country, ta.name, e.target_role, e.location, e.doc_date, d.source
		FROM events e JOIN documents d ON d.pk = e.doc
		JOIN actors sa ON sa.pk = e.source_actor
		LEFT JOIN actors ta ON ta.pk = e.target_actor WHERE `

// SeedsOfDoc is SeedsOf the events of d, each with d's outlet, as
// clusterSQL reads it.
func SeedsOfDoc(d *doc.Document, events []doc.Event) Seeds {
	seeds := Seeds{}
	for _, e := range events {
		e.Outlet = d.Source
		p := cluster.PairOf(e)
		seeds[p] = append(seeds[p], e)
	}
	return seeds
}

// clusterRows are clusterRow of each of evs.
func clusterRows(evs []doc.Event) []doc.Event {
	out := make([]doc.Event, len(evs))
	for i := range evs {
		out[i] = clusterRow(&evs[i])
	}
	return out
}

// clusterRow is the part of e clusterSQL reads, as it reads it, for an
// event just stored.
func clusterRow(e *doc.Event) doc.Event {
	r := doc.Event{ID: e.ID, Doc: e.Doc, SentenceIndex: e.SentenceIndex, CAMEO: e.CAMEO, Date: e.Date,
		DatePrecision: e.DatePrecision, DocDate: e.DocDate, Outlet: e.Outlet, Cluster: e.Cluster,
		Source: doc.Actor{Code: e.Source.Code, Country: e.Source.Country, Name: e.Source.Name, Role: e.Source.Role}}
	if t := e.Target; t != nil {
		r.Target = &doc.Actor{Code: t.Code, Country: t.Country, Name: t.Name, Role: t.Role}
	}
	if e.Location != nil {
		l := *e.Location
		r.Location = &l
	}
	return r
}

// storedSeeds is StoredSeeds, recording each event's flags in fl when
// fl is not nil.
func storedSeeds(ctx context.Context, tx Tx, cond string, args []any, fl flags) (Seeds, error) {
	seeds := Seeds{}
	err := tx.Query(ctx, clusterSQL+cond, args, func(r Row) error {
		var (
			pair                          string
			e                             doc.Event
			f                             int
			tCode, tCountry, tName, tRole sql.NullString
			location                      sql.NullString
		)
		if err := r.Scan(&pair, &e.ID, &e.Doc, &e.SentenceIndex, &e.CAMEO, &e.Date, &e.DatePrecision, &e.Cluster, &f,
			&e.Source.Code, &e.Source.Country, &e.Source.Name, &e.Source.Role,
			&tCode, &tCountry, &tName, &tRole, &location, &e.DocDate, &e.Outlet); err != nil {
			return err
		}
		if tCode.Valid {
			e.Target = &doc.Actor{Code: tCode.String, Country: tCountry.String, Name: tName.String, Role: tRole.String}
		}
		if location.Valid {
			e.Location = new(doc.Location)
			if err := json.Unmarshal([]byte(location.String), e.Location); err != nil {
				return fmt.Errorf("event %s: location: %w", e.ID, err)
			}
		}
		if fl != nil {
			fl[e.ID] = uint8(f)
		}
		seeds[pair] = append(seeds[pair], e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stored events: %w", err)
	}
	return seeds, nil
}

// Recluster clusters again, pair by pair, the stored events near seeds
// (events just stored, or just removed), or with all every event of the
// seeds' pairs, and stores the clusters, their disagreements and each
// event's cluster.
func Recluster(ctx context.Context, tx Tx, seeds Seeds, all bool) error {
	pairs := make([]string, 0, len(seeds))
	for p := range seeds {
		pairs = append(pairs, p)
	}
	// Pairs locked in one order cannot deadlock two writers.
	slices.Sort(pairs)
	for _, pair := range pairs {
		if err := reclusterPair(ctx, tx, pair, seeds[pair], all); err != nil {
			return fmt.Errorf("cluster %s: %w", pair, err)
		}
	}
	return nil
}

func reclusterPair(ctx context.Context, tx Tx, pair string, seeds []doc.Event, all bool) error {
	if err := tx.LockPair(ctx, pair); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	fl := flags{}
	var near []doc.Event
	var flagOf func(string) uint8
	var cache *ClusterCache
	_, unstored := tx.(PlacingTx)
	if ct, ok := tx.(CachingTx); ok && !all && ct.ClusterCache() != nil {
		var err error
		if near, flagOf, ok, err = cachedNear(ctx, tx, ct.ClusterCache(), pair, seeds, unstored); err != nil {
			return err
		}
		if ok {
			cache = ct.ClusterCache()
		}
	}
	if cache == nil {
		var err error
		if near, err = nearSeeds(ctx, tx, pair, seeds, all, fl, unstored); err != nil {
			return err
		}
	}
	reach := make([]int, len(near))
	for i := range reach {
		reach[i] = i
	}
	if !all {
		reach = cluster.Reach(near, seeds)
	}
	if cache != nil {
		// The stored flags of the reached events, which alone
		// storeCluster flags; those it sets are kept with the pair.
		for _, i := range reach {
			fl[near[i].ID] = flagOf(near[i].ID)
		}
	}
	// near holds every reached event (nearSeeds reads whole clusters)
	// with what clustering reads of it.
	evs := make([]doc.Event, len(reach))
	for k, i := range reach {
		evs[k] = near[i]
	}
	byID := make(map[string]*doc.Event, len(evs))
	// How many events each old cluster had: those still stored are all
	// in evs, as Reach re-makes old clusters whole; those removed or
	// re-coded are seeds.
	had := map[string]int{}
	for i := range evs {
		byID[evs[i].ID] = &evs[i]
		had[evs[i].Cluster]++
	}
	for _, s := range seeds {
		had[s.Cluster]++
	}
	named := map[string]bool{} // the ids of the clusters made
	texts := map[string]bool{}
	clusterOf := make(map[string]string, len(evs))
	made := cluster.Assign(evs)
	// The sentences and amounts of the events that change cluster, which
	// loadTexts wants, in one read for the pair. A document just added
	// gives its own: its events are the seeds, stored as they are.
	if cache != nil || unstored {
		for _, s := range seeds {
			if e := byID[s.ID]; e != nil {
				e.Sentence, e.Quantities = s.Sentence, s.Quantities
				texts[s.ID] = true
			}
		}
	}
	var moved []string
	from := make([]string, len(made))
	for k, c := range made {
		from[k] = grownFrom(c, byID, had)
		for _, r := range c.Reports {
			if byID[r.Event].Cluster != cmp.Or(from[k], c.ID) && !texts[r.Event] {
				moved = append(moved, r.Event)
			}
		}
	}
	if err := readTexts(ctx, tx, moved, byID, texts); err != nil {
		return err
	}
	for k, c := range made {
		named[c.ID] = true
		if err := storeCluster(ctx, tx, c, byID, from[k], fl, texts); err != nil {
			return err
		}
		for _, r := range c.Reports {
			clusterOf[r.Event] = c.ID
		}
	}
	if cache != nil {
		cache.keep(pair, reach, clusterOf, fl)
	}
	if all {
		return tx.Exec(ctx, `DELETE FROM clusters WHERE pair = ? AND NOT EXISTS (SELECT 1 FROM events WHERE events.cluster = clusters.id)`, pair)
	}
	// The old clusters of the events re-clustered, and those whose every
	// event is gone (the seeds' clusters), are named by no event now.
	var gone []string
	for id := range had {
		if id != "" && !named[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	for _, id := range gone {
		if err := tx.Exec(ctx, `DELETE FROM clusters WHERE id = ? AND NOT EXISTS (SELECT 1 FROM events WHERE events.cluster = clusters.id)`, id); err != nil {
			return fmt.Errorf("cluster %s: %w", id, err)
		}
	}
	return nil
}

// nearSeeds returns what cluster.Reach needs of the stored events of pair
// that may be near seeds: those whose dates may reach a seed's
// (cluster.DateReach), of a seed's document, or of a seed's cluster, and
// every event of the clusters those are in; with all, or when a seed
// reaches every day, every event of the pair. A busy pair's events
// further away are not read. With unstored, the seeds are events not yet
// stored (PlacingTx), taken as they are.
func nearSeeds(ctx context.Context, tx Tx, pair string, seeds []doc.Event, all bool, fl flags, unstored bool) ([]doc.Event, error) {
	where, args := pairWhere(pair)
	ranges, ok := cluster.DateReach(seeds)
	if all || !ok {
		stored, err := storedSeeds(ctx, tx, strings.Join(where, " AND "), args, fl)
		if unstored {
			stored[pair] = append(stored[pair], clusterRows(seeds)...)
		}
		return stored[pair], err
	}
	// One query of each kind, each selecting through an index: the
	// events of the pair by date, those with no ISO date (a date outside
	// ISO's range reaches every day; one inside it is taken to be one),
	// and those of the seeds' documents and clusters, whatever their pair
	// (a pair condition would make it scan the pair). Each is a statement
	// of its own, its text the same from one document to the next, so a
	// backend prepares it once.
	inPair := strings.Join(where, " AND ")
	var near []doc.Event
	have := map[string]bool{}
	read := func(cond string, args []any) error {
		stored, err := storedSeeds(ctx, tx, cond, args, fl)
		for _, e := range stored[pair] {
			if !have[e.ID] {
				have[e.ID] = true
				near = append(near, e)
			}
		}
		return err
	}
	for _, r := range ranges {
		if err := read(inPair+` AND e.date >= ? AND e.date <= ? AND e.date >= substr(?, 1, length(e.date))`, append(slices.Clone(args), r[0][:4], r[1], r[0])); err != nil {
			return nil, err
		}
	}
	if err := read(inPair+` AND (e.date < '0000' OR e.date > '9999-12-31')`, args); err != nil {
		return nil, err
	}
	docs, clusters := map[string]bool{}, map[string]bool{}
	for _, s := range seeds {
		docs[s.Doc] = true
		if s.Cluster != "" {
			clusters[s.Cluster] = true
		}
	}
	if unstored {
		for _, e := range clusterRows(seeds) {
			if !have[e.ID] {
				have[e.ID] = true
				near = append(near, e)
			}
		}
	} else if err := inBatches(slices.Sorted(maps.Keys(docs)), func(list string, in []any) error { return read("d.id IN "+list, in) }); err != nil {
		return nil, err
	}
	if err := inBatches(slices.Sorted(maps.Keys(clusters)), func(list string, in []any) error { return read("e.cluster IN "+list, in) }); err != nil {
		return nil, err
	}
	slices.SortFunc(near, func(a, b doc.Event) int { return strings.Compare(a.ID, b.ID) })
	// The rest of the clusters the reached events are in.
	more := map[string]bool{}
	for _, i := range cluster.Reach(near, seeds) {
		if c := near[i].Cluster; c != "" {
			more[c] = true
		}
	}
	err := inBatches(slices.Sorted(maps.Keys(more)), func(list string, in []any) error { return read("e.cluster IN "+list, in) })
	return near, err
}

// grownFrom returns the stored cluster that c, as made again, holds whole
// with other events or none (grown), when there is one: of those, c's own
// id, else the one of which c holds the most events, else the least id.
// had is how many events each stored cluster held.
func grownFrom(c cluster.Cluster, byID map[string]*doc.Event, had map[string]int) string {
	kept := map[string]int{}
	for _, r := range c.Reports {
		if id := byID[r.Event].Cluster; id != "" {
			kept[id]++
		}
	}
	if n := kept[c.ID]; n > 0 && n == had[c.ID] {
		return c.ID
	}
	best := ""
	for id, n := range kept {
		if n == had[id] && (best == "" || n > kept[best] || n == kept[best] && id < best) {
			best = id
		}
	}
	return best
}

// storeCluster stores c, its disagreements, and its events' cluster
// where it changed. from is the stored cluster c holds whole (grownFrom),
// if any: a cluster that kept every event it had and gained none is left
// as it is, and one that only gained events keeps its disagreements and
// gets those of its new events, under c's id when that is new (a report
// whose id is less than every old one's joined it). It flags the events
// that stand for c where their stored flags, fl, differ (setFirsts).
// texts holds the ids of the events of byID whose sentences and amounts
// are read (loadTexts).
func storeCluster(ctx context.Context, tx Tx, c cluster.Cluster, byID map[string]*doc.Event, from string, fl flags, texts map[string]bool) error {
	var place any
	if c.Place != nil {
		b, err := json.Marshal(c.Place)
		if err != nil {
			return fmt.Errorf("cluster %s: place: %w", c.ID, err)
		}
		place = string(b)
	}
	members := make([]doc.Event, len(c.Reports))
	kept := 0
	for i, r := range c.Reports {
		members[i] = *byID[r.Event]
		if members[i].Cluster == from {
			kept++
		}
	}
	grown := from != ""
	switch {
	case from == c.ID && kept == len(members):
		// The same events: the same cluster, and the same flags unless
		// they were never set (a store made before them, clustered again).
		return setFirsts(ctx, tx, c.ID, members, fl)
	case from == c.ID:
		if err := tx.Exec(ctx, `UPDATE clusters SET cameo = ?, root = ?, date = ?, date_precision = ?, place = ?,
			first_report = ?, last_report = ?, num_mentions = ?, num_sources = ?, num_articles = ? WHERE id = ?`,
			c.CAMEO, c.Root, c.Date, c.DatePrecision, place,
			c.FirstReport, c.LastReport, c.NumMentions, c.NumSources, c.NumArticles, c.ID); err != nil {
			return fmt.Errorf("store cluster %s: %w", c.ID, err)
		}
	default:
		// A cluster made again with other events keeps its id.
		if err := tx.Exec(ctx, `DELETE FROM clusters WHERE id = ?`, c.ID); err != nil {
			return fmt.Errorf("cluster %s: %w", c.ID, err)
		}
		if err := tx.Exec(ctx, `INSERT INTO clusters (id, pair, cameo, root, date, date_precision, place,
			first_report, last_report, num_mentions, num_sources, num_articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Pair, c.CAMEO, c.Root, c.Date, c.DatePrecision, place,
			c.FirstReport, c.LastReport, c.NumMentions, c.NumSources, c.NumArticles); err != nil {
			return fmt.Errorf("store cluster %s: %w", c.ID, err)
		}
		// Its disagreements are those of the cluster it grew from, which
		// goes when no event names it (Recluster), and those of its new
		// events.
		if grown {
			if err := tx.Exec(ctx, `UPDATE disagreements SET cluster = ? WHERE cluster = ?`, c.ID, from); err != nil {
				return fmt.Errorf("cluster %s: disagreements of %s: %w", c.ID, from, err)
			}
		}
	}
	var fresh map[int]bool // nil: every member is new to the stored cluster
	if grown {
		fresh = map[int]bool{}
		for i, e := range members {
			if e.Cluster != from {
				fresh[i] = true
			}
		}
	}
	if err := loadTexts(ctx, tx, members, fresh, byID, texts); err != nil {
		return fmt.Errorf("cluster %s: %w", c.ID, err)
	}
	var rows []any
	for _, d := range cluster.DisagreementsOf(c.ID, members, fresh) {
		rows = append(rows, c.ID, d.Kind, d.A.Event, d.A.Value, d.B.Event, d.B.Value)
	}
	err := InsertRows(ctx, tx, `INSERT INTO disagreements (cluster, kind, event_a, value_a, event_b, value_b)`, `(?, ?, ?, ?, ?, ?)`, rows)
	if err != nil {
		return fmt.Errorf("cluster %s: disagreements: %w", c.ID, err)
	}
	return setFirsts(ctx, tx, c.ID, members, fl)
}

// loadTexts reads the sentences and amounts of the members of a cluster
// that cluster.DisagreementsOf compares (clusterSQL leaves them out): none
// when they all come from one document; else those of the fresh members
// (every member when fresh is nil), and those of the old members only when
// a fresh member gives an amount or a length (cluster.Measured), since
// the old members' sentences and amounts are compared with nothing else.
// A report joining a cluster of hundreds reads its own sentence alone.
func loadTexts(ctx context.Context, tx Tx, members []doc.Event, fresh map[int]bool, byID map[string]*doc.Event, texts map[string]bool) error {
	if !slices.ContainsFunc(members, func(e doc.Event) bool { return e.Doc != members[0].Doc }) {
		return nil
	}
	want := func(old bool) error {
		var ids []string
		for i, e := range members {
			if (fresh == nil || fresh[i] != old) && !texts[e.ID] {
				ids = append(ids, e.ID)
			}
		}
		if err := readTexts(ctx, tx, ids, byID, texts); err != nil {
			return err
		}
		for i := range members {
			if e := byID[members[i].ID]; texts[e.ID] {
				members[i].Sentence, members[i].Quantities = e.Sentence, e.Quantities
			}
		}
		return nil
	}
	if err := want(false); err != nil || fresh == nil {
		return err
	}
	for i := range fresh {
		if cluster.Measured(&members[i]) {
			return want(true)
		}
	}
	return nil
}

// readTexts reads the sentence and amounts of the events ids into byID,
// and notes them in texts.
func readTexts(ctx context.Context, tx Tx, ids []string, byID map[string]*doc.Event, texts map[string]bool) error {
	slices.Sort(ids)
	return inBatches(ids, func(list string, in []any) error {
		q := `SELECT e.id, COALESCE(e.sentence, s.text, ''), e.quantities FROM events e
			LEFT JOIN sentences s ON e.sentence IS NULL AND s.doc = e.doc AND s.idx = e.sentence_index
			WHERE e.id IN ` + list
		return tx.Query(ctx, q, in, func(r Row) error {
			var id, sentence string
			var quantities sql.NullString
			if err := r.Scan(&id, &sentence, &quantities); err != nil {
				return err
			}
			e := byID[id]
			if e == nil {
				return nil
			}
			e.Sentence, e.Quantities = sentence, nil
			if quantities.Valid {
				if err := json.Unmarshal([]byte(quantities.String), &e.Quantities); err != nil {
					return fmt.Errorf("event %s: quantities: %w", id, err)
				}
			}
			texts[id] = true
			return nil
		})
	})
}

// firsts returns the event that stands for a cluster of members when
// its events are counted once (the first by cluster.Order, as
// aggregate.Reduce keeps it) and the first of each direction of its pair
// (source key, then target key), the one that stands for it when one
// direction is counted. One pass: a cluster gaining its hundredth report
// is not sorted again.
func firsts(members []doc.Event) (first string, ways []string) {
	f := 0
	byWay := map[string]int{}
	for i := range members {
		e := &members[i]
		if cluster.Order(e, &members[f]) < 0 {
			f = i
		}
		way := ActorKey(e.Source) + "\x00"
		if e.Target != nil {
			way += ActorKey(*e.Target)
		}
		if j, ok := byWay[way]; !ok || cluster.Order(e, &members[j]) < 0 {
			byWay[way] = i
		}
	}
	for _, i := range byWay {
		ways = append(ways, members[i].ID)
	}
	return members[f].ID, ways
}

// setFirsts names cluster id as the cluster of its members whose stored
// cluster (Event.Cluster) is another, and flags the events that stand for
// it (firsts): events.cluster_first and cluster_first_way, which the
// series of clusters count (Filter.ClusterCount). Only events whose
// stored cluster or flags, fl, differ are written: when a cluster gains a
// report, usually the new report alone. The flags are written only where
// they change, since writing them updates the series (dyad_months); the
// events that only join the cluster, most of a batch of new reports, are
// named in one statement.
func setFirsts(ctx context.Context, tx Tx, id string, members []doc.Event, fl flags) error {
	first, ways := firsts(members)
	placer, _ := tx.(PlacingTx)
	var joined []string
	for _, e := range members {
		var want uint8
		if e.ID == first {
			want |= 1
		}
		if slices.Contains(ways, e.ID) {
			want |= 2
		}
		if placer != nil && placer.Place(e.ID, id, want) {
			fl[e.ID] = want
			continue
		}
		have, ok := fl[e.ID]
		flagged := ok && have == want
		var err error
		switch {
		case e.Cluster != id && flagged:
			joined = append(joined, e.ID)
			continue
		case e.Cluster != id:
			err = tx.Exec(ctx, `UPDATE events SET cluster = ?, cluster_first = ?, cluster_first_way = ? WHERE id = ?`, id, int(want&1), int(want>>1), e.ID)
		case !flagged:
			err = tx.Exec(ctx, `UPDATE events SET cluster_first = ?, cluster_first_way = ? WHERE id = ?`, int(want&1), int(want>>1), e.ID)
		default:
			continue
		}
		if err != nil {
			return fmt.Errorf("cluster %s: event %s: %w", id, e.ID, err)
		}
		fl[e.ID] = want
	}
	slices.Sort(joined)
	err := inBatches(joined, func(list string, in []any) error {
		return tx.Exec(ctx, `UPDATE events SET cluster = ? WHERE id IN `+list, append([]any{id}, in...)...)
	})
	if err != nil {
		return fmt.Errorf("cluster %s: events: %w", id, err)
	}
	return nil
}

// maxRows is the most rows InsertRows puts in one statement.
const maxRows = 64

// InsertRows inserts rows with head ("INSERT INTO t (a, b)"), each row
// as row says ("(?, ?)", or "(?, ?, 0)" for a constant), its values one
// row after another in values: a statement of 64 rows while 64 are left,
// then of the largest power of two left, so that any number of rows
// takes at most seven statements of another length than 64, whose texts
// a backend prepares once.
func InsertRows(ctx context.Context, tx Tx, head, row string, values []any) error {
	width := strings.Count(row, "?")
	for len(values) > 0 {
		n := min(maxRows, len(values)/width)
		n = 1 << (bits.Len(uint(n)) - 1)
		q := head + " VALUES " + row + strings.Repeat(", "+row, n-1)
		if err := tx.Exec(ctx, q, values[:n*width]...); err != nil {
			return err
		}
		values = values[n*width:]
	}
	return nil
}

// inBatch is how many values eventsIn and nearSeeds put in one IN list
// (a power of two: inList): SQLite takes at most 32766 parameters in one
// query.
const inBatch = 512

// eventsIn returns the stored events whose column col (e.id, e.cluster)
// is one of values, inBatch at a time.
func eventsIn(ctx context.Context, db Tx, col string, values []string) ([]doc.Event, error) {
	var out []doc.Event
	err := inBatches(values, func(list string, in []any) error {
		evs, err := QueryEvents(ctx, db, []string{col + " IN " + list}, in, 0)
		out = append(out, evs...)
		return err
	})
	return out, err
}

// inBatches calls fn with the IN lists of values (inList), inBatch
// values at a time.
func inBatches(values []string, fn func(list string, in []any) error) error {
	for start := 0; start < len(values); start += inBatch {
		list, in := inList(values[start:min(start+inBatch, len(values))])
		if err := fn(list, in); err != nil {
			return err
		}
	}
	return nil
}

// inList returns "(?, ?, …)" and its arguments for values, the list
// padded with its last value to a power of two, so that lists of any
// length take a few statements a backend can prepare once.
func inList(values []string) (string, []any) {
	n := 1
	for n < len(values) {
		n *= 2
	}
	in := make([]any, n)
	for i := range in {
		in[i] = values[min(i, len(values)-1)]
	}
	return "(?" + strings.Repeat(", ?", n-1) + ")", in
}

// pairWhere selects the events of a pair through the index on
// (source_key, target_key).
func pairWhere(pair string) ([]string, []any) {
	a, b, ok := strings.Cut(pair, "-")
	if !ok {
		return []string{"e.source_key = ?", "e.target_key IS NULL"}, []any{a}
	}
	return []string{"((e.source_key = ? AND e.target_key = ?) OR (e.source_key = ? AND e.target_key = ?))"}, []any{a, b, b, a}
}

// ClustersStale reports whether the stored clusters were made by another
// version of the clustering (cluster.Version, kept in store_meta
// 'clusters') or some event has none (stored before clusters were kept).
func ClustersStale(ctx context.Context, db Tx) (bool, error) {
	var have string
	n := 0
	err := db.Query(ctx, `SELECT value FROM store_meta WHERE key = 'clusters'`, nil, func(r Row) error { return r.Scan(&have) })
	if err != nil {
		return false, fmt.Errorf("read clustering version: %w", err)
	}
	err = db.Query(ctx, `SELECT count(*) FROM events WHERE cluster IS NULL`, nil, func(r Row) error { return r.Scan(&n) })
	if err != nil {
		return false, fmt.Errorf("events without a cluster: %w", err)
	}
	return have != cluster.Version() || n > 0, nil
}

// ReclusterStale clusters again every stored event when the clusters were
// made by another version of the clustering, and the pairs of any event
// stored without a cluster, and records the version.
func ReclusterStale(ctx context.Context, tx Tx) error {
	var have string
	err := tx.Query(ctx, `SELECT value FROM store_meta WHERE key = 'clusters'`, nil, func(r Row) error { return r.Scan(&have) })
	if err != nil {
		return fmt.Errorf("read clustering version: %w", err)
	}
	cond := `e.cluster IS NULL`
	if have != cluster.Version() {
		cond = `1 = 1`
	}
	seeds, err := StoredSeeds(ctx, tx, cond)
	if err != nil {
		return err
	}
	if err := Recluster(ctx, tx, seeds, true); err != nil {
		return err
	}
	return tx.Exec(ctx, `INSERT INTO store_meta (key, value) VALUES ('clusters', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, cluster.Version())
}

// QueryClusters returns the clusters holding an event f selects, with all
// their reports, by date.
func QueryClusters(ctx context.Context, db Tx, f Filter) ([]cluster.Cluster, error) {
	ids, members, err := clusterMembers(ctx, db, f)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	out := make([]cluster.Cluster, 0, len(ids))
	for _, id := range ids {
		out = append(out, cluster.Summarize(id, members[id]))
	}
	return out, nil
}

// QueryDisagreements returns where the reports of the clusters f selects
// disagree.
func QueryDisagreements(ctx context.Context, db Tx, f Filter) ([]cluster.Disagreement, error) {
	ids, members, err := clusterMembers(ctx, db, f)
	if err != nil {
		return nil, fmt.Errorf("disagreements: %w", err)
	}
	var out []cluster.Disagreement
	for _, id := range ids {
		out = append(out, cluster.Disagreements(id, members[id])...)
	}
	return out, nil
}

// clusterMembers returns the ids of the clusters holding an event f
// selects (at most f.Limit, by date), and every event of each.
func clusterMembers(ctx context.Context, db Tx, f Filter) ([]string, map[string][]doc.Event, error) {
	where, args, err := f.Where()
	if err != nil {
		return nil, nil, err
	}
	q := `SELECT c.id FROM clusters c WHERE c.id IN (SELECT e.cluster FROM events e
		JOIN documents d ON d.pk = e.doc
		JOIN actors sa ON sa.pk = e.source_actor
		LEFT JOIN actors ta ON ta.pk = e.target_actor`
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	q += ")\nORDER BY c.date, c.pair, c.id"
	if f.Limit > 0 {
		q += "\nLIMIT ?"
		args = append(args, f.Limit)
	}
	var ids []string
	err = db.Query(ctx, q, args, func(r Row) error {
		var id string
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	evs, err := eventsIn(ctx, db, "e.cluster", ids)
	if err != nil {
		return nil, nil, err
	}
	members := map[string][]doc.Event{}
	for _, e := range evs {
		members[e.Cluster] = append(members[e.Cluster], e)
	}
	for _, evs := range members {
		slices.SortFunc(evs, func(a, b doc.Event) int { return cmp.Compare(a.ID, b.ID) })
	}
	return ids, members, nil
}
