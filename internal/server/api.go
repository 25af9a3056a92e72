package server

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/filter"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
)

// Page sizes of the listing endpoints.
const (
	defaultLimit = 100
	maxLimit     = 1000
	// exportPage is how many events an export reads at a time: the
	// export streams page after page and never holds the whole result.
	exportPage = 500
)

// filterParams are the query parameters of an event filter, the flags of
// "dyad events" without their dashes.
var filterParams = []string{"dyad", "both", "source", "target", "code", "root", "quad", "plover", "modality", "doc", "cluster", "since", "until", "q"}

// parseFilter reads an event filter from query parameters and checks it
// as the command line does (filter.Check).
func parseFilter(q url.Values) (store.Filter, error) {
	f := store.Filter{
		Dyad: q.Get("dyad"), Source: q.Get("source"), Target: q.Get("target"),
		Code: q.Get("code"), Root: q.Get("root"), PLOVER: q.Get("plover"), Modality: q.Get("modality"),
		Doc: q.Get("doc"), Cluster: q.Get("cluster"), Since: q.Get("since"), Until: q.Get("until"), Text: q.Get("q"),
	}
	if v := q.Get("both"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return f, fmt.Errorf("both %q: want true or false: %w", v, store.ErrInvalid)
		}
		f.Both = b
	}
	if v := q.Get("quad"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return f, fmt.Errorf("quad %q: want 1, 2, 3 or 4: %w", v, store.ErrInvalid)
		}
		f.Quad = n
	}
	if err := filter.Check(f, ""); err != nil {
		return f, fmt.Errorf("%w: %w", err, store.ErrInvalid)
	}
	return f, nil
}

// countParam reads count, what series and rankings count
// (aggregate.Reduce): clusters by default, as "dyad series" and "dyad top".
func countParam(q url.Values) (string, error) {
	how := cmp.Or(q.Get("count"), aggregate.CountClusters)
	if err := filter.CheckCount(how, ""); err != nil {
		return how, fmt.Errorf("%w: %w", err, store.ErrInvalid)
	}
	return how, nil
}

// counted reads the events f selects and keeps those that count under
// how, as "dyad series" and "dyad top" do.
func (s *Server) counted(ctx context.Context, f store.Filter, how string) ([]doc.Event, error) {
	evs, err := s.st.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	return aggregate.Reduce(evs, how)
}

// pageLimit reads limit: defaultLimit when absent, at most maxLimit.
func pageLimit(q url.Values) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, fmt.Errorf("limit %q: want a number from 1 to %d: %w", v, maxLimit, store.ErrInvalid)
	}
	return n, nil
}

// eventPage is one page of events and the cursor of the next ("" at the
// end).
type eventPage struct {
	Events []doc.Event `json:"events"`
	Next   string      `json:"next"`
}

// events reads one page of the events f selects after cursor.
func (s *Server) events(r *http.Request, f store.Filter, cursor string, limit int) (eventPage, error) {
	f.After, f.Limit = cursor, limit+1
	evs, err := s.st.Events(r.Context(), f)
	if err != nil {
		return eventPage{}, err
	}
	p := eventPage{Events: evs}
	if len(evs) > limit {
		p.Events = evs[:limit]
		p.Next = evs[limit-1].ID
	}
	if p.Events == nil {
		p.Events = []doc.Event{}
	}
	return p, nil
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	limit, err := pageLimit(q)
	if err != nil {
		return err
	}
	p, err := s.events(r, f, q.Get("cursor"), limit)
	if err != nil {
		return err
	}
	return writeJSON(w, p)
}

