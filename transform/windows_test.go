package transform

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
)

// TestDurationWindowsMatchGrid: the Go pass over the histogram gives exactly the rows and values
// (doubles compared for equality) that the SQL grid method gave, on synthetic complaints dense
// (3 regencies) and sparse (100 regencies: most windows hold a few durations, where the
// ranks of the median and the 90th percentile are not in order).
func TestDurationWindowsMatchGrid(t *testing.T) {
	grid, err := os.ReadFile("testdata/duration_quantiles_grid.sql")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ complaints, regencies int }{{8000, 3}, {3000, 100}}
	for _, c := range cases {
		cfg := config.Default()
		db := openDB(t, cfg)
		if _, err := db.Exec(synthSQL, c.complaints, c.regencies, c.regencies, c.complaints); err != nil {
			t.Fatal(err)
		}
		var rows, onlyNew, onlyGrid, fractional int64
		build(t, db, cfg, WithClock(time.Now), func(o *options) {
			o.beforeTests = func(ctx context.Context, tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, string(grid)); err != nil {
					return err
				}
				return tx.QueryRowContext(ctx, `SELECT
					(SELECT count(*) FROM duration_quantiles),
					(SELECT count(*) FROM (SELECT * FROM duration_quantiles EXCEPT ALL SELECT * FROM duration_quantiles_grid)),
					(SELECT count(*) FROM (SELECT * FROM duration_quantiles_grid EXCEPT ALL SELECT * FROM duration_quantiles)),
					(SELECT count(*) FROM duration_quantiles WHERE response_wd_p90 <> floor(response_wd_p90))`).Scan(&rows, &onlyNew, &onlyGrid, &fractional)
			}
		})
		if rows == 0 || fractional == 0 {
			t.Errorf("%d complaints in %d regencies: %d rows, %d with an interpolated p90: nothing compared", c.complaints, c.regencies, rows, fractional)
		}
		if onlyNew != 0 || onlyGrid != 0 {
			t.Errorf("%d complaints in %d regencies: %d rows differ from the grid's, %d of the grid's are missing (of %d)", c.complaints, c.regencies, onlyNew, onlyGrid, rows)
		}
	}
}
