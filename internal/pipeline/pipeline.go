// Package pipeline runs the stages that turn an ingested document into
// event records: clean, split into sentences, resolve actors, code events.
// Each stage works on the same *doc.Document, so a stage can be tested or
// replaced alone.
package pipeline

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad/internal/clean"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// Pipeline codes documents. It is safe for concurrent use.
type Pipeline struct {
	coder *coder.Coder
}

// New returns a pipeline that codes with c.
func New(c *coder.Coder) *Pipeline { return &Pipeline{coder: c} }

// Process cleans d.Body, splits it into sentences and codes its events.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) ([]doc.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	Prepare(d)
	if len(d.Sentences) == 0 {
		return nil, fmt.Errorf("%s: no text left after cleaning", d.Origin)
	}
	return p.coder.Code(d), nil
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
		for _, sp := range nlp.Sentences(text[p.Start:p.End]) {
			start, end := p.Start+sp.Start, p.Start+sp.End
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
