package conllu

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestRoundTripEWT reads each EWT file and writes it back: the bytes must
// be the same, so nothing the files hold is lost or reordered.
func TestRoundTripEWT(t *testing.T) {
	for _, part := range []string{"train", "dev", "test"} {
		t.Run(part, func(t *testing.T) {
			path := sharedtest.Path(t, "data", "ud", "en_ewt", "en_ewt-ud-"+part+".conllu")
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			sentences, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("ReadFile %s: %d sentences in %v", part, len(sentences), time.Since(start))
			var buf bytes.Buffer
			buf.Grow(len(want))
			for _, s := range sentences {
				if err := Write(&buf, s); err != nil {
					t.Fatalf("sentence %s: %v", s.ID(), err)
				}
			}
			got := buf.Bytes()
			if !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				line := bytes.Count(want[:i], []byte("\n")) + 1
				t.Fatalf("written file differs from %s at line %d (byte %d of %d; wrote %d)", path, line, i, len(want), len(got))
			}
		})
	}
}
