package lexicon

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
)

// A VerbPattern is one PETRARCH verb pattern for one verb, in lemma form:
// the verb, the words that must come before and after it, and the CAMEO
// code the match gives. ReadVerbs makes one for each verb of a block that
// codes an event on its own (Before and After then hold only the words of
// a multi-word verb such as "call off"), and one for each pattern of the
// block and each verb of the block.
//
// The slices may be shared between patterns: treat them as read-only.
type VerbPattern struct {
	// Code is the CAMEO code of the event when the verb is in the active
	// voice, leading zeros kept ("042", "0874"); "" when only the passive
	// voice codes an event (PETRARCH's [:173]).
	Code string
	// Passive is the code PETRARCH gives when the verb is in the passive
	// voice, the second half of [042:043]; "" when the pattern has none.
	Passive string
	// Verb is the verb as the file gives it, lower case: "ask". Of a
	// multi-word verb it is the word the file marks as the verb, "call"
	// of +CALL_OFF; a few entries give an inflected form ("kidnapped").
	Verb string
	// Forms are the verb's inflected forms the file lists in {...}, lower
	// case; PETRARCH generates regular forms itself, so most verbs have
	// none.
	Forms []string
	// Before and After are what must come before and after the verb, in
	// order; see Term. A multi-word verb's own words come next to the
	// verb: last in Before, first in After.
	Before, After []Term
	// Source and Target say where the pattern's "$" and "+" markers put
	// the source and the target; without a marker the coder's usual roles
	// apply (PETRARCH marks them only where syntax alone is ambiguous).
	Source, Target Slot
	// Compound is set by the "%" marker: the actors before the verb are a
	// compound that acts on itself ("A and B held mock air exercises").
	Compound bool
	// Block is the name in the block's "--- NAME [code] ---" header.
	Block string
	// Line is the line of the pattern in the file (of the verb, for a
	// verb on its own).
	Line int
}

// A Term is one position of a pattern: the phrases that may fill it, any
// one of them matching. Most terms are one word ("border"); a synset
// (&WEAPON) or a slash ("BY/WITH") gives alternatives, and words joined
// by "_" in the file form one phrase of consecutive words separated by
// single spaces ("special clause", "prime minister"). Words are lower
// case. Noun phrases {...} and prepositional phrases (...) are flattened
// into their words in order: a preposition is the term before its object.
type Term []string

// A Slot places an actor marker of a pattern. Side is 0 when the pattern
// has no such marker, -1 when the marker comes before the verb and +1 after
// it; Index is the number of terms of Before (Side -1) or After (Side +1)
// that precede the marker, so "- * (WITH +) [045]" has Target {+1, 1}:
// the target is what follows After[0], "with".
type Slot struct {
	Side  int
	Index int
}

