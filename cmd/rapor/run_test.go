package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/store"
)

// TestMonthlyRun: an inbox with a good export and a broken file. The good one is ingested and
// moved to processed/, the broken one to failed/ with its reason, the metrics are built, the
// reports written, the run recorded, and the exit code says something failed. A second run
// on the empty inbox succeeds; a run while another process holds the database fails clearly
// and touches nothing.
func TestMonthlyRun(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	db := filepath.Join(dir, "r.duckdb")
	inbox := filepath.Join(dir, "inbox")
	out := filepath.Join(dir, "laporan")
	os.MkdirAll(inbox, 0o755)
	if _, err := gen.Write(filepath.Join(inbox, "lapor-2025-10.csv"), "csv", gen.Options{Rows: 800, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(inbox, "foto.csv"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)

	code, stdout, errs := cli(t, "--config", cfg, "--db", db, "run", "--inbox", inbox, "--out", out, "--month", "2025-10")
	if code != exitFailure {
		t.Fatalf("exit %d, want 1 (a file failed)\nstdout %s\nstderr %s", code, stdout, errs)
	}
	if !strings.Contains(errs, "foto.csv") {
		t.Errorf("stderr does not name the failed file: %s", errs)
	}
	for _, p := range []string{
		filepath.Join(inbox, "processed", "lapor-2025-10.csv"),
		filepath.Join(inbox, "failed", "foto.csv"),
		filepath.Join(inbox, "failed", "foto.csv.alasan.txt"),
		filepath.Join(out, "rapor-2025-10.html"),
		filepath.Join(out, "rapor-2025-10.xlsx"),
		filepath.Join(out, "rapor-banding-2025-05-2025-10.html"),
	} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("missing: %v", err)
		}
	}
	// One page per SKPD beside the scorecard.
	if pages, _ := filepath.Glob(filepath.Join(out, "skpd", "rapor-2025-10-*.html")); len(pages) == 0 {
		t.Errorf("no SKPD pages in %s", filepath.Join(out, "skpd"))
	}
	if left, _ := os.ReadDir(inbox); len(left) != 2 { // processed/ and failed/
		t.Errorf("inbox not emptied: %d entries", len(left))
	}
	// Run again: nothing new, nothing failed.
	code, stdout, errs = cli(t, "--config", cfg, "--db", db, "run", "--inbox", inbox, "--out", out, "--month", "2025-10")
	if code != exitOK || !strings.Contains(stdout, "0 berkas") {
		t.Errorf("second run: exit %d\n%s\n%s", code, stdout, errs)
	}
	// With report_levels [agency, parent] the run also writes the parent level, named apart.
	both := filepath.Join(dir, "both.yaml")
	if err := os.WriteFile(both, []byte("secret_file: secret.key\nreport_levels: [agency, parent]\nagencies:\n  - name: RSUD Pambalah Batung\n    parent: Dinas Kesehatan\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errs = cli(t, "--config", both, "--db", db, "run", "--inbox", inbox, "--out", out, "--month", "2025-10")
	if code != exitOK {
		t.Errorf("run at both levels: exit %d\n%s\n%s", code, stdout, errs)
	}
	for _, f := range []string{"rapor-2025-10.html", "rapor-2025-10-induk.html", "rapor-2025-10-induk.xlsx", "rapor-banding-2025-05-2025-10.html",
		"rapor-banding-2025-05-2025-10-induk.html", filepath.Join("skpd", "rapor-2025-10-induk-dinas-kesehatan.html"), filepath.Join("skpd", "rapor-2025-10-rsud-pambalah-batung.html")} {
		if !strings.Contains(stdout, filepath.Join(out, f)) {
			t.Errorf("run at both levels does not write %s:\n%s", f, stdout)
		}
	}
	if strings.Contains(stdout, "induk-rsud") {
		t.Error("a unit got a page of its own at the parent level")
	}

	// While another process holds the database: a clear failure, the inbox untouched.
	if _, err := gen.Write(filepath.Join(inbox, "lapor-late.csv"), "csv", gen.Options{Rows: 10, Seed: 6}); err != nil {
		t.Fatal(err)
	}
	holder := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDB$")
	holder.Env = append(os.Environ(), "RAPOR_HOLD_DB="+db)
	stdin, _ := holder.StdinPipe()
	pipe, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	bufio.NewReader(pipe).ReadString('\n')
	code, _, errs = cli(t, "--config", cfg, "--db", db, "run", "--inbox", inbox, "--out", out)
	if code != exitFailure || !strings.Contains(errs, "proses rapor lain sedang memegang basis data") {
		t.Errorf("concurrent run: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(inbox, "lapor-late.csv")); err != nil {
		t.Errorf("a refused run moved the inbox: %v", err)
	}
	stdin.Close()
	holder.Wait()

	d, err := store.Open(context.Background(), db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.Query(`SELECT files_seen, files_ingested, files_failed, outcome, month::VARCHAR, len(reports), finished_at IS NOT NULL, build_id IS NOT NULL
		FROM job_runs ORDER BY job_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var seen, ingested, failed, nrep int
		var outcome, month string
		var finished, built bool
		rows.Scan(&seen, &ingested, &failed, &outcome, &month, &nrep, &finished, &built)
		got = append(got, strings.Join([]string{strconv.Itoa(seen), strconv.Itoa(ingested), strconv.Itoa(failed), outcome, month, strconv.Itoa(nrep), strconv.FormatBool(finished), strconv.FormatBool(built)}, "|"))
	}
	// 4 reports (scorecard and comparison, HTML and XLSX) and 22 SKPD pages (HTML and XLSX); at
	// both levels 4 more and 21 parents' pages (the RSUD under Dinas Kesehatan).
	want := []string{"2|1|1|failed|2025-10-01|48|true|true", "0|0|0|ok|2025-10-01|48|true|true", "0|0|0|ok|2025-10-01|94|true|true"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("job_runs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRunNewWarnings: a run whose build raises early warnings no earlier build raised exits 3;
// the next run, with the same warnings, exits 0.
func TestRunNewWarnings(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	db := filepath.Join(dir, "r.duckdb")
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	asOf := gen.DefaultAsOf
	pop := gen.FlatPopulation(3, 40000, asOf.AddDate(0, -24, 0), asOf)
	pop, _, err := gen.Plant(pop, gen.Plan{Spikes: []gen.Spike{{Agency: "Dinas Perhubungan", Month: asOf.AddDate(0, -4, 0), Factor: 3}}}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.WriteHistory(filepath.Join(inbox, "riwayat.csv"), pop, asOf); err != nil {
		t.Fatal(err)
	}
	code, stdout, errs := cli(t, "--config", cfg, "--db", db, "run", "--inbox", inbox, "--out", filepath.Join(dir, "out"), "--month", "2025-10")
	if code != exitWarnings || !strings.Contains(stdout, "rapor query warnings") {
		t.Fatalf("exit %d, want %d (new warnings)\nstdout %s\nstderr %s", code, exitWarnings, stdout, errs)
	}
	code, stdout, errs = cli(t, "--config", cfg, "--db", db, "run", "--inbox", inbox, "--out", filepath.Join(dir, "out"), "--month", "2025-10")
	if code != exitOK {
		t.Errorf("second run: exit %d, want 0 (the same warnings)\n%s\n%s", code, stdout, errs)
	}
}
