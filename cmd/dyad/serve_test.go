package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDemoServes: "dyad demo" codes the demo corpus, prints the address
// it serves the dashboard on, answers there, and stops when its context
// ends (as Ctrl-C ends it).
func TestDemoServes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"demo", "--quiet", "--db", db, "--addr", "127.0.0.1:0"}, &env{stdin: strings.NewReader(""), stdout: pw, stderr: &errb})
		pw.Close()
	}()
	addrRE := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+/)`)
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var addr string
	timeout := time.After(2 * time.Minute)
	for addr == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("demo ended without serving: %s", errb.String())
			}
			if m := addrRE.FindStringSubmatch(l); m != nil {
				addr = m[1]
			}
		case <-timeout:
			t.Fatal("demo printed no address in 2 minutes")
		}
	}
	go func() {
		for range lines {
		}
	}()
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Busiest dyads") || !strings.Contains(string(body), "<svg") {
		t.Errorf("GET %s = %d, want the overview with its chart:\n%.400s", addr, resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("demo exited %d after its context ended: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("demo did not stop within 15 s of its context ending")
	}
}
