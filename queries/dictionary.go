package queries

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hsu-lapor/rapor/store"
)

// The data dictionary is README.md's "## Tables" section: a "### table" heading, a paragraph
// saying what the table holds, and a table with one row per column (or per list of columns
// sharing a definition). The same text becomes the database's comments (COMMENT ON), so that
// DBeaver, the DuckDB CLI and rapor sql's .schema show each definition.
//
//go:embed README.md
var readme string

// Table is one table's entry in the dictionary.
type Table struct {
	Name    string
	Comment string
	Columns map[string]string // column -> comment
	Order   []string          // columns in the order documented
}

// Dictionary parses the data dictionary. A column whose meaning starts "as in `other`" takes
// other's definition of the same column, followed by the rest of the sentence.
func Dictionary() (map[string]*Table, error) { return parseDictionary(readme) }

var (
	rowNames = regexp.MustCompile("`([a-z_0-9]+)`")
	asIn     = regexp.MustCompile("^as in `([a-z_0-9]+)`[,;]?\\s*(.*)$")
)

type rawColumn struct{ typ, unit, meaning string }

func parseDictionary(text string) (map[string]*Table, error) {
	_, tables, ok := strings.Cut(text, "\n## Tables\n")
	if !ok {
		return nil, fmt.Errorf("queries/README.md: no \"## Tables\" section")
	}
	if i := strings.Index(tables, "\n## "); i >= 0 {
		tables = tables[:i]
	}
	raw := map[string]map[string]rawColumn{}
	out := map[string]*Table{}
	for _, sec := range strings.Split(tables, "\n### ")[1:] {
		name, body, _ := strings.Cut(sec, "\n")
		t := &Table{Name: strings.TrimSpace(name), Columns: map[string]string{}}
		raw[t.Name] = map[string]rawColumn{}
		var para []string
		inPara := true
		for _, line := range strings.Split(body, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(line, "|"):
				inPara = false
				cells := strings.Split(strings.Trim(line, "|"), "|")
				if len(cells) != 4 || strings.TrimSpace(cells[0]) == "column" || strings.HasPrefix(strings.TrimSpace(cells[0]), "---") {
					continue
				}
				c := rawColumn{strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2]), strings.TrimSpace(cells[3])}
				names := rowNames.FindAllStringSubmatch(cells[0], -1)
				if strings.Contains(cells[0], "...") {
					return nil, fmt.Errorf("queries/README.md, %s: %q: list the columns (a, b, c), not a range", t.Name, strings.TrimSpace(cells[0]))
				}
				for _, n := range names {
					raw[t.Name][n[1]] = c
					t.Order = append(t.Order, n[1])
				}
			case line == "":
				if len(para) > 0 {
					inPara = false
				}
			case inPara:
				para = append(para, line)
			}
		}
		t.Comment = plain(strings.Join(para, " "))
		out[t.Name] = t
	}
	var resolve func(table, col string, depth int) (string, error)
	resolve = func(table, col string, depth int) (string, error) {
		c, ok := raw[table][col]
		if !ok {
			return "", fmt.Errorf("queries/README.md, %s: no entry for column %s", table, col)
		}
		if m := asIn.FindStringSubmatch(c.meaning); m != nil && depth < 5 {
			base, err := resolve(m[1], col, depth+1)
			if err != nil {
				return "", fmt.Errorf("%s.%s is \"as in %s\": %w", table, col, m[1], err)
			}
			if rest := plain(m[2]); rest != "" {
				base += "; " + rest
			}
			return base, nil
		}
		s := plain(c.meaning)
		if c.unit != "" {
			s += " [" + plain(c.unit) + "]"
		}
		return s, nil
	}
	for name, t := range out {
		for _, col := range t.Order {
			s, err := resolve(name, col, 0)
			if err != nil {
				return nil, err
			}
			t.Columns[col] = s
		}
	}
	return out, nil
}

// plain drops the Markdown a database client would show literally.
func plain(s string) string {
	s = strings.NewReplacer("`", "", "**", "", "\\|", "|").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// Execer is a database handle or transaction.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Describe writes the dictionary's definitions as comments on the tables, views and columns
// of db that it documents (COMMENT ON takes no parameters, hence quoted literals). Tables the
// dictionary lacks are left alone; the dictionary's test names them.
func Describe(ctx context.Context, db Execer) error {
	dict, err := Dictionary()
	if err != nil {
		return err
	}
	objects, err := Objects(ctx, db)
	if err != nil {
		return err
	}
	var stmts []string
	for _, o := range objects {
		t, ok := dict[o.Table]
		if !ok {
			continue
		}
		// Only what differs: a rebuilt table has lost its comments, the ingest tables keep theirs.
		switch want := t.Columns[o.Column]; {
		case o.Column == "" && o.Comment != t.Comment:
			stmts = append(stmts, fmt.Sprintf("COMMENT ON %s %s IS %s", o.Kind, store.QuoteIdent(o.Table), store.QuoteLiteral(t.Comment)))
		case o.Column != "" && want != "" && o.Comment != want:
			stmts = append(stmts, fmt.Sprintf("COMMENT ON COLUMN %s.%s IS %s", store.QuoteIdent(o.Table), store.QuoteIdent(o.Column), store.QuoteLiteral(want)))
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	if _, err := db.ExecContext(ctx, strings.Join(stmts, ";\n")); err != nil {
		return fmt.Errorf("comments from the data dictionary: %w", err)
	}
	return nil
}

// Object is a table or view (Column "") or one of its columns, with its comment.
type Object struct{ Kind, Table, Column, Comment string }

// Objects lists the permanent tables and views of db's main schema and their columns, rapor's
// own bookkeeping (schema_migrations, rapor_*) left out.
func Objects(ctx context.Context, db Execer) ([]Object, error) {
	rows, err := db.QueryContext(ctx, query("objects"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Object
	for rows.Next() {
		var o Object
		var comment sql.NullString
		if err := rows.Scan(&o.Kind, &o.Table, &o.Column, &comment); err != nil {
			return nil, err
		}
		o.Comment = comment.String
		out = append(out, o)
	}
	return out, rows.Err()
}

// Undocumented lists, one sentence each, the tables and columns of objects that the dictionary
// has no entry for, and the entries for tables the database does not have.
func Undocumented(dict map[string]*Table, objects []Object) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range objects {
		seen[o.Table] = true
		t, ok := dict[o.Table]
		switch {
		case !ok && o.Column == "":
			out = append(out, fmt.Sprintf("queries/README.md has no section \"### %s\" (a sentence on what the table holds, then a row per column)", o.Table))
		case ok && o.Column != "" && t.Columns[o.Column] == "":
			out = append(out, fmt.Sprintf("queries/README.md, ### %s: no row for column %s (| `%s` | TYPE | unit | meaning |)", o.Table, o.Column, o.Column))
		case ok && o.Column == "" && t.Comment == "":
			out = append(out, fmt.Sprintf("queries/README.md, ### %s: no sentence on what the table holds before its columns", o.Table))
		}
	}
	var names []string
	for n := range dict {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !seen[n] {
			out = append(out, fmt.Sprintf("queries/README.md documents %s, which the database does not have", n))
		}
	}
	return out
}

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it returns).
var query = store.SQLDir(sqlFiles, "sql")
