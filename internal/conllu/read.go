package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// SyntaxError is malformed CoNLL-U input, with the line it was found on.
type SyntaxError struct {
	Line int // 1-based
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Reader reads sentences from CoNLL-U input.
//
// It accepts what the UD format prescribes and rejects the rest with a
// *SyntaxError: ten tab-separated columns, word IDs 1, 2, 3... in order,
// numeric heads inside the sentence, range lines "3-4" just before their
// first word, empty nodes "8.1" just after word 8, comments only before the
// first word. It is lenient where nothing is lost: CRLF line ends, a UTF-8
// byte order mark, runs of blank lines, and a last sentence without the
// blank line after it.
type Reader struct {
	br   *bufio.Reader
	line int   // number of the last line read
	err  error // sticky: once Read fails it keeps failing

	// Scratch for the sentence being read, reused between sentences.
	words []Word
	lines []int // line of each word in words
	// slab is where finished sentences take their Words from, so a file
	// costs a few large allocations instead of one per sentence.
	slab []Word
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// ReadFile reads all sentences of the CoNLL-U file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if fi, err := f.Stat(); err == nil {
		// EWT averages a little over 1 KB per sentence.
		size = int(fi.Size()/1024 + 1)
	}
	sentences, err := readSentences(f, size)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return sentences, nil
}

// ReadAll reads all sentences from r.
func ReadAll(r io.Reader) ([]*Sentence, error) { return readSentences(r, 0) }

func readSentences(r io.Reader, size int) ([]*Sentence, error) {
	sentences := make([]*Sentence, 0, size)
	rd := NewReader(r)
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return sentences, nil
		}
		if err != nil {
			return nil, err
		}
		sentences = append(sentences, s)
	}
}

// Read returns the next sentence, or io.EOF when there are no more.
// Malformed input gives a *SyntaxError naming the line.
func (r *Reader) Read() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	s, err := r.read()
	if err != nil {
		r.err = err
		return nil, err
	}
	return s, nil
}

