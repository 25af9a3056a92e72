package eval

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/doc"
)

// Report is the outcome of scoring events against gold.
type Report struct {
	Docs           []DocScore // one per gold document, in name order
	Overall        Scores     // from the summed counts of all documents
	Misses         []Miss     // required groups no event found
	FalsePositives []FP       // in input order
	// Thresholds are the overall scores of the events whose confidence is
	// at least each of ConfidenceThresholds, so users can trade precision
	// for recall.
	Thresholds []Threshold
}

// ConfidenceThresholds are the confidences Score reports at.
var ConfidenceThresholds = []float64{0.3, 0.5, 0.7, 0.9}

// Threshold is the overall score of the events at or above a confidence.
type Threshold struct {
	Min    float64
	Events int
	Scores
}

// DocScore is the score of one gold document.
type DocScore struct {
	Doc string
	Scores
}

// Scores are the counts and the measures computed from them. Precision is
// TP/(TP+FP), Recall Recalled/Groups, DateAccuracy DatedRight/Dated; each is
// 0 when its denominator is.
type Scores struct {
	TP, FP                              int
	Precision, Recall, F1, DateAccuracy float64
	Groups, Recalled, Dated, DatedRight int
}

// Miss is a required group that no true positive found.
type Miss struct {
	Doc string
	// Group is the gold grp, or "name.gold.jsonl:line#n" for the n-th
	// event of a line when it is required and has no grp (it is then a
	// group of its own).
	Group    string
	Evidence []string // the evidence of every gold line with an event of the group
}

// FP is a system event counted as a false positive.
type FP struct {
	Doc, Sentence  string
	Source, Target string // actor codes; Target empty when absent
	CAMEO, Root    string
	// Aligned is false when no gold line's evidence occurs in the sentence,
	// true when gold lines align but none of their events accepts this one.
	Aligned bool
}

// group is one required group: the gold events, required or not, that share
// a doc and grp, or a lone required event without grp.
type group struct {
	doc, name string
	members   []*GoldEvent
	evidence  []string
	recalled  bool
	first     doc.Event  // the first true positive that matched a member
	firstGold *GoldEvent // the member it matched
}

// Score scores events against gold. Only events whose document has gold
// lines are scored; see docs/eval.md for the rules.
func Score(g *Gold, events []doc.Event) *Report {
	r := score(g, events)
	for _, min := range ConfidenceThresholds {
		var kept []doc.Event
		for _, e := range events {
			if e.Confidence >= min {
				kept = append(kept, e)
			}
		}
		r.Thresholds = append(r.Thresholds, Threshold{Min: min, Events: len(kept), Scores: score(g, kept).Overall})
	}
	return r
}

