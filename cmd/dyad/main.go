// Command dyad reads news and analysis texts and rebuilds the
// relationships between states as event data: who did what to whom, when,
// where, coded in CAMEO, stored in SQLite, exported in the event-record
// contract. Run "dyad help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit statuses, as ../shared/spec/cli.md fixes them.
const (
	exitOK      = 0
	exitPartial = 1 // some inputs failed
	exitUsage   = 2
)

// command is one subcommand.
type command struct {
	summary string
	usage   string // the rest of the usage line after "dyad NAME"
	help    string // more text for "dyad help NAME"
	run     func(ctx context.Context, env *env, args []string) error
}

// commands is the subcommand table.
var commands = map[string]command{
	"code":    {"code documents and write event records to standard output", "[--manifest M] [--format jsonl|csv|json] INPUT...", helpCode, runCode},
	"ingest":  {"code documents and store them and their events", "[--db DSN] [--manifest M] INPUT...", helpIngest, runIngest},
	"clean":   {"print the cleaned text of one document", "FILE|URL|-", helpClean, runClean},
	"events":  {"print stored events as a table, or as data", "[--db DSN] [--dyad SRC-TGT] [--root 04] [--since 2012-01] [--format table|jsonl|csv|json]", helpEvents, runEvents},
	"export":  {"write stored events in a data format", "[--db DSN] --format jsonl|csv|json [filters] [--out FILE]", helpExport, runExport},
	"eval":    {"score events against gold files", "--gold DIR [--manifest M] (EVENTS.jsonl | INPUT...) | plover FILE | parse --ud FILE [--raw]", helpEval, runEval},
	"demo":    {"code the bundled demo corpus into a fresh SQLite file", "[--db FILE]", helpDemo, runDemo},
	"version": {"print dyad's version and code table versions", "", "", runVersion},
	"train":   {"train the tagger, lemmatizer and parser from Universal Dependencies", "--ud DIR --out FILE [--seed N] [--names] [--tag-epochs N] [--parse-epochs N] [--folds N]", helpTrain, runTrain},
	"parse":   {"print a document's sentences tagged and parsed, as CoNLL-U", "FILE|URL|-", helpParse, runParse},
	"bench":   {"measure end-to-end ingestion speed and memory", "[--docs N] [--words W]", helpBench, runBench},
}

// env is what every command gets from main: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

// usageError is wrong use of a command: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// partialError means some inputs failed and the rest were handled: exit 1.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	stop()
	os.Exit(code)
}

// run dispatches args to a command and maps its error to an exit status.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		printUsage(e.stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help", "-help":
		return runHelp(e, rest)
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad: unknown command %q\n\n", name)
		printUsage(e.stderr)
		return exitUsage
	}
	err := cmd.run(ctx, e, rest)
	var ue *usageError
	var pe *partialError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "dyad %s: %s\nusage: dyad %s %s\n", name, ue.msg, name, cmd.usage)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(e.stderr, "dyad %s: %v\n", name, err)
		return exitPartial
	default:
		fmt.Fprintf(e.stderr, "dyad %s: %v\n", name, err)
		return exitPartial
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "dyad codes political events (who did what to whom, when) from news and analysis texts.")
	fmt.Fprintln(w, "\nusage: dyad COMMAND [flags] [inputs]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"dyad help COMMAND\" for more about a command.")
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stdout)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad help: unknown command %q\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "usage: dyad %s %s\n\n%s\n", args[0], cmd.usage, cmd.summary)
	if cmd.help != "" {
		fmt.Fprintf(e.stdout, "\n%s\n", strings.TrimSpace(cmd.help))
	}
	return exitOK
}
