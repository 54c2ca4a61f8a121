package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/store"
)

// writeMonthly writes the scorecard of a month into a new directory and returns the files.
func writeMonthly(t *testing.T, db *store.DB, month, lang, regency string) Result {
	t.Helper()
	res, err := Monthly(context.Background(), db, Options{Month: month, OutDir: t.TempDir(), Lang: lang, Regency: regency, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The golden files pin every number and word of the reports on the fixture; a change to them is
// reviewed as a diff (go test -tags duckdb_arrow ./reports -update rewrites them).
func TestScorecardGolden(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, c := range []struct{ month, lang string }{{"2025-05", "id"}, {"2025-04", "en"}, {"2025-02", "id"}} {
		t.Run(c.month+"-"+c.lang, func(t *testing.T) {
			res := writeMonthly(t, db, c.month, c.lang, "")
			if filepath.Base(res.HTML) != "rapor-"+c.month+".html" || filepath.Base(res.XLSX) != "rapor-"+c.month+".xlsx" {
				t.Fatalf("files %s %s", res.HTML, res.XLSX)
			}
			html := readFile(t, res.HTML)
			golden(t, fmt.Sprintf("scorecard-%s-%s.html", c.month, c.lang), stripECharts(t, html))
			golden(t, fmt.Sprintf("scorecard-%s-%s.xlsx.txt", c.month, c.lang), []byte(dumpXLSX(t, res.XLSX)))
			// The same input gives the same bytes (fixed chart IDs, no animation, no map order).
			again := writeMonthly(t, db, c.month, c.lang, "")
			if !bytes.Equal(html, readFile(t, again.HTML)) {
				t.Fatal("two runs wrote different HTML")
			}
		})
	}
}

func TestCompareGolden(t *testing.T) {
	db, _ := multiDB(t)
	for _, c := range []struct{ from, to, period, lang, regency string }{
		{"2025-02", "2025-05", "month", "id", ""},
		{"2025-01", "2025-05", "quarter", "en", "hulu sungai  utara"},
		{"2025-01", "2025-05", "year", "id", ""},
	} {
		t.Run(c.period+"-"+c.lang, func(t *testing.T) {
			res, err := Compare(context.Background(), db, CompareOptions{From: c.from, To: c.to, Period: c.period, Lang: c.lang,
				Regency: c.regency, OutDir: t.TempDir(), Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			base := "rapor-banding-" + c.from + "-" + c.to
			switch c.period {
			case "quarter":
				base += "-triwulan"
			case "year":
				base += "-tahunan"
			}
			if filepath.Base(res.HTML) != base+".html" {
				t.Fatalf("file %s", res.HTML)
			}
			golden(t, fmt.Sprintf("compare-%s-%s.html", c.period, c.lang), stripECharts(t, readFile(t, res.HTML)))
			golden(t, fmt.Sprintf("compare-%s-%s.xlsx.txt", c.period, c.lang), []byte(dumpXLSX(t, res.XLSX)))
		})
	}
}

// leagueRowRE finds a league table's rows with their cells.
var (
	tableRE = regexp.MustCompile(`(?s)<table class="league-table" data-period="([a-z_0-9]+)">(.*?)</table>`)
	rowRE   = regexp.MustCompile(`(?s)<tr class="[^"]*" data-agency="([^"]*)" data-score="([^"]*)" data-received="(\d+)">(.*?)</tr>`)
	cellRE  = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	tagRE   = regexp.MustCompile(`<[^>]+>`)
)

func htmlText(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(s, "")))
}

// The HTML and the workbook show agency_month's and agency_period's numbers: every cell of the
// league tables is the table's value, formatted (HTML) or exact (XLSX).
func TestNumbersAgreeWithMetricTables(t *testing.T) {
	fdb, _ := fixtureDB(t)
	gdb, gcfg := genDB(t)
	ctx := context.Background()
	for _, c := range []struct {
		db      *store.DB
		regency string
		month   string
	}{
		{fdb, fixtureRegency, "2025-02"}, {fdb, fixtureRegency, "2025-04"}, {fdb, fixtureRegency, "2025-05"},
		{gdb, gcfg.Regency, "2025-06"}, {gdb, gcfg.Regency, "2025-10"},
	} {
		db, fixtureRegency, month := c.db, c.regency, c.month
		t.Run(month, func(t *testing.T) {
			res := writeMonthly(t, db, month, "id", "")
			s, err := LoadScorecard(ctx, db, Options{Month: month, Lang: "id"})
			if err != nil {
				t.Fatal(err)
			}
			l := s.L
			page := string(readFile(t, res.HTML))

			// The metric tables, read independently of the report code.
			type want struct {
				agency                       string
				received, openEnd, overdue   int64
				score, ontime, compl, complO *float64
				rating, median               *float64
				rank                         *int64
			}
			query := map[string]string{
				"month": `SELECT agency, received, open_end, overdue_end, score, on_time_response_rate, completion_rate,
                    on_time_completion_rate, rating_avg, response_wd_median, rank
                    FROM agency_month WHERE regency = ? AND month = ?::DATE ORDER BY rank NULLS LAST, score DESC NULLS LAST, received DESC, agency`,
				"rolling_12m": `SELECT agency, received, open_end, overdue_end, score, on_time_response_rate, completion_rate,
                    on_time_completion_rate, rating_avg, response_wd_median, rank
                    FROM agency_period WHERE regency = ? AND period_type = 'rolling_12m' AND end_month = ?::DATE
                    ORDER BY rank NULLS LAST, score DESC NULLS LAST, received DESC, agency`,
			}
			tables := map[string][]want{}
			for period, q := range query {
				rows, err := db.QueryContext(ctx, q, fixtureRegency, month+"-01")
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var w want
					if err := rows.Scan(&w.agency, &w.received, &w.openEnd, &w.overdue, &w.score, &w.ontime, &w.compl, &w.complO, &w.rating, &w.median, &w.rank); err != nil {
						t.Fatal(err)
					}
					tables[period] = append(tables[period], w)
				}
				rows.Close()
				if len(tables[period]) == 0 {
					t.Fatalf("%s: no rows in the fixture", period)
				}
			}

			// HTML: the two league tables, row by row.
			found := tableRE.FindAllStringSubmatch(page, -1)
			if len(found) != 2 {
				t.Fatalf("%d league tables in the HTML, want 2", len(found))
			}
			for _, tb := range found {
				ws := tables[tb[1]]
				rows := rowRE.FindAllStringSubmatch(tb[2], -1)
				if len(rows) != len(ws) {
					t.Fatalf("%s: %d rows in the HTML, %d in the table", tb[1], len(rows), len(ws))
				}
				for i, r := range rows {
					w := ws[i]
					cells := cellRE.FindAllStringSubmatch(r[4], -1)
					got := make([]string, len(cells))
					for j, c := range cells {
						got[j] = htmlText(c[1])
					}
					wantCells := []string{l.optInt(w.rank), "", w.agency, l.opt(w.score, 1), "", l.int(w.received), l.pct(w.ontime),
						l.pct(w.compl), l.pct(w.complO), l.opt(w.rating, 1), l.opt(w.median, 1), l.int(w.openEnd), l.int(w.overdue)}
					for j, wc := range wantCells {
						if wc != "" && got[j] != wc {
							t.Errorf("%s row %d (%s) column %d: HTML %q, table %q", tb[1], i+1, w.agency, j+1, got[j], wc)
						}
					}
					if htmlText(r[1]) != w.agency || r[3] != fmt.Sprint(w.received) {
						t.Errorf("%s row %d: data attributes %q %q", tb[1], i+1, r[1], r[3])
					}
					if w.score != nil && r[2] != fmt.Sprint(*w.score) {
						t.Errorf("%s row %d: data-score %q, table %v", tb[1], i+1, r[2], *w.score)
					}
				}
			}

			// XLSX: the ranking sheet holds the exact values as numbers.
			f, err := excelize.OpenFile(res.XLSX, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			xrows, err := f.GetRows("Peringkat SKPD", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			byPeriod := map[string][][]string{}
			for _, r := range xrows[1:] {
				period := "rolling_12m"
				if strings.HasPrefix(r[0], "Bulan ") {
					period = "month"
				}
				byPeriod[period] = append(byPeriod[period], r)
			}
			num := func(x *float64) string {
				if x == nil {
					return ""
				}
				return fmt.Sprint(*x)
			}
			for period, ws := range tables {
				got := byPeriod[period]
				if len(got) != len(ws) {
					t.Fatalf("xlsx %s: %d rows, table %d", period, len(got), len(ws))
				}
				for i, w := range ws {
					r := got[i]
					cell := func(j int) string {
						if j < len(r) {
							return r[j]
						}
						return ""
					}
					checks := [][2]string{
						{cell(3), w.agency}, {cell(6), fmt.Sprint(w.received)}, {cell(4), num(w.score)},
						{cell(8), num(w.ontime)}, {cell(11), num(w.compl)}, {cell(13), num(w.complO)},
						{cell(19), fmt.Sprint(w.openEnd)}, {cell(20), fmt.Sprint(w.overdue)},
					}
					for k, c := range checks {
						if !sameNumber(c[0], c[1]) {
							t.Errorf("xlsx %s row %d (%s) check %d: %q, table %q", period, i+1, w.agency, k, c[0], c[1])
						}
					}
				}
			}

			// The KPI tiles are regency_month's values.
			var submitted, received, openEnd, overdue int64
			var ontime *float64
			if err := db.QueryRowContext(ctx, `SELECT submitted, received, open_end, overdue_end, on_time_response_rate
                FROM regency_month WHERE regency = ? AND month = ?::DATE`, fixtureRegency, month+"-01").Scan(&submitted, &received, &openEnd, &overdue, &ontime); err != nil {
				t.Fatal(err)
			}
			for id, v := range map[string]string{
				"kpi-submitted": l.int(submitted), "kpi-open": l.int(openEnd), "kpi-overdue": l.int(overdue),
				"kpi-ontime": strings.TrimSuffix(l.pct(ontime), "%"),
			} {
				re := regexp.MustCompile(`(?s)id="` + id + `">.*?<div class="value">(.*?)</div>`)
				m := re.FindStringSubmatch(page)
				if m == nil || !strings.HasPrefix(htmlText(m[1]), v) {
					t.Errorf("tile %s: %v, want %s", id, m, v)
				}
			}

			// The accountability list is the state at the month's end (as_of for as_of's month; a
			// past month's rebuilt from complaint_facts): it reconciles with that month's stock.
			overdueNow, unanswered := s.Current.OverdueEnd, s.Current.UnansweredOverdueEnd
			if s.OverdueAt != "history" && !s.Month.Equal(s.Build.AsOfMonth) {
				t.Errorf("%s: the list of a past month is not rebuilt from the history", s.MonthLabel())
			}
			// Counted from the streamed list, which the page's sums (overdue_agencies.sql) match.
			nc, nr := 0, 0
			for _, it := range allOverdue(t, s) {
				if it.OverC != nil {
					nc++
				}
				if it.OverR != nil {
					nr++
				}
			}
			if nc != s.Overdue.C || nr != s.Overdue.R {
				t.Errorf("list: %d past C and %d unanswered past R streamed, the page sums %d and %d", nc, nr, s.Overdue.C, s.Overdue.R)
			}
			if int64(nc) != overdueNow {
				t.Errorf("list: %d past C, regency_month.overdue_end at %v %d", nc, s.Current.StockAt, overdueNow)
			}
			if unanswered != nil && int64(nr) != *unanswered {
				t.Errorf("list: %d unanswered past R, regency_month.unanswered_overdue_end at %v %d", nr, s.Current.StockAt, *unanswered)
			}

			// The open complaints by age add up to the month's open stock.
			var backlog int64
			for _, b := range s.Backlog {
				backlog += b.Total
			}
			if backlog != s.Current.OpenEnd {
				t.Errorf("backlog chart: %d open, regency_month.open_end %d", backlog, s.Current.OpenEnd)
			}

			// The breakdowns count the month's submissions; the response-time distribution is the
			// month's cohort, its on-time part responded_on_time.
			var responseBase int64
			var respondedOnTime *int64
			if err := db.QueryRowContext(ctx, `SELECT response_base, responded_on_time FROM regency_month
                WHERE regency = ? AND month = ?::DATE`, fixtureRegency, month+"-01").Scan(&responseBase, &respondedOnTime); err != nil {
				t.Fatal(err)
			}
			for kind, counts := range map[string][]Count{"category": s.Categories, "channel": s.Channels, "area": s.Areas} {
				var sum int64
				for _, c := range counts {
					sum += c.N
				}
				if sum != submitted {
					t.Errorf("%s breakdown: %d complaints, regency_month.submitted %d", kind, sum, submitted)
				}
			}
			h := s.Response
			var all, inTime int64
			for d, n := range h.Days {
				all += n
				if d <= s.Build.R {
					inTime += n
				}
			}
			if all+h.Unanswered+h.Invalid != responseBase || (respondedOnTime != nil && inTime != *respondedOnTime) {
				t.Errorf("response times: %d answered (%d on time) + %d unanswered + %d invalid; regency_month: base %d, on time %v",
					all, inTime, h.Unanswered, h.Invalid, responseBase, respondedOnTime)
			}
			xo, err := f.GetRows("Tunggakan")
			if err != nil {
				t.Fatal(err)
			}
			if n := s.Overdue.N; (n > 0 && len(xo)-1 != n) || strings.Count(page, `data-tracking="`) != n {
				t.Errorf("overdue list: %d items, %d sheet rows, %d HTML rows", n, len(xo)-1, strings.Count(page, `data-tracking="`))
			}
		})
	}
}

func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	var x, y float64
	if _, err := fmt.Sscan(a, &x); err != nil {
		return false
	}
	if _, err := fmt.Sscan(b, &y); err != nil {
		return false
	}
	// Excel keeps 15 significant digits, as excelize writes them.
	return math.Abs(x-y) <= 1e-14*math.Max(1, math.Abs(y))
}

// Hostile titles, categories, areas and agency names are text everywhere: escaped in the HTML
// (and in the JSON of the charts), string cells in the workbook.
func TestHostileTextIsInert(t *testing.T) {
	db, _ := fixtureDB(t)
	res := writeMonthly(t, db, "2025-05", "id", "")
	html := string(stripECharts(t, readFile(t, res.HTML)))
	hostile := []string{`<script>alert(1)</script>`, `</script><b>x`, `=HYPERLINK("http://evil")`, `+cmd`, `@SUM(A1)`, `-1+2`}
	for _, h := range []string{`<script>alert(1)`, `</script><b>`, `<b>parah</b>`} {
		if strings.Contains(html, h) {
			t.Errorf("the HTML contains %q unescaped", h)
		}
	}
	// Exactly the report's own script elements: the library and the charts.
	if n := strings.Count(strings.ToLower(html), "<script"); n != 2 {
		t.Errorf("%d <script> elements, want 2", n)
	}
	if !strings.Contains(html, `&lt;script&gt;alert(1)&lt;/script&gt;`) || !strings.Contains(html, `&lt;/script&gt;&lt;b&gt;x`) {
		t.Error("the hostile names are not shown as escaped text")
	}
	if !strings.Contains(html, `\u003c/script\u003e\u003cb\u003ex`) {
		t.Error("the chart JSON does not escape </script> as \\u003c/script\\u003e")
	}
	// The confidential complaint's title never shows (ingest drops it; the report marks it).
	if strings.Contains(html, "rahasia</td>") || !strings.Contains(html, `data-tracking="HSU-H6"`) {
		t.Error("HSU-H6 (confidential) missing from the list or its text shown")
	}

	f, err := excelize.OpenFile(res.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				for _, h := range hostile {
					if v != h {
						continue
					}
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					typ, _ := f.GetCellType(sheet, ref)
					formula, _ := f.GetCellFormula(sheet, ref)
					if formula != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
						t.Errorf("%s!%s %q: type %v formula %q, want a string cell", sheet, ref, v, typ, formula)
					}
					seen[h] = true
				}
			}
		}
	}
	for _, h := range hostile {
		if !seen[h] {
			t.Errorf("%q not found in the workbook", h)
		}
	}
}

