package actors_test

import "testing"

// gapDocs are one-paragraph documents of sentences written for the
// actor-stage rules that keep an event's parties on news: each case is a
// mention's text and the codes it must have ("-": no mention has that
// text). Every case must pass.
var gapDocs = []struct {
	rule      string
	date      string
	sentences []string
	cases     []sentenceCase
}{
	// An acronym in parentheses after a name stands for that name: after
	// an organisation's name it is no person a dictionary calls so.
	{
		rule: "DefinedAcronyms",
		date: "2020-03-01",
		sentences: []string{
			"Leaders of the Kosovo Municipalities Association (AKK) met officials in Pristina.",
			"The Christian Democratic Union (CDU) elected Annegret Kramp-Karrenbauer (AKK) as its leader.",
			"The rebel Revolutionary United Front (RUF) announced it will return weapons.",
		},
		cases: []sentenceCase{
			{0, "AKK", "-"},
			{1, "CDU", "DEUGOVPTY"},
			{1, "AKK", "DEUGOVMIL"},
			{2, "RUF", "SLEREB"},
		},
	},
}

func TestGapRules(t *testing.T) {
	for _, d := range gapDocs {
		t.Run(d.rule, func(t *testing.T) {
			checkDoc(t, d.date, d.sentences, d.cases...)
		})
	}
}
