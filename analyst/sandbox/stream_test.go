//go:build duckdb_arrow

package sandbox

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/testdb"
)

// dump renders a result's schema and values, to compare the two ways of reading it.
func dump(t *testing.T, s *Session, q string) (string, bool) {
	t.Helper()
	var b strings.Builder
	streamed := false
	err := s.Query(context.Background(), q, func(r Result) error {
		_, streamed = r.RecordReader.(*streamReader)
		b.WriteString(r.Schema().String())
		for r.Next() {
			rec := r.RecordBatch()
			for i, col := range rec.Columns() {
				fmt.Fprintf(&b, "\n%s: %v", rec.ColumnName(i), col)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return b.String(), streamed
}

// TestStreaming checks that queries stream (a duckdb-go upgrade that hides the connection
// would silently fall back to materialized results) and that streaming and materialized
// results are the same Arrow data.
func TestStreaming(t *testing.T) {
	path := testdb.Build(t, t.TempDir())
	s, err := Open(context.Background(), path, Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{
		"SELECT * FROM complaints ORDER BY tracking_id",
		"SELECT i, i::VARCHAR AS s, [i, i] AS l, {'a': i} AS st, 'x'::ENUM('x', 'y') AS e, 1.5::DECIMAL(10,2) AS d, DATE '2024-01-01' + i::INTEGER AS day FROM range(5000) t(i)",
		"DESCRIBE complaints",
	} {
		s.materialize = false
		streamed, ok := dump(t, s, q)
		if !ok {
			t.Errorf("%s: not streamed", q)
		}
		s.materialize = true
		materialized, ok := dump(t, s, q)
		if ok {
			t.Errorf("%s: streamed with materialize set", q)
		}
		if streamed != materialized {
			t.Errorf("%s: streaming and materialized results differ", q)
		}
	}
	s.materialize = false
	// A PIVOT DuckDB expands (CREATE TYPE, then the query) streams too, and leaves no type.
	out, ok := dump(t, s, "PIVOT complaints ON status USING count(*) GROUP BY agency")
	if !ok || !strings.Contains(out, "closed") {
		t.Errorf("expanded PIVOT: streamed %v\n%s", ok, out)
	}
	if out, _ := dump(t, s, "SELECT count(*) AS n FROM duckdb_types() WHERE type_name LIKE '__pivot%'"); !strings.Contains(out, "[0]") {
		t.Errorf("the PIVOT's types stayed: %s", out)
	}
}

// TestPivotPrelude feeds the PIVOT path what a splitter mistake would give it: statements of
// the analyst's own in front of the expansion. None of them may leave anything behind, and a
// statement that is not CREATE does not run at all.
func TestPivotPrelude(t *testing.T) {
	path := testdb.Build(t, t.TempDir())
	s, err := Open(context.Background(), path, Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pivot := "PIVOT complaints ON status USING count(*) GROUP BY agency"
	run := func(stmt string) error {
		return s.conn.Raw(func(dc any) error {
			rr, err := streamQuery(context.Background(), dc.(driver.Conn), stmt, nil, plan{typ: duckdb.STATEMENT_TYPE_SELECT, pivot: true}, 0)
			if err != nil {
				return err
			}
			defer rr.Release()
			for rr.Next() {
			}
			return rr.Err()
		})
	}
	if err := run("CREATE TEMP VIEW complaints AS SELECT 'forged' AS agency, 'x' AS status; " + pivot); err != nil {
		t.Fatalf("CREATE in front of a PIVOT: %v", err)
	}
	if err := run("SET VARIABLE forged = 1; " + pivot); !IsRefused(err) {
		t.Errorf("SET VARIABLE in front of a PIVOT: %v, want a refusal", err)
	}
	if err := run(pivot + "; CREATE TEMP TABLE forged AS SELECT 1"); !IsRefused(err) {
		t.Errorf("CREATE after a PIVOT: %v, want a refusal", err)
	}
	for _, q := range []string{
		"SELECT count(*) AS n FROM duckdb_views() WHERE temporary AND NOT internal",
		"SELECT count(*) AS n FROM duckdb_tables() WHERE temporary",
		"SELECT count(*) AS n FROM duckdb_variables()",
		"SELECT count(*) AS n FROM duckdb_types() WHERE type_name LIKE '__pivot%'",
	} {
		if out, _ := dump(t, s, q); !strings.Contains(out, "[0]") {
			t.Errorf("%s: %s", q, out)
		}
	}
	if out, _ := dump(t, s, "SELECT count(*) AS n FROM complaints"); !strings.Contains(out, "[4]") {
		t.Errorf("complaints forged: %s", out)
	}
}

func TestStreamingCancel(t *testing.T) {
	path := testdb.Build(t, t.TempDir())
	s, err := Open(context.Background(), path, Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	time.AfterFunc(300*time.Millisecond, cancel)
	err = s.Query(ctx, "SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3", func(r Result) error {
		for r.Next() {
		}
		return nil
	})
	if err == nil || time.Since(start) > 10*time.Second {
		t.Fatalf("cancel: %v after %v", err, time.Since(start))
	}
	if !errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "nterrupt") {
		t.Errorf("cancel error: %v", err)
	}
	// The session goes on.
	out, _ := dump(t, s, "SELECT 42 AS n")
	if !strings.Contains(out, "[42]") {
		t.Errorf("after cancel: %s", out)
	}
}
