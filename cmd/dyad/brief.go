package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/agreements"
	"github.com/dyad-events/dyad/internal/brief"
	"github.com/dyad-events/dyad/internal/store"
)

const helpBrief = `Writes a first-draft briefing on a relationship from the stored events of
--dyad RUS-CHN in both directions: the relationship in numbers (events per year
in each direction, by quad class, shares of cooperation and conflict, mean
Goldstein and its change on the previous year: the figures of "dyad series
--interval year" for RUS-CHN and for CHN-RUS), the sectors (diplomacy, energy,
trade and finance, military and security, multilateral, frictions) with their
key events and amounts, and the agreements "dyad agreements" tracks. Every
sentence cites, as footnotes, the document, its date and the evidence sentence.
--since and --until bound the events. --format md (the default) or html (a page
with a chart); --out FILE writes to a file. docs/brief.md says how it is made.`

const helpAgreements = `Lists the agreements and projects between the two sides of --dyad (either
direction) that the tracker recognises across documents (a gas supply deal, an
arms sale, a currency swap, an investment fund, a trade target ...), each with
its history: proposed, negotiating, stalled, signed, implemented or abandoned,
with the date, the amounts and the evidence sentences of each step. A negated
or modal clause ("could not be signed due to pricing problems", "has yet to be
finalized") is a stall or a negotiation, not a signing. --since and --until
keep the steps dated in them. --format json writes the history as data.`

// briefFlags are the flags brief and agreements share.
func briefFlags(name string, cfg *config, want ...string) (*config, func([]string) error) {
	fs := flagSet(name, cfg, append([]string{"dbread", "format"}, want...)...)
	fs.StringVar(&cfg.Filter.Dyad, "dyad", "", "the dyad, two country or group codes: RUS-CHN (both directions)")
	fs.StringVar(&cfg.Filter.Since, "since", "", "from this ISO date: 2012, 2012-06 or 2012-06-05")
	fs.StringVar(&cfg.Filter.Until, "until", "", "up to and including this ISO date: 2014, 2014-12 or 2014-12-31")
	return cfg, func(args []string) error {
		pos, err := parse(fs, cfg, args)
		switch {
		case err != nil:
			return err
		case len(pos) > 0:
			return usagef("%s takes no arguments (got %q): give the dyad as --dyad RUS-CHN", name, pos[0])
		case cfg.Filter.Dyad == "":
			return usagef("--dyad is required: the two sides, such as RUS-CHN")
		}
		return nil
	}
}

func runBrief(ctx context.Context, e *env, args []string) error {
	cfg, parseArgs := briefFlags("brief", &config{}, "out")
	if err := parseArgs(args); err != nil {
		return err
	}
	switch cfg.Format {
	case "":
		cfg.Format = "md"
	case "md", "html":
	default:
		return usagef("--format must be md or html, got %q", cfg.Format)
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := brief.Load(ctx, st, cfg.Filter.Dyad, cfg.Filter.Since, cfg.Filter.Until)
	if err != nil {
		return err
	}
	if len(b.Notes) == 0 {
		return fmt.Errorf("no events of %s in %s%s: nothing to brief", cfg.Filter.Dyad, cfg.DB, within(cfg.Filter))
	}
	return writeOut(e, cfg.Out, func(w io.Writer) error {
		if cfg.Format == "html" {
			return brief.WriteHTML(w, b, nil)
		}
		return brief.WriteMarkdown(w, b)
	})
}

// within says the dates a filter keeps, for messages.
func within(f store.Filter) string {
	s := ""
	if f.Since != "" {
		s += " since " + f.Since
	}
	if f.Until != "" {
		s += " until " + f.Until
	}
	return s
}

// writeOut writes to standard output, or to the file out.
func writeOut(e *env, out string, write func(io.Writer) error) error {
	if out == "" {
		return write(e.stdout)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	return f.Close()
}

func runAgreements(ctx context.Context, e *env, args []string) error {
	cfg, parseArgs := briefFlags("agreements", &config{})
	if err := parseArgs(args); err != nil {
		return err
	}
	if cfg.Format != "" && cfg.Format != "table" && cfg.Format != "json" {
		return usagef("--format must be table or json, got %q", cfg.Format)
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := agreements.Load(ctx, st, cfg.Filter, agreements.Default())
	if err != nil {
		return err
	}
	if cfg.Format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(as)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, a := range as {
		fmt.Fprintf(tw, "%s: %s\n", a.Kind, a.Status)
		for _, s := range a.Steps {
			when := s.Date
			if s.Until != "" {
				when += " to " + s.Until
			}
			var amounts []string
			for _, q := range s.Amounts {
				amounts = append(amounts, q.Text)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", when, s.Status, strings.Join(amounts, ", "))
			for _, ev := range s.Evidence {
				fmt.Fprintf(tw, "  \t\t%s #%d: %s\n", ev.Doc, ev.Index, shorten(ev.Sentence, 140))
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%d agreements of %s\n", len(as), cfg.Filter.Dyad)
	return err
}
