package resultfmt

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/array"
	"golang.org/x/text/width"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// Table writes results as an aligned text table:
//
//	 agency          | received | first_submitted
//	-----------------+----------+--------------------------
//	 Dinas Kesehatan |       12 | 2024-01-02 03:04:05 WITA
//	(1 baris)
//
// Numbers are right-aligned, NULL is shown as NULL, line breaks inside a value as ↵, and values
// wider than MaxWidth are cut with …. Column widths come from the header and the first
// SampleRows rows; later rows are streamed in those widths (a longer value is cut, a longer
// number overflows rather than lose digits).
type Table struct {
	w       *bufio.Writer
	o       Options
	results int
}

// NewTable returns a table writer.
func NewTable(w io.Writer, o Options) *Table {
	return &Table{w: bufio.NewWriterSize(w, 64<<10), o: o}
}

func (t *Table) Write(rr array.RecordReader) (int64, error) {
	if t.results > 0 {
		t.w.WriteByte('\n')
	}
	t.results++
	sampleN := t.o.SampleRows
	if sampleN <= 0 {
		sampleN = 1000
	}
	cf := t.o.cells(styleTable)
	fields := rr.Schema().Fields()
	ncol := len(fields)
	right := make([]bool, ncol)
	whole := make([]bool, ncol) // never cut: numbers and times
	header := make([]string, ncol)
	for j, f := range fields {
		right[j] = isNumeric(f.Type)
		whole[j] = right[j] || isTemporal(f.Type)
		header[j] = clean(f.Name)
	}
	var (
		sample [][]string
		widths []int
		rows   int64
		buf    []byte
		line   []byte
	)
	flushSample := func() error {
		widths = make([]int, ncol)
		for j := range header {
			widths[j] = displayWidth(header[j])
		}
		for _, r := range sample {
			for j, s := range r {
				widths[j] = max(widths[j], displayWidth(s))
			}
		}
		if t.o.MaxWidth > 0 {
			for j := range widths {
				if !whole[j] {
					widths[j] = min(widths[j], max(t.o.MaxWidth, 1))
				}
			}
		}
		line = t.row(line[:0], header, widths, right, whole)
		line = t.rule(line, widths)
		for _, r := range sample {
			line = t.row(line, r, widths, right, whole)
		}
		sample = nil
		_, err := t.w.Write(line)
		return err
	}
	cells := make([]string, ncol)
	for rr.Next() {
		rec := rr.RecordBatch()
		cols := rec.Columns()
		n := int(rec.NumRows())
		for i := 0; i < n; i++ {
			rows++
			if widths == nil {
				r := make([]string, ncol)
				for j, col := range cols {
					buf = appendText(buf[:0], col, i, cf)
					r[j] = clean(string(buf)) // a copy: the batch's memory goes with the next batch
				}
				sample = append(sample, r)
				if len(sample) == sampleN {
					if err := flushSample(); err != nil {
						return rows, err
					}
				}
				continue
			}
			for j, col := range cols {
				buf = appendText(buf[:0], col, i, cf)
				cells[j] = clean(string(buf))
			}
			line = t.row(line[:0], cells, widths, right, whole)
			if _, err := t.w.Write(line); err != nil {
				return rows, err
			}
		}
	}
	if widths == nil {
		if err := flushSample(); err != nil {
			return rows, err
		}
	}
	t.w.WriteString(rowCount(rows))
	t.w.WriteByte('\n')
	return rows, t.w.Flush()
}

func (t *Table) Close() error { return t.w.Flush() }

func (t *Table) row(dst []byte, cells []string, widths []int, right, whole []bool) []byte {
	for j, s := range cells {
		if j > 0 {
			dst = append(dst, '|')
		}
		dst = append(dst, ' ')
		s = truncate(s, widths[j], whole[j])
		pad := widths[j] - displayWidth(s)
		last := j == len(cells)-1
		if right[j] {
			dst = appendSpaces(dst, pad)
			dst = append(dst, s...)
		} else {
			dst = append(dst, s...)
			if !last {
				dst = appendSpaces(dst, pad)
			}
		}
		if !last {
			dst = append(dst, ' ')
		}
	}
	return append(dst, '\n')
}

func (t *Table) rule(dst []byte, widths []int) []byte {
	for j, w := range widths {
		if j > 0 {
			dst = append(dst, '+')
		}
		dst = append(dst, strings.Repeat("-", w+2)...)
	}
	return append(dst, '\n')
}

func appendSpaces(dst []byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, ' ')
	}
	return dst
}

// rowCount is the table's footer, "(12 baris)" / "(12 rows)".
func rowCount(n int64) string {
	if n == 1 {
		return msg.T("sql_row")
	}
	return msg.T("sql_rows", msg.Thousands(n))
}

// clean makes a value printable on one line: line breaks become ↵, tabs a space, other
// control characters �.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune('↵')
		case r == '\r':
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			b.WriteRune('�')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// runeWidth is the number of terminal cells r takes.
func runeWidth(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200b {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			n = 0
			for _, r := range s {
				n += runeWidth(r)
			}
			return n
		}
		n++
	}
	return n
}

// truncate cuts s to w cells, ending it with … (unless whole: numbers and times are never cut).
func truncate(s string, w int, whole bool) string {
	if whole || displayWidth(s) <= w {
		return s
	}
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > w-1 {
			return s[:i] + "…"
		}
		n += rw
	}
	return s
}
