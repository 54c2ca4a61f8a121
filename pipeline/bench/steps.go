package bench

import (
	"context"
	"path/filepath"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/pipeline"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
)

// Steps are the pipeline's stages timed after the ingest: the metrics build and the month's
// scorecard. The build counts in "ingest + build", the figure compared with pandas.
func Steps(p *pipeline.Pipeline) []Step {
	return []Step{
		{Name: "build (transform.Build)", Run: func(ctx context.Context, db *store.DB) error {
			_, err := p.Build(ctx, db)
			return err
		}, Compare: true},
		{Name: "report, one month (HTML + XLSX)", Run: func(ctx context.Context, db *store.DB) error {
			// The generated exports end in October 2025 (gen.DefaultAsOf).
			_, err := reports.Monthly(ctx, db, reports.Options{
				Month: gen.DefaultAsOf.Format("2006-01"), OutDir: dirOf(db), Lang: string(p.Lang),
			})
			return err
		}},
		// At 10 million complaints (rapor bench --rows 10000000) the accountability list runs past
		// an Excel sheet's 1,048,576 rows: the workbook goes on over numbered sheets.
		{Name: "SKPD pages, one month (HTML)", Run: func(ctx context.Context, db *store.DB) error {
			_, err := p.AgencyPages(ctx, db, gen.DefaultAsOf, filepath.Join(dirOf(db), "skpd"), "")
			return err
		}},
	}
}

func dirOf(db *store.DB) string { return filepath.Dir(db.Path) }
