package clean

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// Removal is one stretch of input lines that cleaning removed: the rule
// that removed it, its first and last line (1-based, in the text given to
// Text), and the first of its lines, shortened.
type Removal struct {
	Rule        string
	First, Last int
	Text        string
}

// maxRemovalText is how many runes of a removed line a Removal keeps.
const maxRemovalText = 72

// removals collects what one Text call removes.
type removals []Removal

// add records lines first..last removed by rule; text is the first of
// them. A removal by the same rule that continues the previous one
// extends it.
func (rs *removals) add(rule string, first, last int, text string) {
	if n := len(*rs); n > 0 {
		prev := &(*rs)[n-1]
		if prev.Rule == rule && prev.Last < first && first <= prev.Last+2 {
			prev.Last = last
			return
		}
	}
	if utf8.RuneCountInString(text) > maxRemovalText {
		r := []rune(text)
		text = string(r[:maxRemovalText-1]) + "…"
	}
	*rs = append(*rs, Removal{Rule: rule, First: first, Last: last, Text: text})
}

// sorted returns the removals in input order.
func (rs removals) sorted() []Removal {
	out := slices.Clone([]Removal(rs))
	slices.SortStableFunc(out, func(a, b Removal) int { return cmp.Compare(a.First, b.First) })
	return out
}
