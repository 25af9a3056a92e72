package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/clean"
	"github.com/dyad-events/dyad/internal/demo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/export"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/postgres"
	"github.com/dyad-events/dyad/internal/store/sqlite"
)

const helpCode = `Reads each INPUT (a file, a directory read recursively, an http(s) URL of an
article or an RSS/Atom feed, or - for standard input), cleans it, and writes one
event record per coded event to standard output, as JSON Lines in the contract
described in the README ("The output contract"). No database is needed.

--manifest M gives metadata (id, published, title, source) for the inputs; with
no INPUT, the manifest's rows are the inputs. Failed inputs are named on
standard error and the exit status is 1; the rest are still coded.`

const helpIngest = `Codes the inputs like "dyad code" and stores each document, its sentences and
its events in the store given by --db (default dyad.db, or $DYAD_DB). Each
document is stored in one transaction and identified by the hash of its
content, so ingesting the same input twice adds nothing; the same content with
new metadata (a manifest that gives its date, id or outlet) updates the stored
document and codes it again. A bad input is named on standard error and
skipped; the rest are stored; the exit status is 1. With no INPUT and no
--manifest, nothing is read and no store is created. With --queue
nats://HOST:4222 nothing is coded here: each document is queued on that NATS
JetStream server for "dyad worker" processes (its content hash is the
message id, so content already queued is not queued again).`

const helpClean = `Prints the cleaned text of one document: paragraphs rebuilt from hard-wrapped
text, page furniture, paywalls, comment forms and publisher blurbs removed.
HTML input is reduced to its main text first. --explain lists instead what was
removed and why: the line range, the rule and the first removed line (for HTML,
line numbers count lines of the extracted main text).`

const helpEvents = `Prints stored events as a table: date, source, event, target, document,
sentence. --format jsonl|csv|json prints data instead of a table.
` + helpFilters

// helpFilters describes the event filters every reading command takes.
const helpFilters = `
Filters (all optional; together they must all hold):
  --dyad RUS-CHN     source country RUS and target country CHN; --both for
                     either direction. A side is a country, region or group
                     code (RUS, WST, IGO).
  --source RUS       the source is this country, or has this actor code or a
  --target CHNGOV    code under it (RUSGOV matches RUSGOV and RUSGOVxxx)
  --code 04          this CAMEO code and its sub-codes (04: 040-0454)
  --root 04          the CAMEO root, 01 to 20
  --quad 4           quad class: 1 verbal cooperation, 2 material
                     cooperation, 3 verbal conflict, 4 material conflict
  --plover ASSAULT   PLOVER event type
  --modality planned asserted, planned or reported
  --doc ID           the events of one document
  --cluster ID       the events of one cluster: the reports of one
                     real-world event ("dyad clusters" lists them)
  --since 2012-06    dated on or after; --until 2014 dated up to and in it.
                     Dates are ISO: 2012, 2012-06 or 2012-06-05.
A malformed or unknown value stops with exit status 2 and the right form
("--dyad: RUSSIA: ... did you mean RUS?").`

const helpExport = `Writes stored events (all, or those the filters select) in --format F to
standard output or --out FILE, and then says on standard error how many events
it wrote where. docs/formats.md describes every column of every format.
  jsonl           the event contract, one JSON object per line
  json            the same records as one JSON array
  csv             a column per field, and the event's outlet, URL and coding
  gdelt           the GDELT 2.0 event table: 61 tab-separated columns, no
                  header, one row per cluster (an unclustered event is its own)
  gdelt-mentions  GDELT 2.0's mentions table: 16 columns, a row per event
  plover          PLOVER records (type, mode, context, actors, date,
                  sentence) as a JSON array; statements (CAMEO 01x) have no
                  PLOVER type and are left out
  icews           an ICEWS-style table: 20 tab-separated columns, header first
  parquet         a Parquet file with typed columns, for pandas, R and DuckDB
` + helpFilters

const helpEval = `Scores event records against hand-coded gold files (../shared/spec/gold-format.md):
precision, recall, F1 and date accuracy per document and overall, then the
required events missed and the false positives with their sentences. The events
are read from EVENTS.jsonl, or coded from the INPUTs.

"dyad eval plover FILE" codes the text of each PLOVER gold-standard record
(PLOVER_GSR_CAMEO.txt) and reports, per PLOVER type and overall, the share of
records for which dyad emits an event of the record's type whose source country
is among the record's sources.

` + helpEvalParse

