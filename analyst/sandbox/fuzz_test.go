//go:build duckdb_arrow

package sandbox

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"
	"testing"
	"unicode/utf8"

	bindings "github.com/duckdb/duckdb-go-bindings"
	_ "github.com/duckdb/duckdb-go/v2"
)

// FuzzSplit checks that rapor's splitter agrees with DuckDB's own (duckdb_extract_statements)
// on every text DuckDB can parse: as many pieces as DuckDB finds statements, and each piece one
// statement for DuckDB. (The guard does not rely on this — a piece DuckDB reads as several
// statements is refused — but a disagreement would refuse or mis-report analysts' scripts.)
// Extracting only parses: nothing runs.
//
// The default test run tries the seeds; a longer search:
//
//	go test -tags duckdb_arrow -run '^$' -fuzz FuzzSplit -fuzztime 10m ./analyst/sandbox/
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"SELECT 1", "SELECT 1; SELECT 2", "SELECT 1 --x\r; SELECT 2", "SELECT 1 -- c; x\n; SELECT 2",
		"SELECT /* a; /* b; */ c; */ 1; SELECT 2", "SELECT 'a;b', \"c;d\"; SELECT 2",
		"SELECT 'it''s;'; SELECT 2", "SELECT E'a\\';b'; SELECT 2", "SELECT 'a\\'; SELECT 2",
		"SELECT $$a;b$$; SELECT $x$;$x$", "SELECT $1; SELECT a$b FROM t", "SELECT x'0a;'; SELECT b'1;'",
		";;SELECT 1;;", "-- only\n;", "SELECT 1 --\r\n; SELECT 2", "SELECT \"a\"\"b;\"; SELECT 3",
		"SELECT 1/*;*/;SELECT 2", "SELECT e'\\\\'; SELECT 2", "SELECT $tag$ $x$; $tag$; SELECT 2",
		"SELECT 1 -\r-; SELECT 2", "SELECT ';' -- ';\r'; SELECT 2", "SELECT 1\f;\vSELECT 2",
	} {
		f.Add(s)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		f.Fatal(err)
	}
	defer conn.Close()
	var raw bindings.Connection
	conn.Raw(func(dc any) error {
		var ok bool
		raw, ok = rawConn(dc.(driver.Conn))
		if !ok {
			f.Fatal("no C connection")
		}
		return nil
	})
	count := func(s string) int {
		var ex bindings.ExtractedStatements
		n := bindings.ExtractStatements(raw, s, &ex)
		bindings.DestroyExtracted(&ex)
		return int(n)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.IndexByte(src, 0) >= 0 || !utf8.ValidString(src) || hasWord(src, "PIVOT") {
			// C strings end at NUL; DuckDB's scanner drops bytes that are not UTF-8 (rapor
			// reads SQL as UTF-8 text); DuckDB expands a PIVOT into several statements.
			return
		}
		n := count(src)
		if n == 0 {
			return // DuckDB cannot parse it (or it is empty): it would run nothing
		}
		pieces := Split(src)
		if len(pieces) != n {
			t.Fatalf("Split(%q) = %d pieces %q, DuckDB finds %d statements", src, len(pieces), pieces, n)
		}
		for _, p := range pieces {
			if m := count(p); m != 1 {
				t.Fatalf("Split(%q): piece %q is %d statements for DuckDB", src, p, m)
			}
		}
	})
}
