// Package resultfmt writes query results that arrive as a stream of Arrow record batches as an
// aligned table, CSV, JSON, XLSX or Parquet, one batch at a time: a result of any size passes
// through with the memory of a few batches (the table writer also keeps the first rows it uses
// to size the columns).
//
// Values are shown the same way everywhere: TIMESTAMPTZ in the configured local zone, numbers
// as numbers, NULL as the format's empty value (NULL in the table, an empty CSV field, JSON
// null, an empty XLSX cell, a Parquet null).
package resultfmt

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Options shape every writer.
type Options struct {
	// Loc is the zone TIMESTAMPTZ values are shown in (config timezone). Nil means UTC.
	Loc *time.Location
	// MaxWidth caps a table column's width in characters (0: no cap). Longer values are cut with "…".
	MaxWidth int
	// SampleRows is how many rows the table writer reads to size its columns (0: 1000).
	SampleRows int
	// Decimals, if set, rounds floating-point values in text formats to at most that many
	// decimal places (named queries: 0.23529411764705882 is shown as 0.235).
	Decimals int
	// RawCSV writes CSV text exactly as stored. Without it a text cell that Excel would read as
	// a formula (starting with =, +, -, @, a tab or CR) is written with a leading ' (OWASP's
	// advice for CSV injection).
	RawCSV bool
	// SheetName names XLSX sheets: the n-th result's sheet is SheetName(n, part), part counting
	// from 1 when a result continues past Excel's row limit.
	SheetName func(n, part int) string
}

// cellFmt is how one writer renders values as text.
type cellFmt struct {
	style    textStyle
	loc      *time.Location
	decimals int
}

func (o Options) cells(style textStyle) cellFmt {
	return cellFmt{style: style, loc: o.loc(), decimals: o.Decimals}
}

func (o Options) loc() *time.Location {
	if o.Loc == nil {
		return time.UTC
	}
	return o.Loc
}

// textStyle says how text formats render what has no single textual form.
type textStyle int

const (
	styleTable textStyle = iota // NULL, local time with the zone's abbreviation
	styleCSV                    // empty for NULL, RFC 3339 times
)

// isNumeric reports whether a column's values are numbers (right-aligned, numbers in XLSX).
func isNumeric(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32,
		arrow.UINT64, arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL32, arrow.DECIMAL64,
		arrow.DECIMAL128, arrow.DECIMAL256:
		return true
	case arrow.DICTIONARY:
		return isNumeric(t.(*arrow.DictionaryType).ValueType)
	}
	return false
}

func appendFloat(dst []byte, v float64, bits int) []byte { return appendFloatN(dst, v, bits, 0) }

// appendFloatN writes v, rounded to at most decimals places when decimals > 0.
func appendFloatN(dst []byte, v float64, bits, decimals int) []byte {
	if decimals > 0 && !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) < 1e15 {
		p := math.Pow10(decimals)
		v = math.Round(v*p) / p
		if v == 0 {
			v = 0 // no "-0"
		}
	}
	switch {
	case math.IsNaN(v):
		return append(dst, "NaN"...)
	case math.IsInf(v, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(v, -1):
		return append(dst, "-Infinity"...)
	}
	if a := math.Abs(v); a == 0 || a >= 1e-6 && a < 1e15 {
		return strconv.AppendFloat(dst, v, 'f', -1, bits)
	}
	return strconv.AppendFloat(dst, v, 'g', -1, bits)
}

// isTemporal reports whether a column holds dates or times.
func isTemporal(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.TIMESTAMP, arrow.DATE32, arrow.DATE64, arrow.TIME32, arrow.TIME64, arrow.INTERVAL_MONTH_DAY_NANO, arrow.DURATION:
		return true
	}
	return false
}

// timestamp converts a timestamp value to a time: in loc when the type has a zone (the value is
// an instant), as written when it has none (a local date-time with no zone).
func timestamp(v arrow.Timestamp, t *arrow.TimestampType, loc *time.Location) (time.Time, bool) {
	var tm time.Time
	switch t.Unit {
	case arrow.Second:
		tm = time.Unix(int64(v), 0)
	case arrow.Millisecond:
		tm = time.UnixMilli(int64(v))
	case arrow.Microsecond:
		tm = time.UnixMicro(int64(v))
	default:
		tm = time.Unix(0, int64(v))
	}
	if t.TimeZone == "" {
		return tm.UTC(), false
	}
	return tm.In(loc), true
}

