package conllu

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

// cols turns a CoNLL-U snippet written with single spaces between columns
// into the real thing; comment lines keep their spaces.
func cols(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "#") {
			lines[i] = strings.ReplaceAll(l, " ", "\t")
		}
	}
	return strings.Join(lines, "\n")
}

// readAll reads every sentence of text, failing the test on an error.
func readAll(t testing.TB, text string) []*Sentence {
	t.Helper()
	out, err := ReadAll(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const dontKnow = `# newdoc id = d1
# sent_id = s1
# text = I don't know it.
1 I I PRON PRP Case=Nom 4 nsubj 4:nsubj _
2-3 don't _ _ _ _ _ _ _ _
2 do do AUX VBP _ 4 aux 4:aux _
3 n't not PART RB _ 4 advmod 4:advmod _
4 know know VERB VB VerbForm=Inf 0 root 0:root _
4.1 knows know VERB VB _ _ _ 4:conj _
5 it it PRON PRP _ 4 obj 4:obj SpaceAfter=No
6 . . PUNCT . _ 4 punct 4:punct _

`

func TestReadFields(t *testing.T) {
	ss := readAll(t, cols(dontKnow))
	if len(ss) != 1 {
		t.Fatalf("read %d sentences, want 1", len(ss))
	}
	s := ss[0]
	if got, want := s.Comments, []string{"newdoc id = d1", "sent_id = s1", "text = I don't know it."}; !reflect.DeepEqual(got, want) {
		t.Errorf("Comments = %q, want %q", got, want)
	}
	if s.ID() != "s1" || s.Text() != "I don't know it." {
		t.Errorf("ID, Text = %q, %q", s.ID(), s.Text())
	}
	wantWord := Word{ID: 4, Form: "know", Lemma: "know", UPOS: "VERB", XPOS: "VB", Feats: "VerbForm=Inf", Head: 0, Deprel: "root", Deps: "0:root", Misc: "_"}
	if len(s.Words) != 6 || s.Words[3] != wantWord {
		t.Errorf("Words[3] = %+v, want %+v (of %d words)", s.Words[3], wantWord, len(s.Words))
	}
	if want := []MultiWord{{First: 2, Last: 3, Form: "don't", Misc: "_"}}; !reflect.DeepEqual(s.MultiWords, want) {
		t.Errorf("MultiWords = %+v, want %+v", s.MultiWords, want)
	}
	if want := []string{"4.1\tknows\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_"}; !reflect.DeepEqual(s.Empty, want) {
		t.Errorf("Empty = %q, want %q", s.Empty, want)
	}
	// I·do|n't·know·it|.
	wantSpace := []bool{true, false, true, true, false, true}
	for i, want := range wantSpace {
		if got := s.SpaceAfter(i); got != want {
			t.Errorf("SpaceAfter(%d) (%s) = %v, want %v", i, s.Words[i].Form, got, want)
		}
	}
}

func TestSpaceAfterMultiWord(t *testing.T) {
	s := readAll(t, cols(`1-2 cannot _ _ _ _ _ _ _ SpaceAfter=No
1 can can AUX MD _ 0 root _ _
2 not not PART RB _ 1 advmod _ _
3 ! ! PUNCT . _ 1 punct _ _
`))[0]
	for i, want := range []bool{false, false, true} {
		if got := s.SpaceAfter(i); got != want {
			t.Errorf("SpaceAfter(%d) = %v, want %v", i, got, want)
		}
	}
}

func TestCommentValues(t *testing.T) {
	tests := []struct {
		comments []string
		id, text string
	}{
		{nil, "", ""},
		{[]string{"sent_id = a-1", "text = Hello world."}, "a-1", "Hello world."},
		{[]string{"sent_id=b", "text =  two spaces"}, "b", "two spaces"},
		{[]string{"sent_idx = no", "textual = no", "text"}, "", ""},
		{[]string{"text = first", "text = second"}, "", "first"},
	}
	for _, tt := range tests {
		s := &Sentence{Comments: tt.comments}
		if s.ID() != tt.id || s.Text() != tt.text {
			t.Errorf("%q: ID, Text = %q, %q, want %q, %q", tt.comments, s.ID(), s.Text(), tt.id, tt.text)
		}
	}
}

// TestReadLenient covers input that is read although it is not written
// that way: nothing in it is lost.
func TestReadLenient(t *testing.T) {
	one := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_"
	tests := []struct {
		name, text string
		want       int // sentences
	}{
		{"no final blank line", one, 1},
		{"no final newline", one + "\n\n" + one, 2},
		{"CRLF", "# text = Hi\r\n" + one + "\r\n\r\n" + one + "\r\n\r\n", 2},
		{"byte order mark", "\ufeff# text = Hi\n" + one + "\n\n", 1},
		{"runs of blank lines", "\n\n" + one + "\n\n\n\n" + one + "\n\n\n", 2},
		{"empty input", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := readAll(t, tt.text)
			if len(ss) != tt.want {
				t.Fatalf("read %d sentences, want %d", len(ss), tt.want)
			}
			for _, s := range ss {
				if len(s.Words) != 1 || s.Words[0].Misc != "_" || s.Words[0].Form != "Hi" {
					t.Errorf("words = %+v", s.Words)
				}
				if len(s.Comments) > 0 && s.Comments[0] != "text = Hi" {
					t.Errorf("comments = %q", s.Comments)
				}
			}
		})
	}
}

func TestReadMalformed(t *testing.T) {
	const (
		w1 = "1 a a X X _ 0 root _ _\n"
		w2 = "2 b b X X _ 1 dep _ _\n"
	)
	tests := []struct {
		name, text string
		line       int
	}{
		{"nine columns", "1 a a X X _ 0 root _\n", 1},
		{"eleven columns", w1 + "2 b b X X _ 1 dep _ _ _\n", 2},
		{"non-numeric head", w1 + "2 b b X X _ x dep _ _\n", 2},
		{"negative head", w1 + "2 b b X X _ -1 dep _ _\n", 2},
		{"signed head", w1 + "2 b b X X _ +1 dep _ _\n", 2},
		{"head outside the sentence", "# c\n" + w1 + "2 b b X X _ 3 dep _ _\n\n", 3},
		{"non-numeric ID", "a a a X X _ 0 root _ _\n", 1},
		{"word ID skipped", w1 + "3 b b X X _ 1 dep _ _\n", 2},
		{"word ID zero", "0 a a X X _ 0 root _ _\n", 1},
		{"empty column", "1 a a X  _ 0 root _ _\n", 1},
		{"empty form", "1  a X X _ 0 root _ _\n", 1},
		{"range not at the next word", w1 + "3-4 bc _ _ _ _ _ _ _ _\n", 2},
		{"range backwards", w1 + "2-1 bc _ _ _ _ _ _ _ _\n", 2},
		{"range of one word", w1 + "2-2 bc _ _ _ _ _ _ _ _\n", 2},
		{"range with a lemma", "1-2 ab ab _ _ _ _ _ _ _\n", 1},
		{"overlapping ranges", "1-2 ab _ _ _ _ _ _ _ _\n1-3 abc _ _ _ _ _ _ _ _\n", 2},
		{"range past the end", w1 + "2-3 bc _ _ _ _ _ _ _ _\n" + w2 + "\n", 4},
		{"empty node out of place", w1 + w2 + "1.1 e e X X _ _ _ 1:dep _\n", 3},
		{"empty node ID", w1 + "1.x e e X X _ _ _ 1:dep _\n", 2},
		{"empty node ID zero", w1 + "1.0 e e X X _ _ _ 1:dep _\n", 2},
		{"empty node columns", w1 + "1.1 e e X X _ _ _ 1:dep\n", 2},
		{"comment inside a sentence", w1 + "# late\n", 2},
		{"sentence of comments", "# a\n# b\n\n", 3},
		{"sentence of a range", "1-2 ab _ _ _ _ _ _ _ _\n\n", 2},
		{"invalid UTF-8", w1 + "2 \xff b X X _ 1 dep _ _\n", 2},
		{"blank-looking line", w1 + " \n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(cols(tt.text)))
			var err error
			for err == nil {
				_, err = r.Read()
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Read error = %v, want a *SyntaxError", err)
			}
			if se.Line != tt.line {
				t.Errorf("error %q names line %d, want %d", err, se.Line, tt.line)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("second Read = %v, want the same error", again)
			}
		})
	}
}

// TestReadFileMissing checks that the error names the file and keeps the
// cause.
func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile("testdata/no-such-file.conllu")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile error = %v, want fs.ErrNotExist", err)
	}
}
