package coder

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/lexicon"
)

// lexiconFiles are the embedded lexicon files, read in name order; the
// format is described at the top of lexicon/core.txt.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Trigger is one entry of the event lexicon.
type Trigger struct {
	Code   string
	Kind   byte     // 'v' verb, 'n' noun, 'p' fixed phrase
	Phrase []string // one inflected form, lower case
	Lemma  string   // the verb's base form, for verbs
	Recip  bool     // mutual: a compound actor with no target pairs up
	Place  bool     // the target is a place after the trigger
	Clause bool     // the target is in the clause that follows
	Report bool     // a verb of saying
	Weak   bool     // coded only when both actors are in the same clause
	Topic  bool     // the object is a topic, not a target ("discussed Iran")

	// On the parse: Head is the word that heads the match (a verb's
	// lemma, a noun pattern's head noun), Forms the head's inflected
	// forms (for verbs), Mods the words before the head of a noun pattern
	// ("missile" in "missile launch") and Deps the words the head's
	// dependents must show ("tie" in "cut tie", "of" in "expulsion of",
	// "to meet" in "offer to meet").
	// Each position of Mods and Deps lists the words that may fill it.
	Head  string
	Forms []string
	Mods  [][]string
	Deps  [][]string
	// need holds, for each position of Mods and Deps, the words a
	// sentence must have for the pattern to match, plurals included, by
	// their number in the lexicon (Lexicon.words): a quick test before
	// the parse is read (tree.mayMatch).
	need [][]int32
}

// prepare fills t.need from Mods and Deps, its word numbers in one array.
func (t *Trigger) prepare(in *interner) {
	t.need = nil
	var flat []int32
	var ends []int
	for _, pos := range [][][]string{t.Mods, t.Deps} {
		for _, alts := range pos {
			start := len(flat)
			for _, a := range alts {
				// "that" is left out before a fronted clause (match.go).
				if strings.HasPrefix(a, "@") || a == "that" && len(alts) == 1 {
					flat = flat[:start]
					break
				}
				flat = append(flat, in.word(a), in.word(in.plural(a)))
			}
			if len(flat) > start {
				ends = append(ends, len(flat))
			}
		}
	}
	start := 0
	for _, end := range ends {
		t.need = append(t.need, flat[start:end:end])
		start = end
	}
}

// interner gives the words the triggers of one file (or one PETRARCH
// dictionary) share one string, and the verbs they share one list of
// forms (fewer objects for the collector to mark at every cycle), and
// numbers the words of their quick test in the lexicon's words.
type interner struct {
	plurals map[string]string
	forms   map[string][]string
	words   map[string]int32 // the lexicon's
}

func (l *Lexicon) newInterner() *interner {
	return &interner{plurals: map[string]string{}, forms: map[string][]string{}, words: l.words}
}

// word returns the number of w among the words of the lexicon's quick
// test, giving it the next when it has none.
func (in *interner) word(w string) int32 {
	n, ok := in.words[w]
	if !ok {
		n = int32(len(in.words))
		in.words[w] = n
	}
	return n
}

// plural returns plural(w), one string for every w alike.
func (in *interner) plural(w string) string {
	p, ok := in.plurals[w]
	if !ok {
		p = plural(w)
		in.plurals[w] = p
	}
	return p
}

// inflect returns inflect(lemma), one list for every lemma alike, its
// capacity its length, so that appending to it copies it.
func (in *interner) inflect(lemma string) []string {
	f, ok := in.forms[lemma]
	if !ok {
		f = inflect(lemma)
		f = f[:len(f):len(f)]
		in.forms[lemma] = f
	}
	return f
}

// Lexicon is the set of event triggers: verb and noun patterns indexed by
// the lemma and forms of their head, fixed phrases by their first word.
// Each entry is one Trigger, shared by the keys it is found under (the
// collector scans these tables at every cycle: a copy of each entry per
// inflected form, as an index by first word once held, cost 10 MB).
type Lexicon struct {
	byHead  map[string][]*Trigger
	phrases map[string][]*Trigger // fixed phrases by first word
	// words numbers the words of the triggers' quick test (need), so that
	// a sentence's words are a set of bits (tree.mayMatch).
	words   map[string]int32
	entries int
}

