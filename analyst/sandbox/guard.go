//go:build duckdb_arrow

package sandbox

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The guard. Everything here is decided by DuckDB's own parser, not by rapor's splitter:
//
//  1. DuckDB splits the text (duckdb_extract_statements): what runs is exactly the statements
//     DuckDB found, each of which is checked.
//  2. Before anything is prepared (binding a table function such as enable_logging already
//     acts), DuckDB parses the text into its syntax tree (json_serialize_sql) and every table
//     function the tree names must be on the allow-list below. Text DuckDB cannot serialize
//     (EXPLAIN, CALL, PIVOT without values) is refused when it names any table function not on
//     the list, anywhere in the text, comments and strings included.
//  3. Each statement is prepared and its type (the prepared statement's StatementType) must be
//     a query's.
//  4. A PIVOT whose values are not listed is expanded by DuckDB into CREATE TYPE statements and
//     the query: those run inside a transaction that is rolled back after the query, so no
//     statement of any kind hidden in front of it can leave anything behind.
//
// The splitter (Split) only cuts a script into the pieces that are reported one by one; a
// mistake there makes a piece DuckDB reads as two statements, which is refused.

// tableFuncs classifies DuckDB's built-in table functions: allowed (queries of the database
// and generators), file readers (refused as file access) and the rest (refused: they change the
// session — logging, profiling, checkpoints — or take raw pointers). A built-in table function
// not listed here (a new DuckDB version) is refused.
var allowedTableFuncs = map[string]bool{
	"range": true, "generate_series": true, "unnest": true, "repeat": true, "repeat_row": true,
	"summary": true, "query_table": true, "test_all_types": true, "test_vector_types": true,
	"icu_calendar_names": true, "pg_timezone_names": true, "json_each": true, "json_tree": true,
	"sql_auto_complete": true, "which_secret": true, "query": true, // query: its text is checked too
}

var fileTableFuncs = map[string]bool{
	"read_csv": true, "read_csv_auto": true, "read_json": true, "read_json_auto": true,
	"read_json_objects": true, "read_json_objects_auto": true, "read_ndjson": true,
	"read_ndjson_auto": true, "read_ndjson_objects": true, "read_ndjson_objects_auto": true,
	"read_parquet": true, "parquet_scan": true, "parquet_metadata": true,
	"parquet_file_metadata": true, "parquet_full_metadata": true, "parquet_kv_metadata": true,
	"parquet_schema": true, "parquet_bloom_probe": true, "read_text": true, "read_blob": true,
	"read_duckdb": true, "glob": true, "sniff_csv": true,
}

// writeScalars are scalar functions that change the database (sequences).
var writeScalars = map[string]bool{"nextval": true, "currval": true}

func tableFuncAllowed(name string) bool {
	if allowedTableFuncs[name] {
		return true
	}
	// The catalogue's own views (duckdb_tables, pragma_table_info, ...) only read.
	return strings.HasPrefix(name, "duckdb_") || strings.HasPrefix(name, "pragma_")
}

// builtinTableFuncs lists DuckDB's built-in table functions (read once per session).
func builtinTableFuncs(ctx context.Context, c driver.Conn) (map[string]bool, error) {
	rows, err := c.(driver.QueryerContext).QueryContext(ctx,
		"SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'table' AND internal", nil)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	v := make([]driver.Value, 1)
	for {
		if err := rows.Next(v); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		out[strings.ToLower(fmt.Sprint(v[0]))] = true
	}
	return out, nil
}

// extracted is DuckDB's split of one text.
type extracted struct {
	conn bindings.Connection
	ex   bindings.ExtractedStatements
	n    int
}

func extract(c driver.Conn, stmt string) (*extracted, error) {
	conn, ok := rawConn(c)
	if !ok {
		// The guard needs DuckDB's own split; without it nothing runs.
		return nil, errNoStream
	}
	e := &extracted{conn: conn}
	e.n = int(bindings.ExtractStatements(conn, stmt, &e.ex))
	if e.n == 0 {
		msg := bindings.ExtractStatementsError(e.ex)
		bindings.DestroyExtracted(&e.ex)
		if msg == "" {
			return nil, errEmpty
		}
		return nil, duckdbError(msg)
	}
	return e, nil
}

func (e *extracted) close() { bindings.DestroyExtracted(&e.ex) }

// prepare prepares statement i; the caller destroys it.
func (e *extracted) prepare(i int) (bindings.PreparedStatement, error) {
	var ps bindings.PreparedStatement
	if bindings.PrepareExtractedStatement(e.conn, e.ex, bindings.IdxT(i), &ps) == bindings.StateError {
		err := duckdbError(bindings.PrepareError(ps))
		bindings.DestroyPrepare(&ps)
		return ps, err
	}
	return ps, nil
}

