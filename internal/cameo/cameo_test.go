package cameo

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

func TestLookupKnownCodes(t *testing.T) {
	tests := []struct {
		code      string
		name      string
		root      string
		goldstein float64
		quad      int
		plover    string
	}{
		{"042", "Make a visit", "04", 1.9, 1, "CONSULT"},
		{"190", "Use conventional military force", "19", -10, 4, "ASSAULT"},
		{"0311", "Express intent to cooperate economically", "03", 5.2, 1, "AGREE"},
		{"016", "Deny responsibility", "01", -5, 1, ""}, // Phoenix has +3.4 here
		{"163", "Impose embargo, boycott, or sanctions", "16", -8, 4, "COERCE"},
		{"057", "Sign formal agreement", "05", 8, 1, "SUPPORT"},
		{"1823", "Kill by physical assault", "18", -10, 4, "ASSAULT"},
		{"0234", "Appeal for military protection or peacekeeping", "02", 3.4, 1, "REQUEST"},
		{"116", "Find guilty or liable (legally)", "11", -2, 3, "ACCUSE"},
		{"19", "FIGHT", "19", -10, 4, "ASSAULT"},
		{"01", "MAKE PUBLIC STATEMENT", "01", 0, 1, ""},
		{"08", "YIELD", "08", 5, 2, "CONCEDE"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
			continue
		}
		if c.Code != tt.code || c.Name != tt.name || c.Root != tt.root || c.Goldstein != tt.goldstein || c.Quad != tt.quad || c.PLOVER != tt.plover {
			t.Errorf("Lookup(%q) = %+v, want name %q root %s goldstein %v quad %d plover %q",
				tt.code, c, tt.name, tt.root, tt.goldstein, tt.quad, tt.plover)
		}
	}
}

func TestLookupPLOVERModeContext(t *testing.T) {
	c, _ := Lookup("042")
	if c.PLOVERMode != "visit" || c.PLOVERContext != "" {
		t.Errorf("042 mode/context = %q/%q, want visit/\"\"", c.PLOVERMode, c.PLOVERContext)
	}
	c, _ = Lookup("1124")
	if c.PLOVERMode != "allege" || c.PLOVERContext != "military; legal" {
		t.Errorf("1124 mode/context = %q/%q, want allege/\"military; legal\"", c.PLOVERMode, c.PLOVERContext)
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, code := range []string{"", "42", "4", "000", "21", "999", "0420", " 042", "abc"} {
		if c, ok := Lookup(code); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", code, c)
		}
	}
}

