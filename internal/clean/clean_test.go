package clean

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/doc"
)

// wrapped is hard-wrapped text of the kind pdftotext writes: lines of about
// sixty characters, paragraphs not separated by blank lines.
const wrapped = `The delegation arrived in the capital on Monday for talks
with the foreign minister about trade and security, and the
two sides signed a memorandum on energy cooperation that
covers gas, oil and the wider military-
industrial sector.
Officials said the talks had gone well.
Energy ties
The pipeline agreement was signed after ten years of talks
between the two state companies, who could not agree a
price.
`

// kp is a paragraph as a test expects it: kind and text.
type kp struct {
	kind doc.ParagraphKind
	text string
}

func (p kp) String() string { return fmt.Sprintf("%s %q", p.kind, p.text) }

func B(s string) kp { return kp{doc.Body, s} }
func H(s string) kp { return kp{doc.Heading, s} }
func L(s string) kp { return kp{doc.LinkList, s} }
func D(s string) kp { return kp{doc.Dateline, s} }

func TestText(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want []kp
	}{
		{
			name: "paragraphs rebuilt from wrapped lines",
			raw:  wrapped,
			want: []kp{
				B("The delegation arrived in the capital on Monday for talks with the foreign minister about trade and security, and the two sides signed a memorandum on energy cooperation that covers gas, oil and the wider military-industrial sector."),
				B("Officials said the talks had gone well."),
				H("Energy ties"),
				B("The pipeline agreement was signed after ten years of talks between the two state companies, who could not agree a price."),
			},
		},
		{
			name: "line-end hyphen dropped when the document spells the word solid",
			raw: "The committee reached a final decision on the treaty after\n" +
				"a long debate, and the deci-\n" +
				"sion was announced on the same evening to the press and to\n" +
				"the diplomats waiting outside the hall of the assembly.\n",
			want: []kp{
				B("The committee reached a final decision on the treaty after a long debate, and the decision was announced on the same evening to the press and to the diplomats waiting outside the hall of the assembly."),
			},
		},
		{
			name: "line-end hyphen before a bare suffix dropped",
			raw: "The ministers met in the capital to discuss the implementa-\n" +
				"tion of the agreement that they had signed in the spring and\n" +
				"the schedule for the next round of talks with the partners.\n",
			want: []kp{
				B("The ministers met in the capital to discuss the implementation of the agreement that they had signed in the spring and the schedule for the next round of talks with the partners."),
			},
		},
		{
			name: "page break inside a sentence is joined",
			raw: "The ministers met in the capital to discuss the agreement that\n" +
				"they had signed in the spring and the schedule for the next\n" +
				"round of talks with all the partners from the neighbouring\n\n" +
				"7\n\n" +
				"countries of the region.\n",
			want: []kp{
				B("The ministers met in the capital to discuss the agreement that they had signed in the spring and the schedule for the next round of talks with all the partners from the neighbouring countries of the region."),
			},
		},
		{
			name: "bullets alone on a line",
			raw: "Executive summary\n•\n\nRelations are closer than ever before, and trade between the\n" +
				"two countries has grown by a third since the summit.\n\n•\n\n" +
				"Strategic trust remains elusive between the two sides.\n",
			want: []kp{
				H("Executive summary"),
				B("Relations are closer than ever before, and trade between the two countries has grown by a third since the summit."),
				B("Strategic trust remains elusive between the two sides."),
			},
		},
		{
			name: "inline bullets",
			raw:  "You get:\n\n  • Immediate access to the archive.\n  • Daily analysis.\n",
			want: []kp{B("You get:"), B("Immediate access to the archive."), B("Daily analysis.")},
		},
		{
			name: "page footers and rule lines",
			raw:  "The talks ended.\n\n11 of 11\n\nPage 3\n\n42\n\n__________________\n\n- 7 -\n\nThe ministers left.\n",
			want: []kp{B("The talks ended."), B("The ministers left.")},
		},
		{
			name: "running header and author name at the page foot",
			raw:  "The talks ended on Friday.\n\n__________________\nIS109 Sino-Russian Relations\nBobo Lo\n\n11 of 11\n",
			want: []kp{B("The talks ended on Friday.")},
		},
		{
			name: "short heading above a page number is kept",
			raw:  "The talks ended on Friday.\n\nEnergy Ties\n\n3\n\nThe pipeline deal was signed.\n",
			want: []kp{B("The talks ended on Friday."), H("Energy Ties"), B("The pipeline deal was signed.")},
		},
		{
			name: "repeated heading kept once",
			raw:  "A New Era in Relations?\n\nA New Era in Relations?\n\nChina - Russia Relations\nChina - Russia Relations\n\nThe two leaders met.\n",
			want: []kp{H("A New Era in Relations?"), H("China - Russia Relations"), B("The two leaders met.")},
		},
		{
			name: "paywall teaser cut",
			raw: "The two sides signed deals.\n\nKeep reading for free!\n\nGet instant access to the rest of this article.\n\n" +
				"Already a subscriber? Log in here .\n\n  • Completely ad-free reading.\n",
			want: []kp{B("The two sides signed deals.")},
		},
		{
			name: "subscription prompts without a teaser",
			raw:  "The two sides signed deals.\n\nOr, Subscribe now to get full access.\n\nAlready a subscriber? Log in here .\n\nThe talks go on.\n",
			want: []kp{B("The two sides signed deals."), B("The talks go on.")},
		},
		{
			name: "comment form cut",
			raw: "The two sides signed deals.\n\nLeave a Reply\n\nYour email address will not be published.\n\n" +
				"You are commenting using your Twitter account. Log Out /  Change )\n",
			want: []kp{B("The two sides signed deals.")},
		},
		{
			// Issue 10, item 1: text after a form is kept.
			name: "article after a comment form",
			raw: "The two sides signed deals in Beijing on Monday, officials said.\n\nLeave a Reply\n\n" +
				"Your email address will not be published.\n\n" +
				"The foreign ministers of both countries met again in Moscow on Friday to prepare the summit.\n",
			want: []kp{
				B("The two sides signed deals in Beijing on Monday, officials said."),
				B("The foreign ministers of both countries met again in Moscow on Friday to prepare the summit."),
			},
		},
		{
			name: "labels between the prompts of a form are part of it",
			raw: "The two sides signed deals.\n\nLeave a Reply\n\nFill in your details below or click an icon to log in: Logo\n\n" +
				"You are commenting using your account. Log Out /  Change )\n\nGoogle photo\n\n" +
				"You are commenting using your Google account. Log Out /  Change )\n\n" +
				"Connecting to %s\n\nNext Story Title\n\nThe leaders met again in Moscow on Friday and agreed on a new summit.\n",
			want: []kp{
				B("The two sides signed deals."),
				H("Next Story Title"),
				B("The leaders met again in Moscow on Friday and agreed on a new summit."),
			},
		},
		{
			name: "comment link above the text is not a comment form",
			raw:  "Talks In Beijing\n\nLeave a comment\n\nThe two sides signed deals in Beijing on Monday, officials said.\n\nLeave a Reply\n\nName\n",
			want: []kp{H("Talks In Beijing"), B("The two sides signed deals in Beijing on Monday, officials said.")},
		},
		{
			name: "comment-form lines without the heading",
			raw: "The two sides signed deals.\n\nFill in your details below or click an icon to log in: Logo\n\n" +
				"Connecting to %s\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.\n",
			want: []kp{B("The two sides signed deals.")},
		},
		{
			name: "author block and publisher blurb at the end",
			raw: "ISSN 2330-717X\n\nTitle Of The Piece\n\nBy Jane Roe\n\nThe two sides signed deals.\n\n" +
				"Jane Roe\nResearch Intern, CRP, IPCS\nemail: [email\u00a0protected]\n\n\n" +
				"IPCS (Institute for Peace and Conflict Studies) conducts independent research on security issues.\n",
			want: []kp{H("Title Of The Piece"), D("By Jane Roe"), B("The two sides signed deals.")},
		},
		{
			name: "author block in the last block of wrapped text",
			raw:  wrapped[:len(wrapped)-1] + "\nJane Roe\nResearch Fellow, Example Institute\nemail: jane@example.org\n",
			want: []kp{
				B("The delegation arrived in the capital on Monday for talks with the foreign minister about trade and security, and the two sides signed a memorandum on energy cooperation that covers gas, oil and the wider military-industrial sector."),
				B("Officials said the talks had gone well."),
				H("Energy ties"),
				B("The pipeline agreement was signed after ten years of talks between the two state companies, who could not agree a price."),
			},
		},
		{
			name: "lone author name at the end",
			raw:  "The two sides signed deals.\n\nJane Roe\n",
			want: []kp{B("The two sides signed deals.")},
		},
		{
			name: "link list after an introduction",
			raw: "The leaders met.\n\nFor more information, please see the following news sources:\n\n" +
				"BBC – “Unity on Syria as Putin arrives\n\nXinhua -“Relations at a high\n\nCompiled and edited by Amanda Watson.\n",
			want: []kp{
				B("The leaders met."),
				L("For more information, please see the following news sources:"),
				L("BBC – “Unity on Syria as Putin arrives"),
				L("Xinhua -“Relations at a high"),
				D("Compiled and edited by Amanda Watson."),
			},
		},
		{
			name: "a lone quoted statement is not a link list",
			raw:  "The leaders met.\n\nHe said – “we will cooperate.”\n",
			want: []kp{B("The leaders met."), B("He said – “we will cooperate.”")},
		},
		{
			name: "page stamp removed, article dateline kept",
			raw:  "Wednesday May 27, 2020\n\n\nJune 7, 2012\n\nPresident Putin arrived in Beijing on June 5 for a visit.\n",
			want: []kp{D("June 7, 2012"), B("President Putin arrived in Beijing on June 5 for a visit.")},
		},
		{
			name: "wire datelines on a line of their own",
			raw:  "Talks In Tbilisi\n\nTBILISI, August 13, 2008 —\n\nBEIJING, May 8, 2015\n\nThe leaders met.\n",
			want: []kp{H("Talks In Tbilisi"), D("TBILISI, August 13, 2008 —"), D("BEIJING, May 8, 2015"), B("The leaders met.")},
		},
		{
			name: "byline with date",
			raw:  "Talks In Beijing\n\nBy Jane Roe · June 7, 2012\n\nThe leaders met.\n",
			want: []kp{H("Talks In Beijing"), D("By Jane Roe · June 7, 2012"), B("The leaders met.")},
		},
		{
			name: "line ends, soft hyphens and spaces",
			raw:  "The  two\tsides\r\nsigned in\u00adterim deals.\r\n\r\n“Quotes” stay curly – and dashes too.\r\n",
			want: []kp{B("The two sides signed interim deals."), B("“Quotes” stay curly – and dashes too.")},
		},
		{
			name: "empty",
			raw:  " \n\n\t\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Text(tt.raw)
			var got []kp
			for _, p := range res.Paragraphs {
				got = append(got, kp{p.Kind, res.Text[p.Start:p.End]})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Text:\n got  %v\n want %v", got, tt.want)
			}
			checkResult(t, res)
		})
	}
}

