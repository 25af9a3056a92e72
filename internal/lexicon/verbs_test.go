package lexicon

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

const verbsSample = `# a PETRARCH verb dictionary
&ARMS_
+GUN
+HEAVY_WEAPON_
&FORCE
+TROOP
+&ARMS_
<!-- a comment -->
---  SEND   [070]  ---
SEND {SENDS SENT SENDING}  # forms given
+CALL_OFF {+CALLS_OFF +CALLED_OFF} [:173]
WIRE_+TAP [---]
- * &FORCE (TO BORDER)        [154]   # synset, prepositional phrase
- POLICE * {ARMS SHIPMENT}    [042:043]
- * (BY/WITH SANCTIONS) $     [163]
- * (FROM ^) (WITH +)         [045]
- % &FORCE *                  [062:062]
- *_SPECIAL_CLAUSE            [1952] ; TABARI comment
- * STRIKE                    [---]

---  PLAIN ---
LOOK
- * (INTO CHARGES)            [090]
~ a (a b ATTACK) SAY = a b 015
`

func TestReadVerbsConstructs(t *testing.T) {
	got, errs := ReadVerbs("v.txt", strings.NewReader(verbsSample))
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	force := Term{"troop", "gun", "heavy weapon"}
	send := func(vp VerbPattern) VerbPattern {
		vp.Verb, vp.Forms, vp.Block = "send", []string{"sends", "sent", "sending"}, "SEND"
		return vp
	}
	call := func(vp VerbPattern) VerbPattern {
		vp.Verb, vp.Forms, vp.Block = "call", []string{"calls", "called"}, "SEND"
		vp.After = append([]Term{{"off"}}, vp.After...)
		if vp.Source.Side > 0 {
			vp.Source.Index++
		}
		if vp.Target.Side > 0 {
			vp.Target.Index++
		}
		return vp
	}
	tap := func(vp VerbPattern) VerbPattern {
		vp.Verb, vp.Block = "tap", "SEND"
		vp.Before = append(slices.Clone(vp.Before), Term{"wire"})
		return vp
	}
	pats := []VerbPattern{
		{Code: "154", After: []Term{force, {"to"}, {"border"}}, Line: 13},
		{Code: "042", Passive: "043", Before: []Term{{"police"}}, After: []Term{{"arms"}, {"shipment"}}, Line: 14},
		{Code: "163", After: []Term{{"by", "with"}, {"sanctions"}}, Source: Slot{1, 2}, Line: 15},
		{Code: "045", After: []Term{{"from"}, {"with"}}, Target: Slot{1, 2}, Line: 16},
		{Code: "062", Passive: "062", Before: []Term{force}, Compound: true, Line: 17},
		{Code: "195", After: []Term{{"special clause"}}, Line: 18},
	}
	want := []VerbPattern{
		send(VerbPattern{Code: "070", Line: 10}),
		call(VerbPattern{Passive: "173", Line: 11}),
	}
	for _, p := range pats {
		want = append(want, send(p), call(p), tap(p))
	}
	want = append(want, VerbPattern{Code: "090", Verb: "look", Block: "PLAIN",
		After: []Term{{"into"}, {"charges"}}, Line: 23})
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%+v", g)
		}
		t.Fatalf("%d patterns, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("pattern %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// Shared slices are clipped: appending never writes into another pattern.
	a := append(got[2].After, Term{"x"})
	_ = a
	if !reflect.DeepEqual(got[3].After[1:], []Term{force, {"to"}, {"border"}}) {
		t.Errorf("append to a pattern's After changed another's: %v", got[3].After)
	}
}

const verbsBad = `&OK
+FINE
+$BAD
+ORPHAN_OUTSIDE_ANY_SYNSET_IS_FINE_HERE
- * ORPHAN [010]
LONELY
---  A   [010]  ---
SAY
SAY MORE
SAY {SAID
- * (TO BORDER [154]
- * TO) BORDER [154]
- * {A (B} C) [154]
- * X [080!]
- * X
- X [010]
- * * X [010]
- * &NOPE [010]
- * X [345]
- * X [010] [020]
- * $ $ [010]
- * FINE [010]
&OK
+AGAIN
---  B   [99]  ---
`

