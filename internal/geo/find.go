package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// Find returns the place a sentence names for its event, with the byte
// offsets of the place's words in sentence (Text is sentence[start:end]).
// It takes the first phrase, in sentence order, of the forms
//
//	in/at/near/outside X          "arrived in Beijing on June 5"
//	in X, Y                       "in Goa, India": Y, a country or region, picks X
//	in X's capital Y              "in Peru's capital Lima", "in China's Xinjiang"
//	in the X capital Y            "in the Syrian capital Damascus"
//
// whose X (or Y) is a known place. X is a run of capitalised words, with
// lower-case particles inside ("Rio de Janeiro", "Ras al-Khaimah"), and
// must be a place as a whole: "in the UN Security Council" and "in Central
// Asia" name none, and months and weekdays ("in May") are never places.
func (g *Gazetteer) Find(sentence string) (doc.Location, int, int, bool) {
	if g == nil {
		return doc.Location{}, 0, 0, false
	}
	toks := tokenize(sentence)
	for i, t := range toks {
		if !isTrigger(sentence[t.start:t.end]) || t.poss {
			continue
		}
		j := i + 1
		if j < len(toks) && spaced(sentence, toks[i], toks[j]) && sentence[toks[j].start:toks[j].end] == "the" {
			j++
		}
		if j >= len(toks) || !spaced(sentence, toks[j-1], toks[j]) {
			continue
		}
		if e, start, end, ok := g.resolve(sentence, toks, j); ok {
			loc := doc.Location{Text: sentence[start:end], Country: e.Country, Lat: e.Lat, Lon: e.Lon}
			return loc, start, end, true
		}
	}
	return doc.Location{}, 0, 0, false
}

// resolve reads the place phrase starting at token j.
func (g *Gazetteer) resolve(s string, toks []token, j int) (entry, int, int, bool) {
	b, ok := capSpan(s, toks, j)
	if !ok {
		return entry{}, 0, 0, false
	}
	x := normKey(s[toks[j].start:toks[b].end])
	if worldRegions[x] {
		return entry{}, 0, 0, false
	}
	area, isArea := g.lookup(x, hint{}, true)
	var h hint
	if isArea {
		h = areaHint(area)
	}

	if toks[b].poss {
		// "Peru's capital Lima", "China's western Xinjiang region",
		// "Moscow's Red Square" (Moscow); but not "in Russia's relations
		// with the West", where the possessive is an actor.
		k := skipWords(s, toks, b+1, descriptors, 3)
		if k < len(toks) && (spaced(s, toks[k-1], toks[k]) || (k > b+1 && commaSep(s, toks[k-1], toks[k]))) {
			if _, ok := capSpan(s, toks, k); ok {
				if isArea {
					if e, start, end, ok := g.span(s, toks, k, h, false); ok {
						return e, start, end, true
					}
				}
			} else if k == b+1 {
				return entry{}, 0, 0, false
			}
		}
		return g.span(s, toks, j, hint{}, false)
	}

	if next := b + 1; next < len(toks) && spaced(s, toks[b], toks[next]) && s[toks[next].start:toks[next].end] == "capital" {
		// "the Syrian capital Damascus", "the Peruvian capital, Lima".
		k := skipWords(s, toks, next+1, capitalTail, 2)
		if k < len(toks) && (spaced(s, toks[k-1], toks[k]) || commaSep(s, toks[k-1], toks[k])) {
			if e, start, end, ok := g.span(s, toks, k, h, false); ok {
				return e, start, end, true
			}
		}
	}

	if k := b + 1; k < len(toks) && commaSep(s, toks[b], toks[k]) {
		// "Goa, India", "Paris, Texas".
		if y, start, end, ok := g.span(s, toks, k, hint{}, true); ok {
			if e, ok := g.lookup(x, areaHint(y), false); ok {
				return e, toks[j].start, toks[b].end, true
			}
			if _, ok := g.lookup(x, hint{}, false); !ok {
				return y, start, end, true
			}
		}
	}
	e, ok := g.lookup(x, hint{}, false)
	return e, toks[j].start, toks[b].end, ok
}

// span looks up the capitalised run starting at token k as a whole.
func (g *Gazetteer) span(s string, toks []token, k int, h hint, areasOnly bool) (entry, int, int, bool) {
	b, ok := capSpan(s, toks, k)
	if !ok {
		return entry{}, 0, 0, false
	}
	start, end := toks[k].start, toks[b].end
	key := normKey(s[start:end])
	if worldRegions[key] {
		return entry{}, 0, 0, false
	}
	e, ok := g.lookup(key, h, areasOnly)
	return e, start, end, ok
}

func areaHint(e entry) hint {
	if e.kind == kindRegion {
		return hint{country: e.Country, region: e.region}
	}
	return hint{country: e.Country}
}

// token is one word of the sentence: s[start:end], not counting a
// possessive "'s", which ends at full.
type token struct {
	start, end, full int
	poss             bool
}

