package actors_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/nlp"
)

// named returns "text=CODES" for the named mentions of a sentence.
func named(ms []actors.Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Kind != actors.Named {
			continue
		}
		var cs []string
		for _, a := range m.Actors {
			cs = append(cs, a.Code)
		}
		out = append(out, m.Text+"="+strings.Join(cs, "+"))
	}
	return out
}

func TestDefaultLexiconMentions(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		name, text, date string
		want             []string
	}{
		{"acronyms in capitals", "The WHO said the US agreed.", "2020", []string{"The WHO=IGOUNOHLHWHO", "the US=USA"}},
		{"us is a pronoun", "Let us talk to them.", "2020", nil},
		{"Who starts a question", "Who will pay for it?", "2020", nil},
		{"ordinary words", "A turkey, a chad and the jordan almonds.", "2020", nil},
		{"capitalised names", "Turkey and Chad signed a pact.", "2020", []string{"Turkey and Chad=TUR+TCD"}},
		{"Indo-Pacific is a region", "Japan's Indo-Pacific strategy.", "2020", []string{"Japan=JPN"}},
		{"Indo-Pakistani is a pair", "Indo-Pakistani talks resumed.", "2020", []string{"Indo-Pakistani=IND+PAK"}},
		{"currency", "A US $3.5 billion deal.", "2012", nil},
		{"place hiding a state", "Patrols in the South China Sea grew.", "2016", nil},
		{"joint fund", "They launched a China-Russia Investment Fund.", "2012", []string{"China-Russia Investment Fund=CHNBUS+RUSBUS"}},
		{"ministry by form", "The Pakistani Ministry of Water Resources objected.", "2019", []string{"The Pakistani Ministry of Water Resources=PAKGOV"}},
		{"ministry head first", "The Ministry of Foreign Affairs of Pakistan objected.", "2019", []string{"The Ministry of Foreign Affairs of Pakistan=PAKGOV"}},
		{"central bank by form", "The Kazakh Central Bank cut rates.", "2019", []string{"The Kazakh Central Bank=KAZGOVBUS"}},
		{"owner of a foreign-named office", "Pakistan's Foreign Office protested.", "2019", []string{"Pakistan's Foreign Office=PAKGOV"}},
		{"title with a new name", "Chinese Commerce Minister Zhong Shan spoke.", "2017", []string{"Chinese Commerce Minister Zhong Shan=CHNGOV"}},
		{"firm title", "CNPC chairman Zhou Jiping signed.", "2014", []string{"CNPC chairman Zhou Jiping=CHNBUS"}},
		{"modifiers before a title", "Russia's state gas company Gazprom signed.", "2013", []string{"Russia's state gas company Gazprom=RUSBUS"}},
		{"abstract noun is not a body", "Russia's stated opposition to it.", "2016", []string{"Russia=RUS"}},
		{"leaders of", "The leaders of Britain, France and Germany met.", "2018", []string{"The leaders of Britain, France and Germany=GBRGOV+FRAGOV+DEUGOV"}},
		{"clauses are not a list", "Oil went through Kazakhstan, and Gazprom signed.", "2022", []string{"Kazakhstan=KAZ", "Gazprom=RUSBUS"}},
		{"firm pair", "the Rosneft-CNPC oil deal", "2014", []string{"the Rosneft-CNPC=RUSBUS+CHNBUS"}},
		{"same state twice", "the Soviet and Russian gas industry", "2014", []string{"the Soviet and Russian=RUS"}},
		{"former office holder", "Hu Jintao spoke.", "2014-06", []string{"Hu Jintao=CHNELI"}},
		{"former holder of state and EU offices", "Hans van den Broek spoke.", "2001", []string{"Hans van den Broek=NLDELI"}},
		{"in an EU office", "Hans van den Broek spoke.", "1995", []string{"Hans van den Broek=IGOEUREEC"}},
		{"office on the date", "Hu Jintao spoke.", "2012-06", []string{"Hu Jintao=CHNGOV"}},
		{"title placed in a capital", "Demonstrators in Baghdad blocked a road.", "2004", []string{"Demonstrators in Baghdad=IRQOPP"}},
		{"title placed in a state", "Rebels in the Ivory Coast blocked transport.", "2002", []string{"Rebels in the Ivory Coast=CIVREB"}},
		{"group based in a state", "A terror group based in Trinidad claims it.", "2002", []string{"terror group based in Trinidad=TTOUAF"}},
		{"troops abroad are not placed", "Troops in Afghanistan were attacked.", "2010", []string{"Afghanistan=AFG"}},
		{"settlers are not placed", "Settlers in the West Bank protested.", "2010", []string{"the West Bank=PSE"}},
		{"armed group by name", "Hezbollah guerrillas killed two.", "2000", []string{"Hezbollah guerrillas=LBNREB"}},
		{"armed group with owner", "Iraq's al-Qaeda frontman spoke.", "2004", []string{"Iraq's al-Qaeda=IMGMUSALQ"}},
		{"European Community", "European Community foreign ministers met.", "1991", []string{"European Community foreign ministers=IGOEUREEC"}},
		{"pro- names a stance", "The pro-Iranian Hizbollah group declared a ceasefire.", "2000", []string{"Hizbollah=LBNREB"}},
		{"anti- names a stance", "A prominent anti-Syria journalist was killed.", "2005", nil},
		{"a backer is no actor", "It fought the Syrian-backed Amal militia.", "1990", []string{"Amal militia=LBNREB"}},
		{"a maker is no actor", "They found Russian-made rockets.", "1990", nil},
		{"forces a state leads", "Vietnamese-led forces retook the village.", "1985", []string{"Vietnamese-led forces=VNMMIL"}},
		{"party inside a hyphenated modifier", "It will boycott Algeria's first multi-party elections.", "1991", []string{"Algeria=DZA"}},
		{"member of a state body", "A member of the Syrian parliament started a hunger strike.", "2001", []string{"member of the Syrian parliament=SYRLEG"}},
		{"member of an alliance is a state", "Turkey, a member of NATO, objected.", "2001", []string{"Turkey=TUR", "NATO=IGOWSTNAT"}},
		{"ethnic group placed in a state", "Up to 100 ethnic Albanians demonstrated in Serbia.", "1999", []string{"Albanians=SRBCVL", "Serbia=SRB"}},
		{"ethnic group with a role", "Ethnic Albanian guerrillas operating in Macedonia disarmed.", "2001", []string{"Albanian guerrillas=MKDREB", "Macedonia=MKD"}},
		{"ethnic group at home", "Ethnic Albanians demonstrated.", "1999", []string{"Albanians=ALB"}},
		{"people of a state", "The Albanians of southern Serbia demanded autonomy.", "2001", []string{"The Albanians=SRBCVL", "southern Serbia=SRB"}},
		{"people named alone", "The Albanians of Tirana agreed.", "2001", []string{"The Albanians=ALB", "Tirana=ALB"}},
		{"supporters of a person", "Supporters of former President Ahmed Ben Bella blocked roads.", "1990", []string{"Supporters of former President Ahmed Ben Bella=DZAELI"}},
		{"members of a described body", "Activists from the defeated Fatah Party staged rallies.", "2006", []string{"Activists from the defeated Fatah Party=PSEPTY"}},
		{"title of an unlisted place", "Druze inhabitants of the Syrian Golan Heights threatened a strike.", "1982", []string{"Druze inhabitants of the Syrian=SYRCVL"}},
		{"minister of a named portfolio", "Eritrean Information Minister Yemane Gebremeskel said so.", "2018", []string{"Eritrean Information Minister Yemane Gebremeskel=ERIGOV"}},
		{"a state's side", "The Chinese side objected.", "2015", []string{"The Chinese side=CHN"}},
		{"sides of a compound", "The Turkish and Greek sides agreed.", "1990", []string{"The Turkish and Greek sides=TUR+GRC"}},
		{"part of a state", "They retook a village in Western Cambodia.", "1985", []string{"Western Cambodia=KHM"}},
		{"suicide bombers are not aircraft", "Two Palestinian suicide bombers struck.", "2002", []string{"Palestinian suicide bombers=PSEREB"}},
	}
	for _, tt := range tests {
		got := named(r.Sentence(tt.text, nlp.Tokenize(tt.text), tt.date))
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// FuzzSentence checks that any input yields mentions with offsets in
// bounds whose text is the sentence's text at those offsets.
func FuzzSentence(f *testing.F) {
	for _, s := range []string{
		"Russian President Vladimir Putin arrived in Beijing.",
		"China-Russia Investment Fund", "the two sides", "Both", "US $3.5 billion",
		"Pakistan's Foreign Office", "The leaders of", "Ministry of", "Sino-", "’s", "—", "\xff",
		"For his part, Chinese President Xi Jinping plans",
	} {
		f.Add(s)
	}
	r := resolver(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := docOf(s)
		for i, ms := range r.Document(d) {
			for _, m := range ms {
				checkMention(t, d.Sentences[i].Text, m) // offsets are the sentence's
			}
		}
		for _, m := range r.Sentence(s, nlp.Tokenize(s), "2012-06") {
			checkMention(t, s, m)
		}
	})
}

func checkMention(t *testing.T, s string, m actors.Mention) {
	t.Helper()
	if m.Start < 0 || m.End > len(s) || m.Start > m.End {
		t.Fatalf("mention %+v out of bounds of %q", m, s)
	}
	if m.Text != s[m.Start:m.End] {
		t.Fatalf("mention text %q != sentence[%d:%d] %q", m.Text, m.Start, m.End, s[m.Start:m.End])
	}
	if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
		t.Fatalf("mention %q cuts a rune in %q", m.Text, s)
	}
	if m.First > m.Last {
		t.Fatalf("mention %+v: First > Last", m)
	}
}

func BenchmarkSentence(b *testing.B) {
	r := resolver(b)
	s := "On June 5, China’s sovereign wealth fund China Investment Corporation and its counterpart the Russian Direct Investment Fund signed a memorandum launching a China-Russia Investment Fund with a capital target of $2 to $4 billion USD."
	toks := nlp.Tokenize(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		r.Sentence(s, toks, "2012-06-07")
	}
}
