package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dateline finds the document's own publication date in the raw text, as
// ISO "2012-06-07" (or "2012-06"/"2012" when only that precision is
// written), and ok=false when none.
//
// Only date lines among the leading lines count. A page saved from a
// browser or an archive often carries two: the day it was printed or
// archived ("Wednesday May 27, 2020") above the article's own dateline
// ("June 7, 2012"). The article's date is the date line nearest the body,
// the last one before the first body text; a date line above it that is
// later is the archive stamp, and so is any weekday-stamped date later
// than another date line. Such stamps are never the article's date.
//
// With no date line, a news agency's dateline before the first sentence
// gives the date: "WASHINGTON, March 3, 2020 — ...", "BEIJING, May 8, 2015"
// on a line of its own, or "March 3 (Reuters) - ..." (see WireDateline).
// A dateline without a year takes the year the text names most often.
func Dateline(raw string) (iso string, ok bool) {
	lines, _ := splitLines(normalise(raw))
	if d := leadingDates(lines); d.ok {
		return d.iso, true
	}
	return wireDate(lines, raw)
}

// wireDate finds the date of an agency dateline in the leading lines.
func wireDate(lines []string, raw string) (string, bool) {
	seen := 0
	for _, s := range lines {
		if s == "" {
			continue
		}
		if seen++; seen > leadLines {
			break
		}
		w, ok := parseWire(s)
		if !ok {
			continue
		}
		if w.month == "" {
			return "", false // "(AP) —": a dateline without a date
		}
		year := w.year
		if year == "" {
			if year = commonYear(raw); year == "" {
				return "", false
			}
		}
		iso, err := isoDate(year, w.month, w.day)
		return iso, err == nil
	}
	return "", false
}

// yearRE matches a year in running text.
var yearRE = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// commonYear is the year the text names most often, the later on a tie;
// "" when it names none.
func commonYear(raw string) string {
	count := map[string]int{}
	best := ""
	for _, y := range yearRE.FindAllString(raw, -1) {
		count[y]++
		if c := count[y]; c > count[best] || c == count[best] && y > best {
			best = y
		}
	}
	return best
}

// wireRE matches a news agency's dateline at the start of a line: a place
// in capitals with an optional country ("WAGAH, Pakistan,"), a date with or
// without its year, the agency in brackets, then a dash and the text, or
// the end of the line.
var wireRE = regexp.MustCompile(`^` +
	`(?:(\p{Lu}[\p{Lu} .'’-]*\p{Lu}\.?)(?:, \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})?,?\s+)?` + // place
	`(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\s*)?` + // month, day, year
	`(\([A-Z][A-Za-z .&-]{0,30}\)\s*)?` + // agency
	`(?:([—–]|--?)(?:\s+|$)|$)`) // dash

// wire is a dateline read by parseWire.
type wire struct {
	end              int    // bytes of the line it takes, with the dash and spaces after it
	month, day, year string // month as "03"; any may be empty
	place            bool
	dashed           bool // else the dateline is the whole line
}

