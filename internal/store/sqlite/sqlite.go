// Package sqlite is dyad's default store: one SQLite file through the pure-Go
// driver modernc.org/sqlite, in WAL mode, with its schema built by numbered
// migrations embedded in the binary.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/store"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// maxConns bounds the connections to one file: enough for every core to
// read while a write is under way; more requests wait their turn.
const maxConns = 16

// Store is a store.Store kept in one SQLite file.
type Store struct {
	db *sql.DB
	// write admits one writing transaction at a time from this process;
	// SQLite allows one writer anyway, and waiting here (with ctx) is
	// cheaper and fairer than spinning in the busy handler. Other processes
	// are held off by BEGIN IMMEDIATE and busy_timeout.
	write chan struct{}
	// walkMin is the number of events from which pageByDocuments
	// considers walking the documents for a page.
	walkMin int
	// stmts are prepared statements by query text (queryCached).
	stmts sync.Map
	nstmt atomic.Int32
	// missed are the statements writers ran unprepared (writer).
	missed sync.Map
	// wconn is the connection PutDocument writes on, kept so that its
	// PRAGMA data_version tells whether any other connection (another
	// process, another handle, this store's other writes) has written
	// since, and cache, the events PutDocument clustered, can be trusted
	// (store.ClusterCache); version is the data_version cache is right
	// for. Nil for a database in memory, whose one connection all share.
	wconn   *sql.Conn
	cache   *store.ClusterCache
	version int64
	memory  bool
}

var _ store.Store = (*Store)(nil)

