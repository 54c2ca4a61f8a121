package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/transform"
)

func init() {
	register(command{name: "build", summary: "compute the scorecard tables from the ingested complaints", run: runBuild})
}

func runBuild(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "build", "[flags]", "")
	wait := fs.Duration("wait", 0, "flag_wait")
	testOnly := fs.Bool("test-only", false, "flag_test_only")
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
	if err := mustExist(g); err != nil {
		return fail(g, err)
	}
	db, err := openWriter(ctx, g, cfg, *wait)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()

	if *testOnly {
		steps, err := transform.Test(ctx, db)
		if err != nil {
			return fail(g, err)
		}
		skipped := 0
		for _, s := range steps {
			if s.Skipped {
				skipped++
			}
		}
		fmt.Fprintln(g.stdout, g.l.T("build_tests", len(steps)-skipped, skipped))
		return exitOK
	}
	res, err := g.pipeline(cfg, ingest.Options{}).Build(ctx, db)
	if err != nil {
		return fail(g, err)
	}
	fmt.Fprintln(g.stdout, g.l.T("build_done", res.BuildID, res.AsOf.In(cfg.Location()).Format("2006-01-02 15:04"),
		cfg.Timezone, len(res.Models), len(res.Tests), res.Duration().Round(10*time.Millisecond).Seconds()))
	names := make([]string, 0, len(res.Tables))
	for n := range res.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(g.stdout, g.l.T("table_rows", n, g.l.Number(res.Tables[n])))
	}
	return exitOK
}
