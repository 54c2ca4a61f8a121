package queries

import (
	"reflect"
	"strings"
	"testing"
)

const sampleDict = "# x\n\n## Tables\n\n### a\n\nWhat a holds.\n\n| column | type | unit | meaning |\n|---|---|---|---|\n" +
	"| `k` | VARCHAR | | the key |\n| `n`, `m` | BIGINT | complaints | counted `things` |\n\n" +
	"### b\n\nB, over periods.\n\n| column | type | unit | meaning |\n|---|---|---|---|\n| `k`, `n` | | | as in `a`, over the period |\n\n## After\n\n### c\n"

func TestParseDictionary(t *testing.T) {
	d, err := parseDictionary(sampleDict)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, column, want string }{
		{"a", "", "What a holds."},
		{"a", "k", "the key"},
		{"a", "m", "counted things [complaints]"},
		{"b", "", "B, over periods."},
		{"b", "n", "counted things [complaints]; over the period"},
	} {
		got := d[c.table].Comment
		if c.column != "" {
			got = d[c.table].Columns[c.column]
		}
		if got != c.want {
			t.Errorf("%s.%s: %q, want %q", c.table, c.column, got, c.want)
		}
	}
	if _, ok := d["c"]; ok {
		t.Error("a section after ## Tables' end was read as a table")
	}
	for _, bad := range []string{
		strings.Replace(sampleDict, "| `n`, `m` |", "| `n` ... `m` |", 1),             // a range
		strings.Replace(sampleDict, "as in `a`", "as in `zz`", 1),                     // a missing reference
		strings.Replace(sampleDict, "| `k`, `n` | | | as in", "| `q` | | | as in", 1), // a column a lacks
	} {
		if _, err := parseDictionary(bad); err == nil {
			t.Errorf("no error for\n%s", bad)
		}
	}
}

func TestUndocumented(t *testing.T) {
	d, _ := parseDictionary(sampleDict)
	got := Undocumented(d, []Object{
		{Kind: "TABLE", Table: "a"}, {Kind: "TABLE", Table: "a", Column: "k"}, {Kind: "TABLE", Table: "a", Column: "extra"},
		{Kind: "TABLE", Table: "new_table"}, {Kind: "TABLE", Table: "new_table", Column: "x"},
	})
	want := []string{
		"queries/README.md, ### a: no row for column extra (| `extra` | TYPE | unit | meaning |)",
		`queries/README.md has no section "### new_table" (a sentence on what the table holds, then a row per column)`,
		"queries/README.md documents b, which the database does not have",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadmeDictionary: the real dictionary parses, and every table says what it holds.
func TestReadmeDictionary(t *testing.T) {
	d, err := Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	if len(d) < 20 {
		t.Errorf("%d tables", len(d))
	}
	for name, tb := range d {
		if tb.Comment == "" || len(tb.Columns) == 0 {
			t.Errorf("%s: comment %q, %d columns", name, tb.Comment, len(tb.Columns))
		}
	}
}
