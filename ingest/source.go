package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/hsu-lapor/rapor/internal/msg"
	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
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

// farSource is a source whose records may leave out cells far to the right (xlsxSource):
// Far returns those of the record Next last returned, each with its column.
type farSource interface {
	Far() []farCell
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
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return openCSV(path, head) // Excel's "Unicode text": UTF-16 with a byte order mark
	case looksUTF16(head):
		return nil, &NotTableError{path, msg.T("utf16_no_bom")}
	case ext == ".json" || looksJSON(head):
		return openJSON(path)
	}
	// A NUL byte anywhere (binary data, or a file damaged in transit) fails the file, naming its
	// line: csvSource.fill.
	return openCSV(path, head)
}

// looksUTF16 spots UTF-16 text without a byte order mark: every other byte zero.
func looksUTF16(head []byte) bool {
	head = head[:min(len(head), 1024)]
	if len(head) < 8 {
		return false
	}
	var zeros [2]int
	for i, b := range head {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(head) / 2
	return (zeros[0] > half/3 && zeros[1] < half/20) || (zeros[1] > half/3 && zeros[0] < half/20)
}

func looksJSON(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	return len(t) > 0 && (t[0] == '[' || t[0] == '{')
}

// --- CSV ---

// csvSource cuts a CSV file into blocks of whole records (see csvscan.go). Next parses records
// one by one (for the header search); NextBlock hands the rest out raw, for workers to parse.
type csvSource struct {
	path      string
	f         *os.File
	cr        *countingReader
	in        io.Reader // cr, or cr decoded from UTF-16
	size      int64
	sep       byte
	blockSize int

	block    []byte // whole records
	blockStr string // block as a string: cells are substrings of it
	pos      int    // next record of block for Next
	line     int64  // line of the record at pos
	carry    []byte // an unfinished record after the block
	nextLine int64  // line of the first record after the block
	eof      bool
	bomDone  bool
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
	s := &csvSource{path: path, f: f, cr: &countingReader{r: f}, size: st.Size(), blockSize: 4 << 20, nextLine: 1}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		s.in = transform.NewReader(s.cr, dec.NewDecoder())
		head, _, _ = transform.Bytes(dec.NewDecoder(), head[:len(head)&^1])
	}
	s.sep = sniffSeparator(head)
	return s, nil
}

// sniffSeparator picks , ; or tab, whichever the first line has most of outside quotes.
func sniffSeparator(head []byte) byte {
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
	best, sep := counts[','], byte(',')
	if counts[';'] > best {
		best, sep = counts[';'], ';'
	}
	if counts['\t'] > best {
		sep = '\t'
	}
	return sep
}

// fill reads the next block of whole records. It returns io.EOF when the file is done.
func (s *csvSource) fill() error {
	data := s.carry
	s.carry = nil
	for {
		if !s.eof {
			want := s.blockSize
			if len(data) >= want {
				want = len(data) // a record longer than a block: read as much again
			}
			buf := make([]byte, len(data), len(data)+want)
			copy(buf, data)
			in := s.in
			if in == nil {
				in = s.cr
			}
			n, err := io.ReadFull(in, buf[len(data):cap(buf)])
			buf = buf[:len(data)+n]
			if k := bytes.IndexByte(buf[len(data):], 0); k >= 0 {
				line := s.nextLine + int64(bytes.Count(buf[:len(data)+k], nl))
				return &NotTableError{s.path, msg.T("nul_byte", line)}
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				s.eof = true
			} else if err != nil {
				return err
			}
			if !s.bomDone && (len(buf) >= 3 || s.eof) {
				// The byte order mark, once, whatever the size of the first reads.
				buf, s.bomDone = bytes.TrimPrefix(buf, []byte("\ufeff")), true
			}
			data = buf
		}
		if len(data) == 0 {
			if !s.eof {
				continue
			}
			return io.EOF
		}
		if !s.bomDone {
			continue // fewer than three bytes yet: they may be a byte order mark
		}
		// Find the end of the last record that surely ends in data.
		end, lines, i, lineAt := 0, int64(0), 0, int64(0)
		for i < len(data) {
			next, l, complete := scanRecord(data, "", i, s.sep, nil)
			if !complete {
				if s.eof {
					return &TruncatedError{Line: int(s.nextLine + lineAt)}
				}
				break
			}
			if next == len(data) && data[next-1] != '\n' && !s.eof {
				break // the last cell may go on in the next read
			}
			lineAt += int64(l)
			i, end, lines = next, next, lineAt
		}
		if end == 0 {
			if s.eof {
				return io.EOF
			}
			continue // no whole record yet: read more
		}
		s.block, s.blockStr, s.pos, s.line = data[:end], string(data[:end]), 0, s.nextLine
		s.nextLine += lines
		if end < len(data) {
			s.carry = data[end:]
		}
		return nil
	}
}

// Next parses the next record (used to find the header).
func (s *csvSource) Next() (int64, []string, error) {
	if s.pos >= len(s.block) {
		if err := s.fill(); err != nil {
			return 0, nil, err
		}
	}
	var out scanOut
	row := s.line
	next, lines, _ := scanRecord(s.block, s.blockStr, s.pos, s.sep, &out)
	s.pos, s.line = next, s.line+int64(lines)
	if out.bad {
		return row, nil, &RowError{Row: row, Code: "csv_quote", Args: []any{row, out.badCol}}
	}
	return row, out.fields, nil
}

