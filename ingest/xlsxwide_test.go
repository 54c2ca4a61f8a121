package ingest

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// farSheet is a sheet of n rows whose cells sit at the far right of the grid, as a hostile or
// damaged file has them: with header, a Laporan Ringkas header on row 1 and data rows holding
// a tracking ID, a date and a time and a cell at XFD; without, rows holding only the XFD cell.
func farSheet(n int, header bool) string {
	var b strings.Builder
	b.WriteString(sheetHead + `<sheetData>`)
	first := 1
	if header {
		b.WriteString(`<row r="1">`)
		for i, h := range ringkas26 {
			fmt.Fprintf(&b, `<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>`, colName(i+1), h)
		}
		b.WriteString(`</row>`)
		first = 2
	}
	for r := first; r < first+n; r++ {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		if header {
			fmt.Fprintf(&b, `<c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>3 Jan 2026</t></is></c><c r="C%d" t="inlineStr"><is><t>04:05:34</t></is></c>`, r, 5216800+r, r, r)
		}
		fmt.Fprintf(&b, `<c r="XFD%d"><v>1</v></c></row>`, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// BenchmarkXLSXFarCells: 5,000 rows with a cell at XFD, read by the sheet reader alone (no
// header: the rows are read as the header search reads them) and ingested whole (a header, then
// data rows with a far cell).
func BenchmarkXLSXFarCells(b *testing.B) {
	const n = 5000
	dir := b.TempDir()
	bare := farSheet(n, false)
	b.Logf("sheet part: %d bytes", len(bare))
	barePath := writeFile(b, dir, "far.xlsx", zipWith(b, emptyWorkbook(b), map[string][]byte{"xl/worksheets/sheet1.xml": []byte(bare)}, zip.Deflate))
	dataPath := writeFile(b, dir, "fardata.xlsx", zipWith(b, emptyWorkbook(b), map[string][]byte{"xl/worksheets/sheet1.xml": []byte(farSheet(n, true))}, zip.Deflate))
	b.Run("reader", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			src, err := openXLSX(barePath)
			if err != nil {
				b.Fatal(err)
			}
			rows := 0
			for {
				_, _, err := src.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				rows++
			}
			src.Close()
			if rows != n {
				b.Fatalf("%d rows", rows)
			}
		}
	})
	b.Run("ingest", func(b *testing.B) {
		b.ReportAllocs()
		o := testOptions(b)
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db := openTestDB(b, filepath.Join(b.TempDir(), "r.duckdb"))
			b.StartTimer()
			r, err := File(context.Background(), db, dataPath, o)
			if err != nil || r.Read != n {
				b.Fatalf("%+v %v", r, err)
			}
		}
	})
}

// cellAt is a cell of a hand-written row: its column's letters and its text.
type cellAt struct{ col, val string }

