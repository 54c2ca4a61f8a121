//go:build duckdb_arrow

// Package sqlshell is the body of "rapor sql": it runs analysts' statements in a sandbox
// session and writes their results, from a script or an interactive prompt.
package sqlshell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/internal/msg"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Config says where and how results go.
type Config struct {
	Session *sandbox.Session
	// Format is one of resultfmt.Formats.
	Format string
	// Out is the file results are written to ("" for Stdout).
	Out string
	// Loc is the zone TIMESTAMPTZ values are shown in.
	Loc *time.Location
	// MaxWidth caps table column widths (0: none).
	MaxWidth int
	// Pager, if set, is the command (run with sh -c) that text for the terminal is piped through.
	Pager string
	// Stdout receives results (and the prompt); Stderr errors and notes.
	Stdout, Stderr io.Writer
	// HistoryFile keeps the interactive prompt's statements ("" keeps them in memory only).
	HistoryFile string
	// Signals, if set, delivers interrupts: one cancels the running statement (or the statement
	// being typed) instead of ending the prompt.
	Signals <-chan os.Signal
	// DBPath is shown in the prompt's greeting.
	DBPath string
	// Args are bound to the statements' parameters (named queries).
	Args []any
	// Inputs are the files the session reads (the database, its WAL, the SQL file): no result
	// may be written over them.
	Inputs []Input
	// RawCSV writes CSV text exactly as stored (no ' before formula-like text).
	RawCSV bool
	// Decimals rounds floating-point values to at most that many places (0: as they are).
	Decimals int
}

// Input is a file the session reads; What says which ("the database").
type Input struct {
	Path, What string
}

// Inputs lists what a session reads: the database and its write-ahead log, and the SQL files.
func Inputs(db string, sqlFiles ...string) []Input {
	in := []Input{{db, msg.T("sql_input_db")}, {db + ".wal", msg.T("sql_input_wal")}}
	for _, f := range sqlFiles {
		if f != "" {
			in = append(in, Input{f, msg.T("sql_input_sql")})
		}
	}
	return in
}

// CheckOut refuses an output path that is one of the inputs (the same file, whatever the path
// says: links and relative paths are resolved).
func CheckOut(out string, inputs []Input) error {
	for _, in := range inputs {
		if samePath(out, in.Path) {
			return errors.New(msg.T("sql_out_is_input", out, in.What))
		}
	}
	return nil
}

func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	return canonical(a) == canonical(b)
}

// canonical is an absolute path with the links of its directory resolved (the file itself may
// not exist yet: a WAL, a numbered Parquet file).
func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	return filepath.Join(dir, base)
}

func (c Config) options() resultfmt.Options {
	return resultfmt.Options{Loc: c.Loc, MaxWidth: c.MaxWidth, RawCSV: c.RawCSV, Decimals: c.Decimals}
}

// shown reports whether a statement's result is worth writing (BEGIN/COMMIT only say Success).
func shown(t duckdb.StmtType) bool { return t != duckdb.STATEMENT_TYPE_TRANSACTION }

