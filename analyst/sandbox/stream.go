//go:build duckdb_arrow

package sandbox

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// Why this file: duckdb-go's QueryContext, and so its Arrow interface, asks DuckDB for a
// materialized result (duckdb_pending_prepared): DuckDB computes the whole result into its own
// memory before the first batch is read. Exporting 10M complaint-like rows then took about
// 1 GB of DuckDB memory however little Go kept. A streaming result
// (duckdb_pending_prepared_streaming) computes batches as they are fetched: the same export
// peaks at about 60 MB. duckdb-go does not offer streaming results, so the sandbox runs its
// (already checked) statement through the C API bindings duckdb-go itself uses, on the same
// connection, and converts each chunk to Arrow with the same conversion (DataChunkToArrowArray)
// its Arrow interface uses.
//
// Reaching the connection needs duckdb-go's unexported Conn.conn. rawConn checks the field's
// type before using it; if a duckdb-go upgrade changes it, the sandbox falls back to the
// materialized QueryContext (correct, only hungrier), and TestStreaming fails to say so.

var errNoStream = errors.New("streaming results unavailable")

// rawConn returns the C API connection under a duckdb-go driver connection.
func rawConn(c driver.Conn) (bindings.Connection, bool) {
	v := reflect.ValueOf(c)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return bindings.Connection{}, false
	}
	f := v.Elem().FieldByName("conn")
	if !f.IsValid() || f.Type() != reflect.TypeFor[bindings.Connection]() || !f.CanAddr() {
		return bindings.Connection{}, false
	}
	conn := *(*bindings.Connection)(unsafe.Pointer(f.UnsafeAddr()))
	if conn.Ptr == nil {
		return bindings.Connection{}, false
	}
	return conn, true
}

