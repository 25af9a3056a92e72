package lexicon

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// ParsePetrarch reads a PETRARCH/TABARI dictionary: an actors file
// (Phoenix.Countries.actors.txt and the like) or, when agents is true, an
// agents file (Phoenix.agents.txt). name labels the errors. Malformed
// lines are reported as *LineError and skipped; see docs/lexicon.md for
// how entries are converted.
func ParsePetrarch(name string, r io.Reader, agents bool) (*Lexicon, []error) {
	lr := newLineReader(r)
	var (
		lex  *Lexicon
		errs []error
	)
	if agents {
		lex, errs = parsePetrarchAgents(name, lr)
	} else {
		lex, errs = parsePetrarchActors(name, lr)
	}
	if err := lr.ioErr(); err != nil {
		errs = append(errs, &LineError{File: name, Line: lr.n + 1, Err: fmt.Errorf("read: %w", err)})
	}
	return lex, errs
}

// petrarchText strips what PETRARCH ignores on a line: "#" comments,
// ";" comments that start a line or follow white space, and <!-- -->
// comments (which may span lines: inComment carries that state).
func petrarchText(s string, inComment *bool) string {
	var b strings.Builder
	for s != "" {
		if *inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return strings.TrimSpace(b.String())
			}
			s = s[i+3:]
			*inComment = false
			continue
		}
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+4:]
		*inComment = true
	}
	out := b.String()
	if i := strings.IndexByte(out, '#'); i >= 0 {
		out = out[:i]
	}
	for i := 0; i < len(out); i++ {
		if out[i] == ';' && (i == 0 || out[i-1] == ' ' || out[i-1] == '\t') {
			out = out[:i]
			break
		}
	}
	return strings.TrimSpace(out)
}

