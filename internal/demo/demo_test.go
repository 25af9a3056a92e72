package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

type manifestRow struct {
	Path      string `json:"path"`
	ID        string `json:"id"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Source    string `json:"source"`
}

func readManifest(t *testing.T) []manifestRow {
	t.Helper()
	data, err := fs.ReadFile(Corpus(), ManifestName)
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	var rows []manifestRow
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var r manifestRow
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("manifest line %d: %v", n, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan manifest: %v", err)
	}
	return rows
}

func articleNames(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(Corpus(), "*.txt")
	if err != nil {
		t.Fatalf("glob corpus: %v", err)
	}
	return names
}

func readArticle(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(Corpus(), name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(data)
}

func TestManifestMatchesFiles(t *testing.T) {
	rows := readManifest(t)
	listed := map[string]bool{}
	ids := map[string]bool{}
	for _, r := range rows {
		if r.Path == "" || r.ID == "" || r.Title == "" || r.Source == "" {
			t.Errorf("row %+v: path, id, title and source must all be set", r)
		}
		if path.Base(r.Path) != r.Path {
			t.Errorf("row %s: path must name a file in the corpus folder", r.Path)
		}
		if listed[r.Path] {
			t.Errorf("path %s listed twice", r.Path)
		}
		listed[r.Path] = true
		if ids[r.ID] {
			t.Errorf("id %s used twice", r.ID)
		}
		ids[r.ID] = true
		text := readArticle(t, r.Path)
		if headline, _, _ := strings.Cut(text, "\n"); headline != r.Title {
			t.Errorf("%s: manifest title %q, headline %q", r.Path, r.Title, headline)
		}
	}
	names := articleNames(t)
	for _, name := range names {
		if !listed[name] {
			t.Errorf("%s is not in the manifest", name)
		}
	}
	if len(names) < 16 {
		t.Errorf("corpus has %d articles, want at least 16", len(names))
	}
}

func TestPublishedDates(t *testing.T) {
	for _, r := range readManifest(t) {
		pub, err := time.Parse(time.DateOnly, r.Published)
		if err != nil {
			t.Errorf("%s: published %q is not an ISO date: %v", r.Path, r.Published, err)
			continue
		}
		if pub.Year() < 1990 || pub.After(time.Now()) {
			t.Errorf("%s: published %s out of range", r.Path, r.Published)
		}
		dl, err := datelineDate(readArticle(t, r.Path))
		if err != nil {
			t.Errorf("%s: %v", r.Path, err)
			continue
		}
		// The brief allows the event's date or the day after.
		if !dl.Equal(pub) && !dl.AddDate(0, 0, 1).Equal(pub) {
			t.Errorf("%s: dateline %s, published %s", r.Path, dl.Format(time.DateOnly), r.Published)
		}
	}
}

// datelineRE matches wire datelines such as "MOSCOW, March 22, 2013 —" and
// "WAGAH, Pakistan, March 1, 2019 —" (AP month abbreviations).
var datelineRE = regexp.MustCompile(`^[A-Z][A-Z.' -]+(?:, [A-Z][A-Za-z ]+)?, (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) (\d{1,2}), (\d{4}) — \S`)

var apMonths = map[string]time.Month{
	"Jan.": time.January, "Feb.": time.February, "March": time.March, "April": time.April,
	"May": time.May, "June": time.June, "July": time.July, "Aug.": time.August,
	"Sept.": time.September, "Oct.": time.October, "Nov.": time.November, "Dec.": time.December,
}

func datelineDate(text string) (time.Time, error) {
	paras := strings.Split(text, "\n\n")
	if len(paras) < 2 {
		return time.Time{}, errNoDateline
	}
	m := datelineRE.FindStringSubmatch(paras[1])
	if m == nil {
		return time.Time{}, errNoDateline
	}
	return time.Parse("2006 January 2", m[3]+" "+apMonths[m[1]].String()+" "+m[2])
}

var errNoDateline = errors.New("second paragraph does not start with a dateline like \"MOSCOW, March 22, 2013 —\"")

func TestArticleShape(t *testing.T) {
	for _, name := range articleNames(t) {
		text := readArticle(t, name)
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			t.Errorf("%s: want UTF-8 text with LF line endings", name)
		}
		if !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") {
			t.Errorf("%s: want exactly one trailing newline", name)
		}
		paras := strings.Split(strings.TrimSuffix(text, "\n"), "\n\n")
		if strings.Contains(paras[0], "\n") {
			t.Errorf("%s: headline must be a single line followed by a blank line", name)
		}
		// Headline, dateline paragraph, then 3–6 more paragraphs.
		if body := len(paras) - 2; body < 3 || body > 6 {
			t.Errorf("%s: %d paragraphs after the dateline, want 3-6", name, body)
		}
		for i, p := range paras {
			if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
				t.Errorf("%s: paragraph %d is not a single trimmed line", name, i)
			}
		}
		if _, err := datelineDate(text); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if n := len(strings.Fields(text)); n < 150 || n > 400 {
			t.Errorf("%s: %d words, want 150-400", name, n)
		}
	}
}

// allowedQuotes are the only phrases put in quotation marks: widely reported wording, not
// invented quotes. Everything officials said is paraphrased and attributed.
var allowedQuotes = []string{"no limits", "forbidden", "special military operation", "no war, no peace"}