func appendTime(dst []byte, tm time.Time, zoned bool, style textStyle) []byte {
	switch {
	case !zoned:
		return tm.AppendFormat(dst, "2006-01-02 15:04:05.999999999")
	case style == styleTable:
		return tm.AppendFormat(dst, "2006-01-02 15:04:05.999999999 MST")
	}
	return tm.AppendFormat(dst, "2006-01-02T15:04:05.999999999Z07:00")
}

func date32(v arrow.Date32) time.Time { return time.Unix(int64(v)*86400, 0).UTC() }

func timeOfDay(d time.Duration) string {
	return time.Unix(0, int64(d)).UTC().Format("15:04:05.999999999")
}

// appendInterval writes a month-day-nanosecond interval the way DuckDB prints one.
func appendInterval(dst []byte, months, days int32, nanos int64) []byte {
	start := len(dst)
	part := func(n int64, unit string) {
		if n == 0 {
			return
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = strconv.AppendInt(dst, n, 10)
		dst = append(dst, ' ')
		dst = append(dst, unit...)
		if n != 1 && n != -1 {
			dst = append(dst, 's')
		}
	}
	part(int64(months/12), "year")
	part(int64(months%12), "month")
	part(int64(days), "day")
	if nanos != 0 || len(dst) == start {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		if nanos < 0 {
			dst = append(dst, '-')
			nanos = -nanos
		}
		d := time.Duration(nanos)
		h := int64(d / time.Hour)
		dst = fmt.Appendf(dst, "%02d:%02d:%02d", h, int64(d/time.Minute)%60, int64(d/time.Second)%60)
		if frac := int64(d % time.Second); frac != 0 {
			dst = fmt.Appendf(dst, ".%06d", frac/1000)
		}
	}
	return dst
}

// appendBlob writes bytes as DuckDB shows a BLOB: printable ASCII as is, the rest as \xHH.
func appendBlob(dst, b []byte) []byte {
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '\\' {
			dst = append(dst, c)
			continue
		}
		dst = append(dst, '\\', 'x')
		dst = hex.AppendEncode(dst, []byte{c})
	}
	return dst
}

