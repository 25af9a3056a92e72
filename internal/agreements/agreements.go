// Package agreements follows named agreements and projects between two
// states (a gas supply deal, a currency swap, an investment fund, a trade
// target, an arms sale) across documents and years, through their steps:
// proposed, negotiating, stalled, signed, implemented or abandoned. Which
// agreements exist, the words that name them and the words and event codes
// that mark each step are data (rules.txt); the code reads clauses.
package agreements

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
)

// Statuses of an agreement, in the order of its life.
const (
	Proposed    = "proposed"
	Negotiating = "negotiating"
	Stalled     = "stalled"
	Signed      = "signed"
	Implemented = "implemented"
	Abandoned   = "abandoned"
)

var lifeOrder = []string{Proposed, Negotiating, Stalled, Signed, Implemented, Abandoned}

// negative statuses are read from negation and modality; their cues win
// over the clause's event code.
var negative = map[string]bool{Stalled: true, Abandoned: true, Negotiating: true}

// Sentence is one stored sentence that may mention an agreement, with its
// document's date.
type Sentence struct {
	Doc     string
	DocDate string
	Index   int
	Text    string
}

// Evidence is a sentence a step rests on, and the event read from it, if
// any.
type Evidence struct {
	Doc      string `json:"doc"`
	DocDate  string `json:"doc_date"`
	Index    int    `json:"sentence_index"`
	Sentence string `json:"sentence"`
	Event    string `json:"event,omitempty"`
	CAMEO    string `json:"cameo,omitempty"`
	// Overridden says the clause's negation or modality gives another
	// step than the event's code: the event misread the clause.
	Overridden bool `json:"overridden,omitempty"`
}

// Step is one status of an agreement, with its date, the amounts its
// events give and the sentences that report it.
type Step struct {
	Status string `json:"status"`
	// Date is the first report of the step, Until the last, when
	// several sources report it.
	Date     string         `json:"date"`
	Until    string         `json:"until,omitempty"`
	Amounts  []doc.Quantity `json:"amounts,omitempty"`
	Evidence []Evidence     `json:"evidence"`
}

// Agreement is one tracked agreement and its history in date order.
type Agreement struct {
	Kind   string `json:"kind"`
	Status string `json:"status"` // the last step's
	Steps  []Step `json:"steps"`
}

type kind struct {
	name  string
	names [][]string // phrases, as words
	nouns map[string]bool
}

type cue struct {
	status  string
	phrases [][]string
}

// Rules are the tracker's data: kinds of agreement, step cues and the
// steps event codes give.
type Rules struct {
	kinds []kind
	cues  []cue
	codes map[string]string // CAMEO prefix → status
}

//go:embed rules.txt
var defaultRules string

// Default returns the embedded rules, parsed once.
var Default = sync.OnceValue(func() *Rules {
	r, err := Parse(defaultRules)
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return r
})

// Parse reads rules in the format of rules.txt.
func Parse(text string) (*Rules, error) {
	r := &Rules{codes: map[string]string{}}
	cues := map[string]int{}
	for n, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		head, rest, _ := strings.Cut(line, " ")
		fields := strings.Split(rest, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		bad := func(want string) error {
			return fmt.Errorf("agreement rules line %d: %q: want %s", n+1, strings.TrimSpace(line), want)
		}
		switch head {
		case "kind":
			if len(fields) != 3 || fields[0] == "" {
				return nil, bad("kind NAME | PHRASES | NOUNS")
			}
			k := kind{name: fields[0], names: phrases(fields[1]), nouns: map[string]bool{}}
			for _, p := range phrases(fields[2]) {
				k.nouns[strings.Join(p, " ")] = true
			}
			if len(k.names) == 0 || len(k.nouns) == 0 {
				return nil, bad("name phrases and agreement nouns")
			}
			r.kinds = append(r.kinds, k)
		case "cue", "code":
			if len(fields) != 2 || !slices.Contains(lifeOrder, fields[0]) {
				return nil, bad(head + " STATUS | ..., with a status among " + strings.Join(lifeOrder, ", "))
			}
			if head == "code" {
				for _, c := range strings.Split(fields[1], ",") {
					r.codes[strings.TrimSpace(c)] = fields[0]
				}
				continue
			}
			i, ok := cues[fields[0]]
			if !ok {
				i = len(r.cues)
				cues[fields[0]] = i
				r.cues = append(r.cues, cue{status: fields[0]})
			}
			r.cues[i].phrases = append(r.cues[i].phrases, phrases(fields[1])...)
		default:
			return nil, bad("a line starting kind, cue or code")
		}
	}
	return r, nil
}

