package main

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/cluster"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/pgtest"
	"github.com/dyad-events/dyad/internal/server"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// TestDemoServes: "dyad demo" codes the demo corpus, prints the address
// it serves the dashboard on, answers there, and stops when its context
// ends (as Ctrl-C ends it).
func TestDemoServes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	addr, stop := serving(t, "demo", "--quiet", "--db", db, "--addr", "127.0.0.1:0")
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Busiest dyads") || !strings.Contains(string(body), "<svg") {
		t.Errorf("GET %s = %d, want the overview with its chart:\n%.400s", addr, resp.StatusCode, body)
	}
	stop()
}

// serving runs dyad with args (a command that serves until its context
// ends) and returns the address it prints, and a stop that ends its
// context and checks that it exits 0 soon after.
func serving(t *testing.T, args ...string) (addr string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, args, &env{stdin: strings.NewReader(""), stdout: pw, stderr: &errb})
		pw.Close()
	}()
	addrRE := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+/)`)
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(2 * time.Minute)
	for addr == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("%s ended without serving: %s", args[0], errb.String())
			}
			if m := addrRE.FindStringSubmatch(l); m != nil {
				addr = m[1]
			}
		case <-timeout:
			t.Fatalf("%s printed no address in 2 minutes", args[0])
		}
	}
	go func() {
		for range lines {
		}
	}()
	return addr, func() {
		t.Helper()
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%s exited %d after its context ended: %s", args[0], code, errb.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatalf("%s did not stop within 15 s of its context ending", args[0])
		}
	}
}

// TestServePostgres is issue 15's acceptance 3 through the command: the
// seeds ingested into PostgreSQL, "dyad serve --db postgres://…" answers
// /api/dyads/RUS/CHN/series with the numbers the same seeds in a SQLite
// file give, for every count and interval (internal/server's
// TestPostgresServesAsSQLite compares more answers).
func TestServePostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	seeds := sharedtest.Path(t, "corpus", "seeds")
	if code, _, stderr := dyad(t, "ingest", "--quiet", "--db", dsn, "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds); code != 0 {
		t.Fatalf("ingest seeds into PostgreSQL exited %d: %s", code, stderr)
	}
	lite := serveFile(t, seedsStore(t))
	pg, stop := serving(t, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
	defer stop()
	total := 0
	for _, count := range aggregate.CountWays {
		for _, interval := range aggregate.Intervals {
			p := "api/dyads/RUS/CHN/series?count=" + count + "&interval=" + interval
			want, got := getBody(t, lite+"/"+p), getBody(t, pg+p)
			if got != want {
				t.Errorf("%s:\nSQLite     %.500s\nPostgreSQL %.500s", p, want, got)
			}
			var res struct {
				Periods []struct{ Count int } `json:"periods"`
			}
			if err := json.Unmarshal([]byte(got), &res); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, b := range res.Periods {
				total += b.Count
			}
		}
	}
	if total == 0 {
		t.Error("the RUS-CHN series over PostgreSQL count no event")
	}
}

// serveFile serves the SQLite file db through internal/server, as "dyad
// serve --db db" does, read-only.
func serveFile(t *testing.T, db string) string {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h, err := server.New(st, server.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// getBody returns the body of a GET that must answer 200.
func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d %v: %.300s", url, resp.StatusCode, err, b)
	}
	return string(b)
}

// TestServeCountsAsCLI is issue 11's acceptance 6 for the API: on the
// seeds, /api/dyads/RUS/CHN/series and /api/top/KIND give the numbers
// "dyad series" and "dyad top" print with the same --count, and the same
// default (clusters).
func TestServeCountsAsCLI(t *testing.T) {
	db := seedsStore(t)
	url := serveFile(t, db)
	cli := func(v any, args ...string) {
		t.Helper()
		code, out, stderr := dyad(t, append(args, "--db", db, "--format", "json")...)
		if code != 0 {
			t.Fatalf("dyad %q exited %d: %s", args, code, stderr)
		}
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("dyad %q: %v", args, err)
		}
	}
	june := map[string]int{}
	for _, how := range []string{"", "clusters", "events", "daily"} {
		args, param := []string{}, ""
		if how != "" {
			args, param = []string{"--count", how}, "&count="+how
		}
		var periods []aggregate.Period
		cli(&periods, append([]string{"series", "--dyad", "RUS-CHN", "--both", "--interval", "month"}, args...)...)
		var api struct {
			Count   string
			Periods []struct {
				Period           string
				Count            int
				VerbalCoop       int     `json:"verbal_coop"`
				MaterialCoop     int     `json:"material_coop"`
				VerbalConflict   int     `json:"verbal_conflict"`
				MaterialConflict int     `json:"material_conflict"`
				GoldsteinMean    float64 `json:"goldstein_mean"`
			}
		}
		if err := json.Unmarshal([]byte(getBody(t, url+"/api/dyads/RUS/CHN/series?interval=month"+param)), &api); err != nil {
			t.Fatal(err)
		}
		if len(api.Periods) != len(periods) || len(periods) == 0 {
			t.Fatalf("count %q: the API gives %d periods, dyad series %d", how, len(api.Periods), len(periods))
		}
		for i, p := range periods {
			a := api.Periods[i]
			got := aggregate.Period{Period: a.Period, Events: a.Count, VerbalCooperation: a.VerbalCoop, MaterialCooperation: a.MaterialCoop,
				VerbalConflict: a.VerbalConflict, MaterialConflict: a.MaterialConflict, Goldstein: a.GoldsteinMean}
			if got != p {
				t.Errorf("count %q: the API's %s is %+v, dyad series says %+v", how, p.Period, got, p)
			}
			if p.Period == "2012-06" {
				june[api.Count] = p.Events
			}
		}
		for _, kind := range []string{"dyads", "actors", "codes"} {
			var want, got []aggregate.Count
			cli(&want, append([]string{"top", kind, "--n", "1000"}, args...)...)
			var res struct{ Rows []aggregate.Count }
			if err := json.Unmarshal([]byte(getBody(t, url+"/api/top/"+kind+"?n=1000"+param)), &res); err != nil {
				t.Fatal(err)
			}
			if got = res.Rows; len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("count %q: /api/top/%s = %+v, dyad top says %+v", how, kind, got, want)
			}
		}
	}
	t.Logf("RUS-CHN 2012-06 through the API: %v", june)
	if june["clusters"] >= june["events"] || june["daily"] >= june["events"] {
		t.Errorf("RUS-CHN 2012-06 %v: want fewer clusters and daily records than events", june)
	}
}

// TestServeClusterAndBrief: the event page shows the event's other reports
// and where they disagree, both sentences quoted (issue 11), and
// /brief/A-B shows the dyad's brief with its footnotes linked to sentences
// of the document reader (issue 13), linked from the dyad explorer.
func TestServeClusterAndBrief(t *testing.T) {
	db := filepath.Join(t.TempDir(), "articles.db")
	if code, _, stderr := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", "testdata/clusters/manifest.jsonl"); code != 0 {
		t.Fatalf("ingest exited %d: %s", code, stderr)
	}
	url := serveFile(t, db)
	var ds []cluster.Disagreement
	code, out, stderr := dyad(t, "disagreements", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(out), &ds); code != 0 || err != nil || len(ds) == 0 {
		t.Fatalf("disagreements exited %d (%v): %s %s; want the visit's length", code, err, out, stderr)
	}
	d := ds[0]
	page := getBody(t, url+"/events/"+d.A.Event)
	for _, want := range []string{
		"Other reports of this event", `href="/events/` + d.B.Event + `"`, `href="/documents/` + d.B.Doc + `#s`,
		"Where its reports disagree", html.EscapeString(d.A.Sentence), html.EscapeString(d.B.Sentence),
		"<q>" + d.A.Value + "</q>", "<q>" + d.B.Value + "</q>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("event page %s lacks %q", d.A.Event, want)
		}
	}

	// The brief of the visit's dyad, through the explorer's link.
	var evs struct{ Events []doc.Event }
	if err := json.Unmarshal([]byte(getBody(t, url+"/api/events?limit=1&cluster="+d.Cluster)), &evs); err != nil || len(evs.Events) == 0 {
		t.Fatalf("events of cluster %s: %v", d.Cluster, err)
	}
	e := evs.Events[0]
	a, b := e.Source.Key(), e.Target.Key()
	explorer := getBody(t, url+"/dyads/"+a+"/"+b)
	if !strings.Contains(explorer, `href="/brief/`+a+"-"+b+`"`) {
		t.Errorf("the %s-%s explorer does not link to its brief", a, b)
	}
	brief := getBody(t, url+"/brief/"+a+"-"+b)
	notes := regexp.MustCompile(`<li id="note-\d+"><a href="(/documents/[^"#]+)#s(\d+)">`).FindAllStringSubmatch(brief, -1)
	if !strings.Contains(brief, `<article class="brief">`) || len(notes) == 0 {
		t.Fatalf("/brief/%s-%s: want the brief with linked footnotes:\n%.1500s", a, b, brief)
	}
	for _, n := range notes {
		if reader := getBody(t, url+n[1]); !strings.Contains(reader, `id="s`+n[2]+`"`) {
			t.Errorf("footnote %s#s%s: the reader has no sentence %s", n[1], n[2], n[2])
		}
	}
}
