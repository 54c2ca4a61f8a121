package ingest

// Fuzz targets for the input readers. Each checks a property, not only that nothing panics;
// `go test` runs their seeds, docs/fuzzing.md says how to run them for longer.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
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

// streamSheet reads Sheet1 of an in-memory workbook with sheetStream, its records limit
// columns wide; far[i] are the cells of row i beyond the limit.
func streamSheet(book []byte, limit int) (rows []sheetRow, far [][]farCell, err error) {
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil, nil, err
	}
	var f *zip.File
	for _, zf := range z.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			f = zf
		}
	}
	s, err := openSheetStream(f, newSharedStrings())
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	s.limit = limit
	for {
		row, rec, err := s.Next()
		if err == io.EOF {
			return rows, far, nil
		}
		if err != nil {
			return rows, far, err
		}
		rows, far = append(rows, sheetRow{"Sheet1", row, rec}), append(far, s.Far())
	}
}

// reach is the column of a streamed row's last cell: the length of excelize's row.
func reach(cells []string, far []farCell) int {
	if len(far) > 0 {
		return far[len(far)-1].Col
	}
	return len(cells)
}

// agrees says how a streamed row (its cells up to limit, the far ones beyond it) differs from
// excelize's row want, nil when it does not; without building the whole row, which for a cell
// at XFD is 16,384 strings.
func agrees(cells []string, far []farCell, limit int, want []string) error {
	if len(cells) > limit {
		return fmt.Errorf("a record of %d cells, the limit %d", len(cells), limit)
	}
	prev := limit
	for _, c := range far {
		if c.Col <= prev {
			return fmt.Errorf("a far cell at column %d after column %d (limit %d)", c.Col, prev, limit)
		}
		prev = c.Col
	}
	if n := reach(cells, far); n != len(want) {
		return fmt.Errorf("the row reaches column %d, excelize's %d", n, len(want))
	}
	for i, v := range cells {
		if want[i] != v {
			return fmt.Errorf("column %d: %q, excelize %q", i+1, v, want[i])
		}
	}
	k := 0
	for i := len(cells); i < len(want); i++ {
		v := ""
		if k < len(far) && far[k].Col == i+1 {
			v, k = far[k].Val, k+1
		}
		if want[i] != v {
			return fmt.Errorf("column %d (beyond the record): %q, excelize %q", i+1, v, want[i])
		}
	}
	return nil
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
// stream writer in the Ringkas shape (inline strings, no shared string table needed), and cuts;
// and a hostile one, a header and rows with a cell at XFD.
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
	seeds = append(seeds, []byte(farSheet(3, true)))
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
// (2) when the stream reader reads a sheet, excelize reads the same rows: each record is
// excelize's row up to the column limit (the header search's, and a limit of 2), and the cells
// kept apart beyond it are excelize's cells there; (3) a cut of a sheet the reader accepts
// either fails or gives all the same rows (a cut after the root's end): it never loads part of
// the sheet.
func FuzzXLSXSheet(f *testing.F) {
	for _, s := range fuzzSheetSeeds(f) {
		f.Add(s, uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, sheet []byte, cut uint16) {
		book := fuzzWorkbook(t, sheet)
		got, far, err := streamSheet(book, searchColumns)
		if err != nil {
			return
		}
		if !wellFormed(sheet) {
			t.Fatalf("the stream reader accepted a sheet encoding/xml refuses: %q", sheet)
		}
		if len(got) > 5000 {
			return // a far row number: excelize would step through every row before it, slowly
		}
		narrow, narrowFar, err := streamSheet(book, 2)
		if err != nil {
			t.Fatalf("with a limit of 2 columns: %v\nsheet %q", err, sheet)
		}
		if len(narrow) != len(got) {
			t.Fatalf("%d rows with a limit of 2 columns, %d with %d", len(narrow), len(got), searchColumns)
		}
		cells := 0
		for i, r := range got {
			cells += reach(r.Cells, far[i])
		}
		// excelize builds every row whole: 5,000 rows at XFD are 82 million strings, 16 rows
		// about 25 ms.
		if cells <= 1<<18 {
			want, werr := excelizeSheet(book)
			if werr != nil {
				t.Fatalf("excelize fails (%v) where the stream reader read %d rows", werr, len(got))
			}
			if len(want) != len(got) {
				t.Fatalf("%d rows, excelize %d\nsheet %q", len(got), len(want), sheet)
			}
			for i, w := range want {
				if got[i].Row != w.Row || narrow[i].Row != w.Row {
					t.Fatalf("record %d is row %d (%d with a limit of 2), excelize's %d", i, got[i].Row, narrow[i].Row, w.Row)
				}
				if err := agrees(got[i].Cells, far[i], searchColumns, w.Cells); err != nil {
					t.Fatalf("row %d: %v\nsheet %q", w.Row, err, sheet)
				}
				if err := agrees(narrow[i].Cells, narrowFar[i], 2, w.Cells); err != nil {
					t.Fatalf("row %d, limit 2: %v\nsheet %q", w.Row, err, sheet)
				}
			}
		}
		if len(sheet) == 0 {
			return
		}
		k := int(cut) % len(sheet)
		part, partFar, err := streamSheet(fuzzWorkbook(t, sheet[:k]), searchColumns)
		if err == nil && !(reflect.DeepEqual(part, got) && reflect.DeepEqual(partFar, far)) {
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
