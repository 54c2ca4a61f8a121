package main

import (
	"context"
	"path/filepath"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/pipeline/bench"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

// benchSteps are the stages timed after the ingest: the metrics build and the reports. The
// build counts in "ingest + build", the figure compared with pandas.
func benchSteps(cfg config.Config) []bench.Step {
	return []bench.Step{
		{Name: "build (transform.Build)", Run: func(ctx context.Context, db *store.DB) error {
			_, err := transform.Build(ctx, db, cfg, transform.WithVersion(programVersion()))
			return err
		}, Compare: true},
		{Name: "report, one month (HTML + XLSX)", Run: func(ctx context.Context, db *store.DB) error {
			// The generated exports end in October 2025 (gen.DefaultAsOf).
			_, err := reports.Monthly(ctx, db, reports.Options{
				Month: gen.DefaultAsOf.Format("2006-01"), OutDir: filepath.Dir(db.Path), Lang: cfg.Lang,
			})
			return err
		}},
	}
}
