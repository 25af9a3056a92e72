package export

import (
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"

	"github.com/dyad-events/dyad/internal/doc"
)

// ParquetRow is one event as a row of the Parquet file: the event record
// flattened like the CSV table, with typed columns (integers, doubles),
// nulls where the record has no target, location, cluster or confidence,
// quantities as a list of structs, and the cluster's counts.
type ParquetRow struct {
	ID            string             `parquet:"id"`
	Doc           string             `parquet:"doc"`
	DocDate       string             `parquet:"doc_date"`
	DocDateFrom   string             `parquet:"doc_date_from"`
	Sentence      string             `parquet:"sentence"`
	SentenceIndex int32              `parquet:"sentence_index"`
	SpanStart     int32              `parquet:"span_start"`
	SpanEnd       int32              `parquet:"span_end"`
	SourceText    string             `parquet:"source_text"`
	SourceCode    string             `parquet:"source_code"`
	SourceCountry string             `parquet:"source_country"`
	SourceName    string             `parquet:"source_name"`
	SourceRole    string             `parquet:"source_role"`
	TargetText    *string            `parquet:"target_text,optional"`
	TargetCode    *string            `parquet:"target_code,optional"`
	TargetCountry *string            `parquet:"target_country,optional"`
	TargetName    *string            `parquet:"target_name,optional"`
	TargetRole    *string            `parquet:"target_role,optional"`
	CAMEO         string             `parquet:"cameo"`
	Root          string             `parquet:"root"`
	PLOVER        string             `parquet:"plover"`
	Goldstein     float64            `parquet:"goldstein"`
	Quad          int32              `parquet:"quad"`
	Trigger       string             `parquet:"trigger"`
	Date          string             `parquet:"date"`
	DatePrecision string             `parquet:"date_precision"`
	LocationText  *string            `parquet:"location_text,optional"`
	LocationCtry  *string            `parquet:"location_country,optional"`
	LocationLat   *float64           `parquet:"location_lat,optional"`
	LocationLon   *float64           `parquet:"location_lon,optional"`
	LocationAdm1  *string            `parquet:"location_admin1,optional"`
	LocationFrom  *string            `parquet:"location_from,optional"`
	Quantities    []ParquetQuantity  `parquet:"quantities,list"`
	Magnitudes    []ParquetMagnitude `parquet:"magnitudes,list"`
	Modality      string             `parquet:"modality"`
	Tables        string             `parquet:"tables"`
	Cluster       *string            `parquet:"cluster,optional"`
	Confidence    *float64           `parquet:"confidence,optional"`
	NumMentions   int32              `parquet:"num_mentions"`
	NumSources    int32              `parquet:"num_sources"`
	NumArticles   int32              `parquet:"num_articles"`
	Outlet        string             `parquet:"outlet"`
	URL           string             `parquet:"url"`
	Coding        string             `parquet:"coding"`
}

// ParquetQuantity is one amount of a ParquetRow.
type ParquetQuantity struct {
	Text     string  `parquet:"text"`
	Value    float64 `parquet:"value"`
	Unit     string  `parquet:"unit"`
	Max      float64 `parquet:"max"`
	Per      string  `parquet:"per"`
	Year     int     `parquet:"year"`
	USD      float64 `parquet:"usd"`
	USDMax   float64 `parquet:"usd_max"`
	USDFrom  string  `parquet:"usd_from"`
	RateYear int     `parquet:"rate_year"`
}

// ParquetMagnitude is one count of people on an event (doc.Magnitude).
type ParquetMagnitude struct {
	Kind  string `parquet:"kind"`
	Text  string `parquet:"text"`
	Value int    `parquet:"value"`
	Bound string `parquet:"bound"`
}

// Parquet writes events as one Parquet file (snappy-compressed, one row
// group) that pandas, R's arrow and DuckDB read.
func Parquet(w io.Writer, events []doc.Event, opt Options) error {
	rows := make([]ParquetRow, len(events))
	for i, e := range events {
		rows[i] = parquetRow(e, opt)
	}
	pw := parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&snappy.Codec{}))
	if _, err := pw.Write(rows); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	return nil
}

