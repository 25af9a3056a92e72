// Package brief writes the first draft of a briefing on a relationship
// between two states from its coded events: the relationship in numbers
// (the figures of dyad series), its sectors with their key events, its
// agreements and their histories, every sentence footnoted with the
// document, date and evidence sentence it rests on. Which event belongs to
// which sector (sectors.txt) and how an event is worded (phrases.txt) are
// data; Build is a pure function of the events.
package brief

import (
	"cmp"
	_ "embed"
	"fmt"
	"github.com/dyad-events/dyad/internal/cluster"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/agreements"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Input is what a brief is written from.
type Input struct {
	// Source and Target are the dyad's two sides ("RUS", "CHN").
	Source, Target string
	// Since and Until bound the events, as store.Filter does ("" for
	// open).
	Since, Until string
	// Events are the dyad's events in both directions, as
	// store.Filter{Dyad: Source-Target, Both: true, Since, Until} selects
	// them.
	Events []doc.Event
	// Others are the events of either side toward third parties, in the
	// same dates; the brief states those both sides take toward the same
	// party in the same sentence ("China's and Russia's stated opposition
	// to the deployment of the U.S. ... system").
	Others []doc.Event
	// Agreements are the tracked agreements of the dyad.
	Agreements []agreements.Agreement
	// Names are country names by code ("RUS": "Russia"); a code without
	// a name is written as the code.
	Names map[string]string
	// Titles are document titles by id.
	Titles map[string]string
	// MinConfidence is the confidence an event needs to be stated in the
	// sectors (0 for DefaultMinConfidence); every event is counted in the
	// numbers, which are dyad series's.
	MinConfidence float64
}

// DefaultMinConfidence is the confidence below which an event is counted
// but not stated: on the wire set, most events under it are wrong.
const DefaultMinConfidence = 0.5

// Note is a footnote: the sentence a statement rests on.
type Note struct {
	N        int    `json:"n"`
	Doc      string `json:"doc"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date"`
	Index    int    `json:"sentence_index"`
	Sentence string `json:"sentence"`
}

// Line is one sentence of the brief and the footnotes it cites.
type Line struct {
	Text  string `json:"text"`
	Notes []int  `json:"notes"`
}

// Row is a year of the relationship in numbers, in one direction: the
// aggregate.Series figures, the shares of cooperation and conflict, the
// change of the mean Goldstein score against the previous year with
// events, and footnotes to its most cooperative and most conflictual
// events.
type Row struct {
	aggregate.Period
	Cooperation float64 `json:"cooperation_share"`
	Conflict    float64 `json:"conflict_share"`
	// Change is the mean Goldstein score minus the previous year's; Prev
	// names that year, empty when there is none.
	Change float64 `json:"goldstein_change"`
	Prev   string  `json:"previous,omitempty"`
	// Stated is how many of the year's events the sectors state (see
	// Input.MinConfidence).
	Stated int   `json:"stated"`
	Notes  []int `json:"notes"`
}

// Direction is the numbers of one direction of the dyad.
type Direction struct {
	Source, Target string // codes
	Title          string // "Russia to China"
	Rows           []Row
}

// Section is a titled part of the brief: a sector, the agreements.
type Section struct {
	Title string `json:"title"`
	Lines []Line `json:"lines"`
}

// Brief is a generated briefing.
type Brief struct {
	Title string `json:"title"`
	Dyad  string `json:"dyad"`
	// MinConfidence is the confidence of the least certain event stated.
	MinConfidence float64     `json:"min_confidence"`
	Since         string      `json:"since,omitempty"`
	Until         string      `json:"until,omitempty"`
	Directions    []Direction `json:"numbers"`
	Sectors       []Section   `json:"sectors"`
	// Joint is what both sides did toward a third party together.
	Joint      Section `json:"joint"`
	Agreements Section `json:"agreements"`
	// Disagreements is where the reports of one event disagree (see
	// disagreements).
	Disagreements Section `json:"disagreements"`
	Notes         []Note  `json:"notes"`
}

// Lines returns every sentence of the brief, rows of numbers included, for
// checks that each cites a source.
func (b *Brief) Lines() []Line {
	var out []Line
	for _, d := range b.Directions {
		for _, r := range d.Rows {
			if r.Events > 0 {
				out = append(out, Line{Text: d.Title + " " + r.Period.Period, Notes: r.Notes})
			}
		}
	}
	for _, s := range b.Sectors {
		out = append(out, s.Lines...)
	}
	out = append(out, b.Joint.Lines...)
	out = append(out, b.Agreements.Lines...)
	return append(out, b.Disagreements.Lines...)
}

// MaxKeyEvents is how many key events a sector lists at most.
const MaxKeyEvents = 12

// Build writes the brief for in.
func Build(in Input) (*Brief, error) {
	if in.MinConfidence == 0 {
		in.MinConfidence = DefaultMinConfidence
	}
	w := &writer{in: in, notes: map[noteKey]int{}, contradicted: contradicted(in.Agreements)}
	b := &Brief{
		Title: fmt.Sprintf("%s and %s", w.country(in.Source), w.country(in.Target)),
		Dyad:  in.Source + "-" + in.Target,
		Since: in.Since, Until: in.Until, MinConfidence: in.MinConfidence,
	}
	for _, d := range [][2]string{{in.Source, in.Target}, {in.Target, in.Source}} {
		dir, err := w.direction(d[0], d[1])
		if err != nil {
			return nil, err
		}
		b.Directions = append(b.Directions, dir)
	}
	b.Sectors = w.sectors()
	b.Joint = w.joint()
	b.Agreements = w.agreements()
	b.Disagreements = w.disagreements()
	b.Notes = w.list
	return b, nil
}

// disagreements lists where the reports of one real-world event (a
// cluster of the dyad's events) disagree, as cluster.Disagreements finds
// it: each point once, citing both sentences.
func (w *writer) disagreements() Section {
	sec := Section{Title: "Where sources disagree"}
	byCluster := map[string][]doc.Event{}
	var ids []string
	for _, ev := range w.in.Events {
		if ev.Cluster == "" {
			continue
		}
		if byCluster[ev.Cluster] == nil {
			ids = append(ids, ev.Cluster)
		}
		byCluster[ev.Cluster] = append(byCluster[ev.Cluster], ev)
	}
	for _, id := range ids {
		members := byCluster[id]
		byID := map[string]doc.Event{}
		for _, ev := range members {
			byID[ev.ID] = ev
		}
		for _, d := range cluster.Disagreements(id, members) {
			a, okA := byID[d.A.Event]
			b, okB := byID[d.B.Event]
			if !okA || !okB {
				continue
			}
			text := fmt.Sprintf("%s: reports of %s disagree on the %s: %q in %s, %q in %s.",
				readableDate(a.Date), strings.NewReplacer("{src}", w.actor(a.Source), "{tgt}", w.targetOf(a)).Replace(phrase(a.CAMEO)),
				d.Kind, d.A.Value, cmp.Or(d.A.Outlet, d.A.Doc), d.B.Value, cmp.Or(d.B.Outlet, d.B.Doc))
			sec.Lines = append(sec.Lines, Line{Text: text, Notes: []int{w.citeEvent(a), w.citeEvent(b)}})
		}
	}
	return sec
}

// targetOf names ev's target, or "an unnamed party".
func (w *writer) targetOf(ev doc.Event) string {
	if ev.Target == nil {
		return "an unnamed party"
	}
	return w.actor(*ev.Target)
}

type noteKey struct {
	doc   string
	index int
}

// writer numbers footnotes in order of first citation.
type writer struct {
	in           Input
	notes        map[noteKey]int
	list         []Note
	contradicted map[string]bool // event ids
}

// contradicted are the events whose code the tracker's reading of their
// clause overrides: a signing in "the deal has yet to be finalized".
func contradicted(as []agreements.Agreement) map[string]bool {
	out := map[string]bool{}
	for _, a := range as {
		for _, s := range a.Steps {
			for _, e := range s.Evidence {
				if e.Overridden {
					out[e.Event] = true
				}
			}
		}
	}
	return out
}

// stated reports whether the brief states ev in words: it is certain
// enough and no reading of its clause contradicts it.
func (w *writer) stated(ev doc.Event) bool {
	return (ev.Confidence == 0 || ev.Confidence >= w.in.MinConfidence) && !w.contradicted[ev.ID]
}

func (w *writer) cite(docID, date string, index int, sentence string) int {
	k := noteKey{docID, index}
	if n, ok := w.notes[k]; ok {
		return n
	}
	n := len(w.list) + 1
	w.notes[k] = n
	w.list = append(w.list, Note{N: n, Doc: docID, Title: w.in.Titles[docID], Date: date, Index: index, Sentence: sentence})
	return n
}

func (w *writer) citeEvent(ev doc.Event) int {
	return w.cite(ev.Doc, ev.DocDate, ev.SentenceIndex, ev.Sentence)
}

func (w *writer) country(code string) string {
	if n := w.in.Names[code]; n != "" {
		return n
	}
	return code
}

// direction computes the yearly numbers from src to tgt with
// aggregate.Series, so they equal dyad series --interval year.
func (w *writer) direction(src, tgt string) (Direction, error) {
	var evs []doc.Event
	for _, ev := range w.in.Events {
		if ev.Target != nil && store.ActorKey(ev.Source) == src && store.ActorKey(*ev.Target) == tgt {
			evs = append(evs, ev)
		}
	}
	// One real-world event counts once, as dyad series counts by default.
	counted, err := aggregate.Reduce(evs, aggregate.CountClusters)
	if err != nil {
		return Direction{}, err
	}
	periods, _, err := aggregate.Series(counted, "year")
	if err != nil {
		return Direction{}, err
	}
	d := Direction{Source: src, Target: tgt, Title: w.country(src) + " to " + w.country(tgt)}
	prev := aggregate.Period{}
	for _, p := range periods {
		r := Row{Period: p}
		if p.Events > 0 {
			r.Cooperation = share(p.VerbalCooperation+p.MaterialCooperation, p.Events)
			r.Conflict = share(p.VerbalConflict+p.MaterialConflict, p.Events)
			if prev.Events > 0 {
				r.Prev = prev.Period
				r.Change = math.Round((p.Goldstein-prev.Goldstein)*100) / 100
			}
			r.Notes = w.extremes(evs, p.Period)
			for _, ev := range counted {
				if strings.HasPrefix(ev.Date, p.Period) && w.stated(ev) {
					r.Stated++
				}
			}
			prev = p
		}
		d.Rows = append(d.Rows, r)
	}
	return d, nil
}

func share(n, of int) float64 { return math.Round(float64(n)*1000/float64(of)) / 1000 }

// extremes cites the most cooperative and the most conflictual event of a
// year, among those stated when there are any: the ends of the range its
// mean Goldstein score lies in.
func (w *writer) extremes(evs []doc.Event, year string) []int {
	var lo, hi *doc.Event
	stated := slices.ContainsFunc(evs, func(ev doc.Event) bool { return strings.HasPrefix(ev.Date, year) && w.stated(ev) })
	for i := range evs {
		ev := &evs[i]
		if !strings.HasPrefix(ev.Date, year) || (stated && !w.stated(*ev)) {
			continue
		}
		if hi == nil || ev.Goldstein > hi.Goldstein {
			hi = ev
		}
		if lo == nil || ev.Goldstein < lo.Goldstein {
			lo = ev
		}
	}
	if hi == nil {
		return nil
	}
	notes := []int{w.citeEvent(*hi)}
	if n := w.citeEvent(*lo); n != notes[0] {
		notes = append(notes, n)
	}
	return notes
}

// group is the events of one happening as the brief words it: the same
// code and parties' countries in the same month (sources date a visit
// "in June 2012" or "on June 5").
type group struct {
	events []doc.Event
	date   string // the events' date when they share it, else their month
}

// sectors sorts the stated events into the sectors of sectors.txt and
// writes each sector's trend and key events.
func (w *writer) sectors() []Section {
	by := map[string][]doc.Event{}
	for _, ev := range w.in.Events {
		if !w.stated(ev) {
			continue
		}
		s := sectorOf(ev)
		by[s] = append(by[s], ev)
	}
	var out []Section
	for _, name := range append(sectorNames(), "other") {
		evs := by[name]
		if len(evs) == 0 {
			continue
		}
		sec := Section{Title: name}
		groups := groupEvents(evs)
		sec.Lines = append(sec.Lines, w.trend(name, evs))
		for _, g := range keyGroups(groups) {
			sec.Lines = append(sec.Lines, w.eventLine(g))
		}
		out = append(out, sec)
	}
	return out
}

func groupEvents(evs []doc.Event) []group {
	idx := map[string]int{}
	var out []group
	for _, ev := range evs {
		tgt := ""
		if ev.Target != nil {
			tgt = store.ActorKey(*ev.Target)
		}
		month := ev.Date[:min(7, len(ev.Date))]
		k := strings.Join([]string{month, store.ActorKey(ev.Source), ev.CAMEO, tgt}, "|")
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, group{date: ev.Date})
		}
		if out[i].date != ev.Date {
			out[i].date = month
		}
		out[i].events = append(out[i].events, ev)
	}
	return out
}