const helpDemo = `Writes the bundled demo corpus (short articles about real events between
several pairs of states) to a temporary folder, codes it into a fresh SQLite
file (default dyad-demo.db, replaced if present), prints a summary, and serves
the dashboard over it as "dyad serve" does, printing its address, until
Ctrl-C; --no-serve stops after the summary.`

func runCode(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("code", &cfg, "manifest", "dicts", "quiet", "format", "workers", "maxsize")
	inputs, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	var write func(doc.Event) error
	var all []doc.Event
	switch cfg.Format {
	case "", "jsonl":
		enc := export.NewJSONL(w)
		write = enc.Write
	case "csv", "json":
		write = func(ev doc.Event) error { all = append(all, ev); return nil }
	default:
		return usagef("--format must be jsonl, csv or json, got %q", cfg.Format)
	}
	_, err = codeInputs(ctx, e, &cfg, inputs, func(r result) error {
		for _, ev := range r.events {
			if err := write(ev); err != nil {
				return err
			}
		}
		return w.Flush()
	})
	var pe *partialError
	if err != nil && !errors.As(err, &pe) {
		return err
	}
	switch cfg.Format {
	case "csv":
		if werr := export.CSV(w, all); werr != nil {
			return werr
		}
	case "json":
		if werr := export.JSON(w, all); werr != nil {
			return werr
		}
	}
	return err
}

// openStore opens the store a --db DSN names.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return s, nil
}

