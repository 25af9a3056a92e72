package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

const helpSeries = `Counts the events of a dyad per --interval (month, the default; quarter;
year) from the first period with an event to the last, empty periods included:
events, verbal and material cooperation, verbal and material conflict (the
four quad classes) and the mean Goldstein score. --dyad RUS-CHN counts events
from RUS to CHN; with --both, in either direction. The other event filters
narrow the events counted. Events dated less precisely than the interval (only
to the year, in a monthly series) are counted in no period; a last line says
how many. --format csv or json writes the rows as data.
` + helpCount + "\n" + helpFilters

const helpTop = `Ranks the stored events' actors (by actor code, with the most frequent name,
and how often each was source and target), dyads (source and target country,
directed) or CAMEO codes (with their names) by number of events, with the mean
Goldstein score of those events. --n sets how many rows (default 10; 0 for
all). The event filters select the events ranked. --format csv or json writes
the rows as data.
` + helpCount + "\n" + helpFilters

const helpSearch = `Finds stored sentences that hold every WORD (full-text search; case and
accents do not matter; a word ending in * matches as a prefix: agree*), best
match first, and prints each with its document and index, the matched words
marked **like this**, and the events coded from it. --n sets how many
sentences (default 20).`

func runSeries(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("series", &cfg, "dbread", "format", "filters")
	interval := fs.String("interval", "month", "period to count by: month, quarter or year")
	count := countFlag(fs)
	pos, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("series takes no arguments (got %q): give the dyad as --dyad RUS-CHN", pos[0])
	case cfg.Filter.Dyad == "":
		return usagef("--dyad is required: the dyad to count, such as RUS-CHN (--both for either direction)")
	case !slices.Contains(aggregate.Intervals, *interval):
		return usagef("--interval %q: want month, quarter or year%s", *interval, didYouMean(*interval, aggregate.Intervals))
	}
	if err := checkTableFormat(cfg.Format); err != nil {
		return err
	}
	evs, err := countedEvents(ctx, &cfg, *count)
	if err != nil {
		return err
	}
	periods, unplaced, err := aggregate.Series(evs, *interval)
	if err != nil {
		return err
	}
	header := []string{"period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "goldstein_mean"}
	rows := make([][]string, len(periods))
	for i, p := range periods {
		rows[i] = []string{p.Period, strconv.Itoa(p.Events), strconv.Itoa(p.VerbalCooperation), strconv.Itoa(p.MaterialCooperation),
			strconv.Itoa(p.VerbalConflict), strconv.Itoa(p.MaterialConflict), strconv.FormatFloat(p.Goldstein, 'f', 2, 64)}
	}
	if err := writeRows(e.stdout, cfg.Format, header, rows, periods); err != nil {
		return err
	}
	if unplaced > 0 {
		fmt.Fprintf(e.stderr, "dyad series: %d events dated less precisely than a %s are in no period\n", unplaced, *interval)
	}
	return nil
}

func runTop(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("top", &cfg, "dbread", "format", "filters")
	n := fs.Int("n", 10, "how many rows (0: all)")
	count := countFlag(fs)
	pos, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !slices.Contains(aggregate.Kinds, pos[0]) {
		return usagef("want one of actors, dyads or codes")
	}
	if err := checkTableFormat(cfg.Format); err != nil {
		return err
	}
	evs, err := countedEvents(ctx, &cfg, *count)
	if err != nil {
		return err
	}
	counts, err := aggregate.Top(evs, pos[0], *n)
	if err != nil {
		return err
	}
	header := []string{"key", "name", "events", "goldstein_mean"}
	if pos[0] == "actors" {
		header = []string{"key", "name", "events", "as_source", "as_target", "goldstein_mean"}
	}
	rows := make([][]string, len(counts))
	for i, c := range counts {
		g := strconv.FormatFloat(c.Goldstein, 'f', 2, 64)
		rows[i] = []string{c.Key, c.Name, strconv.Itoa(c.Events), g}
		if pos[0] == "actors" {
			rows[i] = []string{c.Key, c.Name, strconv.Itoa(c.Events), strconv.Itoa(c.AsSource), strconv.Itoa(c.AsTarget), g}
		}
	}
	return writeRows(e.stdout, cfg.Format, header, rows, counts)
}

// helpCount describes --count, which series and top take.
const helpCount = `
--count says what is counted: clusters (the default) counts each real-world
event once, however many sentences and documents report it (the events dyad
clustered together, "dyad clusters"); events counts every event record;
daily counts one record per directed dyad, CAMEO code and day, as Phoenix
does. Repeated reports of one visit count once under clusters and daily. The
events column counts what --count counts.`

func countFlag(fs *flag.FlagSet) *string {
	return fs.String("count", aggregate.CountClusters, "what to count: clusters (each real-world event once), events (every record) or daily (one per dyad, code and day)")
}