func TestNoInventedQuotes(t *testing.T) {
	quoted := regexp.MustCompile(`"([^"]*)"|“([^”]*)”`)
	for _, name := range articleNames(t) {
		for _, m := range quoted.FindAllStringSubmatch(readArticle(t, name), -1) {
			q := m[1] + m[2]
			if !slices.Contains(allowedQuotes, q) {
				t.Errorf("%s: quotation %q is not in the allowed list", name, q)
			}
		}
	}
}

// countryNames gives, per country code, the name that must appear in an article about it.
var countryNames = map[string]string{
	"CHN": "China", "RUS": "Russia", "USA": "United States", "IRN": "Iran",
	"IND": "India", "PAK": "Pakistan", "PRK": "North Korea", "UKR": "Ukraine",
	"CUB": "Cuba", "ETH": "Ethiopia", "ERI": "Eritrea", "SAU": "Saudi Arabia",
	"QAT": "Qatar", "GBR": "Britain", "JPN": "Japan", "ISR": "Israel",
	"ARE": "United Arab Emirates",
}

// articleDyads is the principal pair of states in each article.
var articleDyads = map[string][2]string{
	"01_xi-moscow-visit.txt":             {"CHN", "RUS"},
	"02_gazprom-cnpc-gas-deal.txt":       {"RUS", "CHN"},
	"03_putin-xi-no-limits.txt":          {"RUS", "CHN"},
	"04_jcpoa-vienna.txt":                {"IRN", "USA"},
	"05_trump-withdraws-jcpoa.txt":       {"USA", "IRN"},
	"06_soleimani-killed.txt":            {"USA", "IRN"},
	"07_iran-missiles-ain-al-asad.txt":   {"IRN", "USA"},
	"08_pulwama-attack.txt":              {"IND", "PAK"},
	"09_balakot-airstrike.txt":           {"IND", "PAK"},
	"10_abhinandan-released.txt":         {"PAK", "IND"},
	"11_kartarpur-corridor.txt":          {"IND", "PAK"},
	"12_singapore-summit.txt":            {"USA", "PRK"},
	"13_hanoi-summit.txt":                {"USA", "PRK"},
	"14_crimea-annexation-treaty.txt":    {"RUS", "UKR"},
	"15_minsk-ii.txt":                    {"RUS", "UKR"},
	"16_russia-invades-ukraine.txt":      {"RUS", "UKR"},
	"17_us-cuba-embassies.txt":           {"USA", "CUB"},
	"18_obama-havana-visit.txt":          {"USA", "CUB"},
	"19_ethiopia-eritrea-peace.txt":      {"ETH", "ERI"},
	"20_gulf-states-cut-qatar-ties.txt":  {"SAU", "QAT"},
	"21_al-ula-declaration.txt":          {"SAU", "QAT"},
	"22_uk-expels-russian-diplomats.txt": {"GBR", "RUS"},
	"23_japan-buys-senkaku-islands.txt":  {"JPN", "CHN"},
	"24_china-anti-japan-protests.txt":   {"CHN", "JPN"},
	"25_abraham-accords.txt":             {"ISR", "ARE"},
}

func TestDyads(t *testing.T) {
	names := articleNames(t)
	dyads := map[[2]string]bool{}
	for _, name := range names {
		pair, ok := articleDyads[name]
		if !ok {
			t.Errorf("%s has no entry in articleDyads", name)
			continue
		}
		text := readArticle(t, name)
		for _, code := range pair {
			country, ok := countryNames[code]
			if !ok {
				t.Fatalf("%s: no name for country %s", name, code)
			}
			if !strings.Contains(text, country) {
				t.Errorf("%s: %q (%s) does not appear in the text", name, country, code)
			}
		}
		key := pair
		if key[0] > key[1] {
			key[0], key[1] = key[1], key[0]
		}
		dyads[key] = true
	}
	for name := range articleDyads {
		if !slices.Contains(names, name) {
			t.Errorf("articleDyads names %s, which is not in the corpus", name)
		}
	}
	if len(dyads) < 7 {
		t.Errorf("corpus covers %d distinct dyads, want at least 7", len(dyads))
	}
}

func TestReadme(t *testing.T) {
	data, err := fs.ReadFile(Corpus(), "README.md")
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	for _, want := range []string{"original summaries written for dyad", "not copied", "CC0"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}

func TestExtractRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "demo")
	for round := range 2 { // the second round overwrites the first
		manifest, err := Extract(dir)
		if err != nil {
			t.Fatalf("round %d: Extract: %v", round, err)
		}
		if want := filepath.Join(dir, ManifestName); manifest != want {
			t.Errorf("round %d: manifest path %s, want %s", round, manifest, want)
		}
		files := 0
		err = fs.WalkDir(Corpus(), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files++
			want, err := fs.ReadFile(Corpus(), name)
			if err != nil {
				return err
			}
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				return err
			}
			if !bytes.Equal(got, want) {
				t.Errorf("round %d: %s differs after extraction", round, name)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("round %d: compare: %v", round, err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatalf("read %s: %v", dir, err)
		}
		if len(entries) != files {
			t.Errorf("round %d: %d entries extracted, corpus has %d files", round, len(entries), files)
		}
	}
}

func TestExtractFailsOnFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Extract(file)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != file {
		t.Errorf("Extract into a regular file: err = %v, want a path error for %s", err, file)
	}
}

func BenchmarkExtract(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if _, err := Extract(dir); err != nil {
			b.Fatal(err)
		}
	}
}
