package main

import (
	"context"
	"fmt"

	"github.com/hsu-lapor/rapor/pipeline/bench"
	"github.com/hsu-lapor/rapor/store"
)

func init() {
	register(command{name: "bench", summary: "time ingest, build and reports on a million generated complaints", run: runBench})
}

func runBench(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "bench", "[--rows N] [--xlsx-rows N] [--reps N] [--dir DIR] [--pandas=false] [--snapshots N] [--snapshot-rows N]", "")
	rows := fs.Int("rows", 1_000_000, "flag_bench_rows")
	xlsxRows := fs.Int("xlsx-rows", 200_000, "flag_xlsx_rows")
	reps := fs.Int("reps", 3, "flag_reps")
	dir := fs.String("dir", "bench-out", "flag_bench_dir")
	pandas := fs.Bool("pandas", true, "flag_pandas")
	snapshots := fs.Int("snapshots", 52, "flag_bench_snapshots")
	snapshotRows := fs.Int("snapshot-rows", 100_000, "flag_snapshot_rows")
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
	p := g.pipeline(cfg, opts)
	p.Out, p.Progress = nil, false
	o := bench.Options{Dir: *dir, Rows: *rows, XLSXRows: *xlsxRows, Reps: *reps, Seed: 1, Config: cfg, Ingest: opts, Pandas: *pandas}
	o.After = bench.Steps(p)
	if _, err := bench.Run(ctx, o, g.stdout); err != nil {
		return fail(g, err)
	}
	if *snapshots > 0 {
		so := bench.SnapshotOptions{Dir: *dir, Snapshots: *snapshots, Rows: *snapshotRows, Seed: 1, Options: o,
			Build: func(ctx context.Context, db *store.DB) error {
				_, err := p.Build(ctx, db)
				return err
			}}
		if _, err := bench.RunSnapshots(ctx, so, g.stdout); err != nil {
			return fail(g, err)
		}
	}
	fmt.Fprintln(g.stdout, g.l.T("bench_files", *dir))
	return exitOK
}
