package quant

import (
	"strings"
	"testing"
)

func TestReadCount(t *testing.T) {
	tests := []struct {
		words string
		want  Count
		ok    bool
	}{
		{"23 people", Count{Value: 23, Words: 1}, true},
		{"2,100 palestinians", Count{Value: 2100, Words: 1}, true},
		{"seven officers", Count{Value: 7, Words: 1}, true},
		{"at least 156 people", Count{Value: 156, Bound: BoundMin, Words: 3}, true},
		{"more than 1,000 palestinian refugees", Count{Value: 1000, Bound: BoundMin, Words: 3}, true},
		{"up to 16 russian advisers", Count{Value: 16, Bound: BoundMax, Words: 3}, true},
		{"nearly 3,000 danish web sites", Count{Value: 3000, Bound: BoundMax, Words: 2}, true},
		{"about 40 people", Count{Value: 40, Bound: BoundAbout, Words: 2}, true},
		{"some 500,000 workers", Count{Value: 500000, Bound: BoundAbout, Words: 2}, true},
		{"1.5 million people", Count{Value: 1500000, Words: 2}, true},
		{"two thousand", Count{Value: 2000, Words: 2}, true},
		{"two dozen", Count{Value: 24, Words: 2}, true},
		{"a hundred", Count{Value: 100, Words: 2}, true},
		{"a few hundred", Count{Value: 200, Bound: BoundMin, Words: 3}, true},
		{"several hundred activists", Count{Value: 300, Bound: BoundMin, Words: 2}, true},
		{"thousands of nigerians", Count{Value: 2000, Bound: BoundMin, Words: 1}, true},
		{"tens of thousands of students", Count{Value: 20000, Bound: BoundMin, Words: 3}, true},
		{"hundreds of thousands of people", Count{Value: 200000, Bound: BoundMin, Words: 3}, true},
		{"scores of refugees", Count{Value: 40, Bound: BoundMin, Words: 1}, true},
		{"up to hundreds", Count{Value: 200, Bound: BoundMax, Words: 3}, true},
		{"people", Count{}, false},
		{"a group", Count{}, false},
		{"more than", Count{}, false},
		{"0 people", Count{}, false},
		{"0.1", Count{}, false},
		{"2.5 people", Count{}, false},
		{"5.6.2012", Count{}, false},
		{"", Count{}, false},
	}
	for _, tt := range tests {
		got, ok := ReadCount(strings.Fields(tt.words))
		if got != tt.want || ok != tt.ok {
			t.Errorf("ReadCount(%q) = %+v, %v; want %+v, %v", tt.words, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzReadCount(f *testing.F) {
	for _, s := range []string{"at least 156 people", "tens of thousands", "a few hundred", "1,00,000", "9999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		c, ok := ReadCount(words)
		if ok && (c.Value <= 0 || c.Words < 1 || c.Words > len(words)) {
			t.Fatalf("ReadCount(%q) = %+v", s, c)
		}
	})
}
