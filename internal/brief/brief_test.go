package brief

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/aggregate"
	"github.com/dyad-events/dyad/internal/agreements"
	"github.com/dyad-events/dyad/internal/doc"
)

func event(docID string, index int, date, src, code, tgt string, goldstein float64, quad int, trigger, sentence string) doc.Event {
	return doc.Event{
		ID: docID + date + code, Doc: docID, DocDate: date, SentenceIndex: index, Sentence: sentence,
		Source: doc.Actor{Code: src, Country: src[:3]}, Target: &doc.Actor{Code: tgt, Country: tgt[:3]},
		CAMEO: code, Goldstein: goldstein, Quad: quad, Trigger: trigger, Date: date, Modality: doc.Asserted,
	}
}

func testInput() Input {
	visit := "Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit."
	return Input{
		Source: "RUS", Target: "CHN",
		Names:  map[string]string{"RUS": "Russia", "CHN": "China"},
		Titles: map[string]string{"a": "Putin in Beijing"},
		Events: []doc.Event{
			event("a", 1, "2012-06-05", "RUSGOV", "042", "CHN", 1.9, 1, "arrived in", visit),
			event("b", 3, "2012-06", "RUSGOV", "042", "CHN", 1.9, 1, "visited", "Putin visited Beijing in June 2012."),
			event("b", 7, "2012-06", "RUS", "114", "CHN", -2, 3, "complained", "Russia complained that China copies its aircraft."),
			event("c", 2, "2014", "CHNGOV", "057", "RUSGOV", 8, 1, "signed", "The central banks signed a currency swap worth 150 billion yuan."),
			event("c", 4, "2014-05", "CHN", "062", "RUS", 6.4, 2, "held", "China and Russia held joint naval drills."),
		},
	}
}

// TestNumbersAreSeries checks the numbers of each direction against
// aggregate.Series, the shares, the change on the previous year with
// events, and the footnotes to each year's extremes.
func TestNumbersAreSeries(t *testing.T) {
	in := testInput()
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Directions) != 2 || b.Directions[0].Title != "Russia to China" || b.Directions[1].Title != "China to Russia" {
		t.Fatalf("directions %+v", b.Directions)
	}
	want, _, _ := aggregate.Series(in.Events[:3], "year")
	rows := b.Directions[0].Rows
	if len(rows) != len(want) || rows[0].Period != want[0] {
		t.Fatalf("Russia to China rows %+v, want the series %+v", rows, want)
	}
	r := rows[0]
	if r.Events != 3 || r.Cooperation != 0.667 || r.Conflict != 0.333 || r.Prev != "" {
		t.Errorf("2012: %+v; want 3 events, 0.667 cooperation, 0.333 conflict, no previous year", r)
	}
	// The most cooperative (1.9, the first visit) and most conflictual
	// (-2, the complaint) events of 2012.
	if len(r.Notes) != 2 || b.Notes[r.Notes[0]-1].Index != 1 || b.Notes[r.Notes[1]-1].Index != 7 {
		t.Errorf("2012 notes %v: %+v", r.Notes, b.Notes)
	}
	back := b.Directions[1].Rows
	if len(back) != 1 || back[0].Period.Period != "2014" || back[0].Events != 2 || back[0].Goldstein != 7.2 {
		t.Errorf("China to Russia: %+v; want 2014 with 2 events, mean 7.2", back)
	}
}

func TestSectorOf(t *testing.T) {
	for _, c := range []struct {
		code, trigger, sentence, want string
	}{
		{"042", "arrived in", "Putin arrived in Beijing on June 5 for a three-day visit to China.", "diplomacy"},
		{"040", "attended the SCO summit", "He attended the SCO summit meeting.", "multilateral"},
		{"057", "signed", "The central banks signed a currency swap worth 150 billion yuan.", "trade and finance"},
		{"057", "agreement was signed", "A long-term gas supply agreement was signed by Gazprom.", "energy"},
		{"114", "complained", "Russia complained about the gas price.", "frictions"},
		{"062", "held", "They held joint naval drills.", "military and security"},
		{"036", "closing on", "Russia and China appear to be closing on a major arms deal.", "military and security"},
		{"061", "cooperated", "They cooperated.", "other"},
	} {
		ev := doc.Event{CAMEO: c.code, Trigger: c.trigger, Sentence: c.sentence}
		if got := sectorOf(ev); got != c.want {
			t.Errorf("%s %q in %q: sector %q, want %q", c.code, c.trigger, c.sentence, got, c.want)
		}
	}
}

