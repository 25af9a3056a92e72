// Command gen writes dyad's CAMEO code tables (../../tables/cameo.tsv and
// ../../tables/plover.tsv) from the peer data in ../shared/data/peers. It
// runs at development time only (go generate in internal/cameo); the tables
// it writes are committed and embedded, so builds never need ../shared.
//
// Facts taken: codes, names and root codes from the CAMEO codebook table of
// the icews R package; the ICEWS Goldstein values from the same table; the
// CAMEO→PLOVER category, mode and context from OEDA's CAMEO2PLOVER-2021
// table. The Phoenix Goldstein table and the text_to_CAMEO code list are
// read only to report where they disagree.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/dyad-events/dyad/internal/cameo"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type code struct {
	code, root, name string
	goldstein        float64
}

type plover struct {
	typ, mode, context, from string
}

func main() {
	shared := flag.String("shared", "../../../shared", "the shared data folder")
	out := flag.String("out", "tables", "folder to write cameo.tsv and plover.tsv into")
	flag.Parse()
	log.SetFlags(0)
	peers := filepath.Join(*shared, "data", "peers")

	codes, err := readCodebook(filepath.Join(peers, "icews-R", "cameo-codes.csv"))
	if err != nil {
		log.Fatal(err)
	}
	pl, err := readPLOVER(filepath.Join(peers, "PLOVER", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		log.Fatal(err)
	}
	report(peers, codes, pl)

	if err := writeCodes(filepath.Join(*out, "cameo.tsv"), codes); err != nil {
		log.Fatal(err)
	}
	if err := writePLOVER(filepath.Join(*out, "plover.tsv"), codes, pl); err != nil {
		log.Fatal(err)
	}
}

var codeRE = regexp.MustCompile(`^[0-9]{2,4}$`)

// readCodebook reads the icews-R codebook. The file is not valid UTF-8 in
// its description and example columns; only code, name, goldstein and
// root_code are used, and those are checked to be printable ASCII.
func readCodebook(path string) ([]code, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read codebook: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read codebook %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, h := range []string{"code", "name", "goldstein", "root_code"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("read codebook %s: no column %q", path, h)
		}
	}
	var codes []code
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read codebook %s: %w", path, err)
		}
		c := code{
			code: strings.TrimSpace(rec[col["code"]]),
			root: strings.TrimSpace(rec[col["root_code"]]),
			name: capitalise(strings.Join(strings.Fields(rec[col["name"]]), " ")),
		}
		if !codeRE.MatchString(c.code) || c.root != c.code[:2] {
			return nil, fmt.Errorf("read codebook %s: bad code %q root %q", path, c.code, c.root)
		}
		if !printableASCII(c.name) {
			return nil, fmt.Errorf("read codebook %s: code %s: name %q is not plain ASCII", path, c.code, c.name)
		}
		c.goldstein, err = strconv.ParseFloat(rec[col["goldstein"]], 64)
		if err != nil {
			return nil, fmt.Errorf("read codebook %s: code %s: goldstein: %w", path, c.code, err)
		}
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b code) int { return strings.Compare(a.code, b.code) })
	return codes, nil
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func printableASCII(s string) bool {
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return false
		}
	}
	return s != ""
}

// ploverLine is "0311: AGREE,  ,   economic # comment".
var ploverLine = regexp.MustCompile(`^([0-9]{3,4}):\s*([^#]*)`)

func readPLOVER(path string) (map[string]plover, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read PLOVER table: %w", err)
	}
	defer f.Close()
	m := map[string]plover{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		sub := ploverLine.FindStringSubmatch(sc.Text())
		if sub == nil {
			continue
		}
		parts := strings.Split(sub[2], ",")
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		p := plover{
			typ:     strings.TrimSpace(parts[0]),
			mode:    strings.TrimSpace(parts[1]),
			context: strings.Join(strings.Fields(strings.ReplaceAll(parts[2], ";", "; ")), " "),
			from:    "table",
		}
		p.context = strings.ReplaceAll(p.context, " ;", ";")
		if p.typ == "" || strings.ToUpper(p.typ) != p.typ {
			return nil, fmt.Errorf("read PLOVER table %s:%d: bad type %q", path, n, p.typ)
		}
		if old, ok := m[sub[1]]; ok && old != p {
			return nil, fmt.Errorf("read PLOVER table %s:%d: %s mapped twice, differently", path, n, sub[1])
		}
		m[sub[1]] = p
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read PLOVER table %s: %w", path, err)
	}
	return m, nil
}

