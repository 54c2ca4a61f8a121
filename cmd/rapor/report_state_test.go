package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A report run after an ingest but before the rebuild shows one state, the build's: the new
// download's titles and categories arrive with the next build, together with the numbers
// (issue 11, item 9).
func TestReportReadsOneStateBetweenIngestAndBuild(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	db := filepath.Join(dir, "r.duckdb")
	series := filepath.Join(dir, "series")
	if code, out, errs := cli(t, "gen", "--layout", "ringkas", "--snapshots", "10", "--every", "7d", "--rows", "600", "--out", series); code != exitOK {
		t.Fatalf("gen: %d\n%s\n%s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(series, "ringkas-*.xlsx"))
	if len(files) != 10 {
		t.Fatalf("gen wrote %d files", len(files))
	}
	run := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := cli(t, append([]string{"--db", db, "--config", cfg}, args...)...)
		if code != exitOK {
			t.Fatalf("rapor %v: %d\n%s\n%s", args, code, out, errs)
		}
		return out, errs
	}
	run(append([]string{"ingest"}, files[:9]...)...)
	run("build")
	report := func(name string) (string, string) {
		t.Helper()
		out := filepath.Join(dir, name)
		_, errs := run("report", "--month", "2025-02", "--out", out)
		html, err := os.ReadFile(filepath.Join(out, "rapor-2025-02.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(html), errs
	}
	before, _ := report("before")

	// The tenth download renames every complaint's title and category.
	last := files[9]
	f, err := excelize.OpenFile(last)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := -1
	cols := map[string]int{}
	for i, r := range rows {
		found := map[string]int{}
		for j, v := range r {
			if v == "Judul Laporan" || v == "Kategori" {
				found[v] = j
			}
		}
		if len(found) == 2 {
			header, cols = i, found
			break
		}
	}
	if len(cols) != 2 {
		t.Fatalf("no Judul Laporan and Kategori header in %s: %v", last, cols)
	}
	for i := header + 1; i < len(rows); i++ {
		for name, j := range cols {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			v := "JUDULBARU"
			if name == "Kategori" {
				v = "KATEGORIBARU"
			}
			if err := f.SetCellValue(sheet, cell, fmt.Sprintf("%s %d", v, i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	run("ingest", last)

	between, errs := report("between")
	if !strings.Contains(errs, "dimuat setelah build terakhir") {
		t.Errorf("the report between ingest and build does not warn that it is stale:\n%s", errs)
	}
	for _, marker := range []string{"JUDULBARU", "KATEGORIBARU"} {
		if strings.Contains(between, marker) {
			t.Errorf("the report between ingest and build shows the new download's %s beside the old build's numbers", marker)
		}
	}
	// The same page as before the ingest, but for the notice that says a file awaits the build.
	notice := "<div class=\"notice\">Peringatan: 1 berkas dimuat setelah build terakhir; jalankan rapor build agar angka memuatnya.</div>\n"
	if !strings.Contains(between, notice) {
		t.Errorf("the stale notice is not on the page")
	}
	if strings.Replace(between, notice, "", 1) != before {
		t.Error("the report between ingest and build differs from the report of the same build before the ingest")
	}

	run("build")
	after, _ := report("after")
	if !strings.Contains(after, "KATEGORIBARU") {
		t.Error("after the rebuild the report does not show the new download's categories")
	}
}