// RunScript runs the statements of src in order and writes each result. It stops at the first
// statement that fails; what was written before stays.
func RunScript(ctx context.Context, c Config, src string) error {
	stmts := sandbox.Split(src)
	if len(stmts) == 0 {
		return errors.New(msg.T("sql_no_statement"))
	}
	if c.Out != "" {
		if err := CheckOut(c.Out, c.Inputs); err != nil {
			return err
		}
		return runToFile(ctx, c, stmts)
	}
	if resultfmt.Binary(c.Format) {
		return errors.New(msg.T("sql_needs_out", c.Format))
	}
	out, done, err := openPager(c)
	if err != nil {
		return err
	}
	w, err := resultfmt.New(c.Format, out, c.options())
	if err != nil {
		done()
		return err
	}
	for _, s := range stmts {
		err = c.Session.QueryArgs(ctx, s, c.Args, func(r sandbox.Result) error {
			if !shown(r.Type) {
				return nil
			}
			_, err := w.Write(r)
			return err
		})
		if err != nil {
			break
		}
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if perr := done(); err == nil {
		err = perr
	}
	if isBrokenPipe(err) {
		return nil // the reader (a pager, head) stopped reading
	}
	return err
}

// runToFile writes the results to c.Out: every result into the one file for table, CSV, JSON
// (as on the terminal) and XLSX (a sheet each); Parquet, one table per file, numbers the files
// of later results (out.parquet, out-2.parquet, ...). Each file is written under a temporary
// name and renamed when complete, so a failed query never leaves half a file or spoils the
// previous one.
func runToFile(ctx context.Context, c Config, stmts []string) error {
	var (
		written []string // what to report once the files are in place
		files   []*atomicFile
		w       resultfmt.Writer
		results int
	)
	cleanup := func() {
		for _, f := range files {
			f.abort()
		}
	}
	open := func(path string) (resultfmt.Writer, error) {
		if err := CheckOut(path, c.Inputs); err != nil {
			return nil, err
		}
		f, err := createAtomic(path)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return resultfmt.New(c.Format, f, c.options())
	}
	for _, s := range stmts {
		err := c.Session.QueryArgs(ctx, s, c.Args, func(r sandbox.Result) error {
			if !shown(r.Type) {
				return nil
			}
			results++
			path := c.Out
			if c.Format == "parquet" {
				path = numbered(c.Out, results)
				if w != nil {
					if err := w.Close(); err != nil {
						return err
					}
				}
				w = nil
			}
			if w == nil {
				var err error
				if w, err = open(path); err != nil {
					return err
				}
			}
			n, err := w.Write(r)
			if err == nil {
				written = append(written, msg.T("sql_written", path, msg.Thousands(n)))
			}
			return err
		})
		if err != nil {
			if w != nil {
				w.Close()
			}
			cleanup()
			return err
		}
	}
	if w == nil {
		cleanup()
		return errors.New(msg.T("sql_no_result"))
	}
	if err := w.Close(); err != nil {
		cleanup()
		return err
	}
	for i, f := range files {
		if err := f.commit(); err != nil {
			for _, g := range files[i+1:] {
				g.abort()
			}
			return err
		}
	}
	for _, w := range written {
		fmt.Fprintln(c.Stdout, w)
	}
	return nil
}

// numbered gives the n-th result's file name: out.parquet, out-2.parquet, ...
func numbered(path string, n int) string {
	if n == 1 {
		return path
	}
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "-" + strconv.Itoa(n) + ext
}

// atomicFile is written under a temporary name beside its target and renamed into place.
type atomicFile struct {
	*os.File
	target string
}

func createAtomic(path string) (*atomicFile, error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &atomicFile{File: f, target: path}, nil
}

func (f *atomicFile) commit() error {
	err := f.Chmod(0o644) // CreateTemp's 0600 would surprise whoever shares the result
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), f.target)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func (f *atomicFile) abort() {
	f.File.Close()
	os.Remove(f.Name())
}

// openPager returns where text for the terminal goes: through the pager when one is set. The
// pager starts with the first output, so a query still running leaves the terminal (and Ctrl-C)
// to rapor, and a statement that prints nothing opens no pager.
func openPager(c Config) (io.Writer, func() error, error) {
	if c.Pager == "" {
		return c.Stdout, func() error { return nil }, nil
	}
	p := &lazyPager{command: c.Pager, stdout: c.Stdout, stderr: c.Stderr}
	return p, p.close, nil
}

type lazyPager struct {
	command        string
	stdout, stderr io.Writer
	cmd            *exec.Cmd
	in             io.WriteCloser
	out            io.Writer
}

func (p *lazyPager) Write(b []byte) (int, error) {
	if p.out == nil {
		p.out = p.stdout
		cmd := exec.Command("sh", "-c", p.command)
		cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
		if in, err := cmd.StdinPipe(); err == nil && cmd.Start() == nil {
			p.cmd, p.in, p.out = cmd, in, in
		}
		// Else no pager after all: straight to the terminal.
	}
	return p.out.Write(b)
}

func (p *lazyPager) close() error {
	if p.cmd != nil {
		p.in.Close()
		p.cmd.Wait() // a pager's exit status (q pressed early) is not the query's failure
	}
	return nil
}

func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed)
}