// ReadVerbs reads a PETRARCH-2 verb dictionary (CAMEO.2.0.txt and the
// validation dictionaries of petrarch2 and UniversalPetrarch). name labels
// the errors. Malformed lines are reported as *LineError and skipped;
// reading never stops on one. The format, and what dyad keeps of it:
//
//   - Comments: "#" to the end of the line, ";" (KEDS/TABARI), <!-- -->.
//   - Synsets: "&NAME" then "+WORD" or "+TWO_WORDS" member lines. A
//     synset used in a pattern becomes one Term listing its members. No
//     plurals are generated (PETRARCH adds them; dyad matches lemmas), a
//     trailing "_" is dropped, brackets around a member are dropped, a
//     member "&OTHER" includes that synset.
//     Synsets may be defined anywhere in the file. A pattern using an
//     undefined synset is reported and skipped, as PETRARCH ignores it.
//   - Blocks: "--- NAME [code] ---" then verb lines and pattern lines. The
//     block's code is the default of its verbs; a verb line is
//     "VERB {FORMS} [code]", a multi-word verb "+CALL_OFF {+CALLS_OFF ...}"
//     or "WIRE_+TAP" with "+" on the word that is the verb. A verb codes
//     an event alone when its own code, or else the block's, is not null.
//   - Patterns: "- before * after [code]" with "*" the verb, words,
//     {noun phrases}, (prepositional phrases), &synsets, A/B alternatives,
//     "_" joining consecutive words (also to "*": "*_LAWS" is "* LAWS"),
//     "$" source, "+" target, "^" a phrase to skip (dropped: it only
//     says that no actor is taken from there), "%" compound actor. Each
//     pattern applies to every verb of its block.
//   - Codes: "042", "0874", "[042:043]" active and passive codes, "[:173]"
//     passive only. A code dyad's CAMEO table lacks becomes the code
//     PETRARCH falls back to, if the table has it: a four-digit code its
//     three-digit parent ("1952" → "195"), a three-digit code its root's
//     "0" code ("176", cyber attack, → "170"); other codes are errors.
//     "---" is PETRARCH's null code, a deliberate "no event": a verb or
//     pattern with it is skipped without an error (so a null pattern no
//     longer blocks its verb's default code: the coder sees only coded
//     patterns).
//   - Transformations, "~ a (a b ATTACK) SAY = a b 015", which recode one
//     verb reported by another, are read past without an error: they are
//     not patterns, and dyad's coder handles reported speech itself.
func ReadVerbs(name string, r io.Reader) ([]VerbPattern, []error) {
	lr := newLineReader(r)
	v := &verbReader{file: name, synsets: map[string]*vSynset{}}
	inComment := false
	for lr.next() {
		s := petrarchText(lr.text, &inComment)
		// TABARI's ";" comments: PETRARCH leaves them in, making junk
		// forms of "SCRAP {SCRAPS ...};shan 8/30/93".
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if s != "" {
			v.line(lr.n, lr.text, s)
		}
	}
	v.endBlock()
	out := v.build()
	if err := lr.ioErr(); err != nil {
		v.fail(lr.n+1, "", fmt.Errorf("read: %w", err))
	}
	slices.SortStableFunc(v.errs, func(a, b error) int {
		var la, lb *LineError
		errors.As(a, &la)
		errors.As(b, &lb)
		return cmp.Compare(la.Line, lb.Line)
	})
	return out, v.errs
}

// vSynset is a synset as read: its members, still raw.
type vSynset struct {
	line    int
	members []vMember
	// resolved holds the expanded members once build has computed them;
	// state is 0 before, 1 while expanding (to catch cycles), 2 after.
	resolved []string
	state    int
}

type vMember struct {
	line       int
	text, word string // word: upper case, "_" kept
}

// vVerb is one verb line of a block.
type vVerb struct {
	line          int
	verb          string
	forms         []string
	before, after []Term
	code, passive string
	hasCode       bool // the line gives its own code (maybe null)
}

// vPattern is one pattern line, its words still raw (synsets unresolved).
type vPattern struct {
	line          int
	text          string
	before, after []string // raw word tokens, "" where a marker stood
	source        rawSlot
	target        rawSlot
	compound      bool
	code, passive string
}

type rawSlot struct{ side, index int }

type vBlock struct {
	name          string
	code, passive string
	verbs         []vVerb
	patterns      []vPattern
}

type verbReader struct {
	file    string
	errs    []error
	synsets map[string]*vSynset
	cur     *vSynset // the synset whose members are being read
	block   *vBlock  // the block being read
	blocks  []*vBlock
}

func (v *verbReader) fail(n int, text string, err error) {
	v.errs = append(v.errs, &LineError{File: v.file, Line: n, Text: text, Err: err})
}

func (v *verbReader) endBlock() {
	if v.block != nil {
		v.blocks = append(v.blocks, v.block)
		v.block = nil
	}
}

