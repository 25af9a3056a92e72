package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// extracted is what an HTML page yields: its main text and metadata.
type extracted struct {
	Body      string // paragraphs separated by blank lines
	Title     string
	Source    string // site name
	Published string // ISO 8601 to the precision the page gives
	Encoding  string // the encoding the page was read as, when not UTF-8
}

// extractHTML takes the main text and metadata out of an HTML page.
// contentType is the HTTP Content-Type, if any, and base the page's URL.
func extractHTML(raw []byte, contentType string, base *url.URL) (x extracted, err error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(raw, utf8BOM))) == 0 {
		return x, ErrEmpty
	}
	page, enc, err := htmlToUTF8(raw, contentType)
	if err != nil {
		return x, err
	}
	x.Encoding = enc
	if isBinary(page) {
		return x, ErrBinary
	}
	page = bytes.ToValidUTF8(page, []byte("\uFFFD"))

	// trafilatura walks untrusted markup with a great deal of code; a
	// panic there must cost one input, not the whole walk.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extract HTML: panic: %v", p)
		}
	}()
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true,
		ExcludeComments: true,
		IncludeLinks:    false,
		IncludeImages:   false,
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil {
		return x, fmt.Errorf("no main text in HTML (%v): %w", err, ErrEmpty)
	}
	x.Body = blockText(res.ContentNode)
	if x.Body == "" {
		x.Body = strings.TrimSpace(res.ContentText)
	}
	if x.Body == "" {
		return x, fmt.Errorf("no main text in HTML: %w", ErrEmpty)
	}
	if doc, err := html.Parse(bytes.NewReader(page)); err == nil {
		x.Body = resegment(x.Body, pageBlocks(doc))
	}
	x.Title = strings.TrimSpace(res.Metadata.Title)
	x.Source = strings.TrimSpace(res.Metadata.Sitename)
	if m := rxSiteFromURL.FindStringSubmatch(res.Metadata.URL); m != nil && strings.EqualFold(m[1], x.Source) {
		// trafilatura falls back to the URL's host; that is not a name
		// the page gives itself, and must not outrank feed metadata.
		x.Source = ""
	}
	x.Published = metaDate(page)
	if x.Published == "" && !res.Metadata.Date.IsZero() {
		x.Published = res.Metadata.Date.Format("2006-01-02")
	}
	return x, nil
}

// htmlToUTF8 converts a page to UTF-8 when its encoding is known to be
// something else: from a byte-order mark or the HTTP header, or declared
// in a <meta> tag when the bytes are not valid UTF-8 anyway. It returns
// the encoding assumed when that is not UTF-8, and how it was known.
func htmlToUTF8(raw []byte, contentType string) (page []byte, assumed string, err error) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if enc == encoding.Nop || name == "utf-8" || (!certain && utf8.Valid(raw)) {
		return bytes.TrimPrefix(raw, utf8BOM), "", nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	assumed = name + " (declared)"
	if !certain {
		assumed = name + " (guessed: not valid UTF-8)"
	}
	return bytes.TrimPrefix(out, utf8BOM), assumed, nil
}

// rxSiteFromURL is how trafilatura derives a site name from a URL.
var rxSiteFromURL = regexp.MustCompile(`(?i)https?://(?:www\.|w[0-9]+\.)?([^/]+)`)

// blockElements start a new paragraph in the extracted text.
var blockElements = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true,
	"tbody": true, "tfoot": true, "caption": true, "figure": true,
	"figcaption": true, "header": true, "footer": true, "aside": true,
	"address": true, "hr": true, "details": true, "summary": true, "body": true,
}

