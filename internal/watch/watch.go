// Package watch polls RSS and Atom feeds on a schedule and hands each new
// article to a Handler once: conditional GETs (ETag, Last-Modified), a
// politeness delay per host, robots.txt, exponential backoff per failing
// feed, bounded response size and time, and items deduplicated by URL and
// by content hash. Feed state lives in a State the caller supplies (the
// store), so a restart resumes where the last run stopped.
package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
)

// State keeps feeds and the items already handled. The store implements
// it; the user of the interface defines it.
type State interface {
	// Feed returns the feed's state, or store.Feed{URL: url} when it is new.
	Feed(ctx context.Context, url string) (store.Feed, error)
	PutFeed(ctx context.Context, f store.Feed) error
	// Seen reports whether an item with this URL, or content with this
	// hash (hex SHA-256 of the raw bytes, the document hash), is known.
	// hash may be empty.
	Seen(ctx context.Context, url, hash string) (bool, error)
	// MarkSeen records an item of feed as handled.
	MarkSeen(ctx context.Context, feed, url, hash string) error
}

// Result is what a Handler did with one article.
type Result struct {
	New    bool // stored (or published) as new content
	Events int  // events coded from it, when coded here
}

// Handler takes one fetched article: "dyad watch" codes and stores it; a
// queue-backed deployment would publish it as a job instead. Handle is
// called with a context that is not cancelled by shutdown, so the
// document in hand is finished.
type Handler interface {
	Handle(ctx context.Context, p ingest.Page) (Result, error)
}

// Options configure a Watcher. The zero value is usable.
type Options struct {
	Every      time.Duration // between rounds; default 15 minutes
	Delay      time.Duration // between two requests to one host; default 1s, negative for none
	Timeout    time.Duration // per request, when Client is nil; default 30s
	MaxSize    int64         // the largest response read; default ingest.DefaultMaxSize
	MaxBackoff time.Duration // the longest a failing feed waits; default 24h
	Client     *http.Client
	// Now is the clock of the schedule and of the times kept in Feed;
	// default time.Now. The politeness delay always uses real time.
	Now func() time.Time
}

// UserAgent is sent with every request; its product token "dyad" is the
// name robots.txt rules address.
const UserAgent = "dyad-watch/1 (+https://github.com/dyad-events/dyad)"

const robotsAgent = "dyad"

// Stats says what one round did.
type Stats struct {
	Round       int
	Polled      int // feeds fetched
	NotModified int // of those, answered 304
	BackingOff  int // feeds not polled: waiting after failures
	New         int // articles handled as new
	Known       int // articles whose content was already stored
	Events      int
	// Failures are one line each: a feed or an article and its problem.
	Failures    []error
	FeedsFailed int // of Failures, those of whole feeds
}

// Watcher polls a fixed list of feeds.
type Watcher struct {
	feeds   []string
	state   State
	handle  Handler
	opt     Options
	round   int
	start   time.Time            // when round 1 began; round k is due Every*(k-1) later
	lastHit map[string]time.Time // per host, real time
	robots  map[string]robotsEntry
}

type robotsEntry struct {
	r       *robots
	fetched time.Time
}