func (v *verbReader) line(n int, raw, s string) {
	switch {
	case strings.HasPrefix(s, "---"):
		v.endBlock()
		v.cur = nil
		v.header(n, raw, s)
	case s[0] == '-':
		if v.block == nil {
			v.fail(n, raw, fmt.Errorf("%w: pattern outside a verb block", ErrSyntax))
			return
		}
		if p, ok := v.pattern(n, raw, s[1:]); ok {
			v.block.patterns = append(v.block.patterns, p)
		}
	case s[0] == '&':
		v.endBlock()
		v.cur = nil
		name := strings.TrimSpace(s)
		if !validSynsetName(name) {
			v.fail(n, raw, fmt.Errorf("%w: synset name %q wants & and letters, digits or _", ErrSyntax, name))
			return
		}
		v.cur = &vSynset{line: n}
		if old, ok := v.synsets[name]; ok {
			// Its members are read into v.cur and dropped.
			v.fail(n, raw, fmt.Errorf("%w: synset %s already defined on line %d", ErrSyntax, name, old.line))
			return
		}
		v.synsets[name] = v.cur
	case s[0] == '~':
		// A transformation; see ReadVerbs.
		v.endBlock()
		v.cur = nil
	case s[0] == '+' && v.block == nil:
		if v.cur == nil {
			v.fail(n, raw, fmt.Errorf("%w: synset member outside a synset", ErrSyntax))
			return
		}
		// UniversalPetrarch writes some members as phrases: "+(TO THE END)".
		w := strings.TrimSpace(strings.Map(func(r rune) rune {
			if strings.ContainsRune("(){}", r) {
				return ' '
			}
			return r
		}, s[1:]))
		if w == "" || strings.ContainsAny(w, "$+%^*[]") || strings.Contains(w[1:], "&") {
			v.fail(n, raw, fmt.Errorf("%w: synset member %q wants words only", ErrSyntax, w))
			return
		}
		v.cur.members = append(v.cur.members, vMember{line: n, text: raw, word: strings.ToUpper(w)})
	default:
		if v.block == nil {
			v.fail(n, raw, fmt.Errorf("%w: verb outside a verb block", ErrSyntax))
			return
		}
		if vb, ok := v.verb(n, raw, s); ok {
			v.block.verbs = append(v.block.verbs, vb)
		}
	}
}

