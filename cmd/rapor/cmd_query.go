package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/analyst/sqlshell"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/queries"
)

func init() {
	register(command{name: "query", summary: "run a named query (rapor query lists them)", run: runQuery})
}

func runQuery(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "query", "[NAME [--param NAME=VALUE]...]", "") // help_query
	var params stringList
	fs.Var(&params, "param", "flag_query_param")
	rf := addResultFlags(fs)
	format, out := &rf.format, &rf.out
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
			fmt.Fprintln(g.stderr, "rapor query: "+msg.T("query_param_form", p))
			return exitUsage
		}
		values[strings.TrimSpace(k)] = v
	}
	named, err := q.Args(values)
	if err != nil {
		fmt.Fprintf(g.stderr, "rapor query: %v\n", err)
		return exitUsage
	}
	if err := rf.resolve(fs, g.dbPath, ""); err != nil {
		fmt.Fprintf(g.stderr, "rapor query: %v\n", err)
		return exitUsage
	}
	if *out == "" && resultfmt.Binary(*format) {
		fmt.Fprintln(g.stderr, "rapor query: "+msg.T("sql_needs_out", *format))
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	if err := mustExist(g); err != nil {
		return fail(g, err)
	}
	sess, err := sandbox.Open(ctx, g.dbPath, rf.sandboxOptions(cfg.Timezone))
	if err != nil {
		return fail(g, err)
	}
	defer sess.Close()
	if err := checkNeeds(ctx, sess, q); err != nil {
		return fail(g, err)
	}
	bind := make([]any, len(named))
	for i, a := range named {
		if q.Params[i].Agency() {
			name, err := resolveAgency(ctx, sess, a.Value.(string))
			if err != nil {
				return fail(g, fmt.Errorf("query %s: %w", q.Name, err))
			}
			a.Value = name
		}
		bind[i] = sql.Named(a.Name, a.Value)
	}
	// Named queries are read, not re-computed: floats rounded to three places.
	sc := sqlshell.Config{Session: sess, Format: *format, Out: *out, Loc: cfg.Location(), MaxWidth: 60,
		Stdout: g.stdout, Stderr: g.stderr, Args: bind, Inputs: sqlshell.Inputs(g.dbPath),
		RawCSV: rf.raw, Decimals: 3}
	if err := sqlshell.RunScript(ctx, sc, q.SQL); err != nil {
		return fail(g, fmt.Errorf("query %s: %w", q.Name, err))
	}
	return exitOK
}

// checkNeeds says what to run first when a table the query reads is missing or empty.
func checkNeeds(ctx context.Context, sess *sandbox.Session, q queries.Query) error {
	for _, n := range q.Needs() {
		var rows int64 = -1
		err := sess.QueryArgs(ctx, queries.Lookup("table_rows"), []any{n.Table}, func(r sandbox.Result) error {
			for r.Next() {
				if rec := r.RecordBatch(); rec.NumRows() > 0 {
					rows = rec.Column(0).(*array.Int64).Value(0)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if rows <= 0 {
			return errors.New(msg.T("query_needs", q.Name, n.Table, n.Command))
		}
	}
	return nil
}

// resolveAgency returns the agency the reports show for an SKPD name given by the user, or an
// error naming the closest names when none matches.
func resolveAgency(ctx context.Context, sess *sandbox.Session, given string) (string, error) {
	type cand struct {
		name  string
		exact bool
		score float64
	}
	var cands []cand
	err := sess.QueryArgs(ctx, queries.Lookup("agency"), []any{given}, func(r sandbox.Result) error {
		for r.Next() {
			rec := r.RecordBatch()
			names, exact, score := rec.Column(0), rec.Column(1).(*array.Boolean), rec.Column(2).(*array.Float64)
			for i := 0; i < int(rec.NumRows()); i++ {
				if names.IsNull(i) {
					continue
				}
				cands = append(cands, cand{strings.Clone(names.ValueStr(i)), exact.Value(i), score.Value(i)}) // the batch goes with the next
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(cands) > 0 && cands[0].exact {
		return cands[0].name, nil
	}
	var close []string
	for _, c := range cands {
		if c.score >= 0.8 && len(close) < 3 {
			close = append(close, strconv.Quote(c.name))
		}
	}
	if len(close) == 0 {
		return "", errors.New(msg.T("query_agency_none", given))
	}
	return "", errors.New(msg.T("query_agency_unknown", given, strings.Join(close, ", ")))
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