func TestJoint(t *testing.T) {
	tests := []struct {
		name, doc, a, b, want string
	}{
		{"compound keeps its hyphen", "", "the military-", "industrial complex", "the military-industrial complex"},
		{"solid spelling elsewhere", "a decision was made", "the deci-", "sion was", "the decision was"},
		{"hyphenated spelling elsewhere", "policy-makers and policy-makers, policymakers", "Western policy-", "makers should", "Western policy-makers should"},
		{"bare suffix", "", "the implementa-", "tion of", "the implementation of"},
		{"capital after hyphen", "", "the Sino-", "Russian border", "the Sino-Russian border"},
		{"number range", "", "in 2014-", "15 they", "in 2014-15 they"},
		{"dash is not a split word", "", "the talks -", "and the deal", "the talks - and the deal"},
		{"ordinary line end", "", "the two", "sides met", "the two sides met"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := countWords([]line{{text: tt.doc}})
			trim, sep := joint(tt.a, tt.b, words)
			if got := tt.a[:len(tt.a)-trim] + sep + tt.b; got != tt.want {
				t.Errorf("joining %q and %q gives %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		name, raw, want string
		ok              bool
	}{
		{"month day year", "Title\n\nJune 7, 2012\n\nBody text of the article starts here and goes on.", "2012-06-07", true},
		{"day month year", "7 June 2012\n\nText.", "2012-06-07", true},
		{"iso", "2012-06-07\n", "2012-06-07", true},
		{"weekday alone is the dateline", "Wednesday May 27, 2020\n\nThe leaders met in Beijing on Tuesday for talks.", "2020-05-27", true},
		{"weekday stamp above the article date", "Wednesday May 27, 2020\n\nJune 7, 2012\n\nThe leaders met.", "2012-06-07", true},
		{"later stamp below the article date", "June 7, 2012\n\nSaturday, June 9, 2012\n\nThe leaders met.", "2012-06-07", true},
		{"later line above is an archive stamp", "May 27, 2020\n\nJune 7, 2012\n\nThe leaders met.", "2012-06-07", true},
		{"date beside a byline", "Title\n\nBy Jane Roe | June 7, 2012\n\nThe leaders met.", "2012-06-07", true},
		{"two dates beside each other are not a date line", "June 7, 2012 | June 9, 2012\n", "", false},
		{"month precision", "June 2012\n\nThe leaders met.", "2012-06", true},
		{"year precision", "2012\n\nThe leaders met.", "2012", true},
		{"abbreviated month and label", "Published: Jun. 7th, 2012 10:30 GMT\n", "2012-06-07", true},
		{"updated is not the publication date", "Updated June 9, 2012\n\nJune 7, 2012\n", "2012-06-07", true},
		{"date in a sentence is no dateline", "Putin visited Beijing in June 2012 for talks with Hu.", "", false},
		{"impossible day", "February 30, 2012\n", "", false},
		{"not a month", "Page 2012\n", "", false},
		{"no date", "Just a title\n\nAnd a body sentence that has no date in it.", "", false},
		{"beyond the leading lines", strings.Repeat("Line\n", 20) + "June 7, 2012\n", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Dateline(tt.raw)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Dateline(%q) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestHeadingLike(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Economic ties", true},
		{"Introduction: overall state of the relationship", true},
		{"A New Era in China-Russia Relations?", true},
		{"The talks ended.", false},
		{"number of assumptions:", false},
		{"growing emphasis on the BRICS", false},
		{"In an interview with Sputnik, Russian political analyst Sergey Sanakoyev focused on the current level of ties", false},
		{"2014", false},
	}
	for _, tt := range tests {
		if got := headingLike(tt.s); got != tt.want {
			t.Errorf("headingLike(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// checkResult checks the invariants every Result keeps.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	end := 0
	for i, p := range r.Paragraphs {
		if p.Start < end || p.End <= p.Start || p.End > len(r.Text) {
			t.Fatalf("paragraph %d [%d,%d) out of order or bounds (text %d bytes, previous end %d)", i, p.Start, p.End, len(r.Text), end)
		}
		s := r.Text[p.Start:p.End]
		if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "\n") {
			t.Fatalf("paragraph %d %q is empty, untrimmed or wrapped", i, s)
		}
		end = p.End
	}
	if !utf8.ValidString(r.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	var parts []string
	for _, p := range r.Paragraphs {
		parts = append(parts, r.Text[p.Start:p.End])
	}
	if joined := strings.Join(parts, "\n\n"); joined != r.Text {
		t.Fatalf("text is not its paragraphs joined by blank lines")
	}
}

func FuzzText(f *testing.F) {
	f.Add(wrapped)
	f.Add("Wednesday May 27, 2020\n\nJune 7, 2012\n\nBody.\n\nLeave a Reply\n")
	f.Add("•\n\nitem one that is long enough to wrap across the line end and\ncontinue here.\n •\n\n11 of 11\n")
	f.Add("a-\nb\r\n\u00ad\f\t \u2028x")
	f.Add("For more information, please see the following:\n\nBBC – “x\n\nJane Roe\nemail: a@b.c\n")
	f.Add("Body text of the article goes on here.\n\nLeave a Reply\n\nName\fEmail\u2029\nKeep reading\nMore text of a second article follows here.\n")
	f.Fuzz(func(t *testing.T, raw string) {
		res := Text(raw)
		checkResult(t, res)
		lines := strings.Count(raw, "\n") + strings.Count(raw, "\r") + strings.Count(raw, "\u2028") + 1
		for _, r := range res.Removed {
			if r.First < 1 || r.Last < r.First || r.Last > lines {
				t.Fatalf("removal %+v outside lines 1-%d", r, lines)
			}
		}
	})
}

func FuzzDateline(f *testing.F) {
	f.Add("June 7, 2012\n")
	f.Add("Wednesday May 27, 2020\n\nJune 7, 2012\n")
	f.Add("Published: Jun. 7th, 2012 10:30 GMT")
	f.Add("2012-02-30")
	f.Add("WAGAH, Pakistan, March 1, 2019 — Pakistan returned the pilot.")
	f.Add("March 3 (Reuters) - Talks resume in 2020.")
	f.Add("(AP) — The talks resumed.\n\nBEIJING, May 8, 2015\n")
	f.Fuzz(func(t *testing.T, raw string) {
		if end, ok := WireDateline(raw); ok && (end <= 0 || end > len(raw)) {
			t.Fatalf("WireDateline(%q) ends at %d", raw, end)
		}
		iso, ok := Dateline(raw)
		if ok != (iso != "") {
			t.Fatalf("Dateline = %q, %v: ok must say whether a date was found", iso, ok)
		}
		if !ok {
			return
		}
		switch len(iso) {
		case 4, 7, 10:
		default:
			t.Fatalf("Dateline = %q: not ISO year, month or day", iso)
		}
		if _, err := isoDate(iso[:4], "", ""); err != nil {
			t.Fatalf("Dateline = %q: %v", iso, err)
		}
	})
}
