package resultfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// Box writes results the way the DuckDB command line does (its "duckbox" mode), which is what
// analysts who use DuckDB know:
//
//	┌─────────────────┬──────────┐
//	│     agency      │ received │
//	│     varchar     │  int64   │
//	├─────────────────┼──────────┤
//	│ Dinas Kesehatan │       12 │
//	├─────────────────┴──────────┤
//	│          1 baris           │
//	└────────────────────────────┘
//
// Names and types are centred, numbers right-aligned, NULL shown as NULL, line breaks inside a
// value as ↵, and values wider than MaxWidth cut with …. Column widths come from the header and
// the first SampleRows rows; later rows are streamed in those widths (a longer value is cut, a
// longer number overflows rather than lose digits). The row count closes the box.
type Box struct {
	w       *bufio.Writer
	o       Options
	results int
}

// NewBox returns a box writer.
func NewBox(w io.Writer, o Options) *Box {
	return &Box{w: bufio.NewWriterSize(w, 64<<10), o: o}
}

func (b *Box) Write(rr array.RecordReader) (int64, error) {
	if b.results > 0 {
		b.w.WriteByte('\n')
	}
	b.results++
	sampleN := b.o.SampleRows
	if sampleN <= 0 {
		sampleN = 1000
	}
	cf := b.o.cells(styleTable)
	fields := rr.Schema().Fields()
	ncol := len(fields)
	right := make([]bool, ncol)
	whole := make([]bool, ncol)
	header := make([]string, ncol)
	types := make([]string, ncol)
	for j, f := range fields {
		right[j] = isNumeric(f.Type)
		whole[j] = right[j] || isTemporal(f.Type)
		header[j] = clean(f.Name)
		types[j] = duckType(f.Type)
	}
	var (
		sample [][]string
		widths []int
		rows   int64
		buf    []byte
		line   []byte
	)
	layout := func(footer string) error {
		widths = make([]int, ncol)
		for j := range header {
			widths[j] = max(displayWidth(header[j]), displayWidth(types[j]), 1)
		}
		for _, r := range sample {
			for j, s := range r {
				widths[j] = max(widths[j], displayWidth(s))
			}
		}
		if b.o.MaxWidth > 0 {
			for j := range widths {
				if !whole[j] {
					widths[j] = min(widths[j], max(b.o.MaxWidth, 1))
				}
			}
		}
		// The count closes the box: make room for it in the last column.
		if ncol > 0 {
			if short := displayWidth(footer) - innerWidth(widths); short > 0 {
				widths[ncol-1] += short
			}
		}
		line = rule(line[:0], widths, "┌", "┬", "┐")
		if ncol > 0 {
			line = centred(line, header, widths)
			line = centred(line, types, widths)
		}
		if len(sample) > 0 {
			line = rule(line, widths, "├", "┼", "┤")
		}
		for _, r := range sample {
			line = boxRow(line, r, widths, right, whole)
		}
		sample = nil
		_, err := b.w.Write(line)
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
					// More may follow: room for a count of twelve digits.
					if err := layout(boxCount(999_999_999_999)); err != nil {
						return rows, err
					}
				}
				continue
			}
			for j, col := range cols {
				buf = appendText(buf[:0], col, i, cf)
				cells[j] = clean(string(buf))
			}
			line = boxRow(line[:0], cells, widths, right, whole)
			if _, err := b.w.Write(line); err != nil {
				return rows, err
			}
		}
	}
	if widths == nil {
		if err := layout(boxCount(rows)); err != nil {
			return rows, err
		}
	}
	line = rule(line[:0], widths, "├", "┴", "┤")
	line = centred(line, []string{boxCount(rows)}, []int{innerWidth(widths)})
	line = rule(line, []int{innerWidth(widths)}, "└", "", "┘")
	b.w.Write(line)
	return rows, b.w.Flush()
}

func (b *Box) Close() error { return b.w.Flush() }

