package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/gen"
)

func init() {
	register(command{name: "gen", summary: "generate realistic synthetic LAPOR! exports (layout A, or Laporan Ringkas snapshots)", run: runGen})
}

func runGen(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "gen", "--rows N --out FILE [--format csv|xlsx] [--seed S]  |  --layout ringkas --snapshots K --every 7d --out DIR", "")
	layout := fs.String("layout", "a", "flag_gen_layout")
	rows := fs.Int("rows", 1000, "flag_gen_rows")
	out := fs.String("out", "", "flag_gen_out")
	format := fs.String("format", "", "flag_gen_format")
	seed := fs.Int64("seed", 1, "flag_seed")
	asOf := fs.String("as-of", "", "flag_as_of")
	months := fs.Int("months", 12, "flag_months")
	noise := fs.Bool("noise", false, "flag_noise")
	bad := fs.Int("bad-rows", 0, "flag_bad_rows")
	excelDates := fs.Bool("excel-dates", false, "flag_excel_dates")
	snapshots := fs.Int("snapshots", 1, "flag_snapshots")
	every := fs.String("every", "7d", "flag_every")
	startDate := fs.String("start", "", "flag_start")
	regency := fs.String("regency", gen.DefaultRegency, "flag_gen_regency")
	variant := fs.Int("variant", 0, "flag_variant")
	unknown := fs.Bool("unknown-status", false, "flag_unknown_status")
	truth := fs.String("truth", "", "flag_truth")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() > 0 || *rows < 0 {
		fs.Usage()
		return exitUsage
	}
	l := g.helpLang()
	switch strings.ToLower(*layout) {
	case "a":
	case "ringkas", "r":
		o := gen.RingkasOptions{Rows: *rows, Seed: *seed, Snapshots: *snapshots, Months: *months,
			Regency: *regency, Variant: *variant, UnknownStatus: *unknown, Truth: *truth}
		d, err := parseEvery(*every)
		if err != nil {
			fmt.Fprintln(g.stderr, "rapor gen: --every: "+l.T("gen_bad_every", *every))
			return exitUsage
		}
		o.Every = d
		if *startDate != "" {
			t, err := time.ParseInLocation("2006-01-02", *startDate, gen.WIB)
			if err != nil {
				fmt.Fprintln(g.stderr, "rapor gen: "+l.T("gen_bad_start", *startDate))
				return exitUsage
			}
			o.Start = t
		}
		if *snapshots < 1 || (*variant != 0 && gen.RingkasHeader(*variant) == nil) {
			fmt.Fprintln(g.stderr, "rapor gen: "+l.T("gen_bad_snapshots"))
			return exitUsage
		}
		start := time.Now()
		snaps, err := gen.WriteRingkasSeries(*out, o)
		if err != nil {
			return fail(g, err)
		}
		total := 0
		for _, s := range snaps {
			total += s.Rows
		}
		secs := time.Since(start).Seconds()
		g.log.Debug("generated", "files", len(snaps), "rows", total, "seconds", secs)
		tp := *truth
		if tp == "" {
			tp = filepath.Join(*out, ".truth.csv")
		}
		fmt.Fprintln(g.stdout, l.T("gen_ringkas_done", *out, len(snaps), l.Number(int64(total)), l.Number(int64(*rows)), *seed, tp))
		return exitOK
	default:
		fmt.Fprintln(g.stderr, "rapor gen: "+l.T("gen_bad_layout", *layout))
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

// parseEvery reads a duration with a day unit as well: "7d", "1d", "36h", "1d12h".
func parseEvery(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var total time.Duration
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not a duration like 7d, 1d or 12h", s)
		}
		total = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
	}
	if s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration like 7d, 1d or 12h", s)
		}
		total += d
	}
	if total <= 0 {
		return 0, fmt.Errorf("the time between snapshots must be positive")
	}
	return total, nil
}
