package transform

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/store"
)

// historyRows is the size of the generated histories: 24 months, about 1,700 complaints a
// month, so that most SKPD have the warnings' min_received in a month.
const historyRows = 40000

// genHistory ingests and builds a generated 24-month history (layout A, cut at gen.DefaultAsOf),
// with plan's signals planted when plan is not nil.
func genHistory(t *testing.T, plan *gen.Plan, before func(db *store.DB)) (*store.DB, gen.Planted) {
	t.Helper()
	asOf := gen.DefaultAsOf
	pop := gen.FlatPopulation(11, historyRows, asOf.AddDate(0, -24, 0), asOf)
	var planted gen.Planted
	if plan != nil {
		var err error
		if pop, planted, err = gen.Plant(pop, *plan, asOf); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "history.csv")
	if err := gen.WriteHistory(path, pop, asOf); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, path)
	if before != nil {
		before(db)
	}
	build(t, db, cfg)
	return db, planted
}

func warningRows(t *testing.T, db *store.DB) []string {
	t.Helper()
	var out []string
	for _, r := range queryMaps(t, db.DB, `SELECT coalesce(agency, '-') AS agency, kind, strftime(month, '%Y-%m') AS month, months, measured, baseline, value, z, new FROM warnings ORDER BY month, kind, agency`) {
		out = append(out, fmt.Sprintf("%s %s %s %v %v base=%v value=%v z=%v new=%v", r["month"], r["kind"], r["agency"], r["months"], r["measured"], r["baseline"], r["value"], r["z"], r["new"]))
	}
	return out
}

// TestWarningsCleanHistory: a generated history without planted signals raises no warning.
func TestWarningsCleanHistory(t *testing.T) {
	db, _ := genHistory(t, nil, nil)
	if w := warningRows(t, db); len(w) > 0 {
		t.Errorf("%d warnings on a history without planted signals:\n  %s", len(w), strings.Join(w, "\n  "))
	}
	var months int
	if err := db.QueryRow(`SELECT count(*) FROM periods WHERE period_type = 'month' AND complete AND NOT maturing`).Scan(&months); err != nil || months < 20 {
		t.Fatalf("%d mature months (%v): the history is too short to judge", months, err)
	}
}

var _ = time.Now