func TestErrors(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Month: "2025-6"}, "YYYY-MM"},
		{Options{Month: "juni"}, "YYYY-MM"},
		{Options{Month: "2025-13"}, "YYYY-MM"},
		{Options{Month: "2025-06"}, "belum ada data untuk Juni 2025: data hanya sampai 20 Mei 2025 11.00 WITA (as_of). Pilih bulan Mei 2025 atau sebelumnya."},
		{Options{Month: "2025-06", Lang: "en"}, "no data for June 2025 yet: the data reaches 20 May 2025 11:00 WITA (as_of). Choose May 2025 or earlier."},
		{Options{Month: "2024-11"}, "tidak ada data untuk November 2024 di Hulu Sungai Utara: data dimulai Januari 2025."},
		{Options{Month: "2025-05", Regency: "Tabalong"}, `no regency "Tabalong" in the database; it holds: Hulu Sungai Utara`},
	} {
		c.o.OutDir = dir
		_, err := Monthly(ctx, db, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.o, err, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed runs left files: %v", entries)
	}

	// Several regencies: --regency is required, and the error lists them.
	mdb, _ := multiDB(t)
	_, err := Monthly(ctx, mdb, Options{Month: "2025-05", OutDir: dir})
	var re *RegencyError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "Hulu Sungai Utara, Kota Banjarbaru") {
		t.Errorf("several regencies: %v", err)
	}
	res, err := Monthly(ctx, mdb, Options{Month: "2025-05", OutDir: dir, Regency: "KOTA banjarbaru", Now: testNow})
	if err != nil || res.Regency != "Kota Banjarbaru" {
		t.Errorf("--regency KOTA banjarbaru: %v %+v", err, res)
	}

	// Comparison arguments.
	for _, c := range []struct {
		o    CompareOptions
		want string
	}{
		{CompareOptions{From: "2025-05", To: "2025-02"}, "--from 2025-05 is after --to 2025-02"},
		{CompareOptions{From: "2025-02", To: "2025-05", Period: "week"}, "--period must be month, quarter or year"},
		{CompareOptions{From: "2025-02", To: "2025-07"}, "no data for July 2025 yet"},
		{CompareOptions{From: "2023-01", To: "2023-06"}, "no monthly period with data"},
	} {
		c.o.OutDir, c.o.Lang = dir, "en"
		if _, err := Compare(ctx, db, c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.o, err, c.want)
		}
	}

	// A database without a build.
	empty, err := store.Open(ctx, filepath.Join(t.TempDir(), "empty.duckdb"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if _, err := Monthly(ctx, empty, Options{Month: "2025-05", OutDir: dir}); !errors.Is(err, ErrNotBuilt) {
		t.Errorf("no build: %v", err)
	}
}

// Sheet names are valid in Excel; numbers are written in the language's way (the texts
// themselves are checked in internal/msg).
func TestTexts(t *testing.T) {
	for _, k := range []string{"sheet_summary", "sheet_league", "sheet_trend", "sheet_overdue", "sheet_quality", "sheet_definitions",
		"sheet_cmp_agencies", "sheet_cmp_regencies", "sheet_cmp_data"} {
		for _, code := range []string{"id", "en"} {
			name := newLang(code).t(k)
			if len([]rune(name)) > 31 || strings.ContainsAny(name, `[]:*?/\`) {
				t.Errorf("sheet name %q is not valid in Excel", name)
			}
		}
	}
	l := newLang("id")
	if got := l.num(1234567.891, 1); got != "1.234.567,9" {
		t.Errorf("id number %q", got)
	}
	if got := newLang("en").num(-1234.5, 1); got != "−1,234.5" {
		t.Errorf("en number %q", got)
	}
}
