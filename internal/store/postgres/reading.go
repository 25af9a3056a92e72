// This file holds what the dashboard (dyad serve) reads besides events:
// the sentences of a document, the latest documents, and counts for
// series and rankings of dyads.

package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// Sentences returns the stored sentences of the document with content
// hash hash, in order, with their offsets in its cleaned text and their
// paragraph index (no tokens). ErrNotFound when no document has that hash.
func (s *Store) Sentences(ctx context.Context, hash string) ([]doc.Sentence, error) {
	out, err := store.QueryAll(ctx, pgTx{s.pool}, store.SentencesSQL, []any{hash}, store.ScanSentence)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", hash, err)
	}
	if len(out) == 0 {
		if _, err := s.Document(ctx, hash); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DocumentHash returns the content hash of the document stored with id,
// the last stored when there are several. ErrNotFound when none has it.
func (s *Store) DocumentHash(ctx context.Context, id string) (string, error) {
	var hash string
	err := s.pool.QueryRow(ctx, rebind(store.DocumentHashSQL), id).Scan(&hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("document %q: %w", id, err)
	}
	return hash, nil
}

// Tallies counts the events f selects by month, quad class and Goldstein
// score, with a GROUP BY over the events (through events_series, each
// direction apart): PostgreSQL keeps no dyad_months table (migration
// 0008 says why). f.Limit and f.After select pages of
// events, which a count has none of: ErrInvalid.
func (s *Store) Tallies(ctx context.Context, f store.Filter) ([]store.Tally, error) {
	return s.talliesOf(ctx, f, "")
}

// ClusterTallies counts the events f selects once per cluster, as
// aggregate.Reduce does, by month, quad class and Goldstein score: the
// events flagged as standing for their clusters, for the filters whose
// clusters the flags count (store.Filter.ClusterCount); ErrInvalid for
// others.
func (s *Store) ClusterTallies(ctx context.Context, f store.Filter) ([]store.Tally, error) {
	col, err := f.ClusterFlag()
	if err != nil {
		return nil, err
	}
	return s.talliesOf(ctx, f, col)
}

// talliesOf counts the events f selects, or with flag ("cluster_first",
// "cluster_first_way") those of them flagged.
func (s *Store) talliesOf(ctx context.Context, f store.Filter, flag string) ([]store.Tally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	out, err := store.TallyEachWay(f, func(f store.Filter) ([]store.Tally, error) {
		where, args, none, err := filterSQL(f)
		if err != nil || none {
			return nil, err
		}
		if flag != "" {
			where = append(where, "e."+flag+" = 1")
		}
		return store.QueryAll(ctx, pgTx{s.pool}, store.TalliesSQL(f, where), args, store.ScanTally)
	})
	return out, wrap("tallies", err)
}

// DyadTallies counts the events f selects by source and target key, with
// the sum of their Goldstein scores, with a GROUP BY over the events.
func (s *Store) DyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error) {
	return s.dyadTallies(ctx, f, "")
}

// ClusterDyadTallies counts the events f selects once per cluster, as
// aggregate.Reduce does, by source and target key: the flagged events,
// for the filters store.Filter.ClusterCount accepts; ErrInvalid for
// others.
func (s *Store) ClusterDyadTallies(ctx context.Context, f store.Filter) ([]store.DyadTally, error) {
	col, err := f.ClusterFlag()
	if err != nil {
		return nil, err
	}
	return s.dyadTallies(ctx, f, col)
}

// RankTallies counts the events f selects by what a ranking of kind
// ("actors" or "codes") counts, with a GROUP BY over the events; with
// clusters, once per cluster (the flagged events), for the filters
// store.Filter.ClusterCount accepts, ErrInvalid for others.
func (s *Store) RankTallies(ctx context.Context, f store.Filter, kind string, clusters bool) ([]store.RankTally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("rank tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	where, args, none, err := filterSQL(f)
	if err != nil || none {
		return nil, wrap("rank tallies", err)
	}
	if clusters {
		flag, err := f.ClusterFlag()
		if err != nil {
			return nil, err
		}
		where = append(where, "e."+flag+" = 1")
	}
	out, err := store.QueryAll(ctx, pgTx{s.pool}, store.RankTalliesSQL(kind, f, where), args, store.ScanRankTally)
	return out, wrap("rank tallies", err)
}

// dyadTallies counts the events f selects by dyad, or with flag those of
// them flagged.
func (s *Store) dyadTallies(ctx context.Context, f store.Filter, flag string) ([]store.DyadTally, error) {
	if f.Limit != 0 || f.After != "" {
		return nil, fmt.Errorf("dyad tallies: a filter with a limit or a cursor: %w", store.ErrInvalid)
	}
	where, args, none, err := filterSQL(f)
	if err != nil || none {
		return nil, wrap("dyad tallies", err)
	}
	if flag != "" {
		where = append(where, "e."+flag+" = 1")
	}
	out, err := store.QueryAll(ctx, pgTx{s.pool}, store.DyadTalliesSQL(f, where), args, store.ScanDyadTally)
	return out, wrap("dyad tallies", err)
}

// Published returns the first and the last publication date of the
// stored documents ("" when none has one).
func (s *Store) Published(ctx context.Context) (first, last string, err error) {
	if err := s.pool.QueryRow(ctx, store.PublishedSQL).Scan(&first, &last); err != nil {
		return "", "", fmt.Errorf("publication dates: %w", err)
	}
	return first, last, nil
}

// Latest returns the n documents published last, latest first, without
// their event counts.
func (s *Store) Latest(ctx context.Context, n int) ([]store.DocInfo, error) {
	out, err := store.QueryAll(ctx, pgTx{s.pool}, store.LatestSQL, []any{n}, store.ScanLatest)
	return out, wrap("latest documents", err)
}

// wrap prefixes err, when there is one, with what failed.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
