package main

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/store"
)

// The personal data planted in every column of a Laporan Ringkas export: none of it may reach
// the database, the Parquet lake, the reports or the command's output in clear.
var planted = []string{
	"081234567890", "0812-3456-7890", "6308011234567890", "budi.santoso@example.com",
	"Budi Santoso", "Jl. Melati No. 7",
}

// digitsOf keeps only the digits of s, so that "0812-3456-7890" is found however it is spelled.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// leaks reports which planted values text holds (phone and NIK numbers also with their
// separators removed).
func leaks(text string) []string {
	var found []string
	digits := digitsOf(text)
	for _, p := range planted {
		if strings.Contains(text, p) {
			found = append(found, p)
			continue
		}
		if d := digitsOf(p); len(d) >= 10 && strings.Contains(digits, d) {
			found = append(found, p+" (digits)")
		}
	}
	return found
}

func TestNoPersonalDataAnywhere(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	header := gen.RingkasHeader(26)
	pii := "hubungi 0812-3456-7890 atau budi.santoso@example.com, NIK 6308011234567890"
	row := func(id, date, tipe string) []any {
		var r []any
		for _, h := range header {
			switch h {
			case "Tracking ID":
				r = append(r, id)
			case "Tanggal Laporan Masuk":
				r = append(r, date)
			case "Waktu Laporan Masuk":
				r = append(r, "08:15:00")
			case "Nama Pelapor":
				r = append(r, "Budi Santoso")
			case "Tipe Laporan (Anonim/Rahasia)":
				r = append(r, tipe)
			case "Status Laporan":
				r = append(r, "Terverifikasi")
			case "Isi Laporan Awal", "Isi Laporan Akhir":
				r = append(r, "Jalan rusak parah.Nama : Budi SantosoAlamat : Jl. Melati No. 7\nNo HP 081234567890 "+pii)
			case "Rating":
				r = append(r, "")
			default:
				r = append(r, h+" "+pii)
			}
		}
		return r
	}
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"Judul Laporan", nil, "Laporan Ringkas"}, {}, {"Nama Instansi", nil, "Pemerintah Kabupaten Hulu Sungai Utara"}, {},
		{"Tanggal Generate", nil, "2025-11-14"}, {}, {"Periode Masuk", nil, "(2025-01-01) - (2025-11-14)"}, {},
		{"Pengelola", nil, ""}, {},
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	rows = append(rows, hdr,
		row("9000001", "3 Okt 2025", ""),
		row("9000002", "4 Oct 2025", "Rahasia"),
		row("9000003", "0812-3456-7890", "Anonim"), // a phone number in the date column: rejected
	)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	export := filepath.Join(dir, "Laporan Ringkas.xlsx")
	if err := f.SaveAs(export); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "rapor.duckdb")
	var outputs []string
	step := func(args ...string) {
		t.Helper()
		code, out, errs := cli(t, append([]string{"--config", cfg, "--db", db, "-v"}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errs)
		}
		outputs = append(outputs, out, errs)
	}
	step("ingest", export)
	step("build")
	reports := filepath.Join(dir, "out")
	step("report", "--month", "2025-10", "--out", reports)
	lake := filepath.Join(dir, "lake")
	step("export", "--parquet", lake)
	csvOut := filepath.Join(dir, "q.csv")
	step("sql", "--out", csvOut, "SELECT * FROM complaints")

	// The command output and logs.
	for _, o := range outputs {
		if l := leaks(o); l != nil {
			t.Errorf("command output holds %v:\n%s", l, o)
		}
	}
	// Every text column of every table and view (read with SELECT: the file is compressed).
	s, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.QueryRow(`SELECT count(*) FROM complaint_versions`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("complaint_versions: %d rows, %v (want 2: the third row is rejected)", n, err)
	}
	cols, err := s.Query(`SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND data_type IN ('VARCHAR', 'JSON', 'VARCHAR[]')`)
	if err != nil {
		t.Fatal(err)
	}
	var pairs [][2]string
	for cols.Next() {
		var p [2]string
		cols.Scan(&p[0], &p[1])
		pairs = append(pairs, p)
	}
	cols.Close()
	for _, p := range pairs {
		q := fmt.Sprintf(`SELECT coalesce(string_agg(%s::VARCHAR, ' | '), '') FROM %s`, store.QuoteIdent(p[1]), store.QuoteIdent(p[0]))
		var text string
		if err := s.QueryRow(q).Scan(&text); err != nil {
			t.Fatalf("%s.%s: %v", p[0], p[1], err)
		}
		if l := leaks(text); l != nil {
			t.Errorf("%s.%s holds %v", p[0], p[1], l)
		}
	}
	// The Parquet lake, read back.
	var lakeText string
	q := `SELECT coalesce(string_agg(to_json(t)::VARCHAR, ' '), '') FROM read_parquet(` + store.QuoteLiteral(filepath.Join(lake, "**", "*.parquet")) + `, union_by_name = true, hive_partitioning = false) AS t`
	if err := s.QueryRow(q).Scan(&lakeText); err != nil {
		t.Fatal(err)
	}
	if l := leaks(lakeText); l != nil {
		t.Errorf("the Parquet lake holds %v", l)
	}
	// The reports (HTML as written, workbooks' XML) and the CSV output.
	files, _ := filepath.Glob(filepath.Join(reports, "*"))
	files = append(files, csvOut)
	if len(files) < 3 {
		t.Fatalf("reports written: %v", files)
	}
	for _, p := range files {
		for name, text := range fileTexts(t, p) {
			if l := leaks(text); l != nil {
				t.Errorf("%s %s holds %v", filepath.Base(p), name, l)
			}
		}
	}
}

// fileTexts is a file's text, or for a workbook the text of each of its zip members.
func fileTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	if filepath.Ext(path) != ".xlsx" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{"": string(b)}
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, m := range z.File {
		r, err := m.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		out[m.Name] = string(b)
	}
	return out
}
