package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// kind is how an input's bytes are to be read.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
)

// sniffLen is how much of an input sniff looks at.
const sniffLen = 1024

// sniff looks at the first markup of b, past any BOM, white space, XML
// declarations, comments and non-HTML doctypes, and says whether it opens
// an HTML page or a feed. Anything else is text.
func sniff(b []byte) kind {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if len(b) == 0 || b[0] != '<' {
			return kindText
		}
		lower := bytes.ToLower(b[:min(len(b), 16)])
		switch {
		case bytes.HasPrefix(lower, []byte("<!doctype html")), hasTag(lower, "<html"):
			return kindHTML
		case hasTag(lower, "<rss"), hasTag(lower, "<feed"), hasTag(lower, "<rdf:rdf"):
			return kindFeed
		case bytes.HasPrefix(lower, []byte("<?")):
			b = skipPast(b, "?>")
		case bytes.HasPrefix(lower, []byte("<!--")):
			b = skipPast(b, "-->")
		case bytes.HasPrefix(lower, []byte("<!")):
			b = skipPast(b, ">")
		default:
			// Some other element first: an HTML fragment such as a
			// page without <html>, if it is any known HTML tag.
			if htmlFragment(lower) {
				return kindHTML
			}
			return kindText
		}
		if b == nil {
			return kindText
		}
	}
}

// hasTag reports whether b starts with the tag name opener followed by the
// end of the name.
func hasTag(b []byte, opener string) bool {
	if !bytes.HasPrefix(b, []byte(opener)) {
		return false
	}
	if len(b) == len(opener) {
		return true
	}
	switch b[len(opener)] {
	case ' ', '>', '\t', '\r', '\n', '/':
		return true
	}
	return false
}

func htmlFragment(lower []byte) bool {
	for _, t := range []string{"<head", "<body", "<meta", "<title", "<article"} {
		if hasTag(lower, t) {
			return true
		}
	}
	return false
}

func skipPast(b []byte, end string) []byte {
	i := bytes.Index(b, []byte(end))
	if i < 0 {
		return nil
	}
	return b[i+len(end):]
}

// kindOf decides how to read an input: feeds by content or name first,
// then the HTTP content type, then the file extension, then sniffing.
func kindOf(src input, raw []byte) kind {
	sniffed := sniff(raw)
	if sniffed == kindFeed {
		return kindFeed
	}
	if src.contentType != "" {
		mt, _, _ := mime.ParseMediaType(src.contentType)
		switch {
		case mt == "text/html" || mt == "application/xhtml+xml":
			return kindHTML
		case mt == "text/plain":
			return kindText
		case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || mt == "application/rdf+xml":
			return kindFeed
		}
	}
	switch strings.ToLower(src.ext) {
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".rss", ".atom":
		return kindFeed
	}
	return sniffed
}

// decodeText returns raw as UTF-8 text and, when raw was not UTF-8, the
// encoding it was read as ("UTF-16LE", "Windows-1252", ...) and why:
//
//   - a byte-order mark names UTF-8 or UTF-16; a UTF-8 BOM is dropped and
//     invalid bytes after it become U+FFFD;
//   - UTF-16 without a mark shows as NUL bytes in every other position;
//   - valid UTF-8 is UTF-8, and so is text whose valid multi-byte
//     sequences outnumber its invalid bytes (a damaged UTF-8 file), with
//     the invalid bytes made U+FFFD;
//   - anything else is a legacy 8-bit encoding: Windows-1252 when it uses
//     the bytes 0x80–0x9F, which hold its curly quotes and dashes and are
//     control characters in ISO-8859-1 (Latin-1); ISO-8859-1 otherwise.
//
// Binary content gives ErrBinary, and nothing but white space ErrEmpty.
func decodeText(raw []byte) (text, assumed string, err error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(raw, utf8BOM):
		raw = raw[len(utf8BOM):]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		enc, assumed = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE (byte-order mark)"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc, assumed = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE (byte-order mark)"
	default:
		if e := utf16Order(raw); e != "" {
			order := unicode.LittleEndian
			if e == "UTF-16BE" {
				order = unicode.BigEndian
			}
			enc, assumed = unicode.UTF16(order, unicode.IgnoreBOM), e+" (no byte-order mark)"
		} else if !mostlyUTF8(raw) {
			if highShare(raw) > 0.3 {
				// Prose in Latin-1 or Windows-1252 is mostly ASCII.
				return "", "", fmt.Errorf("%w: not UTF-8, UTF-16, Latin-1 or Windows-1252 text", ErrBinary)
			}
			enc, assumed = charmap.ISO8859_1, "ISO-8859-1 (Latin-1; not valid UTF-8)"
			if usesC1(raw) {
				enc, assumed = charmap.Windows1252, "Windows-1252 (not valid UTF-8)"
			}
		}
	}
	if enc != nil {
		if raw, err = enc.NewDecoder().Bytes(raw); err != nil {
			return "", "", fmt.Errorf("decode %s: %w", assumed, err)
		}
	}
	if isBinary(raw) {
		return "", "", ErrBinary
	}
	text = strings.ToValidUTF8(string(raw), "\uFFFD")
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmpty
	}
	return text, assumed, nil
}

