package main

import (
	"context"
	"fmt"
	"time"

	"github.com/hsu-lapor/rapor/pipeline"
)

func init() {
	register(command{name: "run", summary: "the monthly batch job: inbox -> ingest -> build -> reports", run: runJob})
}

func runJob(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "run", "[--inbox DIR] [--month YYYY-MM] [--out DIR]", "")
	inbox := fs.String("inbox", "inbox", "flag_inbox")
	month := fs.String("month", "", "flag_run_month")
	out := fs.String("out", "laporan", "flag_run_out")
	wait := fs.Duration("wait", 0, "flag_wait")
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
			fmt.Fprintln(g.stderr, "rapor run: "+g.l.T("bad_month", "--month", *month))
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
	p := g.pipeline(cfg, opts)
	p.Progress = false // cron logs
	res, err := p.Job(ctx, db, pipeline.JobOptions{Inbox: *inbox, Month: m, OutDir: *out})
	if err != nil {
		fmt.Fprintln(g.stderr, "rapor run: "+g.l.T("job_failed", res.JobID, err))
		return exitFailure
	}
	fmt.Fprintln(g.stdout, g.l.T("job_done", res.JobID, res.Files, res.Ingested, res.Skipped, res.BuildID, len(res.Reports)))
	if res.NewWarnings > 0 {
		fmt.Fprintln(g.stdout, g.l.T("job_new_warnings", res.NewWarnings, exitWarnings))
		return exitWarnings
	}
	return exitOK
}
