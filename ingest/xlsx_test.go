package ingest

import (
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/ingest/*.xlsx from the CSV fixtures")

// csvToXLSX writes a CSV fixture as a workbook the way real exports come: a title row above the
// header, timestamps of dateCols as real Excel date cells (serial numbers), whole numbers as
// numbers, everything else as text.
func csvToXLSX(t testing.TB, csvPath, xlsxPath string, dateCols ...string) {
	t.Helper()
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs[0][0] = strings.TrimPrefix(recs[0][0], "\ufeff")
	isDate := map[int]bool{}
	for i, h := range recs[0] {
		for _, d := range dateCols {
			if h == d {
				isDate[i] = true
			}
		}
	}
	wib, _ := time.LoadLocation("Asia/Jakarta")
	tp := TimeParser{Loc: wib}
	x := excelize.NewFile()
	defer x.Close()
	sheet := "Laporan"
	x.SetSheetName("Sheet1", sheet)
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm: Excel shows it month-first; the raw serial is what counts
	sw.SetRow("A1", []any{"Rekap Pengaduan SP4N-LAPOR! (ekspor admin)"})
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, v := range rec {
			switch {
			case i > 0 && isDate[j] && v != "":
				if tm, ok := tp.Parse(v); ok {
					// Excel has no zones: the cell holds the WIB wall clock.
					w := tm.In(wib)
					row[j] = excelize.Cell{StyleID: dateStyle, Value: time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)}
					continue
				}
				row[j] = v
			case i > 0 && v != "" && len(v) < 8:
				if n, err := strconv.Atoi(v); err == nil {
					row[j] = n
					continue
				}
				row[j] = v
			default:
				row[j] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := x.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}
}

var xlsxFixtures = []struct {
	csv, xlsx string
	dates     []string
}{
	{"lapor_admin.csv", "lapor_admin.xlsx", []string{"Tanggal Laporan", "Tanggal Disposisi", "Tanggal Selesai"}},
	{"lapor_opendata.csv", "lapor_opendata.xlsx", nil},
}

func TestWriteXLSXFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the XLSX fixtures")
	}
	for _, fx := range xlsxFixtures {
		csvToXLSX(t, fixtures+fx.csv, fixtures+fx.xlsx, fx.dates...)
	}
}

// TestXLSXMatchesCSV writes each CSV fixture as a real workbook with excelize, ingests both and
// expects the same complaints and rejects; the committed .xlsx fixtures must do the same.
func TestXLSXMatchesCSV(t *testing.T) {
	for _, fx := range xlsxFixtures {
		t.Run(fx.xlsx, func(t *testing.T) {
			dir := t.TempDir()
			fresh := filepath.Join(dir, fx.xlsx)
			csvToXLSX(t, fixtures+fx.csv, fresh, fx.dates...)
			state := func(path string) ([]string, []string, FileResult) {
				db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
				r := ingestOK(t, db, path, testOptions(t))
				c := rows(t, db.DB, `SELECT * EXCLUDE (run_id, source_row) FROM complaints ORDER BY tracking_id`)
				j := rows(t, db.DB, `SELECT column_name, raw_value, reason_code FROM rejects ORDER BY ALL`)
				return c, j, r
			}
			wantC, wantJ, wantR := state(fixtures + fx.csv)
			for _, p := range []string{fresh, fixtures + fx.xlsx} {
				gotC, gotJ, gotR := state(p)
				if gotR.Format != "xlsx" || gotR.Layout != wantR.Layout || gotR.Accepted != wantR.Accepted || gotR.Rejected != wantR.Rejected {
					t.Errorf("%s: %+v, CSV gave %+v", p, gotR, wantR)
				}
				if !reflect.DeepEqual(gotC, wantC) {
					t.Errorf("%s complaints differ from the CSV's:\n%s\nCSV:\n%s", p, strings.Join(gotC, "\n"), strings.Join(wantC, "\n"))
				}
				if !reflect.DeepEqual(gotJ, wantJ) {
					t.Errorf("%s rejects differ:\n%s\nCSV:\n%s", p, strings.Join(gotJ, "\n"), strings.Join(wantJ, "\n"))
				}
			}
		})
	}
}
