// Package postgres is dyad's shared store for many machines: the same
// tables as store/sqlite in one PostgreSQL database, reached through pgx,
// with full-text search on a tsvector column under a GIN index. Any number
// of dyad processes may write to it at once; each document is one
// transaction, identified by its content hash.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a store.Store kept in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// migrationLock is the advisory lock key that makes processes opening the
// same database at once apply migrations one at a time.
const migrationLock = 0x64796164 // "dyad"

// Open connects to the database at dsn (postgres://user@host:port/db) and
// brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w: %w", err, store.ErrInvalid)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	s := &Store{pool: pool}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: connect: %w", where, err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies, in version order and in one transaction, the
// migrations not recorded in schema_migrations, and refreshes cameo_codes when the
// embedded code tables are of another version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := store.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return fmt.Errorf("lock schema: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		applied, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if len(applied) > 0 {
			if newest, known := slices.Max(applied), ms[len(ms)-1].Version; newest > known {
				return fmt.Errorf("database schema version %d is newer than this dyad knows (%d)", newest, known)
			}
		}
		// Every migration not yet applied, even one numbered below the
		// newest applied: branches that add migrations may land in any
		// order.
		for _, m := range ms {
			if slices.Contains(applied, m.Version) {
				continue
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.Version, m.Name, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		if err := syncCodes(ctx, tx); err != nil {
			return err
		}
		// Under the lock, so two processes opening at once do it once.
		ptx := pgTx{tx}
		if stale, err := store.ClustersStale(ctx, ptx); err != nil || !stale {
			return err
		}
		return store.ReclusterStale(ctx, ptx)
	})
}

// syncCodes fills cameo_codes from the embedded code tables when the
// database holds another version of them, so it names its own codes.
func syncCodes(ctx context.Context, tx pgx.Tx) error {
	var have string
	err := tx.QueryRow(ctx, `SELECT value FROM store_meta WHERE key = 'cameo_tables'`).Scan(&have)
	if err == nil && have == cameo.Version {
		return nil
	}
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("read code table version: %w", err)
	}
	b := &pgx.Batch{}
	b.Queue(`DELETE FROM cameo_codes`)
	for _, c := range cameo.Names() {
		b.Queue(`INSERT INTO cameo_codes (code, name, root, quad, goldstein, plover) VALUES ($1, $2, $3, $4, $5, $6)`,
			c.Code, c.Name, c.Root, c.Quad, c.Goldstein, c.PLOVER)
	}
	b.Queue(`INSERT INTO store_meta (key, value) VALUES ('cameo_tables', $1)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, cameo.Version)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("store code tables: %w", err)
	}
	return nil
}

// inTx runs fn in a transaction and commits when fn succeeds and ctx is
// not done. The commit itself is not cancelled half-way: a cancelled
// COMMIT could take effect on the server while the caller is told it
// failed.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			return fmt.Errorf("%w (%w)", cerr, err)
		}
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := tx.Commit(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rebind numbers the ? placeholders of portable SQL as $1, $2...
func rebind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HasDocument reports whether a document with this content hash is
// stored, so a caller can skip coding content it already has.
func (s *Store) HasDocument(ctx context.Context, hash string) (bool, error) {
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE hash = $1)`, hash).Scan(&ok); err != nil {
		return false, fmt.Errorf("has document %s: %w", hash, err)
	}
	return ok, nil
}

// PutDocuments stores each document in its own transaction: PostgreSQL's
// writers each lock the pairs they cluster, which one transaction of many
// documents would hold the longer.
func (s *Store) PutDocuments(ctx context.Context, puts []store.Put) []store.PutResult {
	return store.PutEach(ctx, puts, s.PutDocument)
}

