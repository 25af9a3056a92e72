package actors

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/nlp"
)

// small is a hand-made lexicon, so these tests do not depend on the
// embedded defaults.
func small() *lexicon.Lexicon {
	return &lexicon.Lexicon{
		Actors: []*lexicon.Actor{
			{Name: "Russia", Kind: lexicon.Country, Code: "RUS", Names: []string{"Russia", "Moscow", "the Kremlin"}, Adjectives: []string{"Russian", "Russo-"}},
			{Name: "China", Kind: lexicon.Country, Code: "CHN", Names: []string{"China", "Beijing"}, Adjectives: []string{"Chinese", "Sino-"}},
			{Name: "Chad", Kind: lexicon.Country, Code: "TCD", Names: []string{"Chad"}},
			{Name: "Central Asia", Kind: lexicon.Country, Code: "CAS", Names: []string{"Central Asia"}},
			{Name: "Gazprom", Kind: lexicon.Org, Code: "RUSBUS", Names: []string{"Gazprom"}},
			{Name: "Vladimir Putin", Kind: lexicon.Person, Names: []string{"Vladimir Putin", "Putin"}, Roles: []lexicon.Role{
				{Code: "RUSGOV", Title: "president", From: "2000-05-07", To: "2008-05-07"},
				{Code: "RUSGOV", Title: "prime minister", From: "2008-05-08", To: "2012-05-07"},
				{Code: "RUSGOV", Title: "president", From: "2012-05-07"},
			}},
			{Name: "Hu Jintao", Kind: lexicon.Person, Names: []string{"Hu Jintao", "Hu"}, Roles: []lexicon.Role{
				{Code: "CHNGOV", Title: "president", From: "2003-03-15", To: "2013-03-14"},
			}},
		},
		Agents: []*lexicon.Agent{
			{Words: []string{"president", "presidents"}, Code: "GOV", Title: "president"},
			{Words: []string{"commerce minister"}, Code: "GOV", Title: "commerce minister"},
			{Words: []string{"military"}, Code: "MIL", Title: "military"},
			{Words: []string{"political analyst", "analyst"}, Code: "", Title: "analyst"},
		},
	}
}

func codes(m Mention) string {
	var cs []string
	for _, a := range m.Actors {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, "+")
}

