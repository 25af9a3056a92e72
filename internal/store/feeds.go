package store

import "time"

// Feed is what is kept about one feed that "dyad watch" polls.
type Feed struct {
	URL string
	// ETag and LastModified are the validators of the last full fetch,
	// sent back as If-None-Match and If-Modified-Since.
	ETag, LastModified string
	LastPoll           time.Time
	LastSuccess        time.Time
	LastError          string // the last failure, kept after later successes
	LastErrorAt        time.Time
	Failures           int       // consecutive failed polls
	NextPoll           time.Time // backing off until then; zero: poll at the next round
}
