package geo

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/internal/doc"
)

// Dateline returns the place of a news agency dateline, the line or
// sentence that opens a wire story with the city it was filed from:
//
//	TBILISI, August 13, 2008 —
//	PSARADES, Greece, June 17, 2018 —   (the country picks the town)
//	MEXICO CITY (Reuters) -
//
// The city is the run of upper-case words before the first comma,
// parenthesis or dash; a place name after its comma ("Greece") narrows
// it. prefer is as for Find. ok is false when line opens with no such run
// or the gazetteer has no place of that name.
func (g *Gazetteer) Dateline(line string, prefer []string) (doc.Location, bool) {
	if g == nil {
		return doc.Location{}, false
	}
	end := strings.IndexFunc(line, func(r rune) bool {
		return r == ',' || r == '(' || r == '—' || r == '–' || r == '/'
	})
	if i := strings.Index(line, " - "); i >= 0 && (end < 0 || i < end) {
		end = i
	}
	if end <= 0 {
		return doc.Location{}, false
	}
	city := strings.TrimSpace(line[:end])
	if !upperRun(city) || !strings.ContainsAny(line[end:], "—–-(") {
		return doc.Location{}, false
	}
	h := hint{prefer: prefer}
	var area entry
	var areaText string
	if rest, ok := strings.CutPrefix(line[end:], ","); ok {
		// "PSARADES, Greece, June 17": the second part names the country
		// or region the city is in.
		if part, _, ok := strings.Cut(rest, ","); ok {
			if a, ok := g.lookup(normKey(part), hint{}, true); ok {
				h, area, areaText = areaHint(a), a, strings.TrimSpace(part)
			}
		}
	}
	e, ok := g.lookup(normKey(city), h, false)
	if !ok {
		if areaText != "" {
			// A village the data does not list is at least in its
			// country or region.
			return location(area, areaText), true
		}
		return doc.Location{}, false
	}
	return location(e, city), true
}

// upperRun reports whether s is a run of upper-case words, as a dateline
// writes its city: letters in capitals, with spaces, full stops, hyphens and
// apostrophes between.
func upperRun(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}