// keyGroups picks a sector's key events: those with amounts, then those
// more documents and sentences report, then the strongest by Goldstein score, at most
// MaxKeyEvents, in date order.
func keyGroups(gs []group) []group {
	type score struct {
		amounts, docs, sentences int
		strength                 float64
	}
	scoreOf := func(g group) score {
		var s score
		docs, sentences := map[string]bool{}, map[noteKey]bool{}
		for _, ev := range g.events {
			s.amounts = min(1, s.amounts+len(ev.Quantities))
			docs[ev.Doc] = true
			sentences[noteKey{ev.Doc, ev.SentenceIndex}] = true
			s.strength = max(s.strength, math.Abs(ev.Goldstein))
		}
		s.docs, s.sentences = len(docs), len(sentences)
		return s
	}
	ranked := slices.Clone(gs)
	slices.SortStableFunc(ranked, func(a, b group) int {
		x, y := scoreOf(a), scoreOf(b)
		return cmp.Or(cmp.Compare(y.amounts, x.amounts), cmp.Compare(y.docs, x.docs), cmp.Compare(y.sentences, x.sentences), cmp.Compare(y.strength, x.strength))
	})
	if len(ranked) > MaxKeyEvents {
		ranked = ranked[:MaxKeyEvents]
	}
	slices.SortStableFunc(ranked, func(a, b group) int { return cmp.Compare(a.date, b.date) })
	return ranked
}

