package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/internal/job"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

func init() {
	register(command{name: "run", summary: "the monthly batch job: inbox -> ingest -> build -> reports", run: runJob})
}

func runJob(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "run", "[--inbox DIR] [--month YYYY-MM] [--out DIR]", `
The monthly job, for cron or a systemd timer. Ingests every file waiting in --inbox (each in
its own transaction), moving it to inbox/processed/ or, with the reason in a .alasan.txt file
beside it, to inbox/failed/; rebuilds the metric tables; writes the month's scorecard (HTML and
XLSX) and the 6-month comparison into --out; and records the run in the table job_runs.
Safe to run again. While another rapor process holds the database it waits up to --wait,
then fails with a clear message. The exit code is 1 if anything failed, and 3 if all went well
and the build raised new early warnings (table warnings, new = true).

The month defaults to the month before today, but not later than the data's cut-off month.`)
	inbox := fs.String("inbox", "inbox", "directory where exports arrive")
	month := fs.String("month", "", "month to report, YYYY-MM (default: see above)")
	out := fs.String("out", "laporan", "directory for the reports")
	wait := fs.Duration("wait", 0, "how long to wait for another rapor process to release the database (e.g. 30m)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	var m time.Time
	if *month != "" {
		if m, err = time.ParseInLocation("2006-01", *month, cfg.Location()); err != nil {
			fmt.Fprintf(g.stderr, "rapor run: --month must be YYYY-MM, got %q\n", *month)
			return exitUsage
		}
	}
	opts, err := ingestOptions(cfg, cfg.Mappings, "")
	if err != nil {
		return fail(g, err)
	}
	opts.Log = g.log
	db, err := openWriter(ctx, g, cfg, *wait)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	var newWarnings int64
	o := job.Options{
		Inbox: *inbox, Month: m, Loc: cfg.Location(), Ingest: opts, Version: programVersion(), Out: g.stdout, Log: g.log,
		Build: func(ctx context.Context, db *store.DB) (int64, time.Time, error) {
			res, err := transform.Build(ctx, db, cfg, transform.WithVersion(programVersion()))
			newWarnings = res.NewWarnings
			return res.BuildID, res.AsOf, err
		},
		Report: func(ctx context.Context, db *store.DB, month time.Time) ([]string, error) {
			return writeReports(ctx, db, *out, month, cfg.Lang)
		},
	}
	res, err := job.Run(ctx, db, o)
	if err != nil {
		fmt.Fprintf(g.stderr, "rapor run: job %d failed: %v\n", res.JobID, err)
		return exitFailure
	}
	fmt.Fprintf(g.stdout, "job %d: %d files (%d new, %d seen before), build %d, %d reports\n",
		res.JobID, res.Files, res.Ingested, res.Skipped, res.BuildID, len(res.Reports))
	if newWarnings > 0 {
		fmt.Fprintf(g.stdout, "%d new early warning(s): rapor query warnings (exit status %d)\n", newWarnings, exitWarnings)
		return exitWarnings
	}
	return exitOK
}

// writeReports writes the month's scorecard for each regency (in a subdirectory per regency
// when there are several) and the comparison of the six months ending with it.
func writeReports(ctx context.Context, db *store.DB, out string, month time.Time, lang string) ([]string, error) {
	regencies, err := reports.Regencies(ctx, db)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, r := range regencies {
		dir := out
		if len(regencies) > 1 {
			dir = filepath.Join(out, slug(r))
		}
		res, err := reports.Monthly(ctx, db, reports.Options{Month: month.Format("2006-01"), OutDir: dir, Lang: lang, Regency: r})
		if err != nil {
			return paths, fmt.Errorf("%s: %w", r, err)
		}
		paths = append(paths, res.HTML, res.XLSX)
		// One page per SKPD, for its kepala dinas (in skpd/ beside the scorecard).
		pages, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{Options: reports.Options{Month: month.Format("2006-01"), OutDir: filepath.Join(dir, "skpd"), Lang: lang, Regency: r}})
		if err != nil {
			return paths, fmt.Errorf("%s: SKPD pages: %w", r, err)
		}
		paths = append(paths, pages...)
	}
	cmp, err := reports.Compare(ctx, db, reports.CompareOptions{From: month.AddDate(0, -5, 0).Format("2006-01"), To: month.Format("2006-01"), OutDir: out, Lang: lang})
	if err != nil {
		return paths, fmt.Errorf("comparison: %w", err)
	}
	return append(paths, cmp.HTML, cmp.XLSX), nil
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}
