package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzManifestLine(f *testing.F) {
	f.Add(`{"path":"001.txt","id":"a","published":"2012-06-07","title":"T","source":"S"}`)
	f.Add(`{"url":"https://example.org/a","published":"2012-06-07T10:00:00Z"}`)
	f.Add(`{"path":1}`)
	f.Add(`{"path":"x","published":"2012-13"}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, line string) {
		r, _, err := parseManifestLine([]byte(line))
		if err != nil {
			return
		}
		if r.Path == "" && r.URL == "" {
			t.Errorf("row %+v accepted without path or url", r)
		}
		if r.Published != "" {
			if again, ok := parseDate(r.Published); !ok || again != r.Published {
				t.Errorf("published %q is not a normalised date", r.Published)
			}
		}
	})
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte("{\"path\":\"a.txt\"}\n\n{\"url\":\"http://x/\"}\n"), false)
	f.Add([]byte("path,id,published\na.txt,1,2012\n\"b,c.txt\",2,\n"), true)
	f.Add([]byte("path\n\"unterminated\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, isCSV bool) {
		lines := strings.Count(string(data), "\n") + 1
		rows, p, err := parseManifest(data, isCSV)
		if err != nil {
			var me *ManifestError
			if errors.As(err, &me) && (me.Line < 0 || me.Line > lines) {
				t.Errorf("error on line %d of %d: %v", me.Line, lines, err)
			}
			return
		}
		for _, b := range p.bad {
			if b.Line < 1 || b.Line > lines {
				t.Errorf("bad row on line %d of %d: %v", b.Line, lines, b)
			}
		}
		for _, r := range rows {
			if r.Path == "" && r.URL == "" {
				t.Errorf("row %+v has neither path nor url", r)
			}
			if r.Line < 1 || r.Line > lines {
				t.Errorf("row on line %d of %d", r.Line, lines)
			}
		}
	})
}

func FuzzExtractHTML(f *testing.F) {
	article, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(article)
	f.Add([]byte(`<html><head><meta name="date" content="2012-06"><title>t</title></head><body><p>a<br>b</p><pre> x
 y</pre><table><tr><td>1</td><td>2</td></tr></table></body></html>`))
	f.Add([]byte("<p>unclosed <b>bold <i>italic"))
	f.Add([]byte("<html><body>\x00\xff</body></html>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		x, err := extractHTML(page, "", nil)
		if err != nil {
			return
		}
		if x.Body == "" || !utf8.ValidString(x.Body) {
			t.Errorf("body %q: empty or not UTF-8", x.Body)
		}
		if strings.Contains(x.Body, "\n\n\n") {
			t.Errorf("body %q has more than one blank line between paragraphs", x.Body)
		}
		if x.Published != "" {
			if again, ok := parseDate(x.Published); !ok || again != x.Published {
				t.Errorf("published %q is not a normalised date", x.Published)
			}
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xEF\xBB\xBFbom"))
	f.Add([]byte("\xFF\xFEh\x00"))
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("Russia\x92s \x93deal\x94"))
	f.Add([]byte("H\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, _, err := decodeText(raw)
		if err != nil {
			if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEmpty) && len(raw) > 1 && raw[0] != 0xFE && raw[0] != 0xFF {
				t.Errorf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.HasPrefix(s, "\uFEFF") || strings.TrimSpace(s) == "" {
			t.Errorf("decodeText(%q) = %q", raw, s)
		}
		_ = sniff(raw)
	})
}

func BenchmarkExtractHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := extractHTML(page, "", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeText(b *testing.B) {
	text := []byte(strings.Repeat("Russian President Vladimir Putin arrived in Beijing on Tuesday.\n", 200))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, _, err := decodeText(text); err != nil {
			b.Fatal(err)
		}
	}
}
