package ingest

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path/filepath"
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