// DefaultLexicon returns the embedded event lexicon.
func DefaultLexicon() *Lexicon {
	l := newLexicon()
	names, _ := fs.Glob(lexiconFiles, "lexicon/*.txt")
	for _, name := range names {
		f, err := lexiconFiles.Open(name)
		if err == nil {
			err = l.Read(name, f)
			f.Close()
		}
		if err != nil {
			panic(err) // the embedded files are tested; this cannot happen
		}
	}
	return l
}

// EmptyLexicon returns a lexicon with no entries, to fill with LoadFile.
func EmptyLexicon() *Lexicon { return newLexicon() }

func newLexicon() *Lexicon {
	return &Lexicon{byHead: map[string][]*Trigger{}, phrases: map[string][]*Trigger{}, words: map[string]int32{}}
}

// LoadFile adds the entries of a lexicon file to l: dyad's format, or a
// PETRARCH verb dictionary such as CAMEO.2.0.txt, told apart by their
// lines. A malformed line of a PETRARCH dictionary is returned in skipped,
// naming file and line, and the rest is read; dyad's own files are
// checked whole.
func (l *Lexicon) LoadFile(path string) (skipped []error, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if petrarchFormat(data) {
		ps, errs := lexicon.ReadVerbs(path, bytes.NewReader(data))
		l.AddPetrarch(ps)
		return errs, nil
	}
	return nil, l.Read(path, bytes.NewReader(data))
}

// petrarchFormat reports whether a lexicon file is a PETRARCH verb
// dictionary: block headers ("--- VISIT [042] ---"), patterns ("- * TO
// [042]") or synsets ("&WEAPON").
func petrarchFormat(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 0; sc.Scan() && n < 500; n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "&") {
			return true
		}
		if len(line) > 2 && strings.Contains("vnp", line[:1]) && line[1] == ' ' {
			return false
		}
	}
	return false
}

// AddPetrarch adds PETRARCH verb patterns: the verb is the head, and the
// words of what follows it are what its dependents must show, each
// position with its alternatives (a synset's members). Articles and the
// words before the verb are left out: on the parse, a verb's dependents
// are what matters.
func (l *Lexicon) AddPetrarch(ps []lexicon.VerbPattern) {
	in := l.newInterner()
	for _, p := range ps {
		if p.Code == "" {
			continue
		}
		if _, ok := cameo.Lookup(p.Code); !ok {
			continue
		}
		t := &Trigger{Code: p.Code, Kind: 'v', Head: p.Verb, Phrase: []string{p.Verb}}
		t.Forms = append(in.inflect(p.Verb), p.Forms...)
		for _, term := range p.After {
			var alts []string
			for _, phrase := range term {
				f := strings.Fields(phrase)
				if w := f[len(f)-1]; w != "the" && w != "a" && w != "an" {
					alts = append(alts, w)
				}
			}
			if len(alts) > 0 {
				t.Deps = append(t.Deps, alts)
			}
		}
		t.prepare(in)
		l.addHead(t)
		l.entries++
	}
}

// addHead indexes t under its head and each of its forms, once each.
func (l *Lexicon) addHead(t *Trigger) {
	keys := map[string]bool{t.Head: true}
	for _, f := range t.Forms {
		keys[f] = true
	}
	for k := range keys {
		l.byHead[k] = append(l.byHead[k], t)
	}
}