// TestLines checks the wording of events, trends and agreement steps, and
// that every sentence cites a source.
func TestLines(t *testing.T) {
	in := testInput()
	in.Events[3].Quantities = []doc.Quantity{{Text: "150\u00a0billion yuan", Value: 150e9, Unit: "CNY"}}
	in.Agreements = []agreements.Agreement{{Kind: "currency swap", Status: agreements.Signed, Steps: []agreements.Step{{
		Status: agreements.Signed, Date: "2014", Amounts: in.Events[3].Quantities,
		Evidence: []agreements.Evidence{{Doc: "c", DocDate: "2014", Index: 2, Sentence: in.Events[3].Sentence}},
	}}}}
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, l := range b.Lines() {
		if len(l.Notes) == 0 {
			t.Errorf("no footnote: %q", l.Text)
		}
		text = append(text, l.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"June 2012: the government of Russia visited China.",
		"Diplomacy: 2 events (2 in 2012), in June 2012.",
		"2014: the government of China signed a formal agreement with the government of Russia; amounts named: 150 billion yuan.",
		"Currency swap: signed 2014; amounts named: 150 billion yuan.",
		"Frictions: 1 event (1 in 2012), in June 2012.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no line %q in:\n%s", want, all)
		}
	}
	if b.Notes[0].Title != "Putin in Beijing" && b.Notes[0].Doc == "a" {
		t.Errorf("note 1 has no title: %+v", b.Notes[0])
	}
}

// TestRender renders both templates: Markdown footnotes, and HTML with a
// chart, escaped sentences and links to the document reader.
func TestRender(t *testing.T) {
	in := testInput()
	in.Events[2].Sentence = `Russia complained <script>alert(1)</script> that China copies its aircraft.`
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var md, page strings.Builder
	if err := WriteMarkdown(&md, b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Russia and China", "| 2012 | 3 | 2 | 0 | 1 | 0 | 67% | 33% | 0.60 | – | 3 | [^1][^2] |", "[^1]: a, \"Putin in Beijing\", 2012-06-05, sentence 1: “Russian President"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	link := func(d string, i int) string { return "/doc/" + d + "#s" + string(rune('0'+i)) }
	if err := WriteHTML(&page, b, link); err != nil {
		t.Fatal(err)
	}
	h := page.String()
	for _, want := range []string{"<svg class=\"chart\"", "<a href=\"/doc/a#s1\">", "&lt;script&gt;", "<sup><a href=\"#note-1\">[1]</a></sup>"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(h, "<script>") {
		t.Error("HTML holds a sentence's <script> unescaped")
	}
	var frag strings.Builder
	if err := WriteHTMLFragment(&frag, b, nil); err != nil || !strings.HasPrefix(frag.String(), "<article") || strings.Contains(frag.String(), "<a href=\"/doc/") {
		t.Errorf("fragment without links: %v %.60q", err, frag.String())
	}
}

func TestDataErrors(t *testing.T) {
	if _, err := parseSectors("energy | gas\n"); err == nil || !strings.Contains(err.Error(), "sectors.txt line 1") {
		t.Errorf("a rule of two fields: %v", err)
	}
	if err := parsePhrases("\ncode 042 | visited\n", map[string]string{}, map[string]string{}); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a template without {src}: %v", err)
	}
}

// TestJoint states what both sides did toward a third party in one
// sentence, and nothing one side did alone.
func TestJoint(t *testing.T) {
	in := testInput()
	in.Names["USA"] = "United States"
	thaad := "China's and Russia's stated opposition to the deployment of the U.S. THAAD system."
	in.Others = []doc.Event{
		event("d", 5, "2016", "CHN", "120", "USA", -4, 3, "opposition to", thaad),
		event("d", 5, "2016", "RUS", "120", "USA", -4, 3, "opposition to", thaad),
		event("d", 9, "2016", "RUS", "042", "USA", 1.9, 1, "visited", "Russia's foreign minister visited Washington."),
		event("d", 5, "2016", "RUS", "057", "CHN", 8, 1, "signed", thaad), // the dyad's own: not joint
	}
	b, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Joint.Lines) != 1 || b.Joint.Lines[0].Text != "2016: Russia and China rejected United States (“opposition to”)." {
		t.Fatalf("joint lines %+v", b.Joint.Lines)
	}
	if n := b.Notes[b.Joint.Lines[0].Notes[0]-1]; n.Doc != "d" || n.Index != 5 {
		t.Errorf("the joint line cites %+v", n)
	}
}

// TestDisagreementLines checks that two reports of one visit that give
// different lengths are a line of "where sources disagree" citing both.
func TestDisagreementLines(t *testing.T) {
	in := testInput()
	a := event("a", 1, "2012-06-05", "RUSGOV", "042", "CHN", 1.9, 1, "arrived in", "Putin arrived in Beijing on June 5 for a three-day visit.")
	b := event("d", 2, "2012-06-05", "RUSGOV", "042", "CHN", 1.9, 1, "began", "Putin began a four-day visit to China on June 5.")
	b.ID = "d-visit"
	a.Cluster, b.Cluster = "c1", "c1"
	in.Events = []doc.Event{a, b}
	br, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	lines := br.Disagreements.Lines
	if len(lines) != 1 || !strings.Contains(lines[0].Text, "three-day") || !strings.Contains(lines[0].Text, "four-day") || len(lines[0].Notes) != 2 {
		t.Fatalf("disagreements %+v; want one line on the length citing both reports", lines)
	}
	for _, n := range lines[0].Notes {
		if s := br.Notes[n-1].Sentence; s != a.Sentence && s != b.Sentence {
			t.Errorf("note %d cites %q", n, s)
		}
	}
}
