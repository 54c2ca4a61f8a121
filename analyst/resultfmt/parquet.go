package resultfmt

import (
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ParquetRowGroup is the number of rows per Parquet row group (DuckDB's own default). A row
// group is buffered, encoded and compressed, before it is written, so it bounds the writer's
// memory.
const ParquetRowGroup = 122_880

// Parquet writes one result as a Parquet file (Snappy, the Arrow schema stored so types such as
// TIMESTAMPTZ and ENUM read back as they were). TIMESTAMPTZ columns are UTC instants, as
// Parquet defines them.
type Parquet struct {
	w       io.Writer
	o       Options
	results int
}

// NewParquet returns a Parquet writer.
func NewParquet(w io.Writer, o Options) *Parquet { return &Parquet{w: w, o: o} }

// ErrOneResult is returned when a second result is written to a one-table format.
var ErrOneResult = errors.New("a Parquet file holds one result: give one statement, or one --out per statement")

func (p *Parquet) Write(rr array.RecordReader) (int64, error) {
	if p.results > 0 {
		return 0, ErrOneResult
	}
	p.results++
	schema := rr.Schema()
	if err := parquetSupported(schema); err != nil {
		return 0, err
	}
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(ParquetRowGroup),
		parquet.WithDictionaryDefault(true),
		parquet.WithCreatedBy("rapor"),
	)
	fw, err := pqarrow.NewFileWriter(schema, nopCloser{p.w}, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return 0, fmt.Errorf("parquet: %w", err)
	}
	var rows int64
	for rr.Next() {
		rec := rr.RecordBatch()
		if err := fw.WriteBuffered(rec); err != nil {
			fw.Close()
			return rows, fmt.Errorf("parquet: %w", err)
		}
		rows += rec.NumRows()
	}
	if err := fw.Close(); err != nil {
		return rows, fmt.Errorf("parquet: %w", err)
	}
	return rows, nil
}

func (p *Parquet) Close() error {
	if p.results == 0 {
		return errors.New("parquet: no result to write")
	}
	return nil
}

// parquetSupported names a column whose type Parquet cannot hold (DuckDB's INTERVAL), with the
// way around it.
func parquetSupported(s *arrow.Schema) error {
	for _, f := range s.Fields() {
		switch f.Type.ID() {
		case arrow.INTERVAL_MONTH_DAY_NANO, arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTHS:
			return fmt.Errorf("parquet: column %q is an INTERVAL, which Parquet files cannot hold here; select it as text (CAST(%s AS VARCHAR)) or as a number (e.g. epoch(%s) for seconds)", f.Name, f.Name, f.Name)
		}
	}
	return nil
}

// nopCloser keeps the Parquet writer from closing the caller's writer.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