// event returns the stored event with this id.
func (s *Server) event(r *http.Request, id string) (doc.Event, error) {
	evs, err := s.st.Events(r.Context(), store.Filter{ID: id, Limit: 1})
	if err != nil {
		return doc.Event{}, err
	}
	if len(evs) == 0 {
		return doc.Event{}, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	return evs[0], nil
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) error {
	ev, err := s.event(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, ev)
}

// seriesResult is a dyad's series: aggregate.Series over the events the
// filter selects, as "dyad series" prints it.
type seriesResult struct {
	Dyad      string             `json:"dyad"`
	Direction string             `json:"direction"`
	Interval  string             `json:"interval"`
	Count     string             `json:"count"`
	Unplaced  int                `json:"unplaced"`
	Periods   []aggregate.Period `json:"-"`
	// Buckets are Periods under the names the API promises.
	Buckets []bucket `json:"periods"`
}

// bucket is one period of a series in the API: aggregate.Period's numbers
// under the names of the API's contract (issue 12), which "dyad series
// --format json" names events, verbal_cooperation and so on.
type bucket struct {
	Period           string  `json:"period"`
	Count            int     `json:"count"`
	VerbalCoop       int     `json:"verbal_coop"`
	MaterialCoop     int     `json:"material_coop"`
	VerbalConflict   int     `json:"verbal_conflict"`
	MaterialConflict int     `json:"material_conflict"`
	GoldsteinMean    float64 `json:"goldstein_mean"`
}

func buckets(ps []aggregate.Period) []bucket {
	out := make([]bucket, 0, len(ps))
	for _, p := range ps {
		out = append(out, bucket{p.Period, p.Events, p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict, p.Goldstein})
	}
	return out
}

// series reads a dyad's series from the path values a and b and the
// query: interval, direction (both, ab or ba) and the other filters.
func (s *Server) series(r *http.Request) (seriesResult, store.Filter, error) {
	q := r.URL.Query()
	res := seriesResult{Interval: q.Get("interval"), Direction: q.Get("direction")}
	if res.Interval == "" {
		res.Interval = "month"
	}
	if !slices.Contains(aggregate.Intervals, res.Interval) {
		return res, store.Filter{}, fmt.Errorf("interval %q: want month, quarter or year%s: %w", res.Interval, filter.DidYouMean(res.Interval, aggregate.Intervals), store.ErrInvalid)
	}
	var err error
	if res.Count, err = countParam(q); err != nil {
		return res, store.Filter{}, err
	}
	a, b := strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b"))
	switch res.Direction {
	case "", "both":
		res.Direction = "both"
		q.Set("dyad", a+"-"+b)
		q.Set("both", "true")
	case "ab":
		q.Set("dyad", a+"-"+b)
		q.Del("both")
	case "ba":
		q.Set("dyad", b+"-"+a)
		q.Del("both")
	default:
		return res, store.Filter{}, fmt.Errorf("direction %q: want both, ab or ba: %w", res.Direction, store.ErrInvalid)
	}
	res.Dyad = a + "-" + b
	f, err := parseFilter(q)
	if err != nil {
		return res, f, err
	}
	// The store's tallies answer count=events, and count=clusters for a
	// dyad or a side alone, without reading the events; the other counts
	// read them.
	var evs []doc.Event
	byFlags := f.ClusterCount()
	switch {
	case res.Count == aggregate.CountEvents:
		var tallies []store.Tally
		tallies, err = s.st.Tallies(r.Context(), f)
		evs = tallyEvents(tallies)
	case res.Count == aggregate.CountClusters && byFlags:
		var tallies []store.Tally
		tallies, err = s.st.ClusterTallies(r.Context(), f)
		evs = tallyEvents(tallies)
	default:
		evs, err = s.counted(r.Context(), f, res.Count)
	}
	if err != nil {
		return res, f, err
	}
	res.Periods, res.Unplaced, err = aggregate.Series(evs, res.Interval)
	res.Buckets = buckets(res.Periods)
	return res, f, err
}

// tallyEvents makes of tallies the events aggregate.Series counts: their
// date, quad class and Goldstein score are all it reads, so the series is
// the one "dyad series" computes without reading whole events.
func tallyEvents(tallies []store.Tally) []doc.Event {
	n := 0
	for _, t := range tallies {
		n += t.Events
	}
	evs := make([]doc.Event, 0, n)
	for _, t := range tallies {
		for range t.Events {
			evs = append(evs, doc.Event{Date: t.Date, Quad: t.Quad, Goldstein: t.Goldstein})
		}
	}
	return evs
}

func (s *Server) apiSeries(w http.ResponseWriter, r *http.Request) error {
	res, _, err := s.series(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("format") == "csv" {
		rows := [][]string{{"period", "count", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "goldstein_mean"}}
		for _, b := range res.Buckets {
			rows = append(rows, []string{b.Period, strconv.Itoa(b.Count), strconv.Itoa(b.VerbalCoop), strconv.Itoa(b.MaterialCoop),
				strconv.Itoa(b.VerbalConflict), strconv.Itoa(b.MaterialConflict), strconv.FormatFloat(b.GoldsteinMean, 'f', -1, 64)})
		}
		return writeCSV(w, "series-"+res.Dyad, rows)
	}
	return writeJSON(w, res)
}

// topResult ranks the actors, dyads or codes of the events a filter
// selects.
type topResult struct {
	Kind  string            `json:"kind"`
	Count string            `json:"count"`
	Rows  []aggregate.Count `json:"rows"`
}

func (s *Server) top(r *http.Request, kind string) (topResult, error) {
	q := r.URL.Query()
	if !slices.Contains(aggregate.Kinds, kind) {
		return topResult{}, fmt.Errorf("top %q: want actors, dyads or codes%s: %w", kind, filter.DidYouMean(kind, aggregate.Kinds), store.ErrInvalid)
	}
	n := 10
	if v := q.Get("n"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > maxLimit {
			return topResult{}, fmt.Errorf("n %q: want a number from 1 to %d: %w", v, maxLimit, store.ErrInvalid)
		}
	}
	how, err := countParam(q)
	if err != nil {
		return topResult{}, err
	}
	f, err := parseFilter(q)
	if err != nil {
		return topResult{}, err
	}
	rows, err := s.rank(r.Context(), f, kind, how, n)
	if rows == nil {
		rows = []aggregate.Count{}
	}
	return topResult{Kind: kind, Count: how, Rows: rows}, err
}

// rank ranks the actors, dyads or codes of f's events counted as how, as
// aggregate.Top does; counted as events, or as clusters for a filter of a
// dyad or a side alone, they come from the store's tallies, without
// reading the events.
func (s *Server) rank(ctx context.Context, f store.Filter, kind, how string, n int) ([]aggregate.Count, error) {
	byFlags := f.ClusterCount()
	switch {
	case kind == "dyads" && how == aggregate.CountEvents:
		tallies, err := s.st.DyadTallies(ctx, f)
		if err != nil {
			return nil, err
		}
		return aggregate.TopDyads(tallies, n), nil
	case kind == "dyads" && how == aggregate.CountClusters && byFlags:
		tallies, err := s.st.ClusterDyadTallies(ctx, f)
		if err != nil {
			return nil, err
		}
		return aggregate.TopDyads(tallies, n), nil
	case how == aggregate.CountEvents, how == aggregate.CountClusters && byFlags:
		tallies, err := s.st.RankTallies(ctx, f, kind, how == aggregate.CountClusters)
		if err != nil {
			return nil, err
		}
		return aggregate.TopTallies(tallies, kind, n)
	}
	evs, err := s.counted(ctx, f, how)
	if err != nil {
		return nil, err
	}
	return aggregate.Top(evs, kind, n)
}

func (s *Server) apiTop(w http.ResponseWriter, r *http.Request) error {
	res, err := s.top(r, r.PathValue("kind"))
	if err != nil {
		return err
	}
	if r.URL.Query().Get("format") == "csv" {
		rows := [][]string{{"key", "name", "events", "as_source", "as_target", "goldstein_mean"}}
		for _, c := range res.Rows {
			rows = append(rows, []string{c.Key, c.Name, strconv.Itoa(c.Events), strconv.Itoa(c.AsSource), strconv.Itoa(c.AsTarget), strconv.FormatFloat(c.Goldstein, 'f', -1, 64)})
		}
		return writeCSV(w, "top-"+res.Kind, rows)
	}
	return writeJSON(w, res)
}

// searchHit is a sentence found by search, with the byte spans of the
// words that matched and the ids of the events coded from it.
type searchHit struct {
	Doc     string   `json:"doc"`
	Index   int      `json:"index"`
	Text    string   `json:"text"`
	Matches [][2]int `json:"matches"`
	Events  []string `json:"events"`
}

func (s *Server) search(r *http.Request) (string, []searchHit, error) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		return "", []searchHit{}, nil
	}
	limit, err := pageLimit(q)
	if err != nil {
		return query, nil, err
	}
	hits, err := s.st.Search(r.Context(), query, limit)
	if err != nil {
		return query, nil, err
	}
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		evs, err := s.st.Events(r.Context(), store.Filter{Doc: h.Doc})
		if err != nil {
			return query, nil, err
		}
		sh := searchHit{Doc: h.Doc, Index: h.Index, Text: h.Text, Matches: matches(h.Text, query), Events: []string{}}
		for _, e := range evs {
			if e.SentenceIndex == h.Index {
				sh.Events = append(sh.Events, e.ID)
			}
		}
		out = append(out, sh)
	}
	return query, out, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	query, hits, err := s.search(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("format") == "csv" {
		rows := [][]string{{"doc", "index", "text", "events"}}
		for _, h := range hits {
			rows = append(rows, []string{h.Doc, strconv.Itoa(h.Index), h.Text, strings.Join(h.Events, " ")})
		}
		return writeCSV(w, "search", rows)
	}
	return writeJSON(w, struct {
		Query string      `json:"query"`
		Hits  []searchHit `json:"hits"`
	}{query, hits})
}