func validSynsetName(s string) bool {
	if len(s) < 2 || s[0] != '&' {
		return false
	}
	for _, c := range s[1:] {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// header reads "---  NAME   [code]  ---". A header without a code has the
// null code; a bad code leaves the block null and is reported.
func (v *verbReader) header(n int, raw, s string) {
	b := &vBlock{}
	v.block = b
	body := strings.TrimLeft(s, "-")
	name, rest, hasCode := strings.Cut(body, "[")
	if !hasCode {
		name = strings.TrimRight(body, "- \t")
	}
	b.name = strings.Join(strings.Fields(name), " ")
	if !hasCode {
		return
	}
	code, tail, ok := strings.Cut(rest, "]")
	if !ok {
		v.fail(n, raw, fmt.Errorf("%w: unclosed [ in block header", ErrSyntax))
		return
	}
	if strings.Trim(tail, "- \t") != "" {
		v.fail(n, raw, fmt.Errorf("%w: text %q after the block's code", ErrSyntax, strings.TrimSpace(tail)))
		return
	}
	active, passive, err := verbCode(code)
	if err != nil {
		v.fail(n, raw, err)
		return
	}
	b.code, b.passive = active, passive
}

// verbCode reads the inside of [...]: "042", "042:043", ":173", "---".
// Both halves are empty for the null code.
func verbCode(s string) (active, passive string, err error) {
	s = strings.TrimSpace(s)
	if s == "---" {
		return "", "", nil
	}
	a, p, _ := strings.Cut(s, ":")
	for _, c := range []*string{&a, &p} {
		*c = strings.TrimSpace(*c)
		if *c == "---" {
			*c = ""
		}
		if *c == "" {
			continue
		}
		if !allDigits(*c) || len(*c) < 3 || len(*c) > 4 {
			return "", "", fmt.Errorf("%w: %q is not a CAMEO event code", ErrCode, s)
		}
		known, ok := knownCode(*c)
		if !ok {
			return "", "", fmt.Errorf("%w: %q is not in dyad's CAMEO table", ErrCode, *c)
		}
		*c = known
	}
	if strings.Count(s, ":") > 1 {
		return "", "", fmt.Errorf("%w: %q has more than two codes", ErrCode, s)
	}
	return a, p, nil
}

// knownCode returns code when dyad's CAMEO table has it, or else the code
// PETRARCH falls back to, when the table has that: "1952" (added to CAMEO
// after 1.1b3) becomes "195", "176" becomes "170".
func knownCode(code string) (string, bool) {
	if _, ok := cameo.Lookup(code); ok {
		return code, true
	}
	parent := code[:3]
	if len(code) == 3 {
		parent = code[:2] + "0"
	}
	if _, ok := cameo.Lookup(parent); ok {
		return parent, true
	}
	return "", false
}

// verb reads a verb line: "VERB {FORMS} [code]".
func (v *verbReader) verb(n int, raw, s string) (vVerb, bool) {
	vb := vVerb{line: n}
	if i := strings.IndexByte(s, '['); i >= 0 {
		code, tail, ok := strings.Cut(s[i+1:], "]")
		if !ok {
			v.fail(n, raw, fmt.Errorf("%w: unclosed [ after the verb", ErrSyntax))
			return vb, false
		}
		if strings.TrimSpace(tail) != "" {
			v.fail(n, raw, fmt.Errorf("%w: text %q after the verb's code", ErrSyntax, strings.TrimSpace(tail)))
			return vb, false
		}
		a, p, err := verbCode(code)
		if err != nil {
			v.fail(n, raw, err)
			return vb, false
		}
		vb.code, vb.passive, vb.hasCode = a, p, true
		s = s[:i]
	}
	head := s
	if i := strings.IndexByte(s, '{'); i >= 0 {
		forms, tail, ok := strings.Cut(s[i+1:], "}")
		if !ok || strings.TrimSpace(tail) != "" {
			v.fail(n, raw, fmt.Errorf("%w: verb forms want {FORMS} after the verb", ErrSyntax))
			return vb, false
		}
		head = s[:i]
		for _, f := range strings.FieldsFunc(forms, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
			w, _, _, err := splitVerb(f)
			if err != nil {
				v.fail(n, raw, err)
				return vb, false
			}
			vb.forms = append(vb.forms, w)
		}
	}
	fields := strings.Fields(head)
	if len(fields) != 1 {
		v.fail(n, raw, fmt.Errorf("%w: a verb line wants one verb, {FORMS} and [code]", ErrSyntax))
		return vb, false
	}
	w, before, after, err := splitVerb(fields[0])
	if err != nil {
		v.fail(n, raw, err)
		return vb, false
	}
	vb.verb = w
	if before != "" {
		vb.before = []Term{{before}}
	}
	if after != "" {
		vb.after = []Term{{after}}
	}
	return vb, true
}

// splitVerb splits a verb such as "+CALL_OFF" or "WIRE_+TAP" into the verb
// ("call", "tap") and the words before and after it, lower case. Without a
// "+", the first word is the verb.
func splitVerb(s string) (verb, before, after string, err error) {
	if strings.ContainsAny(s, "*$%^&()[]{}/") || strings.Count(s, "+") > 1 {
		return "", "", "", fmt.Errorf("%w: %q is not a verb", ErrSyntax, s)
	}
	s = strings.ToLower(s)
	var words []string
	at := 0
	for i, w := range strings.Split(s, "_") {
		if strings.HasPrefix(w, "+") {
			at = i
			w = w[1:]
		}
		words = append(words, w)
	}
	if words[at] == "" || strings.Contains(words[at], "+") {
		return "", "", "", fmt.Errorf("%w: %q has no verb word", ErrSyntax, s)
	}
	join := func(ws []string) string { return strings.Join(strings.Fields(strings.Join(ws, " ")), " ") }
	return words[at], join(words[:at]), join(words[at+1:]), nil
}

// pattern reads a pattern line without its leading "-".
func (v *verbReader) pattern(n int, raw, s string) (vPattern, bool) {
	p := vPattern{line: n, text: raw}
	s = strings.TrimSpace(s)
	open := strings.LastIndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") {
		v.fail(n, raw, fmt.Errorf("%w: pattern without a [code] at its end", ErrCode))
		return p, false
	}
	a, ps, err := verbCode(s[open+1 : len(s)-1])
	if err != nil {
		v.fail(n, raw, err)
		return p, false
	}
	p.code, p.passive = a, ps
	body := s[:open]
	if strings.ContainsAny(body, "[]") {
		v.fail(n, raw, fmt.Errorf("%w: more than one [code] in pattern", ErrSyntax))
		return p, false
	}
	var spaced strings.Builder
	for _, c := range body {
		if strings.ContainsRune("(){}*$+^%", c) {
			spaced.WriteString(" " + string(c) + " ")
		} else {
			spaced.WriteRune(c)
		}
	}
	var (
		brackets []byte // the brackets brackets, outermost first
		verbSeen bool
		side     = &p.before
	)
	bad := func(format string, args ...any) (vPattern, bool) {
		v.fail(n, raw, fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...))
		return p, false
	}
	mark := func(slot *rawSlot) bool {
		if slot.side != 0 {
			return false
		}
		slot.side = -1
		if verbSeen {
			slot.side = 1
		}
		slot.index = len(*side)
		return true
	}
	for _, tok := range strings.Fields(spaced.String()) {
		switch tok {
		case "(", "{":
			// A noun phrase may stand in a prepositional phrase, not
			// the other way round; neither nests in itself.
			if len(brackets) == 2 || len(brackets) == 1 && (brackets[0] == '{' || tok == "(") {
				return bad("%s inside %s in pattern", tok, string(brackets))
			}
			brackets = append(brackets, tok[0])
		case ")", "}":
			want := byte('(')
			if tok == "}" {
				want = '{'
			}
			if len(brackets) == 0 || brackets[len(brackets)-1] != want {
				return bad("unbalanced bracket in pattern: %s without %c", tok, want)
			}
			brackets = brackets[:len(brackets)-1]
		case "*":
			if verbSeen {
				return bad("more than one * in pattern")
			}
			if len(brackets) > 0 {
				return bad("* inside brackets in pattern")
			}
			verbSeen = true
			side = &p.after
		case "$":
			if !mark(&p.source) {
				return bad("more than one $ in pattern")
			}
		case "+":
			if !mark(&p.target) {
				return bad("more than one + in pattern")
			}
		case "%":
			p.compound = true
		case "^":
		default:
			w := strings.Trim(tok, "_")
			if w == "" {
				continue
			}
			if strings.ContainsAny(w, ",;\"") {
				return bad("unexpected character in %q", w)
			}
			*side = append(*side, strings.ToUpper(w))
		}
	}
	if len(brackets) > 0 {
		return bad("unbalanced bracket in pattern: %c not closed", brackets[len(brackets)-1])
	}
	if !verbSeen {
		return bad("pattern without * for the verb")
	}
	if p.code == "" && p.passive == "" {
		// Null code: a deliberate "no event"; see ReadVerbs.
		return p, false
	}
	return p, true
}

