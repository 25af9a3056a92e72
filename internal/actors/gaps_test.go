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
	// A war crimes court or tribunal is a court (agents.txt), so an
	// organisation's name before it owns it, as "the UN court" is the
	// UN's, instead of a state named earlier placing a bare "court".
	{
		rule: "OrganisationCourts",
		date: "2004-05-01",
		sentences: []string{
			"Serbia's former president was indicted by the U.N. war crimes court in The Hague.",
			"Belgrade criticised the UN war crimes tribunal.",
			"A war crimes court in Serbia jailed four men.",
		},
		cases: []sentenceCase{
			{0, "the U.N. war crimes court", "IGOUNO"},
			{0, "court", "-"},
			{1, "the UN war crimes tribunal", "IGOUNO"},
			{2, "war crimes court in Serbia", "SRBJUD"},
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