func (r *Reader) read() (*Sentence, error) {
	s := new(Sentence)
	r.words = r.words[:0]
	r.lines = r.lines[:0]
	for {
		line, err := r.readLine()
		if err == io.EOF {
			if r.started(s) {
				return r.finish(s)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if line == "" {
			if r.started(s) {
				return r.finish(s)
			}
			continue
		}
		if line[0] == '#' {
			if len(r.words) > 0 || len(s.MultiWords) > 0 || len(s.Empty) > 0 {
				return nil, r.errorf("comment inside a sentence")
			}
			c := line[1:]
			if c != "" && c[0] == ' ' {
				c = c[1:]
			}
			s.Comments = append(s.Comments, c)
			continue
		}
		if err := r.parseLine(s, line); err != nil {
			return nil, err
		}
	}
}

// started reports whether anything of s has been read.
func (r *Reader) started(s *Sentence) bool {
	return len(s.Comments) > 0 || len(r.words) > 0 || len(s.MultiWords) > 0 || len(s.Empty) > 0
}

// readLine returns the next line without its line end.
func (r *Reader) readLine() (string, error) {
	b, err := r.br.ReadSlice('\n')
	var long []byte
	for err == bufio.ErrBufferFull {
		long = append(long, b...)
		b, err = r.br.ReadSlice('\n')
	}
	if long != nil {
		b = append(long, b...)
	}
	if err != nil && (err != io.EOF || len(b) == 0) {
		return "", err
	}
	r.line++
	b = trimLineEnd(b)
	if r.line == 1 {
		b = trimBOM(b)
	}
	if !utf8.Valid(b) {
		return "", r.errorf("invalid UTF-8")
	}
	return string(b), nil
}

func trimLineEnd(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	for n := len(b); n > 0 && b[n-1] == '\r'; n-- {
		b = b[:n-1]
	}
	return b
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

func (r *Reader) errorf(format string, args ...any) error {
	return &SyntaxError{Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// columnNames name the ten CoNLL-U columns in error messages.
var columnNames = [10]string{"ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"}

// parseLine adds a word, range or empty-node line to s.
func (r *Reader) parseLine(s *Sentence, line string) error {
	var f [10]string
	rest := line
	for i := range 9 {
		tab := strings.IndexByte(rest, '\t')
		if tab < 0 {
			return r.errorf("%d columns, want 10", i+1)
		}
		f[i], rest = rest[:tab], rest[tab+1:]
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return r.errorf("%d columns, want 10", 10+strings.Count(rest, "\t"))
	}
	f[9] = rest

	id := f[0]
	if dot := strings.IndexByte(id, '.'); dot >= 0 {
		return r.parseEmpty(s, line, id[:dot], id[dot+1:])
	}
	for i, c := range f {
		if c == "" {
			return r.errorf("empty %s column", columnNames[i])
		}
	}
	if dash := strings.IndexByte(id, '-'); dash >= 0 {
		return r.parseRange(s, f, id[:dash], id[dash+1:])
	}
	n, ok := atoi(id)
	if !ok {
		return r.errorf("ID %q is not a number, a range or an empty node", id)
	}
	if want := len(r.words) + 1; n != want {
		return r.errorf("word ID %d, want %d", n, want)
	}
	head, ok := atoi(f[6])
	if !ok {
		return r.errorf("HEAD %q is not a number", f[6])
	}
	r.words = append(r.words, Word{
		ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Deprel: f[7], Deps: f[8], Misc: f[9],
	})
	r.lines = append(r.lines, r.line)
	return nil
}

func (r *Reader) parseRange(s *Sentence, f [10]string, first, last string) error {
	a, ok1 := atoi(first)
	b, ok2 := atoi(last)
	if !ok1 || !ok2 {
		return r.errorf("range ID %q is not two numbers", f[0])
	}
	if want := len(r.words) + 1; a != want {
		return r.errorf("range %s starts at %d, want the next word %d", f[0], a, want)
	}
	if b <= a {
		return r.errorf("range %s does not end after it starts", f[0])
	}
	if n := len(s.MultiWords); n > 0 && a <= s.MultiWords[n-1].Last {
		return r.errorf("range %s overlaps the range before it", f[0])
	}
	for i := 2; i <= 8; i++ {
		if f[i] != "_" {
			return r.errorf("range %s has %s %q, want \"_\"", f[0], columnNames[i], f[i])
		}
	}
	s.MultiWords = append(s.MultiWords, MultiWord{First: a, Last: b, Form: f[1], Misc: f[9]})
	return nil
}

func (r *Reader) parseEmpty(s *Sentence, line, major, minor string) error {
	n, ok1 := atoi(major)
	m, ok2 := atoi(minor)
	if !ok1 || !ok2 || m == 0 {
		return r.errorf("empty node ID %q is not of the form N.M", major+"."+minor)
	}
	if n != len(r.words) {
		return r.errorf("empty node %d.%d after word %d, want it right after word %d", n, m, len(r.words), n)
	}
	s.Empty = append(s.Empty, line)
	return nil
}

// finish checks what only the whole sentence shows and hands s its words.
func (r *Reader) finish(s *Sentence) (*Sentence, error) {
	n := len(r.words)
	if n == 0 {
		return nil, r.errorf("sentence has no words")
	}
	if k := len(s.MultiWords); k > 0 && s.MultiWords[k-1].Last > n {
		m := s.MultiWords[k-1]
		return nil, r.errorf("range %d-%d ends after the last word %d", m.First, m.Last, n)
	}
	for i, w := range r.words {
		if w.Head > n {
			return nil, &SyntaxError{Line: r.lines[i], Msg: fmt.Sprintf("HEAD %d is outside the sentence of %d words", w.Head, n)}
		}
	}
	if len(r.slab) < n {
		r.slab = make([]Word, max(n, 4096))
	}
	s.Words = r.slab[:n:n]
	r.slab = r.slab[n:]
	copy(s.Words, r.words)
	return s, nil
}

// atoi parses a non-negative decimal number of at most nine digits, so it
// cannot overflow and rejects the signs strconv.Atoi allows.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