// countedEvents reads the events cfg selects and keeps those that count
// under the convention how (aggregate.Reduce).
func countedEvents(ctx context.Context, cfg *config, how string) ([]doc.Event, error) {
	if !slices.Contains(aggregate.CountWays, how) {
		return nil, usagef("--count %q: want clusters, events or daily%s", how, didYouMean(how, aggregate.CountWays))
	}
	evs, err := storedEvents(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return aggregate.Reduce(evs, how)
}

func checkTableFormat(format string) error {
	switch format {
	case "", "table", "csv", "json":
		return nil
	}
	return usagef("--format must be table, csv or json, got %q", format)
}

// writeRows writes rows under header as an aligned table, as CSV, or data
// as JSON.
func writeRows(w io.Writer, format string, header []string, rows [][]string, data any) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		cw.WriteAll(rows)
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(data)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t"))+"\t")
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	return tw.Flush()
}

func runSearch(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("search", &cfg, "dbread")
	n := fs.Int("n", 20, "how many sentences at most")
	words, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	query := strings.Join(words, " ")
	if len(queryTerms(query)) == 0 {
		return usagef("give the words to search for, such as: dyad search gas deal")
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, *n)
	if err != nil {
		return err
	}
	byDoc := map[string][]doc.Event{}
	for _, h := range hits {
		evs, ok := byDoc[h.Doc]
		if !ok {
			if evs, err = st.Events(ctx, store.Filter{Doc: h.Doc}); err != nil {
				return err
			}
			byDoc[h.Doc] = evs
		}
		fmt.Fprintf(e.stdout, "%s #%d: %s\n", h.Doc, h.Index, highlight(h.Text, query))
		for _, ev := range evs {
			if ev.SentenceIndex == h.Index {
				fmt.Fprintf(e.stdout, "    %s\n", eventLine(ev))
			}
		}
	}
	_, err = fmt.Fprintf(e.stdout, "%d sentences\n", len(hits))
	return err
}

// eventLine describes an event in one line: date, source, code and its
// name, target, modality.
func eventLine(ev doc.Event) string {
	name := ""
	if c, ok := cameo.Lookup(ev.CAMEO); ok {
		name = " " + c.Name
	}
	tgt := "-"
	if ev.Target != nil {
		tgt = ev.Target.Code
	}
	return fmt.Sprintf("%s  %s → %s  %s%s (%s)", ev.Date, ev.Source.Code, tgt, ev.CAMEO, name, ev.Modality)
}

// token is a word of a sentence for highlighting: text[start:end], in
// the folded form the full-text index compares.
type token struct {
	start, end int
	norm       string
}

// words splits s into runs of letters and digits, as the full-text
// index's tokenizer does.
func words(s string) []token {
	var out []token
	start := -1
	for i, r := range s + " " {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, token{start, i, fold(s[start:i])})
			start = -1
		}
	}
	return out
}

// fold lower-cases s and drops its accents ("Zürich" → "zurich").
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// queryTerm is one word of a search: its tokens in order ("U.S." is u,
// s), the last matched as a prefix when the word ended with *.
type queryTerm struct {
	toks   []string
	prefix bool
}

func queryTerms(query string) []queryTerm {
	var out []queryTerm
	for _, w := range strings.Fields(query) {
		var q queryTerm
		for _, t := range words(w) {
			q.toks = append(q.toks, t.norm)
		}
		if len(q.toks) > 0 {
			q.prefix = strings.HasSuffix(w, "*")
			out = append(out, q)
		}
	}
	return out
}

// highlight marks **like this** the words of text that the search query
// matched; neighbouring matched words share one mark.
func highlight(text, query string) string {
	toks := words(text)
	marked := make([]bool, len(toks))
	for _, q := range queryTerms(query) {
		for i := 0; i+len(q.toks) <= len(toks); i++ {
			match := true
			for k, qt := range q.toks {
				t := toks[i+k].norm
				last := k == len(q.toks)-1
				if t != qt && !(last && q.prefix && strings.HasPrefix(t, qt)) {
					match = false
					break
				}
			}
			if match {
				for k := range q.toks {
					marked[i+k] = true
				}
			}
		}
	}
	var b strings.Builder
	at := 0
	for i := 0; i < len(toks); i++ {
		if !marked[i] {
			continue
		}
		j := i
		for j+1 < len(toks) && marked[j+1] && toks[j+1].start-toks[j].end <= 2 {
			j++
		}
		b.WriteString(text[at:toks[i].start])
		b.WriteString("**" + text[toks[i].start:toks[j].end] + "**")
		at = toks[j].end
		i = j
	}
	b.WriteString(text[at:])
	return b.String()
}
