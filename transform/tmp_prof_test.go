package transform

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
)

func TestTmpProf(t *testing.T) {
	asOf := gen.DefaultAsOf
	pop := gen.FlatPopulation(11, historyRows, asOf.AddDate(0, -24, 0), asOf)
	path := filepath.Join(t.TempDir(), "history.csv")
	gen.WriteHistory(path, pop, asOf)
	cfg := config.Default()
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, path)
	b, _ := os.ReadFile("models/035_repeats.sql")
	q := string(b)
	q = q[strings.Index(q, "WITH p AS"):]
	build(t, db, cfg, func(o *options) {
		o.beforeTests = func(ctx context.Context, tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, "EXPLAIN ANALYZE "+q)
			if err != nil {
				return err
			}
			var out []string
			for rows.Next() {
				var a, b string
				rows.Scan(&a, &b)
				out = append(out, b)
			}
			os.WriteFile("/tmp/signals_prof2.txt", []byte(strings.Join(out, "\n")), 0o644)
			return nil
		}
	})
}
