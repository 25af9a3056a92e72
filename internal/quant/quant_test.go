package quant

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/sharedtest"
)

// q is shorthand for an expected quantity; dollars carry their value in
// dollars.
func q(text string, value float64, unit string) doc.Quantity {
	a := doc.Quantity{Text: text, Value: value, Unit: unit}
	if unit == "USD" {
		a.USD, a.USDFrom = value, doc.USDFromUnit
	}
	return a
}

// rng is shorthand for an expected range.
func rng(text string, lo, hi float64, unit string) doc.Quantity {
	a := q(text, lo, unit)
	a.Max = hi
	if unit == "USD" {
		a.USDMax = hi
	}
	return a
}

// with returns a with its rate period, year and dollar value from the
// text set.
func with(a doc.Quantity, per string, year int, usd float64) doc.Quantity {
	a.Per, a.Year = per, year
	if usd != 0 {
		a.USD, a.USDFrom = usd, doc.USDFromText
	}
	return a
}

func TestFind(t *testing.T) {
	tests := []struct {
		sentence string
		want     []doc.Quantity
	}{
		// money, sign before the number
		{"The goal is $100 billion in trade.", []doc.Quantity{q("$100 billion", 1e11, "USD")}},
		{"A US $3.5 billion two way trade and infrastructure agreement was signed.", []doc.Quantity{q("US $3.5 billion", 3.5e9, "USD")}},
		{"from $83.5 billion in 2011", []doc.Quantity{with(q("$83.5 billion", 8.35e10, "USD"), "", 2011, 0)}},
		{"oil worth up to $500 billion", []doc.Quantity{q("$500 billion", 5e11, "USD")}},
		{"a $12M grant", []doc.Quantity{q("$12M", 1.2e7, "USD")}},
		{"a US$5bn loan", []doc.Quantity{q("US$5bn", 5e9, "USD")}},
		{"U.S. $40 million in aid", []doc.Quantity{q("U.S. $40 million", 4e7, "USD")}},
		{"a €1.5bn facility", []doc.Quantity{q("€1.5bn", 1.5e9, "EUR")}},
		{"a £20 million fund", []doc.Quantity{q("£20 million", 2e7, "GBP")}},
		{"¥2.05 billion (about $26 million)", []doc.Quantity{with(q("¥2.05 billion", 2.05e9, "JPY"), "", 0, 2.6e7)}},
		{"HK$3 billion", []doc.Quantity{q("HK$3 billion", 3e9, "HKD")}},
		{"₹500 crore", []doc.Quantity{q("₹500 crore", 5e9, "INR")}},
		{"$1.2tn", []doc.Quantity{q("$1.2tn", 1.2e12, "USD")}},
		{"costs $5.", []doc.Quantity{q("$5", 5, "USD")}},

		// money, code before or after
		{"about 10 percent (USD 87 billion in 2012)", []doc.Quantity{q("10 percent", 10, "%"), with(q("USD 87 billion", 8.7e10, "USD"), "", 2012, 0)}},
		{"the 30 USD billion worth of agreements", []doc.Quantity{q("30 USD billion", 3e10, "USD")}},
		{"EUR 500 million", []doc.Quantity{q("EUR 500 million", 5e8, "EUR")}},
		{"RMB 10 billion", []doc.Quantity{q("RMB 10 billion", 1e10, "CNY")}},

		// money, name after the number
		{"150 billion yuan and 815 billion rubles ($24 billion at the time)", []doc.Quantity{
			with(q("150 billion yuan", 1.5e11, "CNY"), "", 0, 2.4e10), with(q("815 billion rubles", 8.15e11, "RUB"), "", 0, 2.4e10)}},
		{"300 million euros, 2 billion yuan or 5 billion rubles (roughly $1 billion)", []doc.Quantity{
			with(q("300 million euros", 3e8, "EUR"), "", 0, 1e9), with(q("2 billion yuan", 2e9, "CNY"), "", 0, 1e9), with(q("5 billion rubles", 5e9, "RUB"), "", 0, 1e9)}},
		{"20 percent and 5 billion yuan ($700 million)", []doc.Quantity{q("20 percent", 20, "%"), with(q("5 billion yuan", 5e9, "CNY"), "", 0, 7e8)}},
		{"5 billion yuan ($700 million to $1 billion)", []doc.Quantity{{Text: "5 billion yuan", Value: 5e9, Unit: "CNY", USD: 7e8, USDMax: 1e9, USDFrom: doc.USDFromText}}},
		{"between $700 million and $1 billion", []doc.Quantity{rng("$700 million and $1 billion", 7e8, 1e9, "USD")}},
		{"rose from $5 billion to $7 billion", []doc.Quantity{q("$5 billion", 5e9, "USD"), q("$7 billion", 7e9, "USD")}},
		{"1 trillion yen, or about $12.5 billion, in aid", []doc.Quantity{with(q("1 trillion yen", 1e12, "JPY"), "", 0, 1.25e10)}},
		{"1 trillion yen, or $12.5 billion", []doc.Quantity{with(q("1 trillion yen", 1e12, "JPY"), "", 0, 1.25e10)}},
		{"1 trillion yen, and $12.5 billion", []doc.Quantity{q("1 trillion yen", 1e12, "JPY"), q("$12.5 billion", 1.25e10, "USD")}},
		{"1 trillion yen, or even $12.5 billion", []doc.Quantity{q("1 trillion yen", 1e12, "JPY"), q("$12.5 billion", 1.25e10, "USD")}},
		{"5 billion yuan, while $1 billion", []doc.Quantity{q("5 billion yuan", 5e9, "CNY"), q("$1 billion", 1e9, "USD")}},
		{"5 billion yuan (and $1 billion more)", []doc.Quantity{q("5 billion yuan", 5e9, "CNY"), q("$1 billion", 1e9, "USD")}},
		{"a $5 billion ($5 billion) deal", []doc.Quantity{q("$5 billion", 5e9, "USD"), q("$5 billion", 5e9, "USD")}},
		{"up to 6 billion yuan in bonds", []doc.Quantity{q("6 billion yuan", 6e9, "CNY")}},
		{"5.1 million dollars", []doc.Quantity{q("5.1 million dollars", 5.1e6, "USD")}},
		{"70 million US dollars", []doc.Quantity{q("70 million US dollars", 7e7, "USD")}},
		{"2 billion roubles", []doc.Quantity{q("2 billion roubles", 2e9, "RUB")}},
		{"300 million euros", []doc.Quantity{q("300 million euros", 3e8, "EUR")}},
		{"5 billion won", []doc.Quantity{q("5 billion won", 5e9, "KRW")}},
		{"20 million pounds sterling", []doc.Quantity{q("20 million pounds sterling", 2e7, "GBP")}},
		{"1 trillion yen", []doc.Quantity{q("1 trillion yen", 1e12, "JPY")}},

		// crore and lakh, Indian grouping
		{"Rs 5,000 crore", []doc.Quantity{q("Rs 5,000 crore", 5e10, "INR")}},
		{"Rs. 1 lakh crore", []doc.Quantity{q("Rs. 1 lakh crore", 1e12, "INR")}},
		{"Rs 2,50,000", []doc.Quantity{q("Rs 2,50,000", 250000, "INR")}},
		{"rooms for Rs1000, and USD87 billion", []doc.Quantity{q("Rs1000", 1000, "INR"), q("USD87 billion", 8.7e10, "USD")}},
		{"3 lakh rupees", []doc.Quantity{q("3 lakh rupees", 3e5, "INR")}},

		// ranges: one amount, the low end completed from the high end
		{"a capital target of $2 to $4 billion USD", []doc.Quantity{rng("$2 to $4 billion USD", 2e9, 4e9, "USD")}},
		{"between 2 and 4 percent", []doc.Quantity{rng("2 and 4 percent", 2, 4, "%")}},
		{"5-10%", []doc.Quantity{rng("5-10%", 5, 10, "%")}},
		{"5 million to 10 million tonnes a year by 2030", []doc.Quantity{with(rng("5 million to 10 million tonnes a year", 5e6, 1e7, "t"), "year", 2030, 0)}},
		{"from 10 percent in 2014 to 15 percent", []doc.Quantity{with(q("10 percent", 10, "%"), "", 2014, 0), q("15 percent", 15, "%")}},

		// share
		{"a 20 percent stake", []doc.Quantity{q("20 percent", 20, "%")}},
		{"rose by about 45 per cent", []doc.Quantity{q("45 per cent", 45, "%")}},
		{"up 15%", []doc.Quantity{q("15%", 15, "%")}},
		{"3.5 % growth", []doc.Quantity{q("3.5 %", 3.5, "%")}},
		{"grew 10 Percent.", []doc.Quantity{q("10 Percent", 10, "%")}},

		// volume and mass
		{"reaching 31 million tonnes a year by 2018", []doc.Quantity{with(q("31 million tonnes a year", 3.1e7, "t"), "year", 2018, 0)}},
		{"38 billion cubic meters a year of gas", []doc.Quantity{with(q("38 billion cubic meters a year", 3.8e10, "m3"), "year", 0, 0)}},
		{"5m3 per annum", []doc.Quantity{with(q("5m3 per annum", 5, "m3"), "year", 0, 0)}},
		{"30 bcm in 2012-13, 20 bcm by 2019a, 10 bcm in2014", []doc.Quantity{q("30 bcm", 3e10, "m3"), q("20 bcm", 2e10, "m3"), q("10 bcm", 1e10, "m3")}},
		{"1,000 tons of grain", []doc.Quantity{q("1,000 tons", 1000, "t")}},
		{"30 bcm", []doc.Quantity{q("30 bcm", 3e10, "m3")}},
		{"5m3 of water", []doc.Quantity{q("5m3", 5, "m3")}},
		{"300,000 barrels per day", []doc.Quantity{q("300,000 barrels per day", 3e5, "bbl/d")}},
		{"1.2 million barrels of oil a day", []doc.Quantity{q("1.2 million barrels of oil a day", 1.2e6, "bbl/d")}},
		{"600,000 bpd", []doc.Quantity{q("600,000 bpd", 6e5, "bbl/d")}},
		{"2.5 million metric tons", []doc.Quantity{q("2.5 million metric tons", 2.5e6, "t")}},

		// whitespace the cleaner keeps
		{"815\u00a0billion rubles", []doc.Quantity{q("815\u00a0billion rubles", 8.15e11, "RUB")}},
		{"45\u00a0per\ncent", []doc.Quantity{q("45\u00a0per\ncent", 45, "%")}},

		// not quantities
		{"the G-20 summit", nil},
		{"deliveries of Su-35s and MiG-29 jets", nil},
		{"in 2015, from 2011", nil},
		{"on June 5, 2012", nil},
		{"5,000 troops and 200 tanks", nil},
		{"3 million people", nil},
		{"call +7 495 123-45-67", nil},
		{"in the 1990s, the 5th round", nil},
		{"a 40-year gas supply agreement", nil},
		{"5 percentage points", nil},
		{"500 pounds of explosives", nil},
		{"the party won 5 seats, 3 won", nil},
		{"5 euro zone countries", nil},
		{"on 5.6.2012 at 10:30", nil},
		{"1,23 and 1,2345", nil},
		{"an A320 and 24/7 service", nil},
		{"Connecting to %s", nil},
		{"$ billion", nil},
		{"USD", nil},
		{"2 to 4 years", nil},
		{"0 to", nil}, // a range cut off at the end
		{"", nil},
	}
	for _, tt := range tests {
		got := Find(tt.sentence, nlp.Tokenize(tt.sentence))
		var gotQ []doc.Quantity
		for _, a := range got {
			gotQ = append(gotQ, a.Q)
			if a.Q.Text != tt.sentence[a.Start:a.End] {
				t.Errorf("Find(%q): Text %q != sentence[%d:%d]", tt.sentence, a.Q.Text, a.Start, a.End)
			}
		}
		if !equal(gotQ, tt.want) {
			t.Errorf("Find(%q)\n got %v\nwant %v", tt.sentence, gotQ, tt.want)
		}
	}
}

