package quant

// The tables below are read-only: Find never changes them.

// phrase is a written form that names a unit or a scale. A space in text
// stands for one or more whitespace characters in the sentence.
type phrase struct {
	text string
	unit string // ISO 4217 code, "%", "t", "m3", "bbl", "bbl/d"; "" for a scale
	exp  int    // power of ten the phrase multiplies by ("billion" 9, "bcm" 9)
	fold bool   // match ASCII letters case-insensitively

	needScale bool   // only after a scale word: "5 billion won", never "5 won"
	notBefore string // not when this word follows: "500 pounds of explosives"
}

// prefixes are currency signs and codes written before the number:
// "$100", "US $3.5", "€1.5bn", "Rs 5,000", "USD 87". A bare "¥" is read as
// JPY, the usual meaning in English news; "CN¥" and "RMB" are CNY.
var prefixes = append([]phrase{
	{text: "$", unit: "USD"},
	{text: "US$", unit: "USD"},
	{text: "US $", unit: "USD"},
	{text: "U.S.$", unit: "USD"},
	{text: "U.S. $", unit: "USD"},
	{text: "A$", unit: "AUD"},
	{text: "AU$", unit: "AUD"},
	{text: "C$", unit: "CAD"},
	{text: "CA$", unit: "CAD"},
	{text: "HK$", unit: "HKD"},
	{text: "NZ$", unit: "NZD"},
	{text: "S$", unit: "SGD"},
	{text: "NT$", unit: "TWD"},
	{text: "R$", unit: "BRL"},
	{text: "€", unit: "EUR"},
	{text: "£", unit: "GBP"},
	{text: "¥", unit: "JPY"},
	{text: "CN¥", unit: "CNY"},
	{text: "RMB¥", unit: "CNY"},
	{text: "Rmb", unit: "CNY"},
	{text: "₹", unit: "INR"},
	{text: "Rs", unit: "INR"},
	{text: "Rs.", unit: "INR"},
	{text: "₽", unit: "RUB"},
	{text: "₩", unit: "KRW"},
}, codes...)

// prefixStart marks the first bytes of the prefixes, so that most words
// are passed over without trying each prefix.
var prefixStart = func() (first [256]bool) {
	for _, p := range prefixes {
		first[p.text[0]] = true
	}
	return first
}()

// codes are ISO 4217 codes, written in capitals before or after the number
// ("USD 87 billion", "30 USD billion"). RMB is the common name for CNY.
var codes = []phrase{
	{text: "USD", unit: "USD"}, {text: "EUR", unit: "EUR"}, {text: "CNY", unit: "CNY"},
	{text: "RMB", unit: "CNY"}, {text: "RUB", unit: "RUB"}, {text: "JPY", unit: "JPY"},
	{text: "GBP", unit: "GBP"}, {text: "INR", unit: "INR"}, {text: "KRW", unit: "KRW"},
	{text: "KPW", unit: "KPW"}, {text: "HKD", unit: "HKD"}, {text: "TWD", unit: "TWD"},
	{text: "AUD", unit: "AUD"}, {text: "CAD", unit: "CAD"}, {text: "NZD", unit: "NZD"},
	{text: "SGD", unit: "SGD"}, {text: "CHF", unit: "CHF"}, {text: "SEK", unit: "SEK"},
	{text: "NOK", unit: "NOK"}, {text: "DKK", unit: "DKK"}, {text: "PLN", unit: "PLN"},
	{text: "CZK", unit: "CZK"}, {text: "HUF", unit: "HUF"}, {text: "BRL", unit: "BRL"},
	{text: "MXN", unit: "MXN"}, {text: "ARS", unit: "ARS"}, {text: "ZAR", unit: "ZAR"},
	{text: "TRY", unit: "TRY"}, {text: "UAH", unit: "UAH"}, {text: "BYN", unit: "BYN"},
	{text: "KZT", unit: "KZT"}, {text: "UZS", unit: "UZS"}, {text: "SAR", unit: "SAR"},
	{text: "AED", unit: "AED"}, {text: "QAR", unit: "QAR"}, {text: "KWD", unit: "KWD"},
	{text: "IRR", unit: "IRR"}, {text: "IQD", unit: "IQD"}, {text: "PKR", unit: "PKR"},
	{text: "BDT", unit: "BDT"}, {text: "LKR", unit: "LKR"}, {text: "IDR", unit: "IDR"},
	{text: "MYR", unit: "MYR"}, {text: "THB", unit: "THB"}, {text: "VND", unit: "VND"},
	{text: "PHP", unit: "PHP"}, {text: "EGP", unit: "EGP"}, {text: "NGN", unit: "NGN"},
	{text: "ILS", unit: "ILS"}, {text: "MNT", unit: "MNT"},
}

