package resultfmt

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// MaxSheetRows is Excel's limit of rows per sheet (the header takes one); tests lower it.
var MaxSheetRows = excelize.TotalRows

// XLSX writes each result to its own sheet through excelize's StreamWriter (rows go to a
// temporary file, not memory). A result longer than Excel's 1,048,576 rows continues on a
// next sheet ("Hasil (2)") with the header repeated. Text is always written as text, so a value
// such as =HYPERLINK(...) or +62... is never a formula; numbers are numbers (integers beyond
// Excel's 15 significant digits stay text so no digit is lost); TIMESTAMPTZ values are Excel
// date-times in the local zone, DATE values Excel dates.
type XLSX struct {
	w        io.Writer
	o        Options
	f        *excelize.File
	results  int
	header   int
	date     int
	datetime int
	err      error
}

// NewXLSX returns an XLSX writer; the workbook is written to w by Close.
func NewXLSX(w io.Writer, o Options) *XLSX {
	x := &XLSX{w: w, o: o, f: excelize.NewFile()}
	x.header, x.err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if x.err == nil {
		ymd := "yyyy-mm-dd"
		x.date, x.err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	}
	if x.err == nil {
		ymdhms := "yyyy-mm-dd hh:mm:ss"
		x.datetime, x.err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &ymdhms})
	}
	return x
}

func (x *XLSX) sheetName(n, part int) string {
	if x.o.SheetName != nil {
		return x.o.SheetName(n, part)
	}
	name := msg.T("sql_sheet")
	if n > 1 {
		name += " " + strconv.Itoa(n)
	}
	if part > 1 {
		name += " (" + strconv.Itoa(part) + ")"
	}
	return name
}

// newSheet adds a sheet (renaming the workbook's first, empty one) with its header row.
func (x *XLSX) newSheet(name string, fields []arrow.Field, widths []float64) (*excelize.StreamWriter, error) {
	if x.f.SheetCount == 1 && x.results == 1 && x.f.GetSheetName(0) == "Sheet1" {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for j, w := range widths {
		if err := sw.SetColWidth(j+1, j+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(fields))
	for j, f := range fields {
		head[j] = excelize.Cell{StyleID: x.header, Value: f.Name}
	}
	return sw, sw.SetRow("A1", head)
}

func (x *XLSX) Write(rr array.RecordReader) (int64, error) {
	if x.err != nil {
		return 0, x.err
	}
	x.results++
	fields := rr.Schema().Fields()
	var (
		sw    *excelize.StreamWriter
		part  = 1
		row   = 1 // last row written on the current sheet
		rows  int64
		err   error
		cells = make([]any, len(fields))
	)
	start := func(widths []float64) error {
		sw, err = x.newSheet(x.sheetName(x.results, part), fields, widths)
		row = 1
		return err
	}
	var widths []float64
	for rr.Next() {
		rec := rr.RecordBatch()
		cols := rec.Columns()
		n := int(rec.NumRows())
		if sw == nil {
			widths = columnWidths(fields, cols)
			if err := start(widths); err != nil {
				return rows, err
			}
		}
		for i := 0; i < n; i++ {
			if row == MaxSheetRows {
				if err := sw.Flush(); err != nil {
					return rows, err
				}
				part++
				if err := start(widths); err != nil {
					return rows, err
				}
			}
			for j, col := range cols {
				cells[j] = x.cell(col, i)
			}
			row++
			ref, _ := excelize.CoordinatesToCellName(1, row)
			if err := sw.SetRow(ref, cells); err != nil {
				return rows, err
			}
			rows++
		}
	}
	if sw == nil {
		if err := start(columnWidths(fields, nil)); err != nil {
			return rows, err
		}
	}
	return rows, sw.Flush()
}

// cell converts one value to what excelize writes.
func (x *XLSX) cell(arr arrow.Array, i int) any {
	if arr.IsNull(i) {
		return nil
	}
	switch a := arr.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.StringView:
		return a.Value(i)
	case *array.Int64:
		return excelInt(a.Value(i))
	case *array.Int32:
		return int64(a.Value(i))
	case *array.Int16:
		return int64(a.Value(i))
	case *array.Int8:
		return int64(a.Value(i))
	case *array.Uint64:
		if v := a.Value(i); v < 1e15 {
			return v
		}
		return strconv.FormatUint(a.Value(i), 10)
	case *array.Uint32:
		return uint64(a.Value(i))
	case *array.Uint16:
		return uint64(a.Value(i))
	case *array.Uint8:
		return uint64(a.Value(i))
	case *array.Float64:
		return excelFloat(a.Value(i))
	case *array.Float32:
		return excelFloat(float64(a.Value(i)))
	case *array.Boolean:
		return a.Value(i)
	case *array.Timestamp:
		tm, _ := timestamp(a.Value(i), a.DataType().(*arrow.TimestampType), x.o.loc())
		return excelize.Cell{StyleID: x.datetime, Value: tm}
	case *array.Date32:
		return excelize.Cell{StyleID: x.date, Value: date32(a.Value(i))}
	case *array.Decimal128, *array.Decimal256, *array.Decimal64, *array.Decimal32:
		return excelDecimal(string(appendText(nil, arr, i, x.o.cells(styleCSV))))
	case *array.Dictionary:
		return x.cell(a.Dictionary(), a.GetValueIndex(i))
	}
	return string(appendText(nil, arr, i, x.o.cells(styleCSV)))
}

// excelInt keeps integers Excel cannot hold exactly (more than 15 digits) as text.
func excelInt(v int64) any {
	if v > -1e15 && v < 1e15 {
		return v
	}
	return strconv.FormatInt(v, 10)
}

func excelFloat(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return string(appendFloat(nil, v, 64))
	}
	return v
}

// excelDecimal writes a decimal as a number when a double holds it exactly enough for Excel
// (15 significant digits), else as text.
func excelDecimal(s string) any {
	digits := 0
	for _, c := range strings.TrimLeft(strings.ReplaceAll(strings.TrimLeft(s, "-"), ".", ""), "0") {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits > 15 {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return f
}

// columnWidths sizes columns from the header and a first batch of values.
func columnWidths(fields []arrow.Field, cols []arrow.Array) []float64 {
	w := make([]float64, len(fields))
	for j, f := range fields {
		n := utf8.RuneCountInString(f.Name) + 2
		switch f.Type.ID() {
		case arrow.TIMESTAMP:
			n = max(n, 20)
		case arrow.DATE32, arrow.DATE64:
			n = max(n, 11)
		}
		if cols != nil {
			col := cols[j]
			for i := 0; i < col.Len() && i < 200; i++ {
				if s, ok := col.(*array.String); ok && !s.IsNull(i) {
					n = max(n, utf8.RuneCountInString(s.Value(i))+1)
				}
			}
			if isNumeric(f.Type) {
				n = max(n, 10)
			}
		}
		w[j] = float64(min(max(n, 6), 60))
	}
	return w
}

func (x *XLSX) Close() error {
	if x.err != nil {
		return x.err
	}
	if x.results == 0 {
		x.f.Close()
		return fmt.Errorf("xlsx: no result to write")
	}
	err := x.f.Write(x.w)
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	return err
}
