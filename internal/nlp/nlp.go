// Package nlp splits cleaned text into sentences and sentences into the
// syntactic words of Universal Dependencies English, with byte offsets. It
// is rule-based: its knowledge of English spelling (abbreviations, hyphen
// prefixes, contractions, emoticons) is in embedded word lists, so it is
// fast and needs no model.
package nlp

import (
	"embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// Tokenize splits s into words as UD English-EWT v2 segments them, so that
// a tagger or parser trained on that treebank sees what it was trained on
// and every stage indexes the same tokens. Each token's Text is
// s[Start:End]; only Text and the offsets are set.
//
// Clitics are words of their own: "don't" is "do" + "n't", "can't" is
// "ca" + "n't", "I'm" is "I" + "'m", and a possessive "'s" is split off;
// so are the words of "cannot", "gonna" and "dont" (data/contractions.txt).
// Hyphens between words are tokens ("China-Russia" is "China", "-",
// "Russia"), except after a prefix ("e-mail", "non-violent", "mid-2004")
// and inside phone numbers and ISO dates. Abbreviations keep their full
// stop ("U.S.", "Mr.", "Jan."), numbers their decimal point and group
// commas ("3.5", "160,000"), times their colon ("10:30"); a currency sign,
// a percent sign and a unit written against a number are tokens ("$",
// "3.5"; "5", "pm"), while ordinals and plurals stay ("5th", "1990s").
// URLs, e-mail addresses, emoticons, ellipses and runs of "!" or "-" are
// one token each.
//
// UD English-EWT also splits the full stop off an abbreviation that ends a
// sentence ("in the U.S" + "."); Tokenize keeps it, because the same
// function reads dictionary entries ("U.S.") that must match the word in
// the middle of a sentence.
func Tokenize(s string) []doc.Token {
	// About one token per five bytes of English, so that the slice is
	// rarely grown.
	tk := tokenizer{s: s, toks: make([]doc.Token, 0, len(s)/5+2)}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		tk.chunk(i, j)
		i = j
	}
	return tk.toks
}

// tokenizer collects the tokens of s.
type tokenizer struct {
	s    string
	toks []doc.Token
}

func (tk *tokenizer) emit(start, end int) {
	tk.toks = append(tk.toks, doc.NewToken(tk.s[start:end], start, end))
}

// chunk tokenizes s[a:b], a run of text without white space.
func (tk *tokenizer) chunk(a, b int) {
	s := tk.s
	at := -1 // the next "@" at or after i, for e-mail addresses
	for i := a; i < b; {
		if at < i {
			at = b
			if k := strings.IndexByte(s[i:b], '@'); k >= 0 {
				at = i + k
			}
		}
		if end := special(s, a, i, b, at); end > i {
			tk.emit(i, end)
			i = end
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			i = tk.word(i, i, b)
		case isApostrophe(r):
			i = tk.apostrophe(i, b)
		case r == '+' && i == a && i+1 < b && isDigit(s[i+1]): // "+44"
			i = tk.word(i, i+1, b)
		case r == '#' && startsWithLetter(s[i+1:b]): // "#audiobooks"
			i = tk.word(i, i+1, b)
		default:
			end := punctEnd(s, i, b)
			tk.emit(i, end)
			i = end
		}
	}
}

// special returns the end of a URL, an e-mail address, an emoticon or a
// doubled single quote (two apostrophes, "‘’") starting at s[i] inside the
// chunk s[a:b], or i when none starts there. at is the next "@" in the
// chunk, or b.
func special(s string, a, i, b, at int) int {
	w := s[i:b]
	if r, n := utf8.DecodeRuneInString(w); isSingleQuote(r) {
		if r2, n2 := utf8.DecodeRuneInString(w[n:]); isSingleQuote(r2) {
			return i + n + n2
		}
	}
	for _, p := range []string{"http://", "https://", "ftp://", "mailto:", "www."} {
		if len(w) > len(p) && strings.EqualFold(w[:len(p)], p) {
			return i + urlLen(w)
		}
	}
	if end := email(s, i, at, b); end > i {
		return end
	}
	if i > a {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) {
			return i
		}
	}
	if len(w) == 0 || !emoticonStarts[w[0]] {
		return i
	}
	for _, e := range emoticons {
		if strings.HasPrefix(w, e) {
			if r, _ := utf8.DecodeRuneInString(w[len(e):]); len(w) == len(e) || !isWordRune(r) {
				return i + len(e)
			}
		}
	}
	return i
}

