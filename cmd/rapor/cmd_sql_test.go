package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/analyst/lake"
	"github.com/hsu-lapor/rapor/internal/testdb"
)

// rapor runs the command line in-process.
func rapor(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	old := sqlStdin
	sqlStdin = strings.NewReader(stdin)
	defer func() { sqlStdin = old }()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func cliDB(t *testing.T) string {
	t.Helper()
	t.Setenv("RAPOR_LANG", "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	path := testdb.Build(t, dir)
	// No rapor.yaml in the test's directory: the defaults (Asia/Makassar) apply.
	return path
}

func TestSQLCommand(t *testing.T) {
	db := cliDB(t)
	code, out, errs := rapor(t, "", "--db", db, "sql", "SELECT tracking_id, submitted_at FROM complaints ORDER BY 1 LIMIT 2")
	if code != exitOK || !strings.Contains(out, " LAP-002     | 2024-02-01 00:30:00 WITA") || !strings.Contains(out, "(2 baris)") {
		t.Errorf("code %d\n%s\n%s", code, out, errs)
	}
	// Flags after the SQL, several statements, CSV.
	code, out, _ = rapor(t, "", "sql", "SELECT 1 AS a; SELECT 2 AS b", "--db", db, "--format", "csv")
	if code != exitOK || out != "a\n1\n\nb\n2\n" {
		t.Errorf("code %d: %q", code, out)
	}
	// SQL on stdin when there is no argument and stdin is not a terminal.
	code, out, _ = rapor(t, "SELECT count(*) AS n FROM complaints;\n", "--db", db, "sql", "--format", "json")
	if code != exitOK || out != "[\n{\"n\":4}\n]\n" {
		t.Errorf("stdin: code %d: %q", code, out)
	}
	// -f FILE.
	f := filepath.Join(t.TempDir(), "q.sql")
	os.WriteFile(f, []byte("-- questions\nSELECT 'x' AS x;\n"), 0o644)
	code, out, _ = rapor(t, "", "--db", db, "sql", "-f", f, "--format", "csv")
	if code != exitOK || out != "x\nx\n" {
		t.Errorf("-f: code %d: %q", code, out)
	}
}

func TestSQLCommandRefuses(t *testing.T) {
	db := cliDB(t)
	before, _ := os.ReadFile(db)
	for _, c := range []struct {
		lang, stmt, want string
	}{
		{"id", "DELETE FROM complaints", "rapor: ditolak: DELETE mengubah basis data"},
		{"en", "DELETE FROM complaints", "rapor: refused: DELETE changes the database"},
		{"en", "COPY complaints TO '/tmp/rapor-sql-test.csv'", "refused: COPY"},
		{"id", "INSTALL httpfs", "ditolak: INSTALL"},
		{"en", "SET enable_external_access = true", "refused: SET changes a setting"},
	} {
		code, out, errs := rapor(t, "", "--db", db, "--lang", c.lang, "sql", c.stmt)
		if code != exitFailure || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%s (%s): code %d, stdout %q, stderr %q", c.stmt, c.lang, code, out, errs)
		}
	}
	if _, err := os.Stat("/tmp/rapor-sql-test.csv"); err == nil {
		t.Error("COPY wrote its file")
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
}

func TestSQLCommandUsage(t *testing.T) {
	db := cliDB(t)
	for _, args := range [][]string{
		{"--db", db, "sql", "--format", "xlsx", "SELECT 1"},
		{"--db", db, "sql", "--format", "yaml", "SELECT 1"},
		{"--db", db, "sql", "-f", "x.sql", "SELECT 1"},
	} {
		if code, _, errs := rapor(t, "", args...); code != exitUsage {
			t.Errorf("%v: code %d (%s)", args, code, errs)
		}
	}
	if code, _, errs := rapor(t, "", "--db", filepath.Join(t.TempDir(), "none.duckdb"), "sql", "SELECT 1"); code != exitFailure || !strings.Contains(errs, "rapor ingest") {
		t.Errorf("missing database: %d %s", code, errs)
	}
	out := filepath.Join(t.TempDir(), "r.xlsx")
	if code, stdout, errs := rapor(t, "", "--db", db, "sql", "--format", "xlsx", "--out", out, "FROM complaints"); code != exitOK || !strings.Contains(stdout, "4 baris") {
		t.Errorf("xlsx: %d %s %s", code, stdout, errs)
	}
}

func TestExportCommand(t *testing.T) {
	db := cliDB(t)
	dir := filepath.Join(t.TempDir(), "lake")
	code, out, errs := rapor(t, "", "--db", db, "export", "--parquet", dir)
	if code != exitOK || !strings.Contains(out, "regency/year/month") {
		t.Fatalf("code %d\n%s\n%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, lake.ManifestName)); err != nil {
		t.Error(err)
	}
	code, _, errs = rapor(t, "", "--db", db, "export", "--parquet", dir)
	if code != exitFailure || !strings.Contains(errs, "--overwrite") {
		t.Errorf("again: %d %s", code, errs)
	}
	if code, _, errs = rapor(t, "", "--db", db, "export", "--parquet", dir, "--overwrite"); code != exitOK {
		t.Errorf("overwrite: %d %s", code, errs)
	}
	if code, _, _ = rapor(t, "", "--db", db, "export"); code != exitUsage {
		t.Errorf("no --parquet: %d", code)
	}
}
