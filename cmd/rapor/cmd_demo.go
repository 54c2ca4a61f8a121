package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/hsu-lapor/rapor/gen"
)

func init() {
	register(command{name: "demo", summary: "run the whole job on built-in sample data", run: runDemo})
}

// demoSeed fixes the sample data so that every run of the demo shows the same numbers.
const demoSeed = 2025

// The demo's series: weekly snapshots up to this Monday (WIB).
const demoSnapshots = 26

var demoLastSnapshot = time.Date(2025, 11, 3, 0, 0, 0, 0, gen.WIB)

func runDemo(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "demo", "[--dir DIR]", "")
	dir := fs.String("dir", "demo", "flag_demo_dir")
	rows := fs.Int("rows", 1500, "flag_demo_rows")
	keep := fs.Bool("keep", false, "flag_keep")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	dbSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" {
			dbSet = true
		}
	})
	if !dbSet {
		g.dbPath = filepath.Join(*dir, "rapor-demo.duckdb")
	}
	exports := filepath.Join(*dir, "exports")
	if !*keep {
		for _, p := range []string{g.dbPath, g.dbPath + ".wal"} {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fail(g, err)
			}
		}
	}
	l := g.l
	say := func(key string, args ...any) { fmt.Fprintln(g.stdout, l.T(key, args...)) }

	// What a regency really has: LAPOR!'s Laporan Ringkas, downloaded every week (26 of them,
	// May to early November 2025: October is the last complete month).
	say("demo_gen", demoSnapshots, *rows, exports)
	if err := os.RemoveAll(exports); err != nil {
		return fail(g, err)
	}
	snaps, err := gen.WriteRingkasSeries(exports, gen.RingkasOptions{
		Rows: *rows, Seed: demoSeed, Snapshots: demoSnapshots, Every: 7 * 24 * time.Hour, Months: 6,
		Start: demoLastSnapshot.AddDate(0, 0, -7*(demoSnapshots-1)), UnknownStatus: true,
	})
	if err != nil {
		return fail(g, err)
	}
	var files []string
	for _, s := range snaps {
		files = append(files, s.Path)
	}
	fmt.Fprintf(g.stdout, "   %s\n   ...\n   %s\n", files[0], files[len(files)-1])

	say("demo_ingest", g.dbPath)
	opts, err := ingestOptions(cfg, cfg.Mappings, "")
	if err != nil {
		return fail(g, err)
	}
	db, err := openWriter(ctx, g, cfg, 0)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	p := g.pipeline(cfg, opts)
	if _, failed := p.IngestFiles(ctx, db, files); failed > 0 {
		return exitFailure
	}
	var complaints, versions, rejects int64
	db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM complaint_versions), (SELECT count(*) FROM rejects)`).Scan(&complaints, &versions, &rejects)
	say("demo_ingested", l.Number(complaints), l.Number(versions), l.Number(rejects))

	say("demo_build")
	res, err := p.Build(ctx, db)
	if err != nil {
		return fail(g, err)
	}
	say("demo_built", res.BuildID, l.DateTime(res.AsOf.In(cfg.Location())), len(res.Tables), len(res.Tests))

	month := time.Date(demoLastSnapshot.Year(), demoLastSnapshot.Month()-1, 1, 0, 0, 0, 0, cfg.Location())
	say("demo_report", l.Month(month))
	w, err := p.Reports(ctx, db, month, *dir)
	if err != nil {
		return fail(g, err)
	}
	say("demo_pages", len(w.Pages)/2, filepath.Join(*dir, "skpd"))
	for _, path := range append(append([]string(nil), w.Scorecards...), w.Comparison...) {
		fmt.Fprintf(g.stdout, "   %s\n", path)
	}
	say("demo_open", w.Scorecards[0], w.Scorecards[1])
	return exitOK
}