// PutDocument stores d, its sentences and events in one transaction,
// unless a document with d.Hash is already stored.
func (s *Store) PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (bool, error) {
	if err := store.Check(d, events); err != nil {
		return false, fmt.Errorf("put document: %w", err)
	}
	if ok, err := s.HasDocument(ctx, d.Hash); err != nil {
		return false, fmt.Errorf("put document %s: %w", d.ID, err)
	} else if ok {
		return false, nil
	}
	added := false
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		now := time.Now().UTC().Format(time.RFC3339Nano)
		var pk int64
		// A writer that stores the same content first makes this one
		// wait for its commit, then do nothing.
		err := tx.QueryRow(ctx, `INSERT INTO documents
			(id, hash, origin, title, source, published, date_from, text, ingested_at, format, body, coding, coded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (hash) DO NOTHING
			RETURNING pk`,
			d.ID, d.Hash, d.Origin, d.Title, d.Source, d.Published, d.DateFrom, d.Text, now,
			d.Format, d.Body, d.Coding, now).Scan(&pk)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		added = true
		if err := putContent(ctx, tx, pk, d, events); err != nil {
			return err
		}
		return store.Recluster(ctx, pgTx{tx}, store.SeedsOf(events), false)
	})
	if err != nil {
		return false, fmt.Errorf("put document %s: %w", d.ID, err)
	}
	return added, nil
}

type actorRow struct{ code, country, name string }

// putContent inserts d's sentences and events for the document row docPK,
// in one round trip after the actors are found.
func putContent(ctx context.Context, tx pgx.Tx, docPK int64, d *doc.Document, events []doc.Event) error {
	actors, err := actorIDs(ctx, tx, events)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	sentences := make(map[int]string, len(d.Sentences))
	for _, sn := range d.Sentences {
		b.Queue(`INSERT INTO sentences (doc, idx, span_start, span_end, paragraph, text, codable, search)
			VALUES ($1, $2, $3, $4, $5, $6, $7, to_tsvector('simple', $8))`,
			docPK, sn.Index, sn.Start, sn.End, sn.Paragraph, sn.Text, sn.Codable, fold(sn.Text))
		sentences[sn.Index] = sn.Text
	}
	nSentences := b.Len()
	for i := range events {
		e := &events[i]
		var sentence, tgtText, tgtRole, tgtKey, location, quantities, magnitudes *string
		var tgtID *int64
		if text, ok := sentences[e.SentenceIndex]; !ok || text != e.Sentence {
			sentence = &e.Sentence // not the document's sentence: keep our own copy
		}
		if e.Target != nil {
			id, key := actors[row(*e.Target)], store.ActorKey(*e.Target)
			tgtID, tgtText, tgtRole, tgtKey = &id, &e.Target.Text, &e.Target.Role, &key
		}
		if e.Location != nil {
			b, err := json.Marshal(e.Location)
			if err != nil {
				return fmt.Errorf("event %s: location: %w", e.ID, err)
			}
			location = ptr(string(b))
		}
		if e.Quantities != nil {
			b, err := json.Marshal(e.Quantities)
			if err != nil {
				return fmt.Errorf("event %s: quantities: %w", e.ID, err)
			}
			quantities = ptr(string(b))
		}
		if e.Magnitudes != nil {
			b, err := json.Marshal(e.Magnitudes)
			if err != nil {
				return fmt.Errorf("event %s: magnitudes: %w", e.ID, err)
			}
			magnitudes = ptr(string(b))
		}
		var conf *float64
		if e.Confidence > 0 {
			conf = &e.Confidence
		}
		b.Queue(`INSERT INTO events (
			id, doc, doc_date, sentence_index, sentence, span_start, span_end,
			source_actor, source_text, source_role, source_key,
			target_actor, target_text, target_role, target_key,
			cameo, root, plover, goldstein, quad, trigger_text, date, date_precision,
			location, quantities, modality, tables, confidence, magnitudes)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)`,
			e.ID, docPK, e.DocDate, e.SentenceIndex, sentence, e.Span[0], e.Span[1],
			actors[row(e.Source)], e.Source.Text, e.Source.Role, store.ActorKey(e.Source),
			tgtID, tgtText, tgtRole, tgtKey,
			e.CAMEO, e.Root, e.PLOVER, e.Goldstein, e.Quad, e.Trigger, e.Date, e.DatePrecision,
			location, quantities, e.Modality, e.Tables, conf, magnitudes)
	}
	if b.Len() == 0 {
		return nil
	}
	br := tx.SendBatch(ctx, b)
	for i := range b.Len() {
		if _, err := br.Exec(); err != nil {
			br.Close()
			if i < nSentences {
				return fmt.Errorf("insert sentence %d: %w", d.Sentences[i].Index, err)
			}
			e := events[i-nSentences]
			if isUnique(err, "events_id_key") {
				return fmt.Errorf("event %s: id already stored: %w", e.ID, store.ErrConflict)
			}
			return fmt.Errorf("insert event %s: %w", e.ID, err)
		}
	}
	return br.Close()
}

