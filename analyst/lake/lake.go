// Package lake exports rapor's tables as a Hive-partitioned Parquet lake that Spark, Trino,
// DuckDB or MotherDuck read without rapor (docs/scale-out.md):
//
//	DIR/_rapor_export.json                    what was exported, when, in which zone
//	DIR/complaints/regency=X/year=2024/month=2024-01-01/data_0.parquet
//	DIR/complaint_versions/regency=X/year=.../month=.../data_0.parquet
//	DIR/agency_month/regency=X/year=2024/month=2024-01-01/data_0.parquet   (tables with a DATE month)
//	DIR/ingest_runs/data_0.parquet            (every other table: one file)
//
// Tables with submitted_at are partitioned by the local month of submission; tables with a
// DATE column named month by that month. month= always holds the first day of the month as a
// DATE (yyyy-mm-dd), so a month joins across tables; regency and month are not repeated inside
// the files (readers take them from the path). The export is written beside DIR under a
// temporary name and moved into place when complete.
package lake

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it returns and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// ManifestName is the file in the lake's root that describes it (Spark, Trino and Hive skip
// files starting with _).
const ManifestName = "_rapor_export.json"

// Options configure an export.
type Options struct {
	// Overwrite replaces an existing lake in DIR (one rapor wrote: it has the manifest).
	Overwrite bool
	// Version is the program version recorded in the manifest.
	Version string
	// TimeZone is the zone local months were taken in (the connection's; recorded).
	TimeZone string
	// Now is the export time (tests fix it); nil means time.Now.
	Now func() time.Time
}

// Table is one exported table.
type Table struct {
	Name        string   `json:"name"`
	Path        string   `json:"path"`
	Rows        int64    `json:"rows"`
	PartitionBy []string `json:"partition_by,omitempty"`
	// MonthFrom says which column month= comes from (submitted_at: its local month).
	MonthFrom string `json:"month_from,omitempty"`
}

