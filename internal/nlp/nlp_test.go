package nlp

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
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
		// What the rest of dyad relies on.
		{"Russia's Gazprom", []string{"Russia", "'s", "Gazprom"}},
		{"China’s sovereign fund", []string{"China", "’s", "sovereign", "fund"}},
		{"China-Russia ties", []string{"China", "-", "Russia", "ties"}},
		{"the U.S. airforce", []string{"the", "U.S.", "airforce"}},
		{"US $3.5 billion, 160,000 soldiers.", []string{"US", "$", "3.5", "billion", ",", "160,000", "soldiers", "."}},
		{"Sino-Russian “strategic partner”", []string{"Sino", "-", "Russian", "“", "strategic", "partner", "”"}},
		{"8۴ ٣", []string{"8", "۴", "٣"}}, // other scripts' digits are single tokens

		// Clitics and contractions, as UD English-EWT has them.
		{"don't stop", []string{"do", "n't", "stop"}},
		{"I can't, he won't, they ain't", []string{"I", "ca", "n't", ",", "he", "wo", "n't", ",", "they", "ai", "n't"}},
		{"DIDN’T", []string{"DID", "N’T"}},
		{"I'm sure we'll see they've said you're what I'd do", []string{"I", "'m", "sure", "we", "'ll", "see", "they", "'ve", "said", "you", "'re", "what", "I", "'d", "do"}},
		{"It cannot be, I dont know, we're gonna go", []string{"It", "can", "not", "be", ",", "I", "do", "nt", "know", ",", "we", "'re", "gon", "na", "go"}},
		{"Gotta go, wanna come?", []string{"Got", "ta", "go", ",", "wan", "na", "come", "?"}},
		{"the parents' house in the '80s and the 1990's", []string{"the", "parents", "'", "house", "in", "the", "'80s", "and", "the", "1990's"}},
		{"O'Neill said 'no' at 5 o'clock", []string{"O'Neill", "said", "'", "no", "'", "at", "5", "o'clock"}},

		// Hyphens: between words a token, after a prefix not.
		{"long-term e-mail non-violent mid-2004 self-rule", []string{"long", "-", "term", "e-mail", "non-violent", "mid-2004", "self", "-", "rule"}},
		{"May 14-15, 2014-15, call 713-853-3989 or 345-9945", []string{"May", "14", "-", "15", ",", "2014", "-", "15", ",", "call", "713-853-3989", "or", "345-9945"}},
		{"on 2012-06-05", []string{"on", "2012-06-05"}},

		// Abbreviations, initials, numbers, times.
		{"Mr. Putin met Gen. Smith on Jan. 5 at 10:30 a.m. in St. Petersburg", []string{"Mr.", "Putin", "met", "Gen.", "Smith", "on", "Jan.", "5", "at", "10:30", "a.m.", "in", "St.", "Petersburg"}},
		{"George W. Bush and I. No. 5 said No.", []string{"George", "W.", "Bush", "and", "I", ".", "No.", "5", "said", "No", "."}},
		{"They met.Then left", []string{"They", "met", ".", "Then", "left"}},
		{"at 5pm for 10k, on the 5th, 3.5% up, 2,000km", []string{"at", "5", "pm", "for", "10", "k", ",", "on", "the", "5th", ",", "3.5", "%", "up", ",", "2,000", "km"}},
		{"Rs 2,50,000 or $1.2tn, not 1,23 or 2001,2002", []string{"Rs", "2,50,000", "or", "$", "1.2", "tn", ",", "not", "1", ",", "23", "or", "2001", ",", "2002"}},
		{"on 11/28/2000 and 9/11, 1/2 of and/or b/c", []string{"on", "11/28/2000", "and", "9/11", ",", "1", "/", "2", "of", "and", "/", "or", "b/c"}},
		{"AT&T and Bonnie & Clyde", []string{"AT&T", "and", "Bonnie", "&", "Clyde"}},

		// Web text, emoticons, punctuation runs.
		{"see http://example.com/a_b?c=1). Mail john.smith@enron.com!", []string{"see", "http://example.com/a_b?c=1", ")", ".", "Mail", "john.smith@enron.com", "!"}},
		{"at www.juancole.com or whitehouse.gov :) Wait... what?! --no", []string{"at", "www.juancole.com", "or", "whitehouse.gov", ":)", "Wait", "...", "what", "?!", "--", "no"}},
		{"(see “this”)", []string{"(", "see", "“", "this", "”", ")"}},
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
	f.Add("I can't, won't: e-mail john@x.com at 10:30am (http://x.org/a) :) ''ok''")
	f.Fuzz(func(t *testing.T, s string) {
		// Tokens are non-empty, in order, and together spell s without
		// its white space.
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			if strings.TrimSpace(s[prev:tok.Start]) != "" {
				t.Fatalf("%q: text %q before token %+v is in no token", s, s[prev:tok.Start], tok)
			}
			if strings.ContainsFunc(tok.Text, unicode.IsSpace) {
				t.Fatalf("%q: token %q holds white space", s, tok.Text)
			}
			prev = tok.End
		}
		if strings.TrimSpace(s[prev:]) != "" {
			t.Fatalf("%q: text %q at the end is in no token", s, s[prev:])
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