func ptr[T any](v T) *T { return &v }

func row(a doc.Actor) actorRow { return actorRow{a.Code, a.Country, a.Name} }

// actorIDs finds or creates the rows of the actors events name, in a fixed
// order so that two writers adding the same new actors cannot deadlock.
// Each found row is locked against deletion (by Remove) until commit.
func actorIDs(ctx context.Context, tx pgx.Tx, events []doc.Event) (map[actorRow]int64, error) {
	ids := make(map[actorRow]int64)
	for i := range events {
		ids[row(events[i].Source)] = 0
		if t := events[i].Target; t != nil {
			ids[row(*t)] = 0
		}
	}
	keys := make([]actorRow, 0, len(ids))
	for k := range ids {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b actorRow) int {
		return strings.Compare(a.code+"\x00"+a.country+"\x00"+a.name, b.code+"\x00"+b.country+"\x00"+b.name)
	})
	for _, k := range keys {
		id, err := actorID(ctx, tx, k)
		if err != nil {
			return nil, fmt.Errorf("actor %s: %w", k.code, err)
		}
		ids[k] = id
	}
	return ids, nil
}

func actorID(ctx context.Context, tx pgx.Tx, k actorRow) (int64, error) {
	// A concurrent writer's new row is invisible until it commits, and
	// then ON CONFLICT returns nothing: look again.
	for range 3 {
		var id int64
		err := tx.QueryRow(ctx, `SELECT pk FROM actors WHERE code = $1 AND country = $2 AND name = $3 FOR KEY SHARE`,
			k.code, k.country, k.name).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return 0, err
		}
		err = tx.QueryRow(ctx, `INSERT INTO actors (code, country, name) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING RETURNING pk`, k.code, k.country, k.name).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return 0, err
		}
	}
	return 0, errors.New("neither found nor inserted")
}

func isUnique(err error, constraint string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == constraint
}

// Events returns the events matching f.
func (s *Store) Events(ctx context.Context, f store.Filter) ([]doc.Event, error) {
	where, args, none, err := filterSQL(f)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if none {
		return nil, nil
	}
	return store.QueryEvents(ctx, pgTx{s.pool}, where, args, f.Limit)
}

// filterSQL is f.Where with PostgreSQL's full-text search for f.Text: the
// events whose sentence Search finds. none says that no event can match
// (a text filter without a word to search).
func filterSQL(f store.Filter) (where []string, args []any, none bool, err error) {
	text := f.Text
	f.Text = ""
	if where, args, err = f.Where(); err != nil || text == "" {
		return where, args, false, err
	}
	tsq := tsQuery(text)
	if tsq == "" {
		return nil, nil, true, nil
	}
	where = append(where, `EXISTS (SELECT 1 FROM sentences fs
		WHERE fs.doc = e.doc AND fs.idx = e.sentence_index AND fs.search @@ to_tsquery('simple', ?))`)
	return where, append(args, tsq), false, nil
}

