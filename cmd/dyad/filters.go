package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-events/dyad/internal/filter"
	"github.com/dyad-events/dyad/internal/store"
)

// checkFilter checks the form of every event filter (filter.Check), so a
// mistyped filter stops with a usage error, exit status 2.
func checkFilter(f store.Filter) error {
	if err := filter.Check(f, "--"); err != nil {
		return usagef("%v", err)
	}
	return nil
}

// didYouMean is filter.DidYouMean: "; did you mean X?" for a near candidate.
func didYouMean(v string, candidates []string) string { return filter.DidYouMean(v, candidates) }

// openReadStore opens the store of a reading command: the file must exist
// (opening would create an empty one and find nothing).
func openReadStore(ctx context.Context, dsn string) (store.Store, error) {
	if !strings.Contains(dsn, "://") {
		if _, err := os.Stat(dsn); err != nil {
			return nil, fmt.Errorf("store %s does not exist: give --db the file \"dyad ingest\" or \"dyad demo\" wrote", dsn)
		}
	}
	return openStore(ctx, dsn)
}
