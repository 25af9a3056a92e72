package timex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
)

func mustISO(tb testing.TB, s string) Date {
	tb.Helper()
	if s == "" {
		return Date{}
	}
	d, ok := ParseISO(s)
	if !ok {
		tb.Fatalf("bad test date %q", s)
	}
	return d
}

// describe renders expressions as "Text=date/kind", with "+name" for names.
func describe(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s=%s/%s", e.Text, e.Date, e.Kind)
		if e.Name {
			parts[i] += "+name"
		}
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		ref, sentence, want string
	}{
		// Absolute dates, year from the text or from ref.
		{"2012-06-07", "Putin arrived in Beijing on June 5 for a three-day visit.", "June 5=2012-06-05/absolute"},
		{"2012-06-07", "The deal was signed on June 5, 2012 in Beijing.", "June 5, 2012=2012-06-05/absolute"},
		{"2012-06-07", "The deal was signed on 5 June 2012.", "5 June 2012=2012-06-05/absolute"},
		{"2012-06-07", "They met on the 5th of June.", "5th of June=2012-06-05/absolute"},
		{"2012-06-07", "They met on June 5th.", "June 5th=2012-06-05/absolute"},
		{"2017-05-10", "The forum will be held on May 14-15.", "May 14-15=2017-05-14/range"},
		{"2017-05-10", "The forum was held on May 14–15, 2017.", "May 14–15, 2017=2017-05-14/range"},
		{"2017-05-10", "the announcement on May 8, 2015 in Moscow", "May 8, 2015=2015-05-08/absolute"},
		{"2017-05-10", "The deal was announced on Sept. 3, 2015.", "Sept. 3, 2015=2015-09-03/absolute"},
		{"2017-05-10", "In November 2016, they held a meeting.", "November 2016=2016-11/absolute"},
		{"2012-06", "an article dated February 2012", "February 2012=2012-02/absolute"},
		{"2012-06", "in the summer of 2011", "summer of 2011=2011/fuzzy"},
		{"2012-06", "in June of 2011", "June of 2011=2011-06/absolute"},
		{"2017-05-10", "In April, trade grew.", "April=2017-04/absolute"},
		{"2014-04", "Putin's official visit to China in May", "May=2014-05/absolute"},
		{"2014-04", "talks held in September", "September=2013-09/absolute"},
		{"2012-06-07", "The talks were held 2012-06-05 in Beijing.", "2012-06-05=2012-06-05/absolute"},
		{"2012-06-07", "Officials said on Wednesday, June 6, that talks ended.", "Wednesday, June 6=2012-06-06/absolute"},
		{"2020-05-27", "Wednesday May 27, 2020", "Wednesday May 27, 2020=2020-05-27/absolute"},
		// Years.
		{"2014-04", "the agreement could be concluded some time in 2014", "2014=2014/absolute"},
		{"2012-06-07", "stalled since 2006 in a dispute", "2006=2006/absolute"},
		{"2014-04", "arms sales sometime in 2014-15;", "2014-15=2014/range"},
		{"2014-04", "between 2011 and 2013", "2011=2011/absolute; 2013=2013/absolute"},
		{"2014-04", "the 2008 agreement on the border", "2008=2008/absolute"},
		{"2017-05-10", "a decision made in mid-2016", "mid-2016=2016/fuzzy"},
		{"2017-05-10", "talks planned for mid-July", "mid-July=2017-07/fuzzy"},
		{"2017-05-10", "talks held in mid-July 2016", "mid-July 2016=2016-07/fuzzy"},
		{"2017-05-10", "talks held in mid 2016", "mid 2016=2016/fuzzy"},
		{"2017-05-10", "a mid-range missile", ""},
		{"2017-05-10", "a visit to Russia in early July", "early July=2017-07/fuzzy"},
		{"2017-05-10", "by the end of 2018", "end of 2018=2018/fuzzy"},
		{"2017-05-10", "in late 2015", "late 2015=2015/fuzzy"},
		{"2014-04", "such as Joint Sea 2013 and Peace Mission 2013.", "2013=2013/fuzzy+name; 2013=2013/fuzzy+name"},
		{"2014-04", "exercises, namely, RIMPAC 2012.", "2012=2012/fuzzy+name"},
		{"2018-09", "the Vostok-2018 drills", "2018=2018/fuzzy+name"},
		// Relative to ref.
		{"2011-10-17", "Putin's visit to Beijing last week.", "last week=2011-10-10/relative"},
		{"2012-06", "Putin's visit to Beijing last week.", "last week=2012-06/relative"},
		{"2012-06-07", "the summit this week", "this week=2012-06/relative"},
		{"2012-06-07", "Hu said yesterday that", "yesterday=2012-06-06/relative"},
		{"2012-06-07", "China protested today", "today=2012-06-07/relative"},
		{"2012-06-07", "Lavrov met Yang on Monday.", "Monday=2012-06-04/relative"},
		{"2012-06-07", "The talks ended last Thursday.", "last Thursday=2012-05-31/relative"},
		{"2012-06-07", "They will meet next Thursday.", "next Thursday=2012-06-14/relative"},
		{"2012-06-07", "drills this year", "this year=2012/relative"},
		{"2012-06-07", "a rise last year", "last year=2011/relative"},
		{"2012-06-07", "talks next month", "next month=2012-07/relative"},
		{"2012-01-15", "signed last month", "last month=2011-12/relative"},
		{"2012-06-07", "signed this month", "this month=2012-06/relative"},
		{"2012-06-07", "Two years ago, they signed", "Two years ago=2010/relative"},
		{"2012-06-07", "talks three days ago", "three days ago=2012-06-04/relative"},
		{"2012-06-07", "talks in the last year", ""},
		{"2012-06-07", "the talks last July", "last July=2011-07/relative"},
		// Not dates.
		{"2012-06", "Lavrov met Yang on Monday.", ""},
		{"2017-05-10", "In the coming days, another meeting will be held.", ""},
		{"2014-04", "joint exercises over the past 18 months", ""},
		{"2012-06-07", "to increase bilateral trade to $100 billion", ""},
		{"2014-04", "Russia sold arms worth $2013 million.", ""},
		{"2014-04", "The meeting started at 2:30 in the afternoon.", ""},
		{"2014-04", "involving 160,000 soldiers, 1,000 tanks", ""},
		{"2014-04", "Moscow deployed 2000 soldiers.", ""},
		{"2014-04", "reaching 31 million tonnes a year", ""},
		{"2014-04", "at the G-20, BRICS, and APEC summits", ""},
		{"2014-04", "at the 18th Party Congress", ""},
		{"2014-04", "relations since the 1990s", ""},
		{"2017-05-10", "emerging from the 2014 Strategic Partnership", ""},
		{"2017-05-10", "The 2014 Strategic Partnership, ratified shortly after", ""},
		{"2017-05-10", "Beijing may have confirmed agreements", ""},
		{"2017-05-10", "May saw a rise in trade.", ""},
		{"2014-04", "the sale of 24 Su-35s and 4 Lada-class submarines", ""},
		{"2014-04", "a 40-year gas supply agreement", ""},
		{"2014-04", "a 2000-strong force", ""},
		{"2014-04", "since Good Friday", ""},
		{"", "The talks were held on June 5 and last week.", ""},
		{"", "The talks were held in May 2011.", "May 2011=2011-05/absolute"},
	}
	for _, tt := range tests {
		ref := mustISO(t, tt.ref)
		if got := describe(Find(tt.sentence, nlp.Tokenize(tt.sentence), ref)); got != tt.want {
			t.Errorf("Find(%q, %s)\n got  %s\n want %s", tt.sentence, tt.ref, got, tt.want)
		}
	}
}