func score(g *Gold, events []doc.Event) *Report {
	type aligned struct {
		line     *Line
		evidence string
	}
	byDoc := map[string][]aligned{}
	docNames := map[string]string{} // key → doc name as the gold writes it
	groups := map[string]*group{}
	var order []*group
	memberOf := map[*GoldEvent]*group{}
	for i := range g.Lines {
		l := &g.Lines[i]
		k := docKey(l.Doc)
		byDoc[k] = append(byDoc[k], aligned{l, Normalize(l.Evidence)})
		if _, ok := docNames[k]; !ok {
			docNames[k] = l.Doc
		}
	}
	// Required groups first, then the other events of the same grp join.
	for pass := range 2 {
		for i := range g.Lines {
			l := &g.Lines[i]
			if l.Ignore {
				continue
			}
			for j := range l.Events {
				ge := &l.Events[j]
				var key, name string
				switch {
				case pass == 0 && ge.Req && ge.Grp == "":
					name = fmt.Sprintf("%s:%d#%d", filepath.Base(l.File), l.N, j+1)
					key = docKey(l.Doc) + "\x00" + name
				case ge.Grp != "" && (pass == 0) == ge.Req:
					name = ge.Grp
					key = docKey(l.Doc) + "\x00grp\x00" + name
				default:
					continue
				}
				gr, ok := groups[key]
				if !ok {
					if pass == 1 {
						continue // a grp that nothing requires
					}
					gr = &group{doc: docNames[docKey(l.Doc)], name: name}
					groups[key] = gr
					order = append(order, gr)
				}
				gr.members = append(gr.members, ge)
				if !slices.Contains(gr.evidence, l.Evidence) {
					gr.evidence = append(gr.evidence, l.Evidence)
				}
				memberOf[ge] = gr
			}
		}
	}

	counts := map[string]*Scores{}
	for k := range docNames {
		counts[k] = &Scores{}
	}
	r := &Report{}
	for _, e := range events {
		k := docKey(e.Doc)
		lines, ok := byDoc[k]
		if !ok {
			continue
		}
		sent := Normalize(e.Sentence)
		var scored []*Line
		ignored := false
		for _, a := range lines {
			if !strings.Contains(sent, a.evidence) {
				continue
			}
			if a.line.Ignore {
				ignored = true
			} else {
				scored = append(scored, a.line)
			}
		}
		if len(scored) == 0 && ignored {
			continue
		}
		tp := false
		for _, l := range scored {
			for j := range l.Events {
				ge := &l.Events[j]
				if !ge.Accepts(e) {
					continue
				}
				tp = true
				if gr := memberOf[ge]; gr != nil && !gr.recalled {
					gr.recalled, gr.first, gr.firstGold = true, e, ge
				}
			}
		}
		if tp {
			counts[k].TP++
			continue
		}
		counts[k].FP++
		fp := FP{Doc: e.Doc, Sentence: e.Sentence, Source: e.Source.Code, CAMEO: e.CAMEO, Root: e.Root, Aligned: len(scored) > 0}
		if e.Target != nil {
			fp.Target = e.Target.Code
		}
		r.FalsePositives = append(r.FalsePositives, fp)
	}

	for _, gr := range order {
		s := counts[docKey(gr.doc)]
		s.Groups++
		if !gr.recalled {
			r.Misses = append(r.Misses, Miss{Doc: gr.doc, Group: gr.name, Evidence: gr.evidence})
			continue
		}
		s.Recalled++
		if date := gr.date(); date != "" {
			s.Dated++
			if strings.HasPrefix(gr.first.Date, date) {
				s.DatedRight++
			}
		}
	}

	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return strings.Compare(docNames[a], docNames[b]) })
	var all Scores
	for _, k := range keys {
		s := counts[k]
		s.compute()
		r.Docs = append(r.Docs, DocScore{Doc: docNames[k], Scores: *s})
		all.TP += s.TP
		all.FP += s.FP
		all.Groups += s.Groups
		all.Recalled += s.Recalled
		all.Dated += s.Dated
		all.DatedRight += s.DatedRight
	}
	all.compute()
	r.Overall = all
	return r
}

// date is the gold date the group's first true positive is judged by: that
// of the gold event it matched, else the first dated member of the group.
func (gr *group) date() string {
	if gr.firstGold.Date != "" {
		return gr.firstGold.Date
	}
	for _, m := range gr.members {
		if m.Date != "" {
			return m.Date
		}
	}
	return ""
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *Scores) compute() {
	s.Precision = ratio(s.TP, s.TP+s.FP)
	s.Recall = ratio(s.Recalled, s.Groups)
	s.DateAccuracy = ratio(s.DatedRight, s.Dated)
	s.F1 = 0
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Write prints the report for people: a table with one row per document and
// an overall row, then the misses and the false positives, each with its
// document and sentence.
func (r *Report) Write(w io.Writer) error {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "doc\tTP\tFP\tprecision\trecall\tF1\tfound\tdates\tdate acc.")
	row := func(name string, s Scores) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d/%d\t%d/%d\t%.3f\n",
			name, s.TP, s.FP, s.Precision, s.Recall, s.F1, s.Recalled, s.Groups, s.DatedRight, s.Dated, s.DateAccuracy)
	}
	for _, d := range r.Docs {
		row(d.Doc, d.Scores)
	}
	row("overall", r.Overall)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if len(r.Thresholds) > 0 {
		fmt.Fprintln(&b, "\nby confidence: the events at or above each threshold")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "confidence\tevents\tprecision\trecall\tF1")
		for _, t := range r.Thresholds {
			fmt.Fprintf(tw, ">= %.1f\t%d\t%.3f\t%.3f\t%.3f\n", t.Min, t.Events, t.Precision, t.Recall, t.F1)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	fmt.Fprintf(&b, "\nmisses (%d): required events no system event found\n", len(r.Misses))
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "  %s [%s] %s\n", m.Doc, m.Group, oneLine(strings.Join(m.Evidence, " | ")))
	}
	fmt.Fprintf(&b, "\nfalse positives (%d)\n", len(r.FalsePositives))
	for _, fp := range r.FalsePositives {
		tgt, why := fp.Target, "no gold line for the sentence"
		if tgt == "" {
			tgt = "-"
		}
		if fp.Aligned {
			why = "gold does not accept it"
		}
		fmt.Fprintf(&b, "  %s %s→%s %s (root %s), %s: %s\n", fp.Doc, fp.Source, tgt, fp.CAMEO, fp.Root, why, oneLine(fp.Sentence))
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// oneLine keeps a report entry on one line whatever the sentence holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
