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
	// num is the line's 1-based number in the input text.
	num int
}

// normalise fixes line ends and drops soft hyphens; nothing else about the
// characters changes.
func normalise(raw string) string {
	s := strings.ToValidUTF8(raw, "\uFFFD")
	s = strings.NewReplacer(
		"\r\n", "\n",
		"\r", "\n",
		"\u2028", "\n",
		"\u00AD", "",
	).Replace(s)
	return s
}

// splitLines splits normalised text into lines, each trimmed and with runs
// of spaces and tabs collapsed; blank lines are "". nums holds each line's
// 1-based number in s. A form feed (a PDF page break) or a paragraph
// separator inside a line counts as a blank line with the same number.
func splitLines(s string) (lines []string, nums []int) {
	n := strings.Count(s, "\n") + 1
	lines, nums = make([]string, 0, n), make([]int, 0, n)
	for i, l := range strings.Split(s, "\n") {
		if !strings.ContainsAny(l, "\f\u2029") {
			lines, nums = append(lines, collapseSpaces(l)), append(nums, i+1)
			continue
		}
		for j, part := range strings.Split(strings.ReplaceAll(l, "\u2029", "\f"), "\f") {
			if j > 0 {
				lines, nums = append(lines, ""), append(nums, i+1)
			}
			lines, nums = append(lines, collapseSpaces(part)), append(nums, i+1)
		}
	}
	return lines, nums
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

// toLines turns raw lines, numbered by nums, into non-blank lines with
// block numbers and bullet items marked; bullet glyphs are removed.
func toLines(raw []string, nums []int) []line {
	var out []line
	block, pendingItem, prevBlank := 0, false, true
	for k, s := range raw {
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
		out = append(out, line{text: s, block: block, item: item, num: nums[k]})
	}
	return out
}

// cutBoilerplate removes paywall teasers and comment forms. A form is its
// marker line ("Leave a Reply", "Keep reading for free!"), the prompts
// that follow it, and the lines between two prompts (a form's labels, a
// paywall's pitch); at the end of the document, the short lines after its
// last prompt (buttons, field names) go too. Text after a form is kept: a
// page may hold more than one article. Above the first body text a marker
// is a link in the page header ("Leave a comment" beside the title) and
// only its line goes.
func cutBoilerplate(ls []line, rm *removals) []line {
	out := ls[:0:0]
	body := false
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		rule, ok := match(cutMarkers, l.text)
		if !ok {
			body = body || bodyLine(l.text)
			out = append(out, l)
			continue
		}
		end := i
		if body {
			end = formEnd(ls, i, formGap[rule])
		}
		rm.add(rule, l.num, ls[end].num, l.text)
		i = end
	}
	return out
}

// formEnd returns the index of the last line of the form whose marker is
// ls[start]: the last prompt reached with at most gap lines between
// prompts, or the last line of the document when only short lines follow.
func formEnd(ls []line, start, gap int) int {
	last := start
	for j := start + 1; j < len(ls) && j-last <= gap+1; j++ {
		if formPrompt(ls[j].text) {
			last = j
		}
	}
	for _, l := range ls[last+1:] {
		if bodyLine(l.text) {
			return last
		}
	}
	return len(ls) - 1
}

// formPrompt reports whether s is a line of a paywall or comment form.
func formPrompt(s string) bool {
	if _, ok := match(cutMarkers, s); ok {
		return true
	}
	if len(s) > maxBoilerplate {
		return false
	}
	_, ok := match(lineBoilerplate, s)
	return ok
}

// maxBoilerplate is the longest line, in bytes, that boilerplate rules are
// tried on: prompts and link lines are short, and a long paragraph that
// merely mentions a phrase is text.
const maxBoilerplate = 400

// dropFurniture removes page numbers, rule lines, the running header and
// author name at a page foot, repeated running headers of hard-wrapped
// text, and boilerplate lines.
func dropFurniture(ls []line, wrapped bool, rm *removals) []line {
	drop := make([]string, len(ls)) // the rule that drops each line
	for i, l := range ls {
		if len(l.text) <= maxBoilerplate {
			if rule, ok := match(lineBoilerplate, l.text); ok {
				drop[i] = rule
			}
		}
		if name, ok := match(pageFurniture, l.text); ok {
			drop[i] = name
			if name != "rule line" {
				dropPageFoot(ls, i, drop)
			}
		}
	}
	if wrapped {
		for i := range repeatedLines(ls) {
			if drop[i] == "" {
				drop[i] = "running header"
			}
		}
	}
	out := ls[:0:0]
	for i, l := range ls {
		if drop[i] == "" {
			out = append(out, l)
			continue
		}
		rm.add(drop[i], l.num, l.num, l.text)
	}
	return out
}

// dropPageFoot drops the lines just above a page number that belong to the
// page foot: a rule line, a running header with a course or report code,
// the author's name. Names alone are not enough: the zone must hold a rule
// line or a coded header, so a short heading above a page number stays.
func dropPageFoot(ls []line, footer int, drop []string) {
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
			drop[i] = "page foot"
		}
	}
	// A running header that opens the next page.
	for i := footer + 1; i < len(ls) && i-footer <= 2; i++ {
		if s := ls[i].text; !(courseCode.MatchString(s) && !endsSentence(s)) && !isRuleLine(s) {
			break
		}
		drop[i] = "running header"
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
