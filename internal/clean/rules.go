package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// rule is one named pattern for a kind of boilerplate. Rules are matched
// against a single trimmed line or paragraph, so a pattern describes the
// kind of text ("a comment form's login prompt"), never one site's page.
type rule struct {
	name string
	re   *regexp.Regexp
	// need is a run of letters every match contains, lower-cased when the
	// pattern ignores case (fold), so that a line without it is passed
	// over without running the pattern; empty when there is none.
	need string
	fold bool
}

func rules(pairs ...string) []rule {
	rs := make([]rule, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		r := rule{name: pairs[i], re: regexp.MustCompile(pairs[i+1])}
		r.need, r.fold = literal(pairs[i+1])
		rs = append(rs, r)
	}
	return rs
}

// literal returns the longest ASCII literal of at least four bytes that
// pattern's top-level sequence holds, and whether it is matched ignoring
// case (then lower-cased).
func literal(pattern string) (string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", false
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	need, fold := "", false
	for _, sub := range subs {
		if sub.Op != syntax.OpLiteral {
			continue
		}
		lit := string(sub.Rune)
		if len(lit) < 4 || len(lit) <= len(need) || !ascii(lit) {
			continue
		}
		need, fold = lit, sub.Flags&syntax.FoldCase != 0
		if fold {
			need = strings.ToLower(need)
		}
	}
	return need, fold
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// match reports the name of the first rule matching s.
func match(rs []rule, s string) (string, bool) {
	folded := ""
	for _, r := range rs {
		if r.need != "" {
			in := s
			if r.fold {
				if folded == "" {
					folded = foldASCII(s)
				}
				in = folded
			}
			if !strings.Contains(in, r.need) {
				continue
			}
		}
		if r.re.MatchString(s) {
			return r.name, true
		}
	}
	return "", false
}

// foldASCII lower-cases the ASCII letters of s and the two other letters
// a case-insensitive pattern matches to one (the Kelvin sign to "k", the
// long s to "s"), and keeps every other rune: a literal of ASCII letters
// ignoring case is in s exactly when its lower case is in foldASCII(s).
func foldASCII(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '\u212A':
			return 'k'
		case r == '\u017F':
			return 's'
		}
		return r
	}, s)
}

// cutMarkers start a paywall teaser or a comment form: the marker line,
// the prompts after it and what stands between them are dropped (see
// cutBoilerplate).
var cutMarkers = rules(
	"paywall teaser", `(?i)^keep reading( for free)?\b`,
	"paywall teaser", `(?i)^(to )?continue reading,? (subscribe|sign in|log in|register)\b`,
	"paywall teaser", `(?i)^get instant access to the rest of (this|the) (article|story)`,
	"paywall teaser", `(?i)^(the rest of )?this (article|story) is (only )?(available )?(to|for) (paid )?subscribers`,
	"paywall teaser", `(?i)^you('|’)ve reached your (free )?(article|story) limit`,
	"comment form", `(?i)^leave a (reply|comment)\b`,
	"comment form", `(?i)^(post|add) a comment$`,
)

// formGap is how many lines may stand between two prompts of one form and
// still belong to it: a paywall's pitch runs to several paragraphs and a
// list of benefits; a comment form has one label ("Google photo") between
// its prompts.
var formGap = map[string]int{
	"paywall teaser": 10,
	"comment form":   3,
}

// lineBoilerplate are lines dropped wherever they occur: comment-form and
// account prompts, subscription prompts, and publishing furniture.
var lineBoilerplate = rules(
	"comment form", `(?i)your email address will not be published`,
	"comment form", `(?i)^required fields are marked`,
	"comment form", `(?i)^fill in your details below or click an icon to log in`,
	"comment form", `(?i)^you are commenting using your\b.*\baccount\b`,
	"comment form", `(?i)^connecting to %s$`,
	"comment form", `(?i)this site uses akismet to reduce spam`,
	"comment form", `(?i)^notify me of (new|follow-up) (comments|posts)`,
	"comment form", `(?i)^save my name, email,? and website`,
	"subscription", `(?i)^already a subscriber\b`,
	"subscription", `(?i)^(or,? )?subscribe (now|today)\b.{0,60}$`,
	"subscription", `(?i)^what you['’]?ll get with an? .{0,40}subscription`,
	"subscription", `(?i)^and all of this is available to you when you subscribe`,
	"subscription", `(?i)^(log|sign) in here\s*\.?$`,
	"serial number", `(?i)^e?-?ISSN:?\s*\d{4}-?\d{3}[\dX]$`,
)

// pageFurniture are lines a PDF page carries around its text: page
// numbers and rule lines.
var pageFurniture = rules(
	"page x of y", `(?i)^(page\s+)?\d{1,4}\s*(of|/)\s*\d{1,4}$`,
	"page n", `(?i)^(page|p\.|pg\.?)\s*\d{1,4}$`,
	"lone page number", `^[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?$`,
	"rule line", `^[_=\-–—*~·.]{4,}$`,
)

// courseCode is a running header that starts with a course or report code
// ("IS109 Sino-Russian Relations").
var courseCode = regexp.MustCompile(`^\p{Lu}{2,5}\d{2,4}\p{Lu}?\b.{0,70}$`)

// personName is a line that is only a personal name ("Bobo Lo").
var personName = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$`)

// byline is a credit line: "By Shreya Singh", "Compiled and edited by
// Amanda Watson." Every word after "by" is capitalised or a name particle,
// so "By contrast, ..." is not a byline.
var byline = regexp.MustCompile(`^(?i:(?:(?:written|reported|compiled|edited|compiled and edited|text|photos?)\s+)?by)\s+\p{Lu}[\p{L}'’.-]*(?:,?\s+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|da|del|van|von|der|al|bin|la|le))*\.?$`)

// tailBoilerplate are paragraphs that end a page after the article: the
// publisher's "about us" blurb.
var tailBoilerplate = rules(
	"publisher blurb", `(?i)^\S.{0,120}?\b(conducts|is an?|is the|was founded as an?)\b.{0,120}?\b(independent|non-?profit|non-?partisan|not-for-profit|think[- ]tank|research (institute|organi[sz]ation|centre|center))\b`,
)

// contact marks an author's contact line ("email: ...").
var contact = regexp.MustCompile(`(?i)^e-?mail\s*:|\[email[\s\x{a0}]protected\]|[\w.+-]+@[\w-]+\.[\w.-]+`)

// linkIntro introduces a list of further reading or sources.
var linkIntro = rules(
	"see the following", `(?i)\bplease see the following\b`,
	"for more", `(?i)^for more (information|on|about)\b.{0,120}:$`,
	"further reading", `(?i)^(further|recommended|related) (reading|articles|stories|links|coverage)\s*:?$`,
	"see also", `(?i)^(see also|sources|references|read more)\s*:?$`,
)

// linkItem is one entry of a source list: a short source name, a dash and
// a quoted headline ("BBC – “Russia-China unity ...”"), or a bare URL.
var linkItem = rules(
	"source – headline", `^[^\s“”"][^“”"]{0,60}?\s*[–—-]\s*[“"]\S`,
	"url", `(?i)^(https?://|www\.)\S+$`,
)