// petrarchName turns "HU_JINTAO_" into "HU JINTAO".
func petrarchName(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// displayName turns an all-capitals dictionary name into a readable
// canonical name: "HU JINTAO" -> "Hu Jintao". Mixed-case names are kept.
func displayName(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		for j, c := range r {
			if j == 0 || r[j-1] == '-' || r[j-1] == '.' || r[j-1] == '\'' && j == 2 {
				r[j] = []rune(strings.ToUpper(string(c)))[0]
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// pEntry is an actor entry being read: its names and its codes.
type pEntry struct {
	line     int
	text     string
	last     int // the last line read into the entry
	names    []string
	code     string // the first undated code
	hasCode  bool   // an undated code was given, even "---"
	roles    []Role
	badCodes bool // some code on the entry was malformed
}

func (e *pEntry) codeless() bool {
	return !e.hasCode && !e.badCodes && len(e.roles) == 0
}

func parsePetrarchActors(file string, lr *lineReader) (*Lexicon, []error) {
	lex := &Lexicon{}
	var (
		errs      []error
		cur       *pEntry
		inComment bool
	)
	fail := func(n int, text string, err error) {
		errs = append(errs, &LineError{File: file, Line: n, Text: text, Err: err})
	}
	flush := func() {
		if cur == nil {
			return
		}
		e := cur
		cur = nil
		if len(e.names) == 0 {
			return
		}
		if e.code == "" && len(e.roles) == 0 {
			if !e.hasCode && !e.badCodes {
				fail(e.line, e.text, fmt.Errorf("%w: entry %q has no code", ErrCode, e.names[0]))
			}
			return
		}
		lex.Actors = append(lex.Actors, &Actor{
			Name:  displayName(e.names[0]),
			Kind:  petrarchKind(e.code, e.roles),
			Code:  e.code,
			Names: e.names,
			Roles: e.roles,
		})
	}
	for lr.next() {
		n, raw := lr.n, lr.text
		s := petrarchText(raw, &inComment)
		if s == "" {
			continue
		}
		switch s[0] {
		case '[':
			if cur == nil {
				fail(n, raw, fmt.Errorf("%w: code line before any actor name", ErrSyntax))
				continue
			}
			// Text after the codes is a note (Phoenix lists industry
			// and size there); PETRARCH ignores it too.
			readCodes(s, cur, func(err error) { fail(n, raw, err) })
			cur.last = n
		case '+':
			if cur == nil {
				fail(n, raw, fmt.Errorf("%w: synonym before any actor name", ErrSyntax))
				continue
			}
			names, codes, _ := strings.Cut(s, "[")
			// A few lines run two synonyms together: "+A_+_B_".
			for _, syn := range strings.Split(names, "+") {
				if syn = petrarchName(syn); syn != "" {
					cur.names = append(cur.names, syn)
				}
			}
			if codes != "" {
				readCodes("["+codes, cur, func(err error) { fail(n, raw, err) })
			}
			cur.last = n
		default:
			name, codes, _ := strings.Cut(s, "[")
			nm := petrarchName(name)
			if nm == "" {
				fail(n, raw, fmt.Errorf("%w: entry without a name", ErrSyntax))
				continue
			}
			// Names on consecutive lines with the codes after the last
			// are one entry in the Phoenix files (LEONID_BREZHNEV_ /
			// LEONID_ILYICH_BREZHNEV / [RUSGOV ...]); PETRARCH would drop
			// all but the last, dyad reads them as synonyms.
			if cur == nil || !cur.codeless() || n != cur.last+1 {
				flush()
				cur = &pEntry{line: n, text: raw}
			}
			cur.names = append(cur.names, nm)
			cur.last = n
			if codes != "" {
				readCodes("["+codes, cur, func(err error) { fail(n, raw, err) })
			}
		}
	}
	flush()
	return lex, errs
}

// readCodes reads the [CODE date] groups at the start of s into e and
// returns any text left after them.
func readCodes(s string, e *pEntry, fail func(error)) string {
	for {
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, "[") {
			return s
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			e.badCodes = true
			fail(fmt.Errorf("%w: unclosed [", ErrSyntax))
			return ""
		}
		group := s[1:end]
		s = s[end+1:]
		fields := strings.Fields(group)
		if len(fields) == 0 {
			e.badCodes = true
			fail(fmt.Errorf("%w: empty []", ErrCode))
			continue
		}
		code := fields[0]
		if code == "---" {
			// An explicit null code: the phrase is known but codes nothing.
			e.hasCode = true
			continue
		}
		if !validCode(code) {
			e.badCodes = true
			fail(fmt.Errorf("%w: %q", ErrCode, code))
			continue
		}
		if len(fields) == 1 {
			if !e.hasCode {
				e.code, e.hasCode = code, true
			}
			continue
		}
		from, to, err := petrarchDates(strings.Join(fields[1:], ""))
		if err != nil {
			e.badCodes = true
			fail(err)
			continue
		}
		e.roles = append(e.roles, Role{Code: code, From: from, To: to})
	}
}

// petrarchDates reads a date restriction: "950601-990815", ">990816",
// "<990815", or a bare date (PETRARCH reads it as ">date"). Bounds are
// inclusive, as UniversalPetrarch reads them.
func petrarchDates(s string) (from, to string, err error) {
	switch {
	case strings.HasPrefix(s, ">"):
		from, err = petrarchDate(s[1:])
	case strings.HasPrefix(s, "<"):
		to, err = petrarchDate(s[1:])
	case strings.Contains(s, "-"):
		a, b, _ := strings.Cut(s, "-")
		if from, err = petrarchDate(a); err == nil {
			to, err = petrarchDate(b)
		}
		if err == nil && to < from {
			err = fmt.Errorf("%w: range %s ends before it starts", ErrDate, s)
		}
	default:
		from, err = petrarchDate(s)
	}
	if err != nil {
		return "", "", err
	}
	return from, to, nil
}

// petrarchDate converts YYMMDD (00-30 read as 20xx, 31-99 as 19xx, as
// KEDS, TABARI and PETRARCH do) or YYYYMMDD to an ISO date.
func petrarchDate(s string) (string, error) {
	var full string
	switch len(s) {
	case 6:
		if !allDigits(s) {
			break
		}
		century := "19"
		if s[:2] <= "30" {
			century = "20"
		}
		full = century + s
	case 8:
		if allDigits(s) {
			full = s
		}
	}
	if full == "" {
		return "", fmt.Errorf("%w: %q (want YYMMDD or YYYYMMDD)", ErrDate, s)
	}
	t, err := time.Parse("20060102", full)
	if err != nil {
		return "", fmt.Errorf("%w: %q", ErrDate, s)
	}
	return t.Format("2006-01-02"), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// petrarchKind guesses what an entry names from its codes: dated roles
// mean a person (unless a role is a bare country code, as for a state
// that changed status); a three-letter code is a state or region; codes
// of armed non-state actors mean a group; the rest are organisations.
func petrarchKind(code string, roles []Role) Kind {
	if len(roles) > 0 {
		for _, r := range roles {
			if len(r.Code) == 3 {
				return Country
			}
		}
		return Person
	}
	switch {
	case len(code) == 3:
		return Country
	case strings.HasPrefix(code, "IMG"):
		return Group
	}
	for i := 3; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "REB", "INS", "SEP", "UAF":
			return Group
		}
	}
	return Org
}

// parsePetrarchAgents reads an agents file: "NOUN {PLURAL} [~CODE]" lines
// and "!SET! = A, B" substitution sets used as "!SET!" inside nouns.
func parsePetrarchAgents(file string, lr *lineReader) (*Lexicon, []error) {
	lex := &Lexicon{}
	var (
		errs      []error
		inComment bool
	)
	sets := map[string][]string{}
	fail := func(n int, text string, err error) {
		errs = append(errs, &LineError{File: file, Line: n, Text: text, Err: err})
	}
	for lr.next() {
		n, raw := lr.n, lr.text
		s := petrarchText(raw, &inComment)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "!") && strings.Contains(s, "=") && !strings.Contains(s, "[") {
			lhs, rhs, _ := strings.Cut(s, "=")
			lhs = strings.TrimSpace(lhs)
			if len(lhs) < 3 || !strings.HasSuffix(lhs, "!") || strings.Count(lhs, "!") != 2 {
				fail(n, raw, fmt.Errorf("%w: substitution set wants !NAME! = A, B", ErrSyntax))
				continue
			}
			var items []string
			for _, it := range strings.Split(rhs, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			if len(items) == 0 {
				fail(n, raw, fmt.Errorf("%w: substitution set %s is empty", ErrSyntax, lhs))
				continue
			}
			sets[lhs] = items
			continue
		}
		noun, codePart, ok := strings.Cut(s, "[")
		if !ok {
			fail(n, raw, fmt.Errorf("%w: agent has no [~CODE]", ErrCode))
			continue
		}
		code, rest, ok := strings.Cut(codePart, "]")
		if !ok {
			fail(n, raw, fmt.Errorf("%w: unclosed [", ErrSyntax))
			continue
		}
		if strings.TrimSpace(rest) != "" {
			fail(n, raw, fmt.Errorf("%w: text %q after the code", ErrSyntax, strings.TrimSpace(rest)))
			continue
		}
		code = strings.TrimSpace(code)
		if !strings.Contains(code, "~") {
			fail(n, raw, fmt.Errorf("%w: agent code %q lacks ~", ErrCode, code))
			continue
		}
		// "~GOV" is appended to the actor's code, "IGO~" put before it;
		// Agent has one Code, so both keep their letters only.
		code = strings.ReplaceAll(code, "~", "")
		if code != "" && !validCode(code) {
			fail(n, raw, fmt.Errorf("%w: %q", ErrCode, code))
			continue
		}
		var plural string
		explicitPlural := false
		if b, after, found := strings.Cut(noun, "{"); found {
			p, tail, closed := strings.Cut(after, "}")
			if !closed || strings.TrimSpace(tail) != "" {
				fail(n, raw, fmt.Errorf("%w: plural wants {PLURAL} before the code", ErrSyntax))
				continue
			}
			noun, plural, explicitPlural = b, p, true
		}
		singular, err := expandSets(noun, sets)
		if err != nil {
			fail(n, raw, err)
			continue
		}
		if len(singular) == 0 {
			fail(n, raw, fmt.Errorf("%w: agent without a noun", ErrSyntax))
			continue
		}
		words := singular
		switch {
		case explicitPlural:
			more, err := expandSets(plural, sets)
			if err != nil {
				fail(n, raw, err)
				continue
			}
			words = append(words, more...)
		case !strings.Contains(noun, "!"):
			// PETRARCH forms regular plurals itself; the sets above
			// already list theirs.
			words = append(words, regularPlural(singular[0]))
		}
		lex.Agents = append(lex.Agents, &Agent{
			Words: words,
			Code:  code,
			Title: strings.ToLower(singular[0]),
		})
	}
	return lex, errs
}

// expandSets replaces each !SET! in noun by every member of the set and
// returns the resulting phrases with underscores as spaces.
func expandSets(noun string, sets map[string][]string) ([]string, error) {
	out := []string{noun}
	for round := 0; ; round++ {
		if round > 8 {
			return nil, fmt.Errorf("%w: substitution sets in %q nest too deep", ErrSyntax, noun)
		}
		i := strings.IndexByte(out[0], '!')
		if i < 0 {
			break
		}
		j := strings.IndexByte(out[0][i+1:], '!')
		if j < 0 {
			return nil, fmt.Errorf("%w: unclosed !SET! in %q", ErrSyntax, noun)
		}
		key := out[0][i : i+j+2]
		members, ok := sets[key]
		if !ok || len(members) == 0 {
			return nil, fmt.Errorf("%w: substitution set %s is not defined or empty", ErrSyntax, key)
		}
		if len(out)*len(members) > 1000 {
			return nil, fmt.Errorf("%w: substitution sets in %q expand too far", ErrSyntax, noun)
		}
		var next []string
		for _, o := range out {
			for _, m := range members {
				next = append(next, strings.Replace(o, key, m, 1))
			}
		}
		out = next
	}
	var words []string
	for _, o := range out {
		if w := petrarchName(o); w != "" {
			words = append(words, w)
		}
	}
	return words, nil
}

// regularPlural pluralises the last word of an upper-case phrase.
func regularPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "Y") && len(s) > 1 && !strings.ContainsRune("AEIOU", rune(s[len(s)-2])):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(s, "S"), strings.HasSuffix(s, "X"), strings.HasSuffix(s, "Z"),
		strings.HasSuffix(s, "CH"), strings.HasSuffix(s, "SH"):
		return s + "ES"
	}
	return s + "S"
}
