package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFolderContents: a folder's text and HTML files are read, by
// extension and content; its manifest gives their metadata and is not
// coded; its README, JSON data and a fake PDF are skipped with one notice
// each (issue 10, item 6).
func TestFolderContents(t *testing.T) {
	dir := t.TempDir()
	story := "Russia and China signed a gas deal in Beijing on Monday.\n"
	writeFiles(t, dir, map[string]string{
		"corpus/01_story.txt":    story,
		"corpus/02_page.html":    "<html><body><article><p>" + articleParas[0] + "</p><p>" + articleParas[1] + "</p></article></body></html>",
		"corpus/03_notes.md":     "India and Pakistan opened the Kartarpur corridor on Saturday.\n",
		"corpus/manifest.jsonl":  `{"path":"01_story.txt","id":"story-1","published":"2014-05-21"}` + "\n",
		"corpus/README.md":       "# Corpus\n\nThese articles were collected for the demo.\n",
		"corpus/data.json":       `{"events": [{"source": "RUS", "target": "CHN", "code": "057"}]}`,
		"corpus/fake.pdf":        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nRussia and China signed a deal.\n",
		"corpus/report.txt":      "%PDF-1.7\nRussia and China signed a deal.\n",
		"corpus/export.txt":      `[{"doc": "a", "cameo": "057"}, {"doc": "b", "cameo": "042"}]`,
		"corpus/sub/photo.jpg":   "\xff\xd8\xff\xe0JFIF",
		"corpus/sub/04_more.htm": "<p>" + articleParas[2] + "</p>",
	})
	var notices []Notice
	gots, err := collect(t, []string{filepath.Join(dir, "corpus")}, Options{Notify: func(n Notice) { notices = append(notices, n) }})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, g := range gots {
		if g.err != nil {
			t.Errorf("unexpected failure: %v", g.err)
			continue
		}
		ids = append(ids, g.doc.ID)
		if g.doc.ID == "story-1" && (g.doc.Published != "2014-05-21" || g.doc.DateFrom != "manifest") {
			t.Errorf("story-1: published %q from %q, want 2014-05-21 from the folder's manifest", g.doc.Published, g.doc.DateFrom)
		}
	}
	if want := []string{"story-1", "02_page.html", "03_notes.md", "04_more.htm"}; !slices.Equal(ids, want) {
		t.Errorf("documents %q, want %q", ids, want)
	}
	skipped := map[string]string{}
	for _, n := range notices {
		if !n.Skipped {
			t.Errorf("unexpected notice %v", n)
			continue
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "corpus"), n.Input)
		skipped[filepath.ToSlash(rel)] = n.Msg
	}
	for name, why := range map[string]string{
		"manifest.jsonl": "manifest", "README.md": "README", "data.json": ".json",
		"fake.pdf": ".pdf", "report.txt": "PDF", "export.txt": "JSON", "sub/photo.jpg": ".jpg",
	} {
		if msg, ok := skipped[name]; !ok || !strings.Contains(msg, why) {
			t.Errorf("%s: notice %q, want one saying %q", name, msg, why)
		}
	}
	if len(notices) != 7 {
		t.Errorf("%d notices, want 7 (one per skipped file): %v", len(notices), notices)
	}
}
