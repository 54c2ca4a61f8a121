package bench

import (
	"context"
	"path/filepath"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/pipeline"
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
			_, err := p.Scorecards(ctx, db, gen.DefaultAsOf, dirOf(db))
			return err
		}},
	}
}

func dirOf(db *store.DB) string { return filepath.Dir(db.Path) }
