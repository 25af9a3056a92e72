package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Where turns f into SQL conditions, to be joined with AND, over events e,
// their documents d and source and target actors sa and ta, with ? for
// each of args. The SQL is portable: SQLite runs it as it is, PostgreSQL
// after numbering the placeholders.
func (f Filter) Where() (where []string, args []any, err error) {
	src, tgt, err := f.Sides()
	if err != nil {
		return nil, nil, err
	}
	if src != "" || tgt != "" {
		dir := func(src, tgt string) (string, []any) {
			var c []string
			var a []any
			if src != "" {
				c, a = append(c, "e.source_key = ?"), append(a, src)
			}
			if tgt != "" {
				c, a = append(c, "e.target_key = ?"), append(a, tgt)
			}
			return "(" + strings.Join(c, " AND ") + ")", a
		}
		c, a := dir(src, tgt)
		if f.Both {
			c2, a2 := dir(tgt, src)
			c, a = "("+c+" OR "+c2+")", append(a, a2...)
		}
		where, args = append(where, c), append(args, a...)
	}
	if f.Root != "" {
		where, args = append(where, "e.root = ?"), append(args, f.Root)
	}
	if f.Since != "" {
		where, args = append(where, "e.date >= ?"), append(args, f.Since)
	}
	if f.Until != "" {
		// '~' sorts after every character of an ISO date, so any date
		// starting with Until is still <= Until+"~".
		where, args = append(where, "e.date <= ?"), append(args, f.Until+"~")
	}
	for _, side := range []struct{ key, col, actor string }{{f.Source, "e.source_key", "sa"}, {f.Target, "e.target_key", "ta"}} {
		k := strings.ToUpper(strings.TrimSpace(side.key))
		switch {
		case k == "":
		case !isCode(k):
			return nil, nil, fmt.Errorf("actor %q: want letters and digits: %w", side.key, ErrInvalid)
		case len(k) <= 3:
			where, args = append(where, side.col+" = ?"), append(args, k)
		default:
			where, args = append(where, side.actor+".code LIKE ?"), append(args, k+"%")
		}
	}
	if f.Code != "" {
		if strings.Trim(f.Code, "0123456789") != "" {
			return nil, nil, fmt.Errorf("CAMEO code %q: want digits: %w", f.Code, ErrInvalid)
		}
		where, args = append(where, "e.cameo LIKE ?"), append(args, f.Code+"%")
	}
	if f.Quad != 0 {
		if f.Quad < 1 || f.Quad > 4 {
			return nil, nil, fmt.Errorf("quad %d: want 1-4: %w", f.Quad, ErrInvalid)
		}
		where, args = append(where, "e.quad = ?"), append(args, f.Quad)
	}
	if f.PLOVER != "" {
		where, args = append(where, "e.plover = ?"), append(args, strings.ToUpper(f.PLOVER))
	}
	if f.Modality != "" {
		where, args = append(where, "e.modality = ?"), append(args, strings.ToLower(f.Modality))
	}
	if f.Doc != "" {
		where, args = append(where, "d.id = ?"), append(args, f.Doc)
	}
	if f.Cluster != "" {
		where, args = append(where, "e.cluster = ?"), append(args, f.Cluster)
	}
	if f.ID != "" {
		where, args = append(where, "e.id = ?"), append(args, f.ID)
	}
	if f.After != "" {
		// The row value of the Events order, compared with the cursor's;
		// the first condition lets the documents' id index start there.
		where = append(where, `d.id >= (SELECT ad.id FROM events a JOIN documents ad ON ad.pk = a.doc WHERE a.id = ?)`,
			`(d.id, d.pk, e.sentence_index, e.pk) > (SELECT ad.id, a.doc, a.sentence_index, a.pk
			FROM events a JOIN documents ad ON ad.pk = a.doc WHERE a.id = ?)`)
		args = append(args, f.After, f.After)
	}
	if f.Text != "" {
		// Full-text search is each backend's own (SQLite's FTS5,
		// PostgreSQL's tsvector): a backend that has none refuses it.
		return nil, nil, fmt.Errorf("a full-text filter (%q) over events: this store does not search events' sentences: %w", f.Text, ErrInvalid)
	}
	return where, args, nil
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

// EventsSQL returns the query, over the schema the SQL backends share,
// that selects the events f matches in the order Store.Events promises,
// with ? for each of args. ScanEvent reads its rows.
func EventsSQL(f Filter) (query string, args []any, err error) {
	where, args, err := f.Where()
	if err != nil {
		return "", nil, err
	}
	q, args := EventsWhereSQL(where, args, f.Limit)
	return q, args, nil
}

// EventsWhereSQL is EventsSQL for the events that meet every condition of
// where (over events e, documents d and actors sa and ta), at most limit of
// them when limit > 0.
func EventsWhereSQL(where []string, args []any, limit int) (query string, _ []any) {
	q := `SELECT d.id, e.id, e.doc_date, COALESCE(d.date_from, ''), COALESCE(e.sentence, s.text, ''), e.sentence_index, e.span_start, e.span_end,
		sa.code, sa.country, sa.name, e.source_text, e.source_role,
		ta.code, ta.country, ta.name, e.target_text, e.target_role,
		e.cameo, e.root, e.plover, e.goldstein, e.quad, e.trigger_text, e.date, e.date_precision,
		e.location, e.quantities, e.modality, e.tables, e.confidence, e.magnitudes,
		d.source, d.origin, d.coding, COALESCE(e.cluster, '')
	FROM events e
	JOIN documents d ON d.pk = e.doc
	JOIN actors sa ON sa.pk = e.source_actor
	LEFT JOIN actors ta ON ta.pk = e.target_actor
	LEFT JOIN sentences s ON e.sentence IS NULL AND s.doc = e.doc AND s.idx = e.sentence_index`
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	// d.pk, equal to e.doc, lets SQLite read the documents in the order
	// of their id index and each one's events in the order of theirs, so a
	// page of events is read without sorting every event.
	q += "\nORDER BY d.id, d.pk, e.sentence_index, e.pk"
	if limit > 0 {
		q += "\nLIMIT ?"
		args = append(args, limit)
	}
	return q, args
}

// ScanEvent reads one row of the EventsSQL query; row is a *sql.Rows or
// any driver's rows with the same Scan.
func ScanEvent(row Row) (doc.Event, error) {
	var (
		e                                    doc.Event
		tCode, tCountry, tName, tText, tRole sql.NullString
		location, quantities, magnitudes     sql.NullString
		conf                                 sql.NullFloat64
		origin                               string
	)
	if err := row.Scan(&e.Doc, &e.ID, &e.DocDate, &e.DocDateFrom, &e.Sentence, &e.SentenceIndex, &e.Span[0], &e.Span[1],
		&e.Source.Code, &e.Source.Country, &e.Source.Name, &e.Source.Text, &e.Source.Role,
		&tCode, &tCountry, &tName, &tText, &tRole,
		&e.CAMEO, &e.Root, &e.PLOVER, &e.Goldstein, &e.Quad, &e.Trigger, &e.Date, &e.DatePrecision,
		&location, &quantities, &e.Modality, &e.Tables, &conf, &magnitudes,
		&e.Outlet, &origin, &e.Coding, &e.Cluster); err != nil {
		return doc.Event{}, fmt.Errorf("scan: %w", err)
	}
	if IsURL(origin) {
		e.URL = origin
	}
	e.Confidence = conf.Float64
	if tCode.Valid {
		e.Target = &doc.Actor{Text: tText.String, Code: tCode.String, Country: tCountry.String, Name: tName.String, Role: tRole.String}
	}
	if location.Valid {
		e.Location = new(doc.Location)
		if err := json.Unmarshal([]byte(location.String), e.Location); err != nil {
			return doc.Event{}, fmt.Errorf("event %s: location: %w", e.ID, err)
		}
	}
	if quantities.Valid {
		if err := json.Unmarshal([]byte(quantities.String), &e.Quantities); err != nil {
			return doc.Event{}, fmt.Errorf("event %s: quantities: %w", e.ID, err)
		}
		if e.Quantities == nil {
			e.Quantities = []doc.Quantity{}
		}
	}
	if magnitudes.Valid {
		if err := json.Unmarshal([]byte(magnitudes.String), &e.Magnitudes); err != nil {
			return doc.Event{}, fmt.Errorf("event %s: magnitudes: %w", e.ID, err)
		}
	}
	return e, nil
}

// Row is one result row of database/sql or of another driver.
type Row interface{ Scan(dest ...any) error }

// DocumentsSQL lists the stored documents as Store.Documents promises;
// ScanDocInfo reads its rows.
const DocumentsSQL = `SELECT d.id, d.hash, d.title, d.source, d.published, d.origin, d.coding,
	(SELECT count(*) FROM events e WHERE e.doc = d.pk)
	FROM documents d ORDER BY d.id, d.pk`

// ScanDocInfo reads one row of DocumentsSQL.
func ScanDocInfo(row Row) (DocInfo, error) {
	var di DocInfo
	err := row.Scan(&di.ID, &di.Hash, &di.Title, &di.Source, &di.Published, &di.Origin, &di.Coding, &di.Events)
	return di, err
}

// CountsSQL counts what a store holds, as ScanCounts reads it.
const CountsSQL = `SELECT
	(SELECT count(*) FROM documents),
	(SELECT count(*) FROM sentences),
	(SELECT count(*) FROM events),
	(SELECT count(*) FROM actors)`

// ScanCounts reads the row of CountsSQL.
func ScanCounts(row Row) (Counts, error) {
	var c Counts
	err := row.Scan(&c.Documents, &c.Sentences, &c.Events, &c.Actors)
	return c, err
}

// DocumentSQL selects the document whose hash is ?, as ScanDocument reads
// it.
const DocumentSQL = `SELECT id, origin, title, source, published, date_from, format, body, text, coding
	FROM documents WHERE hash = ?`

// ScanDocument reads the row of DocumentSQL for the document with hash.
// The error is the driver's own, so the caller can tell "no row".
func ScanDocument(row Row, hash string) (*doc.Document, error) {
	d := &doc.Document{Hash: hash}
	var body sql.NullString
	if err := row.Scan(&d.ID, &d.Origin, &d.Title, &d.Source, &d.Published, &d.DateFrom, &d.Format, &body, &d.Text, &d.Coding); err != nil {
		return nil, err
	}
	// Documents stored before bodies were kept are re-cleaned from their
	// cleaned text.
	d.Body = d.Text
	if body.Valid {
		d.Body = body.String
	}
	if d.Format == "" {
		d.Format = "text"
	}
	return d, nil
}
