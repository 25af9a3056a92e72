package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad/internal/doc"
)

// screenshotDir is where the browser test saves what it saw; git ignores it.
const screenshotDir = "testout"

// hostile is an article written to run script in a reader's browser in
// every way an article can try: script elements, event-handler
// attributes, javascript: links, in its body, title and outlet. Each
// would set window.__pwned.
var hostile = ingestRequest{
	ID:        "hostile-1",
	Title:     `<script>window.__pwned="title"</script><img src=x onerror="window.__pwned='title-img'">`,
	Source:    `"><svg onload="window.__pwned='outlet'">`,
	Published: "2019-06-05",
	URL:       "javascript:window.__pwned='url'",
	Content: `<html><head><title>Talks</title><script>window.__pwned="head"</script></head><body><article>
<p>MOSCOW, June 5 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Wednesday, <script>window.__pwned="body"</script> and the two leaders signed an energy agreement.</p>
<p>Putin praised China <img src="x" onerror="window.__pwned='img'"> as a partner &lt;script&gt;window.__pwned="text"&lt;/script&gt; and <a href="javascript:window.__pwned='link'">thanked</a> Xi <b onmouseover="window.__pwned='hover'">for the visit</b>.</p>
<p>China condemned the <iframe src="javascript:window.__pwned='frame'"></iframe> sanctions <a href="#" onclick="window.__pwned='click'">imposed</a> by the United States on Iran.</p>
</article></body></html>`,
}

// findChromium returns the headless browser the test drives, or skips.
func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: install Debian's chromium (apt-get install -y chromium; .ci/run does) to run the browser test")
	return ""
}

// demoServer serves a real SQLite store holding the demo corpus and the
// hostile article, ingested through the API with the server's token.
func demoServer(t *testing.T) *httptestServer {
	t.Helper()
	st := demoStore(t)
	ts := newTestServer(t, st, Config{Token: "secret", Code: codeFunc(t)})
	body, _ := json.Marshal(hostile)
	if code, b := post(t, ts.URL+"/api/documents", "", string(body)); code != http.StatusUnauthorized {
		t.Errorf("POST /api/documents without the token = %d %s, want 401", code, b)
	}
	if code, b := post(t, ts.URL+"/api/documents", "wrong", string(body)); code != http.StatusUnauthorized {
		t.Errorf("POST /api/documents with a wrong token = %d %s, want 401", code, b)
	}
	code, b := post(t, ts.URL+"/api/documents", "secret", string(body))
	var res ingestResult
	if err := json.Unmarshal(b, &res); err != nil || code != http.StatusCreated || res.Events == 0 {
		t.Fatalf("POST /api/documents with the token = %d %s, want 201 and events", code, b)
	}
	return &httptestServer{URL: ts.URL, hostileHash: res.Hash}
}

type httptestServer struct {
	URL         string
	hostileHash string
}

// browser starts headless Chromium and collects every console error and
// warning, uncaught exception and browser log error (CSP violations among
// them).
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findChromium(t)), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1200, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	var mu sync.Mutex
	var errs []string
	msgs := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				mu.Lock()
				errs = append(errs, fmt.Sprintf("%s (%s)", m, m.URL))
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() { cancelT(); cancel(); cancelA(); <-done })
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := errs
		errs = nil
		return out
	}
}

// scripts switches the page's script execution on or off.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// open navigates to url and waits for its main element.
func open(url string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Navigate(url)(ctx, t); err != nil {
			return err
		}
		_, err := chromedp.WaitVisible(chromedp.CSS("main"))(ctx, t)
		return err
	})
}

// startBrowserTest skips without Chromium (or with -short), and serves
// the demo store to a new headless browser.
func startBrowserTest(t *testing.T) (*httptestServer, context.Context, func() []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser test starts Chromium; skipped with -short")
	}
	findChromium(t)
	srv := demoServer(t)
	ctx, consoleErrors := browser(t)
	return srv, ctx, consoleErrors
}

// checkPage is what the browser test reads off every page.
type checkPage struct {
	Title    string   `json:"title"`
	Pwned    any      `json:"pwned"`
	Scripts  []string `json:"scripts"`
	Handlers []string `json:"handlers"`
	JSLinks  []string `json:"jsLinks"`
	Frames   int      `json:"frames"`
	Shapes   int      `json:"shapes"` // chart shapes drawn with a size
	Mark     string   `json:"mark"`   // the highlighted sentence's text
	MarkBG   string   `json:"markBG"`
	Rows     int      `json:"rows"`
}