// tokenize splits s into words: letters, digits and marks, with hyphens,
// apostrophes and full stops kept inside a word ("al-Khaimah",
// "N'Djamena", "D.C"), and the full stop of "St." kept.
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(next) {
					i += n
					continue
				}
			}
			break
		}
		t := token{start: start, end: i, full: i}
		if w := s[start:i]; (w == "St" || w == "Ft" || w == "Mt") && i < len(s) && s[i] == '.' {
			t.end, t.full = i+1, i+1
			i++
		}
		if w := s[t.start:t.end]; len(w) > 3 {
			if strings.HasSuffix(w, "'s") && w[len(w)-3] != '\'' {
				t.end, t.poss = t.end-2, true
			} else if strings.HasSuffix(w, "’s") && len(w) > len("’s")+1 {
				t.end, t.poss = t.end-len("’s"), true
			}
		}
		toks = append(toks, t)
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '.'
}

// spaced reports whether only white space (at least one character) lies
// between a and b.
func spaced(s string, a, b token) bool {
	gap := s[a.full:b.start]
	return gap != "" && strings.TrimSpace(gap) == ""
}

// commaSep reports whether a comma and white space lie between a and b.
func commaSep(s string, a, b token) bool {
	gap := s[a.full:b.start]
	return strings.HasPrefix(gap, ",") && len(gap) > 1 && strings.TrimSpace(gap[1:]) == ""
}

// capSpan returns the last token of the run of capitalised words starting
// at j, or false when token j does not start one.
func capSpan(s string, toks []token, j int) (int, bool) {
	if j >= len(toks) || !capWord(s[toks[j].start:toks[j].end]) {
		return 0, false
	}
	const maxWords = 6
	b := j
	for b-j+1 < maxWords && !toks[b].poss {
		k := b + 1
		if k >= len(toks) || !spaced(s, toks[b], toks[k]) {
			break
		}
		w := s[toks[k].start:toks[k].end]
		if capWord(w) {
			b = k
			continue
		}
		// A particle inside a name: "Rio de Janeiro", "Isle of Man".
		if particles[w] && k+1 < len(toks) && !toks[k].poss && spaced(s, toks[k], toks[k+1]) && capWord(s[toks[k+1].start:toks[k+1].end]) {
			b = k + 1
			continue
		}
		break
	}
	return b, true
}

// capWord reports whether w can be part of a place name: capitalised
// ("Beijing", "al-Khaimah" after its particle) and not a month or weekday.
func capWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	capital := unicode.IsUpper(r) || unicode.IsTitle(r)
	if !capital {
		if i := strings.IndexByte(w, '-'); i > 0 && i <= 3 && i+1 < len(w) {
			r2, _ := utf8.DecodeRuneInString(w[i+1:])
			capital = unicode.IsUpper(r2)
		}
	}
	return capital && !calendarWords[strings.ToLower(w)]
}

// skipWords skips up to max tokens from k that are in set, each separated
// from the one before by white space, and returns the next token's index.
func skipWords(s string, toks []token, k int, set map[string]bool, max int) int {
	for n := 0; n < max && k < len(toks) && set[s[toks[k].start:toks[k].end]] && spaced(s, toks[k-1], toks[k]); n++ {
		k++
	}
	return k
}

func isTrigger(w string) bool {
	switch w {
	case "in", "In", "at", "At", "near", "Near", "outside", "Outside":
		return true
	}
	return false
}

// particles are the lower-case words that occur inside place names.
var particles = map[string]bool{
	"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true,
	"della": true, "di": true, "du": true, "la": true, "le": true, "les": true,
	"el": true, "al": true, "of": true, "upon": true, "am": true, "an": true,
	"der": true, "den": true, "van": true, "von": true, "sur": true, "en": true,
}

// descriptors may stand between a possessive and a place:
// "Peru's capital Lima", "China's western Xinjiang region".
var descriptors = map[string]bool{
	"capital": true, "city": true, "town": true, "port": true, "village": true,
	"province": true, "region": true, "state": true, "of": true, "border": true,
	"coastal": true, "restive": true, "largest": true, "second-largest": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "north": true, "south": true, "east": true, "west": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
}

// capitalTail may follow "capital": "the capital city of Lima".
var capitalTail = map[string]bool{"city": true, "of": true}

// calendarWords are capitalised words that never name a place in "in X".
var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// worldRegions are continents and world regions: they have no point, and
// a town that shares the name ("Asia" in the Philippines) is not meant.
var worldRegions = map[string]bool{
	"africa": true, "america": true, "americas": true, "antarctica": true,
	"arctic": true, "asia": true, "australasia": true, "eurasia": true,
	"europe": true, "oceania": true, "middle east": true, "far east": true,
	"latin america": true, "north america": true, "south america": true,
	"central america": true, "caribbean": true, "balkans": true, "caucasus": true,
	"sahel": true, "scandinavia": true, "west": true, "east": true,
}
