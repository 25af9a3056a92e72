package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/dyad-events/dyad/internal/server"
	"github.com/dyad-events/dyad/internal/store"
)

const helpServe = `Serves the store as a JSON API (described at /api/openapi.json) and a
dashboard: overview, dyad explorer, events, event pages with their
sentence in its document and their cluster's other reports and
disagreements, a dyad's brief (/brief/RUS-CHN), document reader, actor
network and search. --db is a SQLite file or a PostgreSQL database
(postgres://…), which the API answers alike. Series and rankings count clusters unless count=
says events or daily, as "dyad series" and "dyad top" do. It listens on 127.0.0.1:8080 unless --addr says otherwise, and is
read-only unless --token (or $DYAD_TOKEN) is set: then POST /api/documents
with "Authorization: Bearer TOKEN" ingests an article. Ctrl-C stops it,
letting requests in flight finish.`

// serveFlags are the flags of serve and demo.
type serveFlags struct {
	addr  string
	token string
}

func (sf *serveFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&sf.addr, "addr", "127.0.0.1:8080", "the address to listen on; another host than 127.0.0.1 exposes the store to the network")
	fs.StringVar(&sf.token, "token", os.Getenv("DYAD_TOKEN"), "a secret that admits ingestion through POST /api/documents ($DYAD_TOKEN sets the default; none: read-only)")
}

func runServe(ctx context.Context, e *env, args []string) error {
	var cfg config
	var sf serveFlags
	fs := flagSet("serve", &cfg, "dbread", "dicts")
	sf.declare(fs)
	pos, err := parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments (got %q)", pos[0])
	}
	st, err := openReadStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	return serve(ctx, e, &cfg, st, sf)
}

// serve serves st on sf.addr until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, e *env, cfg *config, st store.Store, sf serveFlags) error {
	sst, ok := st.(server.Store)
	if !ok {
		return fmt.Errorf("store %s: this backend cannot be served (it keeps no sentences to read)", cfg.DB)
	}
	scfg := server.Config{Token: sf.token, Log: e.log}
	if sf.token != "" {
		c, err := newCoder(e, cfg)
		if err != nil {
			return err
		}
		scfg.Code = c.code
	}
	// Fresh planner statistics make pages of a large store quick.
	if a, ok := st.(interface{ Analyze(context.Context) error }); ok {
		if err := a.Analyze(ctx); err != nil {
			fmt.Fprintf(e.stderr, "dyad serve: %v (pages of a large store may be slow)\n", err)
		}
	}
	h, err := server.New(sst, scfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return usagef("--addr %s: %v", sf.addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Exports stream for as long as they need; a page is quick.
		WriteTimeout:   5 * time.Minute,
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 64 << 10,
		BaseContext:    func(net.Listener) context.Context { return ctx },
	}
	mode := "read-only"
	if sf.token != "" {
		mode = "ingestion open to the token"
	}
	addr := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "dyad serve: %s on %s (%s); Ctrl-C stops\n", cfg.DB, addr, mode)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", sf.addr, err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "dyad serve: stopped")
	return nil
}
