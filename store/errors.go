package store

import (
	"errors"
	"fmt"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// ErrLocked means another process holds the database file's write lock (rendered in the
// reader's language when printed).
var ErrLocked error = msg.Errorf("db_locked")

// IsLocked reports whether err is DuckDB refusing to open a file another process has locked.
func IsLocked(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrLocked) {
		return true
	}
	return strings.Contains(err.Error(), "Could not set lock on file")
}

// lockedAt reports whether opening path failed because another process has it open. DuckDB
// words this differently per platform: on Windows it passes on the system's (translated) text
// for a sharing violation, so there the file itself is asked (see fileInUse).
func lockedAt(path string, err error) bool {
	return IsLocked(err) || (err != nil && fileInUse(path, err))
}

// Explain turns a DuckDB error from opening path into one an operator can act on.
func Explain(path string, err error) error {
	switch {
	case lockedAt(path, err):
		return fmt.Errorf("%s: %w", path, ErrLocked)
	case isType(err, duckdb.ErrorTypeIO):
		return fmt.Errorf("%s: %s: %w", path, msg.T("db_io"), err)
	case strings.Contains(err.Error(), "not a valid DuckDB database file"):
		return fmt.Errorf("%s: %s: %w", path, msg.T("db_not_duckdb"), err)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

func isType(err error, t duckdb.ErrorType) bool {
	var de *duckdb.Error
	return errors.As(err, &de) && de.Type == t
}

// IsPermission reports whether DuckDB refused an operation for lack of permission
// (a read-only database, disabled external access, locked configuration).
func IsPermission(err error) bool {
	return isType(err, duckdb.ErrorTypePermission)
}
