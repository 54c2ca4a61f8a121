package transform

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/store"
)

// truthViolations lists the complaints whose service-level outcome disagrees with the generated
// history's true event times, or whose bounds do not contain the true event (metrics.md: "A
// bound may be wide; it may never be wrong"). The truth file's times carry their zone; local
// dates and working days come from the build's calendar.
const truthViolations = `
WITH t AS (
    SELECT tracking_id,
           submitted_at::TIMESTAMPTZ AS sub,
           nullif(disposed_at, '')::TIMESTAMPTZ AS disp,
           nullif(first_followup_at, '')::TIMESTAMPTZ AS fu,
           nullif(closed_at, '')::TIMESTAMPTZ AS clo
    FROM read_csv(?, all_varchar = true, header = true)
),
j AS (
    SELECT f.tracking_id, f.verification_sla, f.response_sla, f.completion_sla,
           f.disposed_lo, f.disposed_hi, f.response_lo, f.response_hi, f.closed_lo, f.closed_hi,
           t.sub, t.disp, t.fu, t.clo,
           cd.wd_index - cs.wd_index AS true_verify_wd,
           cf.wd_index - cd.wd_index AS true_response_wd,
           t.clo::DATE - t.disp::DATE AS true_close_days,
           b.verification_working_days AS v, b.response_working_days AS r, b.completion_days AS c
    FROM complaint_facts AS f
    JOIN t USING (tracking_id)
    CROSS JOIN build_info AS b
    JOIN calendar AS cs ON cs.date = t.sub::DATE
    LEFT JOIN calendar AS cd ON cd.date = t.disp::DATE
    LEFT JOIN calendar AS cf ON cf.date = t.fu::DATE
)
SELECT tracking_id, what FROM (
    SELECT tracking_id, 'verification met, truly not' AS what FROM j
    WHERE verification_sla = 'met' AND NOT coalesce(true_verify_wd <= v, false)
    UNION ALL SELECT tracking_id, 'verification missed, truly met' FROM j
    WHERE verification_sla = 'missed' AND coalesce(true_verify_wd <= v, false)
    UNION ALL SELECT tracking_id, 'response met, truly not' FROM j
    WHERE response_sla = 'met' AND NOT coalesce(true_response_wd <= r, false)
    UNION ALL SELECT tracking_id, 'response missed, truly met' FROM j
    WHERE response_sla = 'missed' AND coalesce(true_response_wd <= r, false)
    UNION ALL SELECT tracking_id, 'completion met, truly not' FROM j
    WHERE completion_sla = 'met' AND NOT coalesce(true_close_days <= c, false)
    UNION ALL SELECT tracking_id, 'completion missed, truly met' FROM j
    WHERE completion_sla = 'missed' AND coalesce(true_close_days <= c, false)
    UNION ALL SELECT tracking_id, 'disposition outside its bounds' FROM j
    WHERE disp IS NOT NULL AND (disp < disposed_lo OR disp > disposed_hi)
    UNION ALL SELECT tracking_id, 'disposed per the bounds, truly not' FROM j
    WHERE disposed_hi IS NOT NULL AND disp IS NULL
    UNION ALL SELECT tracking_id, 'follow-up outside its bounds' FROM j
    WHERE fu IS NOT NULL AND (fu < response_lo OR fu > response_hi)
    UNION ALL SELECT tracking_id, 'followed up per the bounds, truly not' FROM j
    WHERE response_hi IS NOT NULL AND fu IS NULL
    UNION ALL SELECT tracking_id, 'closure outside its bounds' FROM j
    WHERE clo IS NOT NULL AND closed_hi IS NOT NULL AND (clo < closed_lo OR clo > closed_hi)
    UNION ALL SELECT tracking_id, 'closed per the bounds, truly not' FROM j
    WHERE closed_hi IS NOT NULL AND clo IS NULL
)
ORDER BY what, tracking_id`

// undeterminedShares is, among the cohort's complaints submitted at least 30 days before as_of,
// the share whose response and completion levels are undetermined.
const undeterminedShares = `
SELECT count(*),
       avg((response_sla = 'undetermined')::INTEGER),
       avg((completion_sla = 'undetermined')::INTEGER)
FROM complaint_facts, build_info
WHERE in_cohort AND submitted_at <= as_of - INTERVAL 30 DAY`

