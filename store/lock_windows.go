package store

import (
	"errors"
	"os"
	"strings"
	"syscall"
)

// Windows error codes for a file another process opened without sharing it.
const (
	errSharingViolation syscall.Errno = 32
	errLockViolation    syscall.Errno = 33
)

// fileInUse tells whether DuckDB's failure to open path is another process holding the file.
// DuckDB opens the file without sharing it for writing, so asking for write access here fails in
// the same way while the other process has it; the system's message text is not relied on, as it
// is in the language of the Windows installation.
func fileInUse(path string, err error) bool {
	if path == "" || path == ":memory:" || !strings.Contains(err.Error(), "Cannot open file") {
		return false
	}
	f, perr := os.OpenFile(path, os.O_RDWR, 0)
	if perr == nil {
		f.Close()
		return false
	}
	return errors.Is(perr, errSharingViolation) || errors.Is(perr, errLockViolation)
}
