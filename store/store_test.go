package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestMigrateFreshAndUpgrade(t *testing.T) {
	ctx := context.Background()
	ms, err := Migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %v %d", err, len(ms))
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %s has version %d, want %d (numbered without gaps)", m.Name, m.Version, i+1)
		}
	}
	path := filepath.Join(t.TempDir(), "old.duckdb")

	// A file as the first release left it: only migration 1, with data in it.
	db, err := Open(ctx, ":memory:", Options{}) // a throwaway to prove Open migrates fully
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := SchemaVersion(ctx, db.DB); v != len(ms) {
		t.Errorf("fresh database at version %d, want %d", v, len(ms))
	}
	db.Close()

	raw, err := Open(ctx, path, Options{ReadOnly: false, LockWait: 0})
	if err != nil {
		t.Fatal(err)
	}
	// Roll the file back to version 1 by hand, as an old program would have left it.
	undo := []string{`ALTER TABLE rejects DROP COLUMN reason_args`, `DROP TABLE job_runs`, `DROP SEQUENCE job_run_seq`, `DROP TABLE area_population`, `DROP VIEW snapshots`}
	// 0003's columns (the complaints view is recreated without them first).
	undo = append(undo, `CREATE OR REPLACE VIEW complaints AS SELECT run_id FROM complaint_versions`)
	for _, c := range []string{"observed_from", "observed_to", "observed_source", "organisation", "generated_raw", "period_from", "period_to", "manager"} {
		undo = append(undo, `ALTER TABLE ingest_runs DROP COLUMN `+c)
	}
	for _, c := range []string{"status_by", "status_detail", "status_reason", "parent_agency", "agency_ref", "category_ref", "seen_first_from", "seen_first_to", "seen_last_from", "seen_last_to", "title_norm"} {
		undo = append(undo, `ALTER TABLE complaint_versions DROP COLUMN `+c)
	}
	undo = append(undo, `CREATE OR REPLACE VIEW complaints AS SELECT * EXCLUDE (is_current) FROM complaint_versions WHERE is_current`,
		`DELETE FROM schema_migrations WHERE version > 1`,
		`DROP MACRO title_norm`,
		`INSERT INTO ingest_runs VALUES (1, '/x.csv', 'x.csv', 'abc', 1, 'csv', 'lapor-admin', 'HSU', ['No. Tracking'], 1, 1, 0, NULL, now(), now(), 'v0')`,
		// versions as version 1 stored them: 0006 must give them their title_norm
		`INSERT INTO complaint_versions (run_id, source_row, regency, tracking_id, submitted_at, version_at, status, title, has_first_response, is_current)
		 VALUES (1, 2, 'HSU', 'A1', now(), now(), 'closed', '  Jalan RUSAK (lagi)!', true, true),
		        (1, 3, 'HSU', 'A2', now(), now(), 'closed', NULL, true, true),
		        (1, 4, 'HSU', 'A3', now(), now(), 'closed', '?!', true, true)`)
	for _, stmt := range undo {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()

	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer db.Close()
	if v, _ := SchemaVersion(ctx, db.DB); v != len(ms) {
		t.Errorf("upgraded to %d, want %d", v, len(ms))
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ingest_runs`).Scan(&n); err != nil || n != 1 {
		t.Errorf("data lost in the upgrade: %d %v", n, err)
	}
	if _, err := db.Exec(`SELECT count(*) FROM job_runs`); err != nil {
		t.Errorf("new table missing: %v", err)
	}
	// 0006 computed the normalised titles of the versions already stored, and the view shows them.
	got := map[string]string{}
	rows, err := db.Query(`SELECT tracking_id, coalesce(title_norm, '<NULL>') FROM complaints`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, tn string
		if err := rows.Scan(&id, &tn); err != nil {
			t.Fatal(err)
		}
		got[id] = tn
	}
	rows.Close()
	want := map[string]string{"A1": "jalan rusak  lagi", "A2": "<NULL>", "A3": "<NULL>"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("title_norm of %s after the upgrade = %q, want %q", id, got[id], w)
		}
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.duckdb")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', now())`)
	db.Close()
	_, err = Open(ctx, path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this program") {
		t.Fatalf("want refusal, got %v", err)
	}
}

func TestReadOnlyAndQuoting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.duckdb")
	db, err := Open(ctx, path, Options{TimeZone: "Asia/Makassar"})
	if err != nil {
		t.Fatal(err)
	}
	var tz string
	db.QueryRow(`SELECT current_setting('TimeZone')`).Scan(&tz)
	if tz != "Asia/Makassar" {
		t.Errorf("session time zone %q", tz)
	}
	weird := `we"ird`
	if _, err := db.Exec(`CREATE TABLE ` + QuoteIdent(weird) + ` AS SELECT ` + QuoteLiteral("it's") + ` AS x`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var x string
	if err := ro.QueryRow(`SELECT x FROM ` + QuoteIdent(weird)).Scan(&x); err != nil || x != "it's" {
		t.Errorf("quoting: %q %v", x, err)
	}
	if _, err := ro.Exec(`CREATE TABLE y (a INT)`); err == nil {
		t.Error("a read-only database accepted a write")
	}
}

// No column default may call a function: DuckDB binds it again when it replays the WAL and
// cannot there (migration 0005), so a crash after an ALTER of that table (a comment from the
// data dictionary is one) would leave a file that no longer opens. The crash itself is
// reproduced in transform's TestCrashAfterFirstBuildReopens.
func TestNoFunctionDefaults(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "r.duckdb"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT table_name, column_name, column_default FROM duckdb_columns()
		WHERE database_name = current_database() AND column_default IS NOT NULL AND column_default LIKE '%(%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, col, def string
		if err := rows.Scan(&table, &col, &def); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s.%s has the default %s: write the value in the INSERT instead", table, col, def)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
