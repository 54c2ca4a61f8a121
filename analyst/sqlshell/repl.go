//go:build duckdb_arrow

package sqlshell

import (
	"bufio"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it returns and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

const (
	prompt     = "rapor> "
	promptMore = "  ...> "
	// historyMax is how many statements the history file keeps.
	historyMax = 1000
)

// DefaultHistoryFile is the prompt's history file in the user's configuration directory.
func DefaultHistoryFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "rapor", "sql_history")
}

// Interactive reads statements from in, a line at a time, and runs each when it ends with a
// semicolon. Lines starting with a dot are commands (.tables, .schema NAME, .help, .quit).
// It returns when in ends or on .quit.
//
// Input is read only while the prompt waits: a pager showing a result reads the same terminal.
// An interrupt (Ctrl-C) cancels the running statement, or at the prompt drops the statement
// being typed; a termination signal ends the prompt.
func Interactive(ctx context.Context, c Config, in io.Reader) error {
	if resultfmt.Binary(c.Format) || c.Out != "" {
		return errors.New(msg.T("sql_interactive_out"))
	}
	h := loadHistory(c.HistoryFile)
	fmt.Fprintln(c.Stdout, msg.T("sql_greeting", c.DBPath, c.Session.TimeZone()))
	sig := newSignals(c, in)
	defer sig.stop()

	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var buf strings.Builder
	for {
		if buf.Len() == 0 {
			io.WriteString(c.Stdout, prompt)
		} else {
			io.WriteString(c.Stdout, promptMore)
		}
		if !sc.Scan() {
			fmt.Fprintln(c.Stdout)
			if sig.terminated() || ctx.Err() != nil {
				return nil
			}
			if rest := strings.TrimSpace(buf.String()); rest != "" && !sig.takeDropped() {
				c.run(ctx, h, sig, rest)
			}
			return sc.Err()
		}
		if ctx.Err() != nil || sig.terminated() {
			return nil
		}
		if sig.takeDropped() {
			buf.Reset() // Ctrl-C while typing dropped the statement being typed
		}
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if buf.Len() == 0 {
			switch {
			case trimmed == "":
				continue
			case strings.HasPrefix(trimmed, "."):
				if quit := c.dot(ctx, h, trimmed); quit {
					return nil
				}
				continue
			case strings.HasPrefix(trimmed, "!"):
				n, err := strconv.Atoi(strings.TrimSpace(trimmed[1:]))
				if err != nil || n < 1 || n > len(h.entries) {
					fmt.Fprintln(c.Stderr, msg.T("sql_no_history", trimmed))
					continue
				}
				stmt := h.entries[n-1]
				fmt.Fprintln(c.Stdout, stmt)
				if c.run(ctx, h, sig, stmt) {
					return nil
				}
				continue
			}
		}
		buf.WriteString(line)
		buf.WriteByte('\n')
		if sandbox.Complete(buf.String()) {
			text := buf.String()
			buf.Reset()
			if c.run(ctx, h, sig, text) {
				return nil
			}
		}
	}
}

// signals routes interrupts: to the running statement's cancel, else to the prompt.
type signals struct {
	mu          sync.Mutex
	cancel      context.CancelFunc // of the statement running, if any
	interrupted bool               // the running statement was cancelled by a signal
	dropped     bool               // Ctrl-C at the prompt
	term        bool
	done        chan struct{}
}

func newSignals(c Config, in io.Reader) *signals {
	s := &signals{done: make(chan struct{})}
	if c.Signals == nil {
		return s
	}
	go func() {
		for {
			select {
			case <-s.done:
				return
			case sg := <-c.Signals:
				s.mu.Lock()
				if sg == syscall.SIGTERM {
					s.term = true
				}
				switch {
				case s.cancel != nil:
					s.interrupted = true
					s.cancel()
				case s.term:
					// End the prompt: stop the read it waits in.
					if cl, ok := in.(io.Closer); ok {
						cl.Close()
					}
				default:
					s.dropped = true
					io.WriteString(c.Stdout, "\n"+prompt)
				}
				s.mu.Unlock()
			}
		}
	}()
	return s
}

func (s *signals) stop() { close(s.done) }

func (s *signals) terminated() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term
}

