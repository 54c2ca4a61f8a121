package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/xuri/excelize/v2"
)

// source yields an export's records one at a time, whatever the file type.
type source interface {
	// Next returns the next record and the row (CSV line, sheet row) where it starts; io.EOF at the end.
	Next() (row int64, rec []string, err error)
	// Progress reports how far the reader is, in bytes or rows of total.
	Progress() (done, total int64)
	Format() string
	// Serial says numeric timestamp cells may be Excel serial dates.
	Serial() bool
	Date1904() bool
	Close() error
}

// NotTableError is a file rapor cannot read as a table at all. It changes nothing.
type NotTableError struct {
	Path   string
	Reason string
}

func (e *NotTableError) Error() string { return msg.T("not_table", e.Path, e.Reason) }

// openSource opens path by its content (magic bytes), not only its name.
func openSource(path string) (source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		f.Close()
		return nil, err
	}
	head = head[:n]
	f.Close()
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case n == 0:
		return nil, &NotTableError{path, msg.T("empty_file")}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return openXLSX(path)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, &NotTableError{path, msg.T("old_xls")}
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, &NotTableError{path, "XLSX: " + "zip: not a valid zip file"}
	case bytes.IndexByte(head, 0) >= 0:
		return nil, &NotTableError{path, msg.T("binary_file")}
	case ext == ".json" || looksJSON(head):
		return openJSON(path)
	}
	return openCSV(path, head)
}

func looksJSON(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	return len(t) > 0 && (t[0] == '[' || t[0] == '{')
}

// --- CSV ---

type csvSource struct {
	pending *csvRecord
	f       *os.File
	cr      *countingReader
	r       *csv.Reader
	size    int64
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func openCSV(path string, head []byte) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, 1<<20)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.Comma = sniffSeparator(head)
	r.FieldsPerRecord = -1
	// Strict quotes: lazy quoting silently swallows every following row into one cell when a
	// quote is unbalanced. A bad row becomes a reject instead (see Next).
	r.LazyQuotes = false
	return &csvSource{f: f, cr: cr, r: r, size: st.Size()}, nil
}

// sniffSeparator picks , ; or tab, whichever the first line has most of outside quotes.
func sniffSeparator(head []byte) rune {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	counts := map[byte]int{}
	quoted := false
	for _, b := range head {
		if b == '"' {
			quoted = !quoted
		}
		if !quoted && (b == '\n' || b == '\r') {
			break
		}
		if !quoted {
			counts[b]++
		}
	}
	best, sep := counts[','], ','
	if counts[';'] > best {
		best, sep = counts[';'], ';'
	}
	if counts['\t'] > best {
		sep = '\t'
	}
	return rune(sep)
}

func (s *csvSource) Next() (int64, []string, error) {
	var row int64
	var rec []string
	var err error
	if s.pending != nil {
		row, rec, err = s.pending.row, s.pending.rec, s.pending.err
		s.pending = nil
	} else {
		row, rec, err = s.read()
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		// A quote error right before the end of the file is a quoted cell that never closes:
		// the file was cut off. Anywhere else it spoils one row, and reading goes on.
		nrow, nrec, nerr := s.read()
		if nerr == io.EOF && errors.Is(pe.Err, csv.ErrQuote) {
			return row, nil, &TruncatedError{Line: pe.StartLine}
		}
		s.pending = &csvRecord{nrow, nrec, nerr}
		return row, nil, &RowError{Row: row, Code: "csv_quote", Args: []any{pe.Line, pe.Column}}
	}
	return row, rec, err
}

type csvRecord struct {
	row int64
	rec []string
	err error
}

func (s *csvSource) read() (int64, []string, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return int64(pe.StartLine), nil, err
		}
		return 0, nil, err
	}
	line, _ := s.r.FieldPos(0)
	return int64(line), rec, nil
}

// RowError spoils one row of a file: it becomes a reject and the file goes on.
type RowError struct {
	Row  int64
	Code string
	Args []any
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %s", e.Row, msg.T(e.Code, e.Args...)) }

// TruncatedError is a CSV that ends inside a quoted cell: the file was cut off.
type TruncatedError struct{ Line int }

func (e *TruncatedError) Error() string { return msg.T("csv_truncated", e.Line) }

func (s *csvSource) Progress() (int64, int64) { return s.cr.n.Load(), s.size }
func (s *csvSource) Format() string           { return "csv" }
func (s *csvSource) Serial() bool             { return false }
func (s *csvSource) Date1904() bool           { return false }
func (s *csvSource) Close() error             { return s.f.Close() }

// --- XLSX ---

type xlsxSource struct {
	f        *excelize.File
	sheets   []string
	sheet    int
	rows     *excelize.Rows
	row      int64
	total    int64
	date1904 bool
}

func openXLSX(path string) (*xlsxSource, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &NotTableError{path, "XLSX: " + err.Error()}
	}
	s := &xlsxSource{f: f}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		s.date1904 = *p.Date1904
	}
	for _, name := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(name); err == nil && !v {
			continue
		}
		s.sheets = append(s.sheets, name)
	}
	if len(s.sheets) == 0 {
		f.Close()
		return nil, &NotTableError{path, "XLSX: no visible sheet"}
	}
	if err := s.open(0); err != nil {
		f.Close()
		return nil, &NotTableError{path, "XLSX: " + err.Error()}
	}
	return s, nil
}

// open starts reading sheet i; the header search moves to the next sheet when one has no layout.
func (s *xlsxSource) open(i int) error {
	if s.rows != nil {
		s.rows.Close()
	}
	rows, err := s.f.Rows(s.sheets[i])
	if err != nil {
		return err
	}
	s.sheet, s.rows, s.row = i, rows, 0
	if dim, err := s.f.GetSheetDimension(s.sheets[i]); err == nil {
		if _, _, _, r2, ok := parseDimension(dim); ok {
			s.total = int64(r2)
		}
	}
	return nil
}

func (s *xlsxSource) SheetName() string { return s.sheets[s.sheet] }

func (s *xlsxSource) nextSheet() bool {
	if s.sheet+1 >= len(s.sheets) {
		return false
	}
	return s.open(s.sheet+1) == nil
}

func (s *xlsxSource) Next() (int64, []string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return s.row, nil, fmt.Errorf("XLSX sheet %q row %d: %w", s.SheetName(), s.row+1, err)
		}
		return 0, nil, io.EOF
	}
	s.row++
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return s.row, nil, fmt.Errorf("XLSX sheet %q row %d: %w", s.SheetName(), s.row, err)
	}
	return s.row, rec, nil
}

func (s *xlsxSource) Progress() (int64, int64) { return s.row, s.total }
func (s *xlsxSource) Format() string           { return "xlsx" }
func (s *xlsxSource) Serial() bool             { return true }
func (s *xlsxSource) Date1904() bool           { return s.date1904 }
func (s *xlsxSource) Close() error {
	if s.rows != nil {
		s.rows.Close()
	}
	return s.f.Close()
}

// parseDimension reads "A1:T120431" into its corners.
func parseDimension(d string) (c1, r1, c2, r2 int, ok bool) {
	a, b, found := strings.Cut(d, ":")
	if !found {
		b = a
	}
	var err1, err2 error
	c1, r1, err1 = excelize.CellNameToCoordinates(a)
	c2, r2, err2 = excelize.CellNameToCoordinates(b)
	return c1, r1, c2, r2, err1 == nil && err2 == nil
}
