//go:build duckdb_arrow

package sandbox_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/testdb"
	"github.com/hsu-lapor/rapor/store"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// count runs a one-number query in the session.
func count(t *testing.T, s *sandbox.Session, q string) int64 {
	t.Helper()
	var n int64 = -1
	err := s.Query(context.Background(), q, func(r sandbox.Result) error {
		for r.Next() {
			rec := r.RecordBatch()
			if rec.NumRows() > 0 {
				n = int64(rec.Column(0).GetOneForMarshal(0).(int64))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestRefusedEscapes(t *testing.T) {
	dir := t.TempDir()
	dbPath := testdb.Build(t, dir)
	before := fileSum(t, dbPath)
	var tablesBefore, macrosBefore int
	macros := "SELECT count(*) FROM duckdb_functions() WHERE function_type LIKE '%macro' AND NOT internal"
	if db, err := store.Open(context.Background(), dbPath, store.Options{ReadOnly: true}); err == nil {
		db.QueryRow("SELECT count(*) FROM duckdb_tables()").Scan(&tablesBefore)
		db.QueryRow(macros).Scan(&macrosBefore) // the schema's own (migration 0006's title_norm)
		db.Close()
	}
	out := t.TempDir()
	other := filepath.Join(out, "other.duckdb")
	// A second database the analyst might try to reach.
	odb, err := store.Open(context.Background(), other, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	odb.Close()

	sess, err := sandbox.Open(context.Background(), dbPath, sandbox.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()

	q := store.QuoteLiteral
	cases := []struct {
		stmt string
		kind sandbox.Kind
		why  string // what the English message must say
	}{
		{"COPY complaints TO " + q(filepath.Join(out, "x.csv")), sandbox.KindFile, "outside the database"},
		{"COPY (SELECT * FROM complaints) TO " + q(filepath.Join(out, "x.parquet")) + " (FORMAT parquet)", sandbox.KindFile, "outside the database"},
		{"COPY complaints FROM " + q(filepath.Join(dir, "export.csv")), sandbox.KindFile, "outside the database"},
		{"EXPORT DATABASE " + q(filepath.Join(out, "dump")), sandbox.KindFile, "outside the database"},
		{"SELECT * FROM read_csv('/etc/passwd')", sandbox.KindFile, "outside the database"},
		{"SELECT * FROM read_csv(" + q(filepath.Join(dir, "export.csv")) + ")", sandbox.KindFile, "outside the database"},
		{"SELECT * FROM read_text(" + q(filepath.Join(dir, "export.csv")) + ")", sandbox.KindFile, "outside the database"},
		{"SELECT * FROM read_parquet('/tmp/*.parquet')", sandbox.KindFile, "outside the database"},
		{"SELECT * FROM glob('/etc/*')", sandbox.KindFile, "outside the database"},
		{"ATTACH " + q(other), sandbox.KindAttach, "opens another database"},
		{"ATTACH '/tmp/other.duckdb' AS o (READ_ONLY)", sandbox.KindAttach, "opens another database"},
		{"ATTACH ':memory:' AS scratch", sandbox.KindAttach, "opens another database"},
		{"DETACH rapor", sandbox.KindAttach, "opens another database"},
		{"INSTALL httpfs", sandbox.KindExtension, "extension"},
		{"LOAD httpfs", sandbox.KindExtension, "extension"},
		{"FORCE INSTALL httpfs", sandbox.KindExtension, "extension"},
		{"UPDATE EXTENSIONS", sandbox.KindExtension, "extension"},
		{"SET enable_external_access = true", sandbox.KindSetting, "changes a setting"},
		{"SET lock_configuration = false", sandbox.KindSetting, "changes a setting"},
		{"RESET lock_configuration", sandbox.KindSetting, "changes a setting"},
		{"SET TimeZone = 'UTC'", sandbox.KindSetting, "changes a setting"},
		{"SET threads = 1", sandbox.KindSetting, "changes a setting"},
		{"SET VARIABLE x = 1", sandbox.KindSetting, "changes a setting"},
		{"/* hidden */ set memory_limit = '1GB'", sandbox.KindSetting, "changes a setting"},
		{"PRAGMA table_info('complaints')", sandbox.KindSetting, "changes a setting"},
		{"PRAGMA enable_profiling", sandbox.KindSetting, "changes a setting"},
		{"USE memory", sandbox.KindSetting, "changes a setting"},
		{"CREATE TABLE x AS SELECT * FROM complaints", sandbox.KindWrite, "changes the database"},
		{"CREATE TEMP TABLE x AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"CREATE VIEW v AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"CREATE MACRO m(a) AS a + 1", sandbox.KindWrite, "changes the database"},
		{"INSERT INTO complaints SELECT * FROM complaints", sandbox.KindWrite, "changes the database"},
		{"WITH c AS (SELECT * FROM complaints) INSERT INTO complaints SELECT * FROM c", sandbox.KindWrite, "changes the database"},
		{"UPDATE complaints SET status = 'closed'", sandbox.KindWrite, "changes the database"},
		{"DELETE FROM complaints", sandbox.KindWrite, "changes the database"},
		{"TRUNCATE complaints", sandbox.KindWrite, "changes the database"},
		{"DROP TABLE complaints", sandbox.KindWrite, "changes the database"},
		{"ALTER TABLE complaints ADD COLUMN z INTEGER", sandbox.KindWrite, "changes the database"},
		{"VACUUM", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN ANALYZE CREATE TEMP TABLE x AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN ANALYZE INSERT INTO complaints SELECT * FROM complaints", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN (FORMAT json, ANALYZE) COPY complaints TO " + q(filepath.Join(out, "x.csv")), sandbox.KindFile, "outside the database"},
		{"EXPLAIN (FORMAT json, ANALYZE) CREATE TEMP TABLE y AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"SELECT nextval('ingest_run_seq')", sandbox.KindWrite, "changes the database"},
		{"SELECT 1; DROP TABLE complaints", sandbox.KindMulti, "more than one statement"},
		{"PREPARE p AS SELECT 1", sandbox.KindOther, "is not available"},
		// Splitter and DuckDB must agree: DuckDB ends a -- comment at CR too.
		{"SELECT 1 --x\r; CREATE TEMP VIEW complaints AS SELECT 1", sandbox.KindMulti, "more than one statement"},
		{"SELECT 1 --x\r; SET VARIABLE forged = 1", sandbox.KindMulti, "more than one statement"},
		{"PIVOT complaints ON status USING count(*) GROUP BY agency --\r; CREATE TEMP MACRO m() AS 1", sandbox.KindMulti, "more than one statement"},
		{"CREATE TEMP TABLE forged AS SELECT 1 --\r; PIVOT complaints ON status USING count(*) GROUP BY agency", sandbox.KindMulti, "more than one statement"},
		{"CREATE TEMP MACRO m() AS 1", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN CREATE TEMP TABLE x AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN --\r ANALYZE CREATE TEMP TABLE x AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"EXPLAIN /* c */ ANALYZE SET VARIABLE forged = 1", sandbox.KindSetting, "changes a setting"},
		{"CREATE TEMP VIEW complaints AS SELECT 1", sandbox.KindWrite, "changes the database"},
		{"SET VARIABLE forged = 1", sandbox.KindSetting, "changes a setting"},
		// Table functions that act when they are bound: off the allow-list.
		{"CALL enable_logging(storage := 'file', storage_path := 'x.csv')", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM enable_logging(storage := 'file', storage_path := 'x.csv')", sandbox.KindFunction, "changes the session"},
		{"FROM disable_logging()", sandbox.KindFunction, "changes the session"},
		{"CALL truncate_duckdb_logs()", sandbox.KindFunction, "changes the session"},
		{"CALL enable_profiling()", sandbox.KindFunction, "changes the session"},
		{"CALL checkpoint()", sandbox.KindFunction, "changes the session"},
		{"CALL force_checkpoint()", sandbox.KindFunction, "changes the session"},
		{"EXPLAIN SELECT * FROM enable_logging()", sandbox.KindFunction, "changes the session"},
		{"EXPLAIN ANALYZE SELECT * FROM enable_logging()", sandbox.KindFunction, "changes the session"},
		{"WITH a AS (SELECT 1) SELECT * FROM a WHERE 1 IN (SELECT 1 FROM enable_logging())", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM query('SELECT * FROM enable_logging()')", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM query('CREATE TEMP TABLE t AS SELECT 1')", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM query(concat('SELECT * FROM enable_', 'logging()'))", sandbox.KindFunction, "changes the session"},
		{"PIVOT (FROM enable_logging()) ON x", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM arrow_scan(0, 0, 0)", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM main.enable_logging()", sandbox.KindFunction, "changes the session"},
		{"SELECT * FROM \"enable_logging\"()", sandbox.KindFunction, "changes the session"},
	}
	for _, c := range cases {
		for _, lang := range []msg.Lang{msg.ID, msg.EN} {
			msg.SetLang(lang)
			ran := false
			err := sess.Query(context.Background(), c.stmt, func(sandbox.Result) error { ran = true; return nil })
			var re *sandbox.RefusedError
			if !errors.As(err, &re) {
				t.Errorf("%s: got %v, want a refusal", c.stmt, err)
				continue
			}
			if !sandbox.IsRefused(err) {
				t.Errorf("%s: IsRefused false", c.stmt)
			}
			if re.Kind != c.kind {
				t.Errorf("%s: kind %s, want %s (%v)", c.stmt, re.Kind, c.kind, err)
			}
			if lang == msg.EN && !strings.Contains(err.Error(), c.why) {
				t.Errorf("%s: message %q does not say %q", c.stmt, err, c.why)
			}
			if ran {
				t.Errorf("%s: result handed out for a refused statement", c.stmt)
			}
			text := err.Error()
			want := map[msg.Lang]string{msg.ID: "ditolak: ", msg.EN: "refused: "}[lang]
			if !strings.HasPrefix(text, want) {
				t.Errorf("%s (%s): message %q does not start with %q", c.stmt, lang, text, want)
			}
			// The message says why, not just that.
			why := map[msg.Lang][]string{
				msg.ID: {"supaya", "hanya"},
				msg.EN: {"so that", "only", "Separate"},
			}[lang]
			found := false
			for _, w := range why {
				found = found || strings.Contains(text, w)
			}
			if !found {
				t.Errorf("%s (%s): message gives no reason: %q", c.stmt, lang, text)
			}
		}
	}
	msg.SetLang(msg.ID)

	// Nothing reached the disk, the session still works and is still locked down.
	for _, f := range []string{"x.csv", "x.parquet", "dump"} {
		if _, err := os.Stat(filepath.Join(out, f)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was created", f)
		}
	}
	if n := count(t, sess, "SELECT count(*) FROM complaints"); n != 4 {
		t.Errorf("complaints after refusals: %d, want 4", n)
	}
	for _, q := range []string{
		"SELECT count(*) FROM duckdb_tables() WHERE temporary",
		"SELECT count(*) FROM duckdb_views() WHERE temporary AND NOT internal",
		"SELECT count(*) FROM duckdb_types() WHERE type_name LIKE '__pivot%'",
		"SELECT count(*) FROM duckdb_variables()",
		"SELECT count(*) FROM duckdb_settings() WHERE name = 'enable_logging' AND value NOT IN ('0', 'false')",
		"SELECT count(*) FROM duckdb_settings() WHERE name = 'logging_storage' AND value <> 'memory'",
	} {
		if n := count(t, sess, q); n != 0 {
			t.Errorf("after the refusals, %s = %d, want 0", q, n)
		}
	}
	if n := count(t, sess, macros); n != int64(macrosBefore) || macrosBefore == 0 {
		t.Errorf("after the refusals, %d macros, want the schema's %d", n, macrosBefore)
	}
	if n := count(t, sess, "SELECT count(*) FROM duckdb_settings() WHERE name = 'enable_external_access' AND value = 'false'"); n != 1 {
		t.Errorf("external access is no longer off")
	}
	if n := count(t, sess, "SELECT count(*) FROM duckdb_settings() WHERE name = 'lock_configuration' AND value = 'true'"); n != 1 {
		t.Errorf("configuration is no longer locked")
	}
	if err := sess.Close(); err != nil {
		t.Fatal(err)
	}
	if after := fileSum(t, dbPath); after != before {
		t.Errorf("the database file changed")
	}
	// And a fresh reader sees the same data.
	db, err := store.Open(context.Background(), dbPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, tables int
	db.QueryRow("SELECT count(*) FROM complaints").Scan(&n)
	db.QueryRow("SELECT count(*) FROM duckdb_tables()").Scan(&tables)
	if n != 4 || tables != tablesBefore {
		t.Errorf("after: %d complaints, %d tables; want 4 and %d", n, tables, tablesBefore)
	}
}

func TestAllowedQueries(t *testing.T) {
	dbPath := testdb.Build(t, t.TempDir())
	sess, err := sandbox.Open(context.Background(), dbPath, sandbox.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	for _, q := range []string{
		"SELECT count(*) FROM complaints",
		"WITH a AS (SELECT agency FROM complaints) SELECT count(*) FROM a",
		"FROM complaints",
		"DESCRIBE complaints",
		"SHOW TABLES",
		"SUMMARIZE complaints",
		"PIVOT complaints ON status USING count(*) GROUP BY agency",
		"EXPLAIN SELECT * FROM complaints",
		"EXPLAIN ANALYZE SELECT count(*) FROM complaints",
		"EXPLAIN (FORMAT json) SELECT 1",
		"EXPLAIN ANALYZE (SELECT 1)",
		"CALL duckdb_settings()",
		"CALL pragma_table_info('complaints')",
		"SELECT * FROM pragma_table_info('complaints')",
		"SELECT * FROM query('SELECT 42')",
		"SELECT * FROM query_table('complaints')",
		"SELECT * FROM range(3) t(i), unnest([1, 2]) u(j)",
		"FROM duckdb_tables()",
		"SELECT getvariable('nothing')",
		"PIVOT complaints ON status IN ('Selesai', 'Proses') USING count(*) GROUP BY agency",
		"UNPIVOT (SELECT 1 AS a, 2 AS b) ON COLUMNS(*)",
		"SUMMARIZE SELECT 1 AS a",
		"VALUES (1), (2)",
		"SELECT 1 -- a comment that ends at CR\r",
		"SELECT '--' AS x, 'enable_logging' AS y",
		"EXPLAIN SELECT * FROM range(3)",
		"SELECT * FROM complaints WHERE agency = 'a;b' -- ;\r\n",
		"BEGIN TRANSACTION",
		"COMMIT",
		"(SELECT 1) UNION ALL (SELECT 2)",
	} {
		if err := sess.Query(context.Background(), q, func(r sandbox.Result) error {
			for r.Next() {
			}
			return nil
		}); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	// Local months: LAP-002 was sent 2024-01-31 23:30 WIB, i.e. 2024-02-01 00:30 WITA.
	if n := count(t, sess, "SELECT count(*) FROM complaints WHERE month(submitted_at) = 2"); n != 3 {
		t.Errorf("complaints submitted in February (local): %d, want 3", n)
	}
	// Ordinary errors stay ordinary errors.
	err = sess.Query(context.Background(), "SELECT * FROM no_such_table", func(sandbox.Result) error { return nil })
	if err == nil || sandbox.IsRefused(err) {
		t.Errorf("unknown table: %v", err)
	}
}

// TestLimits: a statement past the time limit or the memory limit stops with a LimitError that
// names the limit; the session goes on. The time limit counts DuckDB's work, not the time the
// reader spends between batches.
func TestLimits(t *testing.T) {
	dbPath := testdb.Build(t, t.TempDir())
	sess, err := sandbox.Open(context.Background(), dbPath, sandbox.Options{TimeZone: testdb.TimeZone,
		Timeout: 2 * time.Second, MemoryLimit: "20MB"})
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	drain := func(r sandbox.Result) error {
		for r.Next() {
		}
		return nil
	}
	for _, c := range []struct {
		stmt, want string
		timeout    bool
	}{
		{"SELECT count(*) FROM range(10000000000) a, range(10) b", "2s", true},
		{"SELECT length(string_agg(i::VARCHAR, ',')) FROM range(20000000) t(i)", "20MB", false},
	} {
		err := sess.Query(context.Background(), c.stmt, drain)
		var le *sandbox.LimitError
		if !errors.As(err, &le) {
			t.Errorf("%s: %v, want a LimitError", c.stmt, err)
			continue
		}
		if (le.Timeout > 0) != c.timeout || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %+v %q", c.stmt, le, err)
		}
	}
	// A slow reader is not a slow statement.
	err = sess.Query(context.Background(), "SELECT i FROM range(3 * 2048) t(i)", func(r sandbox.Result) error {
		for r.Next() {
			time.Sleep(1200 * time.Millisecond)
		}
		return nil
	})
	if err != nil {
		t.Errorf("slow reader: %v", err)
	}
	if n := count(t, sess, "SELECT count(*) FROM complaints"); n != 4 {
		t.Errorf("after the limits: %d complaints", n)
	}
}
