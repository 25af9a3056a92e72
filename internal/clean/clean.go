// Package clean turns the plain text of one document (a file's text, or
// the main text an HTML extractor took out of a page) into clean
// paragraphs ready for sentence splitting: hard-wrapped PDF lines are
// joined back into paragraphs, page furniture and site boilerplate
// (paywalls, comment forms, publisher blurbs) are removed, and each
// paragraph is marked as body text, heading, link list or dateline so that
// events are coded from body text only.
//
// Apart from removing whole lines and joining lines, cleaning changes no
// characters except: line ends are normalised, soft hyphens dropped, runs
// of spaces and tabs collapsed, a line-end hyphen inside a word removed,
// bullet glyphs removed, and invalid UTF-8 replaced by U+FFFD.
package clean

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Result is cleaned text and its paragraphs (offsets into Text), and what
// was removed on the way, in input order.
type Result struct {
	Text       string
	Paragraphs []doc.Paragraph
	Removed    []Removal
}

// Text cleans one document's plain text. Every line it removes is listed
// in Result.Removed with the rule that removed it.
func Text(raw string) Result {
	rawLines, nums := splitLines(normalise(raw))
	var rm removals
	for _, i := range leadingDates(rawLines).stamps {
		rm.add("archive stamp", nums[i], nums[i], rawLines[i])
		rawLines[i] = ""
	}
	ls := cutBoilerplate(toLines(rawLines, nums), &rm)
	w := measureWrap(ls)
	ls = dropFurniture(ls, w.wrapped(), &rm)
	ps := rebuild(ls, w)
	ps = trimTail(ps, &rm)
	ps = dropRepeats(ps, &rm)
	res := assemble(ps, kinds(ps))
	res.Removed = rm.sorted()
	return res
}

// trimTail drops what follows the article at the end of a page: the
// publisher's blurb, the author's contact block (name, position, e-mail),
// a lone author name.
func trimTail(ps []para, rm *removals) []para {
	drop := func(rule string) {
		p := ps[len(ps)-1]
		rm.add(rule, p.first, p.last, p.text)
		ps = ps[:len(ps)-1]
	}
	for len(ps) > 0 {
		last := ps[len(ps)-1]
		switch {
		case contact.MatchString(last.text):
			// With the name and position lines above it in its block.
			drop("author contact")
			for n := 0; n < 3 && len(ps) > 0; n++ {
				p := ps[len(ps)-1]
				if p.block != last.block || endsSentence(p.text) || len(p.text) > 80 {
					break
				}
				drop("author contact")
			}
		case personName.MatchString(last.text) && len(ps) > 1:
			drop("author name")
		default:
			rule, ok := match(tailBoilerplate, last.text)
			if !ok {
				return ps
			}
			drop(rule)
		}
	}
	return ps
}

// dropRepeats keeps a repeated heading once: a paragraph equal to the one
// before it, or a heading equal to an earlier heading.
func dropRepeats(ps []para, rm *removals) []para {
	seen := map[string]bool{}
	out := ps[:0:0]
	for _, p := range ps {
		if len(out) > 0 && out[len(out)-1].text == p.text {
			rm.add("repeated paragraph", p.first, p.last, p.text)
			continue
		}
		if headingLike(p.text) {
			if seen[p.text] {
				rm.add("repeated heading", p.first, p.last, p.text)
				continue
			}
			seen[p.text] = true
		}
		out = append(out, p)
	}
	return out
}

// kinds says what each paragraph is. A link list is an introduction
// ("... please see the following news sources:") and the source lines
// that follow it; source lines also form a list on their own when two or
// more stand together.
func kinds(ps []para) []doc.ParagraphKind {
	out := make([]doc.ParagraphKind, len(ps))
	isItem := func(i int) bool {
		if i >= len(ps) || len(ps[i].text) > maxBoilerplate {
			return false
		}
		_, ok := match(linkItem, ps[i].text)
		return ok
	}
	inList := false
	for i, p := range ps {
		intro := false
		if len(p.text) <= maxBoilerplate {
			_, intro = match(linkIntro, p.text)
		}
		switch {
		case isDateOrByline(p.text):
			out[i] = doc.Dateline
		case intro:
			out[i] = doc.LinkList
		case isItem(i) && (inList || isItem(i+1)):
			out[i] = doc.LinkList
		case headingLike(p.text):
			out[i] = doc.Heading
		default:
			out[i] = doc.Body
		}
		inList = out[i] == doc.LinkList
	}
	return out
}

func isDateOrByline(s string) bool {
	if _, ok := parseDateLine(s); ok {
		return true
	}
	if w, ok := parseWire(s); ok && (!w.dashed || w.end == len(s)) {
		return true // "BEIJING, May 8, 2015" or "TBILISI, August 13, 2008 —" on a line of its own
	}
	return len(s) <= 120 && byline.MatchString(s)
}

// assemble joins the paragraphs with blank lines and records their
// offsets.
func assemble(ps []para, ks []doc.ParagraphKind) Result {
	var b strings.Builder
	res := Result{Paragraphs: make([]doc.Paragraph, 0, len(ps))}
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p.text)
		res.Paragraphs = append(res.Paragraphs, doc.Paragraph{Start: start, End: b.Len(), Kind: ks[i]})
	}
	res.Text = b.String()
	return res
}
