package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestConcatenatedSeeds: the five seeds in one file, as cat writes them,
// clean to the body text of all five (issue 10, item 1).
func TestConcatenatedSeeds(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join(sharedtest.Path(t, "corpus", "seeds"), "*.txt"))
	if err != nil || len(seeds) < 5 {
		t.Skipf("the five seed texts are not in ../shared/corpus/seeds (%d found, %v)", len(seeds), err)
	}
	slices.Sort(seeds)
	var all strings.Builder
	var want [][]string
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
		want = append(want, bodyParagraphs(Text(string(b))))
	}
	got := Text(all.String())
	have := map[string]bool{}
	for _, p := range bodyParagraphs(got) {
		have[p] = true
	}
	for i, ps := range want {
		missing := 0
		for _, p := range ps {
			if !have[p] {
				missing++
				if missing <= 3 {
					t.Errorf("%s: body paragraph lost in the concatenation: %.80q", filepath.Base(seeds[i]), p)
				}
			}
		}
		if missing > 0 {
			t.Errorf("%s: %d of %d body paragraphs lost", filepath.Base(seeds[i]), missing, len(ps))
		}
	}
}

func bodyParagraphs(r Result) []string {
	var out []string
	for _, p := range r.Paragraphs {
		if p.Kind == doc.Body {
			out = append(out, r.Text[p.Start:p.End])
		}
	}
	return out
}

// TestRemoved: every removal is listed with its rule and line range.
func TestRemoved(t *testing.T) {
	raw := "Wednesday May 27, 2020\n\nJune 7, 2012\n\nThe two sides signed deals in Beijing on Monday, officials said.\n\n" +
		"Page 3\n\nLeave a Reply\n\nYour email address will not be published.\n\nConnecting to %s\n"
	res := Text(raw)
	want := []Removal{
		{Rule: "archive stamp", First: 1, Last: 1, Text: "Wednesday May 27, 2020"},
		{Rule: "page n", First: 7, Last: 7, Text: "Page 3"},
		{Rule: "comment form", First: 9, Last: 13, Text: "Leave a Reply"},
	}
	if !slices.Equal(res.Removed, want) {
		t.Errorf("Removed:\n got  %+v\n want %+v", res.Removed, want)
	}
}
