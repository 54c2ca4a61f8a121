package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/hsu-lapor/rapor/transform"
)

func init() {
	register(command{name: "build", summary: "compute the scorecard tables from the ingested complaints", run: runBuild})
}

func runBuild(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "build", "[flags]", `
Recomputes every scorecard table (calendar, complaint_facts, agency_month, agency_period,
regency_month, regency_period, data_quality, build_info) from the complaints in the database,
then runs the data tests. The build is one transaction: if a model or a data test fails, the
tables stay as the last good build left them, and the failure is logged in build_runs.
--test-only runs the data tests on the current tables without rebuilding.`)
	wait := fs.Duration("wait", 0, "how long to wait for another rapor process to release the database")
	testOnly := fs.Bool("test-only", false, "only run the data tests on the current tables")
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
		fmt.Fprintf(g.stdout, "%d data tests passed\n", len(steps))
		return exitOK
	}
	res, err := transform.Build(ctx, db, cfg, transform.WithVersion(programVersion()))
	for _, s := range res.Models {
		g.log.Debug("model", "table", s.Name, "rows", s.Rows, "seconds", s.Duration.Seconds())
	}
	for _, s := range res.Tests {
		g.log.Debug("data test", "test", s.Name, "violations", s.Rows, "seconds", s.Duration.Seconds())
	}
	if err != nil {
		if errors.Is(err, transform.ErrNoComplaints) {
			return fail(g, err)
		}
		return fail(g, fmt.Errorf("build %d failed: %w", res.BuildID, err))
	}
	loc := cfg.Location()
	fmt.Fprintf(g.stdout, "build %d: data as of %s (%s), %d models, %d data tests passed, %.2f s\n",
		res.BuildID, res.AsOf.In(loc).Format("2006-01-02 15:04"), cfg.Timezone, len(res.Models), len(res.Tests),
		res.Duration().Round(10*time.Millisecond).Seconds())
	names := make([]string, 0, len(res.Tables))
	for n := range res.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(g.stdout, "  %-16s %d rows\n", n, res.Tables[n])
	}
	return exitOK
}
