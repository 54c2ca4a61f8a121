package reports

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// zipFiles reads the parts of an XLSX.
func zipFiles(t testing.TB, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

var sheetPathRE = regexp.MustCompile(`<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"`)

// The workbook reopens with excelize: every sheet there, in the language's names; no formula in
// any cell; numbers are number cells; rates carry a percent format; headers frozen; tables
// filterable; the trend sheet has a native chart.
func TestWorkbook(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, c := range []struct {
		lang   string
		sheets []string
	}{
		{"id", []string{"Ringkasan", "Peringkat SKPD", "Tren Bulanan", "Tunggakan", "Berulang", "Kualitas Data", "Definisi"}},
		{"en", []string{"Summary", "SKPD Ranking", "Monthly Trend", "Overdue", "Repeats", "Data Quality", "Definitions"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			res := writeMonthly(t, db, "2025-04", c.lang, "")
			f, err := excelize.OpenFile(res.XLSX)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(c.sheets, "|") {
				t.Fatalf("sheets %v, want %v", got, c.sheets)
			}
			numbers := 0
			for _, sheet := range c.sheets {
				panes, err := f.GetPanes(sheet)
				if err != nil || !panes.Freeze || panes.YSplit < 1 {
					t.Errorf("%s: header not frozen (%+v, %v)", sheet, panes, err)
				}
				rows, err := f.Rows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				var header []string
				r := 0
				headerRow := panes.YSplit
				for rows.Next() {
					r++
					cols, _ := rows.Columns(excelize.Options{RawCellValue: true})
					if r == headerRow {
						header = cols
					}
					for ci, v := range cols {
						if v == "" {
							continue
						}
						ref, _ := excelize.CoordinatesToCellName(ci+1, r)
						if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
							t.Errorf("%s!%s holds a formula: %s", sheet, ref, fm)
						}
						typ, _ := f.GetCellType(sheet, ref)
						isNum := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
						looksNum := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?(E-?[0-9]+)?$`).MatchString(v)
						if looksNum && !isNum && r > headerRow {
							t.Errorf("%s!%s %q is a number stored as text", sheet, ref, v)
						}
						if !isNum {
							continue
						}
						numbers++
						if r <= headerRow || ci >= len(header) {
							continue
						}
						st, _ := f.GetCellStyle(sheet, ref)
						style, _ := f.GetStyle(st)
						format := ""
						if style != nil && style.CustomNumFmt != nil {
							format = *style.CustomNumFmt
						}
						h := header[ci]
						if strings.Contains(h, "(%)") && !strings.HasSuffix(format, "%") {
							t.Errorf("%s!%s (%s): format %q, want a percent format", sheet, ref, h, format)
						}
					}
				}
				rows.Close()
			}
			if numbers < 100 {
				t.Errorf("only %d number cells", numbers)
			}

			// Filters, the table of the streamed sheet, the chart.
			parts := zipFiles(t, res.XLSX)
			rels := parts["xl/_rels/workbook.xml.rels"]
			for _, m := range sheetPathRE.FindAllStringSubmatch(parts["xl/workbook.xml"], -1) {
				name, rid := m[1], m[2]
				target := regexp.MustCompile(`Id="` + rid + `"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + rid + `"`).FindStringSubmatch(rels)
				if target == nil {
					t.Fatalf("no part for sheet %s", name)
				}
				part := "xl/" + strings.TrimPrefix(target[1]+target[2], "/xl/")
				xml := parts[part]
				switch name {
				case c.sheets[0]:
				case c.sheets[3]:
					if !strings.Contains(xml, "<tableParts") {
						t.Errorf("%s: no table (filter) on the streamed sheet", name)
					}
				default:
					if !strings.Contains(xml, "<autoFilter") {
						t.Errorf("%s: no autofilter", name)
					}
				}
				if name == c.sheets[2] && !strings.Contains(xml, "<drawing") {
					t.Errorf("%s: no chart", name)
				}
			}
			if chart := parts["xl/charts/chart1.xml"]; !strings.Contains(chart, "<barChart>") || !strings.Contains(chart, `<barDir val="col"`) {
				t.Error("the trend chart is not a native column chart")
			}
		})
	}
}

// The accountability list streams: 100,000 overdue complaints write in seconds, every row there.
func TestWorkbookLargeOverdueList(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	db, _ := fixtureDB(t)
	s, err := LoadScorecard(context.Background(), db, Options{Month: "2025-04", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	const n = 100_000
	base := time.Date(2025, 1, 2, 9, 0, 0, 0, s.Build.Loc)
	items := make([]OverdueItem, n)
	for i := range items {
		over := int64(i % 300)
		items[i] = OverdueItem{Agency: fmt.Sprintf("Dinas %02d", i%40), TrackingID: fmt.Sprint(4000000 + i), Category: "Infrastruktur Jalan",
			Title: "Jalan rusak di Desa Palampitan Hulu, Kecamatan Amuntai Tengah", DisposedAt: base.Add(time.Duration(i) * time.Minute),
			AgeDays: 60 + over, AgeWD: 40 + over, OverC: &over}
	}
	s.Overdue.rows = sliceRows(items)
	start := time.Now()
	path := filepath.Join(t.TempDir(), "big.xlsx")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteXLSX(fh); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	took := time.Since(start)
	st, _ := os.Stat(path)
	t.Logf("%d overdue rows: %v, %.1f MB", n, took.Round(time.Millisecond), float64(st.Size())/1e6)
	// The sheet is well-formed XML with every row (a streaming parse: excelize's reader would take
	// seconds on 100,000 rows), and excelize reads its first rows back.
	parts := zipFiles(t, path)
	sheet := ""
	for name, xml := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") && strings.Contains(xml, "<tableParts") {
			sheet = xml
		}
	}
	dec := xml.NewDecoder(strings.NewReader(sheet))
	count, cells := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the overdue sheet is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "row":
				count++
			case "c":
				cells++
			}
		}
	}
	if count != n+1 || !strings.Contains(sheet, `<c r="B100001" s=`) || !strings.Contains(sheet, fmt.Sprintf(">%d<", 4000000+n-1)) {
		t.Errorf("%d rows, %d cells", count, cells)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("Tunggakan")
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
	rows.Next()
	first, _ := rows.Columns()
	rows.Close()
	if len(first) < 9 || first[0] != "Dinas 00" || first[1] != "4000000" || first[5] != "60" {
		t.Errorf("first row %q", first)
	}
	if took > 30*time.Second {
		t.Errorf("100,000 rows took %v", took)
	}
}

// A wrapped cell's row is tall enough for its lines (LibreOffice does not grow it, and printed
// the second line over the next row): the definitions and the summary's "Dasar" column.
func TestWorkbookWrappedRowsAreTall(t *testing.T) {
	db, _ := fixtureDB(t)
	res := writeMonthly(t, db, "2025-04", "id", "")
	f, err := excelize.OpenFile(res.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked := 0
	for _, c := range []struct {
		sheet string
		col   string
	}{{"Ringkasan", "G"}, {"Definisi", "B"}} {
		w, err := f.GetColWidth(c.sheet, c.col)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			col := int(c.col[0] - 'A')
			if col >= len(row) || float64(len([]rune(row[col]))) <= 1.5*w {
				continue
			}
			checked++
			if h, err := f.GetRowHeight(c.sheet, i+1); err != nil || h < 27 {
				t.Errorf("%s row %d: %d characters in a column %.0f wide, row %.1f points high (%v)", c.sheet, i+1, len([]rune(row[col])), w, h, err)
			}
		}
	}
	if checked < 3 {
		t.Fatalf("only %d long wrapped cells: the test would prove nothing", checked)
	}
}
