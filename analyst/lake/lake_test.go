//go:build duckdb_arrow

package lake_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/analyst/lake"
	"github.com/hsu-lapor/rapor/internal/testdb"
	"github.com/hsu-lapor/rapor/store"
)

// totals is what must match between a table and its copy in the lake: the row count and, per
// numeric column, the sum; per timestamp column the sum of epoch seconds; per text column the
// sum of lengths.
func totals(t *testing.T, db *store.DB, from string, cols [][2]string) string {
	t.Helper()
	exprs := []string{"count(*)::VARCHAR"}
	for _, c := range cols {
		q := store.QuoteIdent(c[0])
		switch {
		case strings.Contains(c[1], "TIMESTAMP"):
			exprs = append(exprs, "coalesce(sum(epoch("+q+")), 0)::VARCHAR")
		case c[1] == "VARCHAR":
			exprs = append(exprs, "coalesce(sum(length("+q+")), 0)::VARCHAR")
		case c[1] == "DATE":
			exprs = append(exprs, "coalesce(sum(epoch("+q+")), 0)::VARCHAR")
		case c[1] == "BOOLEAN":
			exprs = append(exprs, "count_if("+q+")::VARCHAR")
		case strings.HasSuffix(c[1], "[]"):
			exprs = append(exprs, "coalesce(sum(len("+q+")), 0)::VARCHAR")
		case strings.Contains(c[1], "INT") || c[1] == "DOUBLE" || strings.HasPrefix(c[1], "DECIMAL"):
			exprs = append(exprs, "coalesce(sum("+q+"), 0)::VARCHAR")
		default:
			exprs = append(exprs, "count("+q+")::VARCHAR")
		}
	}
	rows, err := db.Query("SELECT [" + strings.Join(exprs, ", ") + "]::VARCHAR FROM " + from)
	if err != nil {
		t.Fatalf("%s: %v", from, err)
	}
	defer rows.Close()
	var s string
	rows.Next()
	if err := rows.Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExportReadsBack(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := testdb.Build(t, dir)
	// A metric table with a DATE month, as the metric builder writes them, and a small one.
	w, err := store.Open(ctx, path, store.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`CREATE TABLE agency_month AS
		 SELECT regency, agency, CAST(date_trunc('month', disposed_at) AS DATE) AS month,
		        count(*) AS received, avg(rating) AS rating_avg
		 FROM complaints WHERE disposed_at IS NOT NULL GROUP BY ALL`,
		`CREATE TABLE calendar AS SELECT DATE '2024-01-01' + i::INTEGER AS day, i % 7 < 5 AS working FROM range(60) t(i)`,
		`CREATE TABLE empty_month (regency VARCHAR, month DATE, n BIGINT)`,
	} {
		if _, err := w.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()

	db, err := store.Open(ctx, path, store.Options{TimeZone: testdb.TimeZone, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := filepath.Join(t.TempDir(), "lake")
	m, err := lake.Export(ctx, db, out, lake.Options{Version: "test", TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]lake.Table{}
	for _, tb := range m.Tables {
		byName[tb.Name] = tb
	}
	want := map[string]string{
		"complaints":         "regency,year,month",
		"complaint_versions": "regency,year,month",
		"agency_month":       "regency,year,month",
		"calendar":           "",
		"ingest_runs":        "",
		"rejects":            "",
		"empty_month":        "",
		"area_population":    "",
		"job_runs":           "", // empty: one file keeps its schema
		"snapshots":          "",
	}
	if len(byName) != len(want) {
		t.Errorf("exported %v", m.Tables)
	}
	for name, parts := range want {
		if got := strings.Join(byName[name].PartitionBy, ","); got != parts {
			t.Errorf("%s partitioned by %q, want %q", name, got, parts)
		}
	}
	if _, ok := byName["schema_migrations"]; ok {
		t.Error("schema_migrations exported")
	}
	// The local month decides the partition: LAP-002, sent 2024-01-31 23:30 WIB, is February in WITA.
	feb := filepath.Join(out, "complaints", "regency=Hulu%20Sungai%20Utara", "year=2024", "month=2024-02-01")
	if _, err := os.Stat(feb); err != nil {
		t.Errorf("partition: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "calendar", "data_0.parquet")); err != nil {
		t.Errorf("single file: %v", err)
	}
	var mf lake.Manifest
	b, err := os.ReadFile(filepath.Join(out, lake.ManifestName))
	if err != nil || json.Unmarshal(b, &mf) != nil || mf.TimeZone != testdb.TimeZone || mf.SchemaVersion < 1 || len(mf.Tables) != len(want) {
		t.Errorf("manifest: %v %s", err, b)
	}

	// Read every table back with hive partitioning: same rows, same totals.
	for name := range want {
		rows, err := db.Query(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index`, name)
		if err != nil {
			t.Fatal(err)
		}
		var cols [][2]string
		for rows.Next() {
			var c [2]string
			rows.Scan(&c[0], &c[1])
			cols = append(cols, c)
		}
		rows.Close()
		lakeFrom := "read_parquet(" + store.QuoteLiteral(filepath.Join(out, name, "**", "*.parquet")) + ", hive_partitioning = true)"
		orig, back := totals(t, db, store.QuoteIdent(name), cols), totals(t, db, lakeFrom, cols)
		if orig != back {
			t.Errorf("%s: totals differ\n table %s\n lake  %s", name, orig, back)
		}
		if name == "complaints" && !strings.HasPrefix(orig, "[4, ") {
			t.Errorf("complaints totals %s", orig)
		}
		var n int64
		db.QueryRow("SELECT count(*) FROM " + store.QuoteIdent(name)).Scan(&n)
		if n != byName[name].Rows {
			t.Errorf("%s: manifest says %d rows, table has %d", name, byName[name].Rows, n)
		}
	}
	// Partition values come back typed: month as DATE, year as a number, regency decoded.
	var regency, monthType string
	var year int
	err = db.QueryRow(`SELECT regency, year, typeof(month) FROM read_parquet(`+
		store.QuoteLiteral(filepath.Join(out, "complaints", "**", "*.parquet"))+`, hive_partitioning = true) WHERE tracking_id = 'LAP-002'`).Scan(&regency, &year, &monthType)
	if err != nil || regency != "Hulu Sungai Utara" || year != 2024 || monthType != "DATE" {
		t.Errorf("partition values: %q %d %s %v", regency, year, monthType, err)
	}
}

func TestExportOverwrite(t *testing.T) {
	ctx := context.Background()
	path := testdb.Build(t, t.TempDir())
	db, err := store.Open(ctx, path, store.Options{TimeZone: testdb.TimeZone, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	parent := t.TempDir()

	// A directory with other files is never used, even with --overwrite.
	mine := filepath.Join(parent, "mine")
	os.MkdirAll(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep me"), 0o644)
	for _, ow := range []bool{false, true} {
		_, err := lake.Export(ctx, db, mine, lake.Options{Overwrite: ow})
		var ne *lake.NotEmptyError
		if !errors.As(err, &ne) || !ne.NotLake {
			t.Errorf("overwrite=%v: got %v", ow, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(mine, "notes.txt")); string(b) != "keep me" {
		t.Error("other files touched")
	}

	// An empty directory is fine; a previous export needs --overwrite.
	out := filepath.Join(parent, "lake")
	os.MkdirAll(out, 0o755)
	if _, err := lake.Export(ctx, db, out, lake.Options{}); err != nil {
		t.Fatal(err)
	}
	_, err = lake.Export(ctx, db, out, lake.Options{})
	var ne *lake.NotEmptyError
	if !errors.As(err, &ne) || ne.NotLake {
		t.Errorf("second export without --overwrite: %v", err)
	}
	stale := filepath.Join(out, "complaints", "stale.parquet")
	os.WriteFile(stale, []byte("x"), 0o644)
	if _, err := lake.Export(ctx, db, out, lake.Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Error("overwrite kept a file of the old export")
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left %s", e.Name())
		}
	}

	// Paths are validated and quoted: a quote in the name is just a character.
	odd := filepath.Join(parent, "it's a lake")
	if _, err := lake.Export(ctx, db, odd, lake.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(odd, lake.ManifestName)); err != nil {
		t.Error(err)
	}
	if _, err := lake.Export(ctx, db, filepath.Join(parent, "bad\nname"), lake.Options{}); err == nil {
		t.Error("control character accepted")
	}
	if _, err := lake.Export(ctx, db, "/", lake.Options{Overwrite: true}); err == nil {
		t.Error("root accepted")
	}
}
