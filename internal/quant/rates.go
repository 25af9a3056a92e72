package quant

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/doc"
)

// ratesTSV is dyad's exchange-rate table: annual average rates, units per
// US dollar, with their sources in its header.
//
//go:embed rates.tsv
var ratesTSV string

type rateKey struct {
	currency string
	year     int
}

type rateTable struct {
	perUSD map[rateKey]float64
	last   map[string]int // the latest year of each currency
}

var rates = sync.OnceValue(func() rateTable {
	t, err := parseRates(ratesTSV)
	if err != nil {
		panic(err) // the embedded table is tested; this cannot happen
	}
	return t
})

// parseRates reads a table of rows "currency, year, units per dollar,
// source", tab-separated, with # comments.
func parseRates(text string) (rateTable, error) {
	t := rateTable{perUSD: map[rateKey]float64{}, last: map[string]int{}}
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return t, fmt.Errorf("rates.tsv line %d: want 4 tab-separated fields, have %d", n+1, len(f))
		}
		year, err := strconv.Atoi(f[1])
		if err != nil {
			return t, fmt.Errorf("rates.tsv line %d: year %q: %w", n+1, f[1], err)
		}
		r, err := strconv.ParseFloat(f[2], 64)
		if err != nil || r <= 0 {
			return t, fmt.Errorf("rates.tsv line %d: rate %q is not a positive number", n+1, f[2])
		}
		if !isCurrency(f[0]) || f[3] == "" {
			return t, fmt.Errorf("rates.tsv line %d: want a currency code and a source, have %q and %q", n+1, f[0], f[3])
		}
		k := rateKey{f[0], year}
		if _, dup := t.perUSD[k]; dup {
			return t, fmt.Errorf("rates.tsv line %d: %s %d given twice", n+1, f[0], year)
		}
		t.perUSD[k] = r
		t.last[f[0]] = max(t.last[f[0]], year)
	}
	return t, nil
}

// InUSD returns q with its value in US dollars at the annual average rate
// of the year the text ties it to, else of year (the event's), when q is
// money in another currency whose dollar value the text does not give. A
// year after the table's last for the currency takes the last; a currency
// or an earlier year the table lacks leaves q as it is.
func InUSD(q doc.Quantity, year int) doc.Quantity {
	if q.USDFrom != "" || !foreignMoney(q) {
		return q
	}
	if q.Year != 0 {
		year = q.Year
	}
	t := rates()
	year = min(year, t.last[q.Unit])
	r, ok := t.perUSD[rateKey{q.Unit, year}]
	if !ok {
		return q
	}
	q.USD = math.Round(q.Value / r)
	if q.Max != 0 {
		q.USDMax = math.Round(q.Max / r)
	}
	q.USDFrom, q.RateYear = doc.USDFromRate, year
	return q
}