func phrases(list string) [][]string {
	var out [][]string
	for _, p := range strings.Split(list, ",") {
		if ws := words(p); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// SearchTerms are the name phrases of every kind, as full-text queries, to
// gather the sentences that may mention an agreement.
func (r *Rules) SearchTerms() []string {
	var out []string
	for _, k := range r.kinds {
		for _, p := range k.names {
			out = append(out, strings.Join(p, " "))
		}
	}
	return out
}

// word is a lower-case word of a sentence and where it starts.
type word struct {
	text string
	at   int
}

func words(s string) []string {
	var out []string
	for _, w := range splitWords(s) {
		out = append(out, w.text)
	}
	return out
}

// splitWords splits s into lower-case runs of letters, digits, hyphens
// and apostrophes, with their byte offsets.
func splitWords(s string) []word {
	var out []word
	start := -1
	for i, c := range s + " " {
		in := unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '\''
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{strings.ToLower(strings.Trim(s[start:i], "-'")), start})
			start = -1
		}
	}
	return out
}

// clauseBreaks are the words that start a new clause of a sentence for
// the tracker: a contrast ("signed although ... had hoped to sign deals in
// energy") says something else of another agreement.
var clauseBreaks = map[string]bool{"although": true, "though": true, "but": true, "whereas": true, "while": true, "however": true}

