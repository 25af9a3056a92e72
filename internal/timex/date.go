// Package timex finds date expressions in English news sentences and
// resolves them against the document's publication date, so that an event
// is dated from what the text says ("arrived in Beijing on June 5") rather
// than by the day the article appeared.
//
// Find is a small rule-based scanner over the sentence's tokens, as
// internal/nlp makes them for every stage (UD English words with byte
// offsets: "Sept.", "5th", "mid-2016" and "2012-06-05" are one token each,
// "Russia's" is two). At each token it tries a short, fixed list of named
// patterns — ISO dates, month-first dates, day-first dates, fuzzy
// qualifiers ("mid-2016", "early July"), deictic expressions ("last week",
// "yesterday", "on Monday") and bare years ("in 2014") — see find.go. EventDate (event.go) picks, for one trigger word, the expression
// that dates that event, skipping the ones that date something else. A
// Story (story.go) follows a document sentence by sentence, so that an
// event its own clause does not date takes the time it is told at.
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date to a precision: Year always set; Month 0 when
// unknown; Day 0 when unknown. The zero Date means "no date".
type Date struct{ Year, Month, Day int }

// String formats d as ISO 8601 to its precision: "2012-06-05", "2013-09",
// "2014"; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Precision is "day", "month" or "year" (the values of the event record's
// date_precision), or "" for the zero Date.
func (d Date) Precision() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// FromTime is the day-precision Date of t.
func FromTime(t time.Time) Date {
	y, m, dd := t.Date()
	return Date{y, int(m), dd}
}

// time is the first instant of d in UTC; unknown month and day count as 1.
func (d Date) time() time.Time {
	m, dd := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if dd == 0 {
		dd = 1
	}
	return time.Date(d.Year, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// addDays moves a day-precision date by n days.
func (d Date) addDays(n int) Date { return FromTime(d.time().AddDate(0, 0, n)) }

// addMonths moves a month-precision date by n months, keeping month precision.
func (d Date) addMonths(n int) Date {
	i := d.Year*12 + d.Month - 1 + n
	return Date{Year: i / 12, Month: i%12 + 1}
}

// daysIn is the number of days of month m in year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// valid reports whether d is a real calendar date at its precision.
func (d Date) valid() bool {
	switch {
	case d.Year < 1 || d.Year > 9999:
		return false
	case d.Month == 0:
		return d.Day == 0
	case d.Month < 1 || d.Month > 12:
		return false
	case d.Day == 0:
		return true
	}
	return d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// ParseISO reads "2012-06-07", "2012-06", "2012", or the date part of an
// RFC 3339 timestamp ("2012-06-07T08:00:00Z"). Surrounding space is ignored.
func ParseISO(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') {
		s = s[:10]
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4:
		d.Year, ok = digits(s)
	case 7:
		if s[4] != '-' {
			return Date{}, false
		}
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:])
		d, ok = Date{Year: y, Month: m}, ok1 && ok2
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Date{}, false
		}
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		dd, ok3 := digits(s[8:])
		d, ok = Date{y, m, dd}, ok1 && ok2 && ok3
	}
	if !ok || !d.valid() {
		return Date{}, false
	}
	return d, true
}

// digits parses s when it is made of ASCII digits only.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
