package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Write writes s as CoNLL-U followed by a blank line. A sentence that was
// read is written back byte for byte; range lines go just before their
// first word and empty nodes just after the word their ID starts with.
// Empty columns of words and ranges are written as "_", so a sentence built
// by a tagger that leaves Feats or Deps unset is still valid CoNLL-U.
//
// Write refuses what would not read back as the same sentence: word IDs
// other than 1, 2, 3..., heads outside the sentence, ranges out of order or
// overlapping, empty nodes out of order, and tabs or line ends inside a
// column.
func Write(w io.Writer, s *Sentence) error {
	b, err := appendSentence(make([]byte, 0, sizeHint(s)), s)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// WriteFile writes the sentences to the file at path, replacing it.
func WriteFile(path string, sentences []*Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	for i, s := range sentences {
		if err := Write(bw, s); err != nil {
			f.Close()
			return fmt.Errorf("write %s: sentence %d: %w", path, i+1, err)
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func sizeHint(s *Sentence) int {
	n := 1
	for _, c := range s.Comments {
		n += len(c) + 3
	}
	for _, e := range s.Empty {
		n += len(e) + 1
	}
	return n + 64*len(s.Words) + 32*len(s.MultiWords)
}

func appendSentence(b []byte, s *Sentence) ([]byte, error) {
	n := len(s.Words)
	if n == 0 {
		return nil, fmt.Errorf("sentence %q has no words", s.ID())
	}
	for _, c := range s.Comments {
		if !lineSafe(c) {
			return nil, fmt.Errorf("comment %q holds a line end", c)
		}
		b = append(b, '#')
		if c != "" {
			b = append(b, ' ')
			b = append(b, c...)
		}
		b = append(b, '\n')
	}
	var err error
	mi, ei := 0, 0
	if b, ei, err = appendEmpty(b, s.Empty, ei, 0); err != nil {
		return nil, err
	}
	for i := range s.Words {
		w := &s.Words[i]
		if w.ID != i+1 {
			return nil, fmt.Errorf("word %d has ID %d", i+1, w.ID)
		}
		if mi < len(s.MultiWords) && s.MultiWords[mi].First == w.ID {
			m := s.MultiWords[mi]
			if m.Last <= m.First || m.Last > n {
				return nil, fmt.Errorf("range %d-%d is not inside the sentence of %d words", m.First, m.Last, n)
			}
			if mi > 0 && m.First <= s.MultiWords[mi-1].Last {
				return nil, fmt.Errorf("range %d-%d overlaps the range before it", m.First, m.Last)
			}
			b = strconv.AppendInt(b, int64(m.First), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(m.Last), 10)
			if b, err = appendColumns(b, m.Form, "_", "_", "_", "_"); err != nil {
				return nil, err
			}
			if b, err = appendColumns(b, "_", "_", "_", m.Misc); err != nil {
				return nil, err
			}
			if !lineSafe(m.Misc) {
				return nil, fmt.Errorf("range %d-%d: MISC %q ends in a carriage return", m.First, m.Last, m.Misc)
			}
			b = append(b, '\n')
			mi++
		}
		if w.Head < 0 || w.Head > n {
			return nil, fmt.Errorf("word %d has HEAD %d outside the sentence of %d words", w.ID, w.Head, n)
		}
		b = strconv.AppendInt(b, int64(w.ID), 10)
		if b, err = appendColumns(b, w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats); err != nil {
			return nil, err
		}
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(w.Head), 10)
		if b, err = appendColumns(b, w.Deprel, w.Deps, w.Misc); err != nil {
			return nil, err
		}
		if !lineSafe(w.Misc) {
			return nil, fmt.Errorf("word %d: MISC %q ends in a carriage return", w.ID, w.Misc)
		}
		b = append(b, '\n')
		if b, ei, err = appendEmpty(b, s.Empty, ei, w.ID); err != nil {
			return nil, err
		}
	}
	if mi < len(s.MultiWords) {
		m := s.MultiWords[mi]
		return nil, fmt.Errorf("range %d-%d does not start at a word in order", m.First, m.Last)
	}
	if ei < len(s.Empty) {
		return nil, fmt.Errorf("empty node %q is out of order", s.Empty[ei])
	}
	return append(b, '\n'), nil
}

// appendColumns appends each column after a tab, "_" for an empty one.
func appendColumns(b []byte, columns ...string) ([]byte, error) {
	for _, c := range columns {
		if c == "" {
			c = "_"
		}
		if strings.IndexByte(c, '\t') >= 0 || strings.IndexByte(c, '\n') >= 0 {
			return nil, fmt.Errorf("column %q holds a tab or a line end", c)
		}
		b = append(b, '\t')
		b = append(b, c...)
	}
	return b, nil
}

// appendEmpty appends the empty nodes from index i on that follow word id.
func appendEmpty(b []byte, empty []string, i, id int) ([]byte, int, error) {
	for ; i < len(empty); i++ {
		e := empty[i]
		major, _, ok := strings.Cut(e, ".")
		if !ok {
			return nil, i, fmt.Errorf("empty node %q has no N.M ID", e)
		}
		n, ok := atoi(major)
		if !ok {
			return nil, i, fmt.Errorf("empty node %q has no N.M ID", e)
		}
		if n != id {
			break
		}
		if !lineSafe(e) {
			return nil, i, fmt.Errorf("empty node %q holds a line end", e)
		}
		b = append(b, e...)
		b = append(b, '\n')
	}
	return b, i, nil
}

// lineSafe reports whether s can end a line and be read back unchanged:
// no line feed, and no carriage return the reader would take for CRLF.
func lineSafe(s string) bool {
	return strings.IndexByte(s, '\n') < 0 && !strings.HasSuffix(s, "\r")
}
