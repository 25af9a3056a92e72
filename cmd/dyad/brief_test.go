package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/agreements"
	"github.com/dyad-events/dyad/internal/brief"
	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

// TestBriefSeeds ingests the five seeds into a SQLite file and checks the
// RUS-CHN brief and agreement tracker against issue 13's acceptance items
// 1 to 3.
func TestBriefSeeds(t *testing.T) {
	seeds := sharedtest.Path(t, "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	if code, _, stderr := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds); code != 0 {
		t.Fatalf("dyad ingest exited %d: %s", code, stderr)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b, err := brief.Load(ctx, st, "RUS-CHN", "", "")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("statements", func(t *testing.T) {
		// Issue 13, acceptance 1: each statement with a footnote to the
		// right seed sentence.
		for _, c := range []struct {
			what, line, doc, sentence string
		}{
			{"Putin's June 2012 visit to Beijing", `June 2012: Vladimir Putin \(Russia\) visited China`, "001_7cf3c6871154cef4.txt", "Russian President Vladimir Putin arrived in Beijing on June 5"},
			{"the US $3.5 billion agreement", `Trade and infrastructure agreements: signed .*US \$3\.5 billion`, "000_eecfe78c2f3309df.txt", "A US $3.5 billion two way trade and infrastructure agreement was signed"},
			{"the investment fund memorandum", `Investment fund: signed June 2012`, "001_7cf3c6871154cef4.txt", "signed a memorandum launching a China-Russia Investment Fund"},
			{"the trade target of $100 billion by 2015", `Trade target: proposed 5 June 2012; amounts named: \$100 billion`, "001_7cf3c6871154cef4.txt", "set a goal to increase bilateral trade to $100 billion in 2015"},
			{"the joint opposition to THAAD", `Russia and China rejected United States \(“opposition to”\)`, "004_aeeb191dff6282f3.txt", "China’s and Russia’s stated opposition to the deployment of the U.S. Terminal High Altitude Air Defense (THAAD)"},
			{"the 2014 currency swap with its amounts", `2014: .*signed a formal agreement.*150 billion yuan, 815 billion rubles, \$24 billion`, "004_aeeb191dff6282f3.txt", "signed an arrangement for a currency swap worth 150 billion yuan"},
		} {
			if !cited(b, regexp.MustCompile(c.line), c.doc, c.sentence) {
				t.Errorf("%s: no line matching %q cites %s: %q", c.what, c.line, c.doc, c.sentence)
			}
		}
	})

	t.Run("gas deal history", func(t *testing.T) {
		// Acceptance 2: not signed over pricing (2012), not yet finalised
		// (April 2014), signed (2014), in date order.
		as, err := agreements.Load(ctx, st, store.Filter{Dyad: "RUS-CHN"}, agreements.Default())
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(as, func(a agreements.Agreement) bool { return a.Kind == "gas supply deal" })
		if i < 0 {
			t.Fatalf("no gas supply deal among %d agreements", len(as))
		}
		want := []struct{ status, year, doc, sentence string }{
			{agreements.Stalled, "2012", "000_eecfe78c2f3309df.txt", "the deal could not be signed due to pricing problems"},
			{agreements.Negotiating, "2014-04", "003_ae4786eea793bbaf.txt", "a long-term gas deal has yet to be finalized"},
			{agreements.Signed, "2014", "004_aeeb191dff6282f3.txt", "a 40-year gas supply agreement between Gazprom"},
		}
		steps := as[i].Steps
		if len(steps) != len(want) {
			t.Fatalf("gas supply deal has %d steps, want %d: %+v", len(steps), len(want), steps)
		}
		for k, w := range want {
			s := steps[k]
			j := slices.IndexFunc(s.Evidence, func(e agreements.Evidence) bool {
				// The year is the report's, or the step's own when the
				// sentence names it ("the 2014 Strategic Partnership").
				dated := strings.HasPrefix(e.DocDate, w.year) || strings.HasPrefix(s.Date, w.year)
				return e.Doc == w.doc && dated && strings.Contains(plain(e.Sentence), w.sentence)
			})
			if s.Status != w.status || j < 0 {
				t.Errorf("step %d: %s %s with %d sentences; want %s with %s (%s): %q", k+1, s.Status, s.Date, len(s.Evidence), w.status, w.doc, w.year, w.sentence)
			}
			if k > 0 && s.Date[:4] < steps[k-1].Date[:4] {
				t.Errorf("step %d dated %s, before step %d (%s)", k+1, s.Date, k, steps[k-1].Date)
			}
		}
		if steps[2].Date != "2014" {
			t.Errorf("signing dated %s, want 2014 (the sentence's year, not the 2017 report)", steps[2].Date)
		}
	})

	t.Run("every sentence sourced", func(t *testing.T) {
		if n := len(b.Lines()); n < 20 {
			t.Fatalf("the brief has %d sentences; want the numbers, six sectors and the agreements", n)
		}
		checkSourced(t, db, b)
	})

	t.Run("served", func(t *testing.T) {
		// What dyad serve shows at /brief/RUS-CHN: an article whose
		// footnotes link to the document reader.
		var page strings.Builder
		link := func(doc string, i int) string { return "/doc/" + doc + "#s" + strconv.Itoa(i) }
		if err := brief.RenderHTML(ctx, &page, st, "RUS-CHN", link); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"<article class=\"brief\">", `<a href="/doc/001_7cf3c6871154cef4.txt#s1">`, "<svg class=\"chart\""} {
			if !strings.Contains(page.String(), want) {
				t.Errorf("the served brief lacks %s", want)
			}
		}
	})

	t.Run("numbers are dyad series", func(t *testing.T) { checkSeries(t, db, b) })
}

