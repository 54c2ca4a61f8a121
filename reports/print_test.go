package reports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Every sheet of the workbooks prints: A4 landscape, fit to the page's width, its head repeated
// on every page; the trend chart's month axis shows months; tracking ids are text without
// Excel's warning.
func TestWorkbookPrintSetup(t *testing.T) {
	db, _ := fixtureDB(t)
	res := writeMonthly(t, db, "2025-05", "id", "")
	cmp, err := Compare(context.Background(), db, CompareOptions{From: "2025-02", To: "2025-05", OutDir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{res.XLSX, cmp.XLSX} {
		parts := zipFiles(t, path)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]bool{}
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" {
				titles[d.Scope] = true
			}
		}
		for _, sheet := range f.GetSheetList() {
			p, err := sheetPath(f, sheet)
			if err != nil {
				t.Fatal(err)
			}
			x := parts[p]
			if !strings.Contains(x, `orientation="landscape"`) || !strings.Contains(x, `fitToWidth="1"`) || !strings.Contains(x, `fitToHeight="0"`) ||
				!strings.Contains(x, `paperSize="9"`) || !(strings.Contains(x, `fitToPage="1"`) || strings.Contains(x, `fitToPage="true"`)) {
				t.Errorf("%s %s: no A4 landscape fit-to-width page setup", filepath.Base(path), sheet)
			}
			if !titles[sheet] {
				t.Errorf("%s %s: no print titles", filepath.Base(path), sheet)
			}
			if sheet == "Tunggakan" && !strings.Contains(x, `numberStoredAsText="1"`) {
				t.Errorf("%s: tracking ids would show Excel's number-as-text warning", sheet)
			}
		}
		f.Close()
		if path == res.XLSX {
			chart := ""
			for name, x := range parts {
				if strings.HasPrefix(name, "xl/charts/chart") {
					chart = x
				}
			}
			if !strings.Contains(chart, `formatCode="mmm yyyy"`) {
				t.Errorf("the trend chart's month axis has no month format")
			}
		}
	}
}

// A list longer than a sheet goes on over numbered sheets, each saying which part it holds,
// every complaint on exactly one of them.
func TestWorkbookOverdueOverSheets(t *testing.T) {
	db, _ := fixtureDB(t)
	s, err := LoadScorecard(context.Background(), db, Options{Month: "2025-04", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	const n = 25
	base := time.Date(2025, 1, 2, 9, 0, 0, 0, s.Build.Loc)
	items := make([]OverdueItem, n)
	for i := range items {
		over := int64(i)
		items[i] = OverdueItem{Agency: fmt.Sprintf("Dinas %02d", i%4), TrackingID: fmt.Sprint(4000000 + i), DisposedAt: base, AgeDays: 61 + over, OverC: &over}
	}
	s.Overdue.rows = sliceRows(items)
	defer func(n int) { overdueSheetRows = n }(overdueSheetRows)
	overdueSheetRows = 10
	path := filepath.Join(t.TempDir(), "split.xlsx")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteXLSX(fh); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for i, want := range []int{10, 10, 5} {
		sheet := fmt.Sprintf("Tunggakan %d", i+1)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		if len(rows)-1 != want {
			t.Errorf("%s: %d rows, want %d", sheet, len(rows)-1, want)
		}
		if note := rows[0][len(rows[0])-1]; !strings.Contains(note, fmt.Sprintf("Bagian %d dari 3", i+1)) {
			t.Errorf("%s: its head says %q", sheet, note)
		}
		for _, r := range rows[1:] {
			seen[r[1]] = true
		}
	}
	if len(seen) != n {
		t.Errorf("%d distinct complaints over the sheets, want %d", len(seen), n)
	}
}
