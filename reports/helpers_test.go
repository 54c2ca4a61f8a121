package reports

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The fixture (testdata/fixture.csv) is the metrics fixture of the transform package with
// categories, channels and areas, plus hostile rows (HSU-H1..H7) whose titles, categories,
// areas and agency names are script tags and spreadsheet formulas. as_of is HSU-K9's last
// activity, 2025-05-20 10:00 WIB (11:00 WITA).
const fixtureRegency = "Hulu Sungai Utara"

var (
	wita    = time.FixedZone("WITA", 8*3600)
	testNow = time.Date(2025, 5, 21, 8, 0, 0, 0, wita) // the generation time printed on test reports
)

func fixtureConfig(t testing.TB) config.Config {
	t.Helper()
	cfg, err := config.Load("testdata/rapor.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// dbs caches the built databases: each is made once per test binary (ingest and build take
// about a second) and opened read-only, as `rapor report` opens it.
var dbs sync.Map // name -> *dbOnce

type dbOnce struct {
	once sync.Once
	path string
	err  error
}

type exportFile struct {
	path    string
	regency string
}

// builtDB returns a read-only database built from the exports.
func builtDB(t testing.TB, name string, cfg config.Config, files ...exportFile) *store.DB {
	t.Helper()
	v, _ := dbs.LoadOrStore(name, &dbOnce{})
	d := v.(*dbOnce)
	d.once.Do(func() { d.path, d.err = buildDB(name, cfg, files) })
	if d.err != nil {
		t.Fatal(d.err)
	}
	db, err := store.Open(context.Background(), d.path, store.Options{ReadOnly: true, TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var testDir string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "rapor-reports-test-")
	if err != nil {
		panic(err)
	}
	testDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildDB(name string, cfg config.Config, files []exportFile) (string, error) {
	ctx := context.Background()
	path := filepath.Join(testDir, name+".duckdb")
	db, err := store.Open(ctx, path, store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		return "", err
	}
	defer db.Close()
	layouts, err := ingest.LoadLayouts(cfg.Mappings...)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		opts := ingest.Options{
			Regency:       f.regency,
			SourceLoc:     cfg.SourceLocation(),
			Layouts:       layouts,
			Pseudonymizer: ingest.NewPseudonymizer([]byte("test key, not secret")),
			Version:       "test",
		}
		res, err := ingest.File(ctx, db, f.path, opts)
		if err != nil {
			return "", fmt.Errorf("ingest %s: %w", f.path, err)
		}
		if res.Rejected > 0 {
			return "", fmt.Errorf("ingest %s: %d rows rejected", f.path, res.Rejected)
		}
	}
	if _, err := transform.Build(ctx, db, cfg, transform.WithVersion("test")); err != nil {
		return "", err
	}
	return path, nil
}

func fixtureDB(t testing.TB) (*store.DB, config.Config) {
	cfg := fixtureConfig(t)
	return builtDB(t, "fixture", cfg, exportFile{"testdata/fixture.csv", fixtureRegency}), cfg
}

func multiDB(t testing.TB) (*store.DB, config.Config) {
	cfg := fixtureConfig(t)
	return builtDB(t, "multi", cfg, exportFile{"testdata/fixture.csv", fixtureRegency},
		exportFile{"testdata/fixture_kota.csv", "Kota Banjarbaru"}), cfg
}

// genDB is a realistic regency: 3,000 generated complaints over a year (as the demo), for the
// screenshots.
func genDB(t testing.TB) (*store.DB, config.Config) {
	t.Helper()
	cfg := config.Default()
	return builtDB(t, "gen", cfg, exportFile{genFile(t), cfg.Regency}), cfg
}

// genFile is the generated export of genDB, written once per test binary.
func genFile(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(testDir, "gen")
	path := filepath.Join(dir, "lapor-gen.csv")
	v, _ := dbs.LoadOrStore("gen-file", &dbOnce{})
	d := v.(*dbOnce)
	d.once.Do(func() {
		if d.err = os.MkdirAll(dir, 0o755); d.err == nil {
			_, d.err = gen.Write(path, "csv", gen.Options{Rows: 3000, Seed: 2025})
		}
	})
	if d.err != nil {
		t.Fatal(d.err)
	}
	return path
}

// echartsPlaceholder replaces the inlined library in golden files (1 MB of third-party code).
const echartsPlaceholder = "/* ECharts 5.6.0 (reports/assets/echarts.min.js) */"

func stripECharts(t testing.TB, html []byte) []byte {
	t.Helper()
	js, err := echartsJS()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(html, []byte(js)) != 1 {
		t.Fatalf("the page does not inline ECharts exactly once")
	}
	return bytes.Replace(html, []byte(js), []byte(echartsPlaceholder), 1)
}

// golden compares got with testdata/golden/name (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -tags duckdb_arrow ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %.300s\nwant: %.300s\n(run with -update if the change is intended)", name, i+1, g, w)
			}
		}
	}
}

// outDir is where tests leave files worth looking at (screenshots, PDFs, reports); it is
// gitignored.
func outDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// dumpXLSX renders every cell of a workbook as text: sheet, cell, type, raw value, number
// format, and the sheets' panes, filters, conditional formats and charts; formulas are flagged.
func dumpXLSX(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== sheet %q\n", sheet)
		panes, _ := f.GetPanes(sheet)
		fmt.Fprintf(&b, "panes freeze=%v x=%d y=%d\n", panes.Freeze, panes.XSplit, panes.YSplit)
		cfs, _ := f.GetConditionalFormats(sheet)
		var refs []string
		for ref := range cfs {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			for _, c := range cfs[ref] {
				fmt.Fprintf(&b, "condfmt %s %s %s %s\n", ref, c.Type, c.Criteria, c.Value)
			}
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		r := 0
		for rows.Next() {
			r++
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range cols {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r)
				typ, _ := f.GetCellType(sheet, ref)
				formula, _ := f.GetCellFormula(sheet, ref)
				style, _ := f.GetCellStyle(sheet, ref)
				numFmt := ""
				if st, err := f.GetStyle(style); err == nil && st != nil {
					if st.CustomNumFmt != nil {
						numFmt = *st.CustomNumFmt
					} else if st.NumFmt != 0 {
						numFmt = fmt.Sprint(st.NumFmt)
					}
				}
				line := fmt.Sprintf("%s %s %q", ref, cellTypeName(typ), v)
				if numFmt != "" {
					line += " fmt=" + numFmt
				}
				if formula != "" {
					line += " FORMULA=" + formula
				}
				b.WriteString(line + "\n")
			}
		}
		rows.Close()
	}
	return b.String()
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeNumber:
		return "n"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s"
	case excelize.CellTypeBool:
		return "b"
	case excelize.CellTypeFormula:
		return "f"
	case excelize.CellTypeError:
		return "e"
	case excelize.CellTypeDate:
		return "d"
	case excelize.CellTypeUnset:
		return "n" // a cell without a type attribute is a number
	}
	return fmt.Sprint(t)
}

// allOverdue reads a scorecard's whole accountability list as the workbook does (streamed from
// the database), for tests that look at every item.
func allOverdue(t testing.TB, s *Scorecard) []OverdueItem {
	t.Helper()
	var out []OverdueItem
	if err := s.Overdue.rows.each(0, s.Overdue.rows.n, func(it OverdueItem) error {
		out = append(out, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(out) != s.Overdue.N {
		t.Fatalf("%d items streamed, %d counted", len(out), s.Overdue.N)
	}
	return out
}
