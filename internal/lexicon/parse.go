package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Problems a dictionary line can have. A *LineError wraps one of them, so
// callers branch with errors.Is.
var (
	ErrSyntax     = errors.New("malformed line")
	ErrUnknownKey = errors.New("unknown key")
	ErrCode       = errors.New("missing or invalid code")
	ErrDate       = errors.New("invalid date")
)

// LineError is a problem on one line of a dictionary file. The line is
// skipped; the rest of the file is still read.
type LineError struct {
	File string
	Line int    // 1-based
	Text string // the line as read, without its line ending
	Err  error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// kindNames maps the block keywords of dyad's format to actor kinds.
// "agent" blocks are handled separately.
var kindNames = map[string]Kind{
	"country": Country,
	"region":  Country,
	"org":     Org,
	"person":  Person,
	"group":   Group,
}

// lineReader yields the lines of r one at a time with their 1-based
// numbers, of any length, as valid UTF-8 without the line ending.
type lineReader struct {
	r    *bufio.Reader
	n    int
	err  error
	text string
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

func (lr *lineReader) next() bool {
	if lr.err != nil {
		return false
	}
	s, err := lr.r.ReadString('\n')
	if err != nil {
		lr.err = err
		if s == "" {
			return false
		}
	}
	lr.n++
	if lr.n == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	s = strings.TrimRight(s, "\r\n")
	lr.text = strings.ToValidUTF8(s, "\uFFFD")
	return true
}

// ioErr reports a read error other than the end of input.
func (lr *lineReader) ioErr() error {
	if lr.err == io.EOF {
		return nil
	}
	return lr.err
}

// Parse reads a dictionary in dyad's own format (see docs/lexicon.md).
// name labels the errors. Bad lines are reported as *LineError and
// skipped; a bad block header skips the whole block.
func Parse(name string, r io.Reader) (*Lexicon, []error) {
	p := ownParser{file: name, lex: &Lexicon{}}
	lr := newLineReader(r)
	for lr.next() {
		p.line(lr.n, lr.text)
	}
	p.flush()
	if err := lr.ioErr(); err != nil {
		p.errs = append(p.errs, &LineError{File: name, Line: lr.n + 1, Err: fmt.Errorf("read: %w", err)})
	}
	return p.lex, p.errs
}

type ownParser struct {
	file string
	lex  *Lexicon
	errs []error

	// The open block: at most one of actor and agent is set. skip is
	// set after a bad header, so its indented lines are ignored quietly.
	actor      *Actor
	agent      *Agent
	region     bool // the open actor block is a region: adj allowed
	headerLine int
	headerText string
	skip       bool
}

func (p *ownParser) fail(n int, text string, err error) {
	p.errs = append(p.errs, &LineError{File: p.file, Line: n, Text: text, Err: err})
}

func (p *ownParser) line(n int, text string) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") {
		return
	}
	if text[0] == ' ' || text[0] == '\t' {
		p.field(n, text, trimmed)
		return
	}
	p.flush()
	p.header(n, text, trimmed)
}

func (p *ownParser) header(n int, text, trimmed string) {
	p.skip = true
	kind, rest, _ := cutSpace(trimmed)
	code, name, _ := cutSpace(rest)
	name = strings.Join(strings.Fields(name), " ")
	k, isActor := kindNames[kind]
	switch {
	case !isActor && kind != "agent":
		p.fail(n, text, fmt.Errorf("%w: unknown kind %q (want country, region, org, person, group or agent)", ErrSyntax, kind))
		return
	case code == "":
		p.fail(n, text, fmt.Errorf("%w: header needs KIND CODE Name", ErrCode))
		return
	case name == "":
		p.fail(n, text, fmt.Errorf("%w: header needs a canonical name after the code", ErrSyntax))
		return
	}
	if code == "-" {
		code = ""
	} else if !validCode(code) {
		p.fail(n, text, fmt.Errorf("%w: %q is not a CAMEO code (A-Z, 0-9)", ErrCode, code))
		return
	}
	if code == "" && (kind == "country" || kind == "region" || kind == "org" || kind == "group") {
		p.fail(n, text, fmt.Errorf("%w: a %s needs a code", ErrCode, kind))
		return
	}
	p.skip = false
	p.headerLine, p.headerText = n, text
	if kind == "agent" {
		p.agent = &Agent{Code: code, Title: name}
		return
	}
	p.region = kind == "country" || kind == "region"
	p.actor = &Actor{Name: name, Kind: k, Code: code}
}