// duckdbError makes an error of a C API message, its type recovered from the message's prefix
// ("Catalog Error: ...") as duckdb-go does.
func duckdbError(msg string) error {
	t := duckdb.ErrorTypeInvalid
	for prefix, pt := range map[string]duckdb.ErrorType{
		"Parser Error": duckdb.ErrorTypeParser, "Catalog Error": duckdb.ErrorTypeCatalog,
		"Binder Error": duckdb.ErrorTypeBinder, "Permission Error": duckdb.ErrorTypePermission,
		"Invalid Input Error": duckdb.ErrorTypeInvalidInput, "Out of Memory Error": duckdb.ErrorTypeOutOfMemory,
		"INTERRUPT Error": duckdb.ErrorTypeInterrupt, "IO Error": duckdb.ErrorTypeIO,
		"Invalid Configuration Error": duckdb.ErrorTypeInvalidConfiguration,
	} {
		if strings.HasPrefix(msg, prefix) {
			t = pt
		}
	}
	return &duckdb.Error{Type: t, Msg: msg}
}

func preparedType(ps bindings.PreparedStatement) duckdb.StmtType {
	return duckdb.StmtType(bindings.PreparedStatementType(ps))
}

// plan is what vet decided about one piece of text.
type plan struct {
	typ duckdb.StmtType
	// pivot: DuckDB expands the piece into CREATE TYPE statements before the query.
	pivot bool
}

// vet checks one statement (as the splitter cut it) without running anything of it.
func (s *Session) vet(ctx context.Context, c driver.Conn, stmt string) (plan, error) {
	if err := precheck(stmt, s.tz); err != nil {
		return plan{}, err
	}
	e, err := extract(c, stmt)
	if err != nil {
		return plan{}, classify(stmt, err, s.tz)
	}
	defer e.close()
	tree, serr := s.serialize(ctx, c, stmt)
	if serr == nil {
		// Only SELECT statements serialize: a query, fully visible to the check.
		if len(tree) != 1 || e.n != 1 {
			return plan{}, &RefusedError{Kind: KindMulti, Statement: stmt}
		}
		if err := s.checkTree(ctx, c, stmt, tree); err != nil {
			return plan{}, err
		}
		return s.prepareType(e, stmt, 0)
	}
	// Not a plain query: nothing in the text may name a table function off the list.
	if err := s.checkWords(stmt); err != nil {
		return plan{}, err
	}
	first := firstWords(stmt, 1)
	lead := ""
	if len(first) > 0 {
		lead = first[0]
	}
	switch {
	case e.n == 1 && lead == "EXPLAIN":
		// Only a query may be explained: EXPLAIN ANALYZE runs what it explains, and whether
		// ANALYZE is there must not hang on where rapor thinks a comment ends.
		inner, ok := explainAnalyzed(stmt)
		if !ok {
			inner = explained(stmt)
		}
		tree, err := s.serialize(ctx, c, inner)
		if err != nil || len(tree) != 1 {
			if _, err := s.vet(ctx, c, inner); err != nil {
				return plan{}, err // the refusal the explained statement gets on its own
			}
			return plan{}, &RefusedError{Kind: KindOther, Statement: stmt, TimeZone: s.tz}
		}
		if err := s.checkTree(ctx, c, stmt, tree); err != nil {
			return plan{}, err
		}
		return s.prepareType(e, stmt, 0)
	case e.n == 1 && lead == "CALL":
		// CALL f(...) is SELECT * FROM f(...): the same check of f.
		rest := strings.TrimSpace(skipBlank(stmt)[len("CALL"):])
		tree, err := s.serialize(ctx, c, "SELECT * FROM "+rest)
		if err != nil || len(tree) != 1 {
			return plan{}, &RefusedError{Kind: KindOther, Statement: stmt, TimeZone: s.tz}
		}
		if err := s.checkTree(ctx, c, stmt, tree); err != nil {
			return plan{}, err
		}
		return s.prepareType(e, stmt, 0)
	case e.n == 1:
		return s.prepareType(e, stmt, 0)
	}
	// Several statements in one piece: either DuckDB's expansion of a PIVOT (CREATE TYPE ...
	// then the query) or text the splitter read as one statement and DuckDB as several.
	if !hasWord(stmt, "PIVOT") || len(Split(stmt)) != 1 {
		return plan{}, &RefusedError{Kind: KindMulti, Statement: stmt}
	}
	for i := 0; i < e.n-1; i++ {
		ps, err := e.prepare(i)
		if err != nil {
			return plan{}, classify(stmt, err, s.tz)
		}
		t := preparedType(ps)
		bindings.DestroyPrepare(&ps)
		if t != duckdb.STATEMENT_TYPE_CREATE {
			return plan{}, &RefusedError{Kind: KindMulti, Statement: stmt}
		}
	}
	return plan{typ: duckdb.STATEMENT_TYPE_SELECT, pivot: true}, nil
}

func (s *Session) prepareType(e *extracted, stmt string, i int) (plan, error) {
	ps, err := e.prepare(i)
	if err != nil {
		return plan{}, classify(stmt, err, s.tz)
	}
	t := preparedType(ps)
	bindings.DestroyPrepare(&ps)
	if err := allowType(stmt, t, s.tz); err != nil {
		return plan{}, err
	}
	return plan{typ: t}, nil
}

