package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/store"
)

// checkFilter checks the form of every event filter, so a mistyped filter
// stops with a usage error that shows the right form, and suggests the
// nearest known code, instead of selecting nothing.
func checkFilter(f store.Filter) error {
	if f.Dyad != "" {
		src, tgt, ok := strings.Cut(f.Dyad, "-")
		switch {
		case !ok || strings.Contains(tgt, "-"):
			return usagef("--dyad %q: want SRC-TGT, two codes joined by a hyphen, such as RUS-CHN%s", f.Dyad, oneSide(f.Dyad))
		case src == "" || tgt == "":
			return usagef("--dyad %q names one side: use --dyad RUS-CHN with both sides, or --source or --target for one", f.Dyad)
		}
		for _, side := range []string{src, tgt} {
			if err := checkActorKey("--dyad", side, true); err != nil {
				return err
			}
		}
	} else if f.Both {
		return usagef("--both matches --dyad in either direction, and there is no --dyad: add --dyad RUS-CHN")
	}
	for _, a := range []struct{ flag, v string }{{"--source", f.Source}, {"--target", f.Target}} {
		if a.v != "" {
			if err := checkActorKey(a.flag, a.v, false); err != nil {
				return err
			}
		}
	}
	if r := f.Root; r != "" {
		if c, ok := cameo.Lookup(r); !ok || c.Root != r {
			return usagef("--root %q: want a two-digit CAMEO root from 01 to 20, such as 04", r)
		}
	}
	if c := f.Code; c != "" {
		if _, ok := cameo.Lookup(c); !ok {
			hint := didYouMean(c, cameoCodes())
			if _, ok := cameo.Lookup("0" + c); ok {
				hint = fmt.Sprintf("; did you mean 0%s?", c) // codes keep their leading zero
			}
			return usagef("--code %q: want a CAMEO event code such as 04, 042 or 0431%s", c, hint)
		}
	}
	if f.Quad < 0 || f.Quad > 4 {
		return usagef("--quad %d: want 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)", f.Quad)
	}
	if p := f.PLOVER; p != "" && !slices.Contains(ploverTypes(), strings.ToUpper(p)) {
		return usagef("--plover %q: want a PLOVER event type such as CONSULT or ASSAULT%s", p, didYouMean(strings.ToUpper(p), ploverTypes()))
	}
	if m := f.Modality; m != "" {
		modalities := []string{doc.Asserted, doc.Planned, doc.Reported}
		if !slices.Contains(modalities, strings.ToLower(m)) {
			return usagef("--modality %q: want asserted, planned or reported%s", m, didYouMean(strings.ToLower(m), modalities))
		}
	}
	for _, d := range []struct{ flag, v string }{{"--since", f.Since}, {"--until", f.Until}} {
		if d.v != "" && !isoDate(d.v) {
			return usagef("%s %q: want an ISO date, 2012, 2012-06 or 2012-06-05", d.flag, d.v)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until && !strings.HasPrefix(f.Since, f.Until) {
		return usagef("--since %s is after --until %s: nothing can match", f.Since, f.Until)
	}
	if c := f.Cluster; c != "" && (len(c) != 17 || c[0] != 'c' || strings.Trim(c[1:], "0123456789abcdef") != "") {
		return usagef("--cluster %q: want a cluster id, c and 16 hex digits, as \"dyad clusters\" lists them", c)
	}
	if f.Limit < 0 {
		return usagef("--limit %d: want 0 (no limit) or more", f.Limit)
	}
	return nil
}

// oneSide adds to a --dyad error the flags for one side when the value
// is one code.
func oneSide(v string) string {
	if v == "" || strings.Contains(v, "-") {
		return ""
	}
	return fmt.Sprintf("; for one side use --source %s or --target %s", v, v)
}

// checkActorKey checks one actor code given to flag: three letters for a
// side of --dyad (a country, region or group: RUS, WST, IGO), a code
// starting with three such letters for --source and --target (RUSGOV).
func checkActorKey(flag, v string, key bool) error {
	up := strings.ToUpper(strings.TrimSpace(v))
	letters := up != "" && strings.Trim(up, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	want := "a three-letter country or group code such as RUS, CHN or IGO"
	if !key {
		want = "a country code such as RUS or an actor code such as RUSGOV"
	}
	if !letters || len(up) < 3 || (key && len(up) != 3) || !knownKeys()[up[:3]] {
		return usagef("%s: %s: want %s%s", flag, v, want, suggestActor(up))
	}
	return nil
}

// suggestActor names the code of the actor a name denotes ("RUSSIA": RUS,
// "PUTIN": RUS), else the nearest known code.
func suggestActor(v string) string {
	if k, ok := actorNames()[strings.ToLower(v)]; ok {
		return fmt.Sprintf("; did you mean %s?", k)
	}
	keys := make([]string, 0, len(knownKeys()))
	for k := range knownKeys() {
		keys = append(keys, k)
	}
	if len(v) > 3 && knownKeys()[v[:3]] {
		return "" // a known country with a role dyad may not know
	}
	return didYouMean(v, keys)
}

// actorIndex is what the embedded dictionaries say about actor codes: the
// three-letter keys events are matched on, and the key each name denotes.
type actorIndex struct {
	keys  map[string]bool
	names map[string]string
}

var actorData = sync.OnceValue(func() actorIndex {
	idx := actorIndex{keys: map[string]bool{}, names: map[string]string{}}
	lex, err := lexicon.Default()
	if err != nil {
		return idx // the lexicon tests guard the embedded data
	}
	for _, a := range lex.Actors {
		codes := []string{a.Code}
		for _, r := range a.Roles {
			codes = append(codes, r.Code)
		}
		key := ""
		for _, c := range codes {
			if len(c) >= 3 {
				idx.keys[c[:3]] = true
				if key == "" {
					key = c[:3]
				}
			}
		}
		if key == "" {
			continue
		}
		for _, n := range slices.Concat(a.Names, a.Adjectives, []string{a.Name}) {
			n = strings.ToLower(strings.TrimSuffix(n, "-"))
			if _, taken := idx.names[n]; !taken && n != "" {
				idx.names[n] = key
			}
		}
	}
	return idx
})

func knownKeys() map[string]bool    { return actorData().keys }
func actorNames() map[string]string { return actorData().names }
func ploverTypes() []string         { return ploverData() }
func cameoCodes() []string          { return codeData() }

var ploverData = sync.OnceValue(func() []string {
	var out []string
	for _, c := range cameo.Names() {
		if c.PLOVER != "" && !slices.Contains(out, c.PLOVER) {
			out = append(out, c.PLOVER)
		}
	}
	sort.Strings(out)
	return out
})

// codeData lists the CAMEO codes.
var codeData = sync.OnceValue(func() []string {
	var out []string
	for _, c := range cameo.Names() {
		out = append(out, c.Code)
	}
	return out
})

// isoDate reports whether s is an ISO 8601 calendar date at year, month
// or day precision that exists.
func isoDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// didYouMean returns "; did you mean X?" for the candidate nearest to v,
// when one is near enough to be a slip of the keyboard.
func didYouMean(v string, candidates []string) string {
	best, bestD := "", len(v)/2+1
	for _, c := range candidates {
		if len(v) >= 2 && strings.HasPrefix(c, v) && (bestD > 0 || c < best) {
			best, bestD = c, 0 // the start of a word
			continue
		}
		if d := editDistance(v, c); d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if best == "" || best == v {
		return ""
	}
	return fmt.Sprintf("; did you mean %s?", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// openReadStore opens the store of a reading command: the file must exist
// (opening would create an empty one and find nothing).
func openReadStore(ctx context.Context, dsn string) (store.Store, error) {
	if !strings.Contains(dsn, "://") {
		if _, err := os.Stat(dsn); err != nil {
			return nil, fmt.Errorf("store %s does not exist: give --db the file \"dyad ingest\" or \"dyad demo\" wrote", dsn)
		}
	}
	return openStore(ctx, dsn)
}
