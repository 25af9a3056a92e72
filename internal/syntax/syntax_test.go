package syntax

import (
	"bytes"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

func TestRuleFor(t *testing.T) {
	for _, c := range []struct {
		form, lemma, want string
		rule              lemmaRule
	}{
		{"studies", "study", "study", lemmaRule{lower: true, cut: 3, add: "y"}},
		{"signed", "sign", "sign", lemmaRule{lower: true, cut: 2}},
		{"went", "go", "go", lemmaRule{lower: true, cut: 4, add: "go"}},
		{"i", "I", "I", lemmaRule{cut: 1, add: "I"}},
		{"The", "the", "the", lemmaRule{lower: true}},
		{"Talks", "talk", "talk", lemmaRule{lower: true, cut: 1}},
		{"Beijing", "Beijing", "Beijing", lemmaRule{}},
		{"naïve", "naïf", "naïf", lemmaRule{lower: true, cut: 2, add: "f"}},
	} {
		r := ruleFor(c.form, c.lemma)
		if r != c.rule || r.apply(c.form) != c.want {
			t.Errorf("ruleFor(%q, %q) = %+v giving %q, want %+v giving %q", c.form, c.lemma, r, r.apply(c.form), c.rule, c.want)
		}
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{
		"Beijing": "Xxx", "U.S.": "X.X.", "1,500": "d,dd", "NATO": "XX", "e-mail": "x-xx", "": "",
	} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTable(t *testing.T) {
	var tab table
	for k := uint64(1); k <= 5000; k++ {
		if r, fresh := tab.insert(k*0x9E3779B97F4A7C15|1, int32(k)); !fresh || r != int32(k) {
			t.Fatalf("insert %d: row %d, fresh %v", k, r, fresh)
		}
	}
	for k := uint64(1); k <= 5000; k++ {
		if r, ok := tab.find(k*0x9E3779B97F4A7C15 | 1); !ok || r != int32(k) {
			t.Fatalf("find %d: row %d, %v", k, r, ok)
		}
	}
	if _, ok := tab.find(12345678); ok {
		t.Error("found a key never inserted")
	}
}

// TestPerceptron learns a separable problem and checks that freezing
// keeps its decisions.
func TestPerceptron(t *testing.T) {
	// Templates over small atoms must not collide: feat(1, 1) once equalled
	// feat(2, 0).
	seen := map[uint64][3]int{}
	for tpl := range 400 {
		for a := range 300 {
			k := feat(tpl, uint64(a), 0, 0)
			if prev, ok := seen[k]; ok {
				t.Fatalf("feat(%d, %d) = feat(%d, %d)", tpl, a, prev[0], prev[1])
			}
			seen[k] = [3]int{tpl, a}
		}
	}
	p := newPerceptron(3)
	examples := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{feat(1, 1, 0, 0), feat(2, 0, 0, 0)}, 0},
		{[]uint64{feat(1, 2, 0, 0), feat(2, 0, 0, 0)}, 1},
		{[]uint64{feat(1, 3, 0, 0), feat(2, 0, 0, 0)}, 2},
	}
	scores := make([]float32, 3)
	for range 5 {
		for _, ex := range examples {
			clear(scores)
			p.score(ex.feats, scores)
			p.update(ex.feats, ex.class, argmax(scores, nil))
			p.tick()
		}
	}
	w := p.average(0)
	for _, ex := range examples {
		clear(scores)
		w.score(ex.feats, scores)
		if got := argmax(scores, nil); got != ex.class {
			t.Errorf("frozen weights give class %d for %v, want %d", got, ex.feats, ex.class)
		}
	}
}

// TestTrainSmall trains a small model twice, checks that the two are
// byte for byte the same, that a model survives writing and loading, and
// that its parses are trees.
func TestTrainSmall(t *testing.T) {
	train, err := conllu.ReadFile(sharedtest.Path(t, "data", "ud", "en_ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.ReadFile(sharedtest.Path(t, "data", "ud", "en_ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	opt := TrainOptions{TagEpochs: 2, ParseEpochs: 2, Folds: 2, Seed: 7}
	model := func() []byte {
		m, err := Train(train[:400], dev[:100], opt)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := model(), model()
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings with the same data and seed differ (%d and %d bytes)", len(a), len(b))
	}
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := m.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again.Bytes()) {
		t.Error("a loaded model writes different bytes")
	}
	for _, s := range dev[100:200] {
		toks := Words(s)
		m.Analyze(toks)
		if err := check(toks); err != nil {
			t.Errorf("%s: %v", s.ID(), err)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": Embedded[:len(Embedded)/2],
	} {
		if _, err := Load(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}

// TestEmbedded checks the embedded model: its size, and that it lemmatizes
// and tags plain news English.
func TestEmbedded(t *testing.T) {
	if len(Embedded) > 20<<20 {
		t.Errorf("model file is %d bytes, over 20 MB", len(Embedded))
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ form, xpos, lemma string }{
		{"signed", "VBD", "sign"}, {"talks", "NNS", "talk"}, {"studies", "NNS", "study"},
		{"went", "VBD", "go"}, {"was", "VBD", "be"}, {"Beijing", "NNP", "Beijing"},
		{"sanctions", "NNS", "sanction"}, {"better", "JJR", "good"}, {"n't", "RB", "not"},
		{"imposed", "VBN", "impose"}, {"countries", "NNS", "country"}, {"The", "DT", "the"},
	} {
		if got := m.lemmas.lemma(c.form, c.xpos); got != c.lemma {
			t.Errorf("lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.lemma)
		}
	}
	toks := []doc.Token{{Text: "Russia"}, {Text: "imposed"}, {Text: "sanctions"}, {Text: "on"}, {Text: "Turkey"}, {Text: "."}}
	m.Analyze(toks)
	if err := check(toks); err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, tk := range toks {
		got += tk.Text + "/" + tk.XPOS + "/" + tk.Rel + " "
	}
	want := "Russia/NNP/nsubj imposed/VBD/root sanctions/NNS/obj on/IN/case Turkey/NNP/obl ././punct "
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
