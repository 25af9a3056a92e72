package eval

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func loadTestdata(t *testing.T) (*Gold, []doc.Event) {
	t.Helper()
	g, err := LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	events, err := ReadEvents(f)
	if err != nil {
		t.Fatal(err)
	}
	return g, events
}

// The expected numbers were worked out by hand from testdata (see the
// comments in TestScoreHandMade for which event counts how).
func TestScoreHandMade(t *testing.T) {
	g, events := loadTestdata(t)
	if len(g.Lines) != 8 || len(events) != 11 {
		t.Fatalf("testdata: %d gold lines, %d events; want 8 and 11", len(g.Lines), len(events))
	}
	r := Score(g, events)

	// a.txt: e1 TP (visit, date right), e2 TP (curly-quote evidence, same
	// group), e3 TP by pair (talks, first match dated 2012-05-30: wrong),
	// e4 TP (talks already found; its right date does not count), e5 FP
	// (reversed without pair), e6 not scored (ignore line only), e7 FP
	// (empty events list), e8 FP (no gold line). Groups visit, talks and
	// the grp-less memorandum line: 2 of 3 found.
	// b.txt: e9 TP (veto, 2012-03-01 starts with 2012), e10 FP (no target;
	// the tour group stays missed). c.txt has no gold: e11 is not scored.
	want := []DocScore{
		{"a.txt", Scores{TP: 4, FP: 3, Groups: 3, Recalled: 2, Dated: 2, DatedRight: 1,
			Precision: 4.0 / 7, Recall: 2.0 / 3, DateAccuracy: 0.5, F1: 2 * (4.0 / 7) * (2.0 / 3) / (4.0/7 + 2.0/3)}},
		{"b.txt", Scores{TP: 1, FP: 1, Groups: 2, Recalled: 1, Dated: 1, DatedRight: 1,
			Precision: 0.5, Recall: 0.5, DateAccuracy: 1, F1: 0.5}},
	}
	if len(r.Docs) != len(want) {
		t.Fatalf("got %d docs, want %d: %+v", len(r.Docs), len(want), r.Docs)
	}
	for i, w := range want {
		if !sameScores(r.Docs[i], w) {
			t.Errorf("doc %d:\n got %+v\nwant %+v", i, r.Docs[i], w)
		}
	}
	// Overall from summed counts: 5 TP, 4 FP, 3 of 5 groups, 2 of 3 dates.
	o := DocScore{"", r.Overall}
	wo := DocScore{"", Scores{TP: 5, FP: 4, Groups: 5, Recalled: 3, Dated: 3, DatedRight: 2,
		Precision: 5.0 / 9, Recall: 0.6, DateAccuracy: 2.0 / 3, F1: 90.0 / 156}}
	if !sameScores(o, wo) {
		t.Errorf("overall:\n got %+v\nwant %+v", o, wo)
	}
	if got := math.Round(r.Overall.F1*1e4) / 1e4; got != 0.5769 {
		t.Errorf("overall F1 = %.4f, want 0.5769", got)
	}

	var fpIDs []string
	for _, fp := range r.FalsePositives {
		fpIDs = append(fpIDs, fp.Sentence[:12]+map[bool]string{true: "/aligned", false: "/none"}[fp.Aligned])
	}
	wantFP := []string{"Russia and C/aligned", "The deal cou/aligned", "Beijing welc/none", "Xi toured Ce/aligned"}
	if strings.Join(fpIDs, ",") != strings.Join(wantFP, ",") {
		t.Errorf("false positives %v, want %v", fpIDs, wantFP)
	}
	if fp := r.FalsePositives[3]; fp.Target != "" || fp.Source != "CHNGOV" || fp.Root != "04" {
		t.Errorf("absent-target FP recorded as %+v", fp)
	}

	if len(r.Misses) != 2 {
		t.Fatalf("misses %+v, want 2", r.Misses)
	}
	if m := r.Misses[0]; m.Doc != "a.txt" || m.Group != "a.gold.jsonl:3#1" ||
		len(m.Evidence) != 1 || m.Evidence[0] != "signed a memorandum" {
		t.Errorf("miss 0 = %+v", m)
	}
	if m := r.Misses[1]; m.Doc != "b.txt" || m.Group != "tour" || m.Evidence[0] != "xi toured central asia" {
		t.Errorf("miss 1 = %+v", m)
	}
}

