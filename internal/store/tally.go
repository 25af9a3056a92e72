package store

// Tally is a number of events that share a date, a quad class and a
// Goldstein score: all a series counts, without the events themselves, so
// a store can count a busy dyad without reading every event.
type Tally struct {
	Date      string
	Quad      int
	Goldstein float64
	Events    int
}