// Read adds entries in dyad's lexicon format (see lexicon/core.txt) from r.
func (l *Lexicon) Read(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	in := l.newInterner()
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.addLine(line, in); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (l *Lexicon) addLine(line string, in *interner) error {
	body, opts, _ := strings.Cut(line, "|")
	f := strings.Fields(body)
	if len(f) < 3 {
		return fmt.Errorf("want KIND CODE PHRASE, got %q", line)
	}
	kind, code, words := f[0], f[1], f[2:]
	if len(kind) != 1 || !strings.Contains("vnp", kind) {
		return fmt.Errorf("unknown kind %q (want v, n or p)", kind)
	}
	if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return fmt.Errorf("bad CAMEO code %q", code)
	}
	t := &Trigger{Code: code, Kind: kind[0], Phrase: words}
	for _, o := range strings.Fields(opts) {
		switch o {
		case "recip":
			t.Recip = true
		case "place":
			t.Place = true
		case "clause":
			t.Clause = true
		case "report":
			t.Report = true
		case "weak":
			t.Weak = true
		case "topic":
			t.Topic = true
		default:
			return fmt.Errorf("unknown option %q", o)
		}
	}
	if kind == "v" {
		t.Lemma = strings.Split(words[0], "/")[0]
	}
	if err := t.pattern(in); err != nil {
		return err
	}
	if t.Kind == 'p' {
		l.phrases[words[0]] = append(l.phrases[words[0]], t)
	} else {
		l.addHead(t)
	}
	l.entries++
	return nil
}

