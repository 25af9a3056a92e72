package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

func TestPrepare(t *testing.T) {
	d := &doc.Document{Body: "Putin Visits Beijing\n\nJune 7, 2012\n\nRussian President Vladimir Putin arrived in Beijing on June 5. He met Hu Jintao.\n"}
	Prepare(d)
	if d.Published != "2012-06-07" || d.DateFrom != "dateline" {
		t.Errorf("published %q from %q, want 2012-06-07 from the dateline", d.Published, d.DateFrom)
	}
	var codable []string
	for _, s := range d.Sentences {
		if d.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: span [%d,%d) is not its text %q", s.Index, s.Start, s.End, s.Text)
		}
		if s.Codable {
			codable = append(codable, s.Text)
		}
	}
	want := []string{"Russian President Vladimir Putin arrived in Beijing on June 5.", "He met Hu Jintao."}
	if len(codable) != len(want) || codable[0] != want[0] || codable[1] != want[1] {
		t.Errorf("codable sentences %q, want %q (headline and dateline not codable)", codable, want)
	}
}

func TestPrepareKeepsManifestDate(t *testing.T) {
	d := &doc.Document{Body: "June 7, 2012\n\nChina and Russia signed an agreement.\n", Published: "2012-06", DateFrom: "manifest"}
	Prepare(d)
	if d.Published != "2012-06" || d.DateFrom != "manifest" {
		t.Errorf("published %q from %q, want the manifest's 2012-06", d.Published, d.DateFrom)
	}
}

// TestProcessWithoutParser checks that a pipeline with no parser still
// tokenizes every sentence and codes, and parses nothing.
func TestProcessWithoutParser(t *testing.T) {
	d := &doc.Document{Body: "China and Russia signed an agreement.\n"}
	events, err := testPipeline(t).Process(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 1 || d.Sentences[0].Parsed {
		t.Fatalf("sentences %+v, want one, not parsed", d.Sentences)
	}
	if got, want := words(d.Sentences[0].Tokens), words(nlp.Tokenize(d.Sentences[0].Text)); got != want {
		t.Errorf("tokens %s, want %s", got, want)
	}
	if len(events) == 0 {
		t.Error("no events")
	}
}

func TestProcessEmpty(t *testing.T) {
	_, err := testPipeline(t).Process(context.Background(), &doc.Document{Origin: "empty.txt", Body: "\n\n"})
	if err == nil || !strings.HasPrefix(err.Error(), "empty.txt: ") {
		t.Errorf("err = %v, want one naming empty.txt", err)
	}
}

// testPipeline returns a pipeline over the embedded dictionaries.
func testPipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return New(actors.New(lex), nil, coder.New(coder.DefaultLexicon(), nil))
}

// words returns the tokens' texts and offsets.
func words(toks []doc.Token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%s@%d-%d ", t.Text, t.Start, t.End)
	}
	return b.String()
}