func TestRoot(t *testing.T) {
	tests := map[string]string{"042": "04", "0311": "03", "19": "19", "2042": "20", "1": "", "": ""}
	for in, want := range tests {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuad(t *testing.T) {
	tests := map[string]int{
		"01": 1, "010": 1, "042": 1, "0599": 1,
		"06": 2, "073": 2, "0874": 2,
		"09": 3, "112": 3, "1385": 3,
		"14": 4, "163": 4, "190": 4, "2042": 4,
		"00": 0, "21": 0, "99": 0, "x1": 0, "1": 0, "": 0, "1a": 0,
	}
	for in, want := range tests {
		if got := Quad(in); got != want {
			t.Errorf("Quad(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, part := range []string{"cameo=1.1b3", "goldstein=icews", "plover=0.8"} {
		if !strings.Contains(Version, part) {
			t.Errorf("Version %q lacks %q", Version, part)
		}
	}
}

// plover08 are the event types of the CAMEO→PLOVER table (draft 0.8).
var plover08 = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "COOPERATE": true, "AID": true,
	"CONCEDE": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true,
	"THREATEN": true, "PROTEST": true, "MOBILIZE": true, "SANCTION": true, "COERCE": true,
	"ASSAULT": true,
}

func TestTableConsistent(t *testing.T) {
	all := Names()
	if len(all) != 312 {
		t.Errorf("Names() has %d codes, want the codebook's 312", len(all))
	}
	roots := 0
	for i, c := range all {
		if i > 0 && all[i-1].Code >= c.Code {
			t.Errorf("Names() not sorted: %s before %s", all[i-1].Code, c.Code)
		}
		if !regexp.MustCompile(`^[0-9]{2,4}$`).MatchString(c.Code) {
			t.Errorf("%s: malformed code", c.Code)
		}
		if c.Root != Root(c.Code) {
			t.Errorf("%s: root %q, want %q", c.Code, c.Root, Root(c.Code))
		}
		if len(c.Code) == 2 {
			roots++
		}
		r, ok := Lookup(c.Root)
		if !ok {
			t.Errorf("%s: root %s not in table", c.Code, c.Root)
		}
		if c.Quad == 0 || c.Quad != Quad(c.Code) || c.Quad != r.Quad {
			t.Errorf("%s: quad %d, Quad() %d, root's %d", c.Code, c.Quad, Quad(c.Code), r.Quad)
		}
		if c.Name == "" {
			t.Errorf("%s: no name", c.Code)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: goldstein %v outside [-10,10]", c.Code, c.Goldstein)
		}
		switch {
		case c.Root == "01" && c.PLOVER != "":
			t.Errorf("%s: statements have no PLOVER type, got %q", c.Code, c.PLOVER)
		case c.Root != "01" && !plover08[c.PLOVER]:
			t.Errorf("%s: PLOVER type %q is not a PLOVER 0.8 type", c.Code, c.PLOVER)
		}
	}
	if roots != 20 {
		t.Errorf("%d roots, want 20", roots)
	}
}

func TestNamesIsACopy(t *testing.T) {
	a := Names()
	a[0].Name = "changed"
	if b := Names(); b[0].Name == "changed" {
		t.Error("Names() shares its slice with the table")
	}
}

func TestCodebookResolves(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "data", "peers", "icews-R", "cameo-codes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	n := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		code := rec[col["code"]]
		c, ok := Lookup(code)
		if !ok {
			t.Errorf("codebook code %s does not resolve", code)
			continue
		}
		g, _ := strconv.ParseFloat(rec[col["goldstein"]], 64)
		if c.Goldstein != g || c.Root != rec[col["root_code"]] || !strings.EqualFold(c.Name, rec[col["name"]]) {
			t.Errorf("%s: table %+v, codebook goldstein %v root %s name %q", code, c, g, rec[col["root_code"]], rec[col["name"]])
		}
	}
	if n != 312 {
		t.Errorf("codebook has %d codes, want 312", n)
	}
	for i := 1; i <= 20; i++ {
		root := strconv.Itoa(100 + i)[1:]
		if c, ok := Lookup(root); !ok || c.Quad == 0 {
			t.Errorf("root %s: %+v, %v", root, c, ok)
		}
	}
}

// TestPLOVERAgreesWithSource checks every code the 2021 conversion table
// lists against the embedded table.
func TestPLOVERAgreesWithSource(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "data", "peers", "PLOVER", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := regexp.MustCompile(`^([0-9]{3,4}):\s*([A-Z]+)\s*,`)
	sc := bufio.NewScanner(f)
	checked := 0
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		c, ok := Lookup(m[1])
		if !ok {
			continue // 1214 is in the PLOVER table but not in the codebook
		}
		checked++
		if c.PLOVER != m[2] {
			t.Errorf("%s: PLOVER %q, source says %q", m[1], c.PLOVER, m[2])
		}
	}
	if checked < 250 {
		t.Errorf("only %d codes checked against the PLOVER table", checked)
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		if _, ok := Lookup("0311"); !ok {
			b.Fatal("0311 not found")
		}
	}
}

func TestClassOf(t *testing.T) {
	for _, c := range Names() {
		cl := ClassOf(c.Code)
		if _, ok := Lookup(cl.Intent); !ok {
			t.Errorf("ClassOf(%s).Intent = %q, not a code", c.Code, cl.Intent)
		}
	}
	tests := []struct {
		code string
		want Class
	}{
		{"042", Class{TwoParty: true, Intent: "036"}},
		{"046", Class{TwoParty: true, Intent: "036"}},
		{"0571", Class{TwoParty: true, Amounts: true, Intent: "030"}},
		{"051", Class{Amounts: true, Intent: "030", Forum: true}},
		{"0311", Class{Amounts: true, Intent: "0311"}},
		{"138", Class{Intent: "130", Inner: true}},
		{"129", Class{Intent: "130", Forum: true, Inner: true}},
		{"195", Class{Force: "violent", Intent: "130"}},
		{"154", Class{Force: "show", Intent: "130"}},
		{"163", Class{Amounts: true, Intent: "130"}},
		{"128", Class{Intent: "130", Forum: true, Inner: true, Breach: true}},
		{"196", Class{Force: "violent", Intent: "130", Breach: true}},
		{"1724", Class{Intent: "130", Home: true}},
		{"1721", Class{Intent: "130", Home: true}},
		{"0813", Class{Amounts: true, Intent: "035", Home: true}},
		{"172", Class{Intent: "130"}},
	}
	for _, tt := range tests {
		if got := ClassOf(tt.code); got != tt.want {
			t.Errorf("ClassOf(%s) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}