func equal(a, b []doc.Quantity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSeeds checks the amounts of chosen seed sentences, and that each seed
// as a whole yields exactly the amounts it states.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Path(t, "corpus", "seeds")
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		return string(b)
	}

	sentences := []struct {
		file, from string // the seed, and the words its sentence starts with
		want       []doc.Quantity
	}{
		{"000_eecfe78c2f3309df.txt", "A US $3.5 billion", []doc.Quantity{
			q("US $3.5 billion", 3.5e9, "USD"), q("US $5 billion", 5e9, "USD")}},
		{"001_7cf3c6871154cef4.txt", "During their meeting", []doc.Quantity{
			with(q("$100 billion", 1e11, "USD"), "", 2015, 0), with(q("$83.5 billion", 8.35e10, "USD"), "", 2011, 0)}},
		{"001_7cf3c6871154cef4.txt", "On June 5, China", []doc.Quantity{
			rng("$2 to $4 billion USD", 2e9, 4e9, "USD")}},
		{"002_a7b276a8953e2a0d.txt", "The two sides signed off", []doc.Quantity{q("$7 billion", 7e9, "USD")}},
		{"003_ae4786eea793bbaf.txt", "China now comprises about 10 percent (USD", []doc.Quantity{
			q("10 percent", 10, "%"), with(q("USD 87 billion", 8.7e10, "USD"), "", 2012, 0)}},
		{"003_ae4786eea793bbaf.txt", "This 25-year agreement", []doc.Quantity{with(q("31 million tonnes a year", 3.1e7, "t"), "year", 2018, 0)}},
		{"003_ae4786eea793bbaf.txt", "implement the 30 USD", []doc.Quantity{q("30 USD billion", 3e10, "USD")}},
		{"004_aeeb191dff6282f3.txt", "Also in 2014, the People", []doc.Quantity{
			with(q("150 billion yuan", 1.5e11, "CNY"), "", 0, 2.4e10), with(q("815\u00a0billion rubles", 8.15e11, "RUB"), "", 0, 2.4e10)}},
		{"004_aeeb191dff6282f3.txt", "Further evidence", []doc.Quantity{q("6 billion yuan", 6e9, "CNY")}},
		{"004_aeeb191dff6282f3.txt", "Some of the much-publicized", nil},
	}
	for _, tt := range sentences {
		text := read(tt.file)
		s := sentenceFrom(text, tt.from)
		if s == "" {
			t.Errorf("%s: no sentence starts with %q", tt.file, tt.from)
			continue
		}
		var got []doc.Quantity
		for _, a := range Find(s, nlp.Tokenize(s)) {
			got = append(got, a.Q)
		}
		if !equal(got, tt.want) {
			t.Errorf("%s %q…:\n got %v\nwant %v", tt.file, tt.from, got, tt.want)
		}
	}

	// Every amount in the seeds, counted per unit: nothing more (no years,
	// no "25-year", no counts of subcommissions), nothing less.
	counts := map[string]map[string]int{
		"000_eecfe78c2f3309df.txt": {"USD": 2},
		"001_7cf3c6871154cef4.txt": {"USD": 3},
		"002_a7b276a8953e2a0d.txt": {"USD": 2},
		"003_ae4786eea793bbaf.txt": {"%": 9, "USD": 2, "t": 1},
		"004_aeeb191dff6282f3.txt": {"%": 2, "USD": 1, "CNY": 3, "RUB": 1},
	}
	for file, want := range counts {
		got := map[string]int{}
		text := read(file)
		for _, a := range Find(text, nlp.Tokenize(text)) {
			got[a.Q.Unit]++
		}
		if len(got) != len(want) {
			t.Errorf("%s: units %v, want %v", file, got, want)
			continue
		}
		for u, n := range want {
			if got[u] != n {
				t.Errorf("%s: units %v, want %v", file, got, want)
				break
			}
		}
	}
}

