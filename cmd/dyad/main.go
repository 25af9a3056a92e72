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
	"path/filepath"
	"runtime/pprof"
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
	"ingest":  {"code documents and store them and their events", "[--db DSN | --queue URL] [--manifest M] INPUT...", helpIngest, runIngest},
	"worker":  {"take documents from a NATS JetStream queue, code and store them", "--queue URL [--db DSN] [--workers N]", helpWorker, runWorker},
	"recode":  {"code stored documents again with the current dictionaries and coder", "[--db DSN] [filters]", helpRecode, runRecode},
	"rm":      {"remove stored documents and their events", "[--db DSN] DOC...", helpRm, runRm},
	"clean":   {"print the cleaned text of one document", "FILE|URL|-", helpClean, runClean},
	"events":  {"print stored events as a table, or as data", "[--db DSN] [filters] [--format table|jsonl|csv|json]", helpEvents, runEvents},
	"export":  {"write stored events in a data format", "[--db DSN] --format jsonl|json|csv|gdelt|gdelt-mentions|plover|icews|parquet [filters] [--out FILE]", helpExport, runExport},
	"series":  {"count a dyad's events by month, quarter or year", "[--db DSN] --dyad SRC-TGT [--both] [--interval month|quarter|year] [--count clusters|events|daily] [filters] [--format table|csv|json]", helpSeries, runSeries},
	"top":     {"list the most frequent actors, dyads or event codes", "[--db DSN] actors|dyads|codes [filters] [--n N] [--count clusters|events|daily] [--format table|csv|json]", helpTop, runTop},
	"search":  {"find stored sentences by their words, with their events", "[--db DSN] [--n N] WORD...", helpSearch, runSearch},
	"eval":    {"score events against gold files", "--gold DIR [--manifest M] (EVENTS.jsonl | INPUT...) | plover FILE | parse --ud FILE [--raw] [--model FILE]", helpEval, runEval},
	"demo":    {"code the bundled demo corpus into a fresh SQLite file and serve the dashboard", "[--db FILE] [--addr HOST:PORT] [--no-serve]", helpDemo, runDemo},
	"serve":   {"serve the store as a JSON API and a dashboard", "[--db DSN] [--addr HOST:PORT] [--token T]", helpServe, runServe},
	"version": {"print dyad's version and revision, the model and the code table versions", "", helpVersion, runVersion},
	"watch":   {"poll RSS/Atom feeds and code and store new articles", "[--db DSN] [--every 15m] [--rounds N] [--feeds FILE] FEED_URL...", helpWatch, runWatch},
	"status":  {"show what the store holds, each watched feed's last success and error, and the work queue", "[--db DSN] [--queue URL [--interval D]]", helpStatus, runStatus},
	"train":   {"train the tagger, lemmatizer and parser from Universal Dependencies", "--ud DIR --out FILE [--seed N] [--names] [--tag-epochs N] [--parse-epochs N] [--folds N] [--min-weight W]", helpTrain, runTrain},
	"parse":   {"print a document's sentences tagged and parsed, as CoNLL-U", "FILE|URL|-", helpParse, runParse},
	"bench":   {"measure end-to-end ingestion speed and memory", "[--docs N] [--words W]", helpBench, runBench},

	// Clusters: the reports of one real-world event (docs/clusters.md).
	"clusters":      {"list clusters: the events that report one real-world event, with their sources", "[--db DSN] [filters] [--min-articles N] [--format table|csv|json]", helpClusters, runClusters},
	"disagreements": {"list where the reports of one event disagree: lengths, amounts, days, participants", "[--db DSN] [filters] [--format table|json]", helpDisagreements, runDisagreements},

	// Briefings and the agreement tracker (docs/brief.md).
	"brief":      {"write a sourced briefing on a dyad from its stored events", "[--db DSN] --dyad A-B [--since D] [--until D] [--format md|html] [--out FILE]", helpBrief, runBrief},
	"agreements": {"list a dyad's tracked agreements and their history", "[--db DSN] --dyad A-B [--since D] [--until D] [--format table|json]", helpAgreements, runAgreements},
}

// env is what every command gets from main: its streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	// self is how the user runs dyad, for commands printed as hints:
	// "dyad", "./dyad", or "go run ./cmd/dyad".
	self string
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
	stopProfile := startProfile(os.Getenv("DYAD_CPUPROFILE"))
	code := run(ctx, os.Args[1:], &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		log:  slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		self: selfCommand(os.Args[0]),
	})
	stop()
	stopProfile()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to file when it is
// set (the environment variable DYAD_CPUPROFILE, for developers: "go tool
// pprof" reads it), and returns what ends it.
func startProfile(file string) func() {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "dyad: DYAD_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// selfCommand says how to run dyad again, from the path it was started
// as: "go run" builds into a go-build folder of the temporary directory,
// a command found on PATH has no folder, and one started by a path
// ("./dyad", "bin/dyad") is run by that path.
func selfCommand(arg0 string) string {
	switch {
	case strings.Contains(arg0, string(filepath.Separator)+"go-build"):
		return "go run ./cmd/dyad"
	case !strings.ContainsRune(arg0, filepath.Separator):
		return "dyad"
	}
	return arg0
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
		return runHelp(ctx, e, rest)
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
	var hr *helpRequest
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &hr):
		printHelp(e.stdout, name, hr.flags)
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
		fmt.Fprintf(w, "  %-13s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"dyad help COMMAND\" for more about a command.")
}

// runHelp prints the list of commands, or one command's help: the same
// text as "dyad CMD -h".
func runHelp(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stdout)
		return exitOK
	}
	if _, ok := commands[args[0]]; !ok {
		fmt.Fprintf(e.stderr, "dyad help: unknown command %q\n", args[0])
		return exitUsage
	}
	return run(ctx, []string{args[0], "-h"}, e)
}

// printHelp prints a command's one help text: usage, summary, what it
// does, and every flag it takes.
func printHelp(w io.Writer, name, flags string) {
	cmd := commands[name]
	fmt.Fprintf(w, "usage: dyad %s %s\n\n%s\n", name, cmd.usage, cmd.summary)
	if cmd.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(cmd.help))
	}
	if flags != "" {
		fmt.Fprintf(w, "\nflags:\n%s", flags)
	}
}