// trend says how many events a sector has, per year, and cites its first
// and last.
func (w *writer) trend(name string, evs []doc.Event) Line {
	years := map[string]int{}
	var keys []string
	first, last := evs[0], evs[0]
	for _, ev := range evs {
		y := ev.Date[:min(4, len(ev.Date))]
		if years[y] == 0 {
			keys = append(keys, y)
		}
		years[y]++
		if ev.Date < first.Date {
			first = ev
		}
		if ev.Date > last.Date {
			last = ev
		}
	}
	slices.Sort(keys)
	per := make([]string, len(keys))
	peak := keys[0]
	for i, y := range keys {
		per[i] = fmt.Sprintf("%d in %s", years[y], y)
		if years[y] > years[peak] {
			peak = y
		}
	}
	span := fmt.Sprintf("from %s to %s", readableDate(first.Date), readableDate(last.Date))
	if strings.HasPrefix(last.Date, first.Date) {
		span = "in " + readableDate(first.Date)
	}
	text := fmt.Sprintf("%s: %s (%s), %s", upperFirst(name), plural(len(evs), "event"), strings.Join(per, ", "), span)
	if len(keys) > 1 {
		text += fmt.Sprintf(", most in %s", peak)
	}
	notes := []int{w.citeEvent(first)}
	if n := w.citeEvent(last); n != notes[0] {
		notes = append(notes, n)
	}
	return Line{Text: text + ".", Notes: notes}
}

