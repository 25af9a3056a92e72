// Package cluster groups coded events that report the same real-world
// event, within and across documents ("Putin visited Beijing", "Putin
// landed in Beijing", "Putin's three-day visit"), gives each group a
// canonical code, date and place and its sources, and finds where the
// reports of one event disagree. It works on plain values: events in,
// clusters out; the store keeps the result (docs/clusters.md).
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
)

// Cluster is one real-world event and the event records that report it.
type Cluster struct {
	ID string `json:"id"`
	// Pair is the unordered pair of the events' actor keys (countries,
	// else groups), sorted: "CHN-RUS"; one key for events with no target.
	Pair string `json:"pair"`
	// CAMEO, Date and Place are canonical: the most frequent code, the
	// most precise date the reports give, the place most reports name.
	CAMEO         string        `json:"cameo"`
	Root          string        `json:"root"`
	Date          string        `json:"date"`
	DatePrecision string        `json:"date_precision"`
	Place         *doc.Location `json:"place,omitempty"`
	// FirstReport and LastReport are the publication dates of the
	// earliest and latest documents that report it.
	FirstReport string `json:"first_report"`
	LastReport  string `json:"last_report"`
	// NumMentions counts the sentences that report it, NumArticles the
	// documents and NumSources the outlets (a document with no outlet
	// counts as its own), as GDELT's fields of those names do.
	NumMentions int      `json:"num_mentions"`
	NumSources  int      `json:"num_sources"`
	NumArticles int      `json:"num_articles"`
	Reports     []Report `json:"reports"`
}

// Report is one event record of a cluster: which document, sentence and
// event said it happened.
type Report struct {
	Event         string `json:"event"`
	Doc           string `json:"doc"`
	DocDate       string `json:"doc_date"`
	Outlet        string `json:"outlet,omitempty"`
	SentenceIndex int    `json:"sentence_index"`
	Sentence      string `json:"sentence"`
	Source        string `json:"source"`
	Target        string `json:"target,omitempty"`
	CAMEO         string `json:"cameo"`
	Date          string `json:"date"`
}

// PairOf is the pair an event is clustered within: its actors' keys,
// sorted and joined by a hyphen.
func PairOf(e doc.Event) string {
	if e.Target == nil {
		return e.Source.Key()
	}
	a, b := e.Source.Key(), e.Target.Key()
	return min(a, b) + "-" + max(a, b)
}

// Assign groups evs into clusters; each event is in exactly one. Events
// join only events of the same pair of actors' keys, with compatible codes,
// actors, dates and places (docs/clusters.md); the result does not depend
// on the order of evs.
func Assign(evs []doc.Event) []Cluster {
	r := theRules()
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return Order(&evs[i], &evs[j]) })
	x := newIndex()
	var all []*group
	for _, i := range order {
		e := &evs[i]
		pair := PairOf(*e)
		lo, hi := dateSpan(r, e)
		var best *group
		bestScore := -1
		for _, g := range x.candidates(pair, lo, hi, e) {
			if s := g.score(r, e); s > bestScore {
				best, bestScore = g, s
			}
		}
		if best == nil {
			best = newGroup(r, e)
			best.n, best.pair = len(all), pair
			all = append(all, best)
		}
		best.add(r, i, e)
		x.file(pair, best, e)
	}
	out := make([]Cluster, 0, len(all))
	for _, g := range all {
		members := make([]doc.Event, len(g.members))
		for k, i := range g.members {
			members[k] = evs[i]
		}
		out = append(out, Summarize(ID(members), members))
	}
	slices.SortFunc(out, func(a, b Cluster) int {
		return cmp.Or(strings.Compare(a.Pair, b.Pair), strings.Compare(a.Date, b.Date), strings.Compare(a.ID, b.ID))
	})
	return out
}

// ID is a cluster's id: a hash of the smallest id among its events, so the
// same events give the same id whatever order they were stored in.
func ID(members []doc.Event) string {
	least := ""
	for i, e := range members {
		if i == 0 || e.ID < least {
			least = e.ID
		}
	}
	sum := sha256.Sum256([]byte("cluster\x00" + least))
	return "c" + hex.EncodeToString(sum[:8])
}

