package timex

import (
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/syntax"
)

var parser = sync.OnceValues(syntax.Default)

// parse returns the tokens of s, tagged and parsed by the embedded model.
func parse(tb testing.TB, s string) []doc.Token {
	tb.Helper()
	m, err := parser()
	if err != nil {
		tb.Fatalf("syntax model: %v", err)
	}
	toks := nlp.Tokenize(s)
	m.Analyze(toks)
	return toks
}

// storyCase is one Story check: the story's paragraphs are told in order,
// and the event whose trigger is the first occurrence of trigger in the
// last sentence is dated; want "" means no date (the caller uses ref).
type storyCase struct {
	name    string
	ref     string
	paras   [][]string
	trigger string
	want    string
}

var storyCases = []storyCase{
	{"same paragraph", "2008-08-13", [][]string{{
		"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia.",
		"Medvedev announced the decision in the Kremlin.",
	}}, "announced", "2008-08-12"},
	{"next paragraph", "2008-08-13", [][]string{
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"Medvedev announced the decision in the Kremlin."},
	}, "announced", "2008-08-12"},
	{"passive past", "2008-08-13", [][]string{
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"The decision was announced in the Kremlin."},
	}, "announced", "2008-08-12"},
	{"gerund under a past verb", "2008-08-13", [][]string{
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"Medvedev announced the decision shortly before receiving French President Nicolas Sarkozy."},
	}, "receiving", "2008-08-12"},
	{"own date first", "2008-08-13", [][]string{
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"Russian aircraft bombed the town of Gori on Monday."},
	}, "bombed", "2008-08-11"},
	{"back in time within a paragraph", "2016-01-04", [][]string{
		{"Saudi Arabia severed diplomatic relations with Iran on Sunday."},
		{"The attack came hours after Riyadh executed a prominent cleric on Saturday.", "Crowds in Tehran set fire to part of the embassy compound."},
	}, "set", "2016-01-02"},
	{"background paragraph does not carry", "2019-06-08", [][]string{
		{"Trump announced late on Friday that an agreement had been reached."},
		{"Trump first threatened the tariffs on May 30."},
		{"Trump and Lopez Obrador spoke by phone after the deal was sealed."},
	}, "spoke", "2019-06-07"},
	{"dateline parsed as the head", "2014-08-27", [][]string{
		{"GAZA CITY, August 27, 2014 — Israel and Palestinian factions led by Hamas agreed on Tuesday to an open-ended ceasefire."},
		{"The truce was announced by Egypt's foreign ministry."},
	}, "announced", "2014-08-26"},
	{"a dateline alone tells no time", "2008-08-13", [][]string{
		{"TBILISI, August 13, 2008 —"},
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"Medvedev announced the decision in the Kremlin."},
	}, "announced", "2008-08-12"},
	{"a reported clause does not date the telling", "2012-04-12", [][]string{
		{"South Sudan's President Salva Kiir said on Thursday he would not withdraw his troops from Heglig."},
		{"Kiir told parliament that Ban Ki-moon had telephoned him on Wednesday.", "Kiir then attacked the United Nations."},
	}, "attacked", "2012-04-12"},
	{"hours later", "2015-08-28", [][]string{{
		"President Juan Manuel Santos summoned Colombia's envoy home from Caracas on Thursday.",
		"Hours later, Venezuelan Foreign Minister Delcy Rodriguez said President Nicolas Maduro had ordered the ambassador back from Bogota.",
	}}, "ordered", "2015-08-27"},
	{"the same day", "2010-06-01", [][]string{{
		"Ankara withdrew its ambassador from Israel on Monday.",
		"Israel's ambassador has been summoned to the foreign ministry the same day.",
	}}, "summoned", "2010-05-31"},
	{"historical time carries", "2021-01-15", [][]string{{
		"The United States broke off diplomatic relations with Cuba in January 1961.",
		"Fidel Castro condemned the decision.",
	}}, "condemned", "1961-01"},
	{"present perfect is of the telling", "2008-08-13", [][]string{
		{"Russian President Dmitry Medvedev on Tuesday ordered a halt to military operations in Georgia."},
		{"Georgia has filed a case against Russia at the International Court of Justice."},
	}, "filed", ""},
	{"past perfect is before the time told", "2019-06-08", [][]string{
		{"Trump announced late on Friday that an agreement had been reached."},
		{"Ebrard had led three days of talks in Washington."},
	}, "led", ""},
	{"present", "2021-11-16", [][]string{
		{"Polish border forces fired water cannon on Tuesday."},
		{"The EU accuses Lukashenko of luring migrants to Belarus."},
	}, "accuses", ""},
	{"no time told yet", "2009-01-19", [][]string{{
		"Ukraine denied the charge.",
	}}, "denied", ""},
	{"future is dated when told", "2014-12-17", [][]string{
		{"Obama and Castro announced on Wednesday that their countries would restore relations."},
		{"Roberta Jacobson will lead a delegation to Havana in January."},
	}, "lead", ""},
	{"future reported in the past", "2008-08-13", [][]string{
		{"President George W. Bush demanded on Wednesday that Russia pull its forces back."},
		{"Bush said Secretary of State Condoleezza Rice would travel to France."},
	}, "travel", "2008-08-13"},
	{"future reported on a day", "2010-06-01", [][]string{{
		"Israel said on Monday that it would deport the activists in July.",
	}}, "deport", "2010-05-31"},
	{"future with the saying after it", "2015-11-26", [][]string{{
		"Russia will station its most advanced missiles at its air base in Syria, Defence Minister Sergei Shoigu said on Wednesday.",
	}}, "station", "2015-11-25"},
	{"future told in the present", "2015-11-26", [][]string{
		{"Shoigu inspected the air base on Wednesday."},
		{"Russia will station its most advanced missiles at its air base in Syria."},
	}, "station", ""},
	{"date after publication", "2012-06-07", [][]string{{
		"The summit is scheduled for July 5.",
	}}, "summit", ""},
	// 2016-03-21 is a Monday: the Tuesday a plan names is ahead.
	{"plan in the present", "2016-03-21", [][]string{{
		"On Tuesday Obama is scheduled to deliver a speech to the Cuban people at the Grand Theater of Havana and meet dissidents at the U.S. embassy.",
	}}, "deliver", ""},
	{"plan in the present, conjunct", "2016-03-21", [][]string{{
		"On Tuesday Obama is scheduled to deliver a speech to the Cuban people at the Grand Theater of Havana and meet dissidents at the U.S. embassy.",
	}}, "meet", ""},
	{"plan in the present, list", "2016-03-21", [][]string{{
		"On Tuesday Obama is scheduled to deliver a speech to the Cuban people at the Grand Theater of Havana, meet dissidents at the U.S. embassy and attend a baseball game between the Tampa Bay Rays and the Cuban national team before leaving for Argentina.",
	}}, "attend", ""},
	{"date before publication", "2012-06-07", [][]string{{
		"Putin arrived in Beijing on June 5.",
	}}, "arrived", "2012-06-05"},
}

