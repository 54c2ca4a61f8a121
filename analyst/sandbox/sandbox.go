//go:build duckdb_arrow

// Package sandbox runs analysts' own SQL against a rapor database without letting it change
// anything or reach outside the database.
//
// The guard is DuckDB's own: the file is opened read-only (access_mode=READ_ONLY), then
// enable_external_access=false stops every read or write of other files (COPY, read_csv,
// ATTACH, EXPORT, INSTALL, LOAD of extensions) and lock_configuration=true stops the query from
// changing any setting back. On top of that DuckDB itself splits and parses each statement
// before anything binds (guard.go): only queries run (SELECT, WITH, FROM, DESCRIBE, SHOW,
// SUMMARIZE, PIVOT, EXPLAIN, CALL), and only the table functions on an allow-list (binding
// enable_logging already changes the session, and DuckDB once aborted the process over it);
// everything else is refused before it executes, with a message that says what is not allowed
// and why. Each statement has a time limit and the session a memory limit (LimitError).
//
// Results stream as Arrow record batches computed as they are read (stream.go), so a result of
// any size passes through in the memory of a few batches.
//
// A session holds one DuckDB connection: the settings are locked after the connection is set
// up, so no second connection could be opened (it would need to set its time zone).
package sandbox

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

// Options say how to open a sandbox.
type Options struct {
	// TimeZone is the session time zone (config timezone): TIMESTAMPTZ values, dates and months
	// are taken in it.
	TimeZone string
	// LockWait is how long to wait while a writer holds the database.
	LockWait time.Duration
	// Threads and MemoryLimit cap what one query may use (0 / "": DuckDB's defaults).
	Threads     int
	MemoryLimit string
	// Timeout stops a statement that runs longer (0: no limit).
	Timeout time.Duration
}

// Session is a sandboxed, read-only connection to one database file. It must be the only open
// handle to that file in this process (DuckDB refuses the same file twice with other settings).
type Session struct {
	db   *store.DB
	conn *sql.Conn
	tz   string
	// materialize turns streaming results off (tests compare the two paths).
	materialize bool
	// builtins are DuckDB's built-in table functions (the guard's allow-list refuses the ones
	// it does not know).
	builtins map[string]bool
	timeout  time.Duration
	memory   string
}

// Open opens path read-only and locks the session down.
func Open(ctx context.Context, path string, o Options) (*Session, error) {
	db, err := store.Open(ctx, path, store.Options{
		ReadOnly:    true,
		TimeZone:    o.TimeZone,
		LockWait:    o.LockWait,
		Threads:     o.Threads,
		MemoryLimit: o.MemoryLimit,
	})
	if err != nil {
		return nil, err
	}
	// One connection for the life of the session: once the configuration is locked a new
	// connection could not set its time zone.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	for _, s := range []string{
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	} {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			conn.Close()
			db.Close()
			return nil, fmt.Errorf("sandbox: %s: %w", s, err)
		}
	}
	tz := o.TimeZone
	if tz == "" {
		tz = "UTC"
	}
	s := &Session{db: db, conn: conn, tz: tz, timeout: o.Timeout, memory: o.MemoryLimit}
	err = conn.Raw(func(dc any) error {
		var err error
		s.builtins, err = builtinTableFuncs(ctx, dc.(driver.Conn))
		return err
	})
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	return s, nil
}

// Close closes the session and the database.
func (s *Session) Close() error {
	return errors.Join(s.conn.Close(), s.db.Close())
}

// TimeZone is the session's time zone.
func (s *Session) TimeZone() string { return s.tz }

// Result is one statement's result stream, valid only inside the callback it is passed to.
type Result struct {
	array.RecordReader
	// Statement is the SQL text that produced it.
	Statement string
	// Type is DuckDB's statement type (SELECT, EXPLAIN, ...).
	Type duckdb.StmtType
}

// Query checks and runs one statement and hands its result, as a stream of Arrow record
// batches, to fn. DuckDB computes the batches as fn reads them.
// A statement the sandbox does not allow returns a *RefusedError and does not run; one that
// runs past the session's time limit or memory limit returns a *LimitError.
//
// fn runs while the session's connection is in use: it must not call the Session.
func (s *Session) Query(ctx context.Context, stmt string, fn func(Result) error) error {
	return s.QueryArgs(ctx, stmt, nil, fn)
}

// QueryArgs is Query with parameters bound to the statement's placeholders ($name for a
// sql.NamedArg, ? or $1 for plain values): the named queries of package queries.
func (s *Session) QueryArgs(ctx context.Context, stmt string, args []any, fn func(Result) error) error {
	if strings.TrimSpace(stmt) == "" {
		return errEmpty
	}
	qctx := ctx
	if s.timeout > 0 && s.materialize {
		// (The streaming path times DuckDB's work itself: see streamQuery.)
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, s.timeout)
		defer cancel()
	}
	err := s.conn.Raw(func(dc any) error {
		c := dc.(driver.Conn)
		p, err := s.vet(qctx, c, stmt)
		if err != nil {
			return err
		}
		var rr array.RecordReader
		if s.materialize && !p.pivot {
			// duckdb-go's Arrow interface over a materialized result (tests compare the two).
			ar, err := duckdb.NewArrowFromConn(c)
			if err != nil {
				return err
			}
			if rr, err = ar.QueryContext(qctx, stmt, args...); err != nil {
				return classify(stmt, err, s.tz)
			}
		} else if rr, err = streamQuery(qctx, c, stmt, args, p, s.timeout); err != nil {
			return classify(stmt, err, s.tz)
		}
		defer rr.Release()
		err = fn(Result{RecordReader: rr, Statement: stmt, Type: p.typ})
		// A failing stream ends like a finished one; its error is the one worth reporting.
		if rerr := rr.Err(); rerr != nil {
			return classify(stmt, rerr, s.tz)
		}
		return err
	})
	return s.limit(ctx, qctx, err)
}

// limit turns the errors of a statement stopped by the session's limits into LimitErrors.
func (s *Session) limit(parent, qctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, errTimeout) || parent.Err() == nil && errors.Is(qctx.Err(), context.DeadlineExceeded) {
		return &LimitError{Timeout: s.timeout, Cause: err}
	}
	var de *duckdb.Error
	if errors.As(err, &de) && de.Type == duckdb.ErrorTypeOutOfMemory {
		return &LimitError{Memory: s.memory, Cause: err}
	}
	return err
}

// LimitError is a statement stopped by the session's time or memory limit.
type LimitError struct {
	Timeout time.Duration // the time limit it ran into, or
	Memory  string        // the memory limit
	Cause   error
}

func (e *LimitError) Error() string {
	if e.Timeout > 0 {
		return msg.T("sql_timeout", e.Timeout.String())
	}
	m := e.Memory
	if m == "" {
		m = "memory_limit"
	}
	return msg.T("sql_memory", m) + " [DuckDB: " + firstLine(e.Cause.Error()) + "]"
}

func (e *LimitError) Unwrap() error { return e.Cause }

var errEmpty = errors.New("empty statement")

// hasWord reports whether stmt holds word (upper case) as a keyword outside literals.
func hasWord(stmt, word string) bool {
	up := strings.ToUpper(stmt)
	for i := 0; ; {
		j := strings.Index(up[i:], word)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(word)
		if (j == 0 || !identChar(up[j-1])) && (end == len(up) || !identChar(up[end])) {
			return true
		}
		i = end
	}
}
