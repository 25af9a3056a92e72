package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// manifestRow is one row of a manifest: an input and the metadata that
// overrides whatever is inferred from it.
type manifestRow struct {
	Path      string `json:"path"`
	URL       string `json:"url"`
	ID        string `json:"id"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Line      int    `json:"-"`
}

// apply overrides d's metadata with the row's non-empty fields.
func (r *manifestRow) apply(d *doc.Document) {
	if r.ID != "" {
		d.ID = r.ID
	}
	if r.Title != "" {
		d.Title = r.Title
	}
	if r.Source != "" {
		d.Source = r.Source
	}
	if r.Published != "" {
		d.Published, d.DateFrom = r.Published, "manifest"
	}
}

// manifest is a parsed manifest file, its rows indexed by absolute path
// and by URL.
type manifest struct {
	file string // as given
	abs  string // absolute, cleaned
	dir  string // folder that relative paths are relative to, as given
	rows []manifestRow
	keys map[string]*manifestRow
	parsed
}

// parsed is what parsing a manifest found besides its good rows.
type parsed struct {
	bad     []*ManifestError // rows skipped, each with its line
	unknown []string         // keys or columns not known, each once, in order of appearance
	unkLine int              // the line an unknown key first appears on
}

// knownKeys are the keys of a manifest row.
var knownKeys = []string{"path", "url", "id", "published", "title", "source"}

// readManifest reads a manifest. Bad rows are kept aside in m.bad, not
// returned as an error; the error is for a manifest that cannot be read
// at all.
func readManifest(file string) (*manifest, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &ManifestError{File: file, Err: bareError(err)}
	}
	rows, p, err := parseManifest(data, isCSVManifest(file, data))
	if err != nil {
		var me *ManifestError
		if errors.As(err, &me) {
			me.File = file
			return nil, me
		}
		return nil, &ManifestError{File: file, Err: err}
	}
	for _, b := range p.bad {
		b.File = file
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, &ManifestError{File: file, Err: err}
	}
	m := &manifest{file: file, abs: abs, dir: filepath.Dir(file), rows: rows, keys: make(map[string]*manifestRow), parsed: p}
	for i := range m.rows {
		r := &m.rows[i]
		if r.URL != "" {
			m.add(strings.TrimSpace(r.URL), r)
		}
		if r.Path != "" {
			key := absPath(m.display(r.Path))
			m.add(key, r)
			if real, err := filepath.EvalSymlinks(key); err == nil {
				m.add(real, r)
			}
		}
	}
	return m, nil
}

// add indexes r under key unless an earlier row already claimed it.
func (m *manifest) add(key string, r *manifestRow) {
	if _, ok := m.keys[key]; !ok {
		m.keys[key] = r
	}
}

// display is the path of a manifest row as Walk names it: relative to the
// manifest's folder unless absolute.
func (m *manifest) display(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(m.dir, filepath.FromSlash(p))
}

// lookup returns the row for a document's origin (a path or URL), or nil.
func (m *manifest) lookup(origin string) *manifestRow {
	if m == nil || origin == "" || origin == "-" {
		return nil
	}
	if isURL(origin) {
		return m.keys[origin]
	}
	key := absPath(origin)
	if r, ok := m.keys[key]; ok {
		return r
	}
	if real, err := filepath.EvalSymlinks(key); err == nil {
		return m.keys[real]
	}
	return nil
}

// isSelf reports whether path is the manifest file, which a directory walk
// skips.
func (m *manifest) isSelf(path string) bool {
	return m != nil && absPath(path) == m.abs
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// isCSVManifest decides the manifest format: by extension, else JSONL if
// the first non-space character is '{'.
func isCSVManifest(file string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".jsonl", ".ndjson", ".json":
		return false
	case ".csv":
		return true
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	return len(t) == 0 || t[0] != '{'
}

// parseManifest parses a JSONL or CSV manifest: the good rows, and the bad
// rows and unknown keys aside. Errors, and the bad rows, are
// *ManifestError with the line set and the file left for the caller.
func parseManifest(data []byte, isCSV bool) ([]manifestRow, parsed, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if isCSV {
		return parseCSVManifest(data)
	}
	var rows []manifestRow
	var p parsed
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), len(data)+1)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		r, keys, err := parseManifestLine(text)
		p.noteUnknown(keys, line)
		if err != nil {
			p.bad = append(p.bad, &ManifestError{Line: line, Err: err})
			continue
		}
		r.Line = line
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, p, err
	}
	return rows, p, nil
}

// noteUnknown records the keys of a row on line that a row does not have.
func (p *parsed) noteUnknown(keys []string, line int) {
	for _, k := range keys {
		if slices.Contains(knownKeys, k) || slices.Contains(p.unknown, k) {
			continue
		}
		if len(p.unknown) == 0 {
			p.unkLine = line
		}
		p.unknown = append(p.unknown, k)
	}
}

// parseManifestLine parses one JSONL row and checks it; keys are the
// row's keys in lower case.
func parseManifestLine(line []byte) (r manifestRow, keys []string, err error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return r, nil, fmt.Errorf("invalid JSON row: %w", err)
	}
	for k := range obj {
		keys = append(keys, strings.ToLower(k))
	}
	slices.Sort(keys)
	if err := json.Unmarshal(line, &r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return r, keys, fmt.Errorf("%q must be a string, not a JSON %s", te.Field, te.Value)
		}
		return r, keys, fmt.Errorf("invalid JSON row: %w", err)
	}
	return r, keys, r.check()
}

// check validates a row and normalises its date.
func (r *manifestRow) check() error {
	r.Path = strings.TrimSpace(r.Path)
	r.URL = strings.TrimSpace(r.URL)
	r.ID = strings.TrimSpace(r.ID)
	r.Title = strings.TrimSpace(r.Title)
	r.Source = strings.TrimSpace(r.Source)
	if isURL(r.Path) {
		// A URL in "path" is fetched, not looked for on disk.
		if r.URL != "" && r.URL != r.Path {
			return fmt.Errorf("path %q is a URL and url %q another", r.Path, r.URL)
		}
		r.URL, r.Path = r.Path, ""
	}
	if r.Path == "" && r.URL == "" {
		return errors.New(`row has neither "path" nor "url"`)
	}
	if r.URL != "" && !isURL(r.URL) {
		return fmt.Errorf("url %q is not an http or https URL", r.URL)
	}
	if p := strings.TrimSpace(r.Published); p != "" {
		iso, ok := parseDate(p)
		if !ok {
			return fmt.Errorf("published %q is not a date like 2012-06-07, 2012-06 or RFC 3339", p)
		}
		r.Published = iso
	} else {
		r.Published = ""
	}
	return nil
}

func parseCSVManifest(data []byte) ([]manifestRow, parsed, error) {
	var p parsed
	cr := csv.NewReader(bytes.NewReader(data))
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, p, nil
	}
	if err != nil {
		return nil, p, csvError(err)
	}
	col := make(map[string]int)
	var names []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; !dup {
			col[h] = i
			names = append(names, h)
		}
	}
	p.noteUnknown(names, 1)
	_, hasPath := col["path"]
	_, hasURL := col["url"]
	if !hasPath && !hasURL {
		return nil, p, &ManifestError{Line: 1, Err: errors.New(`header has neither a "path" nor a "url" column`)}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var rows []manifestRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, p, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err != csv.ErrQuote {
				p.bad = append(p.bad, &ManifestError{Line: pe.Line, Err: pe.Err})
				continue
			}
			return nil, p, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		r := manifestRow{
			Path:      field(rec, "path"),
			URL:       field(rec, "url"),
			ID:        field(rec, "id"),
			Published: field(rec, "published"),
			Title:     field(rec, "title"),
			Source:    field(rec, "source"),
			Line:      line,
		}
		if err := r.check(); err != nil {
			p.bad = append(p.bad, &ManifestError{Line: line, Err: err})
			continue
		}
		rows = append(rows, r)
	}
}

// csvError moves the line number of a CSV parse error into a
// *ManifestError, where every manifest error keeps it.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ManifestError{Line: pe.Line, Err: pe.Err}
	}
	return err
}