// TestSnapshotOutcomesAgreeWithTruth ingests generated Laporan Ringkas series (weekly and daily)
// with the real ingest and checks every outcome rapor decides against the simulated history.
func TestSnapshotOutcomesAgreeWithTruth(t *testing.T) {
	for _, tc := range []struct {
		name      string
		every     time.Duration
		snapshots int
		rows      int
	}{
		{"weekly", 7 * 24 * time.Hour, 16, 500},
		{"daily", 24 * time.Hour, 45, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			snaps, err := gen.WriteRingkasSeries(dir, gen.RingkasOptions{
				Rows: tc.rows, Seed: 7, Snapshots: tc.snapshots, Every: tc.every, Months: 2,
				Start: time.Date(2025, 6, 2, 0, 0, 0, 0, gen.WIB),
			})
			if err != nil {
				t.Fatal(err)
			}
			cfg := config.Default()
			db := openDB(t, cfg)
			ingestFiles(t, db, cfg, snapshotFiles(dir, snaps)...)
			build(t, db, cfg)

			rows, err := db.Query(truthViolations, filepath.Join(dir, ".truth.csv"))
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				var id, what string
				if err := rows.Scan(&id, &what); err != nil {
					t.Fatal(err)
				}
				if n++; n <= 20 {
					t.Errorf("%s: %s", id, what)
				}
			}
			if n > 20 {
				t.Errorf("... %d violations in all", n)
			}
			var cohort int64
			var resp, compl float64
			if err := db.QueryRow(undeterminedShares).Scan(&cohort, &resp, &compl); err != nil {
				t.Fatal(err)
			}
			if cohort < int64(tc.rows)/4 {
				t.Fatalf("only %d complaints in the cohorts: the series did not ingest as layout R", cohort)
			}
			// The shares are a figure for the README, not an assertion; but a build that decided
			// nothing would be useless, and one that decided everything would be guessing.
			t.Logf("%s: %d cohort complaints at least 30 days old: response undetermined %.0f%%, completion undetermined %.0f%%",
				tc.name, cohort, 100*resp, 100*compl)
			// Outcomes were decided both ways, so the agreement above is not vacuous.
			for _, col := range []string{"verification_sla", "response_sla", "completion_sla"} {
				var met, missed int64
				q := `SELECT count(*) FILTER (WHERE ` + col + ` = 'met'), count(*) FILTER (WHERE ` + col + ` = 'missed') FROM complaint_facts`
				if err := db.QueryRow(q).Scan(&met, &missed); err != nil {
					t.Fatal(err)
				}
				t.Logf("%s: %s met %d, missed %d", tc.name, col, met, missed)
				if met == 0 || missed == 0 {
					t.Errorf("%s: met %d, missed %d: the series decides nothing one way", col, met, missed)
				}
			}
			if compl >= 0.9 {
				t.Errorf("completion undetermined for %.0f%%: the bounds decide almost nothing", 100*compl)
			}
		})
	}
}

// TestSnapshotOrderDoesNotMatter ingests the same weekly series in file order and shuffled:
// the facts and the scorecard are the same.
func TestSnapshotOrderDoesNotMatter(t *testing.T) {
	dir := t.TempDir()
	snaps, err := gen.WriteRingkasSeries(dir, gen.RingkasOptions{
		Rows: 200, Seed: 11, Snapshots: 8, Every: 7 * 24 * time.Hour, Months: 2,
		Start: time.Date(2025, 6, 2, 0, 0, 0, 0, gen.WIB),
	})
	if err != nil {
		t.Fatal(err)
	}
	files := snapshotFiles(dir, snaps)
	cfg := config.Default()
	digest := func(order []string) map[string]string {
		db := openDB(t, cfg)
		ingestFiles(t, db, cfg, order...)
		build(t, db, cfg)
		out := map[string]string{}
		for _, table := range []string{"complaint_facts", "agency_month", "regency_month", "open_complaints"} {
			var d string
			q := fmt.Sprintf(`SELECT coalesce(sum(hash(t)), 0)::VARCHAR || '/' || count(*) FROM %s AS t`, store.QuoteIdent(table))
			if err := db.QueryRowContext(context.Background(), q).Scan(&d); err != nil {
				t.Fatal(err)
			}
			out[table] = d
		}
		return out
	}
	want := digest(files)
	shuffled := append([]string(nil), files...)
	rand.New(rand.NewSource(3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	got := digest(shuffled)
	for table, w := range want {
		if got[table] != w {
			t.Errorf("%s: in order %s, shuffled %s", table, w, got[table])
		}
	}
}

func snapshotFiles(dir string, snaps []gen.Snapshot) []string {
	var files []string
	for _, s := range snaps {
		files = append(files, s.Path)
	}
	sort.Strings(files)
	return files
}