// parseWire reads an agency dateline at the start of s. It needs a date
// or an agency before the dash ("NATO — the alliance" is none); a line of
// its own needs a place and a full date.
func parseWire(s string) (wire, bool) {
	m := wireRE.FindStringSubmatchIndex(s)
	if m == nil {
		return wire{}, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	w := wire{end: m[1], day: group(3), year: group(4), place: group(1) != "", dashed: group(6) != ""}
	agency := group(5) != ""
	if mo := group(2); mo != "" {
		if w.month = monthNumber(mo); w.month == "" {
			return wire{}, false
		}
	}
	switch {
	case w.month == "" && !agency:
		return wire{}, false
	case !w.dashed && !(w.place && w.year != ""):
		return wire{}, false
	}
	return w, true
}

// WireDateline reports whether s opens with a news agency's dateline
// ("WASHINGTON, March 3, 2020 — ", "LONDON (Reuters) — ", "(AP) — ") and
// the byte offset where the text after it begins.
func WireDateline(s string) (end int, ok bool) {
	w, ok := parseWire(s)
	if !ok || !w.dashed {
		return 0, false
	}
	return w.end, true
}

// leadLines is how many non-blank leading lines are searched for date
// lines.
const leadLines = 15

// datelines is what the leading lines say about dates.
type datelines struct {
	iso    string
	ok     bool
	stamps []int // indices of archive/print stamp lines, to be removed
}

// dateLine is one line that is only a date.
type dateLine struct {
	index     int
	iso       string
	weekday   bool
	updated   bool // "Updated ...": a date line, but not the publication date
	afterBody bool
}

func leadingDates(lines []string) datelines {
	var cands []dateLine
	body, seen := false, 0
	for i, s := range lines {
		if s == "" {
			continue
		}
		if seen++; seen > leadLines {
			break
		}
		if d, ok := parseDateLine(s); ok {
			d.index, d.afterBody = i, body
			if !d.updated {
				cands = append(cands, d)
			}
			continue
		}
		body = body || bodyLine(s)
	}
	var before []dateLine
	for _, c := range cands {
		if !c.afterBody {
			before = append(before, c)
		}
	}
	if len(before) == 0 {
		if len(cands) == 0 {
			return datelines{}
		}
		// No date above the body: take the first one below it.
		return datelines{iso: cands[0].iso, ok: true}
	}
	var out datelines
	for i, c := range before {
		if isStamp(before, i) {
			out.stamps = append(out.stamps, c.index)
			continue
		}
		out.iso, out.ok = c.iso, true
	}
	return out
}

// isStamp reports whether date line i is an archive or print stamp: later
// than a date line below it, or weekday-stamped and later than another.
func isStamp(ds []dateLine, i int) bool {
	for j, d := range ds {
		if j != i && earlier(d.iso, ds[i].iso) && (j > i || ds[i].weekday) {
			return true
		}
	}
	return false
}

// earlier compares ISO dates at their common precision.
func earlier(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

// bodyLine reports whether s reads as running text rather than a title,
// byline or date.
func bodyLine(s string) bool {
	n := len(strings.Fields(s))
	return n >= 10 || n >= 5 && endsSentence(s)
}

// dateLineRE matches a line that is only a date, with an optional label
// ("Published:"), weekday and time of day.
var dateLineRE = regexp.MustCompile(`(?i)^(?:(published|posted|first published|dated?|updated|last updated|modified|last modified)(?:\s+on)?\s*:?\s+)?` +
	`(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?` +
	`(?:` +
	`([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + // June 7, 2012
	`|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})` + // 7 June 2012
	`|(\d{4})-(\d{2})-(\d{2})` + // 2012-06-07
	`|([a-z]{3,9})\.?,?\s+(\d{4})` + // June 2012
	`|(\d{4})` + // 2012
	`)` +
	`(?:\s*(?:,|\||at|-|–)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?)?\s*$`)

// parseDateLine parses a line that is only a date, or a date and bylines
// set apart by bars or dots ("By Jane Roe | June 7, 2012").
func parseDateLine(s string) (dateLine, bool) {
	if d, ok := parseDate(s); ok || len(s) > 160 {
		return d, ok
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '·' })
	if len(parts) < 2 {
		return dateLine{}, false
	}
	var date dateLine
	found := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if d, ok := parseDate(p); ok && !found {
			date, found = d, true
			continue
		}
		if !byline.MatchString(p) {
			return dateLine{}, false
		}
	}
	return date, found
}

// parseDate parses a line that is only a date.
func parseDate(s string) (dateLine, bool) {
	if len(s) > 80 {
		return dateLine{}, false
	}
	m := dateLineRE.FindStringSubmatch(s)
	if m == nil {
		return dateLine{}, false
	}
	label := strings.ToLower(m[1])
	d := dateLine{
		weekday: m[2] != "",
		updated: strings.Contains(label, "updated") || strings.Contains(label, "modified"),
	}
	var iso string
	var err error
	switch {
	case m[3] != "":
		iso, err = isoDate(m[5], monthNumber(m[3]), m[4])
	case m[6] != "":
		iso, err = isoDate(m[8], monthNumber(m[7]), m[6])
	case m[9] != "":
		iso, err = isoDate(m[9], m[10], m[11])
	case m[12] != "":
		if mo := monthNumber(m[12]); mo != "" {
			iso, err = isoDate(m[13], mo, "")
		} else {
			err = fmt.Errorf("%q is not a month", m[12])
		}
	default:
		iso, err = isoDate(m[14], "", "")
	}
	if err != nil {
		return dateLine{}, false
	}
	d.iso = iso
	return d, true
}

var months = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthNumber gives "06" for "June", "Jun" or "jun"; "" when not a month.
func monthNumber(name string) string {
	name = strings.ToLower(name)
	for i, m := range months {
		if len(name) >= 3 && strings.HasPrefix(m, name) {
			return fmt.Sprintf("%02d", i+1)
		}
	}
	return ""
}

// isoDate checks a date and writes it at its precision; month and day may
// be empty.
func isoDate(year, month, day string) (string, error) {
	y, err := strconv.Atoi(year)
	if err != nil || y < 1900 || y > 2100 {
		return "", fmt.Errorf("year %q out of range", year)
	}
	if month == "" && day == "" {
		return year, nil
	}
	mo, err := strconv.Atoi(month)
	if err != nil || mo < 1 || mo > 12 {
		return "", fmt.Errorf("month %q out of range", month)
	}
	if day == "" {
		return fmt.Sprintf("%04d-%02d", y, mo), nil
	}
	d, err := strconv.Atoi(day)
	if err != nil {
		return "", fmt.Errorf("day %q: %w", day, err)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(mo) {
		return "", fmt.Errorf("no day %d in %04d-%02d", d, y, mo)
	}
	return t.Format("2006-01-02"), nil
}