// New makes a Watcher of feeds (URLs) that keeps its state in st and
// hands articles to h.
func New(feeds []string, st State, h Handler, opt Options) *Watcher {
	if opt.Every <= 0 {
		opt.Every = 15 * time.Minute
	}
	if opt.Delay < 0 {
		opt.Delay = 0
	} else if opt.Delay == 0 {
		opt.Delay = time.Second
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.MaxSize <= 0 {
		opt.MaxSize = ingest.DefaultMaxSize
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 24 * time.Hour
	}
	if opt.Client == nil {
		opt.Client = &http.Client{Timeout: opt.Timeout}
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Watcher{feeds: feeds, state: st, handle: h, opt: opt,
		lastHit: map[string]time.Time{}, robots: map[string]robotsEntry{}}
}

// Run polls every feed once a round, rounds times (0: until ctx is done),
// a round every Every (at once when the last one overran), and calls
// report after each round. It returns nil when it stops because ctx is
// done: the round in progress finishes the article in hand and stops.
func (w *Watcher) Run(ctx context.Context, rounds int, report func(Stats)) error {
	for i := 0; rounds == 0 || i < rounds; i++ {
		if i > 0 {
			t := time.NewTimer(w.due(w.round + 1).Sub(w.opt.Now()))
			select {
			case <-ctx.Done():
				t.Stop()
				return nil
			case <-t.C:
			}
		}
		st, err := w.Round(ctx)
		if report != nil {
			report(st)
		}
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// due is when round k is due. The schedule counts rounds, not the time
// they take, so backoff is counted in rounds too: a feed that failed n
// times in a row sits out 2^n-1 rounds, however long coding took.
func (w *Watcher) due(k int) time.Time {
	return w.start.Add(time.Duration(k-1) * w.opt.Every)
}

// Round polls each feed that is not backing off. Its error is the
// state's (the store failed) or ctx's; a feed or an article that fails is
// one of Stats.Failures and the round goes on.
func (w *Watcher) Round(ctx context.Context) (Stats, error) {
	w.round++
	if w.round == 1 {
		w.start = w.opt.Now()
	}
	at := w.due(w.round)
	st := Stats{Round: w.round}
	for _, u := range w.feeds {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		f, err := w.state.Feed(ctx, u)
		if err != nil {
			return st, fmt.Errorf("feed state %s: %w", u, err)
		}
		if at.Before(f.NextPoll) {
			st.BackingOff++
			continue
		}
		st.Polled++
		now := w.opt.Now()
		f.LastPoll = now
		validators, err := w.poll(ctx, &f, &st)
		var se *stateError
		switch {
		case errors.As(err, &se):
			return st, err
		case err != nil && ctx.Err() != nil:
			// Stopped part-way: the feed is read again in full next time.
			return st, ctx.Err()
		case err != nil:
			f.Failures++
			st.FeedsFailed++
			f.LastError, f.LastErrorAt = err.Error(), now
			f.NextPoll = at.Add(w.backoff(f.Failures))
			st.Failures = append(st.Failures, fmt.Errorf("feed %s: %w (failed %d %s; next poll %s)",
				u, err, f.Failures, times(f.Failures), f.NextPoll.UTC().Format(time.RFC3339)))
		default:
			f.Failures, f.NextPoll, f.LastSuccess = 0, time.Time{}, now
			if validators != nil {
				f.ETag, f.LastModified = validators.etag, validators.lastModified
			}
		}
		if err := w.state.PutFeed(context.WithoutCancel(ctx), f); err != nil {
			return st, fmt.Errorf("feed state %s: %w", u, err)
		}
	}
	return st, nil
}

func times(n int) string {
	if n == 1 {
		return "time"
	}
	return "times"
}

// backoff is how long a feed that failed n times in a row waits: Every
// doubled n times, at most MaxBackoff.
func (w *Watcher) backoff(n int) time.Duration {
	d := w.opt.Every
	for range n {
		if d >= w.opt.MaxBackoff/2 {
			return w.opt.MaxBackoff
		}
		d *= 2
	}
	return d
}

// stateError is a failure of the State: it stops the round.
type stateError struct{ err error }

func (e *stateError) Error() string { return e.err.Error() }
func (e *stateError) Unwrap() error { return e.err }

type validators struct{ etag, lastModified string }

// poll fetches one feed and handles its new items. It returns the
// validators to keep, or nil to keep the old ones: after a 304, and when
// an article failed, so that it is tried again next round.
func (w *Watcher) poll(ctx context.Context, f *store.Feed, st *Stats) (*validators, error) {
	header := http.Header{}
	if f.ETag != "" {
		header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		header.Set("If-Modified-Since", f.LastModified)
	}
	resp, err := w.get(ctx, f.URL, header)
	if err != nil {
		return nil, err
	}
	if resp.status == http.StatusNotModified {
		st.NotModified++
		return nil, nil
	}
	base, _ := url.Parse(f.URL)
	source, items, err := ingest.ParseFeed(resp.body, base)
	if err != nil {
		return nil, err
	}
	v := &validators{etag: resp.header.Get("ETag"), lastModified: resp.header.Get("Last-Modified")}
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := it.Name(f.URL, i)
		seen, err := w.state.Seen(ctx, name, "")
		if err != nil {
			return nil, &stateError{fmt.Errorf("item %s: %w", name, err)}
		}
		if seen {
			continue
		}
		page, err := w.article(ctx, it, name)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			st.Failures = append(st.Failures, fmt.Errorf("%s: %w", name, err))
			if !errors.Is(err, ErrRobots) && !errors.Is(err, ErrTooLarge) {
				v = nil // tried again next round
				continue
			}
			// Refused for good: named once, not fetched again.
			if err := w.state.MarkSeen(ctx, f.URL, name, ""); err != nil {
				return nil, &stateError{fmt.Errorf("item %s: %w", name, err)}
			}
			continue
		}
		page.Source = source
		if err := w.take(ctx, f.URL, page, st); err != nil {
			var se *stateError
			if errors.As(err, &se) {
				return nil, err
			}
			st.Failures = append(st.Failures, err)
			v = nil
		}
	}
	return v, nil
}

// article fetches the page an item links to or, when it links nowhere or
// its page cannot be fetched, takes the item's own content.
func (w *Watcher) article(ctx context.Context, it ingest.FeedItem, name string) (ingest.Page, error) {
	page := ingest.Page{URL: name, Title: it.Title, Published: it.Published}
	var fetchErr error
	if it.Link != "" {
		resp, err := w.get(ctx, it.Link, nil)
		if err == nil {
			page.Raw, page.ContentType = resp.body, resp.header.Get("Content-Type")
			return page, nil
		}
		fetchErr = err
	}
	if it.Content == "" {
		if fetchErr == nil {
			fetchErr = errors.New("the item has no link and no content")
		}
		return page, fetchErr
	}
	page.Raw, page.ContentType = []byte(it.Content), "text/html"
	return page, nil
}

// take hands one fetched article to the Handler, unless its content is
// already known, and records it as seen. Shutdown does not interrupt it.
func (w *Watcher) take(ctx context.Context, feed string, p ingest.Page, st *Stats) error {
	ctx = context.WithoutCancel(ctx)
	sum := sha256.Sum256(p.Raw)
	hash := hex.EncodeToString(sum[:])
	seen, err := w.state.Seen(ctx, "", hash)
	if err != nil {
		return &stateError{fmt.Errorf("item %s: %w", p.URL, err)}
	}
	if seen {
		st.Known++
	} else {
		res, err := w.handle.Handle(ctx, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p.URL, err)
		}
		if res.New {
			st.New++
		} else {
			st.Known++
		}
		st.Events += res.Events
	}
	if err := w.state.MarkSeen(ctx, feed, p.URL, hash); err != nil {
		return &stateError{fmt.Errorf("item %s: %w", p.URL, err)}
	}
	return nil
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// ErrRobots marks a URL that the site's robots.txt does not let dyad fetch.
var ErrRobots = errors.New("robots.txt disallows it")

// ErrTooLarge marks a response over Options.MaxSize.
var ErrTooLarge = errors.New("response larger than the size limit")

// get fetches rawURL politely: robots.txt first, then no sooner than
// Delay after the last request to the host. Statuses other than 200 and
// 304 are errors.
func (w *Watcher) get(ctx context.Context, rawURL string, header http.Header) (*response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("not an http(s) URL")
	}
	r, err := w.robotsFor(ctx, u)
	if err != nil {
		return nil, err
	}
	if !r.allows(u.EscapedPath() + queryPart(u)) {
		return nil, ErrRobots
	}
	return w.fetch(ctx, rawURL, header)
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// robotsFor returns the rules of u's host, fetched at most once a day.
// A missing robots.txt (4xx) allows everything; a server error or no
// answer disallows everything until the next try (RFC 9309).
func (w *Watcher) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	key := u.Scheme + "://" + u.Host
	if e, ok := w.robots[key]; ok && time.Since(e.fetched) < 24*time.Hour {
		return e.r, nil
	}
	resp, err := w.fetch(ctx, key+"/robots.txt", nil)
	var hs *ingest.HTTPStatusError
	switch {
	case err == nil:
		w.robots[key] = robotsEntry{parseRobots(resp.body, robotsAgent), time.Now()}
	case errors.As(err, &hs) && hs.Code >= 400 && hs.Code < 500:
		w.robots[key] = robotsEntry{nil, time.Now()}
	default:
		return nil, fmt.Errorf("robots.txt: %w", err)
	}
	return w.robots[key].r, nil
}

// fetch makes one GET after the host's politeness delay, reading at most
// MaxSize bytes.
func (w *Watcher) fetch(ctx context.Context, rawURL string, header http.Header) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", UserAgent)
	if err := w.wait(ctx, req.URL.Host); err != nil {
		return nil, err
	}
	resp, err := w.opt.Client.Do(req)
	w.lastHit[req.URL.Host] = time.Now()
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return nil, ue.Err
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return &response{status: resp.StatusCode, header: resp.Header}, nil
	}
	if resp.StatusCode != http.StatusOK {
		status := resp.Status
		if status == "" {
			status = strconv.Itoa(resp.StatusCode)
		}
		return nil, &ingest.HTTPStatusError{Code: resp.StatusCode, Status: status}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.opt.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > w.opt.MaxSize {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, w.opt.MaxSize)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// wait sleeps until Delay has passed since the last request to host.
func (w *Watcher) wait(ctx context.Context, host string) error {
	last, ok := w.lastHit[host]
	if !ok {
		return nil
	}
	d := w.opt.Delay - time.Since(last)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
