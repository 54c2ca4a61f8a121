// Command rapor turns SP4N-LAPOR! complaint exports into per-SKPD accountability numbers.
//
// Usage: rapor [--db PATH] [--config PATH] [--lang id|en] COMMAND [ARGS]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/internal/msg"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); else the module's build info.
var version = ""

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	// exitWarnings: rapor run succeeded and the build raised early warnings no earlier build
	// raised (table warnings, column new), so that cron mail or systemd's OnFailure tells someone.
	exitWarnings = 3
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, g *globals, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// globals are the flags every command takes, before or after its name.
type globals struct {
	dbPath     string
	configPath string
	lang       string
	verbose    bool
	level      slog.LevelVar // Debug once -v is seen, before or after the command
	stdout     io.Writer
	stderr     io.Writer
	log        *slog.Logger
}

func (g *globals) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&g.dbPath, "db", g.dbPath, "database file")
	fs.StringVar(&g.configPath, "config", g.configPath, "configuration file (default ./rapor.yaml if present)")
	fs.StringVar(&g.lang, "lang", g.lang, "language of messages and reports: id or en (default: config lang, else id)")
	fs.Var(verboseFlag{g}, "v", "verbose logs")
}

// verboseFlag turns on debug logs wherever -v appears on the command line.
type verboseFlag struct{ g *globals }

func (v verboseFlag) String() string {
	if v.g != nil && v.g.verbose {
		return "true"
	}
	return "false"
}
func (v verboseFlag) IsBoolFlag() bool { return true }
func (v verboseFlag) Set(s string) error {
	on := s == "true" || s == "1" || s == ""
	v.g.verbose = on
	if on {
		v.g.level.Set(slog.LevelDebug)
	} else {
		v.g.level.Set(slog.LevelInfo)
	}
	return nil
}

// config loads the configuration and applies the language choice.
func (g *globals) config() (config.Config, error) {
	cfg, err := config.Load(g.configPath)
	if err != nil {
		return cfg, err
	}
	if g.lang != "" {
		if g.lang != "id" && g.lang != "en" {
			return cfg, fmt.Errorf("--lang must be id or en, got %q", g.lang)
		}
		cfg.Lang = g.lang
	}
	msg.SetLang(msg.Lang(cfg.Lang))
	return cfg, nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	g := &globals{dbPath: "rapor.duckdb", stdout: stdout, stderr: stderr}
	if l := os.Getenv("RAPOR_LANG"); l != "" {
		g.lang = l
	}
	top := flag.NewFlagSet("rapor", flag.ContinueOnError)
	top.SetOutput(stderr)
	g.addFlags(top)
	top.Usage = func() { usage(stderr) }
	if err := top.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	rest := top.Args()
	if len(rest) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := rest[0]
	if name == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.run(context.Background(), g, []string{"-h"})
			}
		}
		usage(stdout)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "rapor: unknown command %q\n\n", name)
		usage(stderr)
		return exitUsage
	}
	g.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: &g.level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.run(ctx, g, rest[1:])
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `rapor turns SP4N-LAPOR! complaint exports into per-SKPD accountability numbers.

Usage:
  rapor [--db PATH] [--config PATH] [--lang id|en] COMMAND [ARGS]

Commands:
`)
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, `
Global flags (before or after the command):
  --db PATH       database file (default ./rapor.duckdb)
  --config PATH   configuration (default ./rapor.yaml if present)
  --lang id|en    language of messages and reports
  -v              verbose logs

"rapor COMMAND -h" shows a command's flags. Exit codes: 0 ok, 1 failure, 2 usage.
`)
}

// newFlags makes a command's flag set with the global flags and a usage text.
func newFlags(g *globals, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("rapor "+name, flag.ContinueOnError)
	fs.SetOutput(g.stderr)
	g.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(g.stderr, "Usage: rapor %s %s\n\n%s\n\nFlags:\n", name, args, strings.TrimSpace(about))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a command's flags; ok false means return code.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// interleave moves flags that follow positional arguments to the front, so that
// "rapor ingest a.csv --db x.duckdb" works as people type it.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			f := fs.Lookup(name)
			if f == nil {
				continue
			}
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

// fail prints an error for the operator and returns the failure code.
func fail(g *globals, err error) int {
	fmt.Fprintf(g.stderr, "rapor: %v\n", err)
	return exitFailure
}

func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
		if v != "" && v != "(devel)" {
			return v
		}
	}
	return "dev"
}