// sentenceFrom returns the sentence of text that starts with from: up to a
// full stop before whitespace, or a blank line.
func sentenceFrom(text, from string) string {
	i := strings.Index(text, from)
	if i < 0 {
		return ""
	}
	s := text[i:]
	for k := 0; k < len(s); k++ {
		switch {
		case s[k] == '.' && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\n'):
			return s[:k+1]
		case strings.HasPrefix(s[k:], "\n\n"):
			return s[:k]
		}
	}
	return s
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"A US $3.5 billion two way trade and infrastructure agreement",
		"150 billion yuan and 815 billion rubles ($24 billion at the time)",
		"$2 to $4 billion USD", "between 2 and 4 percent", "5-10%",
		"Rs 5,000 crore", "Rs 2,50,000", "¥2.05 billion", "€1.5bn", "5m³",
		"31 million tonnes a year", "G-20 Su-35s 1990s", "1,23 5.6.2012",
		"$", "US $", "9999999999999999999999999999999 trillion trillion dollars",
		"\xff$5\xfe billion", "45\u00a0per\ncent", "¥2.05 billion (about $26 million)",
		"USD 87 billion in 2012", "between $700 million and $1 billion by 2019",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, a := range Find(s, nlp.Tokenize(s)) {
			if a.Start < prev || a.Start >= a.End || a.End > len(s) {
				t.Fatalf("Find(%q): bad offsets [%d,%d] after %d", s, a.Start, a.End, prev)
			}
			if a.Q.Text != s[a.Start:a.End] {
				t.Fatalf("Find(%q): Text %q != s[%d:%d]", s, a.Q.Text, a.Start, a.End)
			}
			if a.Q.Unit == "" {
				t.Fatalf("Find(%q): %q has no unit", s, a.Q.Text)
			}
			if a.Q.Unit == "USD" && (a.Q.USD != a.Q.Value || a.Q.USDMax != a.Q.Max) {
				t.Fatalf("Find(%q): dollars %+v not worth themselves", s, a.Q)
			}
			prev = a.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Also in 2014, the People’s Bank of China (PBOC) and the Central Bank of Russia signed an " +
		"arrangement for a currency swap worth 150 billion yuan and 815 billion rubles ($24 billion at the time), " +
		"while trade rose by about 45 percent to 31 million tonnes a year, according to the G-20."
	toks := nlp.Tokenize(s)
	for b.Loop() {
		Find(s, toks)
	}
}
