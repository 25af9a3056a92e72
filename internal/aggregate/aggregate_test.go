package aggregate

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

func ev(date, src, tgt, cameo string, quad int, goldstein float64) doc.Event {
	e := doc.Event{Date: date, CAMEO: cameo, Quad: quad, Goldstein: goldstein,
		Source: doc.Actor{Code: src, Country: src[:3], Text: src}}
	if tgt != "" {
		e.Target = &doc.Actor{Code: tgt, Country: tgt[:3], Text: tgt}
	}
	return e
}

var events = []doc.Event{
	ev("2014-01-05", "RUSGOV", "CHN", "042", 1, 1.9),
	ev("2014-01", "CHN", "RUSGOV", "057", 2, 8),
	ev("2014-03-02", "RUSMIL", "UKR", "190", 4, -10),
	ev("2014-04-30", "RUS", "CHN", "111", 3, -2),
	ev("2014", "RUS", "CHN", "042", 1, 1.9),
}

func TestSeries(t *testing.T) {
	got, unplaced, err := Series(events, "month")
	if err != nil {
		t.Fatal(err)
	}
	want := []Period{
		{Period: "2014-01", Events: 2, VerbalCooperation: 1, MaterialCooperation: 1, Goldstein: 4.95},
		{Period: "2014-02"},
		{Period: "2014-03", Events: 1, MaterialConflict: 1, Goldstein: -10},
		{Period: "2014-04", Events: 1, VerbalConflict: 1, Goldstein: -2},
	}
	if !reflect.DeepEqual(got, want) || unplaced != 1 {
		t.Errorf("monthly series = %+v, %d unplaced\nwant %+v, 1 unplaced (the event dated 2014)", got, unplaced, want)
	}
	got, _, _ = Series(events, "quarter")
	if len(got) != 2 || got[0].Period != "2014-Q1" || got[0].Events != 3 || got[1].Period != "2014-Q2" {
		t.Errorf("quarterly series = %+v", got)
	}
	got, unplaced, _ = Series(append(events, ev("2016-07", "USA", "IRN", "172", 4, -5)), "year")
	if len(got) != 3 || got[0].Events != 5 || got[1] != (Period{Period: "2015"}) || got[2].Events != 1 || unplaced != 0 {
		t.Errorf("yearly series = %+v, %d unplaced", got, unplaced)
	}
	got, _, _ = Series([]doc.Event{ev("2013-11-02", "RUS", "CHN", "042", 1, 1), ev("2014-02-01", "RUS", "CHN", "042", 1, 1)}, "quarter")
	if len(got) != 2 || got[0].Period != "2013-Q4" || got[1].Period != "2014-Q1" {
		t.Errorf("series over a year's end = %+v", got)
	}
	if _, _, err := Series(events, "week"); err == nil {
		t.Error("Series(week) gave no error")
	}
	if got, _, err := Series(nil, "month"); err != nil || got != nil {
		t.Errorf("Series(no events) = %v, %v", got, err)
	}
}

func TestTop(t *testing.T) {
	got, err := Top(events, "dyads", 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []Count{{Key: "RUS-CHN", Events: 3, Goldstein: 0.6}, {Key: "CHN-RUS", Events: 1, Goldstein: 8}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("top dyads = %+v\nwant %+v", got, want)
	}
	got, _ = Top(events, "actors", 0)
	if len(got) != 5 || got[0].Key != "CHN" || got[0].Events != 4 || got[0].AsSource != 1 || got[0].AsTarget != 3 || got[0].Name != "CHN" {
		t.Errorf("top actors = %+v", got)
	}
	got, _ = Top(events, "codes", 1)
	if len(got) != 1 || got[0].Key != "042" || got[0].Events != 2 || got[0].Name != "Make a visit" {
		t.Errorf("top codes = %+v", got)
	}
	if _, err := Top(events, "people", 1); err == nil {
		t.Error("Top(people) gave no error")
	}
}

func TestReduce(t *testing.T) {
	mk := func(id, cluster, date, precision, src, tgt, cameo string) doc.Event {
		e := ev(date, src, tgt, cameo, 1, 1.9)
		e.ID, e.Cluster, e.DatePrecision = id, cluster, precision
		return e
	}
	// Four reports of one visit (two of them on one day with one code),
	// a meeting of its own, and an event stored before clustering.
	evs := []doc.Event{
		mk("v1", "c1", "2012-06", doc.PrecisionDoc, "RUSGOV", "CHN", "042"),
		mk("v2", "c1", "2012-06-05", doc.PrecisionDay, "RUSGOV", "CHN", "042"),
		mk("v3", "c1", "2012-06-05", doc.PrecisionDay, "RUS", "CHN", "042"),
		mk("v4", "c1", "2012-06-06", doc.PrecisionDay, "CHNGOV", "RUSGOV", "043"),
		mk("m1", "c2", "2012-06-20", doc.PrecisionDay, "RUSGOV", "CHNGOV", "040"),
		mk("x1", "", "2012-06-21", doc.PrecisionDay, "RUS", "CHN", "040"),
	}
	tests := []struct {
		how  string
		want []string
	}{
		{CountEvents, []string{"v1", "v2", "v3", "v4", "m1", "x1"}},
		// The most precisely dated, earliest report stands for a cluster.
		{CountClusters, []string{"v2", "m1", "x1"}},
		{"", []string{"v2", "m1", "x1"}},
		// One per directed dyad, code and date: v2 and v3 are one.
		{CountDaily, []string{"v2", "v4", "m1", "x1", "v1"}},
	}
	for _, tt := range tests {
		got, err := Reduce(evs, tt.how)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range got {
			ids = append(ids, e.ID)
		}
		if !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("Reduce(%q) = %v, want %v", tt.how, ids, tt.want)
		}
	}
	if _, err := Reduce(evs, "weekly"); err == nil {
		t.Error("Reduce(weekly) gave no error")
	}
	// Series on what Reduce keeps: the visit counts once in June 2012.
	kept, _ := Reduce(evs, CountClusters)
	if ps, _, _ := Series(kept, "month"); len(ps) != 1 || ps[0].Events != 3 {
		t.Errorf("series of clusters = %+v, want 3 events in 2012-06", ps)
	}
}