// pattern fills the parse pattern of a trigger from its phrase: the head,
// its forms, the modifiers before a noun head and the words its
// dependents must show. "*" and articles are dropped: on the parse,
// words between a head and its dependents never matter.
func (t *Trigger) pattern(in *interner) error {
	var words []string
	for _, w := range t.Phrase {
		if w != "*" && w != "the" && w != "a" && w != "an" {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return fmt.Errorf("pattern %q has no word", strings.Join(t.Phrase, " "))
	}
	switch t.Kind {
	case 'v':
		p := strings.Split(words[0], "/")
		t.Head = p[0]
		t.Forms = in.inflect(words[0])
		t.Deps = each(words[1:])
	case 'n':
		h := len(words) - 1
		for k := 1; k < len(words); k++ {
			if preposition[words[k]] || words[k] == "that" {
				h = k - 1
				break
			}
		}
		t.Head, t.Mods, t.Deps = words[h], each(words[:h]), each(words[h+1:])
		t.Forms = []string{words[h], in.plural(words[h])}
	}
	t.prepare(in)
	return nil
}

// each makes each word a position of its own, a slice of words.
func each(words []string) [][]string {
	var out [][]string
	for i := range words {
		out = append(out, words[i:i+1:i+1])
	}
	return out
}

// Len returns the number of lexicon entries (before inflection).
func (l *Lexicon) Len() int { return l.entries }

// irregular verbs: lemma → past, participle.
var irregular = map[string][2]string{
	"meet": {"met", "met"}, "hold": {"held", "held"}, "say": {"said", "said"},
	"sell": {"sold", "sold"}, "lend": {"lent", "lent"}, "cut": {"cut", "cut"},
	"break": {"broke", "broken"}, "shoot": {"shot", "shot"}, "strike": {"struck", "struck"},
	"fight": {"fought", "fought"}, "withdraw": {"withdrew", "withdrawn"}, "fly": {"flew", "flown"},
	"seek": {"sought", "sought"}, "make": {"made", "made"}, "take": {"took", "taken"},
	"give": {"gave", "given"}, "win": {"won", "won"}, "bring": {"brought", "brought"},
	"lead": {"led", "led"}, "send": {"sent", "sent"}, "speak": {"spoke", "spoken"},
	"stand": {"stood", "stood"}, "tell": {"told", "told"}, "pay": {"paid", "paid"},
	"begin": {"began", "begun"}, "come": {"came", "come"}, "go": {"went", "gone"},
	"keep": {"kept", "kept"}, "leave": {"left", "left"}, "put": {"put", "put"},
	"set": {"set", "set"}, "buy": {"bought", "bought"}, "reach": {"reached", "reached"},
	"forgive": {"forgave", "forgiven"}, "overcome": {"overcame", "overcome"},
	"heap": {"heaped", "heaped"}, "return": {"returned", "returned"}, "become": {"became", "become"},
}

// inflect returns the forms of a verb: lemma, third person, past,
// participle and gerund. "meet/met/met" gives its own past forms.
func inflect(lemma string) []string {
	var past, part string
	if p := strings.Split(lemma, "/"); len(p) == 3 {
		lemma, past, part = p[0], p[1], p[2]
	} else if irr, ok := irregular[lemma]; ok {
		past, part = irr[0], irr[1]
	} else {
		past = regularPast(lemma)
		part = past
	}
	ing := gerund(lemma)
	// A given past that doubles the last letter doubles it in -ing too:
	// "kidnap/kidnapped/kidnapped" → "kidnapping".
	if n := len(lemma); n > 0 && past == lemma+lemma[n-1:]+"ed" {
		ing = lemma + lemma[n-1:] + "ing"
	}
	forms := []string{lemma, thirdPerson(lemma), past, part, ing}
	var out []string
	seen := map[string]bool{}
	for _, f := range forms {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// doubles reports whether a verb doubles its last letter before -ed and
// -ing: one-syllable verbs ending consonant-vowel-consonant (ban →
// banned, stop → stopped, but not open → opened), and longer verbs
// stressed on the last syllable, which spelling alone cannot tell.
func doubles(w string) bool {
	if doubling[w] {
		return true
	}
	n := len(w)
	cvc := n >= 3 && !isVowel(w[n-1]) && !strings.ContainsRune("wxy", rune(w[n-1])) &&
		isVowel(w[n-2]) && !isVowel(w[n-3])
	return cvc && (n == 3 || (n == 4 && !isVowel(w[0]) && !isVowel(w[1])))
}

// doubling lists longer verbs stressed on the last syllable.
var doubling = map[string]bool{
	"expel": true, "compel": true, "propel": true, "repel": true, "kidnap": true,
	"control": true, "patrol": true, "commit": true, "admit": true, "submit": true,
	"permit": true, "omit": true, "transfer": true, "refer": true, "deter": true,
	"regret": true, "equip": true, "occur": true, "prefer": true, "confer": true,
	"acquit": true, "rebut": true, "embed": true, "outstrip": true, "abet": true,
	"allot": true, "annul": true, "extol": true, "instil": true, "rebel": true,
}

func regularPast(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doubles(w):
		return w + w[n-1:] + "ed"
	}
	return w + "ed"
}

func thirdPerson(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

func gerund(w string) string {
	switch {
	case strings.HasSuffix(w, "ee"):
		return w + "ing"
	case strings.HasSuffix(w, "e"):
		return w[:len(w)-1] + "ing"
	case doubles(w):
		return w + w[len(w)-1:] + "ing"
	}
	return w + "ing"
}

func plural(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// called returns the code of the entry that condemns a thing by calling
// it word ("v 111 call massacre", "v 110 call mistake"), the rest of the
// entry's words among the words of the phrase word heads ("v 111 call
// attack on law": "an attack on international law"), or "": what one
// condemns by calling it so, one condemns by saying it is so.
func (l *Lexicon) called(word string, phrase map[string]bool) string {
	code, n := "", 0
	for _, tr := range l.byHead["call"] {
		if tr.Kind != 'v' || len(tr.Deps) == 0 || len(tr.Mods) != 0 || cameo.Root(tr.Code) != "11" {
			continue
		}
		if !contains(tr.Deps[0], word) || len(tr.Deps) <= n {
			continue
		}
		// "call act of piracy", "call attack on law": the pattern's
		// other words are in the phrase the word heads, the most
		// specific pattern winning.
		all := true
		for _, alts := range tr.Deps[1:] {
			found := false
			for _, a := range alts {
				found = found || phrase[a]
			}
			all = all && found
		}
		if all {
			code, n = tr.Code, len(tr.Deps)
		}
	}
	return code
}