// Open opens the SQLite database at path, creating it when missing, and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open sqlite %q: path must be non-empty and contain no '?': %w", path, store.ErrInvalid)
	}
	// Pragmas in the DSN apply to every connection the pool opens.
	// _txlock=immediate makes every transaction take the write lock at
	// BEGIN, so a transaction never fails half-way on a lock upgrade.
	// journal_mode is not among them: it is stored in the file, and setting
	// it needs a lock that the busy handler does not always wait for, so
	// Open sets it once, retrying.
	dsn := path + "?_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if path == ":memory:" {
		// Each connection would get its own empty database.
		db.SetMaxOpenConns(1)
	} else {
		// Opening a connection parses the schema and sets the pragmas:
		// keep the connections many readers (dyad serve) take turns with,
		// rather than database/sql's default two idle ones.
		db.SetMaxOpenConns(maxConns)
		db.SetMaxIdleConns(maxConns)
	}
	s := &Store{db: db, write: make(chan struct{}, 1), walkMin: 10_000, cache: store.NewClusterCache(), memory: path == ":memory:"}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: connect: %w", path, err)
	}
	if err := s.enableWAL(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := s.syncCodes(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := s.clusterStale(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.wconn != nil {
		s.wconn.Close()
	}
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close sqlite: %w", err)
	}
	return nil
}

// enableWAL switches the file to write-ahead logging, so readers never
// block the writer. When several processes open a new file at once the
// switch can report SQLITE_BUSY at once instead of waiting; it is retried
// for up to busyWait.
func (s *Store) enableWAL(ctx context.Context) error {
	const busyWait = 10 * time.Second
	deadline := time.Now().Add(busyWait)
	delay := 5 * time.Millisecond
	for {
		var mode string
		err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
		if err == nil {
			if mode != "wal" && mode != "memory" {
				return fmt.Errorf("journal_mode is %q, want wal", mode)
			}
			return nil
		}
		if !isBusy(err) || time.Now().After(deadline) {
			return fmt.Errorf("set journal_mode: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("set journal_mode: %w", ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}

// migrate applies, in order, each migration not yet recorded in
// schema_migrations, each in its own transaction together with its record.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := store.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	applied, newest, err := s.appliedMigrations(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if known := ms[len(ms)-1].Version; newest > known {
		return fmt.Errorf("database schema version %d is newer than this dyad knows (%d)", newest, known)
	}
	// Every migration not yet applied, not only those above the newest:
	// branches developed side by side add numbers out of order (a file may
	// have 0006 before 0004 exists).
	for _, m := range ms {
		if applied[m.Version] {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// appliedMigrations returns the versions recorded in schema_migrations
// and the newest of them (0 for none).
func (s *Store) appliedMigrations(ctx context.Context) (map[int]bool, int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	applied, newest := map[int]bool{}, 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, 0, err
		}
		applied[v], newest = true, max(newest, v)
	}
	return applied, newest, rows.Err()
}

func (s *Store) apply(ctx context.Context, m store.Migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied it while we waited for the lock.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	return tx.Commit()
}

// PutDocument stores d, its sentences and events in one transaction, unless
// a document with d.Hash is already stored.
func (s *Store) PutDocument(ctx context.Context, d *doc.Document, events []doc.Event) (bool, error) {
	r := s.PutDocuments(ctx, []store.Put{{Doc: d, Events: events}})[0]
	return r.Added, r.Err
}

// PutDocuments stores the documents of puts not already stored in one
// transaction, each inside a savepoint of its own, so that a document
// that cannot be stored (an event id stored for another document) is
// rolled back and reported alone; their events are clustered once, at
// the end, with the stored events near them (store.Recluster). One commit
// and one clustering of the pairs they touch, where one transaction each
// would write, cluster and commit the same pairs and clusters again for
// every document. Should the transaction fail as a whole (its clustering,
// its commit), each document is stored again alone, so that nothing is
// lost but what cannot be stored.
func (s *Store) PutDocuments(ctx context.Context, puts []store.Put) []store.PutResult {
	out := make([]store.PutResult, len(puts))
	var todo []int
	for i, p := range puts {
		if err := store.Check(p.Doc, p.Events); err != nil {
			out[i].Err = fmt.Errorf("put document: %w", err)
			continue
		}
		// Content already stored needs no write lock: re-ingesting a
		// corpus is mostly this path.
		if ok, err := s.hasHash(ctx, p.Doc.Hash); err != nil {
			out[i].Err = fmt.Errorf("put document %s: %w", p.Doc.ID, err)
		} else if !ok {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out
	}
	err := s.putBatch(ctx, puts, todo, out)
	if err == nil {
		return out
	}
	if len(todo) == 1 {
		out[todo[0]] = store.PutResult{Err: fmt.Errorf("put document %s: %w", puts[todo[0]].Doc.ID, err)}
		return out
	}
	for _, i := range todo {
		out[i] = store.PutResult{}
		if err := s.putBatch(ctx, puts, []int{i}, out); err != nil {
			out[i] = store.PutResult{Err: fmt.Errorf("put document %s: %w", puts[i].Doc.ID, err)}
		}
	}
	return out
}

// putBatch stores the documents puts[i] for i in todo in one transaction
// and records in out what became of each; it returns an error when the
// transaction failed as a whole, nothing of it stored. A batch of one
// document needs no savepoint: its failure is the transaction's.
func (s *Store) putBatch(ctx context.Context, puts []store.Put, todo []int, out []store.PutResult) error {
	select {
	case s.write <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.write }()
	defer s.prepareMissed(ctx)

	tx, cached, err := s.beginPut(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	done := false
	defer func() {
		tx.Rollback()
		s.cache.Discard() // what a failed transaction changed; none after Commit
		if !done {
			s.dropWriter()
		}
	}()
	w := sqlTx{s.writer(tx)}
	ins := &inserter{tx: tx, w: w}
	defer ins.close()
	single := len(todo) == 1
	seeds := store.Seeds{}
	// The batch's events, stored once clustered: their rows' values
	// (putSentences) and where the clustering places them.
	var rows []any
	var ids []string
	placed := map[string]*placement{}
	for _, i := range todo {
		p := puts[i]
		if !single {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT put`); err != nil {
				return err
			}
		}
		added, values, err := ins.putDocument(ctx, p.Doc, p.Events, placed)
		if err != nil && single {
			return err
		}
		if err != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO put`); err != nil {
				return err
			}
			// The actors it added are gone with it. (Its pk, in
			// ins.unindexed, names no sentence now, or those of the
			// next document, which takes it.)
			ins.forget()
			out[i].Err = fmt.Errorf("put document %s: %w", p.Doc.ID, err)
		}
		if !single {
			if _, err := tx.ExecContext(ctx, `RELEASE put`); err != nil {
				return err
			}
		}
		if added && err == nil {
			out[i].Added = true
			seeds.Add(store.SeedsOfDoc(p.Doc, p.Events))
			rows = append(rows, values...)
			for _, e := range p.Events {
				ids = append(ids, e.ID)
				placed[e.ID] = &placement{}
			}
		}
	}
	if !slices.ContainsFunc(todo, func(i int) bool { return out[i].Added }) {
		done = true
		return nil
	}
	if err := ins.index(ctx); err != nil {
		return err
	}
	wtx := putTx{sqlTx: w, placed: placed}
	if cached {
		wtx.cache = s.cache
	}
	if err := store.Recluster(ctx, wtx, seeds, false); err != nil {
		return err
	}
	if err := ins.insertPlaced(ctx, rows, ids, placed); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	done = true
	if cached {
		s.cache.Commit()
	}
	return nil
}

// dropWriter closes the writing connection after a transaction on it
// failed, and empties the cache: a transaction cancelled part-way can
// leave the connection inside it, which closing it rolls back, where
// database/sql would hand a connection of its pool back only once
// checked.
func (s *Store) dropWriter() {
	s.cache.Reset()
	if s.wconn == nil {
		return
	}
	s.wconn.Raw(func(any) error { return driver.ErrBadConn })
	s.wconn.Close()
	s.wconn = nil
}

// beginPut begins PutDocument's transaction, on the store's writing
// connection when it has one, and says whether the clustering may use the
// store's cache: when no other connection has written since the cache was
// last right (PRAGMA data_version; BEGIN IMMEDIATE holds off any other
// writer until the transaction ends). Otherwise the cache is emptied.
func (s *Store) beginPut(ctx context.Context) (*sql.Tx, bool, error) {
	if s.memory {
		tx, err := s.db.BeginTx(ctx, nil)
		return tx, false, err
	}
	if s.wconn == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return nil, false, err
		}
		// The writer's savepoints (PutDocuments) keep the pages they
		// change in a sub-journal, a temporary file unless temporary
		// storage is in memory; it is small, and dropped at each
		// savepoint's end.
		if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
			conn.Close()
			return nil, false, err
		}
		s.wconn = conn
	}
	tx, err := s.wconn.BeginTx(ctx, nil)
	if err != nil {
		s.dropWriter()
		return nil, false, err
	}
	var v int64
	if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		tx.Rollback()
		s.dropWriter()
		return nil, false, err
	}
	if v != s.version {
		s.cache.Reset()
		s.version = v
	}
	return tx, true, nil
}

// HasDocument reports whether a document with this content hash is
// stored, so a caller can skip coding content it already has.
func (s *Store) HasDocument(ctx context.Context, hash string) (bool, error) {
	ok, err := s.hasHash(ctx, hash)
	if err != nil {
		return false, fmt.Errorf("has document %s: %w", hash, err)
	}
	return ok, nil
}

func (s *Store) hasHash(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.queryRowCached(ctx, `SELECT count(*) FROM documents WHERE hash = ?`, hash).Scan(&n)
	return n > 0, err
}

type actorRow struct{ code, country, name string }

// inserter inserts documents, their sentences and events within one
// transaction, each statement prepared once for all the documents.
type inserter struct {
	tx                                     *sql.Tx
	w                                      store.Tx // tx, its statements prepared once for the store (writer)
	document, fts, actor, addActor, stored *sql.Stmt
	actors                                 map[actorRow]int64
	// unindexed are the documents whose sentences are not yet in the
	// full-text index (index).
	unindexed []int64
}

// prepared returns the statement *st, preparing q on the transaction the
// first time.
func (in *inserter) prepared(ctx context.Context, st **sql.Stmt, q string) (*sql.Stmt, error) {
	if *st == nil {
		var err error
		if *st, err = in.tx.PrepareContext(ctx, q); err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
	}
	return *st, nil
}

func (in *inserter) close() {
	for _, st := range []*sql.Stmt{in.document, in.fts, in.actor, in.addActor, in.stored} {
		if st != nil {
			st.Close()
		}
	}
}

// forget forgets the actor rows found or added, after a rollback that
// may have removed some.
func (in *inserter) forget() { clear(in.actors) }

// putDocument inserts d and its sentences, unless its content is stored,
// checks that no event of it has a stored id or one of placed, and
// returns the values of its events' rows (putSentences), to be stored
// once they are clustered.
func (in *inserter) putDocument(ctx context.Context, d *doc.Document, events []doc.Event, placed map[string]*placement) (bool, []any, error) {
	var docPK int64
	now := time.Now().UTC().Format(time.RFC3339Nano)
	st, err := in.prepared(ctx, &in.document, `INSERT INTO documents
		(id, hash, origin, title, source, published, date_from, text, ingested_at, format, body, coding, coded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (hash) DO NOTHING
		RETURNING pk`)
	if err != nil {
		return false, nil, fmt.Errorf("insert document: %w", err)
	}
	err = st.QueryRowContext(ctx, d.ID, d.Hash, d.Origin, d.Title, d.Source, d.Published, d.DateFrom, d.Text, now,
		d.Format, d.Body, d.Coding, now).Scan(&docPK)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil, nil // stored by another writer since hasHash, or earlier in the batch
	}
	if err != nil {
		return false, nil, fmt.Errorf("insert document: %w", err)
	}
	if err := in.checkIDs(ctx, events, placed); err != nil {
		return false, nil, err
	}
	rows, err := in.putSentences(ctx, docPK, d, events)
	return true, rows, err
}

