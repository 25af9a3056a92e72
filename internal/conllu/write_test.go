package conllu

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWriteRoundTrip(t *testing.T) {
	text := cols(dontKnow + `# sent_id = s2
0.1 e e X X _ _ _ 1:dep _
1-2 ab _ _ _ _ _ _ _ SpaceAfter=No
1 a a X X _ 0 root 0:root _
1.1 e e X X _ _ _ 1:dep _
1.2 f f X X _ _ _ 1:dep _
2 b b X X _ 1 dep 1:dep _

`)
	var buf bytes.Buffer
	for _, s := range readAll(t, text) {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	if buf.String() != text {
		t.Errorf("wrote\n%s\nwant\n%s", buf.String(), text)
	}
}

// TestWriteUnderscores checks that a sentence built in code, with the
// columns it does not know left empty, is written as valid CoNLL-U.
func TestWriteUnderscores(t *testing.T) {
	s := &Sentence{
		Comments:   []string{"text = Go!", ""},
		Words:      []Word{{ID: 1, Form: "Go", UPOS: "VERB", Deprel: "root"}, {ID: 2, Form: "!", Head: 1, Deprel: "punct"}},
		MultiWords: []MultiWord{{First: 1, Last: 2, Form: "Go!"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	want := cols("# text = Go!\n#\n1-2 Go! _ _ _ _ _ _ _ _\n1 Go _ VERB _ _ 0 root _ _\n2 ! _ _ _ _ 1 punct _ _\n\n")
	if buf.String() != want {
		t.Errorf("wrote\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestWriteRefuses(t *testing.T) {
	word := func(id, head int) Word { return Word{ID: id, Form: "w", Head: head} }
	tests := []struct {
		name string
		s    Sentence
	}{
		{"no words", Sentence{}},
		{"ID out of step", Sentence{Words: []Word{word(1, 0), word(3, 1)}}},
		{"head outside", Sentence{Words: []Word{word(1, 0), word(2, 3)}}},
		{"negative head", Sentence{Words: []Word{word(1, -1)}}},
		{"tab in a form", Sentence{Words: []Word{{ID: 1, Form: "a\tb"}}}},
		{"newline in misc", Sentence{Words: []Word{{ID: 1, Form: "a", Misc: "x\ny"}}}},
		{"carriage return ending misc", Sentence{Words: []Word{{ID: 1, Form: "a", Misc: "x\r"}}}},
		{"newline in a comment", Sentence{Comments: []string{"a\nb"}, Words: []Word{word(1, 0)}}},
		{"range past the end", Sentence{Words: []Word{word(1, 0)}, MultiWords: []MultiWord{{First: 1, Last: 2, Form: "ab"}}}},
		{"range of one word", Sentence{Words: []Word{word(1, 0), word(2, 1)}, MultiWords: []MultiWord{{First: 1, Last: 1, Form: "a"}}}},
		{"ranges out of order", Sentence{Words: []Word{word(1, 0), word(2, 1), word(3, 1), word(4, 1)},
			MultiWords: []MultiWord{{First: 3, Last: 4, Form: "cd"}, {First: 1, Last: 2, Form: "ab"}}}},
		{"overlapping ranges", Sentence{Words: []Word{word(1, 0), word(2, 1), word(3, 1)},
			MultiWords: []MultiWord{{First: 1, Last: 2, Form: "ab"}, {First: 2, Last: 3, Form: "bc"}}}},
		{"empty nodes out of order", Sentence{Words: []Word{word(1, 0), word(2, 1)},
			Empty: []string{"2.1\te\t_\t_\t_\t_\t_\t_\t_\t_", "1.1\te\t_\t_\t_\t_\t_\t_\t_\t_"}}},
		{"empty node without ID", Sentence{Words: []Word{word(1, 0)}, Empty: []string{"e\t_"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, &tt.s); err == nil {
				t.Errorf("Write accepted it and wrote\n%s", buf.String())
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	want := readAll(t, cols(dontKnow))
	path := filepath.Join(t.TempDir(), "out.conllu")
	if err := WriteFile(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	if err := WriteFile(path, []*Sentence{{}}); err == nil {
		t.Error("WriteFile accepted a sentence without words")
	}
}

// FuzzRead checks that Read never panics and that whatever it accepts is
// written and read back as the same sentence.
func FuzzRead(f *testing.F) {
	f.Add([]byte(cols(dontKnow)))
	f.Add([]byte(cols("# a\r\n1-2 ab _ _ _ _ _ _ _ _\r\n1 a a X X _ 0 root _ _\n2 b b X X _ 1 dep _ _\n\n\n1 c\r c X X _ 0 root _ _")))
	f.Add([]byte(cols("0.1 e _ _ _ _ _ _ _ _\n1 a a X X _ 0 root _ _\n1.1 e _ _ _ _ _ _ _ _\n")))
	f.Add([]byte("#\n1\ta\t_\t_\t_\t_\t01\t_\t_\t_\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		for range 1000 {
			s, err := r.Read()
			if err != nil {
				return
			}
			var buf bytes.Buffer
			if err := Write(&buf, s); err != nil {
				t.Fatalf("Write of a sentence Read accepted: %v\nsentence: %#v", err, s)
			}
			r2 := NewReader(bytes.NewReader(buf.Bytes()))
			s2, err := r2.Read()
			if err != nil {
				t.Fatalf("reading what Write wrote: %v\nwrote:\n%q", err, buf.String())
			}
			if !reflect.DeepEqual(s, s2) {
				t.Fatalf("read back\n%#v\nwant\n%#v", s2, s)
			}
			if _, err := r2.Read(); !errors.Is(err, io.EOF) {
				t.Fatalf("Write wrote more than one sentence: %q", buf.String())
			}
		}
	})
}
