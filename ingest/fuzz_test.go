package ingest

// Fuzz targets for the input readers. Each checks a property, not only that nothing panics;
// `go test` runs their seeds, docs/fuzzing.md says how to run them for longer.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var (
	fuzzBaseOnce sync.Once
	fuzzBase     []*zip.File
)

// fuzzWorkbook is an excelize workbook whose Sheet1 is sheet (stored, not deflated: the other
// parts are copied compressed as they are, to keep each run of the target cheap).
func fuzzWorkbook(t testing.TB, sheet []byte) []byte {
	fuzzBaseOnce.Do(func() {
		b := emptyWorkbook(t)
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		fuzzBase = z.File
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range fuzzBase {
		if f.Name == "xl/worksheets/sheet1.xml" {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
			w.Write(sheet)
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return out.Bytes()
}

// streamSheet reads Sheet1 of an in-memory workbook with sheetStream.
func streamSheet(book []byte) ([]sheetRow, error) {
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil, err
	}
	var f *zip.File
	for _, zf := range z.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			f = zf
		}
	}
	s, err := openSheetStream(f, newSharedStrings())
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var out []sheetRow
	for {
		row, rec, err := s.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, sheetRow{"Sheet1", row, rec})
	}
}

// excelizeSheet reads Sheet1 with excelize's iterator.
func excelizeSheet(book []byte) ([]sheetRow, error) {
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sheetRow
	n := int64(0)
	for rows.Next() {
		n++
		rec, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return out, err
		}
		if len(rec) == 0 {
			rec = nil
		}
		out = append(out, sheetRow{"Sheet1", n, rec})
	}
	return out, rows.Error()
}

// wellFormed says whether encoding/xml reads the document to its end without an error.
func wellFormed(doc []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// fuzzSheetSeeds are real-shaped sheets: the hand-written ones, one written by excelize's
// stream writer in the Ringkas shape (inline strings, no shared string table needed), and cuts.
func fuzzSheetSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, h := range handSheets {
		if h.sst == "" {
			seeds = append(seeds, []byte(h.sheet))
		}
	}
	for _, d := range damagedSheets {
		seeds = append(seeds, []byte(d.sheet))
	}
	p := t.(interface{ TempDir() string }).TempDir() + "/seed.xlsx"
	writeRingkasSheet(t, p, ringkasRecords(12, 3), true)
	z, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			seeds = append(seeds, b, b[:len(b)/3], b[:len(b)-12])
		}
	}
	return seeds
}

// FuzzXLSXSheet: on any sheet XML, (1) what encoding/xml refuses, the stream reader refuses;
// (2) when the stream reader reads a sheet, excelize reads the same rows; (3) a cut of a sheet
// the reader accepts either fails or gives all the same rows (a cut after the root's end): it
// never loads part of the sheet.
func FuzzXLSXSheet(f *testing.F) {
	for _, s := range fuzzSheetSeeds(f) {
		f.Add(s, uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, sheet []byte, cut uint16) {
		book := fuzzWorkbook(t, sheet)
		got, err := streamSheet(book)
		if err != nil {
			return
		}
		if !wellFormed(sheet) {
			t.Fatalf("the stream reader accepted a sheet encoding/xml refuses: %q", sheet)
		}
		if len(got) > 5000 {
			return // a far row number: excelize would step through every row before it, slowly
		}
		want, werr := excelizeSheet(book)
		if werr != nil {
			t.Fatalf("excelize fails (%v) where the stream reader read %d rows", werr, len(got))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("rows differ:\nstream   %v\nexcelize %v\nsheet %q", got, want, sheet)
		}
		if len(sheet) == 0 {
			return
		}
		k := int(cut) % len(sheet)
		part, err := streamSheet(fuzzWorkbook(t, sheet[:k]))
		if err == nil && !reflect.DeepEqual(part, got) {
			t.Fatalf("the sheet cut at byte %d of %d loaded %d of %d rows", k, len(sheet), len(part), len(got))
		}
	})
}

// refCSV is a straightforward, byte-at-a-time reader of the dialect csvscan.go describes, to
// hold the block scanner to: the line each record starts on, its cells, whether it is spoilt
// (text after a closing quote), and whether the data ends inside a quoted cell.
func refCSV(d []byte, sep byte) (lines []int64, recs [][]string, bad []int64, truncated bool) {
	d = bytes.TrimPrefix(d, []byte("\ufeff"))
	line := int64(1)
	i := 0
	for i < len(d) {
		start := line
		var rec []string
		spoilt := false
		for {
			var cell []byte
			quoted := i < len(d) && d[i] == '"'
			if quoted {
				i++
				closed := false
				for i < len(d) {
					if d[i] == '"' {
						if i+1 < len(d) && d[i+1] == '"' {
							cell = append(cell, '"')
							i += 2
							continue
						}
						i++
						closed = true
						break
					}
					if d[i] == '\n' {
						line++
					}
					if d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n' {
						i++
						continue // CRLF inside a quoted cell is a LF
					}
					cell = append(cell, d[i])
					i++
				}
				if !closed {
					return lines, recs, bad, true
				}
				switch {
				case i >= len(d):
				case d[i] == sep:
				case d[i] == '\n':
				case d[i] == '\r' && (i+1 == len(d) || d[i+1] == '\n'):
					i++ // the line end's CR is not part of the cell
				default:
					spoilt = true
					cell = nil
				}
			}
			// Unquoted (or the rest of a spoilt cell): up to the separator or line feed.
			for i < len(d) && d[i] != sep && d[i] != '\n' {
				cell = append(cell, d[i])
				i++
			}
			if !quoted && (i == len(d) || d[i] == '\n') && len(cell) > 0 && cell[len(cell)-1] == '\r' {
				cell = cell[:len(cell)-1]
			}
			rec = append(rec, string(cell))
			if i < len(d) && d[i] == sep {
				i++
				continue
			}
			if i < len(d) {
				i++ // the line feed
				line++
			}
			break
		}
		if spoilt {
			bad = append(bad, start)
		} else {
			lines, recs = append(lines, start), append(recs, rec)
		}
	}
	return lines, recs, bad, false
}