func TestSentenceMentions(t *testing.T) {
	r := New(small())
	tests := []struct {
		text, date string
		want       []string // "text=CODES"
	}{
		{"Russian President Vladimir Putin arrived in Beijing.", "2012-06-05", []string{"Russian President Vladimir Putin=RUSGOV", "Beijing=CHN"}},
		{"China and Russia signed a deal.", "2012", []string{"China and Russia=CHN+RUS"}},
		{"Moscow and Beijing clinched contracts.", "2017", []string{"Moscow and Beijing=RUS+CHN"}},
		{"Presidents Putin and Hu pledged to boost ties.", "2012-06", []string{"Presidents Putin and Hu=RUSGOV+CHNGOV"}},
		{"Sino-Russian relations improved.", "2014", []string{"Sino-Russian=CHN+RUS"}},
		{"China-Russia relations improved.", "2014", []string{"China-Russia=CHN+RUS"}},
		{"Russia's Gazprom has been stalled.", "2012", []string{"Russia's Gazprom=RUSBUS"}},
		{"The Russian military is wary.", "2014", []string{"The Russian military=RUSMIL"}},
		{"Russian political analyst Sergey Sanakoyev said so.", "2017", []string{"Russian political analyst Sergey Sanakoyev=RUS"}},
		{"We had a fine day in Central Asia.", "2014", []string{"Central Asia=CAS"}},
		{"Hu Jintao spoke.", "2014-06-01", []string{"Hu Jintao=CHNELI"}},
		{"Putin visited Beijing.", "2011-10-10", []string{"Putin=RUSGOV", "Beijing=CHN"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.Sentence(tt.text, nlp.Tokenize(tt.text), tt.date) {
			if m.Kind == Named {
				got = append(got, m.Text+"="+codes(m))
			}
		}
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestPutinRoleByDate(t *testing.T) {
	r := New(small())
	for date, role := range map[string]string{"2011-10-10": "prime minister", "2012-06-05": "president"} {
		s := "Putin visited Beijing."
		ms := r.Sentence(s, nlp.Tokenize(s), date)
		if len(ms) == 0 || ms[0].Actors[0].Role != role || ms[0].Actors[0].Code != "RUSGOV" {
			t.Errorf("Putin on %s: got %+v, want RUSGOV %s", date, ms, role)
		}
	}
}

// TestAtRecodesReferences checks that Document's mentions, coded on the
// publication date, are coded on another date by At: names, and the
// references and repeated names that point back to them.
func TestAtRecodesReferences(t *testing.T) {
	r := New(small())
	d := &doc.Document{Published: "2014-01", Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
	for i, s := range []string{
		"Chinese President Hu Jintao met Vladimir Putin.",
		"He said Vladimir agreed.",
		"Putin-Hu talks ended.",
	} {
		d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
	}
	ms := r.Document(d)
	tests := []struct {
		sentence int
		text     string
		date     string
		want     string // code, role; several actors joined by " + "
	}{
		{0, "Chinese President Hu Jintao", "2014-01", "CHNELI "},
		{0, "Chinese President Hu Jintao", "2012-06", "CHNGOV president"},
		{0, "Chinese President Hu Jintao", "1990", "CHN "},
		{0, "Vladimir Putin", "2011-10-10", "RUSGOV prime minister"},
		{1, "He", "2014-01", "CHNELI "},
		{1, "He", "2012-06", "CHNGOV president"},
		{1, "Vladimir", "2014-01", "RUSGOV president"},
		{1, "Vladimir", "2011-10-10", "RUSGOV prime minister"},
		{2, "Putin-Hu", "2014-01", "RUSGOV  + CHNELI "},
		{2, "Putin-Hu", "1990", "RUS  + CHN "},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range ms[tt.sentence] {
			if m.Text == tt.text {
				for _, a := range m.At(tt.date).Actors {
					got = append(got, a.Code+" "+a.Role)
				}
			}
		}
		if g := strings.Join(got, " + "); g != tt.want {
			t.Errorf("%q in sentence %d on %s: got %q, want %q", tt.text, tt.sentence, tt.date, g, tt.want)
		}
	}
}

// TestDocumentReadsTokens checks that Document reads each sentence's
// tokens and never tokenizes again: a sentence without tokens has no
// mentions.
func TestDocumentReadsTokens(t *testing.T) {
	r := New(small())
	s := "Putin visited Beijing."
	d := &doc.Document{Published: "2012-06", Paragraphs: []doc.Paragraph{{Kind: doc.Body}}, Sentences: []doc.Sentence{{Text: s, Codable: true}}}
	if ms := r.Document(d); len(ms) != 1 || len(ms[0]) != 0 {
		t.Errorf("untokenized sentence: %+v, want no mentions", ms)
	}
	d.Sentences[0].Tokens = nlp.Tokenize(s)
	if ms := r.Document(d); len(ms) != 1 || len(ms[0]) != 2 {
		t.Errorf("tokenized sentence: %+v, want Putin and Beijing", ms)
	}
}

func TestDocumentReferences(t *testing.T) {
	r := New(small())
	sents := []string{
		"The Russian President, Vladimir Putin visited Beijing.",
		"Besides attending the summit he also met President Hu Jintao.",
		"Russia and China signed documents.",
		"By the end, seventeen documents were signed between the two neighbours.",
		"They held a meeting.",
	}
	d := &doc.Document{Published: "2012-06", Paragraphs: []doc.Paragraph{{Kind: doc.Body}}}
	for i, s := range sents {
		d.Sentences = append(d.Sentences, doc.Sentence{Index: i, Text: s, Codable: true, Tokens: nlp.Tokenize(s)})
	}
	got := r.Document(d)
	check := func(si int, text, want string) {
		t.Helper()
		for _, m := range got[si] {
			if m.Text == text {
				if codes(m) != want {
					t.Errorf("sentence %d %q resolved to %s, want %s", si, text, codes(m), want)
				}
				return
			}
		}
		t.Errorf("sentence %d: no mention %q in %+v", si, text, got[si])
	}
	check(0, "The Russian President, Vladimir Putin", "RUSGOV")
	check(1, "he", "RUSGOV")
	check(3, "the two neighbours", "RUS+CHN")
	check(4, "They", "RUS+CHN")
}
