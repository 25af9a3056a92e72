// Package ingest reads dyad's inputs — text and HTML files, directories,
// manifests, standard input, URLs and RSS/Atom feeds — into doc.Document
// values with their metadata (title, source, publication date) and a
// content hash. It does not clean or code anything: later stages do.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/doc"
)

// Options configures Walk and Count. The zero value is usable.
type Options struct {
	Manifest string       // path to a manifest, optional
	Client   *http.Client // for URLs and feeds; nil means a client with a 30s timeout
	Stdin    io.Reader    // for "-"; nil means os.Stdin
	// Notify, if set, is called with each Notice, in order with the
	// calls of Walk's fn and on the same goroutine.
	Notify func(Notice)
	// MaxSize is the largest input read, in bytes, from a file, URL or
	// stdin; 0 means DefaultMaxSize. A larger input fails with
	// ErrTooLarge, so a stray disk image or an endless stream cannot
	// exhaust memory.
	MaxSize int64
}

// DefaultMaxSize is the document-size limit when Options.MaxSize is 0.
const DefaultMaxSize = 16 << 20

// Notice is something worth saying about one input that was read anyway,
// or skipped on purpose: the encoding assumed for a file not in UTF-8, a
// file in a folder that is not news, a manifest's unknown keys.
type Notice struct {
	Input   string // the file, URL or manifest it is about
	Msg     string
	Skipped bool // the input was not read as a document
}

func (n Notice) String() string { return n.Input + ": " + n.Msg }

// Sentinel causes wrapped by InputError.
var (
	ErrBinary   = errors.New("binary file, not text")
	ErrEmpty    = errors.New("empty file")
	ErrTooLarge = errors.New("larger than the document-size limit")
)

// InputError is one input that could not be read; Input names the file or URL.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// HTTPStatusError is the cause of an InputError for a URL answered with a
// status of 400 or more.
type HTTPStatusError struct {
	Code   int
	Status string // as sent, e.g. "404 Not Found"
}

func (e *HTTPStatusError) Error() string { return "HTTP " + e.Status }

// ManifestError is a manifest that cannot be read, or one malformed row
// of it. Line is 0 when the problem is not tied to a line.
type ManifestError struct {
	File string
	Line int
	Err  error
}