// NextBlock returns the rest of the current block, or the next block, of whole records, and
// the line on which its first record starts.
func (s *csvSource) NextBlock() ([]byte, int64, error) {
	if s.pos >= len(s.block) {
		if err := s.fill(); err != nil {
			return nil, 0, err
		}
	}
	b, line := s.block[s.pos:], s.line
	s.pos = len(s.block)
	return b, line, nil
}

// parseBlock splits a block of whole records into cells; spoilt rows become rejects.
func parseBlock(b []byte, line int64, sep byte, width int) (rows []int64, recs [][]string, rejects []Reject) {
	str := string(b)
	slab := make([]string, 0, 4096)
	for i := 0; i < len(b); {
		out := scanOut{fields: slab}
		start := len(slab)
		next, lines, _ := scanRecord(b, str, i, sep, &out)
		if out.bad {
			rejects = append(rejects, Reject{Row: line, Code: "csv_quote", Args: []any{line, out.badCol}, RowRejected: true})
		} else {
			rows = append(rows, line)
			recs = append(recs, out.fields[start:len(out.fields):len(out.fields)])
		}
		slab = out.fields
		if cap(slab)-len(slab) < width+1 {
			slab = make([]string, 0, max(4096, 64*(width+1)))
		}
		i, line = next, line+int64(lines)
	}
	return rows, recs, rejects
}

func (s *csvSource) Progress() (int64, int64) { return s.cr.n.Load(), s.size }
func (s *csvSource) Format() string           { return "csv" }
func (s *csvSource) Serial() bool             { return false }
func (s *csvSource) Date1904() bool           { return false }
func (s *csvSource) Close() error             { return s.f.Close() }

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

// --- XLSX ---

// xlsxSource reads the visible sheets of a workbook with sheetStream (xlsxsheet.go).
type xlsxSource struct {
	path   string
	z      *zip.ReadCloser
	wp     *workbookParts
	sst    *sharedStrings
	sheets []string
	sheet  int
	rows   *sheetStream
	row    atomic.Int64 // read by the progress ticker
}

func openXLSX(path string) (*xlsxSource, error) {
	bad := func(err error) error { return &NotTableError{path, "XLSX: " + err.Error()} }
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, bad(err)
	}
	// klauspost's inflate is about twice the standard library's; archive/zip still checks the CRC.
	z.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	s := &xlsxSource{path: path, z: z}
	if s.wp, err = readWorkbookParts(&z.Reader); err != nil {
		z.Close()
		return nil, bad(err)
	}
	s.sheets = s.wp.visible
	if len(s.sheets) == 0 {
		z.Close()
		return nil, bad(errors.New("no visible sheet"))
	}
	s.sst = newSharedStrings()
	if f := s.wp.files[s.wp.strings]; s.wp.strings != "" && f != nil {
		s.sst = readSharedStrings(f, s.wp.strings)
	}
	if err := s.open(0); err != nil {
		s.sst.close()
		z.Close()
		return nil, err
	}
	return s, nil
}

// open starts reading sheet i; the header search moves to the next sheet when one has no layout.
func (s *xlsxSource) open(i int) error {
	if s.rows != nil {
		s.rows.Close()
		s.rows = nil
	}
	name := s.sheets[i]
	part := s.wp.sheets[strings.ToLower(name)]
	f := s.wp.files[part]
	if f == nil {
		return &NotTableError{s.path, msg.T("xlsx_damaged", name, 0, "no part "+part)}
	}
	rows, err := openSheetStream(f, s.sst)
	if err != nil {
		return s.damaged(err)
	}
	s.sheet, s.rows = i, rows
	s.row.Store(0)
	return nil
}

// damaged turns a broken sheet into the error that fails the whole file.
func (s *xlsxSource) damaged(err error) error {
	var se *sheetError
	row := int64(0)
	if errors.As(err, &se) {
		row, err = se.Row, se.Err
	}
	return &NotTableError{s.path, msg.T("xlsx_damaged", s.SheetName(), row, err.Error())}
}

func (s *xlsxSource) SheetName() string { return s.sheets[s.sheet] }

func (s *xlsxSource) nextSheet() bool {
	if s.sheet+1 >= len(s.sheets) {
		return false
	}
	return s.open(s.sheet+1) == nil
}

func (s *xlsxSource) Next() (int64, []string, error) {
	row, rec, err := s.rows.Next()
	if err == io.EOF {
		return 0, nil, io.EOF
	}
	if err != nil {
		return row, nil, s.damaged(err)
	}
	s.row.Store(row)
	return row, rec, nil
}

// Far returns the cells beyond the column limit of the record Next last returned.
func (s *xlsxSource) Far() []farCell { return s.rows.Far() }

// limitColumns makes the records of the current sheet n columns wide at most (the header's
// width, once it is known); the cells beyond are returned by Far.
func (s *xlsxSource) limitColumns(n int) { s.rows.limit = max(n, 1) }

func (s *xlsxSource) Progress() (int64, int64) { return s.row.Load(), s.rows.total }
func (s *xlsxSource) Format() string           { return "xlsx" }
func (s *xlsxSource) Serial() bool             { return true }
func (s *xlsxSource) Date1904() bool           { return s.wp.date1904 }
func (s *xlsxSource) Close() error {
	if s.rows != nil {
		s.rows.Close()
	}
	s.sst.close()
	return s.z.Close()
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
