package quant

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// TestRateTable checks the embedded table: it loads, each currency runs
// without gaps to its last year, the Fed's currencies reach 2025, and a
// few rates are the published ones.
func TestRateTable(t *testing.T) {
	tb := rates()
	if len(tb.last) < 20 {
		t.Errorf("%d currencies, want at least 20", len(tb.last))
	}
	for cur, last := range tb.last {
		first := last
		for tb.perUSD[rateKey{cur, first - 1}] != 0 {
			first--
		}
		for y := first; y <= last; y++ {
			if tb.perUSD[rateKey{cur, y}] == 0 {
				t.Errorf("%s: no rate for %d between %d and %d", cur, y, first, last)
			}
		}
		n := 0
		for k := range tb.perUSD {
			if k.currency == cur {
				n++
			}
		}
		if n != last-first+1 {
			t.Errorf("%s: %d rows, but a run of %d years from %d", cur, n, last-first+1, first)
		}
	}
	for _, cur := range []string{"CNY", "JPY", "EUR", "INR", "KRW", "CHF"} {
		if tb.last[cur] != 2025 {
			t.Errorf("%s: last year %d, want 2025", cur, tb.last[cur])
		}
	}
	for _, tt := range []struct {
		cur  string
		year int
		want float64
	}{
		{"CNY", 2014, 6.1620}, {"JPY", 1990, 144.9987}, {"EUR", 1999, 0.9387}, {"INR", 2012, 53.3743}, {"RUB", 2014, 38.4375},
	} {
		if got := tb.perUSD[rateKey{tt.cur, tt.year}]; got != tt.want {
			t.Errorf("%s %d: %v per dollar, want %v", tt.cur, tt.year, got, tt.want)
		}
	}
}

func TestParseRatesErrors(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"CNY\t2014\t6.16", "line 1: want 4 tab-separated fields, have 3"},
		{"# c\nCNY\tyear\t6.16\tfed", "line 2: year \"year\""},
		{"CNY\t2014\t-1\tfed", "line 1: rate \"-1\" is not a positive number"},
		{"yuan\t2014\t6.16\tfed", "line 1: want a currency code and a source"},
		{"CNY\t2014\t6.16\tfed\nCNY\t2014\t6.2\tfed", "line 2: CNY 2014 given twice"},
	} {
		_, err := parseRates(tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseRates(%q) = %v, want an error with %q", tt.text, err, tt.want)
		}
	}
}

func TestInUSD(t *testing.T) {
	yuan := doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY"}
	tests := []struct {
		name string
		q    doc.Quantity
		year int
		want doc.Quantity
	}{
		{"the event's year", yuan, 2014,
			doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY", USD: 24342745862, USDFrom: "rate", RateYear: 2014}},
		{"the amount's own year wins",
			doc.Quantity{Text: "1 trillion yen", Value: 1e12, Unit: "JPY", Year: 2012}, 2020,
			doc.Quantity{Text: "1 trillion yen", Value: 1e12, Unit: "JPY", Year: 2012, USD: 12528502343, USDFrom: "rate", RateYear: 2012}},
		{"a range converts both ends",
			doc.Quantity{Text: "€2 to €4 billion", Value: 2e9, Max: 4e9, Unit: "EUR"}, 2010,
			doc.Quantity{Text: "€2 to €4 billion", Value: 2e9, Max: 4e9, Unit: "EUR", USD: 2652168147, USDMax: 5304336295, USDFrom: "rate", RateYear: 2010}},
		{"after the table's last year, its last rate", yuan, 2026,
			doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY", USD: 20869565217, USDFrom: "rate", RateYear: 2025}},
		{"before the table: nothing", yuan, 1985, yuan},
		{"before the euro: nothing", doc.Quantity{Text: "€5", Value: 5, Unit: "EUR"}, 1995, doc.Quantity{Text: "€5", Value: 5, Unit: "EUR"}},
		{"a currency the table lacks", doc.Quantity{Text: "£20 million", Value: 2e7, Unit: "GBP"}, 2014, doc.Quantity{Text: "£20 million", Value: 2e7, Unit: "GBP"}},
		{"the text's conversion wins",
			doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY", USD: 24e9, USDFrom: "text"}, 2014,
			doc.Quantity{Text: "150 billion yuan", Value: 150e9, Unit: "CNY", USD: 24e9, USDFrom: "text"}},
		{"not money", doc.Quantity{Text: "20 percent", Value: 20, Unit: "%"}, 2014, doc.Quantity{Text: "20 percent", Value: 20, Unit: "%"}},
	}
	for _, tt := range tests {
		if got := InUSD(tt.q, tt.year); got != tt.want {
			t.Errorf("%s: InUSD(%+v, %d)\n got %+v\nwant %+v", tt.name, tt.q, tt.year, got, tt.want)
		}
	}
}
