package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

// syncCodes fills cameo_codes from the embedded code tables when the file
// holds none or another version of them, so the file names its own codes.
func (s *Store) syncCodes(ctx context.Context) error {
	var have string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = 'cameo_tables'`).Scan(&have)
	if err == nil && have == cameo.Version {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read code table version: %w", err)
	}
	return s.inTx(ctx, "store code tables", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM cameo_codes`); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO cameo_codes (code, name, root, quad, goldstein, plover) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, c := range cameo.Names() {
			if _, err := ins.ExecContext(ctx, c.Code, c.Name, c.Root, c.Quad, c.Goldstein, c.PLOVER); err != nil {
				return fmt.Errorf("code %s: %w", c.Code, err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO store_meta (key, value) VALUES ('cameo_tables', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, cameo.Version)
		return err
	})
}

// inTx runs fn in a write transaction, one writer of this process at a
// time, and commits when fn succeeds.
func (s *Store) inTx(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	select {
	case s.write <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", what, ctx.Err())
	}
	defer func() { <-s.write }()
	defer s.prepareMissed(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}

// Document returns the stored document with this content hash, without
// its sentences.
func (s *Store) Document(ctx context.Context, hash string) (*doc.Document, error) {
	d, err := store.ScanDocument(s.queryRowCached(ctx, store.DocumentSQL, hash), hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %s: %w", hash, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", hash, err)
	}
	return d, nil
}

// Replace replaces the metadata, sentences and events of the document
// stored with d.Hash, in one transaction.
func (s *Store) Replace(ctx context.Context, d *doc.Document, events []doc.Event) error {
	if err := store.Check(d, events); err != nil {
		return fmt.Errorf("replace document: %w", err)
	}
	return s.inTx(ctx, "replace document "+d.ID, func(tx *sql.Tx) error {
		var pk int64
		err := tx.QueryRowContext(ctx, `UPDATE documents SET id = ?, origin = ?, title = ?, source = ?, published = ?,
			date_from = ?, text = ?, format = ?, body = ?, coding = ?, coded_at = ?
			WHERE hash = ? RETURNING pk`,
			d.ID, d.Origin, d.Title, d.Source, d.Published, d.DateFrom, d.Text, d.Format, d.Body, d.Coding,
			time.Now().UTC().Format(time.RFC3339Nano), d.Hash).Scan(&pk)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("hash %s: %w", d.Hash, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		seeds, err := store.StoredSeeds(ctx, sqlTx{s.writer(tx)}, `e.doc = ?`, pk)
		if err != nil {
			return err
		}
		// Events first: they name their sentences by index only.
		for _, q := range []string{`DELETE FROM events WHERE doc = ?`, `DELETE FROM sentences WHERE doc = ?`} {
			if _, err := tx.ExecContext(ctx, q, pk); err != nil {
				return err
			}
		}
		ins := &inserter{tx: tx, w: sqlTx{s.writer(tx)}}
		defer ins.close()
		if err := ins.putContent(ctx, pk, d, events); err != nil {
			return err
		}
		if err := ins.index(ctx); err != nil {
			return err
		}
		return store.Recluster(ctx, sqlTx{s.writer(tx)}, seeds.Add(store.SeedsOf(events)), false)
	})
}

// Remove deletes the documents whose id or hash is key; their sentences
// and events go with them, and the actors only they named.
func (s *Store) Remove(ctx context.Context, key string) (int, error) {
	var n int64
	err := s.inTx(ctx, "remove "+key, func(tx *sql.Tx) error {
		seeds, err := store.StoredSeeds(ctx, sqlTx{s.writer(tx)}, `e.doc IN (SELECT pk FROM documents WHERE id = ? OR hash = ?)`, key, key)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ? OR hash = ?`, key, key)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if err := store.Recluster(ctx, sqlTx{s.writer(tx)}, seeds, false); err != nil {
			return err
		}
		// Actors no event names any more go too.
		_, err = tx.ExecContext(ctx, `DELETE FROM actors WHERE
			NOT EXISTS (SELECT 1 FROM events WHERE source_actor = actors.pk) AND
			NOT EXISTS (SELECT 1 FROM events WHERE target_actor = actors.pk)`)
		return err
	})
	return int(n), err
}