func (s *signals) takeDropped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dropped
	s.dropped = false
	return d
}

// running makes cancel the target of interrupts until the returned function is called, which
// reports whether an interrupt cancelled the statement.
func (s *signals) running(cancel context.CancelFunc) func() bool {
	s.mu.Lock()
	s.cancel, s.interrupted = cancel, false
	s.mu.Unlock()
	return func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.cancel = nil
		return s.interrupted
	}
}

// run runs the statements of text, printing each result or error. An interrupt cancels the
// statement running; a termination signal also ends the prompt (quit true).
func (c Config) run(ctx context.Context, h *history, sig *signals, text string) (quit bool) {
	h.add(strings.TrimSpace(text))
	for _, s := range sandbox.Split(text) {
		qctx, cancel := context.WithCancel(ctx)
		finished := sig.running(cancel)
		err := RunScript(qctx, c, s)
		interrupted := finished()
		cancel()
		if err != nil {
			if interrupted {
				err = errors.New(msg.T("sql_cancelled"))
			}
			fmt.Fprintf(c.Stderr, "rapor: %v\n", err)
			return sig.terminated()
		}
		if sig.terminated() {
			return true
		}
	}
	return false
}

// dot runs a dot command; it reports whether the prompt should end.
func (c Config) dot(ctx context.Context, h *history, line string) (quit bool) {
	fields := strings.Fields(line)
	cmd, args := fields[0], fields[1:]
	table := c
	if table.Format != "psql" {
		table.Format = "table" // the prompt's own listings: the table look in use
	}
	switch cmd {
	case ".quit", ".exit", ".q":
		return true
	case ".help", ".h":
		fmt.Fprintln(c.Stdout, msg.T("sql_help"))
	case ".tables":
		err := RunScript(ctx, table, query("tables"))
		if err != nil {
			fmt.Fprintf(c.Stderr, "rapor: %v\n", err)
		}
	case ".schema":
		var name any // NULL: every table
		if len(args) > 0 {
			n := strings.Trim(strings.Join(args, " "), `";`)
			if !c.exists(ctx, n) {
				fmt.Fprintln(c.Stderr, msg.T("sql_no_table", n))
				return false
			}
			name = n
		}
		table.Args = []any{name}
		err := RunScript(ctx, table, query("schema"))
		if err != nil {
			fmt.Fprintf(c.Stderr, "rapor: %v\n", err)
		}
	case ".history":
		for i, e := range h.entries {
			fmt.Fprintf(c.Stdout, "%4d  %s\n", i+1, strings.ReplaceAll(e, "\n", "\n      "))
		}
	default:
		fmt.Fprintln(c.Stderr, msg.T("sql_unknown_dot", cmd))
	}
	return false
}

// exists reports whether a table or view of that name is in the database.
func (c Config) exists(ctx context.Context, name string) bool {
	found := false
	c.Session.QueryArgs(ctx, query("exists"), []any{name},
		func(r sandbox.Result) error {
			for r.Next() {
				if r.RecordBatch().NumRows() > 0 {
					found = true
				}
			}
			return nil
		})
	return found
}

// history is the prompt's statements, kept in memory and appended to a file as they run.
type history struct {
	path    string
	entries []string
}

func loadHistory(path string) *history {
	h := &history{path: path}
	if path == "" {
		return h
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return h
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if u, err := strconv.Unquote(l); err == nil {
			l = u
		}
		h.entries = append(h.entries, l)
	}
	if len(h.entries) > historyMax {
		h.entries = h.entries[len(h.entries)-historyMax:]
		var b strings.Builder
		for _, e := range h.entries {
			b.WriteString(strconv.Quote(e))
			b.WriteByte('\n')
		}
		os.WriteFile(path, []byte(b.String()), 0o600)
	}
	return h
}

// add records a statement in memory and in the file (one quoted line per statement, so
// statements of several lines, and their -- comments, come back whole).
func (h *history) add(stmt string) {
	if stmt == "" || len(h.entries) > 0 && h.entries[len(h.entries)-1] == stmt {
		return
	}
	h.entries = append(h.entries, stmt)
	if h.path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		return
	}
	f, err := os.OpenFile(h.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintln(f, strconv.Quote(stmt))
}
