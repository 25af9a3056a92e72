package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/pipeline"
	"github.com/dyad-events/dyad/internal/store"
)

// docCoder codes documents and stamps each one and its events with their
// provenance: what coded them, and where the document came from.
type docCoder struct {
	p      *pipeline.Pipeline
	coding string
}

func newCoder(e *env, cfg *config) (*docCoder, error) {
	p, err := newPipeline(e, cfg)
	if err != nil {
		return nil, err
	}
	coding, err := codingVersion(cfg)
	if err != nil {
		return nil, err
	}
	return &docCoder{p: p, coding: coding}, nil
}

// code runs the pipeline on d and stamps d and its events.
func (c *docCoder) code(ctx context.Context, d *doc.Document) ([]doc.Event, error) {
	evs, err := c.p.Process(ctx, d)
	if err != nil {
		return nil, err
	}
	d.Coding = c.coding
	url := ""
	if store.IsURL(d.Origin) {
		url = d.Origin
	}
	for i := range evs {
		evs[i].Outlet, evs[i].URL, evs[i].Coding = d.Source, url, c.coding
	}
	return evs, nil
}

// codingVersion names what codes with cfg: this build of dyad, the
// dictionaries and lexicons (the embedded ones, and a digest of any given
// with --actors, --agents or --verbs) and the code tables.
func codingVersion(cfg *config) (string, error) {
	dicts := "embedded"
	if cfg.NoDefaultActors || cfg.NoDefaultVerbs {
		dicts = "own"
	}
	extra := append(append(append([]string{}, cfg.Actors...), cfg.Agents...), cfg.Verbs...)
	if len(extra) > 0 {
		h := sha256.New()
		for _, path := range extra {
			b, err := os.ReadFile(path)
			if err != nil {
				return "", fmt.Errorf("dictionary %s: %w", path, err)
			}
			fmt.Fprintf(h, "%d\n", len(b))
			h.Write(b)
		}
		dicts += "+" + hex.EncodeToString(h.Sum(nil))[:12]
	}
	return fmt.Sprintf("dyad=%s dicts=%s %s", buildVersion(), dicts, cameo.Version), nil
}

// buildVersion is the module version, or the VCS revision the binary was
// built from ("(devel)" under go run, which records neither).
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "(devel)"
		var rev, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value[:min(12, len(s.Value))]
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
		if rev != "" {
			v = rev + dirty
		}
	}
	return strings.ReplaceAll(v, " ", "_")
}
