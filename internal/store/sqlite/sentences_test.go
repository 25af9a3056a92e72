package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/store"
	"github.com/dyad-events/dyad/internal/store/storetest"
)

func TestSentences(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc("s.txt", "s", "2012", "Russia met China.", "China met Russia.")
	if _, err := s.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.Sentences(ctx, d.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Sentences = %d sentences, want 2", len(got))
	}
	for i, st := range got {
		want := d.Sentences[i]
		if st.Index != i || st.Text != want.Text || st.Start != want.Start || st.End != want.End || d.Text[st.Start:st.End] != st.Text {
			t.Errorf("sentence %d = %+v, want %+v with its offsets in the text", i, st, want)
		}
	}
	if _, err := s.Sentences(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sentences(nope) error = %v, want ErrNotFound", err)
	}
}
