package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/syntax"
)

const helpVersion = `Prints dyad's module version and the VCS revision it was built from (from the
build information Go records: "go build" in a git checkout records the
revision, "go run" does not), the embedded syntax model's version and what it
was trained on, the code table versions, and the coding version every stored
document and event records (doc "coding", event_view "coding").`

func runVersion(ctx context.Context, e *env, args []string) error {
	var cfg config
	if _, err := parse(flagSet("version", &cfg), &cfg, args); err != nil {
		return err
	}
	module, revision := "(unknown)", "(not recorded: built without VCS information, as by go run)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		module = bi.Main.Path + " " + bi.Main.Version
		var rev, at, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = ", with uncommitted changes"
				}
			}
		}
		if rev != "" {
			revision = fmt.Sprintf("%s (%s%s)", rev, at, dirty)
		}
	}
	model := syntax.EmbeddedVersion()
	if m, err := syntax.Default(); err == nil {
		model += "; trained on " + m.About
	} else {
		model += "; " + err.Error()
	}
	coding, err := codingVersion(&cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "dyad %s\n", buildVersion())
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 1, ' ', 0)
	fmt.Fprintf(tw, "module:\t%s\n", module)
	fmt.Fprintf(tw, "revision:\t%s\n", revision)
	fmt.Fprintf(tw, "go:\t%s\n", runtime.Version())
	fmt.Fprintf(tw, "model:\t%s (CC BY-SA 4.0, see NOTICE)\n", model)
	fmt.Fprintf(tw, "tables:\t%s\n", cameo.Version)
	fmt.Fprintf(tw, "coding:\t%s\n", coding)
	return tw.Flush()
}