// maxAlternatives bounds the phrases of one term, against runaway
// products of synsets joined by "_".
const maxAlternatives = 5000

// build resolves the synsets and makes the patterns.
func (v *verbReader) build() []VerbPattern {
	names := make([]string, 0, len(v.synsets))
	for name := range v.synsets {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		v.resolveSynset(name, 0)
	}
	var out []VerbPattern
	for _, b := range v.blocks {
		for _, vb := range b.verbs {
			code, passive := b.code, b.passive
			if vb.hasCode {
				code, passive = vb.code, vb.passive
			}
			if code == "" && passive == "" {
				continue
			}
			out = append(out, VerbPattern{
				Code: code, Passive: passive,
				Verb: vb.verb, Forms: clip(vb.forms),
				Before: clip(vb.before), After: clip(vb.after),
				Block: b.name, Line: vb.line,
			})
		}
		for _, p := range b.patterns {
			before, err := v.terms(p.before)
			if err == nil {
				var after []Term
				after, err = v.terms(p.after)
				if err == nil {
					for _, vb := range b.verbs {
						out = append(out, verbPattern(b, vb, p, before, after))
					}
					continue
				}
			}
			v.fail(p.line, p.text, err)
		}
	}
	return out
}

func verbPattern(b *vBlock, vb vVerb, p vPattern, before, after []Term) VerbPattern {
	vp := VerbPattern{
		Code: p.code, Passive: p.passive,
		Verb: vb.verb, Forms: clip(vb.forms),
		Before: clip(before), After: clip(after),
		Compound: p.compound,
		Block:    b.name, Line: p.line,
	}
	if len(vb.before) > 0 {
		vp.Before = clip(slices.Concat(before, vb.before))
	}
	if len(vb.after) > 0 {
		vp.After = clip(slices.Concat(vb.after, after))
	}
	slot := func(s rawSlot) Slot {
		if s.side > 0 {
			s.index += len(vb.after)
		}
		return Slot{Side: s.side, Index: s.index}
	}
	vp.Source, vp.Target = slot(p.source), slot(p.target)
	return vp
}

// clip keeps an append on a shared slice from writing into it.
func clip[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s[:len(s):len(s)]
}

