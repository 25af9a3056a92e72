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
	"github.com/dyad-events/dyad/internal/syntax"
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

// TestProcess runs every stage on a short article: each sentence is
// tokenized once, the codable sentences that name an actor are parsed in
// place, and the coder codes from the same tokens.
func TestProcess(t *testing.T) {
	d := &doc.Document{ID: "t", Origin: "t.txt", Body: "Putin Visits Beijing\n\nJune 7, 2012\n\n" +
		"Russian President Vladimir Putin arrived in Beijing on June 5. The weather was fine. He met Hu Jintao.\n"}
	a, err := testPipeline(t, true).analyse(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Mentions) != len(d.Sentences) {
		t.Fatalf("mentions for %d sentences, want %d", len(a.Mentions), len(d.Sentences))
	}
	wantParsed := map[string]bool{
		"Russian President Vladimir Putin arrived in Beijing on June 5.": true,
		"He met Hu Jintao.": true,
	}
	for _, s := range d.Sentences {
		if got, want := words(s.Tokens), words(nlp.Tokenize(s.Text)); got != want {
			t.Errorf("sentence %d %q: tokens %s, want %s", s.Index, s.Text, got, want)
		}
		if s.Parsed != wantParsed[s.Text] {
			t.Errorf("sentence %d %q: Parsed = %v, want %v (parsed: codable and naming an actor)", s.Index, s.Text, s.Parsed, wantParsed[s.Text])
		}
		// The parse fills the document's own tokens, the ones the actor
		// stage and the coder read.
		roots := 0
		for _, tok := range s.Tokens {
			if tok.UPOS != "" && tok.Head == -1 {
				roots++
			}
		}
		if s.Parsed && roots != 1 {
			t.Errorf("sentence %d %q: parsed, but its tokens have %d roots: %+v", s.Index, s.Text, roots, s.Tokens)
		}
		if !s.Parsed && roots != 0 {
			t.Errorf("sentence %d %q: not parsed, but its tokens are tagged: %+v", s.Index, s.Text, s.Tokens)
		}
		for _, m := range a.Mentions[s.Index] {
			if m.Last >= len(s.Tokens) || s.Text[s.Tokens[m.First].Start:s.Tokens[m.Last].End] != m.Text {
				t.Errorf("sentence %d: mention %q does not cover its tokens %d-%d", s.Index, m.Text, m.First, m.Last)
			}
		}
	}
	var got []string
	for _, e := range a.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		got = append(got, e.Source.Code+">"+tgt+" "+e.CAMEO+" "+e.Trigger)
	}
	if want := "RUSGOV>CHN 042 arrived in|RUSGOV>CHNGOV 040 met"; strings.Join(got, "|") != want {
		t.Errorf("events %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestProcessWithoutParser checks that a pipeline with no parser still
// tokenizes every sentence and finds actors, and parses and codes nothing:
// the coder reads the parse.
func TestProcessWithoutParser(t *testing.T) {
	d := &doc.Document{Body: "China and Russia signed an agreement.\n"}
	events, err := testPipeline(t, false).Process(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 1 || d.Sentences[0].Parsed {
		t.Fatalf("sentences %+v, want one, not parsed", d.Sentences)
	}
	if got, want := words(d.Sentences[0].Tokens), words(nlp.Tokenize(d.Sentences[0].Text)); got != want {
		t.Errorf("tokens %s, want %s", got, want)
	}
	if len(events) != 0 {
		t.Errorf("%d events from unparsed sentences, want none", len(events))
	}
}

func TestProcessEmpty(t *testing.T) {
	_, err := testPipeline(t, false).Process(context.Background(), &doc.Document{Origin: "empty.txt", Body: "\n\n"})
	if err == nil || !strings.HasPrefix(err.Error(), "empty.txt: ") {
		t.Errorf("err = %v, want one naming empty.txt", err)
	}
}

// testPipeline returns a pipeline over the embedded dictionaries and, when
// parse is true, the embedded syntax model.
func testPipeline(tb testing.TB, parse bool) *Pipeline {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var parser Parser
	if parse {
		m, err := syntax.Default()
		if err != nil {
			tb.Fatal(err)
		}
		parser = m
	}
	return New(actors.New(lex), parser, coder.New(coder.DefaultLexicon(), nil))
}

// words returns the tokens' texts and offsets.
func words(toks []doc.Token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%s@%d-%d ", t.Text, t.Start, t.End)
	}
	return b.String()
}

// TestSplitWireDateline checks that a wire dateline opening a paragraph
// is a sentence of its own that is not coded.
func TestSplitWireDateline(t *testing.T) {
	for _, text := range []string{
		"PARIS, May 17, 2014 — Nigeria and four of its neighbours agreed on Saturday to share intelligence.",
		"GAZA CITY, August 27, 2014 — Israel and Hamas agreed to a ceasefire.",
		"LONDON (Reuters) — Britain expelled 23 diplomats.",
	} {
		ss := Split(text, []doc.Paragraph{{Start: 0, End: len(text), Kind: doc.Body}})
		if len(ss) != 2 || ss[0].Codable || !ss[1].Codable || strings.ContainsAny(ss[1].Text, "—") {
			t.Errorf("%q: sentences %+v, want the dateline apart and not coded", text, ss)
		}
	}
	text := "In Moscow, protesters gathered — some of them for hours."
	if ss := Split(text, []doc.Paragraph{{Start: 0, End: len(text), Kind: doc.Body}}); len(ss) != 1 {
		t.Errorf("%q: %d sentences, want 1", text, len(ss))
	}
}
