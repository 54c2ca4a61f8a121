package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/store"
)

const fixtures = "../../testdata/ingest/"

// cli runs rapor in-process and returns its exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// testConfig writes a configuration whose pseudonym key lives in the test's directory.
func testConfig(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "rapor.yaml")
	if err := os.WriteFile(p, []byte("secret_file: secret.key\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUsageAndExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		out  string // in stdout or stderr
	}{
		{nil, exitUsage, "Perintah:"},
		{[]string{"--lang", "en"}, exitUsage, "Commands:"},
		{[]string{"nope"}, exitUsage, `perintah "nope" tidak dikenal`},
		{[]string{"--lang", "en", "nope"}, exitUsage, `unknown command "nope"`},
		{[]string{"reprot"}, exitUsage, "Maksud Anda: rapor report ?"},
		{[]string{"help"}, exitOK, "ingest"},
		{[]string{"ingest", "-h"}, exitOK, "Pemakaian: rapor ingest"},
		{[]string{"ingest", "-h", "--lang", "en"}, exitOK, "Usage: rapor ingest"},
		{[]string{"ingest"}, exitUsage, "Pemakaian: rapor ingest"},
		{[]string{"ingest", "--bogus", "x.csv"}, exitUsage, "rapor ingest: opsi --bogus tidak ada"},
		{[]string{"--lang", "en", "gen", "--rows", "x"}, exitUsage, `rapor gen: "x" is not a valid value for --rows`},
		{[]string{"--bogus"}, exitUsage, "rapor: opsi --bogus tidak ada"},
		{[]string{"gen", "--rows", "5"}, exitUsage, "Pemakaian: rapor gen"},
		{[]string{"gen", "--out", "x.csv", "--format", "pdf"}, exitUsage, "--format harus csv atau xlsx"},
		{[]string{"--lang", "en", "gen", "--out", "x.csv", "--format", "pdf"}, exitUsage, "--format must be csv or xlsx"},
		{[]string{"--db", "/nonexistent/x.duckdb", "build"}, exitFailure, "basis data /nonexistent/x.duckdb belum ada"},
		{[]string{"version"}, exitOK, "DuckDB v"},
		{[]string{"--lang", "fr", "version"}, exitOK, "rapor"},
		{[]string{"--db", "/nonexistent/dir/x.duckdb", "ingest", "-v", fixtures + "lapor_admin.csv"}, exitFailure, "/nonexistent/dir/x.duckdb"},
	} {
		code, out, errs := cli(t, c.args...)
		if code != c.code || !strings.Contains(out+errs, c.out) {
			t.Errorf("rapor %v: exit %d (want %d), output %q lacks %q", c.args, code, c.code, out+errs, c.out)
		}
	}
}

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	db := filepath.Join(dir, "r.duckdb")
	code, out, errs := cli(t, "--db", db, "--config", cfg, "ingest", fixtures+"lapor_admin.csv", fixtures+"lapor_opendata.xlsx")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"lapor_admin.csv: 12 baris, 8 diterima, 4 ditolak, 2 nilai dibuang (lihat tabel rejects)", "lapor_opendata.xlsx: 5 baris, 4 diterima, 1 ditolak, 0 nilai dibuang"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "secret.key")); err != nil {
		t.Errorf("pseudonym key not created beside the config: %v", err)
	}
	// Again, in English, flags after the files: nothing changes, and it says so.
	code, out, _ = cli(t, "ingest", fixtures+"lapor_admin.csv", "--db", db, "--config", cfg, "--lang", "en")
	if code != exitOK || !strings.Contains(out, "already ingested (run 1") || !strings.Contains(out, "nothing changed") {
		t.Errorf("re-ingest: exit %d, %q", code, out)
	}
	// A file that is not a table fails alone, names itself, and the exit code says so.
	bad := filepath.Join(dir, "foto.csv")
	os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	code, out, errs = cli(t, "--db", db, "--config", cfg, "ingest", bad, fixtures+"lapor_admin_folded.csv")
	if code != exitFailure || !strings.Contains(errs, bad) || !strings.Contains(out, "lapor_admin_folded.csv: 2 baris, 2 diterima, 0 ditolak, 0 nilai dibuang") {
		t.Errorf("bad file: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	// Directories are walked.
	sub := filepath.Join(dir, "inbox")
	os.MkdirAll(sub, 0o755)
	b, _ := os.ReadFile(fixtures + "lapor_opendata_small.csv")
	os.WriteFile(filepath.Join(sub, "small.csv"), b, 0o644)
	if code, out, _ := cli(t, "--db", db, "--config", cfg, "ingest", sub); code != exitOK || !strings.Contains(out, "small.csv: 2 baris") {
		t.Errorf("directory: %d %s", code, out)
	}
}

func TestGenAndDemo(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.xlsx")
	if code, stdout, errs := cli(t, "gen", "--rows", "50", "--out", out, "--seed", "3"); code != exitOK || !strings.Contains(stdout, "50 baris (xlsx, seed 3)") {
		t.Fatalf("gen: %d %s %s", code, stdout, errs)
	}
	cfg := testConfig(t, dir)
	demo := filepath.Join(dir, "demo")
	code, stdout, errs := cli(t, "--config", cfg, "demo", "--dir", demo, "--rows", "400")
	if code != exitOK {
		t.Fatalf("demo: %d\n%s\n%s", code, stdout, errs)
	}
	if !strings.Contains(stdout, "ringkas-026-2025-11-03.xlsx") || !strings.Contains(stdout, "400 pengaduan terkini") {
		t.Errorf("demo output:\n%s", stdout)
	}
	dbPath := filepath.Join(demo, "rapor-demo.duckdb")
	db, err := store.Open(context.Background(), dbPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM complaints`).Scan(&n)
	db.Close()
	if n != 400 {
		t.Errorf("demo database holds %d complaints, want 400", n)
	}
	// Run again: a fresh demo database, same result.
	if code, stdout, _ := cli(t, "--config", cfg, "demo", "--dir", demo, "--rows", "400"); code != exitOK || !strings.Contains(stdout, "400 pengaduan terkini") {
		t.Errorf("second demo: %d %s", code, stdout)
	}
}

// TestHelperHoldDB is not a test: TestLockedDatabase runs it in a child process to hold the
// database's write lock, as a second rapor run would.
func TestHelperHoldDB(t *testing.T) {
	path := os.Getenv("RAPOR_HOLD_DB")
	if path == "" {
		t.Skip("helper process")
	}
	db, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	os.Stdout.WriteString("ready\n")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
}

func TestLockedDatabase(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	db := filepath.Join(dir, "r.duckdb")
	holder := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDB$")
	holder.Env = append(os.Environ(), "RAPOR_HOLD_DB="+db)
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); !strings.Contains(line, "ready") {
		t.Fatalf("holder did not start: %q", line)
	}
	start := time.Now()
	code, _, errs := cli(t, "--db", db, "--config", cfg, "ingest", "--wait", "600ms", fixtures+"lapor_admin.csv")
	if code != exitFailure || !strings.Contains(errs, "proses rapor lain sedang memegang basis data") {
		t.Errorf("while locked: exit %d, %q", code, errs)
	}
	if waited := time.Since(start); waited < 500*time.Millisecond {
		t.Errorf("--wait 600ms gave up after %s", waited)
	}
	stdin.Close()
	holder.Wait()
	if code, _, errs := cli(t, "--db", db, "--config", cfg, "ingest", fixtures+"lapor_admin.csv"); code != exitOK {
		t.Errorf("after the lock was released: %d %s", code, errs)
	}
	var n int
	d, _ := sql.Open("duckdb", db+"?access_mode=READ_ONLY")
	defer d.Close()
	d.QueryRow(`SELECT count(*) FROM complaints`).Scan(&n)
	if n != 8 {
		t.Errorf("%d complaints after ingest, want 8", n)
	}
}