func (e *ManifestError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("manifest %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("manifest %s: %v", e.File, e.Err)
}

func (e *ManifestError) Unwrap() error { return e.Err }

var errNotRegular = errors.New("not a regular file")

// Walk reads every input in order and calls fn once per document, or once
// per failed input with a nil doc and an *InputError. It returns early only
// when fn returns an error, ctx is done, or the manifest itself cannot be
// read (that error is a *ManifestError naming the manifest file and line).
//
// With no inputs, the manifest's rows are the inputs. With inputs, each
// file or URL takes the metadata of the manifest row naming it.
func Walk(ctx context.Context, inputs []string, opt Options, fn func(*doc.Document, error) error) error {
	w := &walker{opt: opt, fn: fn}
	if w.opt.Client == nil {
		w.opt.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if w.opt.Stdin == nil {
		w.opt.Stdin = os.Stdin
	}
	if w.opt.MaxSize <= 0 {
		w.opt.MaxSize = DefaultMaxSize
	}
	if opt.Manifest != "" {
		m, err := readManifest(opt.Manifest)
		if err != nil {
			return err
		}
		w.manifest = m
		if err := w.reportManifest(m); err != nil {
			return err
		}
	}
	if len(inputs) == 0 && w.manifest != nil {
		for _, r := range w.manifest.rows {
			if err := ctx.Err(); err != nil {
				return err
			}
			var err error
			if r.Path != "" {
				err = w.path(ctx, w.manifest.display(r.Path))
			} else {
				err = w.url(ctx, r.URL)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = w.stdin(ctx)
		case isURL(in):
			err = w.url(ctx, in)
		default:
			err = w.path(ctx, in)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many times Walk would call fn for local inputs (each
// file in a directory counts once), for a progress bar; -1 if that is not
// known in advance (URLs, stdin, feeds, an unreadable manifest).
func Count(inputs []string, opt Options) int {
	var m *manifest
	if opt.Manifest != "" {
		var err error
		if m, err = readManifest(opt.Manifest); err != nil {
			return -1
		}
	}
	if len(inputs) == 0 && m != nil {
		for _, r := range m.rows {
			if r.Path == "" {
				return -1
			}
			inputs = append(inputs, m.display(r.Path))
		}
	}
	n := 0
	for _, in := range inputs {
		if in == "-" || isURL(in) {
			return -1
		}
		k := countPath(in, m)
		if k < 0 {
			return -1
		}
		n += k
	}
	return n
}

func countPath(path string, m *manifest) int {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		if err == nil && fi.Mode().IsRegular() && fileIsFeed(path) {
			return -1
		}
		return 1
	}
	n := 0
	_ = walkTree(context.Background(), path, m.isSelf, func(p string, err error) error {
		if err == nil && (isFolderManifest(p) || skipByName(p) != "") {
			return nil
		}
		if err == nil && fileIsFeed(p) {
			n = -1
			return errStop
		}
		n++
		return nil
	})
	return n
}

var errStop = errors.New("stop")

// fileIsFeed reports whether the file at path starts like an RSS or Atom
// document, or is named like one.
func fileIsFeed(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".rss", ".atom":
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(f, head)
	return sniff(head[:n]) == kindFeed
}

// walker holds the state of one Walk call.
type walker struct {
	opt       Options
	fn        func(*doc.Document, error) error
	manifest  *manifest
	folders   map[string]*manifest // by folder path as walked; nil: none there
	stdinRead bool
}

// reportManifest says once which keys of m are unknown, and reports each
// bad row as a failed input named by file and line.
func (w *walker) reportManifest(m *manifest) error {
	if len(m.unknown) > 0 {
		w.notify(Notice{Input: m.file, Msg: fmt.Sprintf("unknown %s %s ignored (first on line %d); a row has %s",
			plural(len(m.unknown), "key", "keys"), quoteAll(m.unknown), m.unkLine, strings.Join(knownKeys, ", "))})
	}
	for _, b := range m.bad {
		err := w.fn(nil, &InputError{Input: fmt.Sprintf("%s:%d", b.File, b.Line), Err: fmt.Errorf("%w; row skipped", b.Err)})
		if err != nil {
			return err
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// notify passes a notice on, if anyone listens.
func (w *walker) notify(n Notice) {
	if w.opt.Notify != nil {
		w.opt.Notify(n)
	}
}

// fail reports one input that could not be read.
func (w *walker) fail(input string, err error) error {
	return w.fn(nil, &InputError{Input: input, Err: bareError(err)})
}

// bareError drops the operation and path that *fs.PathError and
// *url.Error repeat, since InputError already names the input; the
// underlying cause stays reachable with errors.Is.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe == err {
		return pe.Err
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue == err {
		return ue.Err
	}
	return err
}

// path reads a file or, recursively, a directory.
func (w *walker) path(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return w.fail(path, err)
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return w.fail(path, errNotRegular)
		}
		return w.file(ctx, path)
	}
	return walkTree(ctx, path, w.manifest.isSelf, func(p string, err error) error {
		if err != nil {
			return w.fail(p, err)
		}
		return w.folderFile(ctx, p)
	})
}

// folderFile reads a file found in a folder, unless its name says it is
// the folder's manifest or not text (filetypes.txt).
func (w *walker) folderFile(ctx context.Context, p string) error {
	if _, err := w.folderManifest(filepath.Dir(p)); err != nil {
		return err
	}
	if isFolderManifest(p) {
		msg := "skipped: the folder's manifest, used for its files' metadata"
		if w.manifest != nil {
			msg = "skipped: a folder's manifest, not used since --manifest is given"
		}
		w.notify(Notice{Input: p, Msg: msg, Skipped: true})
		return nil
	}
	if why := skipByName(p); why != "" {
		w.notify(Notice{Input: p, Msg: why, Skipped: true})
		return nil
	}
	return w.file(ctx, p)
}

// walkTree calls visit for every regular file under root in lexical order,
// depth first, skipping hidden entries and those skip reports. Entries that
// cannot be read, and entries that are not regular files, are passed to
// visit with an error. Symbolic links to directories are followed once.
func walkTree(ctx context.Context, root string, skip func(string) bool, visit func(string, error) error) error {
	seen := make(map[string]bool)
	var walk func(dir string) error
	walk = func(dir string) error {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			if seen[real] {
				return nil
			}
			seen[real] = true
		}
		entries, readErr := os.ReadDir(dir)
		if readErr != nil && len(entries) == 0 {
			return visit(dir, readErr)
		}
		for _, e := range entries {
			if err := ctx.Err(); err != nil {
				return err
			}
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			p := filepath.Join(dir, name)
			if skip(p) {
				continue
			}
			var err error
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				fi, err := os.Stat(p)
				if err != nil {
					if err := visit(p, err); err != nil {
						return err
					}
					continue
				}
				mode = fi.Mode().Type()
			}
			switch {
			case mode.IsDir():
				err = walk(p)
			case mode.IsRegular():
				err = visit(p, nil)
			default:
				err = visit(p, errNotRegular)
			}
			if err != nil {
				return err
			}
		}
		if readErr != nil {
			// ReadDir stopped part way; report the rest as one failure.
			return visit(dir, readErr)
		}
		return nil
	}
	return walk(root)
}

func (w *walker) file(ctx context.Context, path string) error {
	raw, err := w.readFile(path)
	if err != nil {
		return w.fail(path, err)
	}
	if why := skipByContent(raw); why != "" {
		w.notify(Notice{Input: path, Msg: why, Skipped: true})
		return nil
	}
	src := input{id: filepath.Base(path), origin: path, ext: filepath.Ext(path)}
	return w.content(ctx, src, raw)
}

// readFile reads a file, refusing one over the size limit before reading
// it.
func (w *walker) readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > w.opt.MaxSize {
		return nil, w.tooLarge(fi.Size())
	}
	return w.readLimited(f)
}

// readLimited reads r up to the size limit.
func (w *walker) readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, w.opt.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > w.opt.MaxSize {
		return nil, w.tooLarge(-1)
	}
	return b, nil
}

// tooLarge says how an input of size bytes (-1 when not known) exceeds
// the limit.
func (w *walker) tooLarge(size int64) error {
	if size < 0 {
		return fmt.Errorf("%w of %s", ErrTooLarge, mebibytes(w.opt.MaxSize))
	}
	return fmt.Errorf("%s, %w of %s", mebibytes(size), ErrTooLarge, mebibytes(w.opt.MaxSize))
}

func mebibytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KiB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

func (w *walker) stdin(ctx context.Context) error {
	if w.stdinRead {
		return w.fail("-", errors.New("standard input already read"))
	}
	w.stdinRead = true
	raw, err := w.readLimited(w.opt.Stdin)
	if err != nil {
		return w.fail("-", err)
	}
	return w.content(ctx, input{id: "stdin", origin: "-"}, raw)
}

// input says where some bytes came from.
type input struct {
	id, origin  string
	ext         string   // file name extension, for format detection
	contentType string   // HTTP Content-Type, if any
	base        *url.URL // the URL the bytes were fetched from, if any
}

// content turns the bytes of one input into documents: one for text or
// HTML, one per item for a feed.
func (w *walker) content(ctx context.Context, src input, raw []byte) error {
	if kindOf(src, raw) == kindFeed {
		return w.feed(ctx, src, raw)
	}
	d, err := w.buildDoc(src, raw)
	if err != nil {
		return w.fail(src.origin, err)
	}
	return w.emit(d, meta{})
}

// buildDoc reads raw as text or HTML, never as a feed, and says which
// encoding it assumed when that is not UTF-8.
func (w *walker) buildDoc(src input, raw []byte) (*doc.Document, error) {
	d := &doc.Document{ID: src.id, Origin: src.origin, Raw: raw, Hash: hashOf(raw)}
	if kindOf(src, raw) == kindText {
		body, assumed, err := decodeText(raw)
		if err != nil {
			return nil, err
		}
		if assumed != "" {
			w.notify(Notice{Input: src.origin, Msg: "read as " + assumed})
		}
		d.Format, d.Body = "text", body
		return d, nil
	}
	x, err := extractHTML(raw, src.contentType, src.base)
	if err != nil {
		return nil, err
	}
	if x.Encoding != "" {
		w.notify(Notice{Input: src.origin, Msg: "read as " + x.Encoding})
	}
	d.Format, d.Body = "html", x.Body
	d.Title, d.Source = x.Title, x.Source
	if x.Published != "" {
		d.Published, d.DateFrom = x.Published, "html"
	}
	return d, nil
}

func hashOf(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// meta is metadata known from outside the document itself: a feed item.
type meta struct {
	Title, Source, Published string
}

// emit fills what the document does not say from m (feed metadata), lets
// the manifest override everything, and hands the document to fn.
func (w *walker) emit(d *doc.Document, m meta) error {
	if d.Title == "" {
		d.Title = m.Title
	}
	if d.Source == "" {
		d.Source = m.Source
	}
	if d.Published == "" && m.Published != "" {
		d.Published, d.DateFrom = m.Published, "feed"
	}
	if d.Source == "" && isURL(d.Origin) {
		if u, err := url.Parse(d.Origin); err == nil {
			d.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if r := w.lookup(d.Origin); r != nil {
		r.apply(d)
	}
	return w.fn(d, nil)
}

// lookup finds the manifest row of a document: in --manifest, else in the
// manifest of its folder or the nearest folder above it that has one.
func (w *walker) lookup(origin string) *manifestRow {
	if w.manifest != nil || origin == "-" || isURL(origin) {
		return w.manifest.lookup(origin)
	}
	for dir := filepath.Dir(origin); ; {
		if m := w.folders[dir]; m != nil {
			if r := m.lookup(origin); r != nil {
				return r
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