// appendText writes the value at row i of arr as text; null says what to write for NULL.
func appendText(dst []byte, arr arrow.Array, i int, f cellFmt) []byte {
	style, loc := f.style, f.loc
	if arr.IsNull(i) {
		if style == styleTable {
			return append(dst, "NULL"...)
		}
		return dst
	}
	switch a := arr.(type) {
	case *array.String:
		return append(dst, a.Value(i)...)
	case *array.LargeString:
		return append(dst, a.Value(i)...)
	case *array.StringView:
		return append(dst, a.Value(i)...)
	case *array.Int64:
		return strconv.AppendInt(dst, a.Value(i), 10)
	case *array.Int32:
		return strconv.AppendInt(dst, int64(a.Value(i)), 10)
	case *array.Int16:
		return strconv.AppendInt(dst, int64(a.Value(i)), 10)
	case *array.Int8:
		return strconv.AppendInt(dst, int64(a.Value(i)), 10)
	case *array.Uint64:
		return strconv.AppendUint(dst, a.Value(i), 10)
	case *array.Uint32:
		return strconv.AppendUint(dst, uint64(a.Value(i)), 10)
	case *array.Uint16:
		return strconv.AppendUint(dst, uint64(a.Value(i)), 10)
	case *array.Uint8:
		return strconv.AppendUint(dst, uint64(a.Value(i)), 10)
	case *array.Float64:
		return appendFloatN(dst, a.Value(i), 64, f.decimals)
	case *array.Float32:
		return appendFloatN(dst, float64(a.Value(i)), 32, f.decimals)
	case *array.Float16:
		return appendFloatN(dst, float64(a.Value(i).Float32()), 32, f.decimals)
	case *array.Boolean:
		return strconv.AppendBool(dst, a.Value(i))
	case *array.Timestamp:
		tm, zoned := timestamp(a.Value(i), a.DataType().(*arrow.TimestampType), loc)
		return appendTime(dst, tm, zoned, style)
	case *array.Date32:
		return date32(a.Value(i)).AppendFormat(dst, "2006-01-02")
	case *array.Date64:
		return time.UnixMilli(int64(a.Value(i))).UTC().AppendFormat(dst, "2006-01-02")
	case *array.Time64:
		d := time.Duration(a.Value(i))
		if a.DataType().(*arrow.Time64Type).Unit == arrow.Microsecond {
			d *= time.Microsecond
		}
		return append(dst, timeOfDay(d)...)
	case *array.Time32:
		d := time.Duration(a.Value(i))
		if a.DataType().(*arrow.Time32Type).Unit == arrow.Millisecond {
			d *= time.Millisecond
		} else {
			d *= time.Second
		}
		return append(dst, timeOfDay(d)...)
	case *array.MonthDayNanoInterval:
		v := a.Value(i)
		return appendInterval(dst, v.Months, v.Days, v.Nanoseconds)
	case *array.Decimal128:
		return append(dst, a.Value(i).ToString(a.DataType().(arrow.DecimalType).GetScale())...)
	case *array.Decimal256:
		return append(dst, a.Value(i).ToString(a.DataType().(arrow.DecimalType).GetScale())...)
	case *array.Decimal64:
		return append(dst, a.Value(i).ToString(a.DataType().(arrow.DecimalType).GetScale())...)
	case *array.Decimal32:
		return append(dst, a.Value(i).ToString(a.DataType().(arrow.DecimalType).GetScale())...)
	case *array.Binary:
		return appendBlob(dst, a.Value(i))
	case *array.LargeBinary:
		return appendBlob(dst, a.Value(i))
	case *array.FixedSizeBinary:
		return appendBlob(dst, a.Value(i))
	case *array.Dictionary:
		return appendText(dst, a.Dictionary(), a.GetValueIndex(i), f)
	}
	// Nested values (LIST, STRUCT, MAP, ...) as JSON.
	b, err := json.Marshal(arr.GetOneForMarshal(i))
	if err != nil {
		return append(dst, arr.ValueStr(i)...)
	}
	return append(dst, b...)
}

// appendJSON writes the value at row i of arr as a JSON value.
func appendJSON(dst []byte, arr arrow.Array, i int, f cellFmt) []byte {
	f.style = styleCSV
	if arr.IsNull(i) {
		return append(dst, "null"...)
	}
	switch a := arr.(type) {
	case *array.String:
		return appendJSONString(dst, a.Value(i))
	case *array.LargeString:
		return appendJSONString(dst, a.Value(i))
	case *array.StringView:
		return appendJSONString(dst, a.Value(i))
	case *array.Float64:
		return appendJSONFloat(dst, a.Value(i), 64, f.decimals)
	case *array.Float32:
		return appendJSONFloat(dst, float64(a.Value(i)), 32, f.decimals)
	case *array.Float16:
		return appendJSONFloat(dst, float64(a.Value(i).Float32()), 32, f.decimals)
	case *array.Int64, *array.Int32, *array.Int16, *array.Int8, *array.Uint64, *array.Uint32,
		*array.Uint16, *array.Uint8, *array.Boolean,
		*array.Decimal128, *array.Decimal256, *array.Decimal64, *array.Decimal32:
		return appendText(dst, arr, i, f)
	case *array.Dictionary:
		return appendJSON(dst, a.Dictionary(), a.GetValueIndex(i), f)
	case *array.Timestamp, *array.Date32, *array.Date64, *array.Time32, *array.Time64,
		*array.MonthDayNanoInterval, *array.Binary, *array.LargeBinary, *array.FixedSizeBinary:
		var buf [64]byte
		return appendJSONString(dst, string(appendText(buf[:0], arr, i, f)))
	}
	b, err := json.Marshal(arr.GetOneForMarshal(i))
	if err != nil {
		return appendJSONString(dst, arr.ValueStr(i))
	}
	return append(dst, b...)
}

func appendJSONFloat(dst []byte, v float64, bits, decimals int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, "null"...)
	}
	return appendFloatN(dst, v, bits, decimals)
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s as a JSON string (invalid UTF-8 becomes U+FFFD).
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = fmt.Appendf(dst, `\u%04x`, r)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
