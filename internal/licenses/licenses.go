// Package licenses names the license of a Go module from the license file
// in its module-cache folder, for the check (licenses_test.go) that every
// module dyad is built from is under a permissive license and that NOTICE
// lists each with its license.
package licenses

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// Permissive lists the licenses dyad accepts from the code it is built
// from: they ask for attribution and nothing of dyad's own license.
var Permissive = map[string]bool{
	"Apache-2.0": true, "MIT": true, "BSD-2-Clause": true, "BSD-3-Clause": true,
	"ISC": true, "Unlicense": true, "0BSD": true,
}

// signs tell a license by phrases of its text (compared with runs of
// space made one and case folded). The first whose phrases all occur
// names the license; copyleft licenses come first, so a text that has
// their phrases is never taken for a permissive one.
var signs = []struct {
	license string
	phrases []string
}{
	// The MPL names the GNU licenses it is compatible with, so it is told first.
	{"MPL-2.0", []string{"mozilla public license", "version 2.0"}},
	{"AGPL-3.0", []string{"gnu affero general public license"}},
	{"LGPL", []string{"gnu lesser general public license"}},
	{"GPL", []string{"gnu general public license"}},
	{"Apache-2.0", []string{"apache license", "version 2.0"}},
	{"MIT", []string{"permission is hereby granted, free of charge", "the above copyright notice and this permission notice shall be included"}},
	{"ISC", []string{"permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies"}},
	{"0BSD", []string{"permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted"}},
	{"BSD-3-Clause", []string{"redistribution and use in source and binary forms", "neither the name"}},
	{"BSD-3-Clause", []string{"redistribution and use in source and binary forms", "names of its contributors may"}},
	{"BSD-2-Clause", []string{"redistribution and use in source and binary forms", "this list of conditions and the following disclaimer"}},
	{"Unlicense", []string{"this is free and unencumbered software released into the public domain"}},
}

var space = regexp.MustCompile(`\s+`)

// Identify names the license of a license text ("MIT", "Apache-2.0"), or
// "" when it is none dyad knows.
func Identify(text string) string {
	// Comment marks and line breaks fall between words of some copies.
	t := strings.ToLower(space.ReplaceAllString(strings.NewReplacer("*", " ", "#", " ").Replace(text), " "))
	for _, s := range signs {
		all := true
		for _, p := range s.phrases {
			if !strings.Contains(t, p) {
				all = false
				break
			}
		}
		if all {
			return s.license
		}
	}
	return ""
}

// licenseFile matches the names of a module's main license file.
var licenseFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|unlicense)(\.md|\.txt)?$`)

// Module names the license of the module unpacked in dir: the license of
// its main license file (LICENSE, LICENSE.txt, COPYING...). file is that
// file's name, "" when the module has none.
func Module(dir string) (license, file string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", "", err
	}
	for _, e := range entries {
		if e.IsDir() || !licenseFile.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", e.Name(), err
		}
		return Identify(string(b)), e.Name(), nil
	}
	return "", "", nil
}

// EscapePath is a module path as the module cache spells its folder: each
// upper-case letter as "!" and the letter in lower case.
func EscapePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
