package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hsu-lapor/rapor/gen"
)

func init() {
	register(command{name: "demo", summary: "run the whole job on built-in sample data", run: runDemo})
}

// demoSeed fixes the sample data so that every run of the demo shows the same numbers.
const demoSeed = 2025

func runDemo(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "demo", "[--dir DIR]", "")
	dir := fs.String("dir", "demo", "flag_demo_dir")
	rows := fs.Int("rows", 3000, "flag_demo_rows")
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

	o := gen.Options{Rows: *rows, Seed: demoSeed, Noise: true, BadRows: 2}
	say("demo_gen", *rows, exports)
	files, err := gen.MonthlyCuts(exports, o, 6, "csv")
	if err != nil {
		return fail(g, err)
	}
	full := filepath.Join(exports, "lapor-hsu-lengkap-2025-10.xlsx")
	if _, err := gen.Write(full, "xlsx", gen.Options{Rows: *rows, Seed: demoSeed, ExcelDates: true}); err != nil {
		return fail(g, err)
	}
	files = append(files, full)
	for _, f := range files {
		fmt.Fprintf(g.stdout, "   %s\n", f)
	}

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

	month := gen.DefaultAsOf
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
