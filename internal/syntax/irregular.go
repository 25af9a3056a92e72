package syntax

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// irregular.txt lists English irregular verbs: base, past tense and past
// participle.
//
//go:embed irregular.txt
var irregularFile []byte

// verbForms maps the past tenses and past participles of irregular verbs
// to their base forms, and says which forms are a past tense.
type verbForms struct {
	base map[string]string // past tense or participle → base form
	past map[string]bool   // past tenses ("shot", "cut", "was")
	part map[string]bool   // past participles ("shot", "sung", "been")
}

// irregular is the parsed irregular.txt; its test keeps it well formed.
var irregular = sync.OnceValue(func() *verbForms {
	v, err := readVerbForms(irregularFile)
	if err != nil {
		panic(err)
	}
	return v
})

// readVerbForms reads lines of "base past participle", variants of a
// form separated by slashes; '#' starts a comment line.
func readVerbForms(data []byte) (*verbForms, error) {
	v := &verbForms{base: map[string]string{}, past: map[string]bool{}, part: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("irregular.txt:%d: %q: want base, past tense and past participle", n, line)
		}
		for k, forms := range f[1:] {
			for _, form := range strings.Split(forms, "/") {
				if form == "" {
					return nil, fmt.Errorf("irregular.txt:%d: %q: an empty form", n, line)
				}
				if b, ok := v.base[form]; ok && b != f[0] {
					return nil, fmt.Errorf("irregular.txt:%d: %q is a form of both %q and %q", n, form, b, f[0])
				}
				v.base[form] = f[0]
				if k == 0 {
					v.past[form] = true
				} else {
					v.part[form] = true
				}
			}
		}
	}
	return v, sc.Err()
}
