// Package demo bundles a small corpus of original news-style articles about
// well-documented events between pairs of states, with a manifest in the
// format `dyad --manifest` reads, so that `dyad demo` and tests have realistic
// input without network access or files from the working directory.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ManifestName is the file name of the manifest inside the corpus.
const ManifestName = "manifest.jsonl"

//go:embed corpus
var embedded embed.FS

// Corpus is the demo articles and their manifest.jsonl.
func Corpus() fs.FS {
	sub, err := fs.Sub(embedded, "corpus")
	if err != nil {
		// fs.Sub fails only for an invalid directory name, and "corpus" is a
		// constant that go:embed has already checked.
		panic(fmt.Sprintf("demo: sub corpus: %v", err))
	}
	return sub
}

// Extract writes the corpus into dir (creating it) and returns the path of the manifest there.
// Existing files with the same names are overwritten, so extracting twice into one directory is
// harmless.
func Extract(dir string) (manifest string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("extract demo corpus to %s: %w", dir, err)
	}
	src := Corpus()
	err = fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("extract demo corpus to %s: %w", dir, err)
	}
	return filepath.Join(dir, ManifestName), nil
}
