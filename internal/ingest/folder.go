package ingest

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

//go:embed filetypes.txt
var fileTypesData string

// fileTypes is filetypes.txt: what a directory walk reads, uses and skips.
var fileTypes = parseFileTypes(fileTypesData)

type fileTypeRules struct {
	read       map[string]bool // extensions, lower case; "" for none
	manifest   map[string]bool // file names, lower case
	folderDocs map[string]bool // names before the first dot, lower case
}

func parseFileTypes(data string) fileTypeRules {
	r := fileTypeRules{read: map[string]bool{}, manifest: map[string]bool{}, folderDocs: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var set map[string]bool
		switch f[0] {
		case "read":
			set = r.read
		case "manifest":
			set = r.manifest
		case "folder-docs":
			set = r.folderDocs
		default:
			// The file is embedded and tested; an unknown rule is a
			// mistake in it that must not pass silently.
			panic(fmt.Sprintf("ingest: filetypes.txt: unknown rule %q", f[0]))
		}
		for _, v := range f[1:] {
			if v == "-" {
				v = ""
			}
			set[strings.ToLower(v)] = true
		}
	}
	return r
}

// skipByName says why a file found in a folder is not read, from its
// name alone, or "" when it is read.
func skipByName(path string) string {
	base := filepath.Base(path)
	stem, _, _ := strings.Cut(strings.ToLower(base), ".")
	ext := strings.ToLower(filepath.Ext(base))
	switch {
	case fileTypes.folderDocs[stem]:
		return fmt.Sprintf("skipped: %s is the folder's documentation (%s), not news", base, strings.ToUpper(stem))
	case !fileTypes.read[ext]:
		return fmt.Sprintf("skipped: a %s file, not text or HTML", ext)
	}
	return ""
}

// skipByContent says why bytes read as a document are not news text: a
// PDF, or JSON data; "" when they may be.
func skipByContent(raw []byte) string {
	head := bytes.TrimLeft(bytes.TrimPrefix(raw[:min(len(raw), 1024)], utf8BOM), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "skipped: a PDF file, not text (extract its text first, e.g. with pdftotext)"
	case len(head) > 0 && (head[0] == '{' || head[0] == '[') && isJSON(raw):
		return "skipped: JSON data, not text"
	}
	return ""
}

// isJSON reports whether raw is one JSON value or JSON Lines.
func isJSON(raw []byte) bool {
	if json.Valid(raw) {
		return true
	}
	lines := 0
	for _, l := range bytes.Split(raw, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) == 0 {
			continue
		}
		if !json.Valid(l) {
			return false
		}
		lines++
	}
	return lines > 0
}

// isFolderManifest reports whether a file found in a folder is the
// folder's manifest.
func isFolderManifest(path string) bool {
	return fileTypes.manifest[strings.ToLower(filepath.Base(path))]
}

// folderManifest returns the manifest of dir, read once, or nil when the
// folder has none or --manifest is given. A manifest that cannot be read
// is reported once as a failed input.
func (w *walker) folderManifest(dir string) (*manifest, error) {
	if m, ok := w.folders[dir]; ok {
		return m, nil
	}
	if w.folders == nil {
		w.folders = map[string]*manifest{}
	}
	w.folders[dir] = nil
	if w.manifest != nil {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil // the walk reports an unreadable folder
	}
	for _, e := range entries { // in lexical order
		if !e.Type().IsRegular() || !isFolderManifest(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		m, err := readManifest(path)
		if err != nil {
			return nil, w.fn(nil, &InputError{Input: path, Err: err})
		}
		w.folders[dir] = m
		return m, w.reportManifest(m)
	}
	return nil, nil
}
