package calendar

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed holidays_id.csv
var builtinCSV []byte

var builtinList = sync.OnceValue(func() []Holiday {
	h, err := parse(builtinCSV, "holidays_id.csv (built in)", true)
	if err != nil {
		panic("calendar: " + err.Error())
	}
	return h
})

// Builtin returns Indonesia's national holidays and cuti bersama 2015-2027, sorted by date,
// one entry per date. The caller may modify the returned slice.
func Builtin() []Holiday {
	return slices.Clone(builtinList())
}

// BuiltinRange is the span of the built-in list: 2015-01-01 to 2027-12-31.
func BuiltinRange() (first, last time.Time) {
	return New(builtinList()).Range()
}

// FileError is a problem at one place in a holiday file.
type FileError struct {
	Path   string
	Line   int    // 1-based; 0 when the problem is the file as a whole
	Column int    // 1-based CSV column; 0 when not about one column
	Field  string // the column's header name, when known
	Msg    string
}

func (e *FileError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "holidays file %q", e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ", line %d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
		if e.Field != "" {
			fmt.Fprintf(&b, " (%s)", e.Field)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// LoadFile reads a user holiday file: CSV with a header line naming the columns `date` and
// `name` and, optionally, `kind` (libur_nasional, cuti_bersama or daerah; daerah when the
// column is absent or the cell empty). Indonesian headers tanggal, nama and jenis are accepted
// too, and other columns are ignored. Dates are YYYY-MM-DD or DD/MM/YYYY. A UTF-8 byte order
// mark, CRLF line ends and `;` as the separator (as spreadsheets in Indonesian locales save)
// are accepted; blank lines are skipped. A date listed twice is folded into one entry (names
// joined, stronger kind kept). Errors name the file, the line and the column.
func LoadFile(path string) ([]Holiday, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("holidays file %q cannot be read: %w", path, err)
	}
	return parse(data, path, false)
}

// column names accepted for each field.
var headerNames = map[string]string{
	"date": "date", "tanggal": "date",
	"name": "name", "nama": "name", "name_id": "name", "keterangan": "name",
	"kind": "kind", "jenis": "kind", "category": "kind",
}

func parse(data []byte, path string, builtin bool) ([]Holiday, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	fail := func(line, col int, field, format string, args ...any) error {
		return &FileError{Path: path, Line: line, Column: col, Field: field, Msg: fmt.Sprintf(format, args...)}
	}

	header, err := r.Read()
	if err == io.EOF {
		return nil, fail(0, 0, "", "the file is empty; it needs a header line such as date,name")
	}
	if err != nil {
		return nil, csvError(path, err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	cols := map[string]int{}
	for i, h := range header {
		key, ok := headerNames[strings.ToLower(h)]
		if !ok {
			continue
		}
		if j, dup := cols[key]; dup {
			return nil, fail(1, i+1, "", "the header names the %s column twice (columns %d and %d)", key, j+1, i+1)
		}
		cols[key] = i
	}
	for _, need := range []string{"date", "name"} {
		if _, ok := cols[need]; !ok {
			if _, isDate := parseDate(header[0]); isDate {
				return nil, fail(1, 0, "", "the first line %q looks like data, not a header; add a first line naming the columns, e.g. date,name",
					strings.Join(header, string(r.Comma)))
			}
			return nil, fail(1, 0, "", "the header line %q has no %s column; the first line must name the columns, e.g. date,name or date,kind,name",
				strings.Join(header, string(r.Comma)), need)
		}
	}
	kindCol, hasKind := cols["kind"]
	if builtin && !hasKind {
		return nil, fail(1, 0, "", "the built-in file needs a kind column")
	}

	var out []Holiday
	firstLine := map[time.Time]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(path, err)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		cell := func(col int) string {
			if col < len(rec) {
				return strings.TrimSpace(rec[col])
			}
			return ""
		}
		dateCol, nameCol := cols["date"], cols["name"]
		raw := cell(dateCol)
		if raw == "" {
			return nil, fail(line, dateCol+1, header[dateCol], "the date is empty")
		}
		d, ok := parseDate(raw)
		if !ok {
			return nil, fail(line, dateCol+1, header[dateCol], "%q is not a date; write dates as YYYY-MM-DD (2025-08-17) or DD/MM/YYYY (17/08/2025)", raw)
		}
		name := cell(nameCol)
		if name == "" {
			return nil, fail(line, nameCol+1, header[nameCol], "the name is empty; give each date a name, e.g. Hari Jadi Kabupaten")
		}
		kind := Daerah
		if hasKind {
			k, ok := parseKind(cell(kindCol))
			switch {
			case !ok:
				return nil, fail(line, kindCol+1, header[kindCol], "%q is not a kind; use libur_nasional, cuti_bersama or daerah (or leave it empty for daerah)", cell(kindCol))
			case builtin && k == Daerah:
				return nil, fail(line, kindCol+1, header[kindCol], "the built-in file takes only libur_nasional or cuti_bersama")
			}
			kind = k
		}
		if builtin {
			if prev, dup := firstLine[d]; dup {
				return nil, fail(line, dateCol+1, header[dateCol], "%s is already on line %d; the built-in file has one line per date", raw, prev)
			}
			firstLine[d] = line
		}
		out = append(out, Holiday{Date: d, Kind: kind, Name: name})
	}
	return normalize(out), nil
}

// separator picks ';' when the header line has semicolons but no commas.
func separator(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.IndexByte(first, ';') >= 0 && bytes.IndexByte(first, ',') < 0 {
		return ';'
	}
	return ','
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// parseDate accepts YYYY-MM-DD and DD/MM/YYYY (one-digit day and month allowed there).
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseKind reads a kind, ignoring case and treating spaces and hyphens as underscores;
// empty means daerah.
func parseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer(" ", "_", "-", "_").Replace(s)
	switch Kind(s) {
	case "", Daerah:
		return Daerah, true
	case LiburNasional, CutiBersama:
		return Kind(s), true
	}
	return "", false
}

// csvError turns a CSV syntax error into a FileError at its line and column.
func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{Path: path, Line: pe.Line, Msg: fmt.Sprintf("the line is not valid CSV (at character %d): %v", pe.Column, pe.Err)}
	}
	return &FileError{Path: path, Msg: err.Error()}
}