// urlLen returns the length of the URL that w starts with: all of it but
// the punctuation that closes the sentence or a bracket around it.
func urlLen(w string) int {
	end := len(w)
	opened, closed := strings.Count(w, "("), strings.Count(w, ")")
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(w[:end])
		if !strings.ContainsRune(`.,;:!?'"’”)]>`, r) {
			break
		}
		if r == ')' {
			if opened >= closed {
				break
			}
			closed--
		}
		end -= n
	}
	return end
}

// email returns the end of the e-mail address starting at s[i], whose
// "@" would be s[at], or i.
func email(s string, i, at, b int) int {
	if at <= i || at >= b {
		return i
	}
	for k, r := range s[i:at] {
		if !isWordRune(r) && (k == 0 || !strings.ContainsRune("._%+-", r)) {
			return i
		}
	}
	end := at + 1
	for end < b {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) && !strings.ContainsRune(".-_", r) {
			break
		}
		end += n
	}
	for end > at+1 && strings.ContainsRune(".-_", rune(s[end-1])) {
		end--
	}
	if end == at+1 {
		return i
	}
	return end
}

// apostrophe tokenizes at an apostrophe that starts a token: a clipped
// year ("'72", "'60s"), a clitic written apart ("it 's") or a clipped word
// ("'em"), else the apostrophe alone.
func (tk *tokenizer) apostrophe(i, b int) int {
	s := tk.s
	_, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	if j < b {
		r2, _ := utf8.DecodeRuneInString(s[j:])
		switch {
		case r2 < utf8.RuneSelf && isDigit(byte(r2)):
			return tk.word(i, j, b)
		case unicode.IsLetter(r2):
			k := j
			for k < b {
				r3, n3 := utf8.DecodeRuneInString(s[k:])
				if !unicode.IsLetter(r3) {
					break
				}
				k += n3
			}
			next, _ := utf8.DecodeRuneInString(s[k:])
			if (k == b || !isWordRune(next)) && clipped[strings.ToLower(s[j:k])] {
				tk.emit(i, k)
				return k
			}
		}
	}
	tk.emit(i, j)
	return j
}

// clipped are the words that follow an apostrophe at the start of a token:
// clitics written apart and clipped words.
var clipped = map[string]bool{
	"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true,
	"em": true, "n": true, "til": true, "cause": true, "bout": true, "tis": true,
}

// punctEnd returns the end of the punctuation token at s[i]: an ellipsis
// ("...", "…"), a run of final marks ("!!", "?!", ".?"), a run of
// line-drawing marks ("--", "==>"), or of one repeated mark ("$$$"); else
// one character.
func punctEnd(s string, i, b int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	same := func(r2 rune) bool { return r2 == r }
	switch {
	case r == '…' || strings.HasPrefix(s[i:b], ".."):
		same = func(r2 rune) bool { return r2 == '.' || r2 == '…' }
	case r == '.' || r == '!' || r == '?':
		end := i + 1
		for end < b && strings.IndexByte(".!?", s[end]) >= 0 && !strings.HasPrefix(s[end:b], "..") {
			end++
		}
		return end
	case strings.ContainsRune(lineArt, r):
		same = func(r2 rune) bool { return strings.ContainsRune(lineArt, r2) }
	case strings.ContainsRune(`"“”‘’«»()[]{}`, r):
		return i + n
	}
	j := i + n
	for j < b {
		r2, n2 := utf8.DecodeRuneInString(s[j:])
		if !same(r2) {
			break
		}
		j += n2
	}
	return j
}

// lineArt are the marks that make dashes, arrows and rules.
const lineArt = "-=*+<>~_|#^"

