package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/mmcdole/gofeed"
)

var errNoItemContent = errors.New("the item has no content or description to fall back on")

const userAgent = "dyad-ingest/1 (+https://github.com/dyad-events/dyad)"

// url fetches one URL and reads it as text, HTML or a feed.
func (w *walker) url(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		if err == nil {
			err = fmt.Errorf("no host in URL")
		}
		return w.fail(rawURL, bareError(err))
	}
	raw, ct, err := w.get(ctx, rawURL)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return w.fail(rawURL, err)
	}
	return w.content(ctx, input{id: rawURL, origin: rawURL, contentType: ct, base: u}, raw)
}

// get fetches a URL and returns its body and Content-Type. Statuses of
// 400 and more are an *HTTPStatusError.
func (w *walker) get(ctx context.Context, rawURL string) ([]byte, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := w.opt.Client.Do(req)
	if err != nil {
		return nil, "", bareError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		status := resp.Status
		if status == "" {
			status = strconv.Itoa(resp.StatusCode)
		}
		return nil, "", &HTTPStatusError{Code: resp.StatusCode, Status: status}
	}
	raw, err := w.readLimited(resp.Body)
	if err != nil {
		return nil, "", fmt.Errorf("read body: %w", err)
	}
	return raw, resp.Header.Get("Content-Type"), nil
}

// feed reads an RSS, Atom or RDF feed and yields one document per item:
// the page the item links to, or else the item's own content.
func (w *walker) feed(ctx context.Context, src input, raw []byte) error {
	source, items, err := ParseFeed(raw, src.base)
	if err != nil {
		return w.fail(src.origin, err)
	}
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		m := meta{Title: it.Title, Source: source, Published: it.Published}
		name := it.Name(src.origin, i)

		var fetchErr error
		if isURL(it.Link) {
			d, err := w.fetchItem(ctx, it.Link)
			if err == nil {
				if err := w.emit(d, m); err != nil {
					return err
				}
				continue
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fetchErr = err
		}

		if strings.TrimSpace(it.Content) != "" {
			d, err := w.buildDoc(input{id: name, origin: name, ext: ".html", base: src.base}, []byte(it.Content))
			if err == nil {
				if err := w.emit(d, m); err != nil {
					return err
				}
				continue
			}
			if fetchErr == nil {
				fetchErr = err
			}
		}
		if fetchErr == nil {
			fetchErr = errNoItemContent
		} else {
			fetchErr = fmt.Errorf("%w; %v", fetchErr, errNoItemContent)
		}
		if err := w.fail(name, fetchErr); err != nil {
			return err
		}
	}
	return nil
}

// FeedItem is one item of an RSS, Atom or RDF feed.
type FeedItem struct {
	Link      string // absolute, or "" when the item links nowhere
	GUID      string
	Title     string
	Published string // ISO date as the feed gives it, or ""
	Content   string // the item's content, else its description (HTML)
}

// Name is what the item is called as an input: its link, else its GUID,
// else its place in the feed (feedURL#itemN, for item index i).
func (it FeedItem) Name(feedURL string, i int) string {
	switch {
	case it.Link != "":
		return it.Link
	case it.GUID != "":
		return it.GUID
	}
	return fmt.Sprintf("%s#item%d", feedURL, i+1)
}

// ParseFeed reads an RSS, Atom or RDF feed fetched from base (nil when
// not known, for links already absolute): its title and items, links made
// absolute. A feed that cannot be read, or has no items, is an error.
func ParseFeed(raw []byte, base *url.URL) (title string, items []FeedItem, err error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return "", nil, fmt.Errorf("not a valid feed: %w", err)
	}
	if len(f.Items) == 0 {
		return "", nil, fmt.Errorf("feed has no items: %w", ErrEmpty)
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		items = append(items, FeedItem{
			Link:      resolveLink(base, it.Link),
			GUID:      strings.TrimSpace(it.GUID),
			Title:     strings.TrimSpace(it.Title),
			Published: itemDate(it),
			Content:   content,
		})
	}
	return strings.TrimSpace(f.Title), items, nil
}

// Page is a web page that another part of dyad fetched (dyad watch), with
// the metadata of the feed item that named it.
type Page struct {
	URL         string // where it came from: its origin and id
	ContentType string // the HTTP Content-Type, if any
	Raw         []byte
	// Title, Source and Published come from the feed; the page's own
	// metadata wins over them, as for an item Walk reads.
	Title, Source, Published string
}

// FromPage builds the document of a fetched page as Walk builds a feed
// item's: text or HTML (never a feed), the feed's metadata filling what
// the page lacks. notify, if not nil, hears the encoding assumed. A page
// that cannot be read is an *InputError naming p.URL.
func FromPage(p Page, notify func(Notice)) (*doc.Document, error) {
	var out *doc.Document
	w := &walker{opt: Options{Notify: notify}, fn: func(d *doc.Document, err error) error {
		out = d
		return err
	}}
	base, _ := url.Parse(p.URL)
	src := input{id: p.URL, origin: p.URL, contentType: p.ContentType, base: base}
	if kindOf(src, p.Raw) == kindFeed {
		return nil, &InputError{Input: p.URL, Err: errors.New("the page is itself a feed")}
	}
	d, err := w.buildDoc(src, p.Raw)
	if err != nil {
		return nil, &InputError{Input: p.URL, Err: bareError(err)}
	}
	if err := w.emit(d, meta{Title: p.Title, Source: p.Source, Published: p.Published}); err != nil {
		return nil, err
	}
	return out, nil
}

// fetchItem fetches the page a feed item links to. A feed inside a feed is
// not followed.
func (w *walker) fetchItem(ctx context.Context, link string) (*doc.Document, error) {
	raw, ct, err := w.get(ctx, link)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(link)
	src := input{id: link, origin: link, contentType: ct, base: u}
	if kindOf(src, raw) == kindFeed {
		return nil, fmt.Errorf("item link is itself a feed")
	}
	return w.buildDoc(src, raw)
}

// itemDate is an item's publication date, else its update date, as
// written in the feed (its own time zone).
func itemDate(it *gofeed.Item) string {
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.Format("2006-01-02")
		}
	}
	for _, s := range []string{it.Published, it.Updated} {
		if iso, ok := parseDate(s); ok {
			return iso
		}
	}
	return ""
}

// resolveLink makes an item link absolute against the feed's URL.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == nil || isURL(link) {
		return link
	}
	u, err := base.Parse(link)
	if err != nil {
		return link
	}
	return u.String()
}