// Manifest is _rapor_export.json.
type Manifest struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"format_version"`
	ExportedAt    time.Time `json:"exported_at"`
	RaporVersion  string    `json:"rapor_version"`
	SchemaVersion int       `json:"schema_version"`
	TimeZone      string    `json:"timezone"`
	Tables        []Table   `json:"tables"`
}

// NotEmptyError is a target directory that holds files and may not be replaced.
type NotEmptyError struct {
	Dir     string
	NotLake bool // it holds files but no rapor export: never deleted, even with --overwrite
}

func (e *NotEmptyError) Error() string {
	if e.NotLake {
		return fmt.Sprintf("%s is not empty and is not a rapor export (no %s): choose an empty or new directory; rapor does not delete other files", e.Dir, ManifestName)
	}
	return fmt.Sprintf("%s already holds an export: add --overwrite to replace it, or choose another directory", e.Dir)
}

// column is a table's column as DuckDB describes it.
type column struct{ name, typ string }

// Export writes every table of db into dir. db is rapor's own read-only connection (not the
// analysts' sandbox: COPY writes the files).
func Export(ctx context.Context, db *store.DB, dir string, o Options) (Manifest, error) {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	m := Manifest{Format: "rapor-parquet-lake", FormatVersion: 1, ExportedAt: now().UTC(), RaporVersion: o.Version, TimeZone: o.TimeZone}
	target, err := checkDir(dir, o.Overwrite)
	if err != nil {
		return m, err
	}
	if m.SchemaVersion, err = store.SchemaVersion(ctx, db.DB); err != nil {
		return m, err
	}
	tables, err := listTables(ctx, db.DB)
	if err != nil {
		return m, err
	}
	if len(tables) == 0 {
		return m, errors.New("the database has no tables to export")
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return m, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-")
	if err != nil {
		return m, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	conn, err := db.Conn(ctx)
	if err != nil {
		return m, err
	}
	defer conn.Close()
	for _, t := range sortedKeys(tables) {
		tm, err := exportTable(ctx, conn, tmp, t, tables[t])
		if err != nil {
			return m, fmt.Errorf("export %s: %w", t, err)
		}
		m.Tables = append(m.Tables, tm)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, err
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), append(b, '\n'), 0o644); err != nil {
		return m, err
	}
	if err := replace(tmp, target); err != nil {
		return m, err
	}
	ok = true
	return m, nil
}

// checkDir validates the target and says whether it may be written: absent, empty, or (with
// overwrite) a previous export.
func checkDir(dir string, overwrite bool) (string, error) {
	if strings.TrimSpace(dir) == "" {
		return "", errors.New("--parquet needs a directory")
	}
	for _, r := range dir {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("directory %q: control characters are not allowed in the path", dir)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if abs == filepath.Dir(abs) {
		return "", fmt.Errorf("%s: refusing to export into the root directory", abs)
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", err
	case !st.IsDir():
		return "", fmt.Errorf("%s exists and is not a directory", abs)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return "", err
	}
	if len(entries) == 0 {
		return abs, nil
	}
	if _, err := os.Stat(filepath.Join(abs, ManifestName)); err != nil {
		return "", &NotEmptyError{Dir: abs, NotLake: true}
	}
	if !overwrite {
		return "", &NotEmptyError{Dir: abs}
	}
	return abs, nil
}

// replace moves the finished export tmp to target, setting a previous export aside first and
// deleting it only once the new one is in place.
func replace(tmp, target string) error {
	old := ""
	if _, err := os.Stat(target); err == nil {
		old = tmp + ".old"
		if err := os.Rename(target, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		if old != "" {
			os.Rename(old, target)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func listTables(ctx context.Context, db *sql.DB) (map[string][]column, error) {
	rows, err := db.QueryContext(ctx, query("tables"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]column{}
	for rows.Next() {
		var t string
		var c column
		if err := rows.Scan(&t, &c.name, &c.typ); err != nil {
			return nil, err
		}
		out[t] = append(out[t], c)
	}
	return out, rows.Err()
}

func sortedKeys(m map[string][]column) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// plan decides a table's layout: the SELECT that feeds COPY and the partition columns.
func plan(name string, cols []column) (sel string, parts []string, monthFrom string) {
	has := map[string]string{}
	for _, c := range cols {
		has[strings.ToLower(c.name)] = c.typ
	}
	q := store.QuoteIdent(name)
	regency := ""
	if has["regency"] == "VARCHAR" {
		regency = "regency"
	}
	withRegency := func(p ...string) []string {
		if regency != "" {
			return append([]string{regency}, p...)
		}
		return p
	}
	switch {
	case has["month"] == "DATE":
		year := "year(month) AS year, "
		if _, ok := has["year"]; ok {
			year = "" // the table has its own year column; it becomes the partition key
		}
		return "SELECT " + year + "* FROM " + q, withRegency("year", "month"), "month"
	case has["submitted_at"] == "TIMESTAMP WITH TIME ZONE" || has["submitted_at"] == "TIMESTAMP":
		_, hasYear := has["year"]
		_, hasMonth := has["month"]
		if hasYear || hasMonth {
			break // derived partition columns would clash with the table's own
		}
		// The local month of submission, as the first day of that month (the session's zone).
		return "SELECT *, year(submitted_at) AS year, CAST(date_trunc('month', submitted_at) AS DATE) AS month FROM " + q,
			withRegency("year", "month"), "submitted_at"
	}
	return "SELECT * FROM " + q, nil, ""
}

func exportTable(ctx context.Context, conn *sql.Conn, root, name string, cols []column) (Table, error) {
	sel, parts, monthFrom := plan(name, cols)
	t := Table{Name: name, Path: name, PartitionBy: parts, MonthFrom: monthFrom}
	dir := filepath.Join(root, name)
	var copyStmt string
	if len(parts) > 0 {
		quoted := make([]string, len(parts))
		for i, p := range parts {
			quoted[i] = store.QuoteIdent(p)
		}
		copyStmt = fmt.Sprintf("COPY (%s) TO %s (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (%s))",
			sel, store.QuoteLiteral(dir), strings.Join(quoted, ", "))
	} else {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return t, err
		}
		copyStmt = copyOneFile(sel, dir)
	}
	res, err := conn.ExecContext(ctx, copyStmt)
	if err != nil {
		return t, err
	}
	if t.Rows, err = res.RowsAffected(); err != nil {
		return t, err
	}
	if len(parts) > 0 && t.Rows == 0 {
		// An empty table writes no partition; keep its schema readable as one empty file.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return t, err
		}
		if _, err := conn.ExecContext(ctx, copyOneFile(sel, dir)); err != nil {
			return t, err
		}
		t.PartitionBy, t.MonthFrom = nil, ""
	}
	return t, nil
}

// copyOneFile is the statement that writes the result of sel as the one file dir/data_0.parquet.
func copyOneFile(sel, dir string) string {
	return fmt.Sprintf("COPY (%s) TO %s (FORMAT parquet, COMPRESSION snappy)",
		sel, store.QuoteLiteral(filepath.Join(dir, "data_0.parquet")))
}