// apiExport streams the events of a filter as CSV or JSONL, reading them
// a page at a time.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	var write func(doc.Event) error
	var flush func() error
	switch format := q.Get("format"); format {
	case "csv":
		cw := export.NewCSV(w)
		write, flush = cw.Write, cw.Flush
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	case "jsonl", "":
		write, flush = export.NewJSONL(w).Write, func() error { return nil }
		w.Header().Set("Content-Type", "application/x-ndjson")
	default:
		return fmt.Errorf("format %q: want csv or jsonl: %w", format, store.ErrInvalid)
	}
	n, err := s.exportPages(r.Context(), f, exportPage, write)
	if err != nil && n == 0 {
		return err // nothing written yet: an error status
	}
	if err != nil {
		// The status is sent: the stream is cut short.
		s.cfg.Log.Warn("export cut short", "events", n, "err", err)
		return nil
	}
	if err := flush(); err != nil {
		s.cfg.Log.Warn("export", "err", err)
	}
	return nil
}

// exportPages reads the events f selects a page of size events at a
// time, each page after the last event of the one before, and writes
// each; it returns how many it wrote.
func (s *Server) exportPages(ctx context.Context, f store.Filter, size int, write func(doc.Event) error) (int, error) {
	n := 0
	for {
		f.Limit = size
		evs, err := s.st.Events(ctx, f)
		if err != nil {
			return n, err
		}
		for _, e := range evs {
			if err := write(e); err != nil {
				return n, err
			}
			n++
		}
		if len(evs) < size {
			return n, nil
		}
		f.After = evs[len(evs)-1].ID
	}
}

