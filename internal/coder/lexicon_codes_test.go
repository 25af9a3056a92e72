package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/cameo"
)

// TestLexiconCoversCAMEO checks that the default lexicon is as broad as
// the CAMEO table: every code has at least one entry, and there are at
// least 2,500 entries in all. A root (two digits) is covered by its own
// entries or by those of its residual code ("19" by "190"), which names the
// same event; the lexicon writes the three-digit code.
func TestLexiconCoversCAMEO(t *testing.T) {
	l := DefaultLexicon()
	codes := l.Codes()
	var missing []string
	for _, c := range cameo.Names() {
		n := codes[c.Code]
		if len(c.Code) == 2 {
			n += codes[c.Code+"0"]
		}
		if n == 0 {
			missing = append(missing, c.Code+" "+c.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d CAMEO codes have no lexicon entry:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
	if n := l.Len(); n < 2500 {
		t.Errorf("default lexicon has %d entries, want at least 2500", n)
	}
	// Codes counts the entries again from the index; a code outside the
	// table would never be coded as what its author meant.
	for c := range codes {
		if _, ok := cameo.Lookup(c); !ok {
			t.Errorf("lexicon code %s is not in the CAMEO table", c)
		}
	}
}
