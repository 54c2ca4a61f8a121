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
	fs := newFlags(g, "gen", "--rows N --out FILE [--format csv|xlsx] [--seed S]", "")
	rows := fs.Int("rows", 1000, "flag_gen_rows")
	out := fs.String("out", "", "flag_gen_out")
	format := fs.String("format", "", "flag_gen_format")
	seed := fs.Int64("seed", 1, "flag_seed")
	asOf := fs.String("as-of", "", "flag_as_of")
	months := fs.Int("months", 12, "flag_months")
	noise := fs.Bool("noise", false, "flag_noise")
	bad := fs.Int("bad-rows", 0, "flag_bad_rows")
	excelDates := fs.Bool("excel-dates", false, "flag_excel_dates")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() > 0 || *rows < 0 {
		fs.Usage()
		return exitUsage
	}
	l := g.helpLang()
	f := strings.ToLower(*format)
	if f == "" {
		f = "csv"
		if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			f = "xlsx"
		}
	}
	if f != "csv" && f != "xlsx" {
		fmt.Fprintln(g.stderr, "rapor gen: "+l.T("gen_bad_format", *format))
		return exitUsage
	}
	o := gen.Options{Rows: *rows, Seed: *seed, Months: *months, Noise: *noise, BadRows: *bad, ExcelDates: *excelDates}
	if *asOf != "" {
		d, err := time.ParseInLocation("2006-01-02", *asOf, gen.WITA)
		if err != nil {
			fmt.Fprintln(g.stderr, "rapor gen: "+l.T("gen_bad_as_of", *asOf))
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
	fmt.Fprintln(g.stdout, l.T("gen_done", *out, l.Number(int64(n)), f, *seed))
	return exitOK
}
