package sharedtest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDir(t *testing.T) {
	dir, ok := Dir()
	if !ok {
		t.Skip("../shared not found: the shared material sits beside the repository")
	}
	// go test runs in this package's folder, two below the repository root.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(wd, "..", "..", "..", "shared"); dir != want {
		t.Errorf("Dir() = %s, want %s", dir, want)
	}
}

// skipRecorder is a testing.TB whose Skipf records the message and ends the
// calling goroutine, as testing.T's does, without marking this test skipped.
type skipRecorder struct {
	testing.TB
	msg string
}

func (r *skipRecorder) Helper() {}

func (r *skipRecorder) Skipf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestPathSkipsMissing(t *testing.T) {
	r := &skipRecorder{TB: t}
	returned := false
	done := make(chan struct{})
	go func() {
		defer close(done)
		Path(r, "corpus", "no-such-thing")
		returned = true
	}()
	<-done
	if returned {
		t.Fatal("Path returned for a missing element instead of skipping")
	}
	want := "../shared/corpus/no-such-thing not found: the shared material sits beside the repository"
	if r.msg != want {
		t.Errorf("skip message %q, want %q", r.msg, want)
	}
}
