package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/gen"
)

func init() {
	register(command{name: "gen", summary: "generate a realistic synthetic LAPOR! export (layout A)", run: runGen})
}

func runGen(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "gen", "--rows N --out FILE [--format csv|xlsx] [--seed S]", `
Writes a synthetic SP4N-LAPOR! admin export (layout A) for Kabupaten Hulu Sungai Utara:
its 10 kecamatan, plausible SKPD of different diligence, office-hour timestamps, some
complaints never answered. The same seed gives the same file.`)
	rows := fs.Int("rows", 1000, "number of complaints")
	out := fs.String("out", "", "output file (required)")
	format := fs.String("format", "", "csv or xlsx (default: from the --out extension, else csv)")
	seed := fs.Int64("seed", 1, "random seed")
	asOf := fs.String("as-of", "", "cut-off date YYYY-MM-DD (default 2025-10-31): the export shows each complaint as of then")
	months := fs.Int("months", 12, "months of submissions before the cut-off")
	noise := fs.Bool("noise", false, "add real-world mess (spaces, case, date forms) to about 3% of rows")
	bad := fs.Int("bad-rows", 0, "number of invalid rows to plant (for testing rejects)")
	excelDates := fs.Bool("excel-dates", false, "XLSX: write timestamps as Excel date cells")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() > 0 || *rows < 0 {
		fs.Usage()
		return exitUsage
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = "csv"
		if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			f = "xlsx"
		}
	}
	if f != "csv" && f != "xlsx" {
		fmt.Fprintf(g.stderr, "rapor gen: --format must be csv or xlsx, got %q\n", *format)
		return exitUsage
	}
	o := gen.Options{Rows: *rows, Seed: *seed, Months: *months, Noise: *noise, BadRows: *bad, ExcelDates: *excelDates}
	if *asOf != "" {
		d, err := time.ParseInLocation("2006-01-02", *asOf, gen.WITA)
		if err != nil {
			fmt.Fprintf(g.stderr, "rapor gen: --as-of must be YYYY-MM-DD, got %q\n", *asOf)
			return exitUsage
		}
		o.AsOf = d.Add(24*time.Hour - time.Second)
	}
	start := time.Now()
	n, err := gen.Write(*out, f, o)
	if err != nil {
		return fail(g, err)
	}
	g.log.Debug("generated", "rows", n, "seconds", time.Since(start).Seconds())
	fmt.Fprintf(g.stdout, "%s: %d rows (%s, seed %d)\n", *out, n, f, *seed)
	return exitOK
}