const inspect = `(() => {
  const all = [...document.querySelectorAll("*")];
  const handlers = [];
  for (const el of all) for (const a of el.attributes) if (a.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + " " + a.name);
  const shapes = [...document.querySelectorAll("svg.chart rect, svg.chart line, svg.chart circle, svg.chart polyline")]
    .filter(s => { const b = s.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length;
  const mark = document.querySelector("#event-sentence.highlight");
  return {
    title: document.title,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    scripts: [...document.scripts].map(s => s.src || "inline: " + s.text.slice(0, 40)),
    handlers: handlers,
    jsLinks: [...document.querySelectorAll("[href], [src], [action]")].map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action")).filter(u => /^\s*javascript:/i.test(u)),
    frames: document.querySelectorAll("iframe, object, embed").length,
    shapes: shapes,
    mark: mark ? mark.textContent.trim() : "",
    markBG: mark ? getComputedStyle(mark).backgroundColor : "",
    rows: document.querySelectorAll("tbody tr").length,
  };
})()`

// TestBrowser opens every page of the dashboard in headless Chromium:
// the charts are drawn, an event's sentence is highlighted in its
// document, nothing logs an error, and the hostile article runs nothing
// anywhere it shows. Screenshots go to testout/.
func TestBrowser(t *testing.T) {
	srv, ctx, consoleErrors := startBrowserTest(t)
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var evs eventPage
	getJSON(t, srv.URL+"/api/events?dyad=RUS-CHN&limit=1", &evs)
	var hostileDoc document
	getJSON(t, srv.URL+"/api/documents/"+srv.hostileHash, &hostileDoc)
	if len(evs.Events) == 0 || len(hostileDoc.EventList) == 0 {
		t.Fatalf("want a RUS-CHN event and events of the hostile article; got %d and %d", len(evs.Events), len(hostileDoc.EventList))
	}
	normal, bad := evs.Events[0], hostileDoc.EventList[0]
	reported, other := reportedTwice(t, srv.URL)
	pages := []struct {
		name, path string
		charts     bool
		mark       string // the sentence the page must highlight
		link       string // a link the page must hold
	}{
		{"overview", "/", true, "", ""},
		{"dyads", "/dyads", false, "", "/dyads?dyad="},
		{"dyad", "/dyads/RUS/CHN", true, "", "/brief/RUS-CHN"},
		{"dyad-quarter-ab", "/dyads/RUS/CHN?interval=quarter&direction=ab", true, "", ""},
		{"dyad-events", "/dyads/RUS/CHN?count=events", true, "", ""},
		{"events", "/events?dyad=RUS-CHN&both=true", false, "", ""},
		{"event", "/events/" + normal.ID, false, normal.Sentence, ""},
		{"event-cluster", "/events/" + reported.ID, false, reported.Sentence, "/events/" + other.ID},
		{"event-hostile", "/events/" + bad.ID, false, bad.Sentence, ""},
		{"documents", "/documents", false, "", ""},
		{"document", "/documents/" + url.PathEscape(normal.Doc), false, "", ""},
		{"document-hostile", "/documents/" + srv.hostileHash, false, "", ""},
		{"network", "/network", true, "", ""},
		{"search", "/search?q=Putin", false, "", ""},
		{"search-hostile", "/search?q=script+pwned", false, "", ""},
		{"brief", "/brief/RUS-CHN", true, "", "/documents/"},
	}
	for _, p := range pages {
		err := chromedp.Do(ctx,
			open(srv.URL+p.path),
			// Give handlers a chance to fire: hover what an attack might hide in.
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](`document.querySelectorAll("b, span, a, img").forEach(e => e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))); true`)(ctx, t)
				return err
			}),
			chromedp.Sleep(100*time.Millisecond),
		)
		if err != nil {
			t.Errorf("%s: %v", p.path, err)
			continue
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[checkPage](inspect))
		if err != nil {
			t.Errorf("%s: %v", p.path, err)
			continue
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Errorf("%s: screenshot: %v", p.path, err)
			continue
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, p.name+".png"), shot, 0o644); err != nil {
			t.Error(err)
		}
		if got.Pwned != nil {
			t.Errorf("%s: the hostile article ran script: window.__pwned = %v", p.path, got.Pwned)
		}
		if len(got.Scripts) != 1 || !strings.HasSuffix(got.Scripts[0], "/static/app.js") {
			t.Errorf("%s: scripts %q, want only /static/app.js", p.path, got.Scripts)
		}
		if len(got.Handlers) > 0 || len(got.JSLinks) > 0 || got.Frames > 0 {
			t.Errorf("%s: event handlers %q, javascript: links %q, %d frames: want none", p.path, got.Handlers, got.JSLinks, got.Frames)
		}
		if p.charts && got.Shapes < 3 {
			t.Errorf("%s: %d chart shapes drawn, want a chart", p.path, got.Shapes)
		}
		if p.mark != "" && (got.Mark != strings.TrimSpace(p.mark) || got.MarkBG == "" || got.MarkBG == "rgba(0, 0, 0, 0)") {
			t.Errorf("%s: highlighted %q (background %s), want the event's sentence %q highlighted", p.path, got.Mark, got.MarkBG, p.mark)
		}
		if p.link != "" {
			found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("a")].some(a => (a.getAttribute("href") || "").startsWith(`+strconv.Quote(p.link)+`))`))
			if err != nil || !found {
				t.Errorf("%s: no link to %s (%v)", p.path, p.link, err)
			}
		}
		if strings.Contains(p.path, "hostile") || p.name == "search-hostile" {
			// The attack shows as text, escaped, where the article is shown.
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if p.name == "document-hostile" && !strings.Contains(text, "<script>") {
				t.Errorf("%s: the article's title should show as text, tags and all", p.path)
			}
		}
		for _, e := range consoleErrors() {
			t.Errorf("%s: %s", p.path, e)
		}
	}
	// Links that name the attack's javascript: never reach a page: a click
	// on every link of the hostile document stays on the server.
	if err := chromedp.Do(ctx, open(srv.URL+"/documents/"+srv.hostileHash)); err != nil {
		t.Fatal(err)
	}
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("a")].map(a => a.href)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hrefs {
		if !strings.HasPrefix(h, srv.URL) {
			t.Errorf("hostile document page links to %q, off the server", h)
		}
	}
}

// TestBrowserWithoutJavaScript: with script disabled, the dyad explorer
// still draws its chart, a bar leads to its events, and the event filter
// form works.
func TestBrowserWithoutJavaScript(t *testing.T) {
	srv, ctx, consoleErrors := startBrowserTest(t)
	if err := chromedp.Do(ctx, scripts(false), open(srv.URL+"/dyads/RUS/CHN")); err != nil {
		t.Fatal(err)
	}
	// Script is switched on only to read what the page, loaded without
	// it, drew; the page's own script has not run.
	if err := chromedp.Do(ctx, scripts(true)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[checkPage](inspect))
	if err != nil {
		t.Fatal(err)
	}
	barHref, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("svg.chart a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		os.MkdirAll(screenshotDir, 0o755)
		os.WriteFile(filepath.Join(screenshotDir, "dyad-no-js.png"), shot, 0o644)
	}
	// Follow the bar: its events are listed.
	if err := chromedp.Do(ctx, scripts(false), open(srv.URL+barHref), scripts(true)); err != nil {
		t.Fatal(err)
	}
	barRows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tbody tr td a").length`))
	if err != nil {
		t.Fatal(err)
	}
	if barRows == 0 {
		t.Errorf("the bar's link %s lists no events", barHref)
	}
	// Fill in and submit the filter form with real keys and a real click.
	err = chromedp.Do(ctx, scripts(false), open(srv.URL+"/events"),
		chromedp.SendKeys(chromedp.CSS(`input[name="dyad"]`), "RUS-CHN"),
		chromedp.SendKeys(chromedp.CSS(`input[name="since"]`), "2013"),
		chromedp.Click(chromedp.CSS(`form.filter button`)),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.WaitVisible(chromedp.CSS("main")),
		scripts(true),
	)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tbody tr td a").length`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Shapes < 3 {
		t.Errorf("dyad explorer without JavaScript: %d chart shapes", got.Shapes)
	}
	if !strings.HasPrefix(barHref, "/events?") {
		t.Errorf("a bar links to %q, want its events", barHref)
	}
	if !strings.Contains(loc, "since=2013") || !strings.Contains(loc, "dyad=RUS-CHN") || rows == 0 {
		t.Errorf("filter form without JavaScript went to %s with %d rows", loc, rows)
	}
	for _, e := range consoleErrors() {
		t.Error(e)
	}
}

// reportedTwice returns an event whose cluster another document reports,
// and that other report.
func reportedTwice(t *testing.T, base string) (doc.Event, doc.Event) {
	t.Helper()
	var all eventPage
	getJSON(t, base+"/api/events?limit=1000", &all)
	first := map[string]doc.Event{}
	for _, e := range all.Events {
		if f, ok := first[e.Cluster]; ok && f.Doc != e.Doc {
			return f, e
		}
		if _, ok := first[e.Cluster]; !ok && e.Cluster != "" {
			first[e.Cluster] = e
		}
	}
	t.Fatal("no cluster of the demo store is reported by two documents")
	return doc.Event{}, doc.Event{}
}
