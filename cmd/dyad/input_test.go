package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanExplain: dyad clean --explain lists each removal with its line
// range and rule, and the article after a comment form is kept (issue 10,
// item 1).
func TestCleanExplain(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "two.txt")
	text := "Russia and China signed a gas deal in Beijing on Monday, officials said.\n\n" +
		"Leave a Reply\n\nYour email address will not be published.\n\n" +
		"India and Pakistan agreed on Friday to open the Kartarpur corridor to pilgrims.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := dyad(t, "clean", file)
	if code != 0 || !strings.Contains(out, "Kartarpur corridor") || strings.Contains(out, "Leave a Reply") {
		t.Fatalf("dyad clean: exit %d, stderr %q, text:\n%s", code, stderr, out)
	}
	code, out, stderr = dyad(t, "clean", "--explain", file)
	if code != 0 {
		t.Fatalf("dyad clean --explain: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "lines 3-5") || !strings.Contains(out, "comment form") || !strings.Contains(out, "Leave a Reply") {
		t.Errorf("dyad clean --explain does not list the comment form on lines 3-5:\n%s", out)
	}
	if strings.Contains(out, "Kartarpur") {
		t.Errorf("dyad clean --explain lists kept text as removed:\n%s", out)
	}
}

// TestMaxSize: an input over --max-size is refused with one line naming
// it, and the rest of the batch is coded (issue 10, item 2).
func TestMaxSize(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a_small.txt")
	big := filepath.Join(dir, "b_big.txt")
	sentence := "Russia and China signed a gas deal in Beijing on Monday.\n\n"
	if err := os.WriteFile(small, []byte(sentence), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat(sentence, 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := dyad(t, "code", "--quiet", "--max-size", "1KB", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one input failed)", code)
	}
	var named []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, dir) {
			named = append(named, l)
		}
	}
	if len(named) != 1 || !strings.Contains(named[0], big) || !strings.Contains(named[0], "document-size limit of 1 KiB") {
		t.Errorf("stderr should name %s and the limit in one line, got:\n%s", big, stderr)
	}
	if !strings.Contains(out, `"doc":"a_small.txt"`) {
		t.Errorf("the small file was not coded:\n%s", out)
	}
	if code, _, _ := dyad(t, "code", "--max-size", "ten", small); code != exitUsage {
		t.Errorf("--max-size ten: exit %d, want %d", code, exitUsage)
	}
}
