package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/analyst/sqlshell"
	"github.com/hsu-lapor/rapor/internal/msg"
)

func init() {
	register(command{name: "sql", summary: "ask your own questions in SQL (read-only sandbox)", run: runSQL})
}

// sqlStdin is where "rapor sql" reads SQL when given none (tests replace it).
var sqlStdin io.Reader = os.Stdin

func runSQL(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "sql", `[flags] ["SQL" | -f FILE]`, "") // help_sql
	file := fs.String("f", "", "flag_sql_file")
	rf := addResultFlags(fs)
	maxWidth := fs.Int("max-width", 40, "flag_sql_max_width")
	noPager := fs.Bool("no-pager", false, "flag_sql_no_pager")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	format, out := &rf.format, &rf.out
	if err := rf.resolve(fs, g.dbPath, *file); err != nil {
		fmt.Fprintf(g.stderr, "rapor sql: %v\n", err)
		return exitUsage
	}
	if *file != "" && fs.NArg() > 0 {
		fmt.Fprintln(g.stderr, "rapor sql: "+msg.T("sql_sql_and_file"))
		return exitUsage
	}
	var src string
	interactive := false
	switch {
	case *file != "":
		b, err := os.ReadFile(*file)
		if err != nil {
			return fail(g, err)
		}
		src = string(b)
	case fs.NArg() > 0:
		src = strings.Join(fs.Args(), " ")
	case isTerminal(sqlStdin):
		interactive = true
	default:
		b, err := io.ReadAll(sqlStdin)
		if err != nil {
			return fail(g, err)
		}
		src = string(b)
	}
	if interactive && (*out != "" || resultfmt.Binary(*format)) {
		fmt.Fprintln(g.stderr, "rapor sql: "+msg.T("sql_interactive_out"))
		return exitUsage
	}
	if !interactive && *out == "" && resultfmt.Binary(*format) {
		fmt.Fprintln(g.stderr, "rapor sql: "+msg.T("sql_needs_out", *format))
		return exitUsage
	}
	if err := mustExist(g); err != nil {
		return fail(g, err)
	}
	sess, err := sandbox.Open(ctx, g.dbPath, rf.sandboxOptions(cfg.Timezone))
	if err != nil {
		return fail(g, err)
	}
	defer sess.Close()
	sc := sqlshell.Config{
		Session:     sess,
		Format:      *format,
		Out:         *out,
		Loc:         cfg.Location(),
		MaxWidth:    *maxWidth,
		Stdout:      g.stdout,
		Stderr:      g.stderr,
		HistoryFile: sqlshell.DefaultHistoryFile(),
		DBPath:      g.dbPath,
		Inputs:      sqlshell.Inputs(g.dbPath, *file),
		RawCSV:      rf.raw,
	}
	if *out == "" && !*noPager && isTerminal(g.stdout) {
		sc.Pager = pagerCommand()
	}
	if interactive {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sig)
		sc.Signals = sig
		// Ctrl-C cancels a statement, not the prompt: the prompt ends on .quit, end of input
		// or SIGTERM.
		err = sqlshell.Interactive(context.WithoutCancel(ctx), sc, sqlStdin)
	} else {
		err = sqlshell.RunScript(ctx, sc, src)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = errors.New(msg.T("sql_cancelled"))
		}
		return fail(g, err)
	}
	return exitOK
}

// resultFlags are the flags rapor sql and rapor query share: where results go, in which
// format, and the sandbox's limits.
type resultFlags struct {
	format, out string
	raw         bool
	wait        time.Duration
	timeout     time.Duration
	memory      string
}

func addResultFlags(fs *flag.FlagSet) *resultFlags {
	rf := &resultFlags{}
	fs.StringVar(&rf.format, "format", "table", "flag_result_format")
	fs.StringVar(&rf.out, "out", "", "flag_result_out")
	fs.BoolVar(&rf.raw, "raw", false, "flag_result_raw")
	fs.DurationVar(&rf.wait, "wait", 0, "flag_result_wait")
	fs.DurationVar(&rf.timeout, "timeout", 5*time.Minute, "flag_result_timeout")
	fs.StringVar(&rf.memory, "memory-limit", "2GB", "flag_result_memory")
	return rf
}

// resolve settles the format (from --out's extension unless --format says otherwise) and
// refuses an --out that is one of the session's inputs.
func (rf *resultFlags) resolve(fs *flag.FlagSet, db string, sqlFile string) error {
	if !slices.Contains(resultfmt.Formats, rf.format) {
		return errors.New(msg.T("sql_unknown_format", rf.format, strings.Join(resultfmt.Formats, ", ")))
	}
	if rf.out != "" {
		if err := sqlshell.CheckOut(rf.out, sqlshell.Inputs(db, sqlFile)); err != nil {
			return err
		}
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "format" })
	format, err := resultfmt.ForOut(rf.format, explicit, rf.out)
	rf.format = format
	return err
}

func (rf *resultFlags) sandboxOptions(tz string) sandbox.Options {
	return sandbox.Options{TimeZone: tz, LockWait: rf.wait, Timeout: rf.timeout, MemoryLimit: rf.memory}
}

// isTerminal reports whether v is a terminal (a character device).
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// pagerCommand is $PAGER (empty or "cat": no pager), else "less -FRX" when less is installed.
func pagerCommand() string {
	if p, ok := os.LookupEnv("PAGER"); ok {
		if p = strings.TrimSpace(p); p == "cat" {
			return ""
		}
		return strings.TrimSpace(p)
	}
	if _, err := exec.LookPath("less"); err == nil {
		return "less -FRX"
	}
	return ""
}
