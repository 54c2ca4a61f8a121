// Package store opens rapor's DuckDB file and keeps its schema current.
//
// One process writes a database file at a time; readers open it read-only. Every connection
// has extension auto-install and auto-load off, because no extension may be downloaded at run
// time (and each failed attempt costs about half a second on an offline machine).
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Options say how to open a database file.
type Options struct {
	// ReadOnly opens the file with access_mode=READ_ONLY: many readers may share it with one writer's file.
	ReadOnly bool
	// TimeZone is the session time zone (an IANA name) in which DuckDB turns TIMESTAMPTZ into
	// local dates and months. Empty leaves DuckDB's default (UTC).
	TimeZone string
	// LockWait is how long to keep retrying while another process holds the file's lock.
	LockWait time.Duration
	// Threads caps DuckDB's worker threads (0: DuckDB's default, one per core).
	Threads int
	// MemoryLimit, e.g. "2GB" (empty: DuckDB's default, 80% of RAM).
	MemoryLimit string
	// AfterMigrate runs when a writer's Open applied migrations (it writes the data
	// dictionary's comments on the new tables); an error fails the Open.
	AfterMigrate func(ctx context.Context, db *sql.DB) error
}

// DB is an open rapor database.
type DB struct {
	*sql.DB
	Path      string
	connector *duckdb.Connector
	opts      Options
}

// Open opens (creating if needed, unless read-only) the database at path. A writer's Open also
// applies pending migrations, so an old file keeps working with a new program.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	dsn, err := dsnFor(path, opts)
	if err != nil {
		return nil, err
	}
	tz := opts.TimeZone
	init := func(ex driver.ExecerContext) error {
		if tz == "" {
			return nil
		}
		_, err := ex.ExecContext(ctx, "SET TimeZone = "+QuoteLiteral(tz), nil)
		return err
	}
	deadline := time.Now().Add(opts.LockWait)
	var connector *duckdb.Connector
	for {
		connector, err = duckdb.NewConnector(dsn, init)
		if err == nil || !lockedAt(path, err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	if err != nil {
		return nil, Explain(path, err)
	}
	db := &DB{DB: sql.OpenDB(connector), Path: path, connector: connector, opts: opts}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, Explain(path, err)
	}
	if !opts.ReadOnly {
		applied, err := migrate(ctx, db.DB)
		if err == nil && applied > 0 && opts.AfterMigrate != nil {
			err = opts.AfterMigrate(ctx, db.DB)
		}
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("migrate %s: %w", path, err)
		}
	}
	return db, nil
}

// Close closes the pool and the underlying DuckDB instance.
func (db *DB) Close() error {
	err := db.DB.Close()
	if db.connector != nil {
		err = errors.Join(err, db.connector.Close())
	}
	return err
}

// ReadOnly reports whether the database was opened read-only.
func (db *DB) ReadOnly() bool { return db.opts.ReadOnly }

func dsnFor(path string, opts Options) (string, error) {
	if strings.ContainsAny(path, "?#") {
		return "", fmt.Errorf("database path %q: '?' and '#' are not allowed in the path", path)
	}
	q := url.Values{}
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	if opts.ReadOnly {
		q.Set("access_mode", "READ_ONLY")
	}
	if opts.Threads > 0 {
		q.Set("threads", fmt.Sprint(opts.Threads))
	}
	if opts.MemoryLimit != "" {
		q.Set("memory_limit", opts.MemoryLimit)
	}
	// Without it a large CREATE TABLE AS (the repeat detection over ten million complaints) keeps
	// its rows in order in memory and fails at the memory limit instead of spilling. Every
	// reader orders what it shows (ORDER BY), so nothing depends on insertion order.
	q.Set("preserve_insertion_order", "false")
	return path + "?" + q.Encode(), nil
}
