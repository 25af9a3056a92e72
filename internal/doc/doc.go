// Package doc holds dyad's domain types: documents, paragraphs, sentences,
// actors and events. It imports nothing from dyad; every pipeline stage
// converts into these types, so each stage can be tested on its own.
package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document is one input text with its metadata and, once cleaned, its
// paragraphs and sentences. Offsets are byte offsets into Text.
type Document struct {
	// ID is the manifest id, else the input's base name
	// ("001_7cf3c6871154cef4.txt"), else the URL.
	ID string
	// Origin is where the document came from: a path, a URL, or "-".
	Origin string
	// Hash is the hex SHA-256 of the raw input bytes; it identifies the
	// document in the store, so the same content is stored once.
	Hash string
	// Format is "text" or "html": how Raw is to be read.
	Format string
	// Raw is the input as read, before any cleaning or extraction.
	Raw []byte
	// Body is the text before cleaning: the file's text, or the main text
	// an extractor took out of HTML, paragraphs separated by blank lines.
	Body string

	Title  string
	Source string
	// Published is the publication date, ISO 8601 to the precision known:
	// "2012-06-07", "2012-06" or "2012". Empty when unknown.
	Published string
	// DateFrom says where Published came from: "manifest", "html",
	// "feed", "dateline", or "" when unknown.
	DateFrom string
	// Coding names what coded the document: the dyad build, the
	// dictionaries and the code tables ("dyad=(devel) dicts=embedded
	// cameo=1.1b3 ..."), so stored events can be traced and re-coded.
	Coding string

	// Text is the cleaned text; Paragraphs and Sentences index into it.
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
}

// ParagraphKind says what a block of cleaned text is.
type ParagraphKind int

const (
	Body     ParagraphKind = iota
	Heading                // a title or section heading: kept, never coded
	LinkList               // further reading, source lists: kept, never coded
	Dateline               // a date or byline line: kept, never coded
)

func (k ParagraphKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case LinkList:
		return "links"
	case Dateline:
		return "dateline"
	}
	return "body"
}

// Paragraph is a block of the cleaned text: Text[Start:End].
type Paragraph struct {
	Start, End int
	Kind       ParagraphKind
}

// Sentence is one sentence of the cleaned text: Text[Start:End].
type Sentence struct {
	Index      int
	Start, End int
	Text       string
	Paragraph  int // index into Document.Paragraphs
	// Codable is false for sentences in headings, link lists and
	// datelines: no event is ever coded from them.
	Codable bool
	// Tokens are the sentence's words, tokenized once by the pipeline and,
	// where the sentence is parsed, tagged, lemmatized and parsed.
	Tokens []Token
	// Parsed reports whether the tagger and parser filled Tokens.
	Parsed bool
}

// Actor is one side of an event, as written in the event record.
type Actor struct {
	Text    string `json:"text"`
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Name    string `json:"name,omitempty"`
	Role    string `json:"role,omitempty"`
}

// Key is the value an actor is matched and paired on: its country, else
// the first three letters of its code ("IGO" for IGOUNO).
func (a Actor) Key() string {
	if a.Country != "" {
		return strings.ToUpper(a.Country)
	}
	return strings.ToUpper(a.Code[:min(3, len(a.Code))])
}

