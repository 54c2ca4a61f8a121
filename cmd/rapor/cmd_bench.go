package main

import (
	"context"
	"fmt"

	"github.com/hsu-lapor/rapor/pipeline/bench"
)

func init() {
	register(command{name: "bench", summary: "time ingest, build and reports on a million generated complaints", run: runBench})
}

func runBench(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "bench", "[--rows N] [--xlsx-rows N] [--reps N] [--dir DIR] [--pandas=false]", "")
	rows := fs.Int("rows", 1_000_000, "flag_bench_rows")
	xlsxRows := fs.Int("xlsx-rows", 200_000, "flag_xlsx_rows")
	reps := fs.Int("reps", 3, "flag_reps")
	dir := fs.String("dir", "bench-out", "flag_bench_dir")
	pandas := fs.Bool("pandas", true, "flag_pandas")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	opts, err := ingestOptions(cfg, cfg.Mappings, "")
	if err != nil {
		return fail(g, err)
	}
	o := bench.Options{Dir: *dir, Rows: *rows, XLSXRows: *xlsxRows, Reps: *reps, Seed: 1, Config: cfg, Ingest: opts, Pandas: *pandas}
	p := g.pipeline(cfg, opts)
	p.Out, p.Progress = nil, false
	o.After = bench.Steps(p)
	if _, err := bench.Run(ctx, o, g.stdout); err != nil {
		return fail(g, err)
	}
	fmt.Fprintln(g.stdout, g.l.T("bench_files", *dir))
	return exitOK
}