// eventLine words one happening from its phrase template, with its place
// and amounts, citing every sentence that reports it.
func (w *writer) eventLine(g group) Line {
	ev := g.events[0]
	text := strings.NewReplacer("{src}", w.actor(ev.Source), "{tgt}", w.targetOf(ev)).Replace(phrase(ev.CAMEO))
	if l := ev.Location; l != nil && l.From == doc.FromClause && l.Text != "" && (ev.Target == nil || ev.Target.Text != l.Text || ev.CAMEO[:2] == "04") {
		text += " in " + l.Text
	}
	planned, reported := true, true
	var amounts []string
	var notes []int
	for _, e := range g.events {
		planned = planned && e.Modality == doc.Planned
		reported = reported && e.Modality == doc.Reported
		amounts = amountsOf(e.Quantities, amounts)
		if n := w.citeEvent(e); !slices.Contains(notes, n) {
			notes = append(notes, n)
		}
	}
	switch {
	case planned:
		text += " (planned)"
	case reported:
		text += " (as reported)"
	}
	if len(amounts) > 0 {
		text += "; amounts named: " + strings.Join(amounts, ", ")
	}
	return Line{Text: readableDate(g.date) + ": " + text + ".", Notes: notes}
}

// amountsOf lists the amounts of qs once each, spaces made plain, then
// the dollar values the text gives for them ("150 billion yuan ($24
// billion at the time)").
func amountsOf(qs []doc.Quantity, into []string) []string {
	for _, q := range qs {
		if t := strings.Join(strings.Fields(q.Text), " "); !slices.Contains(into, t) {
			into = append(into, t)
		}
	}
	for _, q := range qs {
		if q.USDFrom != doc.USDFromText || q.USD <= 0 {
			continue
		}
		if t := dollars(q.USD); !slices.Contains(into, t) {
			into = append(into, t)
		}
	}
	return into
}

