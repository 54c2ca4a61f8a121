package transform

import (
	"context"
	"database/sql"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// tableColumns lists the columns of every table of the database, temporary tables included when
// read inside the build (through the beforeTests hook).
func tableColumns(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string][]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name IN ('temp', current_database()) AND schema_name = 'main' ORDER BY table_name, column_index`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		out[t] = append(out[t], c)
	}
	return out, rows.Err()
}

// builtColumns builds the fixture and returns the columns of every table, intermediates included.
func builtColumns(t *testing.T) map[string][]string {
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	var cols map[string][]string
	build(t, db, cfg, func(o *options) {
		o.beforeTests = func(ctx context.Context, tx *sql.Tx) (err error) {
			cols, err = tableColumns(ctx, tx)
			return err
		}
	})
	after, err := tableColumns(context.Background(), db.DB)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range after {
		cols[k] = v // build_runs is written after the transaction
	}
	return cols
}

var colLine = regexp.MustCompile(`^--   ([a-z_0-9, ]+?)(\s{2,}.*)?$`)

// TestModelHeaders: every model names its grain and lists exactly the columns of its table.
func TestModelHeaders(t *testing.T) {
	cols := builtColumns(t)
	for _, m := range Models() {
		if !strings.Contains(m.SQL, "-- Grain:") || !strings.Contains(m.SQL, "-- Columns:") {
			t.Errorf("%s: header must give its grain (-- Grain:) and columns (-- Columns:)", m.File)
			continue
		}
		if !strings.HasPrefix(m.SQL, "-- "+m.Name+":") && !strings.HasPrefix(m.SQL, "-- "+m.Name+" (intermediate") {
			t.Errorf("%s: header must start with the table's name", m.File)
		}
		if strings.Contains(m.SQL, "(intermediate") != m.Temp {
			t.Errorf("%s: intermediate models, and only they, create TEMP tables", m.File)
		}
		var documented []string
		in := false
		for _, line := range strings.Split(m.SQL, "\n") {
			if strings.HasPrefix(line, "-- Columns:") {
				in = true
				continue
			}
			if !in {
				continue
			}
			if !strings.HasPrefix(line, "--") {
				break
			}
			if g := colLine.FindStringSubmatch(line); g != nil {
				for _, c := range strings.Split(g[1], ",") {
					if c = strings.TrimSpace(c); c != "" {
						documented = append(documented, c)
					}
				}
			}
		}
		actual, ok := cols[m.Name]
		if !ok {
			t.Errorf("%s: table %s not found", m.File, m.Name)
			continue
		}
		if d, a := sorted(documented), sorted(actual); strings.Join(d, " ") != strings.Join(a, " ") {
			t.Errorf("%s: header lists %v\n  the table has %v", m.File, missing(d, a), missing(a, d))
		}
	}
}

// TestDataDictionary: queries/README.md documents every column of every table analysts query.
func TestDataDictionary(t *testing.T) {
	b, err := os.ReadFile("../queries/README.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	parts := strings.Split(string(b), "\n### ")
	for _, p := range parts[1:] {
		name, body, _ := strings.Cut(p, "\n")
		if i := strings.Index(body, "\n## "); i >= 0 {
			body = body[:i]
		}
		sections[strings.TrimSpace(name)] = body
	}
	cols := builtColumns(t)
	temp := map[string]bool{"test_facts": true}
	for _, m := range Models() {
		if m.Temp {
			temp[m.Name] = true
		}
	}
	for table, cs := range cols {
		if temp[table] || table == "schema_migrations" || strings.HasPrefix(table, "rapor_") {
			continue
		}
		body, ok := sections[table]
		if !ok {
			t.Errorf("queries/README.md has no section for table %s", table)
			continue
		}
		for _, c := range cs {
			if !strings.Contains(body, "`"+c+"`") {
				t.Errorf("queries/README.md, %s: column %s is not documented", table, c)
			}
		}
	}
	for name := range sections {
		if _, ok := cols[name]; !ok {
			t.Errorf("queries/README.md documents %s, which the database does not have", name)
		}
	}
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// missing returns the elements of a not in b.
func missing(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}