// streamQuery runs one statement (already vetted: see guard.go) as a streaming result and
// returns it as an Arrow record reader. The caller releases it. args are bound to the final
// statement's parameters (sql.NamedArg by name, other values by position).
//
// limit (0: none) caps the time DuckDB spends on the statement — starting it and computing each
// batch — not the time the reader takes between batches (a pager waiting for its user).
func streamQuery(ctx context.Context, c driver.Conn, stmt string, args []any, p plan, limit time.Duration) (array.RecordReader, error) {
	conn, ok := rawConn(c)
	if !ok {
		return nil, errNoStream
	}
	r := &streamReader{conn: conn, ctx: ctx, refs: 1, budget: limit}
	// Cancelling ctx interrupts the query, while it starts (an aggregate does all its work
	// there) and inside a fetch; never once the reader is freed (the connection may be closed
	// by then, or run the next statement).
	r.stop = make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			r.imu.Lock()
			if !r.freed {
				bindings.Interrupt(conn)
			}
			r.imu.Unlock()
		case <-r.stop:
		}
	}()
	if err := r.open(stmt, args, p); err != nil {
		r.free()
		if r.timedOut.Load() {
			return nil, errTimeout
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	return r, nil
}

// errTimeout: the statement used up its time limit (Session.limit makes it a LimitError).
var errTimeout = errors.New("statement time limit reached")

// timed runs a DuckDB call against the statement's time budget, interrupting it when the
// budget runs out.
func (r *streamReader) timed(call func()) {
	if r.budget <= 0 {
		call()
		return
	}
	left := r.budget - r.used
	if left <= 0 {
		left = time.Nanosecond
	}
	start := time.Now()
	t := time.AfterFunc(left, func() {
		r.imu.Lock()
		defer r.imu.Unlock()
		if !r.freed {
			r.timedOut.Store(true)
			bindings.Interrupt(r.conn)
		}
	})
	call()
	t.Stop()
	r.used += time.Since(start)
}

type streamReader struct {
	conn bindings.Connection
	ctx  context.Context
	stop chan struct{}

	extracted bindings.ExtractedStatements
	prepared  bindings.PreparedStatement
	pending   bindings.PendingResult
	res       bindings.Result
	opts      bindings.ArrowOptions
	haveRes   bool
	schema    *arrow.Schema
	// rollback: the statement runs in a transaction of the sandbox's own (a PIVOT's
	// expansion), rolled back when the reader is freed.
	rollback bool
	// budget is the time DuckDB may spend on the statement, used what it has spent.
	budget, used time.Duration
	timedOut     atomic.Bool

	imu   sync.Mutex // guards freed against the interrupting goroutine
	freed bool

	mu   sync.Mutex
	refs int64
	cur  arrow.RecordBatch
	err  error
	done bool
}

func resultError(res *bindings.Result) error {
	return &duckdb.Error{Type: duckdb.ErrorType(bindings.ResultErrorType(res)), Msg: bindings.ResultError(res)}
}

func (r *streamReader) open(stmt string, args []any, p plan) error {
	n := bindings.ExtractStatements(r.conn, stmt, &r.extracted)
	if n == 0 {
		return duckdbError(bindings.ExtractStatementsError(r.extracted))
	}
	if n != 1 && !p.pivot { // vetted before: cannot happen, and must not run unchecked statements
		return &RefusedError{Kind: KindMulti, Statement: stmt}
	}
	if p.pivot {
		// DuckDB's expansion: CREATE TYPE statements, then the query. All of it runs in a
		// transaction rolled back afterwards, so nothing of it stays in the session.
		if err := r.exec("BEGIN TRANSACTION"); err != nil {
			return errors.New(msg.T("sql_pivot_in_transaction"))
		}
		r.rollback = true
		for i := bindings.IdxT(0); i < n-1; i++ {
			var ps bindings.PreparedStatement
			if bindings.PrepareExtractedStatement(r.conn, r.extracted, i, &ps) == bindings.StateError {
				defer bindings.DestroyPrepare(&ps)
				return duckdbError(bindings.PrepareError(ps))
			}
			t := preparedType(ps)
			var res bindings.Result
			state := bindings.StateError
			if t == duckdb.STATEMENT_TYPE_CREATE {
				r.timed(func() { state = bindings.ExecutePrepared(ps, &res) })
			}
			bindings.DestroyPrepare(&ps)
			if t != duckdb.STATEMENT_TYPE_CREATE {
				return &RefusedError{Kind: KindMulti, Statement: stmt}
			}
			err := error(nil)
			if state == bindings.StateError {
				err = resultError(&res)
			}
			bindings.DestroyResult(&res)
			if err != nil {
				return err
			}
		}
	}
	if bindings.PrepareExtractedStatement(r.conn, r.extracted, n-1, &r.prepared) == bindings.StateError {
		return duckdbError(bindings.PrepareError(r.prepared))
	}
	if t := preparedType(r.prepared); t != p.typ {
		// What runs must be what was vetted.
		return allowType(stmt, t, "")
	}
	if err := bind(r.prepared, args); err != nil {
		return err
	}
	if bindings.PendingPreparedStreaming(r.prepared, &r.pending) == bindings.StateError {
		return duckdbError(bindings.PendingError(r.pending))
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	var state bindings.State
	r.timed(func() { state = bindings.ExecutePending(r.pending, &r.res) })
	r.haveRes = true
	if state == bindings.StateError {
		return resultError(&r.res)
	}
	r.opts = bindings.ResultGetArrowOptions(&r.res)
	cc := bindings.ColumnCount(&r.res)
	names := make([]string, cc)
	types := make([]bindings.LogicalType, cc)
	for i := range cc {
		names[i] = bindings.ColumnName(&r.res, i)
		types[i] = bindings.ColumnLogicalType(&r.res, i)
	}
	defer func() {
		for i := range types {
			bindings.DestroyLogicalType(&types[i])
		}
	}()
	schema, ed := bindings.NewArrowSchema(r.opts, types, names)
	if err := errorData(ed); err != nil {
		return fmt.Errorf("arrow schema: %w", err)
	}
	r.schema = schema
	return nil
}

func errorData(ed bindings.ErrorData) error {
	defer bindings.DestroyErrorData(&ed)
	if !bindings.ErrorDataHasError(ed) {
		return nil
	}
	return &duckdb.Error{Type: duckdb.ErrorType(bindings.ErrorDataErrorType(ed)), Msg: bindings.ErrorDataMessage(ed)}
}

func (r *streamReader) Schema() *arrow.Schema { return r.schema }

func (r *streamReader) Next() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.done || r.err != nil {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		r.err = err
		return false
	}
	var chunk bindings.DataChunk
	r.timed(func() { chunk = bindings.FetchChunk(r.res) })
	if chunk.Ptr == nil {
		r.done = true
		if msg := bindings.ResultError(&r.res); msg != "" {
			r.err = resultError(&r.res)
			if cerr := r.ctx.Err(); cerr != nil {
				r.err = cerr
			}
			if r.timedOut.Load() {
				r.err = errTimeout
			}
		}
		return false
	}
	defer bindings.DestroyDataChunk(&chunk)
	rec, ed := bindings.DataChunkToArrowArray(r.opts, r.schema, chunk)
	if err := errorData(ed); err != nil {
		r.err = fmt.Errorf("arrow batch: %w", err)
		return false
	}
	r.cur = rec
	return true
}

func (r *streamReader) RecordBatch() arrow.RecordBatch {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cur
}

func (r *streamReader) Record() arrow.RecordBatch { return r.RecordBatch() }

func (r *streamReader) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

func (r *streamReader) Retain() {
	r.mu.Lock()
	r.refs++
	r.mu.Unlock()
}

func (r *streamReader) Release() {
	r.mu.Lock()
	r.refs--
	last := r.refs == 0
	r.mu.Unlock()
	if last {
		r.free()
	}
}

func (r *streamReader) free() {
	r.imu.Lock()
	r.freed = true
	r.imu.Unlock()
	if r.stop != nil {
		close(r.stop)
		r.stop = nil
	}
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.haveRes {
		bindings.DestroyArrowOptions(&r.opts)
		bindings.DestroyResult(&r.res)
		r.haveRes = false
	}
	bindings.DestroyPending(&r.pending)
	bindings.DestroyPrepare(&r.prepared)
	bindings.DestroyExtracted(&r.extracted)
	if r.rollback {
		r.rollback = false
		r.exec("ROLLBACK")
	}
}

// exec runs a statement of the sandbox's own and discards its result.
func (r *streamReader) exec(q string) error {
	var res bindings.Result
	state := bindings.Query(r.conn, q, &res)
	defer bindings.DestroyResult(&res)
	if state == bindings.StateError {
		return resultError(&res)
	}
	return nil
}

// bind binds args to the prepared statement's parameters.
func bind(ps bindings.PreparedStatement, args []any) error {
	for i, a := range args {
		idx := bindings.IdxT(i + 1)
		v := a
		if na, ok := a.(sql.NamedArg); ok {
			if bindings.BindParameterIndex(ps, &idx, na.Name) == bindings.StateError {
				return fmt.Errorf("no parameter $%s in the statement", na.Name)
			}
			v = na.Value
		}
		var st bindings.State
		switch x := v.(type) {
		case nil:
			st = bindings.BindNull(ps, idx)
		case string:
			st = bindings.BindVarchar(ps, idx, x)
		case int64:
			st = bindings.BindInt64(ps, idx, x)
		case int:
			st = bindings.BindInt64(ps, idx, int64(x))
		case float64:
			st = bindings.BindDouble(ps, idx, x)
		case bool:
			st = bindings.BindBoolean(ps, idx, x)
		default:
			return fmt.Errorf("parameter %d: unsupported type %T", i+1, v)
		}
		if st == bindings.StateError {
			return fmt.Errorf("parameter %d: %s", i+1, bindings.PrepareError(ps))
		}
	}
	return nil
}