// statsResult is the overview of a store.
type statsResult struct {
	store.Counts
	First string `json:"first"`
	Last  string `json:"last"`
}

func (s *Server) stats(r *http.Request) (statsResult, error) {
	c, err := s.st.Counts(r.Context())
	if err != nil {
		return statsResult{}, err
	}
	res := statsResult{Counts: c}
	res.First, res.Last, err = s.st.Published(r.Context())
	return res, err
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	res, err := s.stats(r)
	if err != nil {
		return err
	}
	return writeJSON(w, struct {
		Documents int    `json:"documents"`
		Sentences int    `json:"sentences"`
		Events    int    `json:"events"`
		Actors    int    `json:"actors"`
		First     string `json:"first"`
		Last      string `json:"last"`
	}{res.Documents, res.Sentences, res.Events, res.Actors, res.First, res.Last})
}

// docInfo is a stored document in a listing.
type docInfo struct {
	ID        string `json:"id"`
	Hash      string `json:"hash"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Origin    string `json:"origin"`
	Events    int    `json:"events"`
}

// documents lists the stored documents matching q's source (outlet) and
// since/until (publication date), a page after cursor (a content hash).
func (s *Server) documents(r *http.Request) (docs []docInfo, next string, err error) {
	q := r.URL.Query()
	limit, err := pageLimit(q)
	if err != nil {
		return nil, "", err
	}
	for _, p := range []string{"since", "until"} {
		if v := q.Get(p); v != "" && !filter.IsoDate(v) {
			return nil, "", fmt.Errorf("%s %q: want an ISO date, 2012, 2012-06 or 2012-06-05: %w", p, v, store.ErrInvalid)
		}
	}
	all, err := s.st.Documents(r.Context())
	if err != nil {
		return nil, "", err
	}
	cursor, started := q.Get("cursor"), q.Get("cursor") == ""
	docs = []docInfo{}
	for _, d := range all {
		if !started {
			started = d.Hash == cursor
			continue
		}
		if src := q.Get("source"); src != "" && !strings.EqualFold(d.Source, src) {
			continue
		}
		if v := q.Get("since"); v != "" && d.Published < v {
			continue
		}
		if v := q.Get("until"); v != "" && d.Published > v+"~" {
			continue
		}
		if len(docs) == limit {
			return docs, docs[limit-1].Hash, nil
		}
		docs = append(docs, docInfo{d.ID, d.Hash, d.Title, d.Source, d.Published, d.Origin, d.Events})
	}
	return docs, "", nil
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	docs, next, err := s.documents(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("format") == "csv" {
		rows := [][]string{{"id", "hash", "title", "source", "published", "origin", "events"}}
		for _, d := range docs {
			rows = append(rows, []string{d.ID, d.Hash, d.Title, d.Source, d.Published, d.Origin, strconv.Itoa(d.Events)})
		}
		return writeCSV(w, "documents", rows)
	}
	return writeJSON(w, struct {
		Documents []docInfo `json:"documents"`
		Next      string    `json:"next"`
	}{docs, next})
}

// mention is an actor named in a sentence, or an event's trigger, located
// by byte offsets in the document's cleaned text.
type mention struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Kind     string `json:"kind"` // "actor" or "trigger"
	Code     string `json:"code"` // an actor's code, a trigger's CAMEO code
	Role     string `json:"role,omitempty"`
	Event    string `json:"event"`
}

// docSentence is a stored sentence in a document's reading.
type docSentence struct {
	Index     int    `json:"index"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Paragraph int    `json:"paragraph"`
	Codable   bool   `json:"codable"`
	Text      string `json:"text"`
}

