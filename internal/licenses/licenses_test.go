package licenses

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the Go modules section of NOTICE")

const (
	root          = "../.."
	modulesHeader = "Go modules\n----------\n"
)

type module struct {
	path, version, license string
	built                  bool // compiled into dyad's commands or tests
}

// TestModuleLicenses checks every module of go.sum against its license
// file in the module cache (after "go mod download"; no network): each
// one compiled into dyad or its tests is under a permissive license, and
// NOTICE lists every module with its license.
func TestModuleLicenses(t *testing.T) {
	cache := moduleCache(t)
	built := builtModules(t)
	var mods []module
	for _, m := range goSum(t) {
		dir := filepath.Join(cache, EscapePath(m.path)+"@"+m.version)
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("%s %s is not in the module cache %s: run go mod download", m.path, m.version, cache)
			continue
		}
		lic, file, err := Module(dir)
		if err != nil {
			t.Errorf("%s %s: %v", m.path, m.version, err)
			continue
		}
		m.built = built[m.path]
		switch {
		case lic == "" && file == "":
			m.license = "none"
		case lic == "":
			m.license = "unknown"
		default:
			m.license = lic
		}
		if m.built && !Permissive[lic] {
			t.Errorf("%s %s is compiled into dyad and its license (%s, %s) is not a known permissive one",
				m.path, m.version, m.license, filepath.Join(dir, file))
		}
		mods = append(mods, m)
	}
	if len(mods) < 30 {
		t.Fatalf("only %d modules read from go.sum", len(mods))
	}

	b, err := os.ReadFile(filepath.Join(root, "NOTICE"))
	if err != nil {
		t.Fatal(err)
	}
	notice := string(b)
	head, listed, ok := strings.Cut(notice, modulesHeader)
	if !ok {
		t.Fatalf("NOTICE has no section %q", modulesHeader)
	}
	want := render(mods)
	if *update {
		if err := os.WriteFile(filepath.Join(root, "NOTICE"), []byte(head+modulesHeader+want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if listed != want {
		have := strings.Split(listed, "\n")
		for _, line := range strings.Split(want, "\n") {
			if !slices.Contains(have, line) {
				t.Errorf("NOTICE lacks the line %q", line)
			}
		}
		t.Errorf("NOTICE's Go modules section differs from go.sum and the license files: go test ./internal/licenses -update rewrites it")
	}
}

// render writes the Go modules section of NOTICE.
func render(mods []module) string {
	var b strings.Builder
	b.WriteString(`dyad is compiled from these Go modules (go.sum), each under the permissive
license named. Each license's full text is in the module's source: the
LICENSE file of its folder in the Go module cache ("go env GOMODCACHE").
Modules go.sum names only by their go.mod are never downloaded or built and
are not listed. "go test ./internal/licenses" checks this list against go.sum
and the license files; "go test ./internal/licenses -update" rewrites it.

`)
	for _, m := range mods {
		if m.built {
			fmt.Fprintf(&b, "  %s %s %s\n", m.path, m.version, m.license)
		}
	}
	b.WriteString(`
These modules are in go.sum only because the tests of dyad's dependencies
use them; they are not compiled into dyad or its tests, and the check above
holds that:

`)
	for _, m := range mods {
		if !m.built {
			fmt.Fprintf(&b, "  %s %s %s\n", m.path, m.version, m.license)
		}
	}
	return b.String()
}

// goSum lists the modules whose source go.sum holds a hash of (not only
// their go.mod), in go.sum's order.
func goSum(t *testing.T) []module {
	f, err := os.Open(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var mods []module
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 || strings.HasSuffix(fields[1], "/go.mod") {
			continue
		}
		mods = append(mods, module{path: fields[0], version: fields[1]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return mods
}

func moduleCache(t *testing.T) string {
	if c := os.Getenv("GOMODCACHE"); c != "" {
		return c
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// builtModules lists the modules of the packages dyad's packages and
// their tests import, as "go list" reads them from the module cache.
func builtModules(t *testing.T) map[string]bool {
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", "{{with .Module}}{{.Path}}{{end}}", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list -deps -test ./...: %v\n%s", err, stderr)
	}
	built := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		built[p] = true
	}
	if !built["modernc.org/sqlite"] {
		t.Fatalf("go list does not name modernc.org/sqlite among dyad's modules: %q", out)
	}
	return built
}

func TestIdentify(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"MIT License\n\nCopyright (c) 2020 X\n\nPermission is hereby granted, free of charge, to any person\nobtaining a copy ... The above copyright notice and this permission\nnotice shall be included in all copies.", "MIT"},
		{"                                 Apache License\n                           Version 2.0, January 2004", "Apache-2.0"},
		{"Redistribution and use in source and binary forms, with or without\nmodification, are permitted ... * Neither the name of Google Inc. nor the names", "BSD-3-Clause"},
		{"Redistribution and use in source and binary forms, with or without modification, are permitted provided that: 1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.", "BSD-2-Clause"},
		{"ISC License\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted, provided that the above\ncopyright notice and this permission notice appear in all copies.", "ISC"},
		{"Mozilla Public License, version 2.0 ... \"Secondary License\" means either the GNU General Public License, Version 2.0, the GNU Lesser General Public License, Version 2.1, the GNU Affero General Public License", "MPL-2.0"},
		{"GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007", "GPL"},
		{"All rights reserved.", ""},
	} {
		if got := Identify(tc.text); got != tc.want {
			t.Errorf("Identify(%.40q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	if got := EscapePath("github.com/RadhiFadlillah/whatlanggo"); got != "github.com/!radhi!fadlillah/whatlanggo" {
		t.Errorf("EscapePath = %q", got)
	}
}
