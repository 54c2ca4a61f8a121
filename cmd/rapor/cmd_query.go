package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/hsu-lapor/rapor/internal/resultfmt"
	"github.com/hsu-lapor/rapor/internal/sandbox"
	"github.com/hsu-lapor/rapor/internal/sqlshell"
	"github.com/hsu-lapor/rapor/queries"
)

func init() {
	register(command{name: "query", summary: "run a named query (rapor query lists them)", run: runQuery})
}

func runQuery(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "query", "[NAME [--param NAME=VALUE]...]", `
Runs one of the named queries in queries/*.sql in the read-only sandbox of rapor sql, with
its parameters bound (never pasted into the SQL). Without a NAME it lists the queries and
their parameters. Output formats as rapor sql.

Examples:
  rapor query
  rapor query overdue --param "agency=Dinas Kesehatan"
  rapor query movers --param month=2025-10 --format xlsx --out movers.xlsx`)
	var params stringList
	fs.Var(&params, "param", "NAME=VALUE for a parameter of the query; repeatable")
	format := fs.String("format", "table", "output format: "+strings.Join(resultfmt.Formats, ", "))
	out := fs.String("out", "", "write the result to this file (needed for xlsx and parquet)")
	wait := fs.Duration("wait", 0, "how long to wait while another rapor process writes the database")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return listQueries(g)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	q, err := queries.Get(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(g.stderr, "rapor query: %v\n", err)
		return exitUsage
	}
	values := map[string]string{}
	for _, p := range params {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			fmt.Fprintf(g.stderr, "rapor query: --param %q: want NAME=VALUE\n", p)
			return exitUsage
		}
		values[strings.TrimSpace(k)] = v
	}
	named, err := q.Args(values)
	if err != nil {
		fmt.Fprintf(g.stderr, "rapor query: %v\n", err)
		return exitUsage
	}
	if !slices.Contains(resultfmt.Formats, *format) {
		fmt.Fprintf(g.stderr, "rapor query: unknown --format %q (use %s)\n", *format, strings.Join(resultfmt.Formats, ", "))
		return exitUsage
	}
	if *out == "" && resultfmt.Binary(*format) {
		fmt.Fprintf(g.stderr, "rapor query: --format %s needs --out FILE\n", *format)
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	if _, err := os.Stat(g.dbPath); err != nil {
		return fail(g, fmt.Errorf("%s: %w (run rapor ingest and rapor build first, or give --db PATH)", g.dbPath, err))
	}
	sess, err := sandbox.Open(ctx, g.dbPath, sandbox.Options{TimeZone: cfg.Timezone, LockWait: *wait})
	if err != nil {
		return fail(g, err)
	}
	defer sess.Close()
	bind := make([]any, len(named))
	for i, a := range named {
		bind[i] = sql.Named(a.Name, a.Value)
	}
	sc := sqlshell.Config{Session: sess, Format: *format, Out: *out, Loc: cfg.Location(), MaxWidth: 60,
		Stdout: g.stdout, Stderr: g.stderr, Args: bind}
	if err := sqlshell.RunScript(ctx, sc, q.SQL); err != nil {
		return fail(g, fmt.Errorf("query %s: %w", q.Name, err))
	}
	return exitOK
}

func listQueries(g *globals) int {
	qs, err := queries.All()
	if err != nil {
		return fail(g, err)
	}
	tw := tabwriter.NewWriter(g.stdout, 2, 4, 2, ' ', 0)
	for _, q := range qs {
		var ps []string
		for _, p := range q.Params {
			ps = append(ps, "--param "+p.Name+"="+strings.ToUpper(p.Type))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), q.Title)
	}
	tw.Flush()
	return exitOK
}
