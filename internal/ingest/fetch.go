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
	f, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return w.fail(src.origin, fmt.Errorf("not a valid feed: %w", err))
	}
	if len(f.Items) == 0 {
		return w.fail(src.origin, fmt.Errorf("feed has no items: %w", ErrEmpty))
	}
	source := strings.TrimSpace(f.Title)
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it == nil {
			continue
		}
		m := meta{Title: strings.TrimSpace(it.Title), Source: source, Published: itemDate(it)}
		link := resolveLink(src.base, it.Link)
		name := link
		if name == "" {
			name = fmt.Sprintf("%s#item%d", src.origin, i+1)
			if g := strings.TrimSpace(it.GUID); g != "" {
				name = g
			}
		}

		var fetchErr error
		if isURL(link) {
			d, err := w.fetchItem(ctx, link)
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

		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		if strings.TrimSpace(content) != "" {
			d, err := w.buildDoc(input{id: name, origin: name, ext: ".html", base: src.base}, []byte(content))
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