// ReadParquet reads the rows of a Parquet file Parquet wrote.
func ReadParquet(r io.ReaderAt, size int64) ([]ParquetRow, error) {
	rows, err := parquet.Read[ParquetRow](r, size)
	if err != nil {
		return nil, fmt.Errorf("read parquet: %w", err)
	}
	return rows, nil
}

func parquetRow(e doc.Event, opt Options) ParquetRow {
	c := opt.counts(e)
	r := ParquetRow{
		ID: e.ID, Doc: e.Doc, DocDate: e.DocDate, DocDateFrom: e.DocDateFrom, Sentence: e.Sentence,
		SentenceIndex: int32(e.SentenceIndex), SpanStart: int32(e.Span[0]), SpanEnd: int32(e.Span[1]),
		SourceText: e.Source.Text, SourceCode: e.Source.Code, SourceCountry: e.Source.Country,
		SourceName: e.Source.Name, SourceRole: e.Source.Role,
		CAMEO: e.CAMEO, Root: e.Root, PLOVER: e.PLOVER, Goldstein: e.Goldstein, Quad: int32(e.Quad),
		Trigger: e.Trigger, Date: e.Date, DatePrecision: e.DatePrecision,
		Modality: e.Modality, Tables: e.Tables,
		NumMentions: int32(c.Mentions), NumSources: int32(c.Sources), NumArticles: int32(c.Articles),
		Outlet: e.Outlet, URL: e.URL, Coding: e.Coding,
	}
	if t := e.Target; t != nil {
		r.TargetText, r.TargetCode, r.TargetCountry, r.TargetName, r.TargetRole = &t.Text, &t.Code, &t.Country, &t.Name, &t.Role
	}
	if l := e.Location; l != nil {
		r.LocationText, r.LocationCtry, r.LocationLat, r.LocationLon = &l.Text, &l.Country, &l.Lat, &l.Lon
		r.LocationAdm1, r.LocationFrom = &l.Admin1, &l.From
	}
	for _, q := range e.Quantities {
		r.Quantities = append(r.Quantities, ParquetQuantity(q))
	}
	for _, m := range e.Magnitudes {
		r.Magnitudes = append(r.Magnitudes, ParquetMagnitude(m))
	}
	if e.Cluster != "" {
		r.Cluster = &e.Cluster
	}
	if e.Confidence != 0 {
		r.Confidence = &e.Confidence
	}
	return r
}

// Event returns the event record a row holds.
func (r ParquetRow) Event() doc.Event {
	e := doc.Event{
		ID: r.ID, Doc: r.Doc, DocDate: r.DocDate, DocDateFrom: r.DocDateFrom, Sentence: r.Sentence,
		SentenceIndex: int(r.SentenceIndex), Span: [2]int{int(r.SpanStart), int(r.SpanEnd)},
		Source: doc.Actor{Text: r.SourceText, Code: r.SourceCode, Country: r.SourceCountry, Name: r.SourceName, Role: r.SourceRole},
		CAMEO:  r.CAMEO, Root: r.Root, PLOVER: r.PLOVER, Goldstein: r.Goldstein, Quad: int(r.Quad),
		Trigger: r.Trigger, Date: r.Date, DatePrecision: r.DatePrecision,
		Modality: r.Modality, Tables: r.Tables, Outlet: r.Outlet, URL: r.URL, Coding: r.Coding,
	}
	if r.TargetCode != nil {
		e.Target = &doc.Actor{Text: deref(r.TargetText), Code: *r.TargetCode, Country: deref(r.TargetCountry), Name: deref(r.TargetName), Role: deref(r.TargetRole)}
	}
	if r.LocationText != nil {
		e.Location = &doc.Location{Text: *r.LocationText, Country: deref(r.LocationCtry), Admin1: deref(r.LocationAdm1), From: deref(r.LocationFrom)}
		if r.LocationLat != nil && r.LocationLon != nil {
			e.Location.Lat, e.Location.Lon = *r.LocationLat, *r.LocationLon
		}
	}
	for _, q := range r.Quantities {
		e.Quantities = append(e.Quantities, doc.Quantity(q))
	}
	for _, m := range r.Magnitudes {
		e.Magnitudes = append(e.Magnitudes, doc.Magnitude(m))
	}
	e.Cluster = deref(r.Cluster)
	if r.Confidence != nil {
		e.Confidence = *r.Confidence
	}
	return e
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