func TestReadVerbsErrors(t *testing.T) {
	got, errs := ReadVerbs("CAMEO.2.0.txt", strings.NewReader(verbsBad))
	checkErrs(t, errs)
	want := []struct {
		line int
		kind error
		text string
	}{
		{3, ErrSyntax, "synset member"},
		{5, ErrSyntax, "pattern outside a verb block"},
		{6, ErrSyntax, "verb outside a verb block"},
		{9, ErrSyntax, "one verb"},
		{10, ErrSyntax, "{FORMS}"},
		{11, ErrSyntax, "unbalanced bracket"},
		{12, ErrSyntax, "unbalanced bracket"},
		{13, ErrSyntax, "( inside {"},
		{14, ErrCode, `"080!"`},
		{15, ErrCode, "without a [code]"},
		{16, ErrSyntax, "without *"},
		{17, ErrSyntax, "more than one *"},
		{18, ErrSyntax, "undefined synset &NOPE"},
		{19, ErrCode, `"345" is not in dyad's CAMEO table`},
		{20, ErrSyntax, "more than one [code]"},
		{21, ErrSyntax, "more than one $"},
		{23, ErrSyntax, "synset &OK already defined on line 1"},
		{25, ErrCode, `"99"`},
	}
	if len(errs) != len(want) {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("%d errors, want %d", len(errs), len(want))
	}
	for i, w := range want {
		var le *LineError
		errors.As(errs[i], &le)
		if le.Line != w.line || !errors.Is(errs[i], w.kind) || !strings.Contains(errs[i].Error(), w.text) {
			t.Errorf("error %d = %v, want line %d, %v, %q", i, errs[i], w.line, w.kind, w.text)
		}
	}
	if !strings.HasPrefix(errs[5].Error(), "CAMEO.2.0.txt:11: ") {
		t.Errorf("error %q does not start with file:line", errs[5])
	}
	// Reading went on past every bad line: SAY alone and SAY FINE.
	if len(got) != 2 || got[0].Line != 8 || got[1].Line != 22 || !reflect.DeepEqual(got[1].After, []Term{{"fine"}}) {
		t.Errorf("patterns = %+v", got)
	}
}

