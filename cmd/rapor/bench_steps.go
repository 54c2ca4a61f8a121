package main

import (
	"context"
	"path/filepath"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/internal/bench"
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
		// At 10 million complaints (rapor bench --rows 10000000) the accountability list runs past
		// an Excel sheet's 1,048,576 rows: the workbook goes on over numbered sheets.
		{Name: "SKPD pages, one month (HTML)", Run: func(ctx context.Context, db *store.DB) error {
			_, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{Options: reports.Options{
				Month: gen.DefaultAsOf.Format("2006-01"), OutDir: filepath.Join(filepath.Dir(db.Path), "skpd"), Lang: cfg.Lang,
			}})
			return err
		}},
	}
}