// TestFindOffsets checks Start/End against the sentence for a multi-byte text.
func TestFindOffsets(t *testing.T) {
	s := "Путин arrived on May 14–15, 2017, and left “yesterday”."
	es := Find(s, nlp.Tokenize(s), Date{2017, 5, 16})
	if len(es) != 2 {
		t.Fatalf("Find: got %s, want two expressions", describe(es))
	}
	for _, e := range es {
		if s[e.Start:e.End] != e.Text {
			t.Errorf("offsets [%d,%d] give %q, Text is %q", e.Start, e.End, s[e.Start:e.End], e.Text)
		}
	}
	if es[1].Text != "yesterday" || es[1].Date != (Date{2017, 5, 15}) {
		t.Errorf("second expression = %+v, want yesterday 2017-05-15", es[1])
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China.",
		"In November 2016, they held a meeting; on May 14–15, 2017 and mid-2016 and last week.",
		"2012-06-05 Joint Sea 2013 Vostok-2018 $2013 2:30 160,000 1990s 18th Sept. 3, 2015",
		"Wednesday, June 6 last Thursday three days ago the 5th of June 2014-15",
		"\xff\xfe May 3\x00 June 31, 2013 February 29 2013-02-29",
	} {
		f.Add(s, "2012-06-07")
	}
	f.Add("on Monday", "2012-06")
	f.Add("in April", "")
	f.Fuzz(func(t *testing.T, s, refText string) {
		ref, _ := ParseISO(refText)
		toks := nlp.Tokenize(s)
		prev := 0
		for _, e := range Find(s, toks, ref) {
			if e.Start < prev || e.End <= e.Start || e.End > len(s) {
				t.Fatalf("bad offsets [%d,%d] after %d in %q", e.Start, e.End, prev, s)
			}
			if s[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q != sentence[%d:%d] %q", e.Text, e.Start, e.End, s[e.Start:e.End])
			}
			if !e.Date.valid() {
				t.Fatalf("invalid date %#v for %q", e.Date, e.Text)
			}
			prev = e.End
		}
		for _, trig := range []int{-1, 0, len(toks) / 2, len(toks) - 1, len(toks)} {
			if d, ok := EventDate(s, toks, trig, ref); ok && !d.valid() {
				t.Fatalf("EventDate gave invalid %#v", d)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China, " +
		"during which he met with Chinese President Hu Jintao and attended the Shanghai Cooperation " +
		"Organization (SCO) summit meeting."
	ref := Date{2012, 6, 7}
	toks := nlp.Tokenize(s)
	for b.Loop() {
		Find(s, toks, ref)
	}
}