// clauses splits a sentence's words at contrastive conjunctions and
// semicolons.
func clauses(s string) [][]word {
	var out [][]word
	var cur []word
	ws := splitWords(s)
	for i, w := range ws {
		semicolon := i > 0 && strings.Contains(s[ws[i-1].at:w.at], ";")
		if (clauseBreaks[w.text] || semicolon) && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// at reports where phrase p occurs in ws from index i.
func at(ws []word, i int, p []string) bool {
	if i+len(p) > len(ws) {
		return false
	}
	for k, w := range p {
		if ws[i+k].text != w {
			return false
		}
	}
	return true
}

func has(ws []word, p []string) bool {
	for i := range ws {
		if at(ws, i, p) {
			return true
		}
	}
	return false
}

// mentions reports whether the clause cl (of a sentence whose words before
// it are before) mentions an agreement of kind k.
func (k kind) mentions(before, cl []word) bool {
	nameIn := func(ws []word) bool {
		for _, p := range k.names {
			if has(ws, p) {
				return true
			}
		}
		return false
	}
	for i, w := range cl {
		if !k.nouns[w.text] {
			continue
		}
		if nameIn(cl[max(0, i-6):i]) || nameIn(cl[i+1:min(len(cl), i+5)]) {
			return true
		}
		definite := i > 0 && (cl[i-1].text == "the" || cl[i-1].text == "this" || cl[i-1].text == "that")
		if definite && (nameIn(cl[:i]) || nameIn(before)) {
			return true
		}
	}
	return false
}

// cueStatus is the first status, in the order of the rules, whose cue the
// clause holds, among the negative statuses or the others.
func (r *Rules) cueStatus(cl []word, neg bool) string {
	for _, c := range r.cues {
		if negative[c.status] != neg {
			continue
		}
		for _, p := range c.phrases {
			if has(cl, p) {
				return c.status
			}
		}
	}
	return ""
}

// codeStatus is the step an event code gives: the longest prefix listed.
func (r *Rules) codeStatus(code string) string {
	for n := len(code); n > 0; n-- {
		if s, ok := r.codes[code[:n]]; ok {
			return s
		}
	}
	return ""
}

// Track finds the agreements that sentences and the events read from them
// mention and follows each through its steps. events are the dyad's
// events; sentences are the stored sentences that may mention agreements
// (those of events included or not: a negated signing is in no event).
func (r *Rules) Track(events []doc.Event, sentences []Sentence) []Agreement {
	return r.TrackWithin(events, sentences, "", "")
}

// TrackWithin is Track keeping only the steps dated from since until until
// (ISO prefixes compared as store.Filter compares them; "" for open).
func (r *Rules) TrackWithin(events []doc.Event, sentences []Sentence, since, until string) []Agreement {
	type key struct {
		doc   string
		index int
	}
	byKey := map[key][]doc.Event{}
	seen := map[key]bool{}
	all := make([]Sentence, 0, len(sentences)+len(events))
	for _, ev := range events {
		k := key{ev.Doc, ev.SentenceIndex}
		byKey[k] = append(byKey[k], ev)
		if !seen[k] {
			seen[k] = true
			all = append(all, Sentence{Doc: ev.Doc, DocDate: ev.DocDate, Index: ev.SentenceIndex, Text: ev.Sentence})
		}
	}
	for _, s := range sentences {
		if k := (key{s.Doc, s.Index}); !seen[k] {
			seen[k] = true
			all = append(all, s)
		}
	}
	steps := map[string][]Step{}
	for _, s := range all {
		evs := byKey[key{s.Doc, s.Index}]
		cls := clauses(s.Text)
		var before []word
		for _, cl := range cls {
			clEvents := eventsIn(evs, s.Text, cl, len(cls) == 1)
			for _, k := range r.kinds {
				if !k.mentions(before, cl) {
					continue
				}
				if st, ok := r.step(s, cl, clEvents); ok && within(st.Date, since, until) {
					steps[k.name] = append(steps[k.name], st)
				}
			}
			before = append(before, cl...)
		}
	}
	var out []Agreement
	for _, k := range r.kinds {
		if h := history(steps[k.name]); len(h) > 0 {
			out = append(out, Agreement{Kind: k.name, Status: h[len(h)-1].Status, Steps: h})
		}
	}
	return out
}

// eventsIn returns the events whose trigger lies in the clause.
func eventsIn(evs []doc.Event, sentence string, cl []word, whole bool) []doc.Event {
	if whole {
		return evs
	}
	lo, hi := cl[0].at, cl[len(cl)-1].at+len(cl[len(cl)-1].text)
	var out []doc.Event
	for _, ev := range evs {
		i := strings.Index(strings.ToLower(sentence), strings.ToLower(ev.Trigger))
		if i >= lo && i < hi {
			out = append(out, ev)
		}
	}
	return out
}

// step reads the status of the clause cl of sentence s: a negative cue,
// else its events' codes, else a positive cue.
func (r *Rules) step(s Sentence, cl []word, evs []doc.Event) (Step, bool) {
	ev := Evidence{Doc: s.Doc, DocDate: s.DocDate, Index: s.Index, Sentence: s.Text}
	st := Step{Status: r.cueStatus(cl, true), Date: sentenceDate(s)}
	var from *doc.Event
	for i := range evs {
		if c := r.codeStatus(evs[i].CAMEO); c != "" {
			if st.Status == "" {
				st.Status = c
			}
			if from == nil {
				from = &evs[i]
				ev.Overridden = c != st.Status
			}
		}
	}
	if from != nil {
		ev.Event, ev.CAMEO = from.ID, from.CAMEO
		st.Date = from.Date
		st.Amounts = from.Quantities
	}
	if st.Status == "" {
		st.Status = r.cueStatus(cl, false)
	}
	if st.Status == "" {
		return Step{}, false
	}
	st.Evidence = []Evidence{ev}
	return st, true
}

// sentenceDate dates a step read from a sentence without an event: the
// document date, or a year the sentence names that is earlier (a report in
// 2017 of "the 2014 Strategic Partnership" dates a step in 2014). A year
// after "since", "from" or "by" bounds a period and dates nothing.
func sentenceDate(s Sentence) string {
	docYear := atoi(s.DocDate)
	ws := splitWords(s.Text)
	for i, w := range ws {
		y := atoi(w.text)
		if len(w.text) != 4 || y < 1950 || y >= docYear {
			continue
		}
		if i > 0 && slices.Contains([]string{"since", "from", "by", "until"}, ws[i-1].text) {
			continue
		}
		if w.at > 0 && strings.ContainsAny(s.Text[w.at-1:w.at], "$€£¥") {
			continue
		}
		return w.text
	}
	return s.DocDate
}

func atoi(s string) int {
	if len(s) > 4 {
		s = s[:4]
	}
	n, _ := strconv.Atoi(s)
	return n
}

func rank(status string) int { return slices.Index(lifeOrder, status) }

// history puts steps in date order and merges a step into the one before
// it when the status is the same. A document gives one status of an
// agreement on one date: when its sentences differ (an "impasse" and a
// deal "yet to be finalized"), the status most of them give, the later in
// an agreement's life on a tie. Sources often date only the year, so
// steps of one year are put in the order of an agreement's life; a
// proposal or negotiation reported after the signing is a mention of the
// signed agreement, not a new step.
func history(steps []Step) []Step {
	steps = perDocument(steps)
	slices.SortStableFunc(steps, func(a, b Step) int {
		return cmp.Or(cmp.Compare(atoi(a.Date), atoi(b.Date)), cmp.Compare(rank(a.Status), rank(b.Status)),
			cmp.Compare(a.Date, b.Date), cmp.Compare(a.Evidence[0].Doc, b.Evidence[0].Doc), cmp.Compare(a.Evidence[0].Index, b.Evidence[0].Index))
	})
	var out []Step
	signed := false
	for _, st := range steps {
		if signed && rank(st.Status) < rank(Stalled) {
			continue
		}
		signed = signed || rank(st.Status) >= rank(Signed)
		if n := len(out); n > 0 && out[n-1].Status == st.Status {
			last := &out[n-1]
			for _, e := range st.Evidence {
				if !slices.ContainsFunc(last.Evidence, func(o Evidence) bool { return o.Doc == e.Doc && o.Index == e.Index }) {
					last.Evidence = append(last.Evidence, e)
				}
			}
			last.Amounts = append(last.Amounts, st.Amounts...)
			if !strings.HasPrefix(st.Date, last.Date) {
				last.Until = st.Date
			}
			continue
		}
		out = append(out, st)
	}
	return out
}

// perDocument gives each document one status per date: the one most of
// its steps on that date give.
func perDocument(steps []Step) []Step {
	type key struct{ doc, date string }
	votes := map[key]map[string]int{}
	for _, st := range steps {
		k := key{st.Evidence[0].Doc, st.Date}
		if votes[k] == nil {
			votes[k] = map[string]int{}
		}
		votes[k][st.Status]++
	}
	out := steps[:0:0]
	for _, st := range steps {
		best, n := "", 0
		for _, s := range lifeOrder {
			if v := votes[key{st.Evidence[0].Doc, st.Date}][s]; v > 0 && v >= n {
				best, n = s, v
			}
		}
		st.Status = best
		out = append(out, st)
	}
	return out
}

// within reports whether an ISO date lies from since until until, as
// store.Filter compares them: a date less precise than since counts when
// since falls in it.
func within(date, since, until string) bool {
	return (since == "" || date >= since || strings.HasPrefix(since, date)) && (until == "" || date <= until || strings.HasPrefix(date, until))
}
