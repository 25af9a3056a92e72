package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Kinds of disagreement between two reports of one event.
const (
	Duration    = "duration"    // "a two-day visit" against "a three-day visit"
	Amount      = "amount"      // "$3.5 billion" against "$4 billion", in one unit
	Date        = "date"        // the same code on different days
	Participant = "participant" // the same office held by different people
)

// Disagreement is a point on which two reports of one cluster, from
// different documents, say different things.
type Disagreement struct {
	Cluster string `json:"cluster"`
	Kind    string `json:"kind"`
	A       Claim  `json:"a"`
	B       Claim  `json:"b"`
}

// Claim is what one report says: its event, document, outlet and
// sentence, and the value it gives ("three-day", "$3.5 billion").
type Claim struct {
	Event         string `json:"event"`
	Doc           string `json:"doc"`
	Outlet        string `json:"outlet,omitempty"`
	SentenceIndex int    `json:"sentence_index"`
	Sentence      string `json:"sentence"`
	Value         string `json:"value"`
}

// Disagreements lists where the members of the cluster id, reported by
// different documents, disagree: on the event's length, an amount in one
// unit, its day, or who held an office in it. Each point between two
// sentences is listed once.
func Disagreements(id string, members []doc.Event) []Disagreement {
	return DisagreementsOf(id, members, nil)
}

// DisagreementsOf is Disagreements between a member of the cluster id and
// one of fresh (members given by index, every one when fresh is nil):
// what a cluster's new members add to its disagreements, each point once
// (a point between two old members is not listed again).
func DisagreementsOf(id string, members []doc.Event, fresh map[int]bool) []Disagreement {
	r := theRules()
	var out []Disagreement
	seen := map[string]bool{}
	// A sentence's length words are read once, not once per pair.
	lengths := make([]length, len(members))
	for i := range members {
		lengths[i] = r.lengthOf(members[i].Sentence)
	}
	// The pairs (i, j), i < j, in order, of which one is fresh: a cluster
	// of thousands gaining a report compares the report with each, not
	// every two old members.
	var freshAt []int
	for i := range members {
		if fresh[i] {
			freshAt = append(freshAt, i)
		}
	}
	for i := range members {
		for k := i + 1; k < len(members); k++ {
			j := k
			if fresh != nil && !fresh[i] {
				n, _ := slices.BinarySearch(freshAt, k)
				if n == len(freshAt) {
					break
				}
				j, k = freshAt[n], freshAt[n]
			}
			a, b := &members[i], &members[j]
			la, lb := lengths[i], lengths[j]
			if a.Doc == b.Doc {
				continue
			}
			if Order(a, b) > 0 {
				a, b, la, lb = b, a, lb, la
			}
			for _, d := range differences(r, a, b, la, lb) {
				key := fmt.Sprint(d.kind, a.Doc, a.SentenceIndex, b.Doc, b.SentenceIndex, d.a, d.b)
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, Disagreement{Cluster: id, Kind: d.kind, A: claim(a, d.a), B: claim(b, d.b)})
			}
		}
	}
	slices.SortFunc(out, func(x, y Disagreement) int {
		return cmp.Or(strings.Compare(x.Kind, y.Kind), strings.Compare(x.A.Doc, y.A.Doc),
			x.A.SentenceIndex-y.A.SentenceIndex, strings.Compare(x.B.Doc, y.B.Doc), x.B.SentenceIndex-y.B.SentenceIndex,
			strings.Compare(x.A.Value, y.A.Value))
	})
	return out
}

func claim(e *doc.Event, value string) Claim {
	return Claim{Event: e.ID, Doc: e.Doc, Outlet: e.Outlet, SentenceIndex: e.SentenceIndex, Sentence: e.Sentence, Value: value}
}

type difference struct{ kind, a, b string }

// length is the length of an event a sentence gives ("three-day": 3),
// ok when it gives one.
type length struct {
	days int
	text string
	ok   bool
}

// differences lists what two reports of one event, whose sentences give
// the lengths la and lb, say differently.
func differences(r *rules, a, b *doc.Event, la, lb length) []difference {
	var out []difference
	if la.ok && lb.ok && la.days != lb.days {
		out = append(out, difference{Duration, la.text, lb.text})
	}
	out = append(out, amounts(r, a, b)...)
	if a.CAMEO == b.CAMEO && a.DatePrecision == doc.PrecisionDay && b.DatePrecision == doc.PrecisionDay && a.Date != b.Date {
		out = append(out, difference{Date, a.Date, b.Date})
	}
	return append(out, participants(a, b)...)
}

// amounts compares the amounts two reports give in each unit both use:
// they disagree when no amount of one is within the tolerance of an
// amount of the other.
func amounts(r *rules, a, b *doc.Event) []difference {
	var out []difference
	units := map[string]bool{}
	for _, qa := range a.Quantities {
		if units[qa.Unit] {
			continue
		}
		units[qa.Unit] = true
		va, vb := values(a.Quantities, qa.Unit), values(b.Quantities, qa.Unit)
		if len(vb) == 0 {
			continue
		}
		agree := false
		for _, x := range va {
			for _, y := range vb {
				if abs(x.Value-y.Value) <= r.tolerance*max(abs(x.Value), abs(y.Value)) {
					agree = true
				}
			}
		}
		if !agree {
			out = append(out, difference{Amount, texts(va), texts(vb)})
		}
	}
	return out
}

func values(qs []doc.Quantity, unit string) []doc.Quantity {
	var out []doc.Quantity
	for _, q := range qs {
		if q.Unit == unit {
			out = append(out, q)
		}
	}
	return out
}

func texts(qs []doc.Quantity) string {
	s := make([]string, len(qs))
	for i, q := range qs {
		s[i] = q.Text
		if q.Text == "" {
			s[i] = strconv.FormatFloat(q.Value, 'g', -1, 64) + " " + q.Unit
		}
	}
	return strings.Join(s, "; ")
}

func abs(f float64) float64 { return max(f, -f) }

// participants compares the people two reports name on each side: the
// same office (role) held by two different named people is a
// disagreement on who took part.
func participants(a, b *doc.Event) []difference {
	var out []difference
	for _, x := range actors(a) {
		for _, y := range actors(b) {
			if x.Key() == y.Key() && x.Role != "" && x.Role == y.Role && x.Name != "" && y.Name != "" && x.Name != y.Name {
				out = append(out, difference{Participant, x.Name + " (" + x.Role + ")", y.Name + " (" + y.Role + ")"})
			}
		}
	}
	return out
}

func actors(e *doc.Event) []doc.Actor {
	if e.Target == nil {
		return []doc.Actor{e.Source}
	}
	return []doc.Actor{e.Source, *e.Target}
}

// Measured reports whether e gives something a report can disagree with
// beyond its code, date and people: an amount, or the event's length in
// its sentence. DisagreementsOf compares the sentences and amounts of old
// members only with those of fresh members that are measured, so a store
// need not read an old member's sentence for a fresh report that is not.
func Measured(e *doc.Event) bool {
	return len(e.Quantities) > 0 || theRules().lengthOf(e.Sentence).ok
}
