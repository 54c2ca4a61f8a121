package sandbox

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

// Kind says what a refused statement tried to do.
type Kind string

const (
	KindWrite     Kind = "write"     // change the database
	KindFile      Kind = "file"      // read or write files outside the database
	KindAttach    Kind = "attach"    // open another database
	KindExtension Kind = "extension" // install or load a DuckDB extension
	KindSetting   Kind = "setting"   // SET, RESET, PRAGMA
	KindMulti     Kind = "multi"     // several statements where one was expected
	KindFunction  Kind = "function"  // a table function the sandbox does not run
	KindOther     Kind = "other"     // any other statement that is not a query
)

// RefusedError is a statement the sandbox does not run (or that DuckDB's sandbox stopped).
// The database is unchanged.
type RefusedError struct {
	Kind      Kind
	Statement string
	// What names the refused operation (e.g. "CREATE TABLE", "COPY", "read_csv").
	What string
	// TimeZone is the session's zone, which the message for settings mentions.
	TimeZone string
	// Cause is DuckDB's own error, when DuckDB refused.
	Cause error
}

func (e *RefusedError) Error() string {
	what := e.What
	if what == "" {
		what = strings.Join(firstWords(e.Statement, 1), " ")
	}
	var s string
	switch e.Kind {
	case KindSetting:
		s = msg.T("sql_refused_"+string(e.Kind), what, e.TimeZone)
	default:
		s = msg.T("sql_refused_"+string(e.Kind), what)
	}
	if e.Cause != nil && e.Kind != KindMulti {
		s += " [DuckDB: " + firstLine(e.Cause.Error()) + "]"
	}
	return s
}

func (e *RefusedError) Unwrap() error { return e.Cause }

// IsRefused reports whether err is a statement the sandbox refused.
func IsRefused(err error) bool {
	var re *RefusedError
	return errors.As(err, &re)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// precheck refuses by the statement's leading keywords, before DuckDB sees it: statements
// whose preparation alone could touch something (COPY binds its target file, PRAGMA may run
// when prepared) and those DuckDB rewrites into query types (PRAGMA table_info is a SELECT).
func precheck(stmt, tz string) error {
	w := firstWords(stmt, 3)
	if len(w) == 0 {
		return nil
	}
	refuse := func(k Kind, what string) error {
		return &RefusedError{Kind: k, Statement: stmt, What: what, TimeZone: tz}
	}
	switch w[0] {
	case "PRAGMA", "SET", "RESET":
		return refuse(KindSetting, w[0])
	case "COPY", "EXPORT", "IMPORT":
		return refuse(KindFile, w[0])
	case "ATTACH", "DETACH":
		return refuse(KindAttach, w[0])
	case "INSTALL", "LOAD":
		return refuse(KindExtension, w[0])
	case "FORCE", "UPDATE":
		if len(w) > 1 && (w[1] == "INSTALL" || w[1] == "EXTENSIONS") {
			return refuse(KindExtension, w[0]+" "+w[1])
		}
	}
	return nil
}

// allowType lets queries through and refuses every other statement type.
func allowType(stmt string, t duckdb.StmtType, tz string) error {
	var k Kind
	switch t {
	case duckdb.STATEMENT_TYPE_SELECT, duckdb.STATEMENT_TYPE_EXPLAIN, duckdb.STATEMENT_TYPE_CALL,
		duckdb.STATEMENT_TYPE_TRANSACTION:
		return nil
	case duckdb.STATEMENT_TYPE_INSERT, duckdb.STATEMENT_TYPE_UPDATE, duckdb.STATEMENT_TYPE_DELETE,
		duckdb.STATEMENT_TYPE_CREATE, duckdb.STATEMENT_TYPE_CREATE_FUNC, duckdb.STATEMENT_TYPE_ALTER,
		duckdb.STATEMENT_TYPE_DROP, duckdb.STATEMENT_TYPE_VACUUM, duckdb.STATEMENT_TYPE_ANALYZE:
		k = KindWrite
	case duckdb.STATEMENT_TYPE_COPY, duckdb.STATEMENT_TYPE_EXPORT:
		k = KindFile
	case duckdb.STATEMENT_TYPE_ATTACH, duckdb.STATEMENT_TYPE_DETACH:
		k = KindAttach
	case duckdb.STATEMENT_TYPE_LOAD, duckdb.STATEMENT_TYPE_EXTENSION:
		k = KindExtension
	case duckdb.STATEMENT_TYPE_SET, duckdb.STATEMENT_TYPE_VARIABLE_SET, duckdb.STATEMENT_TYPE_PRAGMA:
		k = KindSetting
	default:
		k = KindOther
	}
	return &RefusedError{Kind: k, Statement: stmt, TimeZone: tz}
}

func isWriteVerb(w []string) bool {
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "INSERT", "UPDATE", "DELETE", "TRUNCATE", "MERGE", "WITH", "EXPLAIN", "CREATE", "DROP", "ALTER":
		return true
	}
	return false
}

// accessPath finds the file in DuckDB's "Cannot access file "/x" - ..." refusals.
var accessPath = regexp.MustCompile(`Cannot access (?:file|directory) "([^"]*)"`)

// classify turns DuckDB's refusals into RefusedErrors and leaves other errors (syntax, unknown
// table, ...) as they are.
func classify(stmt string, err error, tz string) error {
	if err == nil || IsRefused(err) {
		return err
	}
	text := err.Error()
	lower := strings.ToLower(text)
	refuse := func(k Kind) error {
		re := &RefusedError{Kind: k, Statement: stmt, TimeZone: tz, Cause: err}
		if m := accessPath.FindStringSubmatch(text); k == KindFile && m != nil {
			re.What = msg.T("sql_file", strconv.Quote(m[1]))
		}
		return re
	}
	switch {
	case isWriteVerb(firstWords(stmt, 1)) && (strings.Contains(lower, "base table") || strings.Contains(lower, "is not an table") ||
		strings.Contains(lower, "is not a table")):
		// Writing to a view (complaints is one) fails in the binder, before the read-only
		// database could refuse it: it is the same refusal.
		return refuse(KindWrite)
	case strings.Contains(lower, "read-only mode") || strings.Contains(lower, "read-only database") ||
		strings.Contains(lower, "attached in read-only"):
		return refuse(KindWrite)
	case strings.Contains(lower, "configuration has been locked"):
		return refuse(KindSetting)
	case !store.IsPermission(err):
		return err
	case strings.Contains(lower, "extension"):
		return refuse(KindExtension)
	case strings.Contains(lower, "attach"):
		return refuse(KindAttach)
	case strings.Contains(lower, "file") || strings.Contains(lower, "directory") || strings.Contains(lower, "external access"):
		return refuse(KindFile)
	}
	return refuse(KindOther)
}
