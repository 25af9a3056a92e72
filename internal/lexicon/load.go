package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

//go:embed data/*.txt
var defaultData embed.FS

// Default parses the embedded dictionaries (data/*.txt, in name order:
// agents, countries, orgs-*.txt, orgs, people) into a new Lexicon. Each call parses
// afresh, so callers may change the result. An error means the embedded
// data is broken, which tests guard against.
func Default() (*Lexicon, error) {
	paths, err := fs.Glob(defaultData, "data/*.txt")
	if err != nil {
		return nil, fmt.Errorf("lexicon default data: %w", err)
	}
	lex := &Lexicon{}
	var errs []error
	for _, p := range paths {
		f, err := defaultData.Open(p)
		if err != nil {
			return nil, fmt.Errorf("lexicon default data %s: %w", p, err)
		}
		l, lineErrs := Parse(p, f)
		f.Close()
		errs = append(errs, lineErrs...)
		lex.Merge(l)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("lexicon default data: %w", errors.Join(errs...))
	}
	return lex, nil
}

// ownHeader matches the first block header of a file in dyad's format.
var ownHeader = regexp.MustCompile(`^(country|region|org|person|group|agent)[ \t]+\S+[ \t]+\S`)

// Format is the dictionary format a file was read as.
type Format int

const (
	FormatOwn            Format = iota // dyad's block format
	FormatPetrarchActors               // PETRARCH/TABARI actors
	FormatPetrarchAgents               // PETRARCH/TABARI agents
)

// DetectFormat tells dyad's format from PETRARCH's by the first line that
// is neither blank nor a comment, and PETRARCH agents from actors by the
// file name ("agents") or the presence of agent codes like "[~GOV]".
func DetectFormat(path string, data []byte) Format {
	for line := range bytes.Lines(data) {
		s := strings.TrimSpace(string(line))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if ownHeader.MatchString(s) {
			return FormatOwn
		}
		break
	}
	// Agent codes look like "[~GOV]" or "[IGO~]".
	if strings.Contains(strings.ToLower(filepath.Base(path)), "agent") ||
		bytes.Contains(data, []byte("[~")) || bytes.Contains(data, []byte("~]")) {
		return FormatPetrarchAgents
	}
	return FormatPetrarchActors
}

// Load reads a dictionary file in dyad's format or PETRARCH's, detected
// by DetectFormat. The second result holds the *LineError of skipped
// lines; the third is an I/O error, after which the others are nil.
func Load(path string) (*Lexicon, []error, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load lexicon %s: %w", path, err)
	}
	var (
		lex  *Lexicon
		errs []error
	)
	switch DetectFormat(path, data) {
	case FormatOwn:
		lex, errs = Parse(path, bytes.NewReader(data))
	case FormatPetrarchAgents:
		lex, errs = ParsePetrarch(path, bytes.NewReader(data), true)
	default:
		lex, errs = ParsePetrarch(path, bytes.NewReader(data), false)
	}
	return lex, errs, nil
}
