package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// got is what one call of Walk's fn saw.
type got struct {
	doc *doc.Document
	err error
}

// collect runs Walk and records every call of fn.
func collect(t *testing.T, inputs []string, opt Options) ([]got, error) {
	t.Helper()
	var out []got
	err := Walk(context.Background(), inputs, opt, func(d *doc.Document, err error) error {
		if (d == nil) == (err == nil) {
			t.Errorf("fn called with doc %v and error %v: want exactly one", d != nil, err)
		}
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %v is %T, want *InputError", err, err)
			}
		}
		out = append(out, got{d, err})
		return nil
	})
	return out, err
}

// writeFiles creates files (slash paths relative to dir) with contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// want describes one expected call of fn. Empty fields are not checked,
// except that Published and DateFrom are always compared for documents.
type want struct {
	id, origin, format string
	title, source      string
	published          string
	dateFrom           string
	body               string   // exact body, if set
	contains, lacks    []string // substrings of the body
	errIs              error    // for failed inputs
	status             int      // HTTP status of a failed URL
	errInput           string   // InputError.Input, relative to the temp dir
}

func check(t *testing.T, dir string, gots []got, wants []want) {
	t.Helper()
	if len(gots) != len(wants) {
		for _, g := range gots {
			if g.doc != nil {
				t.Logf("doc %s (%s)", g.doc.ID, g.doc.Origin)
			} else {
				t.Logf("error %v", g.err)
			}
		}
		t.Fatalf("fn called %d times, want %d", len(gots), len(wants))
	}
	for i, w := range wants {
		g := gots[i]
		if w.errIs != nil || w.errInput != "" || w.status != 0 {
			if g.err == nil {
				t.Errorf("call %d: got doc %s, want error %v", i, g.doc.ID, w.errIs)
				continue
			}
			if w.errIs != nil && !errors.Is(g.err, w.errIs) {
				t.Errorf("call %d: error %v, want one wrapping %v", i, g.err, w.errIs)
			}
			var se *HTTPStatusError
			if w.status != 0 && (!errors.As(g.err, &se) || se.Code != w.status) {
				t.Errorf("call %d: error %v, want HTTP status %d", i, g.err, w.status)
			}
			var ie *InputError
			if errors.As(g.err, &ie) && w.errInput != "" && ie.Input != filepath.Join(dir, filepath.FromSlash(w.errInput)) {
				t.Errorf("call %d: InputError.Input = %q, want %q", i, ie.Input, filepath.Join(dir, w.errInput))
			}
			continue
		}
		if g.err != nil {
			t.Errorf("call %d: error %v, want doc %s", i, g.err, w.id)
			continue
		}
		d := g.doc
		if w.id != "" && d.ID != w.id {
			t.Errorf("call %d: ID = %q, want %q", i, d.ID, w.id)
		}
		if w.origin != "" && d.Origin != filepath.Join(dir, filepath.FromSlash(w.origin)) {
			t.Errorf("call %d: Origin = %q, want %q", i, d.Origin, filepath.Join(dir, w.origin))
		}
		if w.format != "" && d.Format != w.format {
			t.Errorf("%s: Format = %q, want %q", d.ID, d.Format, w.format)
		}
		if w.title != "" && d.Title != w.title {
			t.Errorf("%s: Title = %q, want %q", d.ID, d.Title, w.title)
		}
		if w.source != "" && d.Source != w.source {
			t.Errorf("%s: Source = %q, want %q", d.ID, d.Source, w.source)
		}
		if d.Published != w.published || d.DateFrom != w.dateFrom {
			t.Errorf("%s: Published, DateFrom = %q, %q, want %q, %q", d.ID, d.Published, d.DateFrom, w.published, w.dateFrom)
		}
		if w.body != "" && d.Body != w.body {
			t.Errorf("%s: Body = %q, want %q", d.ID, d.Body, w.body)
		}
		for _, s := range w.contains {
			if !strings.Contains(d.Body, s) {
				t.Errorf("%s: Body lacks %q:\n%s", d.ID, s, d.Body)
			}
		}
		for _, s := range w.lacks {
			if strings.Contains(d.Body, s) {
				t.Errorf("%s: Body has %q:\n%s", d.ID, s, d.Body)
			}
		}
		sum := sha256.Sum256(d.Raw)
		if d.Hash != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: Hash %s is not the SHA-256 of Raw", d.ID, d.Hash)
		}
	}
}