// Location is where an event took place.
type Location struct {
	Text    string  `json:"text"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Admin1 is the first-level region (state, province, oblast) the
	// place lies in, as the gazetteer names it; empty for a country.
	Admin1 string `json:"admin1,omitempty"`
	// From says where the place was read: "clause" (named in the event's
	// sentence), "paragraph" (named in an earlier sentence of its
	// paragraph), "party" (the country of the event's source, or of its
	// target for a visit, force or aid) or "dateline" (the article's
	// dateline city).
	From string `json:"from,omitempty"`
}

// Where a location was read (Location.From).
const (
	FromClause    = "clause"
	FromParagraph = "paragraph"
	FromParty     = "party"
	FromDateline  = "dateline"
)

// Quantity is an amount tied to an event: money, volume, percentage.
// Text, Value and Unit are the contract's; the rest are optional and
// only ever added (docs/amounts.md).
type Quantity struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	// Max is the high end of a range ("$2 to $4 billion": Value 2e9, Max
	// 4e9); zero when the text gives one number.
	Max float64 `json:"max,omitempty"`
	// Per is the period of a rate: "year" for "31 million tonnes a year".
	Per string `json:"per,omitempty"`
	// Year is the year the text ties the amount to: "USD 87 billion in
	// 2012", "31 million tonnes a year by 2018".
	Year int `json:"year,omitempty"`
	// USD (and USDMax for a range) is the value of money in US dollars;
	// USDFrom says how it was had: "unit" (the amount is in dollars),
	// "text" (the sentence converts it: "150 billion yuan ($24 billion at
	// the time)") or "rate" (the annual average rate of RateYear, from
	// dyad's exchange-rate table).
	USD      float64 `json:"usd,omitempty"`
	USDMax   float64 `json:"usd_max,omitempty"`
	USDFrom  string  `json:"usd_from,omitempty"`
	RateYear int     `json:"rate_year,omitempty"`
}

// How the dollar value of a Quantity was had (Quantity.USDFrom).
const (
	USDFromUnit = "unit"
	USDFromText = "text"
	USDFromRate = "rate"
)

// Magnitude is a count of people an event's clause gives: the killed, the
// injured, the arrested, the displaced, or the size of a crowd or group
// (PLOVER's dead, injured and size; docs/amounts.md).
type Magnitude struct {
	// Kind is "dead", "injured", "arrested", "displaced" or "size".
	Kind string `json:"kind"`
	// Text is the words of the count ("more than 2,100").
	Text  string `json:"text"`
	Value int    `json:"value"`
	// Bound is "min" when Value is the least the words mean ("at least
	// 156", "thousands"), "max" when it is the most ("up to 16"), "about"
	// for an estimate ("about 40"), or empty for an exact count.
	Bound string `json:"bound,omitempty"`
}

// Kinds of a Magnitude.
const (
	Dead      = "dead"
	Injured   = "injured"
	Arrested  = "arrested"
	Displaced = "displaced"
	Size      = "size"
)

// Modalities of an event record.
const (
	Asserted = "asserted"
	Planned  = "planned"
	Reported = "reported"
)

// Date precisions of an event record.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionDoc   = "doc"
)

// Event is one coded event: the output contract of
// ../shared/spec/event-record.md. Fields are only ever added.
type Event struct {
	ID      string `json:"id"`
	Doc     string `json:"doc"`
	DocDate string `json:"doc_date"`
	// DocDateFrom says where DocDate came from: "manifest", "html",
	// "feed" or "dateline"; absent when the document has no date.
	DocDateFrom   string     `json:"doc_date_from,omitempty"`
	Sentence      string     `json:"sentence"`
	SentenceIndex int        `json:"sentence_index"`
	Span          [2]int     `json:"span"`
	Source        Actor      `json:"source"`
	Target        *Actor     `json:"target,omitempty"`
	CAMEO         string     `json:"cameo"`
	Root          string     `json:"root"`
	PLOVER        string     `json:"plover"`
	Goldstein     float64    `json:"goldstein"`
	Quad          int        `json:"quad"`
	Trigger       string     `json:"trigger"`
	Date          string     `json:"date"`
	DatePrecision string     `json:"date_precision"`
	Location      *Location  `json:"location,omitempty"`
	Quantities    []Quantity `json:"quantities,omitempty"`
	// Magnitudes are the counts of people the event's clause gives, for
	// violence, coercion and protest; optional.
	Magnitudes []Magnitude `json:"magnitudes,omitempty"`
	Modality   string      `json:"modality"`
	// Tables names the versions of the code tables used, e.g.
	// "cameo=1.1b3 goldstein=gdelt plover=0.5b1".
	Tables string `json:"tables,omitempty"`
	// Cluster is the id of the cross-document cluster the event belongs
	// to, once clustered; Confidence, when set, is how sure the coder is
	// (0–1). Both are optional in the contract.
	Cluster    string  `json:"cluster,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	// Outlet, URL and Coding are the event's provenance beyond its
	// document: the publisher (the document's source), the address it was
	// read from when it came from the web, and what coded it (see
	// Document.Coding). They are not fields of the JSON record, which
	// ../shared/spec/event-record.md fixes; CSV exports and the store's
	// event_view carry them.
	Outlet string `json:"-"`
	URL    string `json:"-"`
	Coding string `json:"-"`
}

// Token is one syntactic word of a sentence, as Universal Dependencies
// English counts words ("don't" is "do" and "n't"): Text is
// Sentence.Text[Start:End], byte offsets into the sentence. The tagger
// and parser fill the rest; stages that run without them see the zero
// values.
type Token struct {
	Text       string
	Start, End int
	// Lemma is the dictionary form ("signed" → "sign").
	Lemma string
	// UPOS is the universal part of speech ("VERB"), XPOS the Penn tag
	// ("VBN").
	UPOS, XPOS string
	// Head is the index of the token's head in Sentence.Tokens, -1 for
	// the root of the sentence.
	Head int
	// Rel is the Universal Dependencies relation to the head ("nsubj",
	// "obl:agent", "root").
	Rel string

	// lower is Lower, computed once by NewToken; empty for a token
	// made otherwise.
	lower string
}

// NewToken returns the token of text at [start, end), its lower-case
// form computed once: dictionaries match every token, most of them many
// times.
func NewToken(text string, start, end int) Token {
	return Token{Text: text, Start: start, End: end, lower: lower(text)}
}

// Lower returns the token's text in lower case with curly apostrophes made
// straight, the form dictionaries are matched against.
func (t Token) Lower() string {
	if t.lower != "" {
		return t.lower
	}
	return lower(t.Text)
}

func lower(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// IsWord reports whether the token starts with a letter.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}