// cellsSheet writes rows (row i+1 is rows[i]) with inline strings.
func cellsSheet(rows ...[]cellAt) string {
	var b strings.Builder
	b.WriteString(sheetHead + `<sheetData>`)
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for _, c := range r {
			fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, c.col, i+1, c.val)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// ringkasHeader is the 26-column Laporan Ringkas header from column A, and more cells.
func ringkasHeader(more ...cellAt) []cellAt {
	var r []cellAt
	for i, h := range ringkas26 {
		r = append(r, cellAt{colName(i + 1), h})
	}
	return append(r, more...)
}

// report is a data row: tracking ID, date, time, and more cells.
func report(id string, more ...cellAt) []cellAt {
	return append([]cellAt{{"A", id}, {"B", "3 Jan 2026"}, {"C", "04:05:34"}}, more...)
}

// TestXLSXFarCells: cells far beyond the header (at XFD, the grid's last column) load as they
// did when the reader padded every record out to them: kept in extra under kolom_N, or under
// the header's name (personal data pseudonymised), masked in a confidential report; a row
// holding only such a cell is a row without a tracking ID. The other rows load.
func TestXLSXFarCells(t *testing.T) {
	cases := []struct {
		name     string
		rows     [][]cellAt
		accepted []string // tracking_id|extra, by tracking ID
		rejected int64    // rows
		rejects  []string // source_row|column_name|reason_code|reason
		org      string   // the preamble's Nama Instansi
	}{
		{"a cell at XFD", [][]cellAt{ringkasHeader(), report("11"), report("12", cellAt{"XFD", "ujung"}), report("13")},
			[]string{"11|NULL", `12|{"kolom_16384":"ujung"}`, "13|NULL"}, 0, nil, ""},
		{"a cell just beyond the header", [][]cellAt{ringkasHeader(), report("11", cellAt{"AA", "catatan"}), report("12", cellAt{"IV", "x"}, cellAt{"IW", "y"})},
			[]string{`11|{"kolom_27":"catatan"}`, `12|{"kolom_256":"x","kolom_257":"y"}`}, 0, nil, ""},
		{"confidential", [][]cellAt{ringkasHeader(), report("11", cellAt{"K", "Rahasia"}, cellAt{"XFD", "ujung"}), report("12", cellAt{"K", "Rahasia"}, cellAt{"XFD", "2024"})},
			[]string{`11|{"kolom_16384":"[RAHASIA]"}`, `12|{"kolom_16384":"2024"}`}, 0, nil, ""},
		{"a row of only a far cell", [][]cellAt{ringkasHeader(), report("11"), {{"XFD", "ujung"}}, report("13")},
			[]string{"11|NULL", "13|NULL"}, 1, []string{"3|Tracking ID|missing_tracking_id|nomor tracking kosong", "3|Tanggal Laporan Masuk|missing_submitted_at|tanggal laporan kosong"}, ""},
		{"a header cell at XFD", [][]cellAt{ringkasHeader(cellAt{"XFD", "No HP"}), report("11", cellAt{"XFD", "0812 3456 7890"}), report("12", cellAt{"XFC", "z"})},
			[]string{`11|{"No HP":"[PRIBADI:`, `12|{"kolom_16383":"z"}`}, 0, nil, ""},
		{"a preamble value beyond the searched columns", [][]cellAt{{{"A", "Nama Instansi"}, {"IW", "Pemerintah Kabupaten Hulu Sungai Utara"}}, nil, ringkasHeader(), report("11")},
			[]string{"11|NULL"}, 0, nil, "Pemerintah Kabupaten Hulu Sungai Utara"},
	}
	dir := t.TempDir()
	o := testOptions(t)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, fmt.Sprintf("far%d.xlsx", i), zipWith(t, emptyWorkbook(t), map[string][]byte{"xl/worksheets/sheet1.xml": []byte(cellsSheet(c.rows...))}, zip.Deflate))
			db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
			r := ingestOK(t, db, p, o)
			if r.Layout != "lapor-ringkas" || r.Accepted != int64(len(c.accepted)) || r.Rejected != c.rejected {
				t.Fatalf("layout %s accepted %d rejected %d", r.Layout, r.Accepted, r.Rejected)
			}
			got := rows(t, db.DB, `SELECT tracking_id, coalesce(extra::VARCHAR, 'NULL') FROM complaints ORDER BY tracking_id`)
			for k, w := range c.accepted {
				if k >= len(got) || !strings.HasPrefix(got[k], w) {
					t.Errorf("complaints %q, want %q", got, c.accepted)
					break
				}
			}
			if rj := rows(t, db.DB, `SELECT source_row, column_name, reason_code, reason FROM rejects WHERE file_path = ? ORDER BY source_row`, p); strings.Join(rj, "\n") != strings.Join(c.rejects, "\n") {
				t.Errorf("rejects %q, want %q", rj, c.rejects)
			}
			if c.org != "" && (r.Preamble == nil || r.Preamble.Organisation != c.org) {
				t.Errorf("preamble %+v", r.Preamble)
			}
		})
	}
}

// TestSheetStreamBoundsFarRows: a record never holds more cells than its limit, whatever
// column a row's cell is at: 5,000 rows at XFD read as the header search reads them (limit
// searchColumns), and as data rows below a 26-column header (limit 26), each with its XFD
// cell kept apart. Reading all of them allocates a few megabytes, not the 1.3 GB that padding
// every record to XFD did.
func TestSheetStreamBoundsFarRows(t *testing.T) {
	const n = 5000
	dir := t.TempDir()
	for _, header := range []bool{false, true} {
		t.Run(fmt.Sprintf("header=%v", header), func(t *testing.T) {
			p := writeFile(t, dir, fmt.Sprintf("far-%v.xlsx", header), zipWith(t, emptyWorkbook(t), map[string][]byte{"xl/worksheets/sheet1.xml": []byte(farSheet(n, header))}, zip.Deflate))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			src, err := openXLSX(p)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			limit, wantLen := searchColumns, 0
			if header {
				if _, _, _, err := findHeader(p, src, testOptions(t).Layouts); err != nil {
					t.Fatal(err)
				}
				limit, wantLen = len(ringkas26), 3
			}
			rows := 0
			for {
				row, rec, err := src.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				rows++
				far := src.Far()
				if len(rec) != wantLen || cap(rec) > limit || len(far) != 1 || far[0] != (farCell{16384, "1"}) {
					t.Fatalf("row %d: %d cells (capacity %d, limit %d), far %v", row, len(rec), cap(rec), limit, far)
				}
			}
			runtime.ReadMemStats(&after)
			if rows != n {
				t.Fatalf("%d rows", rows)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("reading %d rows allocated %d MB", n, alloc>>20)
			}
		})
	}
}

// TestXLSXFarCellsUnknownLayout: a sheet no layout fits lists the headers it saw, those far to
// the right too.
func TestXLSXFarCellsUnknownLayout(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "unknown.xlsx", zipWith(t, emptyWorkbook(t), map[string][]byte{"xl/worksheets/sheet1.xml": []byte(cellsSheet(
		[]cellAt{{"A", "Nomor"}}, []cellAt{{"B", "Nomor"}, {"C", "Judul"}, {"XFD", "Catatan"}}, []cellAt{{"XFD", "ujung"}}))}, zip.Deflate))
	_, err := File(context.Background(), openTestDB(t, filepath.Join(dir, "r.duckdb")), p, testOptions(t))
	var ue *UnknownLayoutError
	if !errors.As(err, &ue) || strings.Join(ue.Headers, ",") != `"Nomor","Judul","Catatan"` {
		t.Errorf("want the headers of row 2, got %v", err)
	}
}
