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
	fs := newFlags(g, "gen", "--rows N --out FILE [--format csv|xlsx] [--seed S]  |  --layout ringkas --snapshots K --every 7d --out DIR", `
Writes a synthetic SP4N-LAPOR! admin export (layout A) for Kabupaten Hulu Sungai Utara:
its 10 kecamatan, plausible SKPD of different diligence, office-hour timestamps, some
complaints never answered. The same seed gives the same file.

With --layout ringkas it writes, into the directory --out, K snapshot XLSX files of one
simulated history as the LAPOR! admin site gives "Laporan Ringkas" (layout R): each file is
the state of every complaint submitted so far at that snapshot's instant, with LAPOR! v3's
statuses and no event time but the submission's. Beside them go the truth (.truth.csv: every
true event instant per Tracking ID, RFC 3339) and the list of snapshots
(.truth-snapshots.csv); ingest skips both (dot-files).`)
	layout := fs.String("layout", "a", "a (full admin export) or ringkas (Laporan Ringkas snapshots)")
	rows := fs.Int("rows", 1000, "number of complaints (ringkas: in the whole history)")
	out := fs.String("out", "", "output file (layout a) or directory (ringkas) (required)")
	format := fs.String("format", "", "csv or xlsx (default: from the --out extension, else csv; layout a)")
	seed := fs.Int64("seed", 1, "random seed")
	asOf := fs.String("as-of", "", "cut-off date YYYY-MM-DD (default 2025-10-31): the export shows each complaint as of then (layout a)")
	months := fs.Int("months", 12, "months of submissions before the cut-off (ringkas: before the first snapshot)")
	noise := fs.Bool("noise", false, "add real-world mess (spaces, case, date forms) to about 3% of rows (layout a)")
	bad := fs.Int("bad-rows", 0, "number of invalid rows to plant (for testing rejects; layout a)")
	excelDates := fs.Bool("excel-dates", false, "XLSX: write timestamps as Excel date cells (layout a)")
	snapshots := fs.Int("snapshots", 1, "ringkas: number of snapshot files")
	every := fs.String("every", "7d", "ringkas: time between snapshots (7d, 1d, 12h, ...)")
	startDate := fs.String("start", "", "ringkas: date YYYY-MM-DD of the first snapshot (default 2025-01-06)")
	regency := fs.String("regency", gen.DefaultRegency, "ringkas: the regency (\"Hulu Sungai Utara\", \"Kota X\")")
	variant := fs.Int("variant", 0, "ringkas: force one column variant (17, 20 or 26); default switches through the series")
	unknown := fs.Bool("unknown-status", false, "ringkas: one row of the last snapshot gets a status no table knows")
	truth := fs.String("truth", "", "ringkas: truth CSV path (default DIR/.truth.csv)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" || fs.NArg() > 0 || *rows < 0 {
		fs.Usage()
		return exitUsage
	}
	switch strings.ToLower(*layout) {
	case "a":
	case "ringkas", "r":
		o := gen.RingkasOptions{Rows: *rows, Seed: *seed, Snapshots: *snapshots, Months: *months,
			Regency: *regency, Variant: *variant, UnknownStatus: *unknown, Truth: *truth}
		d, err := parseEvery(*every)
		if err != nil {
			fmt.Fprintf(g.stderr, "rapor gen: --every: %v\n", err)
			return exitUsage
		}
		o.Every = d
		if *startDate != "" {
			t, err := time.ParseInLocation("2006-01-02", *startDate, gen.WIB)
			if err != nil {
				fmt.Fprintf(g.stderr, "rapor gen: --start must be YYYY-MM-DD, got %q\n", *startDate)
				return exitUsage
			}
			o.Start = t
		}
		if *snapshots < 1 || (*variant != 0 && gen.RingkasHeader(*variant) == nil) {
			fmt.Fprintln(g.stderr, "rapor gen: --snapshots must be at least 1 and --variant 17, 20 or 26")
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
		fmt.Fprintf(g.stdout, "%s: %d Laporan Ringkas snapshots, %d rows, %d complaints (seed %d); truth %s\n",
			*out, len(snaps), total, *rows, *seed, tp)
		return exitOK
	default:
		fmt.Fprintf(g.stderr, "rapor gen: --layout must be a or ringkas, got %q\n", *layout)
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
