// Package pgtest starts a throwaway PostgreSQL server for tests: initdb
// into a temporary directory, pg_ctl start on a free loopback port with its
// unix socket in that directory, and a fresh database per test. It uses
// Debian's postgresql package (apt-get install postgresql). When no server
// can be started the tests that need one skip with the reason, except when
// CI or DYAD_REQUIRE_POSTGRES=1 is set: then they fail.
//
// A package whose tests use it calls Main from its TestMain, so the server
// is stopped and its directory removed when the tests end.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is one running PostgreSQL server.
type Server struct {
	dir    string // data directory and unix socket directory's parent
	bin    string // directory of initdb, pg_ctl
	port   int
	asUser *user.User // the user the server runs as when we are root
	n      atomic.Int64
}

var (
	once     sync.Once
	shared   *Server
	startErr error
)

// Main runs the tests of a package and stops the server they started, if
// any. Call it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		if err := shared.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		}
	}
	return code
}

// Required reports whether tests must fail rather than skip when no
// PostgreSQL server can be started: under CI, or DYAD_REQUIRE_POSTGRES=1.
func Required() bool {
	ci := os.Getenv("CI")
	return (ci != "" && ci != "false" && ci != "0") || os.Getenv("DYAD_REQUIRE_POSTGRES") == "1"
}

// DSN returns the address of a new, empty database on the package's
// server, starting the server on first use. It skips t (or fails it, when
// Required) when no server can be started.
func DSN(t testing.TB) string {
	t.Helper()
	once.Do(func() { shared, startErr = Start() })
	if startErr != nil {
		if Required() {
			t.Fatalf("PostgreSQL is required here (CI or DYAD_REQUIRE_POSTGRES=1) but no server could be started: %v", startErr)
		}
		t.Skipf("no PostgreSQL server could be started (apt-get install postgresql to run this test): %v", startErr)
	}
	dsn, err := shared.NewDatabase(context.Background())
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	return dsn
}

// binDir finds the directory holding initdb and pg_ctl: $PATH, else the
// newest /usr/lib/postgresql/N/bin that Debian's package installs.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb not found in $PATH or /usr/lib/postgresql/*/bin")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// Start creates a data directory and starts a server on a free loopback
// port. As root it runs initdb and the server as the "postgres" user,
// since PostgreSQL refuses to run as root.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "dyad-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.asUser = u
	}
	if err := s.start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

func (s *Server) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	if s.asUser != nil {
		uid, _ := strconv.Atoi(s.asUser.Uid)
		gid, _ := strconv.Atoi(s.asUser.Gid)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		cmd.Env = append(cmd.Env, "HOME="+s.dir, "USER=postgres")
	}
	cmd.Dir = s.dir
	return cmd
}

func (s *Server) run(name string, args ...string) error {
	out, err := s.command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(lastLines(string(out), 5)))
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func (s *Server) start() error {
	if err := s.run("initdb", "--pgdata", s.data(), "--username", "postgres", "--auth", "trust",
		"--encoding", "UTF8", "--locale", "C", "--no-sync"); err != nil {
		return err
	}
	// A port is free when we can listen on it; another process could take
	// it before the server does, so a failed start is tried on a new port.
	var err error
	for range 3 {
		if s.port, err = freePort(); err != nil {
			return err
		}
		// Durability is not what a throwaway server is for.
		opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
			s.port, s.dir)
		if err = s.run("pg_ctl", "--pgdata", s.data(), "--log", filepath.Join(s.dir, "server.log"),
			"--wait", "--timeout", "60", "-o", opts, "start"); err == nil {
			return nil
		}
	}
	if b, rerr := os.ReadFile(filepath.Join(s.dir, "server.log")); rerr == nil {
		err = fmt.Errorf("%w\nserver log: %s", err, lastLines(string(b), 5))
	}
	return err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// URL returns the address of database name on the server.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, name)
}

// NewDatabase creates an empty database and returns its address.
func (s *Server) NewDatabase(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("dyad_test_%d", s.n.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return s.URL(name), nil
}

// Stop stops the server and removes its directory.
func (s *Server) Stop() error {
	err := s.run("pg_ctl", "--pgdata", s.data(), "--mode", "immediate", "--wait", "stop")
	if rerr := os.RemoveAll(s.dir); err == nil {
		err = rerr
	}
	return err
}