func TestStory(t *testing.T) {
	for _, c := range storyCases {
		t.Run(c.name, func(t *testing.T) {
			st := NewStory(mustISO(t, c.ref))
			var told *Told
			var toks []doc.Token
			var last string
			for p, para := range c.paras {
				for _, s := range para {
					toks = parse(t, s)
					told = st.Sentence(p, s, toks)
					last = s
				}
			}
			at := strings.Index(last, c.trigger)
			if at < 0 {
				t.Fatalf("trigger %q not in %q", c.trigger, last)
			}
			got, ok := told.EventDate(tokenAt(toks, at))
			if ok != (c.want != "") || got.String() != c.want {
				t.Errorf("%q at %q (ref %s) = %q, %v; want %q", last, c.trigger, c.ref, got, ok, c.want)
			}
		})
	}
}

// TestStoryUnparsed: without a parse, a Story dates as EventDate does.
func TestStoryUnparsed(t *testing.T) {
	for _, c := range eventCases {
		ref := mustISO(t, c.ref)
		toks := nlp.Tokenize(c.sentence)
		trig := tokenAt(toks, triggerOffset(t, c))
		want, wok := EventDate(c.sentence, toks, trig, ref)
		if wok && want.after(ref) {
			want, wok = Date{}, false
		}
		got, ok := NewStory(ref).Sentence(0, c.sentence, toks).EventDate(trig)
		if got != want || ok != wok {
			t.Errorf("%q at %q: %q, %v; EventDate gives %q, %v", c.sentence, c.trigger, got, ok, want, wok)
		}
	}
}

func TestDateAfter(t *testing.T) {
	tests := []struct {
		d, ref string
		want   bool
	}{
		{"2014-05", "2014-04-30", true},
		{"2014-04-30", "2014-04", false},
		{"2014-05-01", "2014-04", true},
		{"2014", "2014-04-30", false},
		{"2015", "2014-12-31", true},
		{"2012-06-08", "2012-06-07", true},
		{"2012-06-07", "2012-06-07", false},
		{"2012-06", "2012-06-07", false},
		{"2020", "", false},
	}
	for _, tt := range tests {
		if got := mustISO(t, tt.d).after(mustISO(t, tt.ref)); got != tt.want {
			t.Errorf("%s after %s = %v, want %v", tt.d, tt.ref, got, tt.want)
		}
	}
}