// ploverFor gives a codebook code its PLOVER type. Codes the 2021 table
// lists keep its values. A two-digit root takes the value of its generic
// code (040 for 04). The table does not cover roots 01 and 02: PLOVER folds
// CAMEO's appeals (02) into REQUEST together with demands (10), so dyad maps
// 02x to REQUEST; public statements (01) have no PLOVER category and stay
// empty.
func ploverFor(c string, pl map[string]plover) plover {
	if p, ok := pl[c]; ok {
		return p
	}
	if len(c) == 2 {
		if p, ok := pl[c+"0"]; ok {
			return plover{typ: p.typ, from: "type of " + c + "0"}
		}
	}
	switch c[:2] {
	case "02":
		return plover{typ: "REQUEST", from: "dyad: appeal is REQUEST"}
	case "01":
		return plover{from: "dyad: statements have no PLOVER type"}
	}
	return plover{from: "missing"}
}

func writeCodes(path string, codes []code) error {
	var b strings.Builder
	b.WriteString(`# dyad CAMEO code table: cameo=1.1b3 goldstein=icews
#
# Written by internal/cameo/internal/gen (go generate); edit the generator, not this file.
# Facts from the CAMEO 1.1b3 codebook (Gerner, Schrodt et al.) as tabulated with ICEWS
# Goldstein values in the icews R package by Andreas Beger (github.com/andybega/icews,
# data-raw/cameo-codes.csv at commit 3746c729551f5fcb5a49f643f82638011a5fcfec, MIT license;
# content from the ICEWS Dataverse documentation, doi:10.7910/DVN/28075).
# goldstein: the ICEWS variant of the Goldstein scale (-10 conflict ... +10 cooperation).
# quad: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
#       3 verbal conflict (09-13), 4 material conflict (14-20).
#
# code	root	quad	goldstein	name
`)
	for _, c := range codes {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\t%s\n", c.code, c.root, cameo.Quad(c.root), strconv.FormatFloat(c.goldstein, 'f', 1, 64), c.name)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func writePLOVER(path string, codes []code, pl map[string]plover) error {
	var b strings.Builder
	b.WriteString(`# dyad CAMEO -> PLOVER table: plover=0.8
#
# Written by internal/cameo/internal/gen (go generate); edit the generator, not this file.
# Adapted from CAMEO2PLOVER-2021.txt, "CAMEO to PLOVER conversion table, PLOVER manual
# version Draft 0.8, 17-September-2021", edited by Philip Schrodt, in the PLOVER repository
# of the Open Event Data Alliance (github.com/openeventdata/PLOVER, file last changed in
# commit e834df5b3a302f99af1f23cda08fa34b383ca598). Copyright Open Event Data Alliance.
#
# LICENSE: this file, unlike the rest of dyad, is licensed under the Creative Commons
# Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0),
# https://creativecommons.org/licenses/by-sa/4.0/legalcode, as its source is. It is kept
# as a separate file and must not be merged into dyad's other (MIT) tables.
# Changes from the source: one row per code of the CAMEO codebook; the source's comments
# dropped; two-digit roots take the type of their generic code ("type of 040"); CAMEO 02x
# (appeals, not in the source) set to REQUEST and CAMEO 01x (statements, not in the
# source) left without a type, both marked "dyad:" in the from column.
#
# code	type	mode	context	from
`)
	for _, c := range codes {
		p := ploverFor(c.code, pl)
		if p.from == "missing" {
			return fmt.Errorf("write %s: code %s has no PLOVER row", path, c.code)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", c.code, p.typ, p.mode, p.context, p.from)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// report prints, for the record, where the other peer tables disagree with
// the codebook: Goldstein values in the Phoenix table, codes only one side
// has, and PLOVER rows for codes the codebook lacks.
func report(peers string, codes []code, pl map[string]plover) {
	have := map[string]code{}
	for _, c := range codes {
		have[c.code] = c
	}
	if f, err := os.Open(filepath.Join(peers, "phoenix_pipeline", "CAMEO.goldstein.phoenix_postprocess.tsv")); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), "\t")
			g, err := strconv.ParseFloat(v, 64)
			if !ok || err != nil {
				continue
			}
			c, in := have[k]
			switch {
			case !in:
				log.Printf("phoenix goldstein: %s (%.1f) not in codebook", k, g)
			case c.goldstein != g:
				log.Printf("phoenix goldstein: %s %q icews %.1f phoenix %.1f", k, c.name, c.goldstein, g)
			}
		}
		f.Close()
	}
	if data, err := os.ReadFile(filepath.Join(peers, "text_to_CAMEO", "CAMEO_codefile.txt")); err == nil {
		seen := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^LABELi?: ([0-9]+)=`).FindAllStringSubmatch(string(data), -1) {
			seen[m[1]] = true
			if _, in := have[m[1]]; !in {
				log.Printf("text_to_CAMEO code list: %s not in codebook", m[1])
			}
		}
		for _, c := range codes {
			if len(c.code) > 2 && !seen[c.code] {
				log.Printf("text_to_CAMEO code list lacks %s", c.code)
			}
		}
	}
	for k := range pl {
		if _, in := have[k]; !in {
			log.Printf("PLOVER table: %s not in codebook", k)
		}
	}
}