func runIngest(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("ingest", &cfg, "db", "queue", "manifest", "dicts", "quiet", "workers", "maxsize")
	inputs, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 && cfg.Manifest == "" {
		// Before the store is opened, so no empty file is left behind.
		return usagef("no inputs: name files, directories, URLs or - (or give --manifest)")
	}
	if cfg.Queue != "" {
		return publishInputs(ctx, e, &cfg, inputs)
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingestInto(ctx, e, &cfg, st, inputs)
	updated := ""
	if sum.updated > 0 {
		updated = fmt.Sprintf("; %d known documents updated with new metadata and re-coded", sum.updated)
	}
	fmt.Fprintf(e.stdout, "%d documents read, %d new, %d events stored, %d failed, %d skipped%s; store %s\n",
		sum.read, sum.added, sum.events, sum.failed, sum.skipped, updated, cfg.DB)
	return err
}

type ingestSummary struct{ read, added, updated, events, failed, skipped int }

func ingestInto(ctx context.Context, e *env, cfg *config, st store.Store, inputs []string) (ingestSummary, error) {
	var sum ingestSummary
	var recoder *docCoder // for known content with new metadata
	// A document the store refuses (an event id another document has) is
	// named and counted as failed, and the others go on; any other error
	// of the store stops the ingest. The refusals are said once storing
	// has ended, since the storing goroutine shares stderr with the
	// progress bar.
	var refused []string
	b := startBatcher(ctx, st, func(r result, put store.PutResult) error {
		sum.read++
		if errors.Is(put.Err, store.ErrConflict) {
			refused = append(refused, fmt.Sprintf("dyad: store %s: %v", r.doc.Origin, put.Err))
			return nil
		}
		if put.Err != nil {
			return fmt.Errorf("store %s: %w", r.doc.Origin, put.Err)
		}
		if put.Added {
			sum.added++
			sum.events += len(r.events)
			return nil
		}
		n, err := updateKnown(ctx, e, cfg, st, r.doc, &recoder)
		if err != nil {
			return fmt.Errorf("update %s: %w", r.doc.Origin, err)
		}
		if n >= 0 {
			sum.updated++
			sum.events += n
		}
		return nil
	})
	var err error
	sum.skipped, err = codeInputs(ctx, e, cfg, inputs, b.add)
	// Storing runs behind coding: its error, which stopped the coding, is
	// the one to report.
	if serr := b.close(); serr != nil {
		err = serr
	}
	for _, line := range refused {
		fmt.Fprintln(e.stderr, line)
	}
	var pe *partialError
	switch {
	case errors.As(err, &pe):
		pe.failed += len(refused)
		sum.failed = pe.failed
	case err == nil && len(refused) > 0:
		sum.failed = len(refused)
		err = &partialError{failed: sum.failed, total: sum.read}
	}
	return sum, err
}

func runClean(ctx context.Context, e *env, args []string) error {
	var cfg config
	d, err := preparedDocument(ctx, e, "clean", args, &cfg, "explain")
	if err != nil {
		return err
	}
	if cfg.Explain {
		return explain(e.stdout, d)
	}
	_, err = fmt.Fprintln(e.stdout, d.Text)
	return err
}

// explain lists what cleaning removed from d and why: one line per
// stretch of lines, with its line range, the rule and the first line.
func explain(w io.Writer, d *doc.Document) error {
	res := clean.Text(d.Body)
	bw := bufio.NewWriter(w)
	lines := 0
	for _, r := range res.Removed {
		span := fmt.Sprintf("line %d", r.First)
		if r.Last > r.First {
			span = fmt.Sprintf("lines %d-%d", r.First, r.Last)
		}
		fmt.Fprintf(bw, "%-14s %-20s %s\n", span, r.Rule, r.Text)
		lines += r.Last - r.First + 1
	}
	what := "lines of the file"
	if d.Format == "html" {
		what = "lines of the page's extracted main text"
	}
	fmt.Fprintf(bw, "%s: %d removals, %d %s; %d paragraphs kept\n", d.Origin, len(res.Removed), lines, what, len(res.Paragraphs))
	return bw.Flush()
}

// preparedDocument reads the one document args name (a file, a URL or -)
// for command name, and cleans it and splits it into sentences. cfg takes
// the flags named in want besides --max-size.
func preparedDocument(ctx context.Context, e *env, name string, args []string, cfg *config, want ...string) (*doc.Document, error) {
	fs := flagSet(name, cfg, append(want, "maxsize")...)
	inputs, err := parse(fs, cfg, args)
	if err != nil {
		return nil, err
	}
	if len(inputs) != 1 {
		return nil, usagef("want exactly one FILE, URL or -")
	}
	var prepared *doc.Document
	opt := ingest.Options{Stdin: e.stdin, MaxSize: cfg.MaxSize, Notify: func(n ingest.Notice) {
		fmt.Fprintf(e.stderr, "dyad: %s\n", n)
	}}
	err = ingest.Walk(ctx, inputs, opt, func(d *doc.Document, err error) error {
		if err != nil {
			return err
		}
		if prepared == nil {
			pipeline.Prepare(d)
			prepared = d
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if prepared == nil {
		return nil, fmt.Errorf("%s: no document read", inputs[0])
	}
	return prepared, nil
}

func runEvents(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("events", &cfg, "dbread", "format", "filters")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	evs, err := storedEvents(ctx, &cfg)
	if err != nil {
		return err
	}
	if cfg.Format == "" || cfg.Format == "table" {
		return printTable(e.stdout, evs)
	}
	return writeEvents(e.stdout, cfg.Format, evs)
}

func runExport(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("export", &cfg, "dbread", "format", "filters", "out")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	if cfg.Format == "" {
		return usagef("--format is required: %s", strings.Join(export.Formats, ", "))
	}
	if !slices.Contains(export.Formats, cfg.Format) {
		return usagef("--format must be one of %s, got %q", strings.Join(export.Formats, ", "), cfg.Format)
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := eventsIn(ctx, st, &cfg)
	if err != nil {
		return err
	}
	// GDELT's NumMentions, NumSources and NumArticles, and the Parquet
	// columns, count the reports of each event's cluster.
	opt := export.Options{}
	if opt.Clusters, err = clusterCounts(ctx, st, evs); err != nil {
		return err
	}
	if cfg.Out == "" {
		return exportTo(e.stdout, cfg.Format, evs, opt)
	}
	f, err := os.Create(cfg.Out)
	if err != nil {
		return err
	}
	if err := exportTo(f, cfg.Format, evs, opt); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", cfg.Out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", cfg.Out, err)
	}
	fmt.Fprintf(e.stderr, "dyad export: wrote %d events as %s to %s\n", len(evs), cfg.Format, cfg.Out)
	return nil
}

func storedEvents(ctx context.Context, cfg *config) ([]doc.Event, error) {
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return eventsIn(ctx, st, cfg)
}

// eventsIn returns the events of st that cfg's filters select; a --doc
// the store does not hold is a usage error.
func eventsIn(ctx context.Context, st store.Store, cfg *config) ([]doc.Event, error) {
	evs, err := st.Events(ctx, cfg.Filter)
	if err == nil && len(evs) == 0 && cfg.Filter.Doc != "" {
		err = checkDoc(ctx, st, cfg.Filter.Doc)
	}
	return evs, err
}

// clusterCounts returns the counts of the clusters evs belong to, by
// cluster id.
func clusterCounts(ctx context.Context, st store.Store, evs []doc.Event) (map[string]export.Counts, error) {
	ids := map[string]bool{}
	for _, ev := range evs {
		if ev.Cluster != "" {
			ids[ev.Cluster] = true
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	cs, err := st.Clusters(ctx, store.Filter{})
	if err != nil {
		return nil, err
	}
	counts := make(map[string]export.Counts, len(ids))
	for _, c := range cs {
		if ids[c.ID] {
			counts[c.ID] = export.Counts{Mentions: c.NumMentions, Sources: c.NumSources, Articles: c.NumArticles}
		}
	}
	return counts, nil
}

// checkDoc makes --doc of a document the store does not hold a usage
// error that names the nearest stored id.
func checkDoc(ctx context.Context, st store.Store, id string) error {
	docs, err := st.Documents(ctx)
	if err != nil {
		return err
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		if d.ID == id {
			return nil
		}
		ids[i] = d.ID
	}
	return usagef("--doc %q: no stored document has this id%s", id, didYouMean(id, ids))
}

// exportTo writes evs to w in an export format, buffered.
func exportTo(w io.Writer, format string, evs []doc.Event, opt export.Options) error {
	bw := bufio.NewWriter(w)
	if err := export.Write(bw, format, evs, opt); err != nil {
		return err
	}
	return bw.Flush()
}

// writeEvents writes evs in a data format of "dyad events": jsonl, csv or
// json.
func writeEvents(w io.Writer, format string, evs []doc.Event) error {
	switch format {
	case "jsonl", "csv", "json":
		return exportTo(w, format, evs, export.Options{})
	}
	return usagef("--format must be jsonl, csv or json, got %q", format)
}

// printTable prints events for a person: one line each, sentence cut short.
func printTable(w io.Writer, evs []doc.Event) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE\tEVENT\tTARGET\tDOC\tSENTENCE")
	for _, ev := range evs {
		tgt := ""
		if ev.Target != nil {
			tgt = ev.Target.Code
		}
		name := ev.CAMEO
		if c, ok := cameo.Lookup(ev.CAMEO); ok {
			name = ev.CAMEO + " " + c.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ev.Date, ev.Source.Code, shorten(name, 34), tgt, ev.Doc, shorten(ev.Sentence, 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d events\n", len(evs))
	return err
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func runEval(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("eval", &cfg, "gold", "manifest", "dicts", "quiet", "workers")
	ud := fs.String("ud", "", "for eval parse: a CoNLL-U file to score the parser on")
	raw := fs.Bool("raw", false, "for eval parse: tokenize each sentence's text instead of using the file's words")
	model := fs.String("model", "", "for eval parse: a model file written by dyad train, instead of the embedded model")
	inputs, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(inputs) > 0 && inputs[0] == "parse" {
		if len(inputs) != 1 || *ud == "" {
			return usagef("want: dyad eval parse --ud FILE.conllu [--raw] [--model FILE]")
		}
		return evalParse(e, *ud, *raw, *model)
	}
	if len(inputs) > 0 && inputs[0] == "plover" {
		if len(inputs) != 2 {
			return usagef("want: dyad eval plover FILE")
		}
		// A PLOVER record gives the source and the event type only.
		cfg.OneSided = true
		return evalPLOVER(ctx, e, &cfg, inputs[1])
	}
	if cfg.Gold == "" {
		return usagef("--gold DIR is required")
	}
	gold, err := eval.LoadGold(cfg.Gold)
	if err != nil {
		return err
	}
	var evs []doc.Event
	if len(inputs) == 1 && strings.HasSuffix(inputs[0], ".jsonl") && cfg.Manifest == "" {
		f, err := os.Open(inputs[0])
		if err != nil {
			return err
		}
		evs, err = eval.ReadEvents(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", inputs[0], err)
		}
	} else {
		_, err = codeInputs(ctx, e, &cfg, inputs, func(r result) error {
			evs = append(evs, r.events...)
			return nil
		})
		var pe *partialError
		if err != nil && !errors.As(err, &pe) {
			return err
		}
	}
	return eval.Score(gold, evs).Write(e.stdout)
}

// evalPLOVER codes the text of every PLOVER gold-standard record and
// reports the share whose type and source dyad finds.
func evalPLOVER(ctx context.Context, e *env, cfg *config, path string) error {
	recs, err := eval.LoadPLOVER(path)
	if err != nil {
		return err
	}
	p, err := newPipeline(e, cfg)
	if err != nil {
		return err
	}
	events := make([][]doc.Event, len(recs))
	for i, r := range recs {
		d := &doc.Document{ID: r.ID, Origin: path + "#" + r.ID, Body: r.Text, Published: r.Date, Format: "text"}
		evs, err := p.Process(ctx, d)
		if err != nil {
			return fmt.Errorf("%s: %w", r.ID, err)
		}
		events[i] = evs
	}
	return eval.ScorePLOVER(recs, events).Write(e.stdout)
}

func runDemo(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("demo", &cfg, "db", "quiet", "workers")
	// The demo replaces its store, so it never defaults to $DYAD_DB.
	cfg.DB = "dyad-demo.db"
	var sf serveFlags
	sf.declare(fs)
	noServe := fs.Bool("no-serve", false, "stop after coding and the summary; do not serve the dashboard")
	if _, err := parse(fs, &cfg, args); err != nil {
		return err
	}
	if strings.Contains(cfg.DB, "://") {
		return usagef("--db %s: the demo replaces its store, so it writes a SQLite file; give a file path", cfg.DB)
	}
	dir, err := os.MkdirTemp("", "dyad-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	manifest, err := demo.Extract(dir)
	if err != nil {
		return err
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(cfg.DB + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("replace %s: %w", cfg.DB, err)
		}
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg.Manifest = manifest
	sum, err := ingestInto(ctx, e, &cfg, st, nil)
	if err != nil {
		return err
	}
	evs, err := st.Events(ctx, store.Filter{})
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(cfg.DB)
	fmt.Fprintf(e.stdout, "dyad demo: %d articles coded, %d events stored in %s\n\n", sum.added, len(evs), abs)
	printSummary(e.stdout, evs)
	if *noServe {
		fmt.Fprintf(e.stdout, "\nNext: %s events --db %s --dyad RUS-CHN --both\n", cmp.Or(e.self, "dyad"), cfg.DB)
		return nil
	}
	fmt.Fprintln(e.stdout)
	return serve(ctx, e, &cfg, st, sf)
}

// printSummary prints the busiest dyads and the events by quad class.
func printSummary(w io.Writer, evs []doc.Event) {
	dyads := map[string]int{}
	quads := map[int]int{}
	for _, ev := range evs {
		if ev.Target != nil {
			dyads[side(ev.Source)+" → "+side(*ev.Target)]++
		}
		quads[ev.Quad]++
	}
	type kv struct {
		k string
		n int
	}
	var top []kv
	for k, n := range dyads {
		top = append(top, kv{k, n})
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].n != top[j].n {
			return top[i].n > top[j].n
		}
		return top[i].k < top[j].k
	})
	fmt.Fprintln(w, "busiest dyads:")
	for _, d := range top[:min(10, len(top))] {
		fmt.Fprintf(w, "  %-16s %3d events\n", d.k, d.n)
	}
	fmt.Fprintln(w, "events by quad class:")
	for q, name := range []string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"} {
		if q > 0 {
			fmt.Fprintf(w, "  %d %-22s %3d\n", q, name, quads[q])
		}
	}
}

func side(a doc.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code[:min(3, len(a.Code))]
}