func sameScores(a, b DocScore) bool {
	return a.Doc == b.Doc && a.TP == b.TP && a.FP == b.FP && a.Groups == b.Groups &&
		a.Recalled == b.Recalled && a.Dated == b.Dated && a.DatedRight == b.DatedRight &&
		near(a.Precision, b.Precision) && near(a.Recall, b.Recall) && near(a.F1, b.F1) &&
		near(a.DateAccuracy, b.DateAccuracy)
}

func TestScoreSmall(t *testing.T) {
	ev := func(d, sent, src, tgt, root, date string) doc.Event {
		e := doc.Event{Doc: d, Sentence: sent, Source: doc.Actor{Code: src}, CAMEO: root + "0", Root: root, Date: date}
		if tgt != "" {
			e.Target = &doc.Actor{Code: tgt}
		}
		return e
	}
	g := &Gold{Lines: []Line{
		{Doc: "d.txt", Evidence: "met", N: 1, File: "d", Events: []GoldEvent{{Src: []string{"RUS"}, Tgt: []string{"CHN"}, Root: []string{"04"}, Req: true, Grp: "m", Date: "2012-06"}}},
		{Doc: "d.txt", Evidence: "again met", N: 2, File: "d", Events: []GoldEvent{{Src: []string{"RUS"}, Tgt: []string{"CHN"}, Root: []string{"04"}, Req: true, Grp: "m"}}},
		{Doc: "d.txt", Evidence: "headline", N: 3, File: "d", Ignore: true},
	}}
	tests := []struct {
		name   string
		events []doc.Event
		tp, fp int
		recall float64
		dated  [2]int // right, dated
	}{
		{"3 TP 1 FP", []doc.Event{
			ev("d.txt", "They met.", "RUSGOV", "CHN", "04", "2012-06-05"),
			ev("d.txt", "They met.", "RUS", "CHNMIL", "04", "2012-06-05"),
			ev("d.txt", "They again met.", "RUS", "CHN", "04", ""),
			ev("d.txt", "They met.", "CHN", "RUS", "04", ""),
		}, 3, 1, 1, [2]int{1, 1}},
		{"no events", nil, 0, 0, 0, [2]int{0, 0}},
		{"other doc only", []doc.Event{ev("e.txt", "They met.", "RUS", "CHN", "04", "")}, 0, 0, 0, [2]int{0, 0}},
		{"doc matched without extension", []doc.Event{ev("d", "They met.", "RUS", "CHN", "04", "2012")}, 1, 0, 1, [2]int{0, 1}},
		{"headline and body line both align", []doc.Event{ev("d.txt", "Headline: they met.", "RUS", "CHN", "04", "2012-06")}, 1, 0, 1, [2]int{1, 1}},
		{"headline only", []doc.Event{ev("d.txt", "Headline.", "RUS", "CHN", "04", "2012-06")}, 0, 0, 0, [2]int{0, 0}},
		// The first match is on the undated line 2; the group's date is
		// then that of its first dated event, 2012-06.
		{"undated member matched first", []doc.Event{ev("d.txt", "They again met.", "RUS", "CHN", "04", "2011")}, 1, 0, 1, [2]int{0, 1}},
		{"wrong root", []doc.Event{ev("d.txt", "They met.", "RUS", "CHN", "05", "")}, 0, 1, 0, [2]int{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Score(g, tt.events).Overall
			if o.TP != tt.tp || o.FP != tt.fp || !near(o.Recall, tt.recall) || o.DatedRight != tt.dated[0] || o.Dated != tt.dated[1] {
				t.Errorf("got TP %d FP %d recall %v dates %d/%d; want TP %d FP %d recall %v dates %d/%d",
					o.TP, o.FP, o.Recall, o.DatedRight, o.Dated, tt.tp, tt.fp, tt.recall, tt.dated[0], tt.dated[1])
			}
			if tt.tp+tt.fp > 0 && !near(o.Precision, float64(tt.tp)/float64(tt.tp+tt.fp)) {
				t.Errorf("precision %v", o.Precision)
			}
			if tt.tp+tt.fp == 0 && o.Precision != 0 {
				t.Errorf("precision %v with no events, want 0", o.Precision)
			}
		})
	}
}

