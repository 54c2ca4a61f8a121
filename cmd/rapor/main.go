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
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	lang       string   // --lang, RAPOR_LANG; empty: config lang
	l          msg.Lang // the language in force, once config() has run
	verbose    bool
	level      slog.LevelVar // Debug once -v is seen, before or after the command
	stdout     io.Writer
	stderr     io.Writer
	log        *slog.Logger
}

func (g *globals) addFlags(fs *flag.FlagSet) {
	// Usage strings are catalogue keys; usage texts render them in the reader's language.
	fs.StringVar(&g.dbPath, "db", g.dbPath, "flag_db")
	fs.StringVar(&g.configPath, "config", g.configPath, "flag_config")
	fs.StringVar(&g.lang, "lang", g.lang, "flag_lang")
	fs.Var(verboseFlag{g}, "v", "flag_v")
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
	if g.lang != "" {
		msg.SetLang(msg.Of(g.lang)) // the configuration's own errors are in the language asked for
	}
	cfg, err := config.Load(g.configPath)
	if err != nil {
		return cfg, err
	}
	if g.lang != "" {
		l, err := msg.ParseLang(g.lang)
		if err != nil {
			return cfg, err
		}
		cfg.Lang = string(l)
	}
	g.l = msg.Of(cfg.Lang)
	msg.SetLang(g.l) // for the packages not yet handed a language
	return cfg, nil
}

// helpLang is the language of a usage text, which may be shown before the configuration is
// loaded: --lang or RAPOR_LANG, else the configuration's, else Bahasa Indonesia.
func (g *globals) helpLang() msg.Lang {
	if g.lang != "" {
		return msg.Of(g.lang)
	}
	if cfg, err := config.Load(g.configPath); err == nil {
		return msg.Of(cfg.Lang)
	}
	return msg.ID
}

func main() {
	// rapor's own (Go) memory: a soft limit at which the collector works harder, so that Go and
	// DuckDB (config memory_limit) together stay within what an office PC can spare. GOMEMLIMIT
	// overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	g := &globals{dbPath: "rapor.duckdb", stdout: stdout, stderr: stderr}
	if l := os.Getenv("RAPOR_LANG"); l != "" {
		g.lang = l
	}
	top := flag.NewFlagSet("rapor", flag.ContinueOnError)
	top.SetOutput(io.Discard) // its errors are worded below
	g.addFlags(top)
	top.Usage = func() { usage(g, stderr) }
	presetLang(top, args)
	if err := top.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintln(stderr, "rapor: "+flagError(g.helpLang(), err))
		return exitUsage
	}
	rest := top.Args()
	if len(rest) == 0 {
		usage(g, stderr)
		return exitUsage
	}
	name := rest[0]
	if name == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.run(context.Background(), g, []string{"-h"})
			}
		}
		usage(g, stdout)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		l := g.helpLang()
		fmt.Fprintln(stderr, "rapor: "+l.T("unknown_command", name))
		if s := suggest(name, commandNames()); s != "" {
			fmt.Fprintln(stderr, l.T("did_you_mean", s))
		}
		fmt.Fprintln(stderr, l.T("see_help"))
		return exitUsage
	}
	g.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: &g.level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.run(ctx, g, rest[1:])
}

func commandNames() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// usage prints rapor's overview in the reader's language.
func usage(g *globals, w io.Writer) {
	l := g.helpLang()
	fmt.Fprint(w, l.T("usage_head"))
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-10s %s\n", n, summary(l, commands[n]))
	}
	fmt.Fprint(w, l.T("usage_globals"))
}

// summary is a command's one-line description: the catalogue's, else the one it registered.
func summary(l msg.Lang, c command) string {
	if k := "cmd_" + c.name; msg.Has(k) {
		return l.T(k)
	}
	return c.summary
}

// helpKey is the catalogue key of a command's help text ("report compare": help_report_compare).
func helpKey(name string) string { return "help_" + strings.ReplaceAll(name, " ", "_") }

// newFlags makes a command's flag set with the global flags and a usage text. about is the
// help in English for a command not yet in the catalogue (key help_NAME); flags' usage strings
// are catalogue keys (flag_NAME), or English text.
func newFlags(g *globals, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("rapor "+name, flag.ContinueOnError)
	// The flag package's own error line is English: parse prints it from the catalogue instead.
	fs.SetOutput(io.Discard)
	flagOwners.Store(fs, g)
	g.addFlags(fs)
	fs.Usage = func() {
		l := g.helpLang()
		text := about
		if msg.Has(helpKey(name)) {
			text = l.T(helpKey(name))
		}
		fmt.Fprintf(g.stderr, "%s rapor %s %s\n\n%s\n\n%s\n", l.T("usage_word"), name, args, strings.TrimSpace(text), l.T("flags_word"))
		printFlags(g.stderr, l, fs)
	}
	return fs
}

// flagOwners finds the command line a flag set belongs to, for parse's messages.
var flagOwners sync.Map // *flag.FlagSet -> *globals

// printFlags is flag.PrintDefaults with each usage string, and the word "default", in l.
func printFlags(w io.Writer, l msg.Lang, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		usage := f.Usage
		if msg.Has(usage) {
			usage = l.T(usage)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(&flag.Flag{Name: f.Name, Usage: usage, Value: f.Value})
		if len(name) > 0 {
			b.WriteString(" " + name)
		}
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "0" && d != "false" && d != "0s" && d != "[]" {
			if g, ok := f.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					d = strconv.Quote(d)
				}
			}
			b.WriteString(" (" + l.T("default_word") + " " + d + ")")
		}
		fmt.Fprintln(w, b.String())
	})
}

// presetLang applies a --lang given anywhere among args before parsing, so that "-h --lang en"
// shows the help in English.
func presetLang(fs *flag.FlagSet, args []string) {
	for i, a := range args {
		if a == "--" {
			return
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return
			}
			val = args[i+1]
		}
		fs.Set("lang", val)
	}
}

// parse parses a command's flags; ok false means return code.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	presetLang(fs, args)
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		if v, ok := flagOwners.Load(fs); ok {
			g := v.(*globals)
			fmt.Fprintln(g.stderr, fs.Name()+": "+flagError(g.helpLang(), err))
		}
		return exitUsage, false
	}
	return 0, true
}

var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagInvalid   = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -+([^:]*): (.*)$`)
)

// flagError words the flag package's errors in l.
func flagError(l msg.Lang, err error) string {
	e := err.Error()
	if m := flagUndefined.FindStringSubmatch(e); m != nil {
		return l.T("flag_undefined", m[1])
	}
	if m := flagNeedsArg.FindStringSubmatch(e); m != nil {
		return l.T("flag_needs_arg", m[1])
	}
	if m := flagInvalid.FindStringSubmatch(e); m != nil {
		return l.T("flag_invalid", m[1], m[2])
	}
	return e
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
