package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
)

// ev builds an event of document d, sentence i: source and target codes
// ("RUSGOV", "" for none), CAMEO code and date; precision is the date's
// unless it is "doc".
func ev(id, d string, i int, src, tgt, code, date string) doc.Event {
	e := doc.Event{ID: id, Doc: d, DocDate: date, SentenceIndex: i, Sentence: "sentence " + id,
		Source: actor(src), CAMEO: code, Root: code[:2], Date: date, Modality: doc.Asserted}
	switch len(date) {
	case 10:
		e.DatePrecision = doc.PrecisionDay
	case 7:
		e.DatePrecision = doc.PrecisionMonth
	case 4:
		e.DatePrecision = doc.PrecisionYear
	}
	if tgt != "" {
		a := actor(tgt)
		e.Target = &a
	}
	return e
}

func actor(code string) doc.Actor {
	a := doc.Actor{Code: code, Text: code}
	if !strings.HasPrefix(code, "IGO") {
		a.Country = code[:3]
	}
	return a
}

func withDoc(e doc.Event, docDate string) doc.Event {
	e.DatePrecision, e.DocDate = doc.PrecisionDoc, docDate
	return e
}

func at(e doc.Event, place, country, from string) doc.Event {
	e.Location = &doc.Location{Text: place, Country: country, From: from}
	return e
}