func TestAccepts(t *testing.T) {
	ge := GoldEvent{Src: []string{"RUS", "CHN"}, Tgt: []string{"IGO"}, Root: []string{"11", "12"}}
	pair := GoldEvent{Src: []string{"RUS"}, Tgt: []string{"CHN"}, Root: []string{"04"}, Pair: true}
	tests := []struct {
		name string
		ge   GoldEvent
		src  string
		tgt  string // "" means no target
		code string
		root string
		want bool
	}{
		{"forward", ge, "CHNGOV", "IGOUNO", "122", "12", true},
		{"second source", ge, "RUS", "IGO", "111", "11", true},
		{"reversed, no pair", ge, "IGOUNO", "CHN", "122", "12", false},
		{"wrong root", ge, "CHN", "IGO", "042", "04", false},
		{"no target", ge, "CHN", "", "122", "12", false},
		{"lower case codes", ge, "chn", "igo", "122", "12", true},
		{"root from cameo", ge, "CHN", "IGO", "1212", "", true},
		{"pair forward", pair, "RUS", "CHN", "042", "04", true},
		{"pair reversed", pair, "CHNGOV", "RUSGOV", "042", "04", true},
		{"pair wrong", pair, "CHN", "USA", "042", "04", false},
		{"empty source", pair, "", "CHN", "042", "04", false},
	}
	for _, tt := range tests {
		e := doc.Event{Source: doc.Actor{Code: tt.src}, CAMEO: tt.code, Root: tt.root}
		if tt.tgt != "" {
			e.Target = &doc.Actor{Code: tt.tgt}
		}
		if got := tt.ge.Accepts(e); got != tt.want {
			t.Errorf("%s: Accepts = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestReportWrite(t *testing.T) {
	g, events := loadTestdata(t)
	var b bytes.Buffer
	if err := Score(g, events).Write(&b); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("report differs from %s (run with -update to accept):\n%s", golden, b.String())
	}
	for _, s := range []string{"overall", "0.556", "signed a memorandum", "Beijing welcomed its guests.", "CHNGOV→-"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q", s)
		}
	}
}

func TestLoadGoldErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"bad JSON", `{"doc":"a.txt","evidence":"x","events":[]}` + "\n\n" + `{"doc": "a.txt", "evidence": ` + "\n", "bad.gold.jsonl:3"},
		{"no doc", `{"evidence":"x","events":[]}`, "bad.gold.jsonl:1: no doc"},
		{"no evidence", `{"doc":"a.txt","evidence":"  ","events":[]}`, "bad.gold.jsonl:1: no evidence"},
		{"wrong type", `{"doc":"a.txt","evidence":"x","events":[{"src":"RUS"}]}`, "bad.gold.jsonl:1"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "bad.gold.jsonl"), []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadGold(dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %q", tt.name, err, tt.want)
		}
	}
	if _, err := LoadGold(t.TempDir()); err == nil {
		t.Error("LoadGold of an empty folder: no error")
	}
}

func TestLoadGoldPositions(t *testing.T) {
	g, _ := loadTestdata(t)
	// a.gold.jsonl has a blank line 5: the ignore line is line 6.
	l := g.Lines[4]
	if !l.Ignore || l.N != 6 || filepath.Base(l.File) != "a.gold.jsonl" || l.Evidence != "russia–china unity on syria" {
		t.Errorf("line 5 of the gold = %+v", l)
	}
	if e := g.Lines[1].Events[0]; !e.Pair || !e.Req || e.Grp != "talks" || e.Date != "2012-06" {
		t.Errorf("talks event = %+v", e)
	}
}

