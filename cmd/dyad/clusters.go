package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/cluster"
)

const helpClusters = `Lists the clusters of stored events: the event records, within and across
documents, that report one real-world event ("visited", "landed in", "chose to
visit"). Each cluster has a canonical code, date and place, its first and last
report, how many sentences, outlets and documents report it, and its reports
(document, sentence and event). A cluster is listed when one of its events
matches the filters, with all its reports; --limit caps the clusters listed.
--min-articles N lists only the clusters reported by at least N documents.
--format json (or csv, one row per cluster) writes data. How events are
clustered, and where it goes wrong, is in docs/clusters.md.
` + helpFilters

const helpDisagreements = `Lists where the reports of one cluster, from different documents, disagree:
the length of a visit ("two-day" against "three-day"), an amount in one unit,
the day of the same act, or the person holding an office in it. Each is shown
with both documents, their outlets and their sentences. The filters select
clusters as for "dyad clusters". --format json writes data.
` + helpFilters

func runClusters(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("clusters", &cfg, "dbread", "format", "filters")
	minArticles := fs.Int("min-articles", 0, "only clusters reported by at least this many documents")
	if err := noPositional(fs, &cfg, args); err != nil {
		return err
	}
	if err := checkTableFormat(cfg.Format); err != nil {
		return err
	}
	if *minArticles < 0 {
		return usagef("--min-articles %d: want 0 (any) or more documents", *minArticles)
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	limit := cfg.Filter.Limit
	if *minArticles > 0 {
		cfg.Filter.Limit = 0 // the limit applies after the documents are counted
	}
	all, err := st.Clusters(ctx, cfg.Filter)
	if err != nil {
		return err
	}
	cs := []cluster.Cluster{}
	for _, c := range all {
		if c.NumArticles >= *minArticles && (limit == 0 || len(cs) < limit) {
			cs = append(cs, c)
		}
	}
	header := []string{"id", "date", "pair", "cameo", "name", "place", "articles", "sources", "mentions", "first_report", "last_report"}
	rows := make([][]string, len(cs))
	for i, c := range cs {
		place := ""
		if c.Place != nil {
			place = c.Place.Text
		}
		rows[i] = []string{c.ID, c.Date, c.Pair, c.CAMEO, codeName(c.CAMEO), place, strconv.Itoa(c.NumArticles),
			strconv.Itoa(c.NumSources), strconv.Itoa(c.NumMentions), c.FirstReport, c.LastReport}
	}
	if cfg.Format != "" && cfg.Format != "table" {
		return writeRows(e.stdout, cfg.Format, header, rows, cs)
	}
	return printClusters(e.stdout, cs)
}

// printClusters prints each cluster on a line and its reports under it.
func printClusters(w io.Writer, cs []cluster.Cluster) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range cs {
		place := ""
		if c.Place != nil {
			place = " in " + c.Place.Text
		}
		fmt.Fprintf(tw, "%s  %s  %s  %s %s%s: %d documents, %d outlets, %d sentences, reported %s to %s\n",
			c.ID, c.Date, c.Pair, c.CAMEO, codeName(c.CAMEO), place, c.NumArticles, c.NumSources, c.NumMentions, c.FirstReport, c.LastReport)
		for _, r := range c.Reports {
			fmt.Fprintf(tw, "    %s #%d\t%s → %s %s\t%s\n", r.Doc, r.SentenceIndex, r.Source, cmp.Or(r.Target, "-"), r.CAMEO, shorten(r.Sentence, 80))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%d clusters\n", len(cs))
	return err
}

func runDisagreements(ctx context.Context, e *env, args []string) error {
	var cfg config
	fs := flagSet("disagreements", &cfg, "dbread", "format", "filters")
	if err := noPositional(fs, &cfg, args); err != nil {
		return err
	}
	switch cfg.Format {
	case "", "table", "json":
	default:
		return usagef("--format must be table or json, got %q", cfg.Format)
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Disagreements(ctx, cfg.Filter)
	if err != nil {
		return err
	}
	if ds == nil {
		ds = []cluster.Disagreement{}
	}
	if cfg.Format == "json" {
		return writeRows(e.stdout, "json", nil, nil, ds)
	}
	for _, d := range ds {
		fmt.Fprintf(e.stdout, "%s  %s: %q against %q\n", d.Cluster, d.Kind, d.A.Value, d.B.Value)
		for _, c := range []cluster.Claim{d.A, d.B} {
			outlet := ""
			if c.Outlet != "" {
				outlet = " (" + c.Outlet + ")"
			}
			fmt.Fprintf(e.stdout, "    %s #%d%s: %s\n", c.Doc, c.SentenceIndex, outlet, shorten(c.Sentence, 110))
		}
	}
	_, err = fmt.Fprintf(e.stdout, "%d disagreements\n", len(ds))
	return err
}

// noPositional parses args for a command that takes flags only.
func noPositional(fs *flag.FlagSet, cfg *config, args []string) error {
	pos, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("%s takes no arguments (got %q): select with the filters, such as --dyad RUS-CHN --both", fs.Name(), pos[0])
	}
	return nil
}

func codeName(code string) string {
	c, _ := cameo.Lookup(code)
	return c.Name
}
