package eval

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Putin’s visit", "putin's visit"},
		{"‘quoted’ and “double” „low“", `'quoted' and "double" "low"`},
		{"China–Russia — talks", "china-russia - talks"},
		{"non‑breaking ‐ hyphen − minus", "non-breaking - hyphen - minus"},
		{"the ﬁrst ﬂight", "the first flight"},     // NFKC ligatures
		{"co\u00adoper\u00adation", "cooperation"}, // soft hyphens
		{"  several \t\n spaces\u00a0here  ", "several spaces here"},
		{"ＦＵＬＬＷＩＤＴＨ １２", "fullwidth 12"},
		{"Signed A MEMORANDUM", "signed a memorandum"},
		{"e\u0301te\u0301", "été"}, // combining marks composed
		{"", ""},
		{" \t\n", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Putin’s “visit” — to Beijing", "ﬁ\u00adne", "e\u00ad\u0301", " a \u0301",
		"İSTANBUL", "\xff\xfe", "\xf2½", "ＡＢＣ", "a\u2028b", "½ ⅓",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Fatalf("Normalize(%q) = %q: white space not collapsed", s, n)
		}
		if strings.ContainsAny(n, "\u00ad\u2018\u2019\u201c\u201d\u2013\u2014\t\n") {
			t.Fatalf("Normalize(%q) = %q: soft hyphen, curly quote, dash or tab left", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, n, again)
		}
		// Evidence found in a sentence must still be found after both are
		// normalised.
		if m := Normalize("say " + s + " now"); !strings.Contains(m, n) {
			t.Fatalf("Normalize(%q) = %q not inside %q", s, n, m)
		}
	})
}
