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
	if code != exitOK || !strings.Contains(out, "│ LAP-002     │ 2024-02-01 00:30:00 WITA │") || !strings.Contains(out, " 2 baris ") {
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

// TestSQLOut: the format follows --out's extension unless --format says otherwise; a
// contradiction is an error; no --out may be the database, its WAL or the SQL file read.
func TestSQLOut(t *testing.T) {
	db := cliDB(t)
	dir := t.TempDir()
	sqlFile := filepath.Join(dir, "q.sql")
	os.WriteFile(sqlFile, []byte("SELECT 1 AS a;"), 0o644)
	link := filepath.Join(dir, "link.duckdb")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	query := "SELECT 'Dinas' AS agency, 1 AS month"
	isZip := func(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }
	cases := []struct {
		name   string
		args   []string // after "sql"; OUT stands for the file in dir
		out    string   // file name in dir ("" for none)
		code   int
		stderr string            // for failures: what the message must say
		check  func([]byte) bool // for successes: the file's content
	}{
		{"xlsx by extension", []string{"--out", "OUT", query}, "x.xlsx", exitOK, "", isZip},
		{"csv by extension", []string{"--out", "OUT", query}, "b.csv", exitOK, "",
			func(b []byte) bool { return string(b) == "agency,month\nDinas,1\n" }},
		{"upper-case extension", []string{"--out", "OUT", query}, "B.CSV", exitOK, "",
			func(b []byte) bool { return string(b) == "agency,month\nDinas,1\n" }},
		{"json by extension", []string{"--out", "OUT", query}, "r.json", exitOK, "",
			func(b []byte) bool { return string(b) == "[\n{\"agency\":\"Dinas\",\"month\":1}\n]\n" }},
		{"parquet by extension", []string{"--out", "OUT", query}, "r.parquet", exitOK, "",
			func(b []byte) bool { return bytes.HasPrefix(b, []byte("PAR1")) }},
		{"txt is the table", []string{"--out", "OUT", query}, "r.txt", exitOK, "",
			func(b []byte) bool { return bytes.Contains(b, []byte("│ Dinas   │     1 │")) }},
		{"--format agrees", []string{"--format", "xlsx", "--out", "OUT", query}, "y.xlsx", exitOK, "", isZip},
		{"--format for an unknown extension", []string{"--format", "csv", "--out", "OUT", query}, "r.tsv", exitOK, "",
			func(b []byte) bool { return string(b) == "agency,month\nDinas,1\n" }},
		{"csv into xlsx", []string{"--format", "csv", "--out", "OUT", query}, "c.xlsx", exitUsage, "bertentangan dengan --out", nil},
		{"table into csv", []string{"--format", "table", "--out", "OUT", query}, "t.csv", exitUsage, "(berkas itu csv)", nil},
		{"parquet into json", []string{"--format", "parquet", "--out", "OUT", query}, "p.json", exitUsage, "bertentangan", nil},
		{"no extension", []string{"--out", "OUT", query}, "answers", exitUsage, "sebutkan dengan --format", nil},
		{"old xls", []string{"--out", "OUT", query}, "old.xls", exitUsage, ".xlsx", nil},
		{"the database", []string{"--format", "csv", "--out", db, query}, "", exitUsage, "adalah basis data yang dibaca", nil},
		{"the database, no --format", []string{"--out", db, query}, "", exitUsage, "adalah basis data yang dibaca", nil},
		{"the database by another path", []string{"--format", "csv", "--out", filepath.Join(filepath.Dir(db), ".", filepath.Base(db)), query}, "", exitUsage, "basis data", nil},
		{"a link to the database", []string{"--format", "csv", "--out", link, query}, "", exitUsage, "basis data", nil},
		{"the WAL", []string{"--format", "csv", "--out", db + ".wal", query}, "", exitUsage, "WAL", nil},
		{"the SQL file", []string{"--format", "csv", "--out", sqlFile, "-f", sqlFile}, "", exitUsage, "berkas SQL", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.out)
			args := []string{"--db", db, "sql"}
			for _, a := range c.args {
				if a == "OUT" {
					a = path
				}
				args = append(args, a)
			}
			code, stdout, stderr := rapor(t, "", args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
			if c.code != exitOK {
				if !strings.Contains(stderr, c.stderr) {
					t.Errorf("stderr %q does not say %q", stderr, c.stderr)
				}
				if c.out != "" {
					if _, err := os.Stat(path); err == nil {
						t.Errorf("%s was written", c.out)
					}
				}
				return
			}
			if !strings.Contains(stdout, "1 baris ditulis") {
				t.Errorf("stdout %q", stdout)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !c.check(b) {
				t.Errorf("%s holds %q", c.out, b)
			}
		})
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	if b, _ := os.ReadFile(sqlFile); string(b) != "SELECT 1 AS a;" {
		t.Errorf("the SQL file changed: %q", b)
	}
}

// TestSQLLimits: a statement past the time or memory limit stops with a message that names
// the limit and the flag; the process goes on.
func TestSQLLimits(t *testing.T) {
	db := cliDB(t)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--timeout", "200ms", "SELECT count(*) FROM range(10000000000) a, range(10) b"}, []string{"dihentikan", "200ms", "--timeout"}},
		{[]string{"--memory-limit", "20MB", "SELECT length(string_agg(i::VARCHAR, ',')) FROM range(20000000) t(i)"}, []string{"dihentikan", "20MB", "--memory-limit"}},
	} {
		code, out, errs := rapor(t, "", append([]string{"--db", db, "sql"}, c.args...)...)
		if code != exitFailure || out != "" {
			t.Errorf("%v: exit %d, stdout %q", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: %q does not say %q", c.args, errs, w)
			}
		}
	}
}

// TestSQLNoAbort: statements that once aborted the process (DuckDB throwing inside the locked
// configuration at disconnect) are refused, and the session closes cleanly.
func TestSQLNoAbort(t *testing.T) {
	db := cliDB(t)
	for _, stmt := range []string{
		"CALL enable_logging(storage := 'file', storage_path := 'x.csv'); SELECT 1",
		"SELECT * FROM enable_logging(storage := 'file', storage_path := '/tmp/x.csv'); SELECT 1",
		"EXPLAIN SELECT * FROM enable_logging(storage := 'file', storage_path := 'x.csv'); SELECT 1",
	} {
		code, _, errs := rapor(t, "", "--db", db, "--lang", "en", "sql", stmt)
		if code != exitFailure || !strings.Contains(errs, "refused: the function enable_logging") {
			t.Errorf("%s: exit %d, %q", stmt, code, errs)
		}
	}
	if code, out, errs := rapor(t, "", "--db", db, "sql", "--format", "csv", "SELECT 42 AS n"); code != exitOK || out != "n\n42\n" {
		t.Errorf("after: %d %q %q", code, out, errs)
	}
}

// TestSQLCSVFormulas: CSV defuses formula-like text unless --raw.
func TestSQLCSVFormulas(t *testing.T) {
	db := cliDB(t)
	q := "SELECT title FROM complaints WHERE tracking_id IN ('LAP-002', 'LAP-003') ORDER BY 1"
	if code, out, _ := rapor(t, "", "--db", db, "sql", "--format", "csv", q); code != exitOK || out != "title\n\"'=HYPERLINK(\"\"http://contoh\"\",\"\"klik\"\")\"\n'@SUM(A1)\n" {
		t.Errorf("csv: %d %q", code, out)
	}
	if code, out, _ := rapor(t, "", "--db", db, "sql", "--format", "csv", "--raw", q); code != exitOK || out != "title\n\"=HYPERLINK(\"\"http://contoh\"\",\"\"klik\"\")\"\n@SUM(A1)\n" {
		t.Errorf("csv --raw: %d %q", code, out)
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
