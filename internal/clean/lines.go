package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-blank input line.
type line struct {
	text string
	// block numbers the runs of lines between blank lines.
	block int
	// item is set on the first line of a bulleted item.
	item bool
}

// normalise fixes line ends and drops soft hyphens; nothing else about the
// characters changes. A form feed (a PDF page break) counts as a blank line.
func normalise(raw string) string {
	s := strings.ToValidUTF8(raw, "\uFFFD")
	s = strings.NewReplacer(
		"\r\n", "\n",
		"\r", "\n",
		"\f", "\n\n",
		"\u2028", "\n",
		"\u2029", "\n\n",
		"\u00AD", "",
	).Replace(s)
	return s
}

// splitLines splits normalised text into lines, each trimmed and with runs
// of spaces and tabs collapsed; blank lines are "".
func splitLines(s string) []string {
	out := strings.Split(s, "\n")
	for i, l := range out {
		out[i] = collapseSpaces(l)
	}
	return out
}

func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// bulletGlyphs are the characters that mark a list item. A line holding
// only one of these is dropped and the next line starts an item.
const bulletGlyphs = "•◦▪▫■□●○‣∙⁃·\uF0B7*-–—"

// inlineBullets are stripped when they start a line followed by text; the
// ASCII and dash glyphs are not, since a line may begin with a dash.
const inlineBullets = "•◦▪▫■□●○‣∙⁃·\uF0B7"

// toLines turns raw lines into non-blank lines with block numbers and
// bullet items marked; bullet glyphs are removed.
func toLines(raw []string) []line {
	var out []line
	block, pendingItem, prevBlank := 0, false, true
	for _, s := range raw {
		if s == "" {
			if !prevBlank {
				block++
			}
			prevBlank = true
			continue
		}
		prevBlank = false
		if r, size := utf8.DecodeRuneInString(s); size == len(s) && strings.ContainsRune(bulletGlyphs, r) {
			pendingItem = true
			continue
		}
		item := pendingItem
		pendingItem = false
		if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune(inlineBullets, r) {
			if rest := strings.TrimSpace(s[size:]); rest != "" && (s[size] == ' ' || s[size] == '\t') {
				s, item = rest, true
			}
		}
		out = append(out, line{text: s, block: block, item: item})
	}
	return out
}

// cutBoilerplate drops a paywall teaser or comment form and everything
// after it. Above the first body text a marker is a link in the page
// header ("Leave a comment" beside the title) and only its line goes.
func cutBoilerplate(ls []line) []line {
	out := ls[:0:0]
	body := false
	for _, l := range ls {
		if _, ok := match(cutMarkers, l.text); ok {
			if body {
				break
			}
			continue
		}
		body = body || bodyLine(l.text)
		out = append(out, l)
	}
	return out
}

// maxBoilerplate is the longest line, in bytes, that boilerplate rules are
// tried on: prompts and link lines are short, and a long paragraph that
// merely mentions a phrase is text.
const maxBoilerplate = 400

// dropFurniture removes page numbers, rule lines, the running header and
// author name at a page foot, repeated running headers of hard-wrapped
// text, and boilerplate lines.
func dropFurniture(ls []line, wrapped bool) []line {
	drop := make([]bool, len(ls))
	for i, l := range ls {
		if len(l.text) <= maxBoilerplate {
			if _, ok := match(lineBoilerplate, l.text); ok {
				drop[i] = true
			}
		}
		if name, ok := match(pageFurniture, l.text); ok {
			drop[i] = true
			if name != "rule line" {
				dropPageFoot(ls, i, drop)
			}
		}
	}
	if wrapped {
		for i := range repeatedLines(ls) {
			drop[i] = true
		}
	}
	out := ls[:0:0]
	for i, l := range ls {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// dropPageFoot drops the lines just above a page number that belong to the
// page foot: a rule line, a running header with a course or report code,
// the author's name. Names alone are not enough: the zone must hold a rule
// line or a coded header, so a short heading above a page number stays.
func dropPageFoot(ls []line, footer int, drop []bool) {
	var zone []int
	furniture := false
	for i := footer - 1; i >= 0 && footer-i <= 4; i-- {
		s := ls[i].text
		coded := isRuleLine(s) || courseCode.MatchString(s) && !endsSentence(s)
		if !coded && !personName.MatchString(s) {
			break
		}
		furniture = furniture || coded
		zone = append(zone, i)
	}
	if furniture {
		for _, i := range zone {
			drop[i] = true
		}
	}
	// A running header that opens the next page.
	for i := footer + 1; i < len(ls) && i-footer <= 2; i++ {
		if s := ls[i].text; !(courseCode.MatchString(s) && !endsSentence(s)) && !isRuleLine(s) {
			break
		}
		drop[i] = true
	}
}

func isRuleLine(s string) bool {
	name, ok := match(pageFurniture, s)
	return ok && name == "rule line"
}

// repeatedLines finds short non-sentence lines that occur three or more
// times: running headers and footers of a paginated text.
func repeatedLines(ls []line) map[int]bool {
	count := map[string]int{}
	for _, l := range ls {
		if utf8.RuneCountInString(l.text) <= 80 && !endsSentence(l.text) {
			count[l.text]++
		}
	}
	out := map[int]bool{}
	for i, l := range ls {
		if count[l.text] >= 3 {
			out[i] = true
		}
	}
	return out
}

// endsSentence reports whether s ends with sentence-final punctuation,
// looking through closing quotes and brackets.
func endsSentence(s string) bool {
	r := lastRune(s)
	return r == '.' || r == '!' || r == '?' || r == ':'
}

// lastRune is the last rune of s that is not a closing quote or bracket.
func lastRune(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(`"'”’»)]`, r) || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
