package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// Find returns the place a sentence names for its event, with the byte
// offsets of the place's words in sentence (Text is sentence[start:end]).
// toks are the sentence's tokens as internal/nlp makes them, or a run of
// them: only the words they cover are read. It takes the first phrase, in
// order, of the forms
//
//	in/at/near/outside/into X     "arrived in Beijing on June 5"
//	in northern X                 "pushed into southern Somalia"
//	in X, Y                       "in Goa, India": Y, a country or region, picks X
//	in X's capital Y              "in Peru's capital Lima", "in China's Xinjiang"
//	in the X capital Y            "in the Syrian capital Damascus"
//
// whose X (or Y) is a known place. X is a run of capitalised words, with
// lower-case particles inside ("Rio de Janeiro", "Ras al-Khaimah"), and
// must be a place as a whole: "in the UN Security Council" and "in Central
// Asia" name none, and months and weekdays ("in May") are never places.
// Among places of one name, those in the countries of prefer (alpha-3: the
// countries in play) win over namesakes elsewhere.
func (g *Gazetteer) Find(sentence string, toks []doc.Token, prefer []string) (doc.Location, int, int, bool) {
	if g == nil {
		return doc.Location{}, 0, 0, false
	}
	ws := words(toks)
	for i, t := range ws {
		if !isTrigger(sentence[t.start:t.end]) || t.poss {
			continue
		}
		j := i + 1
		if j < len(ws) && spaced(sentence, ws[i], ws[j]) && sentence[ws[j].start:ws[j].end] == "the" {
			j++
		}
		// "in southern Somalia", "into eastern Congo".
		if j < len(ws) && j > i && spaced(sentence, ws[j-1], ws[j]) && directions[sentence[ws[j].start:ws[j].end]] {
			j++
		}
		if j >= len(ws) || !spaced(sentence, ws[j-1], ws[j]) {
			continue
		}
		if e, start, end, ok := g.resolve(sentence, ws, j, prefer); ok {
			return location(e, sentence[start:end]), start, end, true
		}
	}
	return doc.Location{}, 0, 0, false
}

// Name returns the place that the words of toks name as a whole, with
// nothing before them but "the" and a direction: "Kabul" in "Kabul's
// bombing", "Gori" in "the town of Gori", "eastern Congo". prefer is as
// for Find.
func (g *Gazetteer) Name(sentence string, toks []doc.Token, prefer []string) (doc.Location, bool) {
	if g == nil {
		return doc.Location{}, false
	}
	ws := words(toks)
	j := 0
	if j < len(ws) && strings.EqualFold(sentence[ws[j].start:ws[j].end], "the") {
		j++
	}
	if j < len(ws) && directions[sentence[ws[j].start:ws[j].end]] {
		j++
	}
	if j >= len(ws) {
		return doc.Location{}, false
	}
	e, start, end, ok := g.resolve(sentence, ws, j, prefer)
	if !ok {
		return doc.Location{}, false
	}
	return location(e, sentence[start:end]), true
}

func location(e entry, text string) doc.Location {
	return doc.Location{Text: text, Country: e.Country, Lat: e.Lat, Lon: e.Lon, Admin1: e.Admin1}
}

// resolve reads the place phrase starting at word j.
func (g *Gazetteer) resolve(s string, ws []word, j int, prefer []string) (entry, int, int, bool) {
	b, ok := capSpan(s, ws, j)
	if !ok {
		return entry{}, 0, 0, false
	}
	x := normKey(s[ws[j].start:ws[b].end])
	if worldRegions[x] {
		return entry{}, 0, 0, false
	}
	loose := hint{prefer: prefer}
	area, isArea := g.lookup(x, loose, true)
	var h hint
	if isArea {
		h = areaHint(area)
	}

	if ws[b].poss {
		// "Peru's capital Lima", "China's western Xinjiang region",
		// "Moscow's Red Square" (Moscow); but not "in Russia's relations
		// with the West", where the possessive is an actor.
		k := skipWords(s, ws, b+1, descriptors, 3)
		named := false // a capitalised name follows: "Peru's capital Lima"
		if k < len(ws) && (spaced(s, ws[k-1], ws[k]) || (k > b+1 && commaSep(s, ws[k-1], ws[k]))) {
			if _, ok := capSpan(s, ws, k); ok {
				named = true
				if isArea {
					if e, start, end, ok := g.span(s, ws, k, h, false); ok {
						return e, start, end, true
					}
				}
			} else if k == b+1 {
				return entry{}, 0, 0, false
			}
		}
		if e, start, end, ok := g.span(s, ws, j, loose, false); ok {
			return e, start, end, true
		}
		// "Kashmir's Srinagar": an owner the data does not know still
		// leaves the place it owns.
		if named {
			return g.span(s, ws, k, loose, false)
		}
		return entry{}, 0, 0, false
	}

	if next := b + 1; next < len(ws) && spaced(s, ws[b], ws[next]) && s[ws[next].start:ws[next].end] == "capital" {
		// "the Syrian capital Damascus", "the Peruvian capital, Lima".
		k := skipWords(s, ws, next+1, capitalTail, 2)
		if k < len(ws) && (spaced(s, ws[k-1], ws[k]) || commaSep(s, ws[k-1], ws[k])) {
			if e, start, end, ok := g.span(s, ws, k, h, false); ok {
				return e, start, end, true
			}
		}
	}

	if k := b + 1; k < len(ws) && commaSep(s, ws[b], ws[k]) {
		// "Goa, India", "Paris, Texas".
		if y, start, end, ok := g.span(s, ws, k, loose, true); ok {
			if e, ok := g.lookup(x, areaHint(y), false); ok {
				return e, ws[j].start, ws[b].end, true
			}
			if _, ok := g.lookup(x, loose, false); !ok {
				return y, start, end, true
			}
		}
	}
	e, ok := g.lookup(x, loose, false)
	return e, ws[j].start, ws[b].end, ok
}

