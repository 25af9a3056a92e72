// Package sharedtest locates the project's shared material for tests: the
// "shared" folder beside the repository, holding specs, seeds, gold files
// and peer data. That material is read-only and never copied into the
// repository, so tests read it in place and skip when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder (the "shared" directory beside the
// repository root, found by walking up from the working directory to
// go.mod), and false when it is absent.
func Dir() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		return "", false
	}
	return shared, true
}

// Path returns the path of elem under the shared folder, and skips the test
// with a message naming the missing path when it does not exist.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	rel := filepath.ToSlash(filepath.Join(append([]string{"..", "shared"}, elem...)...))
	dir, ok := Dir()
	if !ok {
		t.Skipf("%s not found: the shared material sits beside the repository", rel)
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: the shared material sits beside the repository", rel)
	}
	return p
}