// utf16Order says whether b looks like UTF-16 without a byte-order mark:
// "UTF-16LE" when most odd bytes of its start are NUL and few even ones
// (Latin letters are one byte and a NUL), "UTF-16BE" the other way round,
// else "".
func utf16Order(b []byte) string {
	sample := b[:min(len(b), 4<<10)&^1]
	if len(sample) < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	pairs := len(sample) / 2
	switch {
	case odd*10 > pairs*4 && even*20 < pairs:
		return "UTF-16LE"
	case even*10 > pairs*4 && odd*20 < pairs:
		return "UTF-16BE"
	}
	return ""
}

// mostlyUTF8 reports whether b is UTF-8: valid, or with more valid
// multi-byte sequences than invalid bytes.
func mostlyUTF8(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	multi, bad := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		b = b[n:]
	}
	return multi > bad
}

// highShare is the share of bytes from 0x80 up in the start of b.
func highShare(b []byte) float64 {
	sample := b[:min(len(b), 8<<10)]
	if len(sample) == 0 {
		return 0
	}
	n := 0
	for _, c := range sample {
		if c >= 0x80 {
			n++
		}
	}
	return float64(n) / float64(len(sample))
}

// usesC1 reports whether b holds a byte from 0x80 to 0x9F.
func usesC1(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 && c <= 0x9F {
			return true
		}
	}
	return false
}

// isBinary reports whether b looks like something other than text: a NUL
// byte in the first 8 KiB, or more than 30% of that sample invalid UTF-8
// or control characters.
func isBinary(b []byte) bool {
	sample := b[:min(len(b), 8<<10)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	var bad, total int
	for len(sample) > 0 {
		r, n := utf8.DecodeRune(sample)
		total++
		switch {
		case r == utf8.RuneError && n == 1:
			// A rune cut off at the end of the sample is not evidence.
			if len(sample) < utf8.UTFMax && len(b) > len(sample) {
				return bad*10 > total*3
			}
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b:
			bad++
		}
		sample = sample[n:]
	}
	return bad*10 > total*3
}

// parseDate reads a publication date and returns it as ISO 8601 to the
// precision given: "2012", "2012-06" or "2012-06-07". A date with a time
// (RFC 3339, or a space before the time) is reduced to its date as written,
// without converting time zones. Slashes are accepted for hyphens.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	d := strings.ReplaceAll(s, "/", "-")
	if len(d) > 10 && (d[10] == 'T' || d[10] == 't' || d[10] == ' ') {
		if len(d) > 11 && !validTime(d[11:]) {
			return "", false
		}
		d = d[:10]
	}
	switch len(d) {
	case 4:
		if y, err := strconv.Atoi(d); err == nil && y >= 1000 && d[0] != '+' && d[0] != '-' {
			return d, true
		}
	case 7:
		if _, err := time.Parse("2006-01", d); err == nil {
			return d, true
		}
	case 10:
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d, true
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// validTime accepts the time part of an RFC 3339 or "date time" stamp:
// digits, colons, a fraction and a zone.
func validTime(t string) bool {
	if len(t) < 2 || t[0] < '0' || t[0] > '9' {
		return false
	}
	for _, c := range t {
		if !strings.ContainsRune("0123456789:.+-Zz ", c) && !(c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
