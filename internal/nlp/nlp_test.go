package nlp

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Putin arrived in Beijing. He met Hu.", []string{"Putin arrived in Beijing.", "He met Hu."}},
		{"Bases of the U.S. airforce in Kyrgyzstan. Next.", []string{"Bases of the U.S. airforce in Kyrgyzstan.", "Next."}},
		{"George W. Bush met Mr. Putin in St. Petersburg. They talked.", []string{"George W. Bush met Mr. Putin in St. Petersburg.", "They talked."}},
		{"He said “it is a priority.” Then he left.", []string{"He said “it is a priority.”", "Then he left."}},
		{"Trade rose to $83.5 billion in 2011. It grew.", []string{"Trade rose to $83.5 billion in 2011.", "It grew."}},
		{"A heading\n\nThe body starts here. And ends.", []string{"A heading", "The body starts here.", "And ends."}},
		{"Is it an alliance? Not yet!", []string{"Is it an alliance?", "Not yet!"}},
		{"the deal was signed. and lower case continues", []string{"the deal was signed. and lower case continues"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range Sentences(tt.text) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Russia's Gazprom", []string{"Russia", "'s", "Gazprom"}},
		{"China’s sovereign fund", []string{"China", "’s", "sovereign", "fund"}},
		{"China-Russia ties", []string{"China", "-", "Russia", "ties"}},
		{"the U.S. airforce", []string{"the", "U.S.", "airforce"}},
		{"US $3.5 billion, 160,000 soldiers.", []string{"US", "$", "3.5", "billion", ",", "160,000", "soldiers", "."}},
		{"Sino-Russian “strategic partner”", []string{"Sino", "-", "Russian", "“", "strategic", "partner", "”"}},
		{"don't stop", []string{"don't", "stop"}},
		{"8۴ ٣", []string{"8", "۴", "٣"}}, // other scripts' digits are single tokens
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.text) {
			if tt.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets [%d,%d)", tt.text, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Russia's Gazprom signed a $3.5 billion deal with the U.S. on June 5.")
	f.Add("Sino-Russian “ties” — ‘really’?\n\nYes.")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			prev = tok.End
		}
		prev = 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad sentence span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	s := "Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China, during which he met with Chinese President Hu Jintao."
	for b.Loop() {
		Tokenize(s)
	}
}