// groups returns Assign's clusters as sorted lists of event ids.
func groups(evs []doc.Event) []string {
	var out []string
	for _, c := range Assign(evs) {
		var ids []string
		for _, r := range c.Reports {
			ids = append(ids, r.Event)
		}
		slices.Sort(ids)
		out = append(out, strings.Join(ids, " "))
	}
	slices.Sort(out)
	return out
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name string
		evs  []doc.Event
		want []string
	}{
		{"a visit, its hosting and the meeting in it are one event",
			[]doc.Event{ev("a", "d1", 0, "RUSGOV", "CHN", "042", "2012-06-05"), ev("b", "d2", 3, "CHNGOV", "RUSGOV", "043", "2012-06-05"),
				ev("c", "d2", 4, "RUSGOV", "CHNGOV", "040", "2012-06-06")},
			[]string{"a b c"}},
		{"visits a year apart are two",
			[]doc.Event{ev("a", "d1", 0, "RUSGOV", "CHN", "042", "2012-06-05"), ev("b", "d2", 0, "RUSGOV", "CHN", "042", "2011-10-11")},
			[]string{"a", "b"}},
		{"days three apart are two; one apart is one",
			[]doc.Event{ev("a", "d1", 0, "RUS", "UKR", "190", "2014-08-01"), ev("b", "d2", 0, "RUS", "UKR", "190", "2014-08-04"),
				ev("c", "d3", 0, "RUS", "UKR", "190", "2014-08-02")},
			[]string{"a c", "b"}},
		{"a month-precise date joins a day in it",
			[]doc.Event{ev("a", "d1", 0, "RUS", "CHN", "057", "2012-06-05"), ev("b", "d2", 0, "CHN", "RUS", "057", "2012-06")},
			[]string{"a b"}},
		{"a publication date reaches back two weeks, not forward",
			[]doc.Event{ev("a", "d1", 0, "USA", "IRN", "172", "2018-05-08"), withDoc(ev("b", "d2", 0, "USA", "IRN", "172", "2018-05-20"), "2018-05-20"),
				withDoc(ev("c", "d3", 0, "USA", "IRN", "172", "2018-05-06"), "2018-05-06")},
			[]string{"a b", "c"}},
		{"other roots are other events, unless rules.txt joins them",
			[]doc.Event{ev("a", "d1", 0, "RUS", "CHN", "057", "2014-05-21"), ev("b", "d2", 0, "RUS", "CHN", "061", "2014-05-21"),
				ev("c", "d3", 0, "RUS", "CHN", "112", "2014-05-21")},
			[]string{"a b", "c"}},
		{"one-sided acts keep their direction",
			[]doc.Event{ev("a", "d1", 0, "CHN", "VNM", "100", "2014-05-18"), ev("b", "d2", 0, "VNM", "CHN", "100", "2014-05-18")},
			[]string{"a", "b"}},
		{"a government and a business of one country are other parties",
			[]doc.Event{ev("a", "d1", 0, "RUSBUS", "CHNBUS", "057", "2012-06-05"), ev("b", "d2", 0, "RUSBUS", "CHN", "057", "2012-06-05"),
				ev("c", "d3", 0, "RUSGOV", "CHN", "057", "2012-06-05")},
			[]string{"a b", "c"}},
		{"other pairs never join",
			[]doc.Event{ev("a", "d1", 0, "RUS", "CHN", "040", "2012-06-05"), ev("b", "d2", 0, "RUS", "IGOCAS", "040", "2012-06-05"),
				ev("c", "d3", 0, "RUS", "", "040", "2012-06-05")},
			[]string{"a", "b", "c"}},
		{"places the text names must agree; a party's country says nothing",
			[]doc.Event{at(ev("a", "d1", 0, "USA", "PRK", "040", "2018-06-12"), "Singapore", "SGP", doc.FromClause),
				at(ev("b", "d2", 0, "USA", "PRK", "040", "2018-06-12"), "Sentosa", "SGP", doc.FromParagraph),
				at(ev("c", "d3", 0, "USA", "PRK", "040", "2018-06-12"), "North Korea", "PRK", doc.FromParty),
				at(ev("d", "d4", 0, "USA", "PRK", "040", "2018-06-12"), "Hanoi", "VNM", doc.FromClause)},
			[]string{"a b c", "d"}},
		{"one sentence's two dates for one act between a pair are one event",
			[]doc.Event{ev("a", "d1", 4, "KENMIL", "SOM", "190", "2011-10-19"), ev("b", "d1", 4, "KENMIL", "SOMREB", "190", "2011-10-16")},
			[]string{"a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(tt.evs)
			if !slices.Equal(got, tt.want) {
				t.Errorf("clusters %q, want %q", got, tt.want)
			}
			// The order events arrive in changes nothing.
			rev := slices.Clone(tt.evs)
			slices.Reverse(rev)
			if again := groups(rev); !slices.Equal(again, got) {
				t.Errorf("reversed input gives %q, not %q", again, got)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	a := at(ev("e1", "d1", 2, "RUSGOV", "CHN", "042", "2012-06-05"), "Beijing", "CHN", doc.FromClause)
	a.DocDate, a.Outlet = "2012-06-07", "Xinhua"
	b := withDoc(ev("e2", "d2", 0, "RUSGOV", "CHNGOV", "040", "2012-06"), "2012-06")
	c := at(ev("e3", "d2", 5, "CHNGOV", "RUSGOV", "042", "2012-06"), "Beijing", "CHN", doc.FromParagraph)
	c.DocDate, c.DatePrecision = "2012-06", doc.PrecisionMonth
	d := ev("e4", "d2", 5, "CHNGOV", "RUSGOV", "043", "2012-06")
	d.DocDate = "2012-06"
	cs := Assign([]doc.Event{a, b, c, d})
	if len(cs) != 1 {
		t.Fatalf("%d clusters, want 1: %+v", len(cs), cs)
	}
	got := cs[0]
	if got.Pair != "CHN-RUS" || got.CAMEO != "042" || got.Root != "04" || got.Date != "2012-06-05" || got.DatePrecision != doc.PrecisionDay {
		t.Errorf("cluster %s %s %s %s %s, want CHN-RUS 042 04 2012-06-05 day", got.Pair, got.CAMEO, got.Root, got.Date, got.DatePrecision)
	}
	if got.Place == nil || got.Place.Text != "Beijing" {
		t.Errorf("place %+v, want Beijing", got.Place)
	}
	if got.FirstReport != "2012-06" || got.LastReport != "2012-06-07" {
		t.Errorf("reported %s to %s, want 2012-06 to 2012-06-07", got.FirstReport, got.LastReport)
	}
	// Three sentences (d2 #5 holds two events), two documents, two
	// sources: Xinhua, and d2, which names no outlet and counts as its own.
	if got.NumMentions != 3 || got.NumArticles != 2 || got.NumSources != 2 {
		t.Errorf("mentions %d, articles %d, sources %d; want 3, 2, 2", got.NumMentions, got.NumArticles, got.NumSources)
	}
	if len(got.Reports) != 4 || got.Reports[0].Doc != "d2" || got.Reports[3].Event != "e1" {
		t.Errorf("reports %+v, want the 4 events, earliest report first", got.Reports)
	}
	if got.ID != ID([]doc.Event{d, c, b, a}) || !strings.HasPrefix(got.ID, "c") || len(got.ID) != 17 {
		t.Errorf("id %q, want c and 16 hex digits from the members alone", got.ID)
	}
}

func TestDisagreements(t *testing.T) {
	visit := func(id, d, sentence string) doc.Event {
		e := ev(id, d, 1, "INDGOV", "USA", "042", "2023-06-21")
		e.Sentence = sentence
		return e
	}
	money := func(id, d string, qs ...doc.Quantity) doc.Event {
		e := ev(id, d, 2, "RUS", "CHN", "057", "2012-06-05")
		e.Quantities = qs
		return e
	}
	person := func(id, d, name, role string) doc.Event {
		e := ev(id, d, 0, "RUSGOV", "CHN", "042", "2011-10-11")
		e.Source.Name, e.Source.Role = name, role
		return e
	}
	usd := func(text string, v float64) doc.Quantity { return doc.Quantity{Text: text, Value: v, Unit: "USD"} }
	tests := []struct {
		name string
		evs  []doc.Event
		want []string // kind: value a | value b
	}{
		{"lengths", []doc.Event{visit("a", "d1", "Modi arrived for a three-day state visit."), visit("b", "d2", "Modi landed for a four-day visit.")},
			[]string{"duration: three-day | four-day"}},
		{"lengths said otherwise", []doc.Event{visit("a", "d1", "Modi arrived for a week-long visit."), visit("b", "d2", "Modi will stay for 5 days.")},
			[]string{"duration: for a week-long | for 5 days"}},
		{"the same length", []doc.Event{visit("a", "d1", "a two-day visit"), visit("b", "d2", "Modi came for two days.")}, nil},
		{"one document never disagrees with itself", []doc.Event{visit("a", "d1", "a two-day visit"), visit("b", "d1", "a three-day visit")}, nil},
		{"amounts", []doc.Event{money("a", "d1", usd("US $3.5 billion", 3.5e9)), money("b", "d2", usd("$4 billion", 4e9))},
			[]string{"amount: US $3.5 billion | $4 billion"}},
		{"amounts within the tolerance, or in other units", []doc.Event{money("a", "d1", usd("$3.5 billion", 3.5e9), doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY"}),
			money("b", "d2", usd("$3.52 billion", 3.52e9)), money("c", "d3", doc.Quantity{Text: "815 billion rubles", Value: 815e9, Unit: "RUB"})}, nil},
		{"days of the same act", []doc.Event{ev("a", "d1", 0, "RUS", "UKR", "190", "2014-08-01"), ev("b", "d2", 0, "RUS", "UKR", "190", "2014-08-02")},
			[]string{"date: 2014-08-01 | 2014-08-02"}},
		{"participants", []doc.Event{person("a", "d1", "Vladimir Putin", "prime minister"), person("b", "d2", "Dmitry Medvedev", "prime minister"),
			person("c", "d3", "Sergei Lavrov", "foreign minister")},
			[]string{"participant: Vladimir Putin (prime minister) | Dmitry Medvedev (prime minister)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Assign(tt.evs)
			if len(cs) != 1 {
				t.Fatalf("%d clusters, want 1", len(cs))
			}
			var got []string
			for _, d := range Disagreements(cs[0].ID, tt.evs) {
				if d.Cluster != cs[0].ID || d.A.Doc == d.B.Doc || d.A.Sentence == "" {
					t.Errorf("disagreement %+v: want the cluster and two documents' sentences", d)
				}
				got = append(got, d.Kind+": "+d.A.Value+" | "+d.B.Value)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("disagreements %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRules(t *testing.T) {
	r, err := parseRules(rulesText)
	if err != nil {
		t.Fatalf("rules.txt: %v", err)
	}
	if r.dayWindow != 1 || r.docWindow != 14 || r.tolerance != 0.02 || !r.compatibleCodes("0571", "061") || r.compatibleCodes("05", "061") ||
		r.compatibleCodes("111", "114") || !r.compatibleCodes("111", "110") || !r.compatibleCodes("114", "114") {
		t.Errorf("rules.txt read as %+v", r)
	}
	for _, bad := range []string{
		"window\tweek\t3", "window\tday\t-1", "compatible\t057", "distinct\t111", "distinct\t11x\t114", "compatible\t05x\t06", "tolerance\t2",
		"number\tTwo\t2", "unit\tday", "synonym\tvisit\ttrip",
	} {
		if _, err := parseRules(bad + "\n" + rulesText); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("parseRules(%q) error = %v, want one naming line 1", bad, err)
		}
	}
}

func FuzzDuration(f *testing.F) {
	for _, s := range []string{"a three-day visit", "for 12 weeks", "week-long talks", "two-day and three-day", "for a month"} {
		f.Add(s)
	}
	r := theRules()
	f.Fuzz(func(t *testing.T, s string) {
		days, text, ok := r.durationDays(s)
		if ok && (days < 0 || !strings.Contains(s, text)) {
			t.Errorf("durationDays(%q) = %d, %q", s, days, text)
		}
	})
}

// TestReach: Reach takes the events near a change and whole old clusters,
// and leaves the rest.
func TestReach(t *testing.T) {
	evs := []doc.Event{
		ev("a", "d1", 0, "RUS", "CHN", "040", "2012-06-05"),
		ev("b", "d2", 0, "RUS", "CHN", "040", "2012-06-07"), // reaches 06-06, as the seed does
		ev("c", "d3", 0, "RUS", "CHN", "040", "2012-06-20"), // in b's old cluster
		ev("d", "d4", 0, "RUS", "CHN", "040", "2012-06"),    // reaches the whole month
		ev("e", "d5", 0, "RUS", "CHN", "040", "2012-09-01"), // far away
		ev("f", "d6", 3, "RUS", "CHN", "040", "2013-01-01"), // the seed's sentence
		ev("g", "d7", 0, "RUS", "CHN", "040", "2014-01-01"), // the removed seed's old cluster
		ev("h", "d8", 0, "RUS", "CHN", "040", "2016-01-01"),
	}
	evs[1].Cluster, evs[2].Cluster, evs[6].Cluster = "c1", "c1", "c2"
	seed := ev("s", "d6", 3, "RUS", "CHN", "040", "2012-06-05")
	removed := ev("x", "d9", 0, "RUS", "CHN", "040", "2015-01-01")
	removed.Cluster = "c2"
	var got []string
	for _, i := range Reach(evs, []doc.Event{seed, removed}) {
		got = append(got, evs[i].ID)
	}
	if want := []string{"a", "b", "c", "d", "f", "g"}; !slices.Equal(got, want) {
		t.Errorf("Reach = %v, want %v", got, want)
	}
}

// TestDateRange holds dateRange to what time.Parse makes of each form of
// date, valid and not.
func TestDateRange(t *testing.T) {
	parsed := func(date string) (first, last int, ok bool) {
		for _, f := range []struct {
			layout string
			next   func(time.Time) time.Time
		}{
			{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
			{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
			{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		} {
			if len(date) != len(f.layout) {
				continue
			}
			t, err := time.Parse(f.layout, date)
			if err != nil {
				return 0, 0, false
			}
			return days(t), days(f.next(t)) - 1, true
		}
		return 0, 0, false
	}
	dates := []string{"", "2", "201", "2012", "0000", "9999", "1969", "1970", "-123", "+123", "20a2", "12345",
		"2012-06", "2012-00", "2012-13", "2012-1-", "2012/06", "1969-12", "0000-01", "9999-12",
		"2012-06-05", "2012-02-29", "2013-02-29", "2012-02-30", "2012-06-31", "2012-06-00", "2012-6-05", "2012-06-5x",
		"2012/06/05", "1969-12-31", "1900-02-29", "2000-02-29", "9999-12-31", "2012-06-05T", "2012-06-05 "}
	for y := 1968; y <= 1972; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%02d", y, m))
			}
		}
	}
	// Every year's turn and leap day, and each month's last days.
	for y := range 10000 {
		dates = append(dates, fmt.Sprintf("%04d", y), fmt.Sprintf("%04d-02-29", y), fmt.Sprintf("%04d-03-01", y),
			fmt.Sprintf("%04d-12-31", y), fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-02", y))
		if y%97 == 0 {
			for m := 1; m <= 12; m++ {
				for d := 27; d <= 32; d++ {
					dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%02d", y, m))
				}
			}
		}
	}
	for _, date := range dates {
		f, l, ok := dateRange(date)
		wf, wl, wok := parsed(date)
		if f != wf || l != wl || ok != wok {
			t.Errorf("dateRange(%q) = %d, %d, %v; time.Parse gives %d, %d, %v", date, f, l, ok, wf, wl, wok)
		}
	}
}