// FuzzCSVScan: the block scanner, cutting the data into blocks of any size, finds the same
// records (start lines, cells, spoilt rows) as refCSV, and fails the file exactly when a quoted
// cell is still open at the end.
func FuzzCSVScan(f *testing.F) {
	for _, s := range []string{
		"a,b\nc,d\n", "a,b\r\nc,d", "\"x,y\",\"l1\nl2\"\nz,w\n", "\"say \"\"hi\"\"\",b\n", "\"a\"b,c\nd,e\n",
		"a,\"open\n", ",,\n\n\"\"\n", "\ufeffNo. Tracking,Judul\nA1,\"jalan\r\nrusak\"\r\n", "a;b;c\n1;2;3\n", "x\r", "\"a\"\r",
	} {
		f.Add([]byte(s), uint16(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, block uint16) {
		if bytes.IndexByte(data, 0) >= 0 {
			return // a NUL fails the file before any record (TestNULByte)
		}
		sep := sniffSeparator(data)
		wantLines, wantRecs, wantBad, wantTrunc := refCSV(data, sep)

		src := &csvSource{cr: &countingReader{r: bytes.NewReader(data)}, sep: sep, blockSize: 1 + int(block)%64, nextLine: 1}
		var lines, bad []int64
		var recs [][]string
		var err error
		for {
			var b []byte
			var line int64
			b, line, err = src.NextBlock()
			if err != nil {
				break
			}
			r, c, rj := parseBlock(b, line, sep, 4)
			lines, recs = append(lines, r...), append(recs, c...)
			for _, x := range rj {
				bad = append(bad, x.Row)
			}
		}
		var te *TruncatedError
		if wantTrunc {
			if !errors.As(err, &te) {
				t.Fatalf("a quoted cell open at the end: want a truncated error, got %v after %d records", err, len(recs))
			}
			return
		}
		if err != io.EOF {
			t.Fatalf("error %v; the reference reads %d records", err, len(wantRecs))
		}
		if !reflect.DeepEqual(lines, wantLines) || !reflect.DeepEqual(bad, wantBad) {
			t.Fatalf("records start on lines %v (spoilt %v), the reference %v (spoilt %v)\ndata %q", lines, bad, wantLines, wantBad, data)
		}
		if !reflect.DeepEqual(recs, wantRecs) {
			t.Fatalf("cells %q, the reference %q\ndata %q", recs, wantRecs, data)
		}
	})
}

// FuzzFoldHeader: folding is idempotent and leaves no edge or double spaces.
func FuzzFoldHeader(f *testing.F) {
	for _, s := range []string{"No. Tracking", "NO_TRACKING", "  Tanggal  Laporan ", "\ufeffID", "Tipe Laporan (Anonim/Rahasia)", "a\u00a0b", "İSTANBUL", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := FoldHeader(s)
		if twice := FoldHeader(once); twice != once {
			t.Fatalf("FoldHeader(%q) = %q, folded again %q", s, once, twice)
		}
		if strings.HasPrefix(once, " ") || strings.HasSuffix(once, " ") || strings.Contains(once, "  ") {
			t.Fatalf("FoldHeader(%q) = %q", s, once)
		}
	})
}

// FuzzTimeParser: a timestamp the parser accepts lies in the plausible range, and written out
// again (in the source zone, to the nanosecond) it parses to the same instant.
func FuzzTimeParser(f *testing.F) {
	for _, s := range []string{"2025-03-07 14:05:00", "07/03/2025 14:05", "29 May 2023", "3 Jan 2026 04:05:34", "Senin, 7 Maret 2025 pukul 14.05",
		"2025-03-07T14:05:00+07:00", "2025-03-07T07:05:00Z", "45723.5868", "1741331100", "03/07/2025 02:05:00 PM", "1900-01-01", "0", "1.5", "2958465.99999"} {
		f.Add(s, false, false)
	}
	wib, _ := time.LoadLocation("Asia/Jakarta")
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	dates := DateRange{From: time.Date(2000, 1, 1, 0, 0, 0, 0, wib), To: now.Add(24 * time.Hour)}
	f.Fuzz(func(t *testing.T, s string, serial, monthFirst bool) {
		p := TimeParser{Loc: wib, Serial: serial}
		if monthFirst {
			p.Order = MonthFirst
		}
		tm, st := p.parseIn(s, dates)
		if st != timeOK {
			return
		}
		if tm.Before(dates.From) || tm.After(dates.To) {
			t.Fatalf("%q accepted as %v, outside %v .. %v", s, tm, dates.From, dates.To)
		}
		for _, layout := range []string{"2006-01-02 15:04:05.999999999", time.RFC3339Nano} {
			again := tm.In(wib).Format(layout)
			back, st := p.parseIn(again, dates)
			if st != timeOK || !back.Equal(tm) {
				t.Fatalf("%q -> %v -> %q -> %v (%v)", s, tm, again, back, st)
			}
		}
	})
}