// document is one stored document for reading: its cleaned text, its
// sentences, the actor mentions and triggers of its events, and its events.
type document struct {
	docInfo
	Text      string        `json:"text"`
	Sentences []docSentence `json:"sentences"`
	Mentions  []mention     `json:"mentions"`
	EventList []doc.Event   `json:"events"`
}

// document returns the stored document whose id or content hash is key
// (of several versions with one id, the last listed).
func (s *Server) document(r *http.Request, key string) (*document, error) {
	// A content hash is 64 hexadecimal digits; any other key is an id.
	var d *doc.Document
	err := store.ErrNotFound
	if isHash(key) {
		d, err = s.st.Document(r.Context(), key)
	}
	if errors.Is(err, store.ErrNotFound) {
		d, err = s.documentByID(r, key)
	}
	if err != nil {
		return nil, err
	}
	info := &store.DocInfo{ID: d.ID, Hash: d.Hash, Title: d.Title, Source: d.Source, Published: d.Published, Origin: d.Origin}
	sents, err := s.st.Sentences(r.Context(), info.Hash)
	if err != nil {
		return nil, err
	}
	evs, err := s.st.Events(r.Context(), store.Filter{Doc: info.ID})
	if err != nil {
		return nil, err
	}
	out := &document{
		docInfo:   docInfo{info.ID, info.Hash, info.Title, info.Source, info.Published, info.Origin, len(evs)},
		Text:      d.Text,
		Sentences: make([]docSentence, 0, len(sents)),
		Mentions:  []mention{},
		EventList: []doc.Event{},
	}
	for _, st := range sents {
		out.Sentences = append(out.Sentences, docSentence{st.Index, st.Start, st.End, st.Paragraph, st.Codable, st.Text})
	}
	for _, e := range evs {
		if e.SentenceIndex < 0 || e.SentenceIndex >= len(sents) {
			continue
		}
		out.EventList = append(out.EventList, e)
		out.Mentions = append(out.Mentions, eventMentions(sents[e.SentenceIndex], e)...)
	}
	return out, nil
}

