package transform

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
)

// TestDataTestsPass: on the fixture every data test runs and finds nothing, and Test (the
// standalone run) agrees.
func TestDataTestsPass(t *testing.T) {
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	res := build(t, db, cfg)
	if len(res.Tests) != len(Tests()) || len(Tests()) < 10 {
		t.Fatalf("%d tests ran, %d embedded", len(res.Tests), len(Tests()))
	}
	for _, s := range res.Tests {
		if s.Rows != 0 {
			t.Errorf("%s: %d violations", s.Name, s.Rows)
		}
	}
	if _, err := Test(context.Background(), db); err != nil {
		t.Fatal(err)
	}
}

// TestDataTestsFail corrupts data and expects the build (or Test) to fail naming the test, with
// the previous build's tables left as they were and the failure logged in build_runs.
func TestDataTestsFail(t *testing.T) {
	cfg := fixtureConfig(t)
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	good := build(t, db, cfg)

	scoreOf := func() float64 {
		var s float64
		if err := db.QueryRow(`SELECT score FROM agency_month WHERE agency = 'Dinas Kesehatan' AND month = DATE '2025-02-01'`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := scoreOf()

	cases := []struct {
		name    string
		corrupt func(ctx context.Context, tx *sql.Tx) error // inside the build, after the models
		input   string                                      // or: a change to the ingested complaints
		test    string                                      // the data test that must fail
	}{
		{name: "rating out of range in the complaints", test: "ratings_in_range",
			input: `UPDATE complaints SET rating = 9 WHERE tracking_id = 'HSU-K1'`},
		{name: "duplicate agency-month row", test: "unique_keys",
			corrupt: execAll(`INSERT INTO agency_month SELECT * FROM agency_month LIMIT 1`)},
		{name: "rate above 1", test: "rates_in_range",
			corrupt: execAll(`UPDATE agency_month SET completion_rate = 1.5 WHERE agency = 'Dinas PUPR'`)},
		{name: "zone not matching the score", test: "score_and_zone",
			corrupt: execAll(`UPDATE agency_month SET zone = 'hijau' WHERE zone = 'merah'`)},
		{name: "received not reconciling", test: "reconcile_received",
			corrupt: execAll(`UPDATE regency_month SET received = received + 1 WHERE month = DATE '2025-03-01'`)},
		{name: "a zero where layout B has no data", test: "response_null_when_unavailable",
			corrupt: execAll(`UPDATE agency_month SET response_base = 0`)},
		{name: "NULL where the spec forbids it", test: "not_null",
			corrupt: execAll(`UPDATE agency_month SET open_end = NULL WHERE agency = 'Dinas Kesehatan'`)},
		{name: "gap in ranks", test: "rank_consistent",
			corrupt: execAll(`UPDATE agency_month SET rank = 5 WHERE rank = 3`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := []Option{WithClock(testClock)}
			if c.corrupt != nil {
				opts = append(opts, func(o *options) { o.beforeTests = c.corrupt })
			}
			if c.input != "" {
				if _, err := db.Exec(c.input); err != nil {
					t.Fatal(err)
				}
				// Undo the change for the next case (K1's rating is 5 in the fixture).
				defer db.Exec(`UPDATE complaints SET rating = 5 WHERE tracking_id = 'HSU-K1'`)
			}
			res, err := Build(context.Background(), db, cfg, opts...)
			var tf *TestsFailedError
			if !errors.As(err, &tf) {
				t.Fatalf("build error = %v, want failing data tests", err)
			}
			if !strings.Contains(err.Error(), c.test) {
				t.Errorf("error does not name %s:\n%v", c.test, err)
			}
			found := false
			for _, f := range tf.Failures {
				if f.Test == c.test && f.Count > 0 && len(f.Sample) > 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("no failure with sample rows for %s: %+v", c.test, tf.Failures)
			}
			if got := scoreOf(); got != before {
				t.Errorf("a failed build changed agency_month: score %v, was %v", got, before)
			}
			var status string
			var failed []any
			if err := db.QueryRow(`SELECT status, failed_tests FROM build_runs WHERE build_id = ?`, res.BuildID).Scan(&status, &failed); err != nil {
				t.Fatal(err)
			}
			if status != "failed" || !containsAny(failed, c.test) {
				t.Errorf("build_runs: status %s, failed_tests %v", status, failed)
			}
			var infoID int64
			db.QueryRow(`SELECT build_id FROM build_info`).Scan(&infoID)
			if infoID != good.BuildID {
				t.Errorf("build_info is from build %d, want the last good one %d", infoID, good.BuildID)
			}
		})
	}

	// Test() on tables changed by hand.
	if _, err := db.Exec(`UPDATE agency_month SET on_time_completion_rate = -0.1 WHERE agency = 'Dinas Pendidikan'`); err != nil {
		t.Fatal(err)
	}
	_, err := Test(context.Background(), db)
	if err == nil || !strings.Contains(err.Error(), "rates_in_range") {
		t.Errorf("Test after a manual change: %v", err)
	}
}

func execAll(stmts ...string) func(ctx context.Context, tx *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	}
}

func containsAny(list []any, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