// word tokenizes the word starting at s[from] (the token may start earlier,
// at start, with "+", "#" or an apostrophe) and returns where it ends. A
// word is a run of letters and digits joined by single marks (". - ' ’ ` &
// / _ , :"); joint decides which marks are token boundaries.
func (tk *tokenizer) word(start, from, b int) int {
	s := tk.s
	segs := []span{{start, from}}
	marks := []rune{0} // marks[k] joins segs[k-1] and segs[k]
	for j := from; ; {
		for j < b {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		segs[len(segs)-1].end = j
		if j >= b {
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isJoiner(r) || j+n >= b {
			break
		}
		if next, _ := utf8.DecodeRuneInString(s[j+n:]); !isWordRune(next) {
			break
		}
		segs = append(segs, span{j + n, j + n})
		marks = append(marks, r)
		j += n
	}
	end := segs[len(segs)-1].end

	// Most words are one token, two cuts: an array on the stack spares
	// the collector an allocation a word.
	var buf [8]int
	cuts := append(buf[:0], start)
	for k := 1; k < len(segs); {
		// The run of segments joined by one kind of mark is read as a
		// whole: "11/28/2000", "U.S", "713-853-3989".
		n := k + 1
		for n < len(segs) && marks[n] == marks[k] {
			n++
		}
		g := newGroup(s, segs[k-1:n])
		for ; k < n; k++ {
			next := rune(0)
			if k+1 < len(segs) {
				next = marks[k+1]
			}
			cuts = append(cuts, tk.joint(segs[k-1], segs[k], marks[k], next, g)...)
		}
	}
	for _, sg := range segs {
		if c := unitCut(s[sg.start:sg.end]); c > 0 {
			cuts = append(cuts, sg.start+c)
		}
	}
	cuts = append(cuts, end)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	// What follows the word may belong to its last token: the full stop
	// of an abbreviation, the "$" of "US$". A unit split from its number
	// ("$13.9M.") is no abbreviation.
	last := cuts[len(cuts)-2]
	if end < b {
		w := s[last:end]
		unit := last > start && isDigit(s[last-1])
		switch {
		case s[end] == '.' && !strings.HasPrefix(s[end:b], "..") && !unit && takesPeriod(w, s[end+1:]):
			end++
		case s[end] == '$' && len(w) <= 3 && isUpperASCII(w):
			end++
		}
		cuts[len(cuts)-1] = end
	}
	for k := 1; k < len(cuts); k++ {
		tk.emitWord(cuts[k-1], cuts[k])
	}
	return end
}

// emitWord emits s[start:end], split into the words of a contraction
// written without an apostrophe ("cannot" is "can" + "not").
func (tk *tokenizer) emitWord(start, end int) {
	for _, n := range contraction(tk.s[start:end]) {
		tk.emit(start, start+n)
		start += n
	}
	tk.emit(start, end)
}

// contraction returns the token lengths of w as a contraction (its
// lower case, data/contractions.txt), or none. A word of ASCII letters is
// lowered in an array on the stack, and a map index by string(bytes)
// copies nothing: the tokenizer allocates nothing per capitalised word.
func contraction(w string) []int {
	var buf [32]byte
	if len(w) > len(buf) {
		return contractions[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return contractions[strings.ToLower(w)]
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return contractions[string(buf[:len(w)])]
}

// span is a half-open byte range of the sentence.
type span struct{ start, end int }

// group describes a run of segments joined by one kind of mark.
type group struct {
	size                     int
	digits, letters, singles bool   // every segment is digits, letters, one letter
	grouped                  bool   // digits in thousands or lakh groups: 1,234,567 or 12,34,567
	last                     string // the last segment
}

func newGroup(s string, segs []span) group {
	g := group{size: len(segs), digits: true, letters: true, singles: true}
	threes, twos := true, true
	for k, sg := range segs {
		w := s[sg.start:sg.end]
		g.digits = g.digits && allDigits(w)
		g.letters = g.letters && allLetters(w)
		g.singles = g.singles && single(w)
		switch {
		case k == 0:
			threes, twos = len(w) <= 3, len(w) <= 2
		case k < len(segs)-1:
			threes, twos = threes && len(w) == 3, twos && len(w) == 2
		default:
			g.grouped = g.digits && (threes || twos) && len(w) == 3
		}
	}
	last := segs[len(segs)-1]
	g.last = s[last.start:last.end]
	return g
}

// joint returns the token boundaries at the mark between the segments l
// and r of group g (next is the mark after r, or 0): none when the mark
// joins them into one token, the mark's start when it begins a clitic
// ("'s"), one byte earlier for "n't", its end for the full stop of an
// abbreviation ("Dr.Michael"), and both when the mark is a token of its
// own.
func (tk *tokenizer) joint(l, r span, mark, next rune, g group) []int {
	s := tk.s
	p, q := l.end, r.start
	left, right := s[l.start:p], s[q:r.end]
	both := []int{p, q}
	switch mark {
	case '_':
		return nil
	case '\'', '’', '`':
		if isApostrophe(next) {
			return nil
		}
		switch lr := strings.ToLower(right); {
		case lr == "t" && len(left) > 1 && (left[len(left)-1] == 'n' || left[len(left)-1] == 'N'):
			return []int{p - 1}
		case clitics[lr] && !allDigits(left):
			return []int{p}
		}
		return nil
	case '-', '‐':
		switch {
		case hyphenPrefixes[strings.ToLower(left)]:
			return nil
		case g.digits && (g.size >= 3 || g.size == 2 && (len(left) == 3 || len(left) == 5) && len(right) == 4):
			return nil // phone numbers, ISO dates, ZIP+4
		}
		return both
	case '.':
		switch {
		case endsWithDigit(left) && startsWithDigit(right):
			return nil // 3.5, 1.2.3, v1.2
		case g.singles:
			return nil // U.S, i.e, a.k.a
		case nameEndings[strings.ToLower(g.last)]:
			return nil // whitehouse.gov, ENRON.XLS
		case takesPeriod(left, s[q:]):
			return []int{q}
		}
		return both
	case ',':
		if g.grouped || endsWithDigit(left) && leadingDigits(right) == 3 {
			return nil // 160,000, 2,50,000, 1,000km
		}
		return both
	case ':':
		if allDigits(left) && leadingDigits(right) == 2 {
			return nil // 10:30
		}
		return both
	case '/':
		switch {
		case g.digits && g.size == 3:
			return nil // 11/28/2000
		case g.digits && g.size == 2 && len(left) == 3 && len(right) == 3 && next == '-':
			return nil // 713/853-5984
		case g.digits && g.size == 2 && len(left) <= 2 && len(right) == 2 && atoi(left) <= 12 && atoi(right) <= 31:
			return nil // 9/11, 5/18
		case g.singles && g.size == 2:
			return nil // b/c, l/c
		}
		return both
	case '&':
		if len(left) <= 3 && len(right) <= 3 && g.letters {
			return nil // AT&T, P&L
		}
		return both
	}
	return both
}

// clitics are the words split off after an apostrophe: "'s", "'m", "'d",
// "'ll", "'re", "'ve" ("n't" is found by its letters).
var clitics = map[string]bool{"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true}

// unitCut returns where the unit of a segment such as "5pm" or "10k"
// starts, or 0 when the segment is not digits followed by a unit.
func unitCut(seg string) int {
	n := leadingDigits(seg)
	if n == 0 || n == len(seg) || !allLetters(seg[n:]) || !unitWords[strings.ToLower(seg[n:])] {
		return 0
	}
	return n
}

// takesPeriod reports whether a full stop after w, followed by the text
// after, belongs to w: w is an abbreviation, a capital initial ("W." but
// not "I."), or dotted initials ("U.S").
func takesPeriod(w, after string) bool {
	if periodWords[w+"."] {
		return true
	}
	if periodWords[w+".#"] {
		after = strings.TrimLeftFunc(after, unicode.IsSpace)
		return after != "" && isDigit(after[0])
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return unicode.IsUpper(r) && r != 'I'
	}
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		if !single(part) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || r < utf8.RuneSelf && isDigit(byte(r)) || unicode.In(r, unicode.Mn, unicode.Mc)
}

func isJoiner(r rune) bool {
	return strings.ContainsRune(".-‐'’`&/_,:", r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' }

func isSingleQuote(r rune) bool { return isApostrophe(r) || r == '‘' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func leadingDigits(w string) int {
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	return n
}

func allDigits(w string) bool { return w != "" && leadingDigits(w) == len(w) }

func startsWithLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

func startsWithDigit(w string) bool { return w != "" && isDigit(w[0]) }

func endsWithDigit(w string) bool { return w != "" && isDigit(w[len(w)-1]) }

func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// single reports whether w is one letter.
func single(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// atoi reads a short run of ASCII digits.
func atoi(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		n = n*10 + int(w[i]-'0')
	}
	return n
}

//go:embed data/*.txt
var data embed.FS

// The word lists of data/, read once; never changed after.
var (
	periodWords    = words("abbreviations.txt")
	hyphenPrefixes = words("prefixes.txt")
	unitWords      = words("units.txt")
	nameEndings    = words("names.txt")
	emoticons      = byLength(words("emoticons.txt"))
	emoticonStarts = firstBytes(emoticons)
	contractions   = contractionTable()
)

// lines returns the lines of a data file without comments and blank lines.
func lines(name string) []string {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// words returns the set of white-space separated words of a data file.
func words(name string) map[string]bool {
	set := map[string]bool{}
	for _, l := range lines(name) {
		for _, w := range strings.Fields(l) {
			set[w] = true
		}
	}
	return set
}

// firstBytes marks the bytes that begin a word of ws, so that a chunk
// that begins with none of them is not compared with each word.
func firstBytes(ws []string) *[256]bool {
	var first [256]bool
	for _, w := range ws {
		if w != "" {
			first[w[0]] = true
		}
	}
	return &first
}

// byLength returns the words of set, longest first, so that the longest
// match wins.
func byLength(set map[string]bool) []string {
	var out []string
	for w := range set {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return out
}

// contractionTable maps each surface of data/contractions.txt to the byte
// lengths of its words but the last.
func contractionTable() map[string][]int {
	table := map[string][]int{}
	for _, l := range lines("contractions.txt") {
		f := strings.Fields(l)
		if len(f) < 3 || strings.Join(f[1:], "") != f[0] {
			panic("nlp: bad line in contractions.txt: " + l)
		}
		var ns []int
		for _, w := range f[1 : len(f)-1] {
			ns = append(ns, len(w))
		}
		table[f[0]] = ns
	}
	return table
}