// dollars writes an amount of US dollars as news does: "$24 billion".
func dollars(v float64) string {
	switch {
	case v >= 1e9:
		return "$" + strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6:
		return "$" + strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	}
	return "$" + strconv.FormatFloat(v, 'f', 0, 64)
}

// joint writes what both sides did toward the same third party in one
// sentence (the same CAMEO root), one line a sentence, in date order,
// quoting the triggers.
func (w *writer) joint() Section {
	sec := Section{Title: "Joint positions toward others"}
	type key struct {
		doc       string
		index     int
		root, tgt string
	}
	by := map[key]map[string][]doc.Event{}
	var keys []key
	for _, ev := range w.in.Others {
		if ev.Target == nil || !w.stated(ev) {
			continue
		}
		src, tgt := store.ActorKey(ev.Source), store.ActorKey(*ev.Target)
		if (src != w.in.Source && src != w.in.Target) || tgt == w.in.Source || tgt == w.in.Target {
			continue
		}
		k := key{ev.Doc, ev.SentenceIndex, ev.CAMEO[:min(2, len(ev.CAMEO))], tgt}
		if by[k] == nil {
			by[k] = map[string][]doc.Event{}
			keys = append(keys, k)
		}
		by[k][src] = append(by[k][src], ev)
	}
	keys = slices.DeleteFunc(keys, func(k key) bool { return len(by[k]) < 2 })
	slices.SortStableFunc(keys, func(a, b key) int {
		return cmp.Compare(by[a][w.in.Source][0].Date, by[b][w.in.Source][0].Date)
	})
	for _, k := range keys {
		a, b := by[k][w.in.Source], by[k][w.in.Target]
		both := w.country(w.in.Source) + " and " + w.country(w.in.Target)
		text := strings.NewReplacer("{src}", both, "{tgt}", w.third(*a[0].Target)).Replace(phrase(a[0].CAMEO))
		var triggers []string
		for _, ev := range append(a, b...) {
			if t := "“" + ev.Trigger + "”"; !slices.Contains(triggers, t) {
				triggers = append(triggers, t)
			}
		}
		text = fmt.Sprintf("%s: %s (%s)", readableDate(a[0].Date), text, strings.Join(triggers, ", "))
		n := w.citeEvent(a[0])
		if last := len(sec.Lines) - 1; last >= 0 && sec.Lines[last].Text == text+"." {
			if !slices.Contains(sec.Lines[last].Notes, n) {
				sec.Lines[last].Notes = append(sec.Lines[last].Notes, n)
			}
			continue
		}
		sec.Lines = append(sec.Lines, Line{Text: text + ".", Notes: []int{n}})
	}
	return sec
}

