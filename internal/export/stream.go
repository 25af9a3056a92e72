package export

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/dyad-events/dyad/internal/doc"
)

// CSVWriter streams events as the CSV table CSV writes, one row at a time,
// the header before the first: for results too large to hold in memory.
type CSVWriter struct {
	cw     *csv.Writer
	header bool
}

// NewCSV returns a CSVWriter writing to w.
func NewCSV(w io.Writer) *CSVWriter { return &CSVWriter{cw: csv.NewWriter(w)} }

// Write writes one event's row, after the header when it is the first.
func (c *CSVWriter) Write(e doc.Event) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	row, err := csvRow(e)
	if err != nil {
		return err
	}
	if err := c.cw.Write(row); err != nil {
		return fmt.Errorf("write event %s as csv: %w", e.ID, err)
	}
	return nil
}

// Flush writes what is buffered (the header alone when no event was
// written) and reports any error writing.
func (c *CSVWriter) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func (c *CSVWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	if err := c.cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	return nil
}
