package store

// Tally is a number of events that share a month, a quad class and a
// Goldstein score: all a monthly, quarterly or yearly series counts,
// without the events themselves, so a store can count a busy dyad without
// reading every event.
type Tally struct {
	// Date is the events' date cut to the month ("2012-06" for
	// "2012-06-05"); a date known only to the year stays "2012".
	Date      string
	Quad      int
	Goldstein float64
	Events    int
}

// DyadTally is the number of events from one side's key (an actor's
// country, else its code's first three letters: ActorKey) to the other's,
// and the sum of their Goldstein scores in hundredths (each rounded to a
// whole number of hundredths, so the sum is exact): what ranking dyads
// needs. Target is "" for events without a target.
type DyadTally struct {
	Source, Target      string
	Events              int
	GoldsteinHundredths int64
}

// RankTally is a number of events that share what a ranking of actors or
// of codes counts them by, and the sum of their Goldstein scores in
// hundredths (as DyadTally's). For actors, Source and Target are the
// actors' codes and SourceName and TargetName their names, else the
// words that named them (Target "" for events without a target); for
// codes, Source is the CAMEO code.
type RankTally struct {
	Source, SourceName  string
	Target, TargetName  string
	Events              int
	GoldsteinHundredths int64
}
