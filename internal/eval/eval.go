// Package eval scores coded events against sentence-anchored gold files
// (../shared/spec/gold-format.md): it aligns each system event with the gold
// lines whose evidence occurs in its sentence, counts true and false
// positives, the share of required events found (recall), and how often the
// first event found for each has the right date.
package eval

import (
	"bufio"
	"bytes"
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

// Gold is every line of every gold file of a folder.
type Gold struct {
	Lines []Line
}

// Line is one gold line: the events a careful coder accepts for the sentence
// that holds Evidence in document Doc.
type Line struct {
	Doc      string      `json:"doc"`
	Evidence string      `json:"evidence"`
	Events   []GoldEvent `json:"events"`
	// Ignore marks lines (headlines, link lists) that are not scored.
	Ignore bool `json:"ignore,omitempty"`
	// N and File say where the line was read: 1-based line number and path.
	N    int    `json:"-"`
	File string `json:"-"`
}

// GoldEvent is one acceptable coding: any of Src as source (first three
// letters of the actor code), any of Tgt as target, any of Root as CAMEO
// root; Pair accepts the reverse direction too.
type GoldEvent struct {
	Src  []string `json:"src"`
	Tgt  []string `json:"tgt"`
	Root []string `json:"root"`
	Req  bool     `json:"req,omitempty"`
	Pair bool     `json:"pair,omitempty"`
	Grp  string   `json:"grp,omitempty"`
	Date string   `json:"date,omitempty"`
}

// LoadGold reads every *.gold.jsonl file in dir, in name order. Blank lines
// are skipped; a line that is not valid JSON or lacks doc or evidence is an
// error naming the file and line.
func LoadGold(dir string) (*Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.gold.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("load gold %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load gold %s: no *.gold.jsonl files", dir)
	}
	slices.Sort(paths)
	g := &Gold{}
	for _, p := range paths {
		if err := g.readFile(p); err != nil {
			return nil, fmt.Errorf("load gold: %w", err)
		}
	}
	return g, nil
}

func (g *Gold) readFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, raw := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var l Line
		if err := json.Unmarshal(raw, &l); err != nil {
			return fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		switch {
		case l.Doc == "":
			return fmt.Errorf("%s:%d: no doc", path, i+1)
		case Normalize(l.Evidence) == "":
			return fmt.Errorf("%s:%d: no evidence", path, i+1)
		}
		l.N, l.File = i+1, path
		g.Lines = append(g.Lines, l)
	}
	return nil
}

// ReadEvents reads event records, one JSON object a line (the output of
// dyad code). Blank lines are skipped; a bad line is an error naming it.
func ReadEvents(r io.Reader) ([]doc.Event, error) {
	br := bufio.NewReader(r)
	var events []doc.Event
	for n := 1; ; n++ {
		raw, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			var e doc.Event
			if jerr := json.Unmarshal(raw, &e); jerr != nil {
				return nil, fmt.Errorf("read events line %d: %w", n, jerr)
			}
			events = append(events, e)
		}
		if errors.Is(err, io.EOF) {
			return events, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read events line %d: %w", n, err)
		}
	}
}

// docKey is how documents are matched between events and gold: by base
// name without extension, so "001_7cf3c6871154cef4.txt", a manifest id
// "001_7cf3c6871154cef4" and a path ".../001_7cf3c6871154cef4.txt" agree.
func docKey(s string) string {
	s = filepath.Base(filepath.ToSlash(s))
	return strings.TrimSuffix(s, filepath.Ext(s))
}

// has reports whether list holds s, ignoring case.
func has(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func code3(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// Accepts reports whether a gold event accepts a system event: source and
// target codes cut to three letters and the CAMEO root in its lists, in
// either direction when Pair is set. An event without a target is never
// accepted.
func (ge GoldEvent) Accepts(e doc.Event) bool {
	if e.Target == nil || e.Target.Code == "" || e.Source.Code == "" {
		return false
	}
	src, tgt, root := code3(e.Source.Code), code3(e.Target.Code), e.Root
	if root == "" && len(e.CAMEO) >= 2 {
		root = e.CAMEO[:2]
	}
	if !has(ge.Root, root) {
		return false
	}
	return has(ge.Src, src) && has(ge.Tgt, tgt) ||
		ge.Pair && has(ge.Src, tgt) && has(ge.Tgt, src)
}
