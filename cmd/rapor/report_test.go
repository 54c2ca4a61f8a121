package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"report", "extra"}, exitUsage, "Pemakaian: rapor report [--month YYYY-MM]"},
		{[]string{"report", "-h"}, exitOK, "berkas\nmandiri"},
		{[]string{"--lang", "en", "report", "-h"}, exitOK, "self-contained"},
		{[]string{"report", "compare", "--from", "2025-01"}, exitUsage, "Pemakaian: rapor report compare"},
		{[]string{"report", "compare", "-h"}, exitOK, "Ombudsman"},
		{[]string{"--db", "/nonexistent/x.duckdb", "report", "--month", "2025-09"}, exitFailure, "basis data /nonexistent/x.duckdb belum ada"},
		{[]string{"report", "--level", "induk"}, exitUsage, `rapor report: --level harus agency atau parent, bukan "induk"`},
		{[]string{"--lang", "en", "report", "compare", "--from", "2025-01", "--to", "2025-02", "--level", "SKPD"}, exitUsage, `rapor report compare: --level must be agency or parent, got "SKPD"`},
		{[]string{"report", "-h"}, exitOK, "instansi induk: UPT dijumlahkan ke Dinas-nya"},
		{[]string{"--lang", "en", "report", "compare", "-h"}, exitOK, "parent units: UPTs summed into their Dinas"},
	} {
		code, out, errs := cli(t, c.args...)
		if code != c.code || !strings.Contains(out+errs, c.out) {
			t.Errorf("rapor %v: exit %d (want %d), output %q lacks %q", c.args, code, c.code, out+errs, c.out)
		}
	}

	// The demo ends with the reports and prints their paths.
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	demo := filepath.Join(dir, "demo")
	code, stdout, errs := cli(t, "--config", cfg, "demo", "--dir", demo, "--rows", "400")
	if code != exitOK {
		t.Fatalf("demo: %d\n%s\n%s", code, stdout, errs)
	}
	for _, f := range []string{"rapor-2025-10.html", "rapor-2025-10.xlsx", "rapor-banding-2025-05-2025-10.html", "rapor-banding-2025-05-2025-10.xlsx"} {
		p := filepath.Join(demo, f)
		if !strings.Contains(stdout, p) {
			t.Errorf("the demo does not print %s:\n%s", p, stdout)
		}
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}

	// rapor report on the demo database (opened read-only), in English, into another directory.
	db := filepath.Join(demo, "rapor-demo.duckdb")
	out := filepath.Join(dir, "out")
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "--lang", "en", "report", "--month", "2025-09", "--out", out)
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join(out, "rapor-2025-09.html")+"\n"+filepath.Join(out, "rapor-2025-09.xlsx") {
		t.Fatalf("report: %d\n%s\n%s", code, stdout, errs)
	}
	html, _ := os.ReadFile(filepath.Join(out, "rapor-2025-09.html"))
	if !strings.Contains(string(html), "September 2025") || !strings.Contains(string(html), `lang="en"`) {
		t.Error("the English report lacks its month or language")
	}
	// The parent level writes files of its own beside the agency level's.
	before, _ := os.ReadFile(filepath.Join(out, "rapor-2025-09.html"))
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "report", "--month", "2025-09", "--level", "parent", "--out", out)
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join(out, "rapor-2025-09-induk.html")+"\n"+filepath.Join(out, "rapor-2025-09-induk.xlsx") {
		t.Fatalf("report --level parent: %d\n%s\n%s", code, stdout, errs)
	}
	after, _ := os.ReadFile(filepath.Join(out, "rapor-2025-09.html"))
	induk, _ := os.ReadFile(filepath.Join(out, "rapor-2025-09-induk.html"))
	if string(before) != string(after) || !strings.Contains(string(induk), `id="level"`) {
		t.Error("the parent level overwrote the agency level's report, or does not state its level")
	}
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "report", "--month", "2025-09", "--level", "parent", "--agency", "Dinas Kesehatan", "--out", out)
	if code != exitOK || !strings.Contains(stdout, "rapor-2025-09-induk-dinas-kesehatan.html") {
		t.Errorf("report --level parent --agency: %d\n%s\n%s", code, stdout, errs)
	}
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "report", "compare", "--from", "2025-01", "--to", "2025-09", "--level", "parent", "--out", out)
	if code != exitOK || !strings.Contains(stdout, "rapor-banding-2025-01-2025-09-induk.html") {
		t.Errorf("compare --level parent: %d\n%s\n%s", code, stdout, errs)
	}
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "report", "compare", "--from", "2025-01", "--to", "2025-09", "--period", "quarter", "--out", out)
	if code != exitOK || !strings.Contains(stdout, "rapor-banding-2025-01-2025-09-triwulan.html") {
		t.Errorf("compare: %d\n%s\n%s", code, stdout, errs)
	}
	// A month after the data's cut-off: a clear message, exit 1.
	code, _, errs = cli(t, "--db", db, "--config", cfg, "report", "--month", "2025-12", "--out", out)
	if code != exitFailure || !strings.Contains(errs, "belum ada data untuk Desember 2025") {
		t.Errorf("after as_of: %d %s", code, errs)
	}
	// Without --month: the data's last complete month (the demo's downloads end on 3 November
	// 2025), and it says so.
	code, stdout, errs = cli(t, "--db", db, "--config", cfg, "--lang", "en", "report", "--out", out)
	if code != exitOK || !strings.Contains(stdout, "rapor-2025-10.html") || !strings.Contains(errs, "no --month, reporting October 2025") {
		t.Errorf("default month: %d\n%s\n%s", code, stdout, errs)
	}
	// A database that does not exist, and one that was never built: the next step, not DuckDB's error.
	code, _, errs = cli(t, "--db", filepath.Join(dir, "none.duckdb"), "--config", cfg, "report", "--month", "2025-09", "--out", out)
	if code != exitFailure || !strings.Contains(errs, "belum ada: muat ekspor dulu dengan rapor ingest") {
		t.Errorf("no database: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.duckdb")); err == nil {
		t.Error("rapor report made a database")
	}
	empty := filepath.Join(dir, "empty.duckdb")
	if code, _, errs := cli(t, "--db", empty, "--config", cfg, "ingest", fixtures+"lapor_admin.csv"); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	for _, month := range []string{"--month=2025-09", ""} {
		args := []string{"--db", empty, "--config", cfg, "report", "--out", out}
		if month != "" {
			args = append(args, month)
		}
		code, _, errs = cli(t, args...)
		if code != exitFailure || !strings.Contains(errs, "tabel metrik belum ada: jalankan rapor build") {
			t.Errorf("not built (%q): %d %s", month, code, errs)
		}
	}
}