var articleParas = []string{
	"Russian President Vladimir Putin arrived in Beijing on Tuesday for talks with Chinese President Hu Jintao, the Kremlin said in a statement.",
	"The two leaders signed a series of agreements on energy cooperation and trade, officials said after the meeting in the Great Hall of the People.",
	"China and Russia also pledged to coordinate their positions on Syria at the United Nations Security Council, according to the Xinhua news agency.",
}

var articleBoilerplate = []string{"Subscribe now", "Copyright", "Privacy policy", "Markets rally", "do not extract me"}

func TestWalk(t *testing.T) {
	article := readTestdata(t, "article.html")
	const story = "MOSCOW, June 5 (Reuters) - Russia and China signed a deal.\n\nTalks continue.\n"
	tests := []struct {
		name     string
		files    map[string]string
		inputs   []string // relative to the temp dir
		manifest string   // relative to the temp dir
		want     []want
	}{
		{
			name:   "text file",
			files:  map[string]string{"001_7cf3c6871154cef4.txt": story},
			inputs: []string{"001_7cf3c6871154cef4.txt"},
			want:   []want{{id: "001_7cf3c6871154cef4.txt", origin: "001_7cf3c6871154cef4.txt", format: "text", body: story}},
		},
		{
			name:   "BOM stripped and invalid UTF-8 repaired",
			files:  map[string]string{"latin.txt": "\xEF\xBB\xBFCaf\xe9 talks in Paris.\n"},
			inputs: []string{"latin.txt"},
			want:   []want{{id: "latin.txt", format: "text", body: "Caf\uFFFD talks in Paris.\n"}},
		},
		{
			name:   "UTF-16 text",
			files:  map[string]string{"u16.txt": "\xFF\xFEH\x00i\x00\n\x00"},
			inputs: []string{"u16.txt"},
			want:   []want{{id: "u16.txt", format: "text", body: "Hi\n"}},
		},
		{
			name:   "HTML file: main text and meta tags",
			files:  map[string]string{"page.html": article},
			inputs: []string{"page.html"},
			want: []want{{
				id: "page.html", format: "html", title: "Putin visits Beijing", source: "Example News",
				published: "2012-06-07", dateFrom: "html",
				contains: []string{strings.Join(articleParas, "\n\n")},
				lacks:    articleBoilerplate,
			}},
		},
		{
			name:   "HTML sniffed without extension",
			files:  map[string]string{"page.dat": article},
			inputs: []string{"page.dat"},
			want:   []want{{id: "page.dat", format: "html", published: "2012-06-07", dateFrom: "html", contains: articleParas[:1]}},
		},
		{
			name: "HTML date kept at month precision",
			files: map[string]string{"month.htm": `<html><head><title>Monthly review</title><meta name="date" content="2012-06"></head>
<body><article><p>` + articleParas[0] + `</p><p>` + articleParas[1] + `</p></article></body></html>`},
			inputs: []string{"month.htm"},
			want:   []want{{id: "month.htm", format: "html", title: "Monthly review", published: "2012-06", dateFrom: "html", body: articleParas[0] + "\n\n" + articleParas[1]}},
		},
		{
			name: "directory: recursive, sorted, hidden, its manifest applied",
			files: map[string]string{
				"corpus/b.txt":           "b",
				"corpus/a/z.txt":         "z",
				"corpus/a/b/y.md":        "y",
				"corpus/.hidden.txt":     "hidden",
				"corpus/.git/config":     "hidden",
				"corpus/c.html":          article,
				"corpus/manifest.jsonl":  `{"path":"b.txt","id":"from-folder-manifest"}`,
				"corpus/a/b/UPPER.TXT":   "upper",
				"corpus/a/b/no-ext-file": "plain",
			},
			inputs: []string{"corpus"},
			want: []want{
				{id: "UPPER.TXT", origin: "corpus/a/b/UPPER.TXT"},
				{id: "no-ext-file", origin: "corpus/a/b/no-ext-file"},
				{id: "y.md", origin: "corpus/a/b/y.md", body: "y"},
				{id: "z.txt", origin: "corpus/a/z.txt"},
				{id: "from-folder-manifest", origin: "corpus/b.txt", body: "b"},
				{id: "c.html", format: "html", published: "2012-06-07", dateFrom: "html"},
			},
		},
		{
			name: "empty, blank and binary files fail alone",
			files: map[string]string{
				"d/1-empty.txt":  "",
				"d/2-blank.txt":  " \n\t\r\n",
				"d/3-good.txt":   "good",
				"d/4-nul.txt":    "PK\x03\x04\x00\x00abc",
				"d/5-noise.txt":  strings.Repeat("\x80\x91\xff\xfe\xc3", 300),
				"d/6-empty.html": "\n",
				"d/7-good.txt":   "also good",
			},
			inputs: []string{"d"},
			want: []want{
				{errIs: ErrEmpty, errInput: "d/1-empty.txt"},
				{errIs: ErrEmpty, errInput: "d/2-blank.txt"},
				{id: "3-good.txt", body: "good"},
				{errIs: ErrBinary, errInput: "d/4-nul.txt"},
				{errIs: ErrBinary, errInput: "d/5-noise.txt"},
				{errIs: ErrEmpty, errInput: "d/6-empty.html"},
				{id: "7-good.txt", body: "also good"},
			},
		},
		{
			name:   "missing input, then a good one",
			files:  map[string]string{"good.txt": "good"},
			inputs: []string{"missing.txt", "good.txt"},
			want: []want{
				{errIs: fs.ErrNotExist, errInput: "missing.txt"},
				{id: "good.txt"},
			},
		},
		{
			name: "manifest JSONL overrides metadata; paths relative to its folder",
			files: map[string]string{
				"meta/manifest.jsonl": `{"path":"../docs/a.txt","id":"doc-a","published":"2012-06-07T10:00:00Z","title":"Title A","source":"Wire A"}

{"path":"../docs/page.html","published":"2011-10","source":"From manifest"}
{"path":"../docs/unlisted-elsewhere.txt","id":"never"}
`,
				"docs/a.txt":     "a text",
				"docs/page.html": article,
				"docs/b.txt":     "not in the manifest",
			},
			inputs:   []string{"docs"},
			manifest: "meta/manifest.jsonl",
			want: []want{
				{id: "doc-a", origin: "docs/a.txt", title: "Title A", source: "Wire A", published: "2012-06-07", dateFrom: "manifest"},
				{id: "b.txt"},
				{id: "page.html", title: "Putin visits Beijing", source: "From manifest", published: "2011-10", dateFrom: "manifest"},
			},
		},
		{
			name: "manifest CSV; the manifest file itself is skipped",
			files: map[string]string{
				"c/list.csv": "id,path,published,title,source\n" +
					"x1,a.txt,2012-06,\"Talks, continued\",Wire\n" +
					"x2,sub/b.txt,,,\n",
				"c/a.txt":     "a",
				"c/sub/b.txt": "b",
			},
			inputs:   []string{"c"},
			manifest: "c/list.csv",
			want: []want{
				{id: "x1", title: "Talks, continued", source: "Wire", published: "2012-06", dateFrom: "manifest"},
				{id: "x2", origin: "c/sub/b.txt"},
			},
		},
		{
			name: "manifest rows are the inputs when none are given",
			files: map[string]string{
				"m/rows.jsonl": `{"path":"two.txt","id":"second-listed-first","published":"2001"}` + "\n" +
					`{"path":"one.txt"}` + "\n" + `{"path":"gone.txt"}` + "\n",
				"m/one.txt": "one",
				"m/two.txt": "two",
			},
			manifest: "m/rows.jsonl",
			want: []want{
				{id: "second-listed-first", origin: "m/two.txt", published: "2001", dateFrom: "manifest", body: "two"},
				{id: "one.txt", origin: "m/one.txt", body: "one"},
				{errIs: fs.ErrNotExist, errInput: "m/gone.txt"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			var inputs []string
			for _, in := range tt.inputs {
				inputs = append(inputs, filepath.Join(dir, in))
			}
			opt := Options{}
			if tt.manifest != "" {
				opt.Manifest = filepath.Join(dir, tt.manifest)
			}
			gots, err := collect(t, inputs, opt)
			if err != nil {
				t.Fatalf("Walk: %v", err)
			}
			check(t, dir, gots, tt.want)
			if n := Count(inputs, opt); n != len(tt.want) {
				t.Errorf("Count = %d, want %d", n, len(tt.want))
			}
		})
	}
}

func TestWalkUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a", "c.txt": "c", "locked/x.txt": "x"})
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "b-broken.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	wants := []want{
		{id: "a.txt"},
		{errIs: fs.ErrNotExist, errInput: "b-broken.txt"},
		{id: "c.txt"},
	}
	if os.Geteuid() != 0 {
		// root reads anything, so only an ordinary user sees these fail.
		if err := os.Chmod(filepath.Join(dir, "c.txt"), 0); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
		wants[2] = want{errIs: fs.ErrPermission, errInput: "c.txt"}
		wants = append(wants, want{errIs: fs.ErrPermission, errInput: "locked"})
	} else {
		wants = append(wants, want{id: "x.txt"})
	}
	gots, err := collect(t, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, dir, gots, wants)
	if gots[1].err != nil {
		// The message names the input once, then the cause.
		want := filepath.Join(dir, "b-broken.txt") + ": "
		if msg := gots[1].err.Error(); !strings.HasPrefix(msg, want) || strings.Count(msg, "b-broken.txt") != 1 {
			t.Errorf("error message %q, want %q and the cause", msg, want)
		}
	}
}

