package ingest

import (
	"slices"
	"strings"
	"testing"
)

// TestBlocksEndParagraphs: block elements end a paragraph whichever path
// the extractor takes, also when it runs a short page's text together
// ("Crimea annexedFrance condemned …"; issue 10, item 5).
func TestBlocksEndParagraphs(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{
			name: "heading and paragraphs without html or body",
			page: `<h1>Crimea annexed</h1><p>France condemned the move.</p><p>Russia rejected it.</p>`,
			want: []string{"Crimea annexed", "France condemned the move.", "Russia rejected it."},
		},
		{
			name: "inside an article",
			page: `<article><h1>Crimea annexed</h1><p>France condemned the annexation.</p><p>Russia rejected the criticism.</p></article>`,
			want: []string{"Crimea annexed", "France condemned the annexation.", "Russia rejected the criticism."},
		},
		{
			name: "nested divs",
			page: `<html><body><div>Crimea annexed<div>France condemned the annexation of Crimea by Russia on Tuesday.</div>` +
				`<div>Germany called for new sanctions against Moscow.</div></div></body></html>`,
			want: []string{"Crimea annexed", "France condemned the annexation of Crimea by Russia on Tuesday.", "Germany called for new sanctions against Moscow."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := extractHTML([]byte(tt.page), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(x.Body, "\n\n")
			// The heading may be taken as the title instead of a paragraph.
			want := tt.want
			if x.Title == want[0] && len(got) == len(want)-1 {
				want = want[1:]
			}
			if !slices.Equal(got, want) {
				t.Errorf("paragraphs:\n got  %q\n want %q", got, want)
			}
		})
	}
}