// cited reports whether a line of b matching re cites a footnote of doc
// whose sentence contains sentence.
func cited(b *brief.Brief, re *regexp.Regexp, doc, sentence string) bool {
	for _, l := range b.Lines() {
		if !re.MatchString(l.Text) {
			continue
		}
		for _, n := range l.Notes {
			note := b.Notes[n-1]
			if note.Doc == doc && strings.Contains(plain(note.Sentence), sentence) {
				return true
			}
		}
	}
	return false
}

// plain makes every run of spaces, no-break spaces included, one space:
// the seeds' sentences have no-break spaces where the issue has spaces.
func plain(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestBriefUsage checks that wrong use of brief and agreements stops with
// exit status 2 and says what is wrong, before any store is read.
func TestBriefUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"brief", "--db", db}, "--dyad is required"},
		{[]string{"brief", "--db", db, "--dyad", "RUSSIA-CHN"}, "did you mean RUS?"},
		{[]string{"brief", "--db", db, "--dyad", "RUS-CHN", "--format", "pdf"}, "--format must be md or html"},
		{[]string{"brief", "--db", db, "--dyad", "RUS-CHN", "--since", "June2012"}, "--since \"June2012\": want an ISO date"},
		{[]string{"agreements", "--db", db, "--dyad", "RUS-CHN", "extra"}, "agreements takes no arguments"},
		{[]string{"agreements", "--db", db, "--dyad", "RUS-CHN", "--format", "csv"}, "--format must be table or json"},
	} {
		code, _, stderr := dyad(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("dyad %s: exit %d, %q; want exit 2 and %q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
	code, _, stderr := dyad(t, "brief", "--db", db, "--dyad", "RUS-CHN")
	if code != exitPartial || !strings.Contains(stderr, "does not exist") {
		t.Errorf("brief of a missing store: exit %d, %q", code, stderr)
	}
}

// TestBriefWire checks the SAU-IRN brief of the wire set (issue 13,
// acceptance 4): its numbers are dyad series's, every sentence has a
// footnote and every footnote's sentence is in the store.
func TestBriefWire(t *testing.T) {
	wire := sharedtest.Path(t, "corpus", "wire")
	db := filepath.Join(t.TempDir(), "wire.db")
	if code, _, stderr := dyad(t, "ingest", "--quiet", "--db", db, "--manifest", filepath.Join(wire, "manifest.jsonl"), wire); code != 0 {
		t.Fatalf("dyad ingest exited %d: %s", code, stderr)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b, err := brief.Load(context.Background(), st, "SAU-IRN", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Lines()) < 6 {
		t.Fatalf("the SAU-IRN brief has %d sentences; want its numbers and its severed relations, threats and accusations", len(b.Lines()))
	}
	checkSourced(t, db, b)
	checkSeries(t, db, b)
}

// checkSourced checks that every sentence of b has a footnote and that
// every footnote's evidence sentence is in the store db.
func checkSourced(t *testing.T, db string, b *brief.Brief) {
	t.Helper()
	// Acceptance 3: every sentence of the brief has a footnote, and
	// every footnote's evidence sentence is in the store.
	lines := b.Lines()
	for _, l := range lines {
		if len(l.Notes) == 0 {
			t.Errorf("no footnote: %q", l.Text)
		}
		for _, n := range l.Notes {
			if n < 1 || n > len(b.Notes) {
				t.Errorf("%q cites note %d of %d", l.Text, n, len(b.Notes))
			}
		}
	}
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	for _, n := range b.Notes {
		var text string
		err := sdb.QueryRow(`SELECT s.text FROM sentences s JOIN documents d ON d.pk = s.doc WHERE d.id = ? AND s.idx = ?`, n.Doc, n.Index).Scan(&text)
		if err != nil || text != n.Sentence {
			t.Errorf("note %d: %s sentence %d is %q (%v); the note quotes %q", n.N, n.Doc, n.Index, text, err, n.Sentence)
		}
	}
	// The Markdown keeps it: every list item and every row with events
	// ends with footnote marks, and every mark has its footnote.
	var md strings.Builder
	if err := brief.WriteMarkdown(&md, b); err != nil {
		t.Fatal(err)
	}
	marks := regexp.MustCompile(`\[\^(\d+)\]`)
	for _, line := range strings.Split(md.String(), "\n") {
		item := strings.HasPrefix(line, "- ")
		cells := strings.Split(line, "|")
		row := strings.HasPrefix(line, "| 20") && len(cells) > 2 && strings.TrimSpace(cells[2]) != "0" // a year with events
		if (item || row) && !marks.MatchString(line) {
			t.Errorf("Markdown line without a footnote: %s", line)
		}
	}
	for _, n := range b.Notes {
		if !strings.Contains(md.String(), "[^"+strconv.Itoa(n.N)+"]: ") {
			t.Errorf("footnote %d is not written", n.N)
		}
	}
}

// checkSeries checks b's numbers against dyad series in each direction.
func checkSeries(t *testing.T, db string, b *brief.Brief) {
	t.Helper()
	for _, d := range b.Directions {
		_, out, _ := dyad(t, "series", "--db", db, "--dyad", d.Source+"-"+d.Target, "--interval", "year", "--format", "csv")
		var rows []string
		for _, r := range d.Rows {
			rows = append(rows, strings.Join([]string{r.Period.Period, strconv.Itoa(r.Events), strconv.Itoa(r.VerbalCooperation), strconv.Itoa(r.MaterialCooperation),
				strconv.Itoa(r.VerbalConflict), strconv.Itoa(r.MaterialConflict), strconv.FormatFloat(r.Goldstein, 'f', 2, 64)}, ","))
		}
		got := strings.Join(rows, "\n")
		want := strings.TrimSpace(strings.SplitN(out, "\n", 2)[1])
		if got != want {
			t.Errorf("%s: the brief's numbers\n%s\ndiffer from dyad series\n%s", d.Title, got, want)
		}
	}
}