// Order orders events for clustering, and a cluster's events for choosing
// one to stand for it: the most precisely dated first (day, month,
// publication date, year), then by date, document, sentence and id, so
// precise dates seed the clusters that vaguer ones then join.
func Order(a, b *doc.Event) int {
	return cmp.Or(precisionRank(a.DatePrecision)-precisionRank(b.DatePrecision),
		strings.Compare(a.Date, b.Date), strings.Compare(a.Doc, b.Doc),
		a.SentenceIndex-b.SentenceIndex, strings.Compare(a.ID, b.ID))
}

func precisionRank(p string) int {
	switch p {
	case doc.PrecisionDay:
		return 0
	case doc.PrecisionMonth:
		return 1
	case doc.PrecisionDoc:
		return 2
	case doc.PrecisionYear:
		return 3
	}
	return 4
}

// side is one party of a cluster or event: its key (country) and the most
// specific actor code seen for it.
type side struct{ key, code string }

func sidesOf(e *doc.Event) [2]side {
	s := [2]side{{e.Source.Key(), e.Source.Code}}
	if e.Target != nil {
		s[1] = side{e.Target.Key(), e.Target.Code}
	}
	return s
}

// compatibleActors reports whether two codes can name the same party:
// one is the other or a code under it (RUS and RUSGOV; not RUSGOV and
// RUSBUS).
func compatibleActors(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// index finds the groups of a pair an event may join: those whose dates
// reach a month the event's date reaches, and those holding an event of
// its sentence (which join whatever their dates). A group reaching more
// than two years is tried for every event of its pair.
type index struct {
	months   map[string]map[int][]*group // pair → month → groups
	wide     map[string][]*group         // pair → groups reaching too far to file
	sentence map[[2]any][]*group
	filed    map[*group][2]int // the span each group is filed under
}

// wideMonths is how many months a span may reach and still be filed by
// month.
const wideMonths = 24

func newIndex() *index {
	return &index{months: map[string]map[int][]*group{}, wide: map[string][]*group{},
		sentence: map[[2]any][]*group{}, filed: map[*group][2]int{}}
}

func monthOf(day int) int {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return t.Year()*12 + int(t.Month()) - 1
}

// file files g, which e has just joined, under the months its span
// reaches and under e's sentence.
func (x *index) file(pair string, g *group, e *doc.Event) {
	k := [2]any{e.Doc, e.SentenceIndex}
	if !slices.Contains(x.sentence[k], g) {
		x.sentence[k] = append(x.sentence[k], g)
	}
	if f, ok := x.filed[g]; ok && f[0] <= g.lo && g.hi <= f[1] {
		return // filed under a span that holds its own
	}
	x.filed[g] = [2]int{g.lo, g.hi}
	from, to := monthOf(g.lo), monthOf(g.hi)
	if g.lo <= math.MinInt32 || g.hi >= math.MaxInt32 || to-from > wideMonths {
		x.wide[pair] = append(x.wide[pair], g)
		return
	}
	if x.months[pair] == nil {
		x.months[pair] = map[int][]*group{}
	}
	for m := from; m <= to; m++ {
		if !slices.Contains(x.months[pair][m], g) {
			x.months[pair][m] = append(x.months[pair][m], g)
		}
	}
}

// candidates lists, in the order they were made, the groups of pair that
// e, reaching days lo to hi, may join.
func (x *index) candidates(pair string, lo, hi int, e *doc.Event) []*group {
	out := slices.Clone(x.wide[pair])
	if lo <= math.MinInt32 || hi >= math.MaxInt32 || monthOf(hi)-monthOf(lo) > wideMonths {
		for _, gs := range x.months[pair] {
			out = append(out, gs...)
		}
	} else {
		for m := monthOf(lo); m <= monthOf(hi); m++ {
			out = append(out, x.months[pair][m]...)
		}
	}
	for _, g := range x.sentence[[2]any{e.Doc, e.SentenceIndex}] {
		if g.pair == pair {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b *group) int { return a.n - b.n })
	return slices.Compact(out)
}

// group is a cluster being built.
type group struct {
	n       int // the order it was made in
	pair    string
	lo, hi  int // the days every member's date reaches
	sides   [2]side
	codes   []string // distinct CAMEO codes of the members
	country string   // the country of a place the text names, if any
	mutual  bool     // every member's code takes two parties
	places  map[string]bool
	mention map[[2]any]bool // doc and sentence of each member
	members []int
}

func newGroup(r *rules, e *doc.Event) *group {
	lo, hi := dateSpan(r, e)
	return &group{lo: lo, hi: hi, sides: sidesOf(e), mutual: cameo.ClassOf(e.CAMEO).TwoParty,
		places: map[string]bool{}, mention: map[[2]any]bool{}}
}

// align returns the event's sides in the group's order, and false when
// the event's actors cannot be the group's. An event's source is the
// group's source, unless every code involved takes two parties by nature
// (cameo.Class.TwoParty: meetings, agreements, cooperation), whose
// direction is only the way the sentence put it: "Putin visited Hu" is
// "Hu hosted Putin".
func (g *group) align(e *doc.Event) ([2]side, bool) {
	s := sidesOf(e)
	ways := [][2]side{s}
	if g.mutual && cameo.ClassOf(e.CAMEO).TwoParty {
		ways = append(ways, [2]side{s[1], s[0]})
	}
	for _, a := range ways {
		if a[0].key == g.sides[0].key && a[1].key == g.sides[1].key &&
			compatibleActors(a[0].code, g.sides[0].code) && compatibleActors(a[1].code, g.sides[1].code) {
			return a, true
		}
	}
	return s, false
}

// score says how well e fits g: -1 when it cannot join, else higher for
// the same code, the same sentence and the same place.
func (g *group) score(r *rules, e *doc.Event) int {
	if _, ok := g.align(e); !ok {
		return -1
	}
	for _, c := range g.codes {
		if !r.compatibleCodes(c, e.CAMEO) {
			return -1
		}
	}
	s := 0
	if g.mention[[2]any{e.Doc, e.SentenceIndex}] {
		// One sentence reports one event of a kind between a pair: two
		// dates or places for it are the coder reading two expressions.
		s += 2
	} else {
		lo, hi := dateSpan(r, e)
		if max(lo, g.lo) > min(hi, g.hi) {
			return -1
		}
		if c := textPlace(e); c != nil && g.country != "" && c.Country != g.country {
			return -1
		}
	}
	if slices.Contains(g.codes, e.CAMEO) {
		s += 2
	}
	if p := textPlace(e); p != nil && g.places[p.Text] {
		s++
	}
	return s
}

func (g *group) add(r *rules, i int, e *doc.Event) {
	a, _ := g.align(e)
	for k := range g.sides {
		if len(a[k].code) > len(g.sides[k].code) {
			g.sides[k].code = a[k].code
		}
	}
	lo, hi := dateSpan(r, e)
	if max(lo, g.lo) <= min(hi, g.hi) {
		g.lo, g.hi = max(g.lo, lo), min(g.hi, hi)
	} else {
		// A second date from the same sentence: either may be the event's.
		g.lo, g.hi = min(g.lo, lo), max(g.hi, hi)
	}
	g.mutual = g.mutual && cameo.ClassOf(e.CAMEO).TwoParty
	if !slices.Contains(g.codes, e.CAMEO) {
		g.codes = append(g.codes, e.CAMEO)
	}
	if p := textPlace(e); p != nil {
		g.places[p.Text] = true
		if p.Country != "" {
			g.country = p.Country
		}
	}
	g.mention[[2]any{e.Doc, e.SentenceIndex}] = true
	g.members = append(g.members, i)
}

// textPlace is the event's place when its text names it (in its clause or
// paragraph); a place taken from a party or a dateline says nothing of
// where the event was.
func textPlace(e *doc.Event) *doc.Location {
	if l := e.Location; l != nil && (l.From == doc.FromClause || l.From == doc.FromParagraph) {
		return l
	}
	return nil
}

// dateSpan is the range of days, counted from 1970-01-01, an event's date
// reaches (rules.txt, window): a day and the window around it, a whole
// month or year, or for a publication date the window before it. An
// event with no readable date reaches every day.
func dateSpan(r *rules, e *doc.Event) (lo, hi int) {
	first, last, ok := dateRange(e.Date)
	if !ok {
		return math.MinInt32, math.MaxInt32
	}
	switch e.DatePrecision {
	case doc.PrecisionDay:
		if first == last {
			return first - r.dayWindow, last + r.dayWindow
		}
	case doc.PrecisionDoc, "":
		return first - r.docWindow, last
	}
	return first, last
}

// dateRange is the first and last day an ISO date at year, month or day
// precision covers. A store clusters every report near a new one again, so
// this is read without time.Parse or time.Date: digits and hyphens in
// place, a month of 1 to 12 and a day its month has, as time.Parse
// accepts them, counted as time counts days (TestDateRange).
func dateRange(date string) (first, last int, ok bool) {
	num := func(s string) (int, bool) {
		n := 0
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	if len(date) != 4 && len(date) != 7 && len(date) != 10 {
		return 0, 0, false
	}
	y, ok := num(date[:4])
	if !ok {
		return 0, 0, false
	}
	if len(date) == 4 {
		return civilDay(y, 1, 1), civilDay(y+1, 1, 1) - 1, true
	}
	m, ok := num(date[5:7])
	if !ok || date[4] != '-' || m < 1 || m > 12 {
		return 0, 0, false
	}
	if len(date) == 7 {
		return civilDay(y, m, 1), civilDay(y, m, 1) + monthDays(y, m) - 1, true
	}
	d, ok := num(date[8:10])
	if !ok || date[7] != '-' || d < 1 || d > monthDays(y, m) {
		return 0, 0, false
	}
	day := civilDay(y, m, d)
	return day, day, true
}

// civilDay counts the days from 1970-01-01 to a date of the proleptic
// Gregorian calendar, as time does (H. Hinnant's days_from_civil).
func civilDay(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// monthDays is how many days month m of year y has.
func monthDays(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func days(t time.Time) int { return int(t.Unix() / 86400) }

// Summarize describes the cluster id made of members: its canonical code,
// date and place, its first and last reports, its counts and its reports.
func Summarize(id string, members []doc.Event) Cluster {
	c := Cluster{ID: id}
	if len(members) == 0 {
		return c
	}
	c.Pair = PairOf(members[0])
	codes, places := map[string]int{}, map[string]int{}
	bestRank := math.MaxInt
	dates := map[string]int{}
	mentions, articles, sources := map[[2]any]bool{}, map[string]bool{}, map[string]bool{}
	for i, e := range members {
		codes[e.CAMEO]++
		if p := textPlace(&e); p != nil {
			places[p.Text]++
		}
		switch rank := precisionRank(e.DatePrecision); {
		case rank < bestRank:
			bestRank, dates = rank, map[string]int{e.Date: 1}
		case rank == bestRank:
			dates[e.Date]++
		}
		if i == 0 || e.DocDate < c.FirstReport {
			c.FirstReport = e.DocDate
		}
		c.LastReport = max(c.LastReport, e.DocDate)
		mentions[[2]any{e.Doc, e.SentenceIndex}] = true
		articles[e.Doc] = true
		sources[cmp.Or(e.Outlet, "doc:"+e.Doc)] = true
		r := Report{Event: e.ID, Doc: e.Doc, DocDate: e.DocDate, Outlet: e.Outlet, SentenceIndex: e.SentenceIndex,
			Sentence: e.Sentence, Source: e.Source.Code, CAMEO: e.CAMEO, Date: e.Date}
		if e.Target != nil {
			r.Target = e.Target.Code
		}
		c.Reports = append(c.Reports, r)
	}
	// The most frequent code; of as frequent ones the most specific.
	c.CAMEO = mostFrequent(codes, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	c.Root = c.CAMEO[:min(2, len(c.CAMEO))]
	c.Date = mostFrequent(dates, strings.Compare)
	for _, e := range members {
		if e.Date == c.Date && precisionRank(e.DatePrecision) == bestRank {
			c.DatePrecision = e.DatePrecision
			break
		}
	}
	if place := mostFrequent(places, strings.Compare); place != "" {
		for _, e := range members {
			if p := textPlace(&e); p != nil && p.Text == place {
				l := *p
				c.Place = &l
				break
			}
		}
	}
	c.NumMentions, c.NumArticles, c.NumSources = len(mentions), len(articles), len(sources)
	slices.SortFunc(c.Reports, func(a, b Report) int {
		return cmp.Or(strings.Compare(a.DocDate, b.DocDate), strings.Compare(a.Doc, b.Doc),
			a.SentenceIndex-b.SentenceIndex, strings.Compare(a.Event, b.Event))
	})
	return c
}

// mostFrequent returns the key with the highest count; ties go to the key
// tie orders first.
func mostFrequent(m map[string]int, tie func(a, b string) int) string {
	best, bestN := "", 0
	for k, n := range m {
		if n > bestN || (n == bestN && tie(k, best) < 0) {
			best, bestN = k, n
		}
	}
	return best
}

// Reach returns the indexes of the events of all (the events of one pair)
// to cluster again after a change at seeds (events added or removed): the
// events whose dates reach a day a seed's date reaches and whose codes may share
// a cluster with the seed's (compatible codes), those of a seed's
// sentence, those of a cluster a seed was in (Event.Cluster), and then
// every other event of the clusters those were in, so that old clusters
// are re-made whole. Events further away keep their clusters.
//
// This is an approximation of clustering every event again, which a busy
// pair (news on most days, each date reaching its neighbours) would need
// for every document: a reached event may now fit a cluster just outside
// the reach that it would have joined, so incremental clusters can differ
// at their edges from clusters made at once (docs/clusters.md).
func Reach(all, seeds []doc.Event) []int {
	r := theRules()
	type span struct {
		lo, hi int
		code   string
	}
	var near []span
	sentences, clusters := map[[2]any]bool{}, map[string]bool{}
	for _, s := range seeds {
		lo, hi := dateSpan(r, &s)
		near = append(near, span{lo, hi, s.CAMEO})
		sentences[[2]any{s.Doc, s.SentenceIndex}] = true
		if s.Cluster != "" {
			clusters[s.Cluster] = true
		}
	}
	reached := make([]bool, len(all))
	for i := range all {
		e := &all[i]
		lo, hi := dateSpan(r, e)
		reached[i] = clusters[e.Cluster] && e.Cluster != "" || sentences[[2]any{e.Doc, e.SentenceIndex}] ||
			slices.ContainsFunc(near, func(s span) bool {
				// Only an event whose code may share a cluster with a
				// seed's can be moved by it: the others keep theirs.
				return max(lo, s.lo) <= min(hi, s.hi) && (s.code == "" || r.compatibleCodes(s.code, e.CAMEO))
			})
	}
	// Old clusters are re-made whole.
	for i := range all {
		if reached[i] && all[i].Cluster != "" {
			clusters[all[i].Cluster] = true
		}
	}
	var out []int
	for i := range all {
		if reached[i] || all[i].Cluster != "" && clusters[all[i].Cluster] {
			out = append(out, i)
		}
	}
	return out
}

// DateReach returns, for seeds (events of one pair), the ranges of ISO
// dates a stored event's date must fall in to reach a day a seed's date
// reaches: an event dated from[:len(date)] to to, compared as strings
// (so a month or year falls in a range when it reaches into it), may be
// near a seed; one outside every range cannot be (Reach). It is a filter
// for reading a busy pair's events before Reach; ok is false when some
// seed reaches every day, so that every event may be near.
func DateReach(seeds []doc.Event) (ranges [][2]string, ok bool) {
	r := theRules()
	// The farthest a stored event's date reaches beyond its own days.
	back, ahead := max(r.dayWindow, r.docWindow), r.dayWindow
	var spans [][2]int
	for i := range seeds {
		lo, hi := dateSpan(r, &seeds[i])
		if lo <= math.MinInt32 || hi >= math.MaxInt32 {
			return nil, false
		}
		spans = append(spans, [2]int{lo - ahead, hi + back})
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var merged [][2]int
	for _, s := range spans {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1]+1 {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	day := func(d int) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }
	for _, s := range merged {
		ranges = append(ranges, [2]string{day(s[0]), day(s[1])})
	}
	return ranges, true
}