// index adds the sentences of the documents inserted since it was last
// called to the full-text index, in one statement: the index (FTS5) writes
// what it is given at the end of each statement, and at every savepoint,
// so a statement a document, each inside its own savepoint, would write
// a segment a document and merge them again and again.
func (in *inserter) index(ctx context.Context) error {
	if len(in.unindexed) == 0 {
		return nil
	}
	pks, err := json.Marshal(in.unindexed)
	if err != nil {
		return err
	}
	st, err := in.prepared(ctx, &in.fts, `INSERT INTO sentences_fts (rowid, text)
		SELECT pk, text FROM sentences WHERE doc IN (SELECT value FROM json_each(?))`)
	if err == nil {
		_, err = st.ExecContext(ctx, string(pks))
	}
	if err != nil {
		return fmt.Errorf("index sentences: %w", err)
	}
	in.unindexed = in.unindexed[:0]
	return nil
}

// putContent inserts d's sentences and events for the document row docPK;
// index then adds the sentences to the full-text index.
func (in *inserter) putContent(ctx context.Context, docPK int64, d *doc.Document, events []doc.Event) error {
	rows, err := in.putSentences(ctx, docPK, d, events)
	if err != nil {
		return err
	}
	// An event is stored unflagged: clustering it, in the same
	// transaction, flags it if it stands for its cluster, which for most
	// events of a much-reported story it does not; flagging it takes a
	// second write, and a change of the series (dyad_months).
	err = store.InsertRows(ctx, in.w, insertEvents, `(`+eventValues+`, 0, 0)`, rows)
	if isUnique(err) {
		return fmt.Errorf("event %s: id already stored: %w", in.taken(ctx, docPK, events), store.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	return nil
}

// insertEvents and eventValues insert an event row with the values
// putSentences gives, followed by its cluster and its flags.
const (
	insertEvents = `INSERT INTO events (
		id, doc, doc_date, sentence_index, sentence, span_start, span_end,
		source_actor, source_text, source_role, source_key,
		target_actor, target_text, target_role, target_key,
		cameo, root, plover, goldstein, quad, trigger_text, date, date_precision,
		location, quantities, modality, tables, confidence, magnitudes, cluster_first, cluster_first_way)`
	insertPlacedEvents = `INSERT INTO events (
		id, doc, doc_date, sentence_index, sentence, span_start, span_end,
		source_actor, source_text, source_role, source_key,
		target_actor, target_text, target_role, target_key,
		cameo, root, plover, goldstein, quad, trigger_text, date, date_precision,
		location, quantities, modality, tables, confidence, magnitudes, cluster, cluster_first, cluster_first_way)`
	eventValues = `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	eventWidth  = 29
)

// putSentences inserts d's sentences for the document row docPK (index
// then adds them to the full-text index) and returns the values of its
// events' rows (eventValues), their actors found or added.
func (in *inserter) putSentences(ctx context.Context, docPK int64, d *doc.Document, events []doc.Event) ([]any, error) {
	sentences := make(map[int]string, len(d.Sentences))
	rows := make([]any, 0, 7*len(d.Sentences))
	for _, sn := range d.Sentences {
		rows = append(rows, docPK, sn.Index, sn.Start, sn.End, sn.Paragraph, sn.Text, sn.Codable)
		sentences[sn.Index] = sn.Text
	}
	if err := store.InsertRows(ctx, in.w, `INSERT INTO sentences (doc, idx, span_start, span_end, paragraph, text, codable)`,
		`(?, ?, ?, ?, ?, ?, ?)`, rows); err != nil {
		return nil, fmt.Errorf("insert sentences: %w", err)
	}
	if len(d.Sentences) > 0 {
		in.unindexed = append(in.unindexed, docPK)
	}
	rows = make([]any, 0, eventWidth*len(events))
	for i := range events {
		e := &events[i]
		srcID, err := in.actorID(ctx, e.Source)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
		var sentence, tgtText, tgtRole, tgtKey, location, quantities, magnitudes any
		var tgtID any
		if text, ok := sentences[e.SentenceIndex]; !ok || text != e.Sentence {
			sentence = e.Sentence // not the document's sentence: keep our own copy
		}
		if e.Target != nil {
			id, err := in.actorID(ctx, *e.Target)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", e.ID, err)
			}
			tgtID, tgtText, tgtRole, tgtKey = id, e.Target.Text, e.Target.Role, store.ActorKey(*e.Target)
		}
		if e.Location != nil {
			b, err := json.Marshal(e.Location)
			if err != nil {
				return nil, fmt.Errorf("event %s: location: %w", e.ID, err)
			}
			location = string(b)
		}
		if e.Quantities != nil {
			b, err := json.Marshal(e.Quantities)
			if err != nil {
				return nil, fmt.Errorf("event %s: quantities: %w", e.ID, err)
			}
			quantities = string(b)
		}
		if e.Magnitudes != nil {
			b, err := json.Marshal(e.Magnitudes)
			if err != nil {
				return nil, fmt.Errorf("event %s: magnitudes: %w", e.ID, err)
			}
			magnitudes = string(b)
		}
		rows = append(rows, e.ID, docPK, e.DocDate, e.SentenceIndex, sentence, e.Span[0], e.Span[1],
			srcID, e.Source.Text, e.Source.Role, store.ActorKey(e.Source),
			tgtID, tgtText, tgtRole, tgtKey,
			e.CAMEO, e.Root, e.PLOVER, e.Goldstein, e.Quad, e.Trigger, e.Date, e.DatePrecision,
			location, quantities, e.Modality, e.Tables, confidence(e.Confidence), magnitudes)
	}
	return rows, nil
}

// insertPlaced inserts the events ids whose rows' values are rows
// (putSentences), each with its cluster and flags as placed says: an
// event the clustering did not place (none should be) has no cluster,
// which the store's next opening gives it (ClustersStale).
func (in *inserter) insertPlaced(ctx context.Context, rows []any, ids []string, placed map[string]*placement) error {
	all := make([]any, 0, len(rows)+3*len(ids))
	for k, id := range ids {
		var cluster any
		flags := uint8(3)
		if p := placed[id]; p.cluster != "" {
			cluster, flags = p.cluster, p.flags
		}
		all = append(append(all, rows[k*eventWidth:(k+1)*eventWidth]...), cluster, int(flags&1), int(flags>>1))
	}
	if err := store.InsertRows(ctx, in.w, insertPlacedEvents, `(`+eventValues+`, ?, ?, ?)`, all); err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	return nil
}

// checkIDs returns an ErrConflict naming the first of events whose id is
// stored, is one of placed (an event of the batch), or is an earlier
// event's of events.
func (in *inserter) checkIDs(ctx context.Context, events []doc.Event, placed map[string]*placement) error {
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	st, err := in.prepared(ctx, &in.stored, `SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, string(list))
	if err != nil {
		return fmt.Errorf("stored event ids: %w", err)
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		taken[id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("stored event ids: %w", err)
	}
	for _, e := range events {
		if taken[e.ID] || placed[e.ID] != nil {
			return fmt.Errorf("event %s: id already stored: %w", e.ID, store.ErrConflict)
		}
		taken[e.ID] = true
	}
	return nil
}

// taken returns the first of the events of document docPK whose id
// another document's event or an earlier event of its own has, after
// inserting them failed on the events' unique ids.
func (in *inserter) taken(ctx context.Context, docPK int64, events []doc.Event) string {
	seen := map[string]bool{}
	for _, e := range events {
		stored := 0
		err := in.tx.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE id = ? AND doc != ?`, e.ID, docPK).Scan(&stored)
		if seen[e.ID] || err == nil && stored > 0 {
			return e.ID
		}
		seen[e.ID] = true
	}
	return "(unknown)"
}

func isBusy(err error) bool {
	var se *msqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

func isUnique(err error) bool {
	var se *msqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// actorID finds or creates the row of act's actor.
func (in *inserter) actorID(ctx context.Context, act doc.Actor) (int64, error) {
	key := actorRow{act.Code, act.Country, act.Name}
	if id, ok := in.actors[key]; ok {
		return id, nil
	}
	find, err := in.prepared(ctx, &in.actor, `SELECT pk FROM actors WHERE code = ? AND country = ? AND name = ?`)
	if err != nil {
		return 0, fmt.Errorf("actor lookup: %w", err)
	}
	add, err := in.prepared(ctx, &in.addActor, `INSERT INTO actors (code, country, name) VALUES (?, ?, ?) RETURNING pk`)
	if err != nil {
		return 0, fmt.Errorf("actor insert: %w", err)
	}
	var id int64
	err = find.QueryRowContext(ctx, key.code, key.country, key.name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = add.QueryRowContext(ctx, key.code, key.country, key.name).Scan(&id)
	}
	if err != nil {
		return 0, fmt.Errorf("actor %s: %w", act.Code, err)
	}
	if in.actors == nil {
		in.actors = map[actorRow]int64{}
	}
	in.actors[key] = id
	return id, nil
}

// confidence stores an event's confidence, or NULL when it has none.
func confidence(c float64) sql.NullFloat64 {
	return sql.NullFloat64{Float64: c, Valid: c > 0}
}

// Events returns the events matching f.
func (s *Store) Events(ctx context.Context, f store.Filter) ([]doc.Event, error) {
	where, args, err := filterSQL(f)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var q string
	switch {
	case s.pageByDocuments(ctx, f):
		q, args = store.EventsWhereSQL(where, args, f.Limit)
		q = strings.Replace(q, "FROM events e\n\tJOIN documents d ON d.pk = e.doc", "FROM documents d\n\tCROSS JOIN events e ON e.doc = d.pk", 1)
	case f.Limit > 0:
		// A page of matches sorted: sort their keys, then read the page's
		// rows, rather than sorting every match's whole row.
		keys := f
		keys.Doc = "" // documents are joined here whatever the filter
		inner := "SELECT e.pk FROM events e JOIN documents d ON d.pk = e.doc" + store.JoinsFor(keys)
		if len(where) > 0 {
			inner += " WHERE " + strings.Join(where, " AND ")
		}
		inner += " ORDER BY d.id, d.pk, e.sentence_index, e.pk LIMIT ?"
		q, args = store.EventsWhereSQL([]string{"e.pk IN (" + inner + ")"}, append(args, f.Limit), 0)
	default:
		q, args = store.EventsWhereSQL(where, args, 0)
	}
	rows, err := s.queryCached(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []doc.Event
	err = store.EachRow(rows, func(r store.Row) error {
		e, err := store.ScanEvent(r)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// filterSQL is f.Where with SQLite's full-text condition for f.Text, over
// the sentences_fts index.
func filterSQL(f store.Filter) (where []string, args []any, err error) {
	text := f.Text
	f.Text = ""
	if where, args, err = f.Where(); err != nil || text == "" {
		return where, args, err
	}
	where = append(where, `EXISTS (SELECT 1 FROM sentences_fts f JOIN sentences fs ON fs.pk = f.rowid
		WHERE sentences_fts MATCH ? AND fs.doc = e.doc AND fs.idx = e.sentence_index)`)
	return where, append(args, ftsQuery(text)), nil
}

// isCode reports whether s is made of upper-case ASCII letters and digits
// only, as actor codes are, so it can go into a LIKE pattern unescaped.
func isCode(s string) bool {
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Documents lists the stored documents by id.
func (s *Store) Documents(ctx context.Context) ([]store.DocInfo, error) {
	rows, err := s.db.QueryContext(ctx, store.DocumentsSQL)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var out []store.DocInfo
	for rows.Next() {
		di, err := store.ScanDocInfo(rows)
		if err != nil {
			return nil, fmt.Errorf("documents: scan: %w", err)
		}
		out = append(out, di)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}

// Counts says how many documents, sentences, events and distinct actors
// are stored.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	c, err := store.ScanCounts(s.db.QueryRowContext(ctx, store.CountsSQL))
	if err != nil {
		return store.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

// Search finds sentences containing every word of query, best match first.
// limit <= 0 means no limit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SentenceHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, s.idx, s.text
		FROM sentences_fts f
		JOIN sentences s ON s.pk = f.rowid
		JOIN documents d ON d.pk = s.doc
		WHERE sentences_fts MATCH ?
		ORDER BY f.rank, d.id, s.idx
		LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var out []store.SentenceHit
	for rows.Next() {
		var h store.SentenceHit
		if err := rows.Scan(&h.Doc, &h.Index, &h.Text); err != nil {
			return nil, fmt.Errorf("search %q: scan: %w", query, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, nil
}

// ftsQuery turns words typed by a user into an FTS5 query that cannot be a
// syntax error: each whitespace-separated word becomes a quoted phrase
// (so "U.S." matches the tokens u s in order), a trailing * keeps prefix
// matching, and words without a letter or digit are dropped.
func ftsQuery(query string) string {
	var terms []string
	for _, w := range strings.Fields(query) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.ReplaceAll(w, "*", "")
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		t := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " ")
}