// blockText renders the extractor's content tree as plain text: one
// paragraph per block element, separated by blank lines, white space
// collapsed except in <pre>, and <br> kept as a line break.
func blockText(root *html.Node) string {
	if root == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		var lines []string
		for _, l := range strings.Split(cur.String(), "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
		cur.Reset()
	}
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				cur.WriteString(n.Data)
			} else {
				// Line breaks in the source are spaces; only <br> breaks a line.
				cur.WriteString(strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
						return ' '
					}
					return r
				}, n.Data))
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "br":
				cur.WriteByte('\n')
				return
			case "script", "style", "noscript", "template":
				return
			case "td", "th":
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		isPre := pre || (n.Type == html.ElementNode && n.Data == "pre")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, isPre)
		}
		if block {
			if n.Data == "pre" {
				paras = append(paras, strings.Trim(cur.String(), "\n"))
				cur.Reset()
			} else {
				flush()
			}
		}
	}
	walk(root, false)
	flush()
	out := paras[:0]
	for _, p := range paras {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// pageBlocks returns the text of every block of a parsed page, in order,
// white space collapsed.
func pageBlocks(root *html.Node) []string {
	var out []string
	for _, p := range strings.Split(blockText(root), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// resegment splits the paragraphs of extracted text that run several
// blocks of the page together: some extractor paths flatten a short page
// into one paragraph ("Crimea annexedFrance condemned …"). Such a
// paragraph becomes the page's blocks, in the page's order, and a
// paragraph the extractor also gave on its own is then dropped as a
// repeat.
func resegment(body string, blocks []string) string {
	starts := map[string][]int{} // blocks by their first word
	for i, b := range blocks {
		w, _, _ := strings.Cut(b, " ")
		starts[w] = append(starts[w], i)
	}
	paras := strings.Split(body, "\n\n")
	split := make([][]string, len(paras))
	inRunOn := map[string]bool{}
	for i, p := range paras {
		if parts := runOn(strings.Join(strings.Fields(p), " "), blocks, starts); len(parts) > 1 {
			split[i] = parts
			for _, q := range parts {
				inRunOn[q] = true
			}
		}
	}
	if len(inRunOn) == 0 {
		return body
	}
	var out []string
	for i, p := range paras {
		switch {
		case split[i] != nil:
			out = append(out, split[i]...)
		case !inRunOn[strings.Join(strings.Fields(p), " ")]:
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// runOn returns the blocks, consecutive in the page, that p is made of
// when run together with or without spaces, or nil.
func runOn(p string, blocks []string, starts map[string][]int) []string {
	for _, first := range candidates(p, blocks, starts) {
		var parts []string
		rest := p
		for k := first; k < len(blocks) && rest != ""; k++ {
			if !strings.HasPrefix(rest, blocks[k]) {
				break
			}
			parts = append(parts, blocks[k])
			rest = strings.TrimLeft(rest[len(blocks[k]):], " ")
		}
		if rest == "" {
			return parts
		}
	}
	return nil
}

// candidates are the blocks p may start with.
func candidates(p string, blocks []string, starts map[string][]int) []int {
	var out []int
	for w, idx := range starts {
		if !strings.HasPrefix(p, w) {
			continue
		}
		for _, i := range idx {
			if strings.HasPrefix(p, blocks[i]) && len(blocks[i]) < len(p) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

// dateMetaKeys are <meta> names, properties and itemprops that carry a
// publication date, most specific first.
var dateMetaKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"citation_publication_date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "dcterms.created", "date", "pubdate",
	"publishdate", "publish-date", "publish_date", "parsely-pub-date",
	"sailthru.date", "article.published", "published-date", "datecreated",
}

// metaDate returns the publication date a page declares in its <meta>
// tags at the precision written ("2012-06" stays a month), or "".
func metaDate(page []byte) string {
	found := make(map[string]string)
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) == "body" {
			break
		}
		if string(name) != "meta" || !hasAttr {
			continue
		}
		var key, content string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "name", "property", "itemprop", "http-equiv":
				key = strings.ToLower(strings.TrimSpace(string(v)))
			case "content":
				content = string(v)
			}
			if !more {
				break
			}
		}
		if _, ok := found[key]; !ok && key != "" && content != "" {
			found[key] = content
		}
	}
	for _, k := range dateMetaKeys {
		if v, ok := found[k]; ok {
			if iso, ok := parseDate(v); ok {
				return iso
			}
		}
	}
	return ""
}