// isHash says whether key has the form of a content hash (SHA-256 in
// lower-case hexadecimal).
func isHash(key string) bool {
	if len(key) != 64 {
		return false
	}
	for _, c := range key {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// documentByID returns the stored document with this id (of several
// versions, the last stored).
func (s *Server) documentByID(r *http.Request, id string) (*doc.Document, error) {
	hash, err := s.st.DocumentHash(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return s.st.Document(r.Context(), hash)
}

// eventMentions locates an event's actors and trigger in its sentence.
func eventMentions(st doc.Sentence, e doc.Event) []mention {
	var out []mention
	add := func(text, kind, code, role string) {
		if text == "" {
			return
		}
		i := strings.Index(st.Text, text)
		if i < 0 {
			return
		}
		out = append(out, mention{Sentence: st.Index, Start: st.Start + i, End: st.Start + i + len(text), Text: text, Kind: kind, Code: code, Role: role, Event: e.ID})
	}
	add(e.Source.Text, "actor", e.Source.Code, e.Source.Role)
	if t := e.Target; t != nil {
		add(t.Text, "actor", t.Code, t.Role)
	}
	add(e.Trigger, "trigger", e.CAMEO, "")
	return out
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, d)
}

// ingestRequest is the body of POST /api/documents.
type ingestRequest struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`
	// Content is the article, plain text or HTML.
	Content string `json:"content"`
}

// ingestResult says what POST /api/documents stored.
type ingestResult struct {
	ID     string `json:"id"`
	Hash   string `json:"hash"`
	Added  bool   `json:"added"`
	Events int    `json:"events"`
}

// apiIngest reads one article as "dyad ingest -" does, codes it and
// stores it.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	var req ingestRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return fmt.Errorf("document: larger than %d bytes: %w", s.cfg.MaxBody, err)
		}
		return fmt.Errorf("document: want a JSON object {id, title, source, published, url, content}: %v: %w", err, store.ErrInvalid)
	}
	if strings.TrimSpace(req.Content) == "" {
		return fmt.Errorf("document %q: content is empty: %w", req.ID, store.ErrInvalid)
	}
	if req.Published != "" && !filter.IsoDate(req.Published) {
		return fmt.Errorf("document %q: published %q: want an ISO date, 2012, 2012-06 or 2012-06-05: %w", req.ID, req.Published, store.ErrInvalid)
	}
	var d *doc.Document
	err := ingest.Walk(r.Context(), []string{"-"}, ingest.Options{Stdin: strings.NewReader(req.Content)}, func(got *doc.Document, err error) error {
		d = got
		return err
	})
	if err != nil {
		return fmt.Errorf("document %q: %v: %w", req.ID, err, store.ErrInvalid)
	}
	for _, kv := range []struct {
		dst *string
		v   string
	}{{&d.ID, req.ID}, {&d.Title, req.Title}, {&d.Source, req.Source}, {&d.Published, req.Published}, {&d.Origin, req.URL}} {
		if kv.v != "" {
			*kv.dst = kv.v
		}
	}
	if d.ID == "" || d.ID == "-" {
		d.ID = d.Hash[:12]
	}
	evs, err := s.cfg.Code(r.Context(), d)
	if err != nil {
		return fmt.Errorf("document %q: %v: %w", d.ID, err, store.ErrInvalid)
	}
	added, err := s.st.PutDocument(r.Context(), d, evs)
	if err != nil {
		return err
	}
	code := http.StatusCreated
	if !added {
		code = http.StatusOK
	}
	return writeJSONStatus(w, code, ingestResult{ID: d.ID, Hash: d.Hash, Added: added, Events: len(evs)})
}

// writeCSV writes rows, the header first, as a CSV download.
func writeCSV(w http.ResponseWriter, name string, rows [][]string) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("csv %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename=%q`, name+".csv"))
	_, err := io.Copy(w, &buf)
	return err
}

// codeName is a CAMEO code with its name ("042 Make a visit").
func codeName(code string) string {
	if c, ok := cameo.Lookup(code); ok {
		return c.Name
	}
	return ""
}
