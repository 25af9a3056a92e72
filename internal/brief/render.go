package brief

import (
	_ "embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/template"
)

//go:embed brief.md.tmpl
var mdTemplate string

//go:embed brief.html.tmpl
var htmlTemplate string

// LinkFunc gives the address of a document's sentence in the document
// reader (dyad serve), or "" for no link.
type LinkFunc func(doc string, sentence int) string

func funcs(link LinkFunc) map[string]any {
	if link == nil {
		link = func(string, int) string { return "" }
	}
	return map[string]any{
		"period": func(b *Brief) string {
			switch {
			case b.Since != "" && b.Until != "":
				return "from " + b.Since + " to " + b.Until
			case b.Since != "":
				return "since " + b.Since
			case b.Until != "":
				return "until " + b.Until
			}
			return "in every stored document"
		},
		"pct": func(share float64, events int) string {
			if events == 0 {
				return "–"
			}
			return strconv.FormatFloat(share*100, 'f', 0, 64) + "%"
		},
		"gold": func(g float64, events int) string {
			if events == 0 {
				return "–"
			}
			return strconv.FormatFloat(g, 'f', 2, 64)
		},
		"change": func(r Row) string {
			if r.Prev == "" {
				return "–"
			}
			return fmt.Sprintf("%+.2f on %s", r.Change, r.Prev)
		},
		"notes": func(ns []int) string {
			var b strings.Builder
			for _, n := range ns {
				fmt.Fprintf(&b, "[^%d]", n)
			}
			return b.String()
		},
		"title":    upperFirst,
		"link":     link,
		"doclabel": func(n Note) string { return label(n) },
		"chart":    chart,
	}
}

func label(n Note) string {
	if n.Title != "" {
		return fmt.Sprintf("%s, “%s”", n.Doc, n.Title)
	}
	return n.Doc
}

var (
	mdT   = template.Must(template.New("brief.md").Funcs(funcs(nil)).Parse(mdTemplate))
	htmlT = htmltemplate.Must(htmltemplate.New("brief.html").Funcs(funcs(nil)).Parse(htmlTemplate))
)

// WriteMarkdown writes b as Markdown, footnotes as [^n].
func WriteMarkdown(w io.Writer, b *Brief) error {
	return mdT.Execute(w, b)
}

// WriteHTML writes b as a page of its own, with a chart of events per
// year; link, when not nil, links each footnote to the document reader.
func WriteHTML(w io.Writer, b *Brief, link LinkFunc) error {
	return htmlFor(link).ExecuteTemplate(w, "page", b)
}

// WriteHTMLFragment writes b as an <article> for a page of the server's
// own.
func WriteHTMLFragment(w io.Writer, b *Brief, link LinkFunc) error {
	return htmlFor(link).ExecuteTemplate(w, "brief", b)
}

func htmlFor(link LinkFunc) *htmltemplate.Template {
	if link == nil {
		return htmlT
	}
	t := htmltemplate.Must(htmlT.Clone())
	return t.Funcs(map[string]any{"link": link})
}

// chart draws the events per year of both directions as an SVG bar chart.
func chart(b *Brief) htmltemplate.HTML {
	if len(b.Directions) != 2 {
		return ""
	}
	years := map[string][2]int{}
	var keys []string
	top := 1
	for d, dir := range b.Directions {
		for _, r := range dir.Rows {
			v, ok := years[r.Period.Period]
			if !ok {
				keys = append(keys, r.Period.Period)
			}
			v[d] = r.Events
			years[r.Period.Period] = v
			top = max(top, r.Events)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	slices.Sort(keys)
	const h, bar, gap, legend = 120, 12, 10, 20
	width := max(len(keys)*(2*bar+gap)+gap, 320)
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart" role="img" width="%d" height="%d" viewBox="0 0 %d %d"><title>Events per year</title>`,
		width, h+30+legend, width, h+30+legend)
	for d, class := range []string{"a", "b"} {
		x := gap + d*160
		fmt.Fprintf(&s, `<rect class="%s" x="%d" y="%d" width="10" height="10"></rect><text x="%d" y="%d">%s</text>`,
			class, x, h+30, x+14, h+39, htmltemplate.HTMLEscapeString(b.Directions[d].Title))
	}
	for i, y := range keys {
		x := gap + i*(2*bar+gap)
		for d, class := range []string{"a", "b"} {
			n := years[y][d]
			bh := n * h / top
			fmt.Fprintf(&s, `<rect class="%s" x="%d" y="%d" width="%d" height="%d"><title>%s %s: %d</title></rect>`,
				class, x+d*bar, h-bh+5, bar, bh, htmltemplate.HTMLEscapeString(b.Directions[d].Title), y, n)
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d">%s</text>`, x, h+22, y)
	}
	s.WriteString(`</svg>`)
	return htmltemplate.HTML(s.String())
}