func TestReadEvents(t *testing.T) {
	good := `{"doc":"a.txt","cameo":"042","source":{"text":"x","code":"RUS"}}` + "\n\n" + `{"doc":"b.txt","cameo":"190"}`
	events, err := ReadEvents(strings.NewReader(good))
	if err != nil || len(events) != 2 || events[0].Source.Code != "RUS" || events[1].CAMEO != "190" || events[1].Target != nil {
		t.Errorf("ReadEvents = %+v, %v", events, err)
	}
	_, err = ReadEvents(strings.NewReader(good + "\n{\"doc\": 3}\n"))
	if err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("error %v, want one naming line 4", err)
	}
}

func TestLoadSharedGold(t *testing.T) {
	g, err := LoadGold(sharedtest.Path(t, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Lines) != 86 {
		t.Errorf("%d gold lines, want 86", len(g.Lines))
	}
	r := Score(g, nil)
	want := map[string]int{
		"000_eecfe78c2f3309df.txt": 6,
		"001_7cf3c6871154cef4.txt": 9,
		"003_ae4786eea793bbaf.txt": 7,
	}
	if len(r.Docs) != len(want) {
		t.Errorf("%d docs, want %d", len(r.Docs), len(want))
	}
	for _, d := range r.Docs {
		if d.Groups != want[d.Doc] || d.Recalled != 0 || d.TP+d.FP != 0 {
			t.Errorf("%s: %d required groups (want %d), scores %+v", d.Doc, d.Groups, want[d.Doc], d.Scores)
		}
	}
	if r.Overall.Groups != 22 || len(r.Misses) != 22 {
		t.Errorf("overall %d groups, %d misses; want 22 and 22", r.Overall.Groups, len(r.Misses))
	}
}

func BenchmarkScore(b *testing.B) {
	g, err := LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "events.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	events, err := ReadEvents(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Score(g, events)
	}
}

// TestThresholds checks that each confidence threshold scores only the
// events at or above it: with the false positives made unsure, precision
// rises with the threshold and recall stays.
func TestThresholds(t *testing.T) {
	g, events := loadTestdata(t)
	all := Score(g, events)
	for i := range events {
		events[i].Confidence = 0.95
	}
	for _, fp := range all.FalsePositives {
		for i := range events {
			if events[i].Sentence == fp.Sentence && events[i].Source.Code == fp.Source && events[i].CAMEO == fp.CAMEO {
				events[i].Confidence = 0.4
			}
		}
	}
	r := Score(g, events)
	if len(r.Thresholds) != len(ConfidenceThresholds) {
		t.Fatalf("%d thresholds, want %d", len(r.Thresholds), len(ConfidenceThresholds))
	}
	low, high := r.Thresholds[0], r.Thresholds[1] // >= 0.3, >= 0.5
	if low.Events != len(events) || low.TP != all.Overall.TP || low.FP != all.Overall.FP {
		t.Errorf(">= 0.3: %d events, %d TP, %d FP; want all %d, %d, %d", low.Events, low.TP, low.FP, len(events), all.Overall.TP, all.Overall.FP)
	}
	if high.FP != 0 || high.Recall != all.Overall.Recall || high.TP != all.Overall.TP {
		t.Errorf(">= 0.5: %d TP, %d FP, recall %.3f; want %d TP, no FP, recall %.3f", high.TP, high.FP, high.Recall, all.Overall.TP, all.Overall.Recall)
	}
}

func TestOddID(t *testing.T) {
	for id, want := range map[string]bool{
		"PLOVER-GSR01-AGREE-0013": true, "PLOVER-GSR01-AGREE-0014": false,
		"PLOVER-GSR01-FIGHT-0001": true, "no-number": false, "": false,
	} {
		if got := odd(id); got != want {
			t.Errorf("odd(%q) = %v, want %v", id, got, want)
		}
	}
}
