// Package lexicon holds dyad's actor and agent dictionaries: the types, the
// embedded defaults written in dyad's own format, and a reader for the
// PETRARCH/Phoenix dictionary format, so users can load either on top of or
// instead of the defaults.
package lexicon

// Kind says what an actor entry names.
type Kind int

const (
	Country Kind = iota // a state or a CAMEO region (RUS, WST, CAS)
	Org                 // an international organisation, firm, fund, ministry
	Person              // a named person with dated roles
	Group               // a non-state armed or political group
)

// Actor is one dictionary entry.
type Actor struct {
	// Name is the canonical name: "Russia", "Vladimir Putin", "Gazprom".
	Name string
	Kind Kind
	// Code is the CAMEO code valid when no dated role applies: "RUS",
	// "IGOUNO", "RUSBUS". For persons it may be empty.
	Code string
	// Names are the surface forms that denote the actor, as written in
	// text, e.g. "Russia", "Russian Federation", "the Kremlin" (metonyms
	// of a capital or seat of power are listed here too). Matching is
	// case-insensitive on word tokens.
	Names []string
	// Adjectives are the adjective and demonym forms, e.g. "Russian",
	// "Russians", and prefixes written with a trailing hyphen, "Sino-".
	// Only countries and regions have them.
	Adjectives []string
	// Capitals are the state's capitals and seats of government, which
	// news uses for its government ("Cairo said"); each is in Names too.
	// Only countries have them.
	Capitals []string
	// Peoples are the ethnic groups that live in the state alone, coded
	// by it as CAMEO codes them ("Uighurs", "Rohingya"); each is in
	// Adjectives too. Named alone, a people is the state's civilians.
	Peoples []string
	// Roles are dated offices: the code valid on a date is the code of
	// the role whose interval holds it.
	Roles []Role
}

// Role is an office held over a date interval.
type Role struct {
	Code  string // CAMEO code while the role is held: "RUSGOV"
	Title string // "president", "prime minister", "foreign minister"
	// From and To are inclusive ISO dates ("2000-05-07"); empty means open.
	From, To string
}

// Agent maps a generic word to a CAMEO role, so "Russian military" codes
// as RUSMIL and "Chinese analyst" as CHN with an analyst role.
type Agent struct {
	// Words are the surface forms, singular and plural: "minister",
	// "ministers", "foreign minister".
	Words []string
	// Code is the three-letter CAMEO role appended to a country: "GOV",
	// "MIL", "BUS", "MED", "OPP", "REB", "COP", "EDU", "JUD", "LEG".
	// Empty means the role adds no code (an analyst is coded by country).
	Code string
	// Title is the human role written into the record's role field.
	Title string
}

// Lexicon is a set of actors and agents.
type Lexicon struct {
	Actors []*Actor
	Agents []*Agent
}

// Merge adds the entries of o to l. Later entries win on equal surface
// forms when a matcher builds its index.
func (l *Lexicon) Merge(o *Lexicon) {
	l.Actors = append(l.Actors, o.Actors...)
	l.Agents = append(l.Agents, o.Agents...)
}

// CodeAt returns the actor's code valid on the ISO date (any precision),
// with the title of the role held then. A date of lower precision
// ("2012-06") is compared at its own precision.
func (a *Actor) CodeAt(date string) (code, title string) {
	for _, r := range a.Roles {
		if within(date, r.From, r.To) {
			return r.Code, r.Title
		}
	}
	return a.Code, ""
}

func within(date, from, to string) bool {
	if date == "" {
		return to == ""
	}
	if from != "" && date < from[:min(len(from), len(date))] {
		return false
	}
	if to != "" && date > to[:min(len(to), len(date))] {
		return false
	}
	return true
}
