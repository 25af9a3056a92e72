package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
)

// config is every flag a command may take, validated once.
type config struct {
	DB string
	// Queue is a NATS JetStream URL: ingest publishes to it, worker
	// consumes from it.
	Queue    string
	Manifest string
	Actors   []string
	Agents   []string
	Verbs    []string
	// NoDefaultActors uses only the --actors and --agents dictionaries,
	// not the embedded ones.
	NoDefaultActors bool
	// NoDefaultVerbs uses only the --verbs lexicons, not the embedded one.
	NoDefaultVerbs bool
	// OneSided keeps events with no target, which belong to no dyad.
	OneSided bool
	Quiet    bool
	Format   string
	Workers  int
	Out      string
	Gold     string
	Filter   store.Filter
	// Explain makes clean list what it removed instead of the text.
	Explain bool
	// MaxSize is the largest document read, in bytes; 0 means
	// ingest.DefaultMaxSize.
	MaxSize int64
}

// byteSize is a size flag: a number of bytes with an optional unit, KB, MB
// or GB (powers of 1024; KiB, MiB and GiB are the same).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(v string) error {
	s := strings.ToUpper(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<40 {
		return fmt.Errorf("want a size such as 10MB, 512KB or 2000000, got %q", v)
	}
	*b = byteSize(n * float64(mult))
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// flagSet declares the flags named in want on a new flag set for command
// name. Defaults come first, then the environment ($DYAD_DB), then flags.
func flagSet(name string, cfg *config, want ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.DB = "dyad.db"
	if v := os.Getenv("DYAD_DB"); v != "" {
		cfg.DB = v
	}
	cfg.Workers = runtime.NumCPU()
	for _, w := range want {
		switch w {
		case "db":
			fs.StringVar(&cfg.DB, "db", cfg.DB, "the store: a SQLite file path, created if missing, or postgres://user@host:5432/db ($DYAD_DB sets the default)")
		case "dbread":
			fs.StringVar(&cfg.DB, "db", cfg.DB, "the store to read: an existing SQLite file, or postgres://user@host:5432/db ($DYAD_DB sets the default)")
		case "queue":
			fs.StringVar(&cfg.Queue, "queue", "", "a NATS JetStream server, nats://host:4222: ingest queues documents there for dyad worker, which codes and stores them")
		case "manifest":
			fs.StringVar(&cfg.Manifest, "manifest", "", "JSONL or CSV manifest of inputs and their metadata")
		case "dicts":
			fs.Var((*stringList)(&cfg.Actors), "actors", "extra actor dictionary (dyad or PETRARCH format); repeatable")
			fs.Var((*stringList)(&cfg.Agents), "agents", "extra agent dictionary (dyad or PETRARCH format); repeatable")
			fs.Var((*stringList)(&cfg.Verbs), "verbs", "extra event lexicon, dyad's format or a PETRARCH verb dictionary (CAMEO.2.0.txt); repeatable")
			fs.BoolVar(&cfg.NoDefaultVerbs, "no-default-verbs", false, "use only the --verbs lexicons, not the embedded one")
			fs.BoolVar(&cfg.NoDefaultActors, "no-default-actors", false, "use only the --actors and --agents dictionaries, not the embedded ones")
			fs.BoolVar(&cfg.OneSided, "one-sided", false, "keep events with no target (they belong to no dyad)")
		case "quiet":
			fs.BoolVar(&cfg.Quiet, "quiet", false, "no progress output")
		case "format":
			fs.StringVar(&cfg.Format, "format", "", "output format, one of those the usage line names")
		case "workers":
			fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "documents coded in parallel")
		case "out":
			fs.StringVar(&cfg.Out, "out", "", "write to this file instead of standard output")
		case "explain":
			fs.BoolVar(&cfg.Explain, "explain", false, "list what was removed and why (rule, line range) instead of the text")
		case "maxsize":
			fs.Var((*byteSize)(&cfg.MaxSize), "max-size", fmt.Sprintf("refuse documents larger than this, e.g. 20MB (default %dMB)", ingest.DefaultMaxSize>>20))
		case "gold":
			fs.StringVar(&cfg.Gold, "gold", "", "folder of *.gold.jsonl files")
		case "filters":
			fs.StringVar(&cfg.Filter.Dyad, "dyad", "", "events from SRC to TGT, country or group codes: RUS-CHN")
			fs.BoolVar(&cfg.Filter.Both, "both", false, "match --dyad in either direction")
			fs.StringVar(&cfg.Filter.Source, "source", "", "events whose source is this country (RUS) or actor code (RUSGOV)")
			fs.StringVar(&cfg.Filter.Target, "target", "", "events whose target is this country (CHN) or actor code (CHNGOV)")
			fs.StringVar(&cfg.Filter.Code, "code", "", "CAMEO event code and its sub-codes: 04, 042, 0431")
			fs.StringVar(&cfg.Filter.Root, "root", "", "CAMEO root, 01 to 20: 04")
			fs.IntVar(&cfg.Filter.Quad, "quad", 0, "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
			fs.StringVar(&cfg.Filter.PLOVER, "plover", "", "PLOVER event type: CONSULT, ASSAULT")
			fs.StringVar(&cfg.Filter.Modality, "modality", "", "asserted, planned or reported")
			fs.StringVar(&cfg.Filter.Doc, "doc", "", "events of one document id")
			fs.StringVar(&cfg.Filter.Cluster, "cluster", "", "events of one cluster, by id (dyad clusters lists them)")
			fs.StringVar(&cfg.Filter.Since, "since", "", "events dated on or after this ISO date: 2012, 2012-06 or 2012-06-05")
			fs.StringVar(&cfg.Filter.Until, "until", "", "events dated up to and including this ISO date: 2014, 2014-12 or 2014-12-31")
			fs.IntVar(&cfg.Filter.Limit, "limit", 0, "at most this many events (0: all)")
		}
	}
	return fs
}

// parse parses args, allowing flags after positional arguments
// ("dyad code dir --quiet"), and returns the positional arguments.
func parse(fs *flag.FlagSet, cfg *config, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{flags: flagHelp(fs)}
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return pos, cfg.validate()
}

func (cfg *config) validate() error {
	if cfg.Workers < 1 {
		return usagef("--workers must be at least 1, got %d", cfg.Workers)
	}
	if cfg.NoDefaultVerbs && len(cfg.Verbs) == 0 {
		return usagef("--no-default-verbs needs at least one --verbs lexicon")
	}
	if cfg.NoDefaultActors && len(cfg.Actors) == 0 {
		return usagef("--no-default-actors needs at least one --actors dictionary")
	}
	return checkFilter(cfg.Filter)
}

// helpRequest is -h or --help given to a command: its help is printed to
// standard output and the exit status is 0.
type helpRequest struct{ flags string }

func (*helpRequest) Error() string { return "help requested" }

// valueNames names the values of flags in help, where the value's type
// ("string") would say less.
var valueNames = map[string]string{
	"db": "DSN", "queue": "URL", "manifest": "FILE", "actors": "FILE", "agents": "FILE", "verbs": "FILE", "out": "FILE",
	"format": "F", "gold": "DIR", "ud": "PATH", "workers": "N", "limit": "N", "n": "N", "quad": "N",
	"dyad": "SRC-TGT", "source": "CODE", "target": "CODE", "code": "CODE", "root": "NN", "plover": "TYPE",
	"modality": "M", "doc": "ID", "since": "DATE", "until": "DATE", "interval": "I",
	"addr": "HOST:PORT", "token": "TOKEN", "model": "FILE", "min-weight": "W", "label-min-weight": "W", "tag-min-weight": "W",
}

// flagHelp lists every flag of fs with its value's name and default.
func flagHelp(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		if v, ok := valueNames[f.Name]; ok {
			name = v
		}
		head := "--" + f.Name
		if name != "" {
			head += " " + strings.ToUpper(name)
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && f.DefValue != "[]" {
			usage += " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(&b, "  %-20s %s\n", head, usage)
	})
	return b.String()
}