func (p *ownParser) field(n int, text, trimmed string) {
	if p.skip {
		return
	}
	if p.actor == nil && p.agent == nil {
		p.fail(n, text, fmt.Errorf("%w: indented line outside a block", ErrSyntax))
		return
	}
	key, value, ok := strings.Cut(trimmed, ":")
	if !ok {
		p.fail(n, text, fmt.Errorf("%w: want \"key: value; value\"", ErrSyntax))
		return
	}
	key = strings.TrimSpace(key)
	switch {
	case p.agent != nil && key == "words":
		p.agent.Words = append(p.agent.Words, splitList(value)...)
	case p.actor != nil && key == "names":
		p.actor.Names = append(p.actor.Names, splitList(value)...)
	case p.actor != nil && key == "adj" && p.region:
		p.actor.Adjectives = append(p.actor.Adjectives, splitList(value)...)
	case p.actor != nil && key == "people" && p.region:
		ps := splitList(value)
		p.actor.Peoples = append(p.actor.Peoples, ps...)
		p.actor.Adjectives = append(p.actor.Adjectives, ps...)
	case p.actor != nil && key == "capital" && p.region:
		cs := splitList(value)
		p.actor.Capitals = append(p.actor.Capitals, cs...)
		p.actor.Names = append(p.actor.Names, cs...)
	case p.actor != nil && key == "role":
		r, err := parseRole(value)
		if err != nil {
			p.fail(n, text, err)
			return
		}
		p.actor.Roles = append(p.actor.Roles, r)
	default:
		what := "agent"
		if p.actor != nil {
			what = "actor"
			if p.region {
				what = "country"
			}
		}
		p.fail(n, text, fmt.Errorf("%w %q in an %s block (want %s)", ErrUnknownKey, key, what, keysFor(p.actor != nil, p.region)))
	}
}

func keysFor(actor, region bool) string {
	switch {
	case !actor:
		return "words"
	case region:
		return "names, adj, people, capital or role"
	}
	return "names or role"
}

// flush closes the open block and stores it.
func (p *ownParser) flush() {
	defer func() { p.actor, p.agent, p.skip = nil, nil, false }()
	if a := p.agent; a != nil {
		if len(a.Words) == 0 {
			a.Words = []string{a.Title}
		}
		p.lex.Agents = append(p.lex.Agents, a)
		return
	}
	a := p.actor
	if a == nil {
		return
	}
	if a.Code == "" && len(a.Roles) == 0 {
		p.fail(p.headerLine, p.headerText, fmt.Errorf("%w: %q has neither a code nor a role", ErrCode, a.Name))
		return
	}
	if len(a.Names) == 0 {
		a.Names = []string{a.Name}
	}
	p.lex.Actors = append(p.lex.Actors, a)
}

// parseRole reads "CODE | title | from | to"; title and dates may be
// empty or left off.
func parseRole(s string) (Role, error) {
	parts := strings.Split(s, "|")
	if len(parts) > 4 {
		return Role{}, fmt.Errorf("%w: role has %d fields, want CODE | title | from | to", ErrSyntax, len(parts))
	}
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	r := Role{Code: parts[0], Title: parts[1], From: parts[2], To: parts[3]}
	if !validCode(r.Code) {
		return Role{}, fmt.Errorf("%w: role code %q", ErrCode, r.Code)
	}
	for _, d := range []string{r.From, r.To} {
		if d != "" && !validISODate(d) {
			return Role{}, fmt.Errorf("%w: %q (want YYYY, YYYY-MM or YYYY-MM-DD)", ErrDate, d)
		}
	}
	if r.From != "" && r.To != "" && r.To < r.From {
		return Role{}, fmt.Errorf("%w: role ends (%s) before it starts (%s)", ErrDate, r.To, r.From)
	}
	return r, nil
}

func validISODate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// validCode accepts CAMEO codes: upper-case letters and digits (a few
// Phoenix NGO codes carry numeric religion sub-codes).
func validCode(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// cutSpace splits s at its first run of white space.
func cutSpace(s string) (before, after string, found bool) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, "", false
	}
	return s[:i], strings.TrimLeft(s[i:], " \t"), true
}
