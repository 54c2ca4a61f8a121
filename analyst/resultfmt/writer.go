package resultfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/array"
)

// Writer writes query results. Write consumes one result stream to its end; a writer of a
// format that holds one table per file (Parquet) takes one result only. Close finishes the
// output (XLSX and Parquet write their footers then) but does not close the underlying writer.
type Writer interface {
	Write(rr array.RecordReader) (rows int64, err error)
	Close() error
}

// Formats lists the output formats.
// table is DuckDB's box look; psql the aligned text of psql.
var Formats = []string{"table", "psql", "csv", "json", "xlsx", "parquet"}

// Binary reports whether a format cannot go to a terminal (it needs --out).
func Binary(format string) bool { return format == "xlsx" || format == "parquet" }

// New returns the writer for format.
func New(format string, w io.Writer, o Options) (Writer, error) {
	switch format {
	case "table":
		return NewBox(w, o), nil
	case "psql":
		return NewTable(w, o), nil
	case "csv":
		return NewCSV(w, o), nil
	case "json":
		return NewJSON(w, o), nil
	case "xlsx":
		return NewXLSX(w, o), nil
	case "parquet":
		return NewParquet(w, o), nil
	}
	return nil, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}

// CSV writes RFC 4180 CSV with a header row. NULL is an empty field and an empty string is "",
// so the two stay apart. Several results are separated by a blank line.
type CSV struct {
	w       *bufio.Writer
	o       Options
	results int
	line    []byte
}

// NewCSV returns a CSV writer.
func NewCSV(w io.Writer, o Options) *CSV {
	return &CSV{w: bufio.NewWriterSize(w, 256<<10), o: o}
}

func (c *CSV) Write(rr array.RecordReader) (int64, error) {
	if c.results > 0 {
		c.w.WriteByte('\n')
	}
	c.results++
	cf := c.o.cells(styleCSV)
	fields := rr.Schema().Fields()
	guard := make([]bool, len(fields)) // text columns, whose formula-like cells are defused
	line := c.line[:0]
	for j, f := range fields {
		if j > 0 {
			line = append(line, ',')
		}
		guard[j] = !c.o.RawCSV && !isNumeric(f.Type)
		name := []byte(f.Name)
		if !c.o.RawCSV {
			name = defuse(nil, name)
		}
		line = appendCSVField(line, name, false)
	}
	line = append(line, '\n')
	if _, err := c.w.Write(line); err != nil {
		return 0, err
	}
	var rows int64
	var cell, text []byte
	for rr.Next() {
		rec := rr.RecordBatch()
		cols := rec.Columns()
		n := int(rec.NumRows())
		for i := 0; i < n; i++ {
			line = line[:0]
			for j, col := range cols {
				if j > 0 {
					line = append(line, ',')
				}
				if col.IsNull(i) {
					continue
				}
				if guard[j] {
					text = appendText(text[:0], col, i, cf)
					cell = defuse(cell[:0], text)
				} else {
					cell = appendText(cell[:0], col, i, cf)
				}
				line = appendCSVField(line, cell, true)
			}
			line = append(line, '\n')
			if _, err := c.w.Write(line); err != nil {
				return rows, err
			}
			rows++
		}
	}
	c.line = line
	return rows, c.w.Flush()
}

func (c *CSV) Close() error { return c.w.Flush() }

// defuse appends f to dst with a leading ' when a spreadsheet would read it as a formula: it
// starts with =, +, -, @, a tab or a carriage return (OWASP, CSV injection).
func defuse(dst, f []byte) []byte {
	if len(f) > 0 {
		switch f[0] {
		case '=', '+', '-', '@', '\t', '\r':
			dst = append(dst, '\'')
		}
	}
	return append(dst, f...)
}

// appendCSVField quotes a field when it holds a separator, a quote, a line break or blanks at
// its ends, or (not NULL) is empty.
func appendCSVField(dst, f []byte, value bool) []byte {
	quote := len(f) == 0 && value
	if !quote {
		if f[0] == ' ' || f[0] == '\t' || f[len(f)-1] == ' ' || f[len(f)-1] == '\t' {
			quote = true
		} else {
			for _, c := range f {
				if c == ',' || c == '"' || c == '\n' || c == '\r' {
					quote = true
					break
				}
			}
		}
	}
	if !quote {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for _, c := range f {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// JSON writes each result as a JSON array of objects, one object per line, keys in column
// order. Several results give several arrays, one after the other.
type JSON struct {
	w       *bufio.Writer
	o       Options
	results int
}

// NewJSON returns a JSON writer.
func NewJSON(w io.Writer, o Options) *JSON {
	return &JSON{w: bufio.NewWriterSize(w, 256<<10), o: o}
}

func (j *JSON) Write(rr array.RecordReader) (int64, error) {
	j.results++
	cf := j.o.cells(styleCSV)
	fields := rr.Schema().Fields()
	keys := make([][]byte, len(fields))
	for k, f := range fields {
		keys[k] = append(appendJSONString(nil, f.Name), ':')
	}
	j.w.WriteString("[")
	var rows int64
	var line []byte
	for rr.Next() {
		rec := rr.RecordBatch()
		cols := rec.Columns()
		n := int(rec.NumRows())
		for i := 0; i < n; i++ {
			line = line[:0]
			if rows > 0 {
				line = append(line, ',')
			}
			line = append(line, "\n{"...)
			for k, col := range cols {
				if k > 0 {
					line = append(line, ',')
				}
				line = append(line, keys[k]...)
				line = appendJSON(line, col, i, cf)
			}
			line = append(line, '}')
			if _, err := j.w.Write(line); err != nil {
				return rows, err
			}
			rows++
		}
	}
	j.w.WriteString("\n]\n")
	return rows, j.w.Flush()
}

func (j *JSON) Close() error { return j.w.Flush() }
