//go:build duckdb_arrow

package sandbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

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
	// An expanded PIVOT takes the materialized path and still works.
	if _, ok := dump(t, s, "PIVOT complaints ON status USING count(*) GROUP BY agency"); ok {
		t.Error("expanded PIVOT streamed")
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
