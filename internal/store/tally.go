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
