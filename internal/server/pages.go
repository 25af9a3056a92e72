package server

import (
	"cmp"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/brief"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/filter"
	"github.com/dyad-events/dyad/internal/store"
)

// page is what every page template gets: its title and its own data.
type page struct {
	Title string
	Nav   string
	Data  any
	// OwnHeading leaves the page's h1 to its content (a brief has its
	// own).
	OwnHeading bool
}

// pageNames are the templates under templates/, each rendered inside
// layout.html.
var pageNames = []string{"overview", "dyad", "dyads", "events", "event", "documents", "document", "network", "search", "brief", "error"}

var funcs = template.FuncMap{
	"docHref":  docHref,
	"codeName": codeName,
	"quadName": quadName,
	"lower":    strings.ToLower,
}

// quadNames are the names of the quad classes 1-4.
var quadNames = [5]string{1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

func quadName(q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	return quadNames[q]
}

func (s *Server) parseTemplates() error {
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return nil
}

// render writes page name; the page is rendered to memory first, so a
// template error is an error status rather than half a page.
func (s *Server) render(w http.ResponseWriter, name string, p page) error {
	var b strings.Builder
	if err := s.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := w.Write([]byte(b.String()))
	return err
}

// withParams encodes q with the parameters kv (name, value, ...) set, for
// a link written whole into an href, where html/template keeps its & and
// = (a value written after a ? in the template is escaped as one
// parameter instead).
func withParams(q url.Values, kv ...string) string {
	out := url.Values{}
	for k, v := range q {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out.Encode()
}

// query returns the filter parameters of q that are set, for links that
// keep a filter.
func query(q url.Values, drop ...string) url.Values {
	out := url.Values{}
	for _, p := range filterParams {
		if v := q.Get(p); v != "" && !slices.Contains(drop, p) {
			out.Set(p, v)
		}
	}
	return out
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) error {
	st, err := s.stats(r)
	if err != nil {
		return err
	}
	dyads, err := s.top(r, "dyads")
	if err != nil {
		return err
	}
	// Recent events: those of the latest documents.
	docs, err := s.st.Latest(r.Context(), 15)
	if err != nil {
		return err
	}
	var recent []doc.Event
	for _, d := range docs {
		if len(recent) >= 15 {
			break
		}
		evs, err := s.st.Events(r.Context(), store.Filter{Doc: d.ID, Limit: 15 - len(recent)})
		if err != nil {
			return err
		}
		recent = append(recent, evs...)
	}
	return s.render(w, "overview", page{Title: "Overview", Nav: "overview", Data: struct {
		Stats  statsResult
		Dyads  topResult
		Chart  barChart
		Recent []doc.Event
	}{st, dyads, topChart(dyads.Rows), recent}})
}

func (s *Server) pageDyads(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if d := strings.TrimSpace(q.Get("dyad")); d != "" {
		a, b, ok := strings.Cut(d, "-")
		if !ok {
			return fmt.Errorf("dyad %q: want SRC-TGT such as RUS-CHN: %w", d, store.ErrInvalid)
		}
		http.Redirect(w, r, "/dyads/"+url.PathEscape(strings.ToUpper(a))+"/"+url.PathEscape(strings.ToUpper(b)), http.StatusSeeOther)
		return nil
	}
	res, err := s.top(r, "dyads")
	if err != nil {
		return err
	}
	return s.render(w, "dyads", page{Title: "Dyads", Nav: "dyads", Data: res})
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	res, f, err := s.series(r)
	if err != nil {
		return err
	}
	p, err := s.events(r, f, q.Get("cursor"), defaultLimit)
	if err != nil {
		return err
	}
	filterQ := url.Values{"dyad": {f.Dyad}}
	if f.Both {
		filterQ.Set("both", "true")
	}
	next := ""
	if p.Next != "" {
		next = r.URL.Path + "?" + withParams(q, "cursor", p.Next)
	}
	return s.render(w, "dyad", page{Title: "Dyad " + res.Dyad, Nav: "dyads", Data: struct {
		Series    seriesResult
		A, B      string
		Chart     seriesChart
		Events    eventPage
		Next, CSV string
		Intervals []string
		Counts    []string
	}{res, strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b")), newSeriesChart(res, filterQ), p,
		next, "/api/export?" + withParams(filterQ, "format", "csv"), aggregate.Intervals, aggregate.CountWays}})
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	p, err := s.events(r, f, q.Get("cursor"), defaultLimit)
	if err != nil {
		return err
	}
	next := ""
	if p.Next != "" {
		next = "/events?" + withParams(query(q), "cursor", p.Next)
	}
	return s.render(w, "events", page{Title: "Events", Nav: "events", Data: struct {
		Events    eventPage
		Next, CSV string
		Q         url.Values
	}{p, next, "/api/export?" + withParams(query(q), "format", "csv"), q}})
}

// segment is a piece of a document's text on a page: plain, or marked as
// an actor mention, a trigger or the event's sentence.
type segment struct {
	Text  string
	Class string // "", "actor", "trigger"
	Title string
}

// paragraph is the text of one paragraph of a document, in segments, the
// sentence of the event in view marked.
type paragraph struct {
	Sentences []sentenceView
}

type sentenceView struct {
	Index    int
	Segments []segment
	Mark     bool
	Events   []string
}

// reading lays out a document's sentences by paragraph, with its marks;
// mark is the index of the sentence to highlight (-1 for none).
func reading(d *document, mark int) []paragraph {
	var out []paragraph
	byEvent := map[int][]string{}
	for _, e := range d.EventList {
		byEvent[e.SentenceIndex] = append(byEvent[e.SentenceIndex], e.ID)
	}
	para := -1
	for _, st := range d.Sentences {
		if st.Paragraph != para || len(out) == 0 {
			out = append(out, paragraph{})
			para = st.Paragraph
		}
		sv := sentenceView{Index: st.Index, Mark: st.Index == mark, Events: byEvent[st.Index]}
		sv.Segments = segments(st, d.Mentions)
		out[len(out)-1].Sentences = append(out[len(out)-1].Sentences, sv)
	}
	return out
}

// segments cuts a sentence at its mentions (the first of overlapping ones
// wins).
func segments(st docSentence, ms []mention) []segment {
	var own []mention
	for _, m := range ms {
		if m.Sentence == st.Index && m.Start >= st.Start && m.End <= st.End {
			own = append(own, m)
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].Start < own[j].Start })
	var out []segment
	at := st.Start
	for _, m := range own {
		if m.Start < at {
			continue
		}
		if m.Start > at {
			out = append(out, segment{Text: st.Text[at-st.Start : m.Start-st.Start]})
		}
		title := m.Code
		if m.Kind == "trigger" {
			title = m.Code + " " + codeName(m.Code)
		} else if m.Role != "" {
			title += ", " + m.Role
		}
		out = append(out, segment{Text: m.Text, Class: m.Kind, Title: title})
		at = m.End
	}
	if at < st.End {
		out = append(out, segment{Text: st.Text[at-st.Start:]})
	}
	return out
}

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) error {
	ev, err := s.event(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	d, err := s.document(r, ev.Doc)
	if err != nil {
		return err
	}
	c, _ := cameo.Lookup(ev.CAMEO)
	root, _ := cameo.Lookup(ev.Root)
	cl, others, disagree, err := s.eventCluster(r.Context(), ev)
	if err != nil {
		return err
	}
	return s.render(w, "event", page{Title: "Event " + ev.ID, Nav: "events", Data: struct {
		Event         doc.Event
		Code, Root    cameo.Code
		Doc           *document
		Paragraphs    []paragraph
		Cluster       *cluster.Cluster
		Others        []cluster.Report
		Disagreements []cluster.Disagreement
	}{ev, c, root, d, reading(d, ev.SentenceIndex), cl, others, disagree}})
}

// eventCluster returns the cluster of ev (nil when it has none), its
// other reports, and where the cluster's reports disagree, from one read
// of the cluster's events: what store.QueryClusters and
// QueryDisagreements make of them, read once for both.
func (s *Server) eventCluster(ctx context.Context, ev doc.Event) (*cluster.Cluster, []cluster.Report, []cluster.Disagreement, error) {
	if ev.Cluster == "" {
		return nil, nil, nil, nil
	}
	members, err := s.st.Events(ctx, store.Filter{Cluster: ev.Cluster})
	if err != nil || len(members) == 0 {
		return nil, nil, nil, err
	}
	slices.SortFunc(members, func(a, b doc.Event) int { return cmp.Compare(a.ID, b.ID) })
	c := cluster.Summarize(ev.Cluster, members)
	var others []cluster.Report
	for _, r := range c.Reports {
		if r.Event != ev.ID {
			others = append(others, r)
		}
	}
	return &c, others, cluster.Disagreements(ev.Cluster, members), nil
}

// docHref is the address of a stored document's reader, and of one of its
// sentences when sentence >= 0.
func docHref(id string, sentence int) string {
	h := "/documents/" + url.PathEscape(id)
	if sentence >= 0 {
		h += "#s" + strconv.Itoa(sentence)
	}
	return h
}

// pageBrief shows the brief of a dyad (internal/brief, as "dyad brief
// --format html" writes it), its footnotes linked to the document reader.
func (s *Server) pageBrief(w http.ResponseWriter, r *http.Request) error {
	dyad := strings.ToUpper(r.PathValue("dyad"))
	if err := filter.Check(store.Filter{Dyad: dyad}, ""); err != nil {
		return fmt.Errorf("brief: %w: %w", err, store.ErrInvalid)
	}
	var b strings.Builder
	if err := brief.RenderHTML(r.Context(), &b, s.st, dyad, docHref); err != nil {
		return err
	}
	a, c, _ := strings.Cut(dyad, "-")
	return s.render(w, "brief", page{Title: "Brief " + dyad, Nav: "dyads", OwnHeading: true, Data: struct {
		A, B string
		// Article is html/template's output (internal/brief).
		Article template.HTML
	}{a, c, template.HTML(b.String())}})
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) error {
	docs, next, err := s.documents(r)
	if err != nil {
		return err
	}
	return s.render(w, "documents", page{Title: "Documents", Nav: "documents", Data: struct {
		Documents []docInfo
		Next      string
	}{docs, next}})
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, "document", page{Title: d.Title, Nav: "documents", Data: struct {
		Doc        *document
		Paragraphs []paragraph
	}{d, reading(d, -1)}})
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	how, err := countParam(q)
	if err != nil {
		return err
	}
	res, err := s.rank(r.Context(), f, "dyads", how, 0)
	if err != nil {
		return err
	}
	return s.render(w, "network", page{Title: "Actor network", Nav: "network", Data: struct {
		Chart networkChart
		Rows  []aggregate.Count
		Count string
		CSV   string
	}{newNetwork(res), res, how, "/api/top/dyads?" + withParams(query(q), "format", "csv", "n", "1000", "count", how)}})
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	query, hits, err := s.search(r)
	if err != nil {
		return err
	}
	type hitView struct {
		searchHit
		Segments []segment
	}
	views := make([]hitView, 0, len(hits))
	for _, h := range hits {
		views = append(views, hitView{h, highlight(h.Text, h.Matches)})
	}
	return s.render(w, "search", page{Title: "Search", Nav: "search", Data: struct {
		Query string
		Hits  []hitView
	}{query, views}})
}

// highlight cuts text at the spans matched.
func highlight(text string, spans [][2]int) []segment {
	var out []segment
	at := 0
	for _, sp := range spans {
		if sp[0] < at {
			continue
		}
		if sp[0] > at {
			out = append(out, segment{Text: text[at:sp[0]]})
		}
		out = append(out, segment{Text: text[sp[0]:sp[1]], Class: "match"})
		at = sp[1]
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out
}

// matches finds the words of a search query in text, case-insensitively,
// as whole words, or as word starts for a query word ending in *; the
// spans are byte offsets, in order.
func matches(text, query string) [][2]int {
	type word struct {
		w      string
		prefix bool
	}
	var words []word
	for _, f := range strings.Fields(query) {
		p := strings.HasSuffix(f, "*")
		f = strings.ToLower(strings.Trim(f, "*\"'"))
		if f != "" {
			words = append(words, word{f, p})
		}
	}
	var out [][2]int
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isWord(r) {
				break
			}
			j += n
		}
		tok := strings.ToLower(text[i:j])
		for _, w := range words {
			if tok == w.w || (w.prefix && strings.HasPrefix(tok, w.w)) {
				out = append(out, [2]int{i, j})
				break
			}
		}
		i = j
	}
	return out
}