// third names a third party: its name, else its country's, else the
// words that named it ("the West").
func (w *writer) third(a doc.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	if n := w.in.Names[store.ActorKey(a)]; n != "" {
		return n
	}
	return a.Text
}

// actor names an event's party: a named person or body with its country
// ("Vladimir Putin (Russia)"), else the role and country its code gives
// ("the government of Russia"), else the country.
func (w *writer) actor(a doc.Actor) string {
	key := store.ActorKey(a)
	country := w.country(key)
	if a.Name != "" && a.Name != country {
		return a.Name + " (" + country + ")"
	}
	if len(a.Code) >= 6 && strings.HasPrefix(a.Code, key) {
		if r := roles[a.Code[3:6]]; r != "" {
			return r + " " + country
		}
	}
	return country
}

// agreements writes each tracked agreement's history: one line a step,
// citing the sentences that report it.
func (w *writer) agreements() Section {
	sec := Section{Title: "Agreements"}
	for _, a := range w.in.Agreements {
		for i, st := range a.Steps {
			when := readableDate(st.Date)
			if st.Until != "" {
				when += " to " + readableDate(st.Until)
			}
			text := fmt.Sprintf("%s: %s %s", upperFirst(a.Kind), stepWords[st.Status], when)
			if i == len(a.Steps)-1 && len(a.Steps) > 1 {
				text += fmt.Sprintf(" (after %s)", plural(len(a.Steps)-1, "earlier step"))
			}
			amounts := amountsOf(st.Amounts, nil)
			if len(amounts) > 0 {
				text += "; amounts named: " + strings.Join(amounts, ", ")
			}
			var notes []int
			for _, e := range st.Evidence {
				if n := w.cite(e.Doc, e.DocDate, e.Index, e.Sentence); !slices.Contains(notes, n) {
					notes = append(notes, n)
				}
			}
			sec.Lines = append(sec.Lines, Line{Text: text + ".", Notes: notes})
		}
	}
	return sec
}

// stepWords word a step's status in a sentence.
var stepWords = map[string]string{
	agreements.Proposed:    "proposed",
	agreements.Negotiating: "under negotiation, not yet final,",
	agreements.Stalled:     "stalled or not signed",
	agreements.Signed:      "signed",
	agreements.Implemented: "implemented",
	agreements.Abandoned:   "abandoned",
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// readableDate writes an ISO date as prose: "5 June 2012", "June 2012",
// "2012".
func readableDate(iso string) string {
	parts := strings.Split(iso, "-")
	if len(parts) < 2 {
		return iso
	}
	m, err := strconv.Atoi(parts[1])
	if err != nil || m < 1 || m > 12 {
		return iso
	}
	if len(parts) == 3 {
		return strings.TrimLeft(parts[2], "0") + " " + months[m-1] + " " + parts[0]
	}
	return months[m-1] + " " + parts[0]
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
