package main

import (
	"context"
	"fmt"

	"github.com/hsu-lapor/rapor/internal/bench"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

func init() {
	register(command{name: "bench", summary: "time ingest, build and reports on a million generated complaints", run: runBench})
}

func runBench(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "bench", "[--rows N] [--xlsx-rows N] [--reps N] [--dir DIR] [--pandas=false] [--snapshots N] [--snapshot-rows N]", `
Generates a layout-A export of --rows complaints and times, in one run on this machine:
(a) DuckDB's own read_csv(all_varchar) of the file into a table, (b) rapor ingest of the same
file, the metrics build and the reports on the result, (c) a straightforward pandas computation
of the agency_month table from the same CSV (when a python3 with pandas is found; issue 3's
yardstick: ingest + build should be at least 10x faster), and the ingest of an --xlsx-rows XLSX.
Then ingests --snapshots weekly Laporan Ringkas XLSX downloads of one history of
--snapshot-rows complaints, builds them, and compares the database's size with one snapshot's.
Prints medians of --reps runs, rows/s and the peak resident memory of each step.`)
	rows := fs.Int("rows", 1_000_000, "rows of the CSV")
	xlsxRows := fs.Int("xlsx-rows", 200_000, "rows of the XLSX (0: skip)")
	reps := fs.Int("reps", 3, "repetitions of each timed step (median reported)")
	dir := fs.String("dir", "bench-out", "working directory (generated files and databases)")
	pandas := fs.Bool("pandas", true, "compare with pandas (agency_month.py) when python3 has pandas")
	snapshots := fs.Int("snapshots", 52, "weekly Laporan Ringkas snapshots of one history to ingest and build (0: skip)")
	snapshotRows := fs.Int("snapshot-rows", 100_000, "complaints in that history")
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
	o.After = benchSteps(cfg)
	if _, err := bench.Run(ctx, o, g.stdout); err != nil {
		return fail(g, err)
	}
	if *snapshots > 0 {
		so := bench.SnapshotOptions{Dir: *dir, Snapshots: *snapshots, Rows: *snapshotRows, Seed: 1, Options: o,
			Build: func(ctx context.Context, db *store.DB) error {
				_, err := transform.Build(ctx, db, cfg, transform.WithVersion(programVersion()))
				return err
			}}
		if _, err := bench.RunSnapshots(ctx, so, g.stdout); err != nil {
			return fail(g, err)
		}
	}
	fmt.Fprintf(g.stdout, "files in %s (delete when done)\n", *dir)
	return exitOK
}
