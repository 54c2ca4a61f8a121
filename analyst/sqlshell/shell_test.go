//go:build duckdb_arrow

package sqlshell_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/analyst/sqlshell"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/testdb"
	"github.com/hsu-lapor/rapor/store"
)

func setup(t *testing.T) (sqlshell.Config, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	msg.SetLang(msg.ID)
	path := testdb.Build(t, t.TempDir())
	sess, err := sandbox.Open(context.Background(), path, sandbox.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	loc, _ := time.LoadLocation(testdb.TimeZone)
	var stdout, stderr bytes.Buffer
	return sqlshell.Config{Session: sess, Format: "psql", Loc: loc, MaxWidth: 40, Stdout: &stdout, Stderr: &stderr, DBPath: path}, &stdout, &stderr
}

func TestScriptPrintsEachResult(t *testing.T) {
	c, stdout, _ := setup(t)
	err := sqlshell.RunScript(context.Background(), c, `
		-- two questions
		SELECT count(*) AS n FROM complaints;
		BEGIN;
		SELECT agency, count(*) AS n FROM complaints WHERE agency IS NOT NULL GROUP BY agency ORDER BY agency;
		COMMIT;`)
	if err != nil {
		t.Fatal(err)
	}
	want := ` n
---
 4
(1 baris)

 agency           | n
------------------+---
 Dinas Kesehatan  | 1
 Dinas PUPR       | 2
 Dinas Pendidikan | 1
(3 baris)
`
	if stdout.String() != want {
		t.Errorf("got\n%s\nwant\n%s", stdout, want)
	}
}

func TestScriptStopsAtRefusal(t *testing.T) {
	c, stdout, _ := setup(t)
	c.Format = "csv"
	err := sqlshell.RunScript(context.Background(), c, "SELECT 1 AS a; DELETE FROM complaints; SELECT 2 AS b")
	if !sandbox.IsRefused(err) {
		t.Fatalf("got %v", err)
	}
	if stdout.String() != "a\n1\n" {
		t.Errorf("output before the refusal: %q", stdout)
	}
}

func TestBinaryNeedsOut(t *testing.T) {
	c, _, _ := setup(t)
	c.Format = "xlsx"
	if err := sqlshell.RunScript(context.Background(), c, "SELECT 1"); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("got %v", err)
	}
}

func TestOutFiles(t *testing.T) {
	c, stdout, _ := setup(t)
	dir := t.TempDir()

	// XLSX: one sheet per result.
	c.Format, c.Out = "xlsx", filepath.Join(dir, "r.xlsx")
	if err := sqlshell.RunScript(context.Background(), c, "SELECT * FROM complaints; SELECT 42 AS answer"); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(c.Out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.GetSheetList(), ","); got != "Hasil,Hasil 2" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := x.GetCellValue("Hasil 2", "A2"); v != "42" {
		t.Errorf("answer %q", v)
	}
	x.Close()
	if !strings.Contains(stdout.String(), "r.xlsx: 4 baris ditulis") {
		t.Errorf("summary: %q", stdout)
	}

	// Parquet: one file per result, read back by DuckDB.
	c.Format, c.Out = "parquet", filepath.Join(dir, "r.parquet")
	if err := sqlshell.RunScript(context.Background(), c, "SELECT * FROM complaints; SELECT 42 AS answer"); err != nil {
		t.Fatal(err)
	}
	mem, err := store.Open(context.Background(), ":memory:", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	var n, answer int
	mem.QueryRow("SELECT count(*) FROM read_parquet(" + store.QuoteLiteral(c.Out) + ")").Scan(&n)
	mem.QueryRow("SELECT answer FROM read_parquet(" + store.QuoteLiteral(filepath.Join(dir, "r-2.parquet")) + ")").Scan(&answer)
	if n != 4 || answer != 42 {
		t.Errorf("parquet read back: %d rows, answer %d", n, answer)
	}

	// A failing script leaves the previous file as it was and no temporary file behind.
	before, _ := os.ReadFile(c.Out)
	err = sqlshell.RunScript(context.Background(), c, "SELECT 1 AS a; SELECT * FROM read_csv('/etc/passwd')")
	if !sandbox.IsRefused(err) {
		t.Fatalf("got %v", err)
	}
	after, _ := os.ReadFile(c.Out)
	if !bytes.Equal(before, after) {
		t.Error("the previous file changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left %s", e.Name())
		}
	}
}

func TestInteractive(t *testing.T) {
	c, stdout, stderr := setup(t)
	c.HistoryFile = filepath.Join(t.TempDir(), "rapor", "sql_history")
	in := strings.NewReader(`.tables
SELECT tracking_id
  FROM complaints -- a comment; with a semicolon
  WHERE rating = 5;
.schema ingest_runs
.schema nope
DROP TABLE complaints;
SELECT 'still here' AS s;
.history
!1
.nosuch
.quit
SELECT 'never run';
`)
	if err := sqlshell.Interactive(context.Background(), c, in); err != nil {
		t.Fatal(err)
	}
	out, errs := stdout.String(), stderr.String()
	for _, want := range []string{
		"rapor sql: ", "rapor> ", "  ...> ",
		" complaints         | view", // .tables
		" LAP-001\n(1 baris)",
		" ingest_runs | run_id", // .schema
		" still here",
		"   1  SELECT tracking_id\n        FROM complaints -- a comment; with a semicolon\n        WHERE rating = 5;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, " LAP-001\n(1 baris)") != 2 {
		t.Errorf("!1 did not run the first statement again:\n%s", out)
	}
	if strings.Contains(out, "never run") {
		t.Error(".quit did not stop")
	}
	for _, want := range []string{"ditolak: DROP", `"nope"`, ".nosuch"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	// History survives: a new prompt sees the statements.
	b, err := os.ReadFile(c.HistoryFile)
	if err != nil {
		t.Fatal(err)
	}
	// SELECT tracking_id..., DROP..., SELECT 'still here', and the first again (!1).
	if strings.Count(string(b), "\n") != 4 {
		t.Errorf("history file:\n%s", b)
	}
	stdout.Reset()
	if err := sqlshell.Interactive(context.Background(), c, strings.NewReader(".history\n")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "   3  SELECT 'still here' AS s;") {
		t.Errorf("reloaded history:\n%s", stdout)
	}
}

func TestInteractiveRunsUnterminatedAtEOF(t *testing.T) {
	c, stdout, _ := setup(t)
	c.Format = "table"
	if err := sqlshell.Interactive(context.Background(), c, strings.NewReader("SELECT 7 AS seven")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "│       7 │\n") {
		t.Errorf("output:\n%s", stdout)
	}
}

func TestInteractiveRefusesFiles(t *testing.T) {
	c, _, _ := setup(t)
	c.Out = "x.csv"
	err := sqlshell.Interactive(context.Background(), c, strings.NewReader(""))
	if err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
}
