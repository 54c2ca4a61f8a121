package transform

import (
	"context"
	"database/sql"
	"testing"

	"github.com/hsu-lapor/rapor/queries"
)

// TestDictionaryComments: after a build every table, view and column of the database has an
// entry in the data dictionary (queries/README.md), and carries it as its comment, so that
// DuckDB clients show the definitions. A new table or column fails here, naming the entry to add.
func TestDictionaryComments(t *testing.T) {
	ctx := context.Background()
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	build(t, db, cfg)
	dict, err := queries.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	objects, err := queries.Objects(ctx, db.DB)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range queries.Undocumented(dict, objects) {
		t.Error(m)
	}
	rows, err := db.QueryContext(ctx, `
		SELECT table_name, '', comment FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary
		UNION ALL SELECT view_name, '', comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND NOT temporary
		UNION ALL SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, column string
		var comment sql.NullString
		if err := rows.Scan(&table, &column, &comment); err != nil {
			t.Fatal(err)
		}
		entry, ok := dict[table]
		if !ok {
			continue // reported above, or rapor's bookkeeping
		}
		want := entry.Comment
		if column != "" {
			want = entry.Columns[column]
		}
		if want != "" && comment.String != want {
			t.Errorf("%s.%s: comment %q, want the dictionary's %q", table, column, comment.String, want)
		}
		n++
	}
	if n < 300 {
		t.Errorf("only %d tables and columns checked", n)
	}
}