// span looks up the capitalised run starting at word k as a whole.
func (g *Gazetteer) span(s string, ws []word, k int, h hint, areasOnly bool) (entry, int, int, bool) {
	b, ok := capSpan(s, ws, k)
	if !ok {
		return entry{}, 0, 0, false
	}
	start, end := ws[k].start, ws[b].end
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

// word is one word of a place name: one of the sentence's tokens, or
// several joined by hyphens without spaces (UD English splits "al-Khaimah"
// into "al", "-", "Khaimah"; the gazetteer names it as one word). It is
// s[start:end]; a possessive "'s" token after it ends at full.
type word struct {
	start, end, full int
	poss             bool
}

// words reads the words of the sentence from its tokens; punctuation
// tokens are no words.
func words(toks []doc.Token) []word {
	var ws []word
	for i := 0; i < len(toks); i++ {
		if !startsWord(toks[i].Text) {
			continue
		}
		w := word{start: toks[i].Start, end: toks[i].End}
		for i+2 < len(toks) && toks[i+1].Text == "-" && glued(toks, i+1) && glued(toks, i+2) && startsWord(toks[i+2].Text) {
			i += 2
			w.end = toks[i].End
		}
		w.full = w.end
		if i+1 < len(toks) && glued(toks, i+1) && (toks[i+1].Text == "'s" || toks[i+1].Text == "’s") {
			i++
			w.full, w.poss = toks[i].End, true
		}
		ws = append(ws, w)
	}
	return ws
}

// glued reports whether toks[i] follows toks[i-1] without white space.
func glued(toks []doc.Token, i int) bool { return toks[i].Start == toks[i-1].End }

func startsWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// spaced reports whether only white space (at least one character) lies
// between a and b.
func spaced(s string, a, b word) bool {
	gap := s[a.full:b.start]
	return gap != "" && strings.TrimSpace(gap) == ""
}

// commaSep reports whether a comma and white space lie between a and b.
func commaSep(s string, a, b word) bool {
	gap := s[a.full:b.start]
	return strings.HasPrefix(gap, ",") && len(gap) > 1 && strings.TrimSpace(gap[1:]) == ""
}

// capSpan returns the last word of the run of capitalised words starting
// at j, or false when word j does not start one.
func capSpan(s string, ws []word, j int) (int, bool) {
	if j >= len(ws) || !capWord(s[ws[j].start:ws[j].end]) {
		return 0, false
	}
	const maxWords = 6
	b := j
	for b-j+1 < maxWords && !ws[b].poss {
		k := b + 1
		if k >= len(ws) || !spaced(s, ws[b], ws[k]) {
			break
		}
		w := s[ws[k].start:ws[k].end]
		if capWord(w) {
			b = k
			continue
		}
		// A particle inside a name: "Rio de Janeiro", "Isle of Man".
		if particles[w] && k+1 < len(ws) && !ws[k].poss && spaced(s, ws[k], ws[k+1]) && capWord(s[ws[k+1].start:ws[k+1].end]) {
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

// skipWords skips up to max words from k that are in set, each separated
// from the one before by white space, and returns the next word's index.
func skipWords(s string, ws []word, k int, set map[string]bool, max int) int {
	for n := 0; n < max && k < len(ws) && set[s[ws[k].start:ws[k].end]] && spaced(s, ws[k-1], ws[k]); n++ {
		k++
	}
	return k
}

func isTrigger(w string) bool {
	switch w {
	case "in", "In", "at", "At", "near", "Near", "outside", "Outside", "into", "Into":
		return true
	}
	return false
}

// directions may stand between a preposition and a place: "in southern
// Somalia" is in Somalia.
var directions = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "north": true, "south": true,
	"east": true, "west": true,
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