func TestInputErrorMessage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"x.bin": "\x00\x01\x02", "e.txt": ""})
	gots, err := collect(t, []string{filepath.Join(dir, "x.bin"), filepath.Join(dir, "e.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		filepath.Join(dir, "x.bin") + ": binary file, not text",
		filepath.Join(dir, "e.txt") + ": empty file",
	} {
		if gots[i].err == nil || gots[i].err.Error() != want {
			t.Errorf("error %d = %v, want %q", i, gots[i].err, want)
		}
	}
}

// manifestCase is a manifest and the error it gives.
type manifestCase struct {
	name, file, content string
	line                int
	msg                 string // substring of the error message
}

// TestManifestErrors: a manifest that cannot be read stops the walk with
// a *ManifestError naming it.
func TestManifestErrors(t *testing.T) {
	tests := []manifestCase{
		{"CSV header without path or url", "m.csv", "id,title\nx,y\n", 1, "m.csv:1: header"},
		{"CSV bad quote", "m.csv", "path,id\n\"a.txt,1\n", 2, "m.csv:"},
		{"missing manifest", "absent.jsonl", "", 0, "absent.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, tt.file)
			if tt.content != "" {
				writeFiles(t, dir, map[string]string{tt.file: tt.content, "a.txt": "a"})
			}
			called := false
			err := Walk(context.Background(), nil, Options{Manifest: file}, func(*doc.Document, error) error {
				called = true
				return nil
			})
			if called {
				t.Error("fn called although the manifest is bad")
			}
			var me *ManifestError
			if !errors.As(err, &me) {
				t.Fatalf("Walk error %v (%T), want *ManifestError", err, err)
			}
			if me.File != file {
				t.Errorf("File = %q, want %q", me.File, file)
			}
			if tt.line > 0 && me.Line != tt.line {
				t.Errorf("Line = %d, want %d (%v)", me.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q lacks %q", err, tt.msg)
			}
			if Count(nil, Options{Manifest: file}) != -1 {
				t.Error("Count of a bad manifest is not -1")
			}
		})
	}
}

// TestManifestBadRows: each bad row of a manifest is one failed input
// named by file and line, and the other rows are read (issue 10, item 7).
func TestManifestBadRows(t *testing.T) {
	tests := []manifestCase{
		{"bad JSON on line 3", "m.jsonl", "{\"path\":\"a.txt\"}\n\n{\"path\": \"b.txt\",,}\n", 3, "invalid JSON row"},
		{"row without path or url", "m.jsonl", "{\"path\":\"a.txt\"}\n{\"id\":\"x\"}\n", 2, `row has neither "path" nor "url"`},
		{"date in the American order", "m.jsonl", "{\"path\":\"a.txt\"}\n{\"path\":\"b.txt\",\"published\":\"03/18/2014\"}\n", 2, `published "03/18/2014" is not a date`},
		{"field of the wrong type", "m.jsonl", "{\"path\":\"a.txt\"}\n{\"path\":\"b.txt\",\"published\":2012}\n", 2, `"published" must be a string`},
		{"not a URL", "m.jsonl", "{\"path\":\"a.txt\"}\n{\"url\":\"ftp://example.org/a\"}\n", 2, "not an http or https URL"},
		{"CSV bad date on line 3", "m.csv", "path,published\na.txt,2012-06\nb.txt,2012-13-01\n", 3, "published"},
		{"CSV wrong field count", "m.csv", "path,title\na.txt,A\nb.txt,B,extra\n", 3, "wrong number of fields"},
		{"sniffed JSONL", "rows", "{\"path\":\"a.txt\"}\n{\"path\":1}\n", 2, "must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, tt.file)
			writeFiles(t, dir, map[string]string{tt.file: tt.content, "a.txt": "a", "b.txt": "b"})
			gots, err := collect(t, nil, Options{Manifest: file})
			if err != nil {
				t.Fatalf("Walk: %v, want the good rows read", err)
			}
			var failed []error
			var docs []string
			for _, g := range gots {
				if g.err != nil {
					failed = append(failed, g.err)
				} else {
					docs = append(docs, g.doc.ID)
				}
			}
			if len(failed) != 1 {
				t.Fatalf("failures %v, want one for line %d", failed, tt.line)
			}
			var ie *InputError
			if !errors.As(failed[0], &ie) || ie.Input != fmt.Sprintf("%s:%d", file, tt.line) || !strings.Contains(ie.Error(), tt.msg) {
				t.Errorf("failure %q, want one naming %s:%d and saying %q", failed[0], file, tt.line, tt.msg)
			}
			if !slices.Contains(docs, "a.txt") {
				t.Errorf("documents %q: the good row a.txt was not read", docs)
			}
		})
	}
}

