package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/transform"
)

func init() {
	register(command{name: "demo", summary: "run the whole job on built-in sample data", run: runDemo})
}

// demoSeed fixes the sample data so that every run of the demo shows the same numbers.
const demoSeed = 2025

func runDemo(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "demo", "[--dir DIR]", `
Generates six monthly LAPOR! exports of a synthetic Kabupaten Hulu Sungai Utara (overlapping
cuts, CSV, plus a full XLSX export), ingests them into DIR/rapor-demo.duckdb, builds the metric
tables, writes the October 2025 scorecard (rapor-2025-10.html, .xlsx) and the comparison of its
last six months into DIR, and prints what it did. Without --keep the demo database is made anew; your own rapor.duckdb is never touched
unless you pass --db.`)
	dir := fs.String("dir", "demo", "directory for the sample exports, database and reports")
	rows := fs.Int("rows", 3000, "complaints in the sample regency's year")
	keep := fs.Bool("keep", false, "keep the demo database of an earlier run (re-ingest shows idempotence)")
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
	say := func(id, en string, args ...any) {
		f := id
		if msg.Current() == msg.EN {
			f = en
		}
		fmt.Fprintf(g.stdout, f+"\n", args...)
	}

	o := gen.Options{Rows: *rows, Seed: demoSeed, Noise: true, BadRows: 2}
	say("1. Membuat contoh ekspor LAPOR! (Kab. Hulu Sungai Utara, %d pengaduan) di %s", "1. Generating sample LAPOR! exports (Hulu Sungai Utara, %d complaints) in %s", *rows, exports)
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

	say("2. Memuat ekspor ke %s", "2. Ingesting the exports into %s", g.dbPath)
	opts, err := ingestOptions(cfg, cfg.Mappings, "")
	if err != nil {
		return fail(g, err)
	}
	db, err := openWriter(ctx, g, cfg, 0)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	if _, failed := ingestFiles(ctx, g, db, files, opts); failed > 0 {
		return exitFailure
	}
	var complaints, versions, rejects int64
	db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM complaint_versions), (SELECT count(*) FROM rejects)`).Scan(&complaints, &versions, &rejects)
	say("   %d pengaduan terkini dari %d versi; %d catatan penolakan (tabel rejects)", "   %d current complaints from %d versions; %d reject notes (table rejects)", complaints, versions, rejects)

	say("3. Menghitung tabel metrik (rapor build)", "3. Computing the metric tables (rapor build)")
	res, err := transform.Build(ctx, db, cfg, transform.WithVersion(programVersion()))
	if err != nil {
		return fail(g, fmt.Errorf("build %d failed: %w", res.BuildID, err))
	}
	say("   build %d: data sampai %s, %d tabel, %d uji data lolos", "   build %d: data as of %s, %d tables, %d data tests passed",
		res.BuildID, res.AsOf.In(cfg.Location()).Format("2006-01-02 15:04"), len(res.Tables), len(res.Tests))

	month := gen.DefaultAsOf.Format("2006-01")
	say("4. Menulis rapor %s dan perbandingan 6 bulan (rapor report)", "4. Writing the %s scorecard and the 6-month comparison (rapor report)", month)
	rep, err := reports.Monthly(ctx, db, reports.Options{Month: month, OutDir: *dir, Lang: cfg.Lang})
	if err != nil {
		return fail(g, err)
	}
	from := gen.DefaultAsOf.AddDate(0, -5, 0).Format("2006-01")
	cmp, err := reports.Compare(ctx, db, reports.CompareOptions{From: from, To: month, OutDir: *dir, Lang: cfg.Lang})
	if err != nil {
		return fail(g, err)
	}
	pages, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{Options: reports.Options{Month: month, OutDir: filepath.Join(*dir, "skpd"), Lang: cfg.Lang}})
	if err != nil {
		return fail(g, err)
	}
	say("   %d halaman SKPD (HTML dan XLSX) di %s", "   %d SKPD pages (HTML and XLSX) in %s", len(pages)/2, filepath.Join(*dir, "skpd"))
	for _, p := range []string{rep.HTML, rep.XLSX, cmp.HTML, cmp.XLSX} {
		fmt.Fprintf(g.stdout, "   %s\n", p)
	}
	say("Buka %s di peramban (tanpa internet pun bisa) atau %s di Excel.", "Open %s in a browser (no internet needed) or %s in Excel.", rep.HTML, rep.XLSX)
	return exitOK
}