// serialize returns DuckDB's syntax trees of the statements in text, or an error when DuckDB
// cannot serialize them (any statement that is not a SELECT, or a parse error).
func (s *Session) serialize(ctx context.Context, c driver.Conn, text string) ([]any, error) {
	rows, err := c.(driver.QueryerContext).QueryContext(ctx, "SELECT json_serialize_sql($1::VARCHAR)::VARCHAR",
		[]driver.NamedValue{{Ordinal: 1, Value: text}})
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		return nil, err
	}
	var doc struct {
		Error      bool   `json:"error"`
		Message    string `json:"error_message"`
		Statements []any  `json:"statements"`
	}
	if err := json.Unmarshal([]byte(fmt.Sprint(v[0])), &doc); err != nil {
		return nil, err
	}
	if doc.Error {
		return nil, fmt.Errorf("json_serialize_sql: %s", doc.Message)
	}
	return doc.Statements, nil
}

// checkTree walks DuckDB's syntax tree of stmt for the functions it calls.
func (s *Session) checkTree(ctx context.Context, c driver.Conn, stmt string, tree any) error {
	switch n := tree.(type) {
	case []any:
		for _, x := range n {
			if err := s.checkTree(ctx, c, stmt, x); err != nil {
				return err
			}
		}
	case map[string]any:
		if n["type"] == "TABLE_FUNCTION" {
			if f, ok := n["function"].(map[string]any); ok {
				if err := s.checkTableFunc(ctx, c, stmt, f); err != nil {
					return err
				}
			}
		}
		if n["class"] == "FUNCTION" {
			if name, _ := n["function_name"].(string); writeScalars[strings.ToLower(name)] {
				return &RefusedError{Kind: KindWrite, Statement: stmt, What: name, TimeZone: s.tz}
			}
		}
		for _, x := range n {
			if err := s.checkTree(ctx, c, stmt, x); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Session) checkTableFunc(ctx context.Context, c driver.Conn, stmt string, f map[string]any) error {
	name, _ := f["function_name"].(string)
	name = strings.ToLower(name)
	switch {
	case fileTableFuncs[name]:
		return &RefusedError{Kind: KindFile, Statement: stmt, What: name, TimeZone: s.tz}
	case name == "query":
		// query('...') runs its text: only a constant text, itself checked.
		args, _ := f["children"].([]any)
		text, ok := constantText(args)
		if !ok {
			return &RefusedError{Kind: KindFunction, Statement: stmt, What: "query(...)", TimeZone: s.tz}
		}
		tree, err := s.serialize(ctx, c, text)
		if err != nil || len(tree) != 1 {
			return &RefusedError{Kind: KindFunction, Statement: stmt, What: "query(...)", TimeZone: s.tz}
		}
		return s.checkTree(ctx, c, stmt, tree)
	case tableFuncAllowed(name):
		return nil
	case s.builtins[name]:
		return &RefusedError{Kind: KindFunction, Statement: stmt, What: name, TimeZone: s.tz}
	}
	// Not built in: a table macro of the database (or unknown, which DuckDB reports).
	return nil
}

// constantText returns the value of a single constant VARCHAR argument.
func constantText(args []any) (string, bool) {
	if len(args) != 1 {
		return "", false
	}
	a, _ := args[0].(map[string]any)
	if a["class"] != "CONSTANT" {
		return "", false
	}
	v, _ := a["value"].(map[string]any)
	t, _ := v["type"].(map[string]any)
	str, ok := v["value"].(string)
	return str, ok && t["id"] == "VARCHAR"
}

// checkWords refuses text naming a built-in table function that is not allowed, as a word
// anywhere in it (comments and literals included: this check must not depend on knowing
// where they are). It guards the statements DuckDB cannot show as a syntax tree.
func (s *Session) checkWords(stmt string) error {
	// (DuckDB's parser does not implement U&"..." identifiers, which could spell a name
	// otherwise.)
	low := strings.ToLower(stmt)
	for i := 0; i < len(low); {
		if !wordByte(low[i]) {
			i++
			continue
		}
		j := i
		for j < len(low) && wordByte(low[j]) {
			j++
		}
		w := low[i:j]
		i = j
		if s.builtins[w] && !fileTableFuncs[w] && (!tableFuncAllowed(w) || w == "query") {
			return &RefusedError{Kind: KindFunction, Statement: stmt, What: w, TimeZone: s.tz}
		}
	}
	return nil
}

func wordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// explained returns the statement an EXPLAIN (without ANALYZE) wraps, "" if unclear.
func explained(stmt string) string {
	s := skipBlank(stmt)
	s = skipBlank(s[len("EXPLAIN"):])
	if strings.HasPrefix(s, "(") {
		inner := firstWords(s, 1)
		if len(inner) > 0 && inner[0] != "SELECT" && inner[0] != "WITH" && inner[0] != "FROM" {
			end := strings.IndexByte(s, ')')
			if end < 0 {
				return ""
			}
			s = s[end+1:]
		}
	}
	return strings.TrimSpace(s)
}