// scales are number words written after the number, with a space:
// "3.5 billion", "5,000 crore", "1 lakh crore" (they multiply).
var scales = []phrase{
	{text: "thousand", exp: 3, fold: true},
	{text: "million", exp: 6, fold: true},
	{text: "mn", exp: 6, fold: true},
	{text: "mln", exp: 6, fold: true},
	{text: "billion", exp: 9, fold: true},
	{text: "bn", exp: 9, fold: true},
	{text: "bln", exp: 9, fold: true},
	{text: "trillion", exp: 12, fold: true},
	{text: "tn", exp: 12, fold: true},
	{text: "trn", exp: 12, fold: true},
	{text: "lakh", exp: 5, fold: true},
	{text: "lakhs", exp: 5, fold: true},
	{text: "crore", exp: 7, fold: true},
	{text: "crores", exp: 7, fold: true},
}

// suffixScales are scales written against the number: "$12M", "€1.5bn".
// They are matched against the whole run of letters after the digits, so
// "35s" or "5th" never match.
var suffixScales = map[string]int{
	"k": 3, "K": 3,
	"m": 6, "M": 6, "mn": 6, "mln": 6,
	"b": 9, "B": 9, "bn": 9, "bln": 9,
	"tn": 12, "trn": 12,
}

// units are the words and signs written after the number (and its scale):
// currencies by name, percent, tonnes, cubic metres, barrels. Tons are
// read as metric tonnes. Where two phrases match, the longer wins
// ("barrels of oil per day" over "barrels").
var units = []phrase{
	// money
	{text: "dollars", unit: "USD", fold: true},
	{text: "dollar", unit: "USD", fold: true},
	{text: "US dollars", unit: "USD", fold: true},
	{text: "U.S. dollars", unit: "USD", fold: true},
	{text: "American dollars", unit: "USD", fold: true},
	{text: "Hong Kong dollars", unit: "HKD", fold: true},
	{text: "Australian dollars", unit: "AUD", fold: true},
	{text: "Canadian dollars", unit: "CAD", fold: true},
	{text: "Singapore dollars", unit: "SGD", fold: true},
	{text: "New Zealand dollars", unit: "NZD", fold: true},
	{text: "Taiwan dollars", unit: "TWD", fold: true},
	{text: "New Taiwan dollars", unit: "TWD", fold: true},
	{text: "yuan", unit: "CNY", fold: true},
	{text: "Chinese yuan", unit: "CNY", fold: true},
	{text: "renminbi", unit: "CNY", fold: true},
	{text: "rubles", unit: "RUB", fold: true},
	{text: "ruble", unit: "RUB", fold: true},
	{text: "roubles", unit: "RUB", fold: true},
	{text: "rouble", unit: "RUB", fold: true},
	{text: "Russian rubles", unit: "RUB", fold: true},
	{text: "euros", unit: "EUR", fold: true},
	{text: "euro", unit: "EUR", fold: true, notBefore: "zone"},
	{text: "pounds", unit: "GBP", fold: true, notBefore: "of"},
	{text: "pound", unit: "GBP", fold: true, notBefore: "of"},
	{text: "pounds sterling", unit: "GBP", fold: true},
	{text: "British pounds", unit: "GBP", fold: true},
	{text: "yen", unit: "JPY", fold: true},
	{text: "Japanese yen", unit: "JPY", fold: true},
	{text: "rupees", unit: "INR", fold: true},
	{text: "rupee", unit: "INR", fold: true},
	{text: "Indian rupees", unit: "INR", fold: true},
	{text: "Pakistani rupees", unit: "PKR", fold: true},
	{text: "won", unit: "KRW", fold: true, needScale: true},
	{text: "South Korean won", unit: "KRW", fold: true},
	{text: "Korean won", unit: "KRW", fold: true},
	{text: "Swiss francs", unit: "CHF", fold: true},
	{text: "riyals", unit: "SAR", fold: true},
	{text: "Saudi riyals", unit: "SAR", fold: true},
	{text: "rials", unit: "IRR", fold: true},
	{text: "Iranian rials", unit: "IRR", fold: true},
	{text: "dirhams", unit: "AED", fold: true},
	{text: "lira", unit: "TRY", fold: true},
	{text: "liras", unit: "TRY", fold: true},
	{text: "Turkish lira", unit: "TRY", fold: true},
	{text: "hryvnias", unit: "UAH", fold: true},
	{text: "hryvnia", unit: "UAH", fold: true},
	{text: "tenge", unit: "KZT", fold: true},
	{text: "shekels", unit: "ILS", fold: true},
	{text: "reais", unit: "BRL", fold: true},

	// share
	{text: "%", unit: "%"},
	{text: "percent", unit: "%", fold: true},
	{text: "per cent", unit: "%", fold: true},
	{text: "pct", unit: "%", fold: true},

	// mass
	{text: "tonnes", unit: "t", fold: true},
	{text: "tonne", unit: "t", fold: true},
	{text: "tons", unit: "t", fold: true},
	{text: "ton", unit: "t", fold: true},
	{text: "metric tons", unit: "t", fold: true},
	{text: "metric ton", unit: "t", fold: true},
	{text: "metric tonnes", unit: "t", fold: true},

	// volume
	{text: "cubic meters", unit: "m3", fold: true},
	{text: "cubic meter", unit: "m3", fold: true},
	{text: "cubic metres", unit: "m3", fold: true},
	{text: "cubic metre", unit: "m3", fold: true},
	{text: "m3", unit: "m3"},
	{text: "m³", unit: "m3"},
	{text: "bcm", unit: "m3", exp: 9, fold: true},
	{text: "barrels", unit: "bbl", fold: true},
	{text: "barrel", unit: "bbl", fold: true},
	{text: "barrels of oil", unit: "bbl", fold: true},
	{text: "barrels per day", unit: "bbl/d", fold: true},
	{text: "barrels a day", unit: "bbl/d", fold: true},
	{text: "barrels of oil per day", unit: "bbl/d", fold: true},
	{text: "barrels of oil a day", unit: "bbl/d", fold: true},
	{text: "bpd", unit: "bbl/d", fold: true},
	{text: "b/d", unit: "bbl/d", fold: true},
}

// perYear are the rate words kept in the text of an amount of tonnes or
// cubic metres ("31 million tonnes a year"). The unit stays "t" or "m3":
// yearly is how trade volumes are stated, and the words stay visible.
var perYear = []phrase{
	{text: "a year", fold: true},
	{text: "per year", fold: true},
	{text: "each year", fold: true},
	{text: "every year", fold: true},
	{text: "per annum", fold: true},
	{text: "annually", fold: true},
}

// connectors join the two ends of a range: "$2 to $4 billion", "2-4%".
// "and" joins them only after "between".
var connectors = []phrase{
	{text: "to", fold: true},
	{text: "-"},
	{text: "–"},
	{text: "—"},
	{text: "and", fold: true},
}

// hedges are the words allowed between the bracket and a dollar amount
// that converts the amounts before it: "(about $26 million)".
var hedges = []string{
	"about", "around", "roughly", "approximately", "approx.", "nearly",
	"almost", "some", "over", "or", "worth", "equivalent", "to", "c.", "ca.",
}
