// Package queries holds the named SQL queries analysts run with `rapor query NAME`. Each is a
// .sql file in this directory whose header comment gives its name, title, description and
// parameters:
//
//	-- name: overdue
//	-- title: Tunggakan satu SKPD / Overdue complaints of one SKPD
//	-- description: what it returns (may continue on lines indented by two spaces)
//	-- param: agency text  what the parameter is
//
// Parameters are bound by name ($agency), never formatted into the SQL. Types: text, date
// (YYYY-MM-DD, or YYYY-MM for the month's first day), int, number.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed *.sql
var files embed.FS

//go:embed lookup/*.sql
var lookupFiles embed.FS

// Lookup returns the text of lookup/NAME.sql, the queries rapor query runs around a named
// query (each file says what it returns and its parameters): "agency" resolves an SKPD name,
// "table_rows" tells whether a needed table is filled.
func Lookup(name string) string {
	b, err := lookupFiles.ReadFile("lookup/" + name + ".sql")
	if err != nil {
		panic(err) // a name of this package's own files
	}
	return string(b)
}

// Need is a table a query reads that a rapor command fills: without its rows the query's
// answer would be wrong, not empty.
type Need struct {
	Table   string
	Command string // what fills it
}

// needs are the tables each query reads beyond the complaints; every named query reads the
// tables of rapor build (build_info is written last by a build).
var needs = map[string][]Need{
	"per-capita": {{Table: "area_population", Command: "rapor population FILE.csv"}},
}

// Needs lists the tables q needs filled, in the order to check them.
func (q Query) Needs() []Need {
	return append([]Need{{Table: "build_info", Command: "rapor build"}}, needs[q.Name]...)
}

// Agency reports whether the parameter names an SKPD: its value is resolved against the
// database's agency names (spellings, master names and aliases) before the query runs.
func (p Param) Agency() bool { return p.Name == "agency" && p.Type == "text" }

// Param is one parameter of a query.
type Param struct {
	Name        string
	Type        string // text | date | int | number
	Description string
}

// Query is a named query.
type Query struct {
	Name        string
	Title       string
	Description string
	Params      []Param
	SQL         string
	File        string
}

// All returns the named queries, by name.
func All() ([]Query, error) {
	entries, err := fs.Glob(files, "*.sql")
	if err != nil {
		return nil, err
	}
	var qs []Query
	seen := map[string]string{}
	for _, e := range entries {
		b, err := files.ReadFile(e)
		if err != nil {
			return nil, err
		}
		q, err := Parse(e, string(b))
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[q.Name]; dup {
			return nil, fmt.Errorf("queries %s and %s are both named %q", prev, e, q.Name)
		}
		seen[q.Name] = e
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name })
	return qs, nil
}

// Get returns the query called name.
func Get(name string) (Query, error) {
	qs, err := All()
	if err != nil {
		return Query{}, err
	}
	var names []string
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("no query named %q (known: %s)", name, strings.Join(names, ", "))
}

// Parse reads a query file's header.
func Parse(file, text string) (Query, error) {
	q := Query{File: file, SQL: text}
	var last *string
	for _, line := range strings.Split(text, "\n") {
		l := strings.TrimRight(line, "\r")
		if !strings.HasPrefix(l, "--") {
			break
		}
		body := strings.TrimPrefix(l, "--")
		if strings.HasPrefix(body, "   ") && last != nil { // continuation
			*last += " " + strings.TrimSpace(body)
			continue
		}
		key, val, ok := strings.Cut(strings.TrimSpace(body), ":")
		if !ok {
			last = nil
			continue
		}
		val = strings.TrimSpace(val)
		switch key {
		case "name":
			q.Name, last = val, nil
		case "title":
			q.Title, last = val, &q.Title
		case "description":
			q.Description, last = val, &q.Description
		case "param":
			f := strings.Fields(val)
			if len(f) < 2 {
				return q, fmt.Errorf("%s: param %q: want `-- param: NAME TYPE description`", file, val)
			}
			p := Param{Name: f[0], Type: f[1], Description: strings.Join(f[2:], " ")}
			switch p.Type {
			case "text", "date", "int", "number":
			default:
				return q, fmt.Errorf("%s: param %s: unknown type %q (text, date, int, number)", file, p.Name, p.Type)
			}
			if !strings.Contains(text, "$"+p.Name) {
				return q, fmt.Errorf("%s: param %s is not used as $%s", file, p.Name, p.Name)
			}
			q.Params = append(q.Params, p)
			last = &q.Params[len(q.Params)-1].Description
		default:
			last = nil
		}
	}
	if q.Name == "" {
		return q, fmt.Errorf("%s: no `-- name:` line in the header", file)
	}
	return q, nil
}

// Args checks and converts the given parameter values (name -> text), in the order of Params,
// as name/value pairs for binding.
func (q Query) Args(values map[string]string) ([]NamedArg, error) {
	var out []NamedArg
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
		raw, ok := values[p.Name]
		if !ok {
			return nil, fmt.Errorf("query %s needs --param %s=VALUE (%s: %s)", q.Name, p.Name, p.Type, p.Description)
		}
		v, err := convert(p, raw)
		if err != nil {
			return nil, fmt.Errorf("query %s: --param %s: %w", q.Name, p.Name, err)
		}
		out = append(out, NamedArg{Name: p.Name, Value: v})
	}
	for k := range values {
		if !known[k] {
			return nil, fmt.Errorf("query %s has no parameter %q", q.Name, k)
		}
	}
	return out, nil
}

// NamedArg is a parameter value ready to bind.
type NamedArg struct {
	Name  string
	Value any
}

func convert(p Param, raw string) (any, error) {
	raw = strings.TrimSpace(raw)
	switch p.Type {
	case "date":
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if t, err := time.Parse(layout, raw); err == nil {
				return t.Format("2006-01-02"), nil
			}
		}
		return nil, fmt.Errorf("%q is not a date (YYYY-MM or YYYY-MM-DD)", raw)
	case "int":
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", raw)
		}
		return n, nil
	case "number":
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", raw)
		}
		return f, nil
	}
	return raw, nil
}