// TestManifestUnknownKeys: keys a row does not have are named once, with
// the line they first appear on.
func TestManifestUnknownKeys(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.jsonl")
	writeFiles(t, dir, map[string]string{
		"m.jsonl": "{\"path\":\"a.txt\",\"date\":\"2014-03-18\"}\n{\"path\":\"b.txt\",\"date\":\"2014-03-19\",\"author\":\"X\"}\n",
		"a.txt":   "a", "b.txt": "b",
	})
	var notices []Notice
	gots, err := collect(t, nil, Options{Manifest: file, Notify: func(n Notice) { notices = append(notices, n) }})
	if err != nil || len(gots) != 2 {
		t.Fatalf("Walk: %v, %d calls, want 2 documents", err, len(gots))
	}
	if len(notices) != 1 || notices[0].Input != file || !strings.Contains(notices[0].Msg, `unknown keys "date", "author"`) || !strings.Contains(notices[0].Msg, "line 1") {
		t.Errorf("notices %v, want one naming the unknown keys date and author, first on line 1", notices)
	}
}

// TestManifestURLInPath: a URL given as a row's path is fetched.
func TestManifestURLInPath(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Russia and China signed a gas deal in Beijing on Monday.\n")
	}))
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "m.jsonl")
	writeFiles(t, dir, map[string]string{"m.jsonl": `{"path":"` + srv.URL + `/story","id":"web-1","published":"2014-05-21"}` + "\n"})
	gots, err := collect(t, nil, Options{Manifest: file})
	if err != nil || len(gots) != 1 {
		t.Fatalf("Walk: %v, %d calls", err, len(gots))
	}
	if g := gots[0]; g.err != nil || g.doc.ID != "web-1" || g.doc.Origin != srv.URL+"/story" || g.doc.Published != "2014-05-21" {
		t.Errorf("got %+v, %v; want web-1 fetched from %s/story with the row's date", g.doc, g.err, srv.URL)
	}
}

