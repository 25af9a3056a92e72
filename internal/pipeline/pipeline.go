// Package pipeline runs the stages that turn an ingested document into
// event records: clean and split into sentences, tokenize each sentence
// once, find the actors, tag and parse the sentences that name an actor,
// code events. Every stage reads what the stages before it left and adds
// its own part, so a stage can be tested or replaced alone.
package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/clean"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// A Stage is one step of the analysis of a document. It reads what the
// stages before it left in a and adds its own part; no stage redoes
// another's work.
type Stage interface {
	Process(ctx context.Context, a *Analysis) error
}

// Analysis is one document on its way through the stages.
type Analysis struct {
	// Doc is the document; its sentences carry their tokens and, where
	// parsed, their tags, lemmas and dependencies.
	Doc *doc.Document
	// Mentions holds the actor mentions of each sentence, by sentence
	// index, with codes valid on the publication date: the coder asks
	// each for the codes valid on its event's date.
	Mentions [][]actors.Mention
	// Events are the coded events, in sentence order.
	Events []doc.Event
}

// Parser tags, lemmatizes and parses one sentence's tokens in place, as
// syntax.Model does.
type Parser interface {
	Analyze(toks []doc.Token)
}

// Pipeline codes documents. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
}

// New returns a pipeline that finds actors with r, parses with parser and
// codes with c. parser may be nil: sentences are then left unparsed.
func New(r *actors.Resolver, parser Parser, c *coder.Coder) *Pipeline {
	stages := []Stage{prepare{}, tokenize{}, findActors{r}}
	if parser != nil {
		stages = append(stages, parse{parser, c})
	}
	return &Pipeline{stages: append(stages, code{c})}
}

// windowBytes is the most text the meaning stages hold at once. A longer
// document is cleaned and split whole, then tokenized, parsed and coded a
// window of whole paragraphs at a time (its protagonists and running dates
// found per window, as for separate files), and each window's tokens are
// dropped once its events are out: memory stays bounded whatever the
// document's size. News articles are far shorter and are coded whole.
const windowBytes = 256 << 10

// Process runs every stage on d and returns its events.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) ([]doc.Event, error) {
	if len(d.Body) <= windowBytes {
		a, err := p.analyse(ctx, d)
		if err != nil {
			return nil, err
		}
		return a.Events, nil
	}
	if err := p.stages[0].Process(ctx, &Analysis{Doc: d}); err != nil {
		return nil, err
	}
	var events []doc.Event
	for _, w := range windows(d.Sentences, windowBytes) {
		part := *d
		part.Sentences = d.Sentences[w[0]:w[1]]
		a := &Analysis{Doc: &part}
		for _, s := range p.stages[1:] {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if err := s.Process(ctx, a); err != nil {
				return nil, err
			}
		}
		events = append(events, a.Events...)
		for i := w[0]; i < w[1]; i++ {
			d.Sentences[i].Tokens, d.Sentences[i].Parsed = nil, false
		}
	}
	return events, nil
}

// windows cuts sentences into runs of whole paragraphs holding about size
// bytes of text each; a paragraph four times that size is cut between
// sentences.
func windows(ss []doc.Sentence, size int) [][2]int {
	var out [][2]int
	from := 0
	for i := 1; i < len(ss); i++ {
		span := ss[i].Start - ss[from].Start
		if span >= size && ss[i].Paragraph != ss[i-1].Paragraph || span >= 4*size {
			out = append(out, [2]int{from, i})
			from = i
		}
	}
	if len(ss) > 0 {
		out = append(out, [2]int{from, len(ss)})
	}
	return out
}

func (p *Pipeline) analyse(ctx context.Context, d *doc.Document) (*Analysis, error) {
	a := &Analysis{Doc: d}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := s.Process(ctx, a); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// prepare cleans the document and splits it into sentences.
type prepare struct{}

func (prepare) Process(_ context.Context, a *Analysis) error {
	Prepare(a.Doc)
	if len(a.Doc.Sentences) == 0 {
		return fmt.Errorf("%s: no text left after cleaning", a.Doc.Origin)
	}
	return nil
}

// tokenize fills every sentence's Tokens: the only tokenization of the
// text, which every later stage reads.
type tokenize struct{}

func (tokenize) Process(_ context.Context, a *Analysis) error {
	for i := range a.Doc.Sentences {
		s := &a.Doc.Sentences[i]
		s.Tokens = nlp.Tokenize(s.Text)
	}
	return nil
}

// findActors finds and resolves the actor mentions of every sentence.
type findActors struct{ r *actors.Resolver }

func (f findActors) Process(_ context.Context, a *Analysis) error {
	a.Mentions = f.r.Document(a.Doc)
	return nil
}

// parse tags, lemmatizes and parses every codable sentence that names an
// actor, and those that may hold a mutual event of the paragraph's
// parties. Gating on actors rather than on the event lexicon keeps the
// sentences whose events the lexicon would miss.
type parse struct {
	p Parser
	c *coder.Coder
}

func (p parse) Process(_ context.Context, a *Analysis) error {
	for i := range a.Doc.Sentences {
		s := &a.Doc.Sentences[i]
		if !s.Codable {
			continue
		}
		// A sentence that names no actor is parsed only when a mutual
		// event may be coded from it with the paragraph's parties ("A $3.5
		// billion agreement was signed").
		if i < len(a.Mentions) && namesActor(a.Mentions[i]) || p.c != nil && p.c.Mutual(s.Tokens) {
			p.p.Analyze(s.Tokens)
			s.Parsed = true
		}
	}
	return nil
}

// namesActor reports whether any mention resolves to an actor.
func namesActor(ms []actors.Mention) bool {
	for _, m := range ms {
		if len(m.Actors) > 0 {
			return true
		}
	}
	return false
}

// code codes the events.
type code struct{ c *coder.Coder }

func (c code) Process(_ context.Context, a *Analysis) error {
	a.Events = c.c.Code(a.Doc, a.Mentions)
	return nil
}

// Prepare cleans d.Body into d.Text and d.Paragraphs, fills a missing
// publication date from a dateline in the text, and splits the paragraphs
// into sentences. Sentences of headings, link lists and datelines are kept
// but not codable.
func Prepare(d *doc.Document) {
	res := clean.Text(d.Body)
	d.Text, d.Paragraphs = res.Text, res.Paragraphs
	if d.Published == "" {
		if date, ok := clean.Dateline(d.Body); ok {
			d.Published, d.DateFrom = date, "dateline"
		}
	}
	d.Sentences = Split(d.Text, d.Paragraphs)
}

// Split splits each paragraph of text into sentences.
func Split(text string, paras []doc.Paragraph) []doc.Sentence {
	var out []doc.Sentence
	for pi, p := range paras {
		for k, sp := range nlp.Sentences(text[p.Start:p.End]) {
			start, end := p.Start+sp.Start, p.Start+sp.End
			// "PARIS, May 17, 2014 — Nigeria and ...": a wire dateline
			// that opens a paragraph is a sentence of its own, not coded.
			if n, ok := clean.WireDateline(text[start:end]); k == 0 && ok && n < end-start {
				line := strings.TrimRight(text[start:start+n], " ")
				out = append(out, doc.Sentence{Index: len(out), Start: start, End: start + len(line), Text: line, Paragraph: pi})
				start += n
			}
			out = append(out, doc.Sentence{
				Index:     len(out),
				Start:     start,
				End:       end,
				Text:      text[start:end],
				Paragraph: pi,
				Codable:   p.Kind == doc.Body,
			})
		}
	}
	return out
}