// boxCount closes the box, "12 baris" / "12 rows" as DuckDB says it.
func boxCount(n int64) string {
	if n == 1 {
		return msg.T("sql_box_row")
	}
	return msg.T("sql_box_rows", msg.Thousands(n))
}

// innerWidth is the width inside the box's outer lines.
func innerWidth(widths []int) int {
	n := 0
	for j, w := range widths {
		if j > 0 {
			n++
		}
		n += w + 2
	}
	return n - 2
}

func rule(dst []byte, widths []int, left, mid, end string) []byte {
	dst = append(dst, left...)
	for j, w := range widths {
		if j > 0 {
			dst = append(dst, mid...)
		}
		dst = append(dst, strings.Repeat("─", w+2)...)
	}
	if len(widths) == 0 {
		dst = append(dst, "──"...)
	}
	dst = append(dst, end...)
	return append(dst, '\n')
}

func centred(dst []byte, cells []string, widths []int) []byte {
	dst = append(dst, "│"...)
	for j, s := range cells {
		s = truncate(s, widths[j], false)
		pad := widths[j] - displayWidth(s)
		dst = append(dst, ' ')
		dst = appendSpaces(dst, pad/2)
		dst = append(dst, s...)
		dst = appendSpaces(dst, pad-pad/2)
		dst = append(dst, " │"...)
	}
	return append(dst, '\n')
}

func boxRow(dst []byte, cells []string, widths []int, right, whole []bool) []byte {
	dst = append(dst, "│"...)
	for j, s := range cells {
		s = truncate(s, widths[j], whole[j])
		pad := widths[j] - displayWidth(s)
		dst = append(dst, ' ')
		if right[j] {
			dst = appendSpaces(dst, pad)
			dst = append(dst, s...)
		} else {
			dst = append(dst, s...)
			dst = appendSpaces(dst, pad)
		}
		dst = append(dst, " │"...)
	}
	return append(dst, '\n')
}

// duckType names an Arrow type the way DuckDB names the column type it came from.
func duckType(t arrow.DataType) string {
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.STRING_VIEW:
		return "varchar"
	case arrow.BOOL:
		return "boolean"
	case arrow.INT8:
		return "int8"
	case arrow.INT16:
		return "int16"
	case arrow.INT32:
		return "int32"
	case arrow.INT64:
		return "int64"
	case arrow.UINT8:
		return "uint8"
	case arrow.UINT16:
		return "uint16"
	case arrow.UINT32:
		return "uint32"
	case arrow.UINT64:
		return "uint64"
	case arrow.FLOAT16, arrow.FLOAT32:
		return "float"
	case arrow.FLOAT64:
		return "double"
	case arrow.DECIMAL32, arrow.DECIMAL64, arrow.DECIMAL128, arrow.DECIMAL256:
		d := t.(arrow.DecimalType)
		return fmt.Sprintf("decimal(%d,%d)", d.GetPrecision(), d.GetScale())
	case arrow.DATE32, arrow.DATE64:
		return "date"
	case arrow.TIME32, arrow.TIME64:
		return "time"
	case arrow.TIMESTAMP:
		if t.(*arrow.TimestampType).TimeZone != "" {
			return "timestamp with time zone"
		}
		return "timestamp"
	case arrow.INTERVAL_MONTH_DAY_NANO, arrow.DURATION:
		return "interval"
	case arrow.BINARY, arrow.LARGE_BINARY, arrow.FIXED_SIZE_BINARY, arrow.BINARY_VIEW:
		return "blob"
	case arrow.DICTIONARY:
		return "enum"
	case arrow.LIST, arrow.LARGE_LIST, arrow.FIXED_SIZE_LIST, arrow.LIST_VIEW:
		return duckType(t.(arrow.ListLikeType).Elem()) + "[]"
	case arrow.STRUCT:
		return "struct"
	case arrow.MAP:
		return "map"
	case arrow.NULL:
		return "\"null\""
	}
	return strings.ToLower(t.String())
}