func TestStdin(t *testing.T) {
	article := readTestdata(t, "article.html")
	tests := []struct {
		name, in string
		want     want
	}{
		{"text", "Talks in Beijing.\n", want{id: "stdin", format: "text", body: "Talks in Beijing.\n"}},
		{"html", article, want{id: "stdin", format: "html", published: "2012-06-07", dateFrom: "html", contains: articleParas}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gots, err := collect(t, []string{"-", "-"}, Options{Stdin: strings.NewReader(tt.in)})
			if err != nil {
				t.Fatal(err)
			}
			check(t, "", gots[:1], []want{tt.want})
			if gots[0].doc.Origin != "-" {
				t.Errorf("Origin = %q, want -", gots[0].doc.Origin)
			}
			// Standard input is read once; a second "-" is a failed input.
			if len(gots) != 2 || gots[1].err == nil {
				t.Errorf("second - gave %v, want an InputError", gots[1:])
			}
		})
	}
	if n := Count([]string{"-"}, Options{}); n != -1 {
		t.Errorf("Count(-) = %d, want -1", n)
	}
}

func TestHashIdentity(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "same bytes", "b/copy.txt": "same bytes", "c.txt": "other bytes"})
	gots, err := collect(t, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(gots) != 3 {
		t.Fatalf("%d calls, want 3", len(gots))
	}
	a, copy, c := gots[0].doc, gots[1].doc, gots[2].doc
	if a.Hash != copy.Hash {
		t.Errorf("same bytes, different hashes: %s %s", a.Hash, copy.Hash)
	}
	if a.Hash == c.Hash {
		t.Error("different bytes, same hash")
	}
	sum := sha256.Sum256([]byte("same bytes"))
	if a.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s, want the hex SHA-256 of the bytes", a.Hash)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	stop := errors.New("stop here")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(*doc.Document, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk = %v after %d calls, want fn's error after 2", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir, dir}, Options{}, func(*doc.Document, error) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk = %v after %d calls, want context.Canceled after 1", err, n)
	}
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "a", "d/b.txt": "b", "d/.hidden": "h", "d/e/c.txt": "c",
		"m.jsonl":    `{"path":"a.txt"}` + "\n" + `{"path":"d"}` + "\n",
		"u.jsonl":    `{"path":"a.txt"}` + "\n" + `{"url":"https://example.org/x"}` + "\n",
		"f/feed.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`,
	})
	j := func(p string) string { return filepath.Join(dir, p) }
	tests := []struct {
		name   string
		inputs []string
		opt    Options
		want   int
	}{
		{"files and dirs", []string{j("a.txt"), j("d")}, Options{}, 3},
		{"missing file counts as one failure", []string{j("nope")}, Options{}, 1},
		{"url", []string{j("a.txt"), "https://example.org/"}, Options{}, -1},
		{"stdin", []string{"-"}, Options{}, -1},
		{"feed file", []string{j("f")}, Options{}, -1},
		{"manifest rows", nil, Options{Manifest: j("m.jsonl")}, 3},
		{"manifest with a URL row", nil, Options{Manifest: j("u.jsonl")}, -1},
		{"no inputs", nil, Options{}, 0},
	}
	for _, tt := range tests {
		if got := Count(tt.inputs, tt.opt); got != tt.want {
			t.Errorf("%s: Count = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2012", "2012", true},
		{"2012-06", "2012-06", true},
		{"2012-06-07", "2012-06-07", true},
		{" 2012-06-07 ", "2012-06-07", true},
		{"2012/06/07", "2012-06-07", true},
		{"2012-06-07T23:30:00-05:00", "2012-06-07", true},
		{"2012-06-07T10:00:00Z", "2012-06-07", true},
		{"2012-06-07 10:00:00", "2012-06-07", true},
		{"Thu, 07 Jun 2012 10:00:00 GMT", "2012-06-07", true},
		{"Thu, 07 Jun 2012 10:00:00 +0300", "2012-06-07", true},
		{"2012-13", "", false},
		{"2012-02-30", "", false},
		{"2012-06-07Tomorrow", "", false},
		{"June 2012", "", false},
		{"12", "", false},
		{"-201", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDate(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want kind
	}{
		{"plain words", kindText},
		{"<!DOCTYPE html><html>", kindHTML},
		{"\xEF\xBB\xBF  <HTML lang=en>", kindHTML},
		{"<!-- saved page --><html>", kindHTML},
		{"<head><title>x</title>", kindHTML},
		{`<?xml version="1.0"?><rss version="2.0">`, kindFeed},
		{`<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, kindFeed},
		{`<rdf:RDF xmlns:rdf="x">`, kindFeed},
		{"<rsstext", kindText},
		{"<b>bold</b> prose", kindText},
		{"<?xml unterminated", kindText},
		{"", kindText},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSeeds(t *testing.T) {
	manifest := sharedtest.Path(t, "corpus", "seeds", "manifest.jsonl")
	seeds := filepath.Dir(manifest)
	for _, inputs := range [][]string{nil, {seeds}} {
		gots, err := collect(t, inputs, Options{Manifest: manifest})
		if err != nil {
			t.Fatal(err)
		}
		if len(gots) != 5 {
			t.Fatalf("inputs %v: %d calls, want 5", inputs, len(gots))
		}
		for _, g := range gots {
			if g.err != nil {
				t.Errorf("seed failed: %v", g.err)
				continue
			}
			d := g.doc
			if d.ID != filepath.Base(d.Origin) || !strings.HasSuffix(d.ID, ".txt") {
				t.Errorf("ID %q is not the file name of %q", d.ID, d.Origin)
			}
			if d.Format != "text" || d.Body == "" || d.Title == "" || d.DateFrom != "manifest" {
				t.Errorf("%s: format %q, title %q, date from %q, %d bytes of body", d.ID, d.Format, d.Title, d.DateFrom, len(d.Body))
			}
			if strings.HasPrefix(d.ID, "001_") && d.Published != "2012-06-07" {
				t.Errorf("%s: Published = %q, want 2012-06-07", d.ID, d.Published)
			}
		}
		if n := Count(inputs, Options{Manifest: manifest}); n != 5 {
			t.Errorf("Count = %d, want 5", n)
		}
	}
}