func TestReadVerbsCAMEO(t *testing.T) {
	path := sharedtest.Path(t, "data", "peers", "petrarch2", "CAMEO.2.0.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, errs := ReadVerbs("CAMEO.2.0.txt", f)
	checkErrs(t, errs)
	// The four malformed lines of the file: "VENTURE (WITH VISIT) VISIT)"
	// and "ATTACK (ON ^) ^)" close a bracket never opened, [080!] is no
	// code, and &DEMONSTRATION is defined nowhere.
	var lines []int
	for _, err := range errs {
		var le *LineError
		errors.As(err, &le)
		lines = append(lines, le.Line)
	}
	if !slices.Equal(lines, []int{2374, 5787, 7606, 8444}) {
		t.Errorf("errors on lines %v, want 2374 5787 7606 8444: %v", lines, errs)
	}
	verbs, codes, blocks, patternLines := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, p := range got {
		verbs[p.Verb], blocks[p.Block] = true, true
		if p.Code != "" {
			codes[p.Code] = true
		}
		if p.Passive != "" {
			codes[p.Passive] = true
		}
		if p.Code == "" && p.Passive == "" {
			t.Fatalf("pattern without a code: %+v", p)
		}
		if len(p.Before)+len(p.After) > 0 {
			patternLines[p.Line] = true
		}
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"patterns", len(got), 49531},
		{"verbs", len(verbs), 1606},
		{"blocks", len(blocks), 357},
		{"codes", len(codes), 240},
		{"pattern lines", len(patternLines), 4573},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	find := func(line int, verb string) *VerbPattern {
		for i := range got {
			if got[i].Line == line && got[i].Verb == verb {
				return &got[i]
			}
		}
		t.Errorf("no pattern of %q on line %d", verb, line)
		return nil
	}
	// ASK [020] on its own, and +ASK_FOR {+ASKED_FOR ...} [020].
	if p := find(914, "ask"); p != nil && (p.Code != "020" || p.Before != nil || p.After != nil) {
		t.Errorf("ASK alone = %+v", *p)
	}
	if p := find(913, "ask"); p != nil && (p.Code != "020" || !reflect.DeepEqual(p.After, []Term{{"for"}}) ||
		!slices.Equal(p.Forms, []string{"asked", "asking", "asks"})) {
		t.Errorf("ASK_FOR = %+v", *p)
	}
	// - * (TO) [042:043] of RUSH: visit actively, host passively.
	if p := find(718, "rush"); p != nil && (p.Code != "042" || p.Passive != "043" || !reflect.DeepEqual(p.After, []Term{{"to"}})) {
		t.Errorf("RUSH (TO) = %+v", *p)
	}
	// - * (BEFORE COURT) [:173] of APPEAR: an event only in the passive.
	if p := find(804, "appear"); p != nil && (p.Code != "" || p.Passive != "173") {
		t.Errorf("APPEAR (BEFORE COURT) = %+v", *p)
	}
	// - $ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045] of ACT.
	if p := find(2434, "act"); p != nil && (p.Code != "045" || p.Source != (Slot{-1, 0}) || p.Target != (Slot{1, 5}) ||
		!slices.Contains(p.After[1], "mediator") || !slices.Equal(p.After[4], []string{"with"})) {
		t.Errorf("ACT AS NEGOTIATOR = %+v", *p)
	}
	// - * &FIGHT_GAMES IN + [062:062] of START: the synset &FIGHT, then GAMES.
	if p := find(3887, "start"); p != nil && !slices.Contains(p.After[0], "war games") {
		t.Errorf("START &FIGHT_GAMES = %+v", *p)
	}
	// HACK's [176] (cyber attack, newer than dyad's table) falls back to 170.
	if p := find(2059, "hack"); p != nil && p.Code != "170" {
		t.Errorf("HACK INTO COMPUTER = %+v", *p)
	}
}

// The validation dictionaries use WEIS codes and test constructs; they
// are read to the end with their problems reported, and the patterns with
// CAMEO codes kept.
func TestReadVerbsValidation(t *testing.T) {
	for _, elem := range [][]string{
		{"data", "peers", "petrarch2", "PETR.Validate.verbs.txt"},
		{"data", "peers", "UniversalPetrarch", "PETR_Validate_verbs_2_02.txt"},
	} {
		path := sharedtest.Path(t, elem...)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, errs := ReadVerbs(elem[len(elem)-1], f)
		f.Close()
		checkErrs(t, errs)
		if len(got) < 500 {
			t.Errorf("%s: %d patterns, want at least 500", path, len(got))
		}
	}
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbsSample)
	f.Add(verbsBad)
	f.Add("&A\n+&B\n&B\n+&A\n--- X [010] ---\nX\n- * &A_&B/C_D [010]\n")
	f.Add("--- X\n+_+ {+} [0]\n- *_&_ [:]\n- ( * ) [---:---]\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, errs := ReadVerbs("fuzz.txt", strings.NewReader(in))
		checkErrs(t, errs)
		for _, p := range got {
			if p.Code == "" && p.Passive == "" || p.Verb == "" || p.Line < 1 {
				t.Fatalf("bad pattern %+v", p)
			}
			for _, side := range [][]Term{p.Before, p.After} {
				for _, term := range side {
					if len(term) == 0 || slices.Contains(term, "") {
						t.Fatalf("empty term in %+v", p)
					}
				}
			}
		}
	})
}
