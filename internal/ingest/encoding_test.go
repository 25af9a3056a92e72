package ingest

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) string {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// TestEncodings: Latin-1, Windows-1252 and UTF-16 with or without a
// byte-order mark are read as such, and each file not in UTF-8 is named
// once with the encoding assumed (issue 10, item 4).
func TestEncodings(t *testing.T) {
	const text = "Le président Poutine a rencontré Xi à Pékin.\n\nRussia’s gas deal — “historic”.\n"
	tests := []struct {
		name, raw, want, encoding string
	}{
		{"utf-8", text, text, ""},
		{"latin-1", "Le pr\xe9sident Poutine a rencontr\xe9 Xi \xe0 P\xe9kin.\n", "Le président Poutine a rencontré Xi à Pékin.\n", "ISO-8859-1"},
		{"windows-1252", "Russia\x92s gas deal \x97 \x93historic\x94, the pr\xe9sident said.\n", "Russia’s gas deal — “historic”, the président said.\n", "Windows-1252"},
		{"utf-16le with bom", utf16Bytes(text, false, true), text, "UTF-16LE"},
		{"utf-16be with bom", utf16Bytes(text, true, true), text, "UTF-16BE"},
		{"utf-16le without bom", utf16Bytes(text, false, false), text, "UTF-16LE"},
		{"utf-16be without bom", utf16Bytes(text, true, false), text, "UTF-16BE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"a.txt": tt.raw})
			var notices []Notice
			gots, err := collect(t, []string{filepath.Join(dir, "a.txt")}, Options{Notify: func(n Notice) { notices = append(notices, n) }})
			if err != nil || len(gots) != 1 || gots[0].doc == nil {
				t.Fatalf("Walk: %v, %+v", err, gots)
			}
			if body := gots[0].doc.Body; body != tt.want {
				t.Errorf("body %q, want %q", body, tt.want)
			}
			switch {
			case tt.encoding == "" && len(notices) != 0:
				t.Errorf("UTF-8 file: notices %+v, want none", notices)
			case tt.encoding != "" && (len(notices) != 1 || !strings.Contains(notices[0].Msg, tt.encoding) || notices[0].Input != filepath.Join(dir, "a.txt")):
				t.Errorf("notices %+v, want one naming the file and %s", notices, tt.encoding)
			}
		})
	}
}
