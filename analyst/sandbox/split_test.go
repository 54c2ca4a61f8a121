package sandbox

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"SELECT 1", []string{"SELECT 1"}},
		{"SELECT 1;", []string{"SELECT 1"}},
		{" SELECT 1 ; SELECT 2 ;; ", []string{"SELECT 1", "SELECT 2"}},
		{"SELECT 'a;b', \"c;d\" FROM t; SELECT 2", []string{"SELECT 'a;b', \"c;d\" FROM t", "SELECT 2"}},
		{"SELECT 'it''s; fine'; SELECT 2", []string{"SELECT 'it''s; fine'", "SELECT 2"}},
		{"SELECT E'a\\';b'; SELECT 2", []string{"SELECT E'a\\';b'", "SELECT 2"}},
		{"SELECT $$a;b$$; SELECT $x$ ; $x$", []string{"SELECT $$a;b$$", "SELECT $x$ ; $x$"}},
		{"SELECT 1 -- c; not a split\n; SELECT 2", []string{"SELECT 1 -- c; not a split", "SELECT 2"}},
		{"SELECT /* a; /* nested; */ b; */ 1; SELECT 2", []string{"SELECT /* a; /* nested; */ b; */ 1", "SELECT 2"}},
		{"-- only a comment\n;\n/* and another */", nil},
		{"SELECT $1; SELECT a$b FROM t", []string{"SELECT $1", "SELECT a$b FROM t"}},
		{"SELECT 'unterminated; still one", []string{"SELECT 'unterminated; still one"}},
	}
	for _, c := range cases {
		if got := Split(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestComplete(t *testing.T) {
	cases := map[string]bool{
		"SELECT 1":                   false,
		"SELECT 1;":                  true,
		"SELECT 1;\n":                true,
		"SELECT 1; -- done":          true,
		"SELECT 1; SELECT":           false,
		"SELECT 'a;":                 false,
		"SELECT 'a;';":               true,
		"SELECT 1 /* ; */":           false,
		"SELECT 1; /* open comment":  false,
		"SELECT $$;$$":               false,
		"SELECT $$;$$;":              true,
		"SELECT 1\nFROM t\nWHERE x;": true,
		"":                           false,
	}
	for in, want := range cases {
		if got := Complete(in); got != want {
			t.Errorf("Complete(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFirstWords(t *testing.T) {
	cases := map[string][]string{
		"  select * from t":           {"SELECT"},
		"/* c */ -- x\n pragma foo":   {"PRAGMA"},
		"((SELECT 1))":                {"SELECT"},
		"force install httpfs":        {"FORCE"},
		"CREATE OR REPLACE TABLE x":   {"CREATE"},
		"-- nothing but a comment":    nil,
		"\"quoted\" is not a keyword": nil,
	}
	for in, want := range cases {
		if got := firstWords(in, 1); !reflect.DeepEqual(got, want) {
			t.Errorf("firstWords(%q) = %q, want %q", in, got, want)
		}
	}
	if got := firstWords("force install httpfs", 3); !reflect.DeepEqual(got, []string{"FORCE", "INSTALL", "HTTPFS"}) {
		t.Errorf("firstWords 3 = %q", got)
	}
}

func TestExplainAnalyzed(t *testing.T) {
	cases := map[string]string{
		"EXPLAIN ANALYZE SELECT 1":                      "SELECT 1",
		"explain (format json, analyze) COPY t TO 'x'":  "COPY t TO 'x'",
		"EXPLAIN ANALYZE (SELECT 1)":                    "(SELECT 1)",
		"EXPLAIN (ANALYSE) CREATE TABLE x (a INT)":      "CREATE TABLE x (a INT)",
		"/* c */ EXPLAIN -- x\n ANALYZE\nINSERT INTO t": "INSERT INTO t",
	}
	for in, want := range cases {
		if got, ok := explainAnalyzed(in); !ok || got != want {
			t.Errorf("explainAnalyzed(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"EXPLAIN SELECT 1", "EXPLAIN (FORMAT json) SELECT 1", "SELECT 1", "ANALYZE"} {
		if _, ok := explainAnalyzed(in); ok {
			t.Errorf("explainAnalyzed(%q) ok", in)
		}
	}
}