// resolveSynset expands a synset's members (a member "&OTHER" includes
// OTHER's members) and returns them, nil for an undefined synset.
func (v *verbReader) resolveSynset(name string, depth int) []string {
	s, ok := v.synsets[name]
	if !ok {
		return nil
	}
	switch s.state {
	case 2:
		return s.resolved
	case 1:
		return nil // a cycle: reported by the member that closes it
	}
	s.state = 1
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] && len(out) < maxAlternatives {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, m := range s.members {
		if strings.HasPrefix(m.word, "&") {
			ref := strings.TrimSpace(m.word)
			other, defined := v.synsets[ref]
			switch {
			case !defined:
				v.fail(m.line, m.text, fmt.Errorf("%w: undefined synset %s", ErrSyntax, ref))
			case other.state == 1 || depth > 8:
				v.fail(m.line, m.text, fmt.Errorf("%w: synset %s includes itself", ErrSyntax, ref))
			default:
				for _, w := range v.resolveSynset(ref, depth+1) {
					add(w)
				}
			}
			continue
		}
		if w := phrase(m.word); w != "" {
			add(w)
		}
	}
	s.resolved, s.state = out, 2
	return out
}

// phrase lower-cases a word or phrase of the file, "_" and runs of space
// becoming one space.
func phrase(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

// terms turns the raw tokens of one side of a pattern into terms.
func (v *verbReader) terms(toks []string) ([]Term, error) {
	var out []Term
	for _, tok := range toks {
		t, err := v.term(tok)
		if err != nil {
			return nil, err
		}
		if len(t) == 0 {
			return nil, fmt.Errorf("%w: %q has no word", ErrSyntax, tok)
		}
		out = append(out, t)
	}
	return out, nil
}

// term reads one token: "BORDER", "TO/FOR", "&WEAPON", "SPECIAL_CLAUSE",
// "FIGHTER_&AIRCRAFT", "&FIGHT_GAMES" (the synset &FIGHT, then "games": a
// synset name runs as far as a defined synset's name does).
func (v *verbReader) term(tok string) (Term, error) {
	var out Term
	for _, alt := range strings.Split(tok, "/") {
		phrases := []string{""}
		rest := alt
		for rest != "" {
			var part []string
			if rest[0] == '&' {
				name := v.longestSynset(rest)
				if name == "" {
					ref, _, _ := strings.Cut(rest, "_")
					return nil, fmt.Errorf("%w: undefined synset %s", ErrSyntax, ref)
				}
				part = v.synsets[name].resolved
				rest = rest[len(name):]
				if len(part) == 0 {
					return nil, fmt.Errorf("%w: synset %s is empty", ErrSyntax, name)
				}
			} else {
				j := strings.IndexAny(rest, "_&")
				if j < 0 {
					j = len(rest)
				}
				w := rest[:j]
				rest = strings.TrimLeft(rest[j:], "_")
				if w == "" {
					continue
				}
				part = []string{strings.ToLower(w)}
			}
			rest = strings.TrimLeft(rest, "_")
			if len(phrases)*len(part) > maxAlternatives {
				return nil, fmt.Errorf("%w: %q expands to more than %d phrases", ErrSyntax, tok, maxAlternatives)
			}
			next := make([]string, 0, len(phrases)*len(part))
			for _, a := range phrases {
				for _, b := range part {
					next = append(next, strings.TrimSpace(a+" "+b))
				}
			}
			phrases = next
		}
		for _, ph := range phrases {
			if ph != "" && !slices.Contains(out, ph) {
				out = append(out, ph)
			}
		}
	}
	if len(out) > maxAlternatives {
		return nil, fmt.Errorf("%w: %q expands to more than %d phrases", ErrSyntax, tok, maxAlternatives)
	}
	return out, nil
}

// longestSynset returns the longest defined synset name that s starts with,
// ending at a "_" or at the end of s (a name may itself end in "_").
func (v *verbReader) longestSynset(s string) string {
	best := ""
	for i := 1; i <= len(s); i++ {
		if i < len(s) && s[i] != '_' {
			continue
		}
		for _, name := range []string{s[:i], s[:min(i+1, len(s))]} {
			if _, ok := v.synsets[name]; ok && len(name) > len(best) {
				best = name
			}
		}
	}
	return best
}
