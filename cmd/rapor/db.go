package main

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/queries"
	"github.com/hsu-lapor/rapor/store"
)

// openWriter opens the database for the one writing connection of this process.
func openWriter(ctx context.Context, g *globals, cfg config.Config, wait time.Duration) (*store.DB, error) {
	return store.Open(ctx, g.dbPath, store.Options{TimeZone: cfg.Timezone, LockWait: wait, AfterMigrate: describe})
}

// mustExist says what to do when the database file is missing (rather than making an empty one,
// or a raw I/O error).
func mustExist(g *globals) error {
	if g.dbPath == ":memory:" {
		return nil
	}
	if _, err := os.Stat(g.dbPath); errors.Is(err, os.ErrNotExist) {
		return errors.New(g.l.T("no_database", g.dbPath))
	}
	return nil
}

// openReader loads the configuration and opens the database read-only (many readers may share it).
func openReader(ctx context.Context, g *globals) (config.Config, *store.DB, error) {
	cfg, err := g.config()
	if err != nil {
		return cfg, nil, err
	}
	if err := mustExist(g); err != nil {
		return cfg, nil, err
	}
	db, err := store.Open(ctx, g.dbPath, store.Options{TimeZone: cfg.Timezone, ReadOnly: true})
	return cfg, db, err
}

// duckdbVersion asks an in-memory DuckDB for its version.
func duckdbVersion(ctx context.Context) string {
	db, err := store.Open(ctx, ":memory:", store.Options{})
	if err != nil {
		return "?"
	}
	defer db.Close()
	var v string
	if err := db.QueryRowContext(ctx, "SELECT version()").Scan(&v); err != nil {
		return "?"
	}
	return v
}

// describe writes the data dictionary's comments on the tables a migration made.
func describe(ctx context.Context, db *sql.DB) error { return queries.Describe(ctx, db) }
