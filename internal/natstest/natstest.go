// Package natstest runs a real NATS server with JetStream inside the test
// process, on a free loopback port, keeping its streams in a temporary
// directory.
package natstest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Server is a running in-process NATS server.
type Server struct {
	*server.Server
	opts *server.Options
}

// Start starts a server for t and shuts it down when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartIn(t, t.TempDir())
}

// StartIn starts a server keeping its streams in dir, so a test can stop
// it and start another on the same data.
func StartIn(t testing.TB, dir string) *Server {
	t.Helper()
	opts := &server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  dir,
		NoLog:     true,
		NoSigs:    true,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("nats server: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		t.Fatal("nats server not ready after 10 s")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return &Server{Server: s, opts: opts}
}

// URL is the nats:// address clients connect to.
func (s *Server) URL() string { return s.ClientURL() }
