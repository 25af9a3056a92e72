package server

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the driver, for counting straight from the file

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// TestSeriesMatchesSQL: the RUS-CHN monthly series of every event record
// (count=events, from the store's tallies) for 2012-06 is what a direct
// SQL count over the file says, by quad class, in each direction.
func TestSeriesMatchesSQL(t *testing.T) {
	st, path := seedStore(t)
	ts := newTestServer(t, st, Config{})
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tt := range []struct {
		direction string
		where     string
	}{
		{"both", "((source_key = 'RUS' AND target_key = 'CHN') OR (source_key = 'CHN' AND target_key = 'RUS'))"},
		{"ab", "source_key = 'RUS' AND target_key = 'CHN'"},
		{"ba", "source_key = 'CHN' AND target_key = 'RUS'"},
	} {
		var want aggregate.Period
		var g sql.NullFloat64
		err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
			count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), round(avg(goldstein), 2)
			FROM events WHERE `+tt.where+` AND date LIKE '2012-06%'`).Scan(
			&want.Events, &want.VerbalCooperation, &want.MaterialCooperation, &want.VerbalConflict, &want.MaterialConflict, &g)
		if err != nil {
			t.Fatal(err)
		}
		want.Period, want.Goldstein = "2012-06", g.Float64
		if tt.direction == "both" && want.Events < 10 {
			t.Fatalf("the seeds hold %d RUS-CHN events in 2012-06; the test wants a real month", want.Events)
		}
		var res seriesResult
		getJSON(t, ts.URL+"/api/dyads/RUS/CHN/series?count=events&interval=month&direction="+tt.direction, &res)
		i := slices.IndexFunc(res.Buckets, func(b bucket) bool { return b.Period == "2012-06" })
		if i < 0 {
			t.Fatalf("%s: no 2012-06 in %+v", tt.direction, res.Buckets)
		}
		if w := buckets([]aggregate.Period{want})[0]; res.Buckets[i] != w {
			t.Errorf("%s: 2012-06 = %+v, SQL says %+v", tt.direction, res.Buckets[i], w)
		}
	}
}

// TestEveryFilterPaginates: every filter of "dyad events", paged seven
// events at a time, gives each matching event exactly once, the same as
// the store gives in one go, in the same order.
func TestEveryFilterPaginates(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{})
	all, err := st.Events(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	someDoc := all[len(all)/2].Doc
	// The cluster of the RUS-CHN event with the most reports.
	rusChn, most := "", 0
	for _, e := range all {
		if e.Target == nil || e.Source.Key() != "RUS" || e.Target.Key() != "CHN" {
			continue
		}
		n := 0
		for _, o := range all {
			if o.Cluster == e.Cluster {
				n++
			}
		}
		if n > most {
			rusChn, most = e.Cluster, n
		}
	}
	for _, q := range []string{
		"",
		"dyad=RUS-CHN", "dyad=RUS-CHN&both=true", "dyad=CHN-RUS",
		"source=RUS", "source=CHNGOV", "target=CHN",
		"code=04", "code=042", "root=05", "quad=1", "quad=4",
		"plover=CONSULT", "modality=planned", "modality=asserted",
		"doc=" + url.QueryEscape(someDoc),
		"cluster=" + all[len(all)/2].Cluster, "dyad=RUS-CHN&both=true&cluster=" + rusChn,
		"since=2013", "until=2012-06", "since=2012-06-01&until=2012-06-30",
		"q=gas", "q=Putin",
		"dyad=RUS-CHN&both=true&quad=1&since=2012",
	} {
		f, err := parseFilter(mustQuery(t, q))
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		want, err := st.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Errorf("%q selects no seed event; the test wants filters that select some", q)
		}
		var got []string
		seen := map[string]bool{}
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > len(all) {
				t.Fatalf("%q: pagination does not end", q)
			}
			var p eventPage
			getJSON(t, ts.URL+"/api/events?limit=7&"+q+"&cursor="+url.QueryEscape(cursor), &p)
			for _, e := range p.Events {
				if seen[e.ID] {
					t.Errorf("%q: event %s on two pages", q, e.ID)
				}
				seen[e.ID] = true
				got = append(got, e.ID)
			}
			if p.Next == "" {
				break
			}
			cursor = p.Next
		}
		if !slices.Equal(got, ids(want)) {
			t.Errorf("%q: pages give %d events %v, the store %d %v", q, len(got), got, len(want), ids(want))
		}
	}
}

func ids(evs []doc.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func mustQuery(t *testing.T, q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBadFilter: a mistyped filter is a 400 naming the parameter and the
// right form, as the command line says it.
func TestBadFilter(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{})
	for q, want := range map[string]string{
		"/api/events?dyad=RUSSIA-CHINA":         "dyad: RUSSIA: want a three-letter country or group code such as RUS, CHN or IGO; did you mean RUS?",
		"/api/events?since=June2012":            `since "June2012": want an ISO date`,
		"/api/events?quad=x":                    `quad "x": want 1, 2, 3 or 4`,
		"/api/events?limit=0":                   `limit "0"`,
		"/api/dyads/RUS/CHN/series?interval=wk": `interval "wk": want month, quarter or year`,
		"/api/dyads/RUS/CHN/series?count=x":     `count "x": want clusters, events or daily`,
		"/api/top/codes?count=cluster":          `count "cluster": want clusters, events or daily; did you mean clusters?`,
		"/api/events?cluster=42":                `cluster "42": want a cluster id, c and 16 hex digits`,
		"/api/top/actor":                        `did you mean actors?`,
		"/api/export?format=xml":                `format "xml"`,
	} {
		code, b := get(t, ts.URL+q)
		var e apiError
		if err := json.Unmarshal(b, &e); err != nil || code != http.StatusBadRequest || !strings.Contains(e.Error, want) {
			t.Errorf("GET %s = %d %s, want 400 with %q", q, code, b, want)
		}
	}
	for _, q := range []string{"/api/events/nope", "/api/documents/nope", "/api/nothing"} {
		if code, b := get(t, ts.URL+q); code != http.StatusNotFound {
			t.Errorf("GET %s = %d %s, want 404", q, code, b)
		}
	}
}

// TestOpenAPIValidatesResponses: the real responses of every endpoint,
// errors included, match the schemas openapi.json gives them.
func TestOpenAPIValidatesResponses(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{Token: "secret", Code: codeFunc(t)})
	d := loadOpenAPI(t)
	var evs eventPage
	getJSON(t, ts.URL+"/api/events?limit=3&dyad=RUS-CHN", &evs)
	if len(evs.Events) == 0 {
		t.Fatal("no RUS-CHN events")
	}
	ev := evs.Events[0]
	requests := []struct{ method, path, body, token string }{
		{"GET", "/api/stats", "", ""},
		{"GET", "/api/documents?limit=2", "", ""},
		{"GET", "/api/documents/" + url.PathEscape(ev.Doc), "", ""},
		{"GET", "/api/events?dyad=RUS-CHN&both=true&limit=50", "", ""},
		{"GET", "/api/events/" + ev.ID, "", ""},
		{"GET", "/api/dyads/RUS/CHN/series?interval=quarter", "", ""},
		{"GET", "/api/dyads/USA/IRN/series?interval=year&direction=ab", "", ""},
		{"GET", "/api/top/actors?n=5", "", ""},
		{"GET", "/api/top/dyads", "", ""},
		{"GET", "/api/top/codes?quad=4", "", ""},
		{"GET", "/api/search?q=gas+deal", "", ""},
		{"GET", "/api/events?dyad=RUSSIA-CHINA", "", ""},
		{"GET", "/api/events/nope", "", ""},
		{"POST", "/api/documents", `{"content":"x"}`, ""},
		{"POST", "/api/documents", `{"id":"api-1","published":"2019-06-05","content":"MOSCOW, June 5 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Wednesday."}`, "secret"},
		{"POST", "/api/documents", `{"content":"x","extra":1}`, "secret"},
	}
	for _, r := range requests {
		req, err := http.NewRequest(r.method, ts.URL+r.path, strings.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		if r.token != "" {
			req.Header.Set("Authorization", "Bearer "+r.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		u, _ := url.Parse(r.path)
		op, ok := d.operation(r.method, u.Path)
		if !ok {
			t.Errorf("%s %s: not in openapi.json", r.method, u.Path)
			continue
		}
		res, ok := op.Responses[fmt.Sprint(resp.StatusCode)]
		if !ok {
			t.Errorf("%s %s: status %d is not documented (%s)", r.method, r.path, resp.StatusCode, body.String())
			continue
		}
		media, ok := res.Content["application/json"]
		if !ok {
			t.Errorf("%s %s: %d has no JSON schema", r.method, r.path, resp.StatusCode)
			continue
		}
		var v any
		if err := json.Unmarshal(body.Bytes(), &v); err != nil {
			t.Errorf("%s %s: %v", r.method, r.path, err)
			continue
		}
		for _, e := range d.validate(media.Schema, v, "$") {
			t.Errorf("%s %s (%d): %s", r.method, r.path, resp.StatusCode, e)
		}
	}
}

// TestExportStreams: CSV and JSONL exports of a filter hold each of its
// events once, more than one export page of them when there are.
func TestExportStreams(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{})
	for _, q := range []string{"", "dyad=RUS-CHN&both=true"} {
		f, _ := parseFilter(mustQuery(t, q))
		want, err := st.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		code, b := get(t, ts.URL+"/api/export?format=csv&"+q)
		if code != http.StatusOK {
			t.Fatalf("export csv: %d %s", code, b)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
		if rows[0][0] != "id" || !slices.Equal(got, ids(want)) {
			t.Errorf("export csv %q: %d rows, want the header and %d events", q, len(rows), len(want))
		}
		code, b = get(t, ts.URL+"/api/export?format=jsonl&"+q)
		if code != http.StatusOK {
			t.Fatalf("export jsonl: %d", code)
		}
		got = nil
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var e doc.Event
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatal(err)
			}
			got = append(got, e.ID)
		}
		if !slices.Equal(got, ids(want)) {
			t.Errorf("export jsonl %q: %d events, want %d", q, len(got), len(want))
		}
	}
}

// TestExportPages: an export longer than one page of the store reads
// streams every event once.
func TestExportPages(t *testing.T) {
	st, _ := seedStore(t)
	all, err := st.Events(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	// A page of 10 makes the seeds' events many pages.
	var buf bytes.Buffer
	n, err := s.exportPages(context.Background(), store.Filter{}, 10, func(e doc.Event) error {
		buf.WriteString(e.ID + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(buf.String()); n != len(all) || !slices.Equal(got, ids(all)) {
		t.Errorf("exportPages wrote %d events, want %d in store order", n, len(all))
	}
}

// TestSeriesIsDyadSeries: the API's series is aggregate.Series over the
// events aggregate.Reduce keeps, as "dyad series" prints it, for every
// way of counting (count=events from the store's tallies, the others and
// the default, clusters, from the events), interval, direction and some
// filters.
func TestSeriesIsDyadSeries(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{})
	fewer := false
	for _, tt := range []struct {
		path string
		f    store.Filter
	}{
		{"/api/dyads/RUS/CHN/series?interval=month", store.Filter{Dyad: "RUS-CHN", Both: true}},
		{"/api/dyads/RUS/CHN/series?interval=quarter&direction=ab", store.Filter{Dyad: "RUS-CHN"}},
		{"/api/dyads/RUS/CHN/series?interval=year&direction=ba", store.Filter{Dyad: "CHN-RUS"}},
		{"/api/dyads/USA/IRN/series?interval=month&root=17", store.Filter{Dyad: "USA-IRN", Both: true, Root: "17"}},
		{"/api/dyads/RUS/CHN/series?source=RUSGOV", store.Filter{Dyad: "RUS-CHN", Both: true, Source: "RUSGOV"}},
		{"/api/dyads/RUS/CHN/series?interval=year&q=gas", store.Filter{Dyad: "RUS-CHN", Both: true, Text: "gas"}},
	} {
		evs, err := st.Events(context.Background(), tt.f)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := url.Parse(tt.path)
		interval := cmp.Or(q.Query().Get("interval"), "month")
		for _, how := range append(aggregate.CountWays, "") {
			kept, err := aggregate.Reduce(evs, how)
			if err != nil {
				t.Fatal(err)
			}
			fewer = fewer || len(kept) < len(evs)
			want, unplaced, err := aggregate.Series(kept, interval)
			if err != nil {
				t.Fatal(err)
			}
			path := tt.path
			if how != "" {
				path += "&count=" + how
			}
			var got seriesResult
			getJSON(t, ts.URL+path, &got)
			if !slices.Equal(got.Buckets, buckets(want)) || got.Unplaced != unplaced || got.Count != cmp.Or(how, aggregate.CountClusters) {
				t.Errorf("%s: count %s:\n got %+v (%d unplaced)\nwant %+v (%d unplaced)", path, got.Count, got.Buckets, got.Unplaced, want, unplaced)
			}
		}
	}
	if !fewer {
		t.Error("no filter has events that clusters or daily counts count once; the test wants repeated reports")
	}
}

// TestTopDyadsIsDyadTop: the actors, dyads and codes the API ranks are
// those aggregate.Top ranks from the events aggregate.Reduce keeps, as
// "dyad top" with the same --count: dyads counted as events come from the
// store's tallies, the rest from the events.
func TestTopDyadsIsDyadTop(t *testing.T) {
	st, _ := seedStore(t)
	ts := newTestServer(t, st, Config{})
	for _, q := range []string{"n=1000", "n=5", "n=1000&root=04", "n=1000&since=2014&until=2017-06", "n=1000&dyad=RUS-CHN&both=true&quad=1", "n=1000&source=RUSGOV"} {
		qv := mustQuery(t, q)
		f, err := parseFilter(qv)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := st.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(qv.Get("n"))
		for _, kind := range aggregate.Kinds {
			for _, how := range append(aggregate.CountWays, "") {
				kept, err := aggregate.Reduce(evs, how)
				if err != nil {
					t.Fatal(err)
				}
				want, err := aggregate.Top(kept, kind, n)
				if err != nil {
					t.Fatal(err)
				}
				path := "/api/top/" + kind + "?" + q
				if how != "" {
					path += "&count=" + how
				}
				var got topResult
				getJSON(t, ts.URL+path, &got)
				if len(want) == 0 || !slices.Equal(got.Rows, want) || got.Count != cmp.Or(how, aggregate.CountClusters) {
					t.Errorf("%s: count %s:\n got %+v\nwant %+v", path, got.Count, got.Rows, want)
				}
			}
		}
	}
}