// Documents lists the stored documents by id.
func (s *Store) Documents(ctx context.Context) ([]store.DocInfo, error) {
	rows, err := s.pool.Query(ctx, store.DocumentsSQL)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.DocInfo, error) { return store.ScanDocInfo(r) })
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// Counts says how many documents, sentences, events and distinct actors
// are stored.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	c, err := store.ScanCounts(s.pool.QueryRow(ctx, store.CountsSQL))
	if err != nil {
		return store.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

// Search finds sentences containing every word of query, best match
// first. limit <= 0 means no limit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SentenceHit, error) {
	tsq := tsQuery(query)
	if tsq == "" {
		return nil, nil
	}
	var lim *int
	if limit > 0 {
		lim = &limit
	}
	rows, err := s.pool.Query(ctx, `SELECT d.id, s.idx, s.text
		FROM sentences s
		JOIN documents d ON d.pk = s.doc,
		to_tsquery('simple', $1) q
		WHERE s.search @@ q
		ORDER BY ts_rank(s.search, q) DESC, d.id, s.idx
		LIMIT $2`, tsq, lim)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.SentenceHit, error) {
		var h store.SentenceHit
		err := r.Scan(&h.Doc, &h.Index, &h.Text)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// Document returns the stored document with this content hash, without
// its sentences.
func (s *Store) Document(ctx context.Context, hash string) (*doc.Document, error) {
	d, err := store.ScanDocument(s.pool.QueryRow(ctx, rebind(store.DocumentSQL), hash), hash)
	if errors.Is(err, pgx.ErrNoRows) {
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
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var pk int64
		err := tx.QueryRow(ctx, `UPDATE documents SET id = $1, origin = $2, title = $3, source = $4, published = $5,
			date_from = $6, text = $7, format = $8, body = $9, coding = $10, coded_at = $11
			WHERE hash = $12 RETURNING pk`,
			d.ID, d.Origin, d.Title, d.Source, d.Published, d.DateFrom, d.Text, d.Format, d.Body, d.Coding,
			time.Now().UTC().Format(time.RFC3339Nano), d.Hash).Scan(&pk)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("hash %s: %w", d.Hash, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		seeds, err := store.StoredSeeds(ctx, pgTx{tx}, `e.doc = ?`, pk)
		if err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM events WHERE doc = $1`, `DELETE FROM sentences WHERE doc = $1`} {
			if _, err := tx.Exec(ctx, q, pk); err != nil {
				return err
			}
		}
		if err := putContent(ctx, tx, pk, d, events); err != nil {
			return err
		}
		return store.Recluster(ctx, pgTx{tx}, seeds.Add(store.SeedsOf(events)), false)
	})
	if err != nil {
		return fmt.Errorf("replace document %s: %w", d.ID, err)
	}
	return nil
}

// Remove deletes the documents whose id or hash is key; their sentences
// and events go with them, and the actors only they named.
func (s *Store) Remove(ctx context.Context, key string) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		seeds, err := store.StoredSeeds(ctx, pgTx{tx}, `e.doc IN (SELECT pk FROM documents WHERE id = ? OR hash = ?)`, key, key)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = $1 OR hash = $1`, key)
		if err != nil {
			return err
		}
		if n = tag.RowsAffected(); n == 0 {
			return nil
		}
		if err := store.Recluster(ctx, pgTx{tx}, seeds, false); err != nil {
			return err
		}
		// Actors a concurrent writer has just found are locked FOR KEY
		// SHARE; SKIP LOCKED leaves them.
		_, err = tx.Exec(ctx, `DELETE FROM actors WHERE pk IN (
			SELECT pk FROM actors a WHERE
				NOT EXISTS (SELECT 1 FROM events WHERE source_actor = a.pk) AND
				NOT EXISTS (SELECT 1 FROM events WHERE target_actor = a.pk)
			FOR UPDATE SKIP LOCKED)`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("remove %s: %w", key, err)
	}
	return int(n), nil
}
