package transform

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
)

// testClock is the build time of the tests: after every fixture timestamp.
var testClock = func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) }

// openDB opens a new database file in a temporary directory, in cfg's time zone.
func openDB(t testing.TB, cfg config.Config) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "rapor.duckdb"), store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ingestFiles loads exports with the real ingest package, as `rapor ingest` does.
func ingestFiles(t testing.TB, db *store.DB, cfg config.Config, paths ...string) {
	t.Helper()
	layouts, err := ingest.LoadLayouts(cfg.Mappings...)
	if err != nil {
		t.Fatal(err)
	}
	opts := ingest.Options{
		Regency:       cfg.Regency,
		SourceLoc:     cfg.SourceLocation(),
		Layouts:       layouts,
		Pseudonymizer: ingest.NewPseudonymizer([]byte("test key, not secret")),
		Version:       "test",
	}
	for _, p := range paths {
		res, err := ingest.File(context.Background(), db, p, opts)
		if err != nil {
			t.Fatalf("ingest %s: %v", p, err)
		}
		if res.Rejected > 0 {
			t.Fatalf("ingest %s: %d rows rejected", p, res.Rejected)
		}
	}
}

// build runs Build with the test clock and fails the test on error.
func build(t testing.TB, db *store.DB, cfg config.Config, opts ...Option) Result {
	t.Helper()
	res, err := Build(context.Background(), db, cfg, append([]Option{WithClock(testClock), WithVersion("test")}, opts...)...)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// keepFacts copies the build's intermediate complaint_facts (a temp table) into the persisted
// table test_facts, so that tests can inspect it.
func keepFacts() Option {
	return func(o *options) {
		o.beforeTests = func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `CREATE OR REPLACE TABLE test_facts AS SELECT * FROM complaint_facts`)
			return err
		}
	}
}

// queryMaps returns each row of q as a map from column name to value.
func queryMaps(t testing.TB, db *sql.DB, q string, args ...any) []map[string]any {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		for i, c := range cols {
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
