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
	res := build(t, db, cfg)
	for _, m := range res.Models {
		if m.Name == "repeats" || m.Name == "complaint_facts" {
			t.Logf("%s: %v", m.Name, m.Duration)
		}
	}
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

// TestWarningsPlanted: every planted signal is found, at the month it was planted in, and
// nothing else; a slide that runs into maturing months raises nothing.
func TestWarningsPlanted(t *testing.T) {
	wita := gen.WITA
	plan := &gen.Plan{
		Slides: []gen.Slide{
			{Agency: "Dinas Kesehatan", From: time.Date(2025, 4, 1, 0, 0, 0, 0, wita), Shares: []float64{0.3, 0.6, 0.9}},
			// August is mature at as_of (2025-10-31), September and October are not.
			{Agency: "Dinas Kependudukan dan Pencatatan Sipil", From: time.Date(2025, 8, 1, 0, 0, 0, 0, wita), Shares: []float64{0.3, 0.6, 0.9}},
		},
		Spikes:  []gen.Spike{{Agency: "Dinas Perhubungan", Month: time.Date(2025, 7, 1, 0, 0, 0, 0, wita), Factor: 3}},
		Repeats: 30,
	}
	// Layout A cannot say "archived as expired", nor hold a complaint back from verification
	// after the fact: those two are planted in the ingested versions.
	plantInDB := func(db *store.DB) {
		for _, q := range []string{
			// 15 of Satpol PP's complaints disposed in May 2025 archived as expired.
			`UPDATE complaint_versions SET status = 'archived', status_detail = 'expired', first_response_at = NULL, closed_at = NULL, rating = NULL
			 WHERE is_current AND tracking_id IN (
			     SELECT tracking_id FROM complaints WHERE agency = 'Satpol PP' AND strftime(disposed_at, '%Y-%m') = '2025-05' ORDER BY tracking_id LIMIT 15)`,
			// The admin stops verifying: 150, 300 and 450 complaints submitted in April, May and June 2025 never disposed.
			`UPDATE complaint_versions SET status = 'unverified', verified_at = NULL, disposed_at = NULL, first_response_at = NULL, closed_at = NULL, rating = NULL, agency = NULL
			 WHERE is_current AND tracking_id IN (
			     SELECT tracking_id FROM (
			         SELECT tracking_id, strftime(submitted_at, '%Y-%m') AS m, row_number() OVER (PARTITION BY strftime(submitted_at, '%Y-%m') ORDER BY hash(tracking_id)) AS k
			         FROM complaints WHERE submitted_at >= '2025-04-01' AND submitted_at < '2025-07-01' AND length(tracking_id) < 9)
			     WHERE (m = '2025-04' AND k <= 150) OR (m = '2025-05' AND k <= 300) OR (m = '2025-06' AND k <= 450))`,
		} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, planted := genHistory(t, plan, plantInDB)

	found := map[string]bool{}
	for _, r := range queryMaps(t, db.DB, `SELECT coalesce(agency, '-') AS agency, kind, strftime(month, '%Y-%m') AS month FROM warnings`) {
		found[fmt.Sprintf("%s %s %s", r["kind"], r["agency"], r["month"])] = true
	}
	for _, w := range []string{
		"response_slide Dinas Kesehatan 2025-06",
		"volume_outlier Dinas Perhubungan 2025-07",
		"expired_jump Satpol PP 2025-05",
		"verification_backlog - 2025-06",
	} {
		if !found[w] {
			var series []string
			for _, r := range queryMaps(t, db.DB, `SELECT strftime(month, '%Y-%m') AS m, undisposed_end, maturing FROM regency_month ORDER BY month`) {
				series = append(series, fmt.Sprint(r["m"], " ", r["undisposed_end"], " ", r["maturing"]))
			}
			t.Errorf("planted %q not found; backlog %v", w, series)
		}
	}
	// Besides them only the consequences of the Dinas Kesehatan slide: its unanswered complaints
	// become overdue 60 days later.
	for w := range found {
		if strings.HasPrefix(w, "response_slide Dinas Kesehatan") || strings.HasPrefix(w, "overdue_growth Dinas Kesehatan") ||
			w == "volume_outlier Dinas Perhubungan 2025-07" || w == "expired_jump Satpol PP 2025-05" || strings.HasPrefix(w, "verification_backlog") {
			continue
		}
		t.Errorf("unexpected warning %s\n  all: %s", w, strings.Join(warningRows(t, db), "\n  "))
	}
	// Never a maturing month, and the Dukcapil slide (August to October) raises nothing.
	var maturing int
	if err := db.QueryRow(`SELECT count(*) FROM warnings AS w JOIN periods AS p ON p.period_type = 'month' AND p.end_month = w.month WHERE p.maturing OR NOT p.complete OR EXISTS (SELECT 1 FROM unnest(w.months) AS u(m) JOIN periods AS q ON q.period_type = 'month' AND q.end_month = u.m WHERE q.maturing)`).Scan(&maturing); err != nil || maturing > 0 {
		t.Errorf("%d warnings rest on maturing months (%v)", maturing, err)
	}
	for w := range found {
		if strings.Contains(w, "Kependudukan") {
			t.Errorf("a slide in maturing months raised %s", w)
		}
	}
	// The slide's numbers: four months, each below the one before, the fall at least 10 points.
	r := queryMaps(t, db.DB, `SELECT months, measured, baseline, value, z, new FROM warnings WHERE kind = 'response_slide' AND agency = 'Dinas Kesehatan' AND month = '2025-06-01'`)
	if len(r) == 1 {
		m := r[0]["measured"].([]any)
		if len(m) != 4 || m[0].(float64)-m[3].(float64) < 0.10 || r[0]["new"] != true || r[0]["z"].(float64) < 3 {
			t.Errorf("response slide: %v", r[0])
		}
	}

	// Repeats: every planted one is found, as a repeat of the complaint it repeats.
	got := map[string]string{}
	for _, r := range queryMaps(t, db.DB, `SELECT tracking_id, repeat_of, matched_by FROM repeats`) {
		got[r["tracking_id"].(string)] = r["repeat_of"].(string)
	}
	same := 0
	for _, p := range planted.Repeats {
		of, ok := got[p.Tracking]
		if !ok {
			t.Errorf("planted repeat %s (of %s) not found", p.Tracking, p.Of)
		}
		if of == p.Of {
			same++
		}
	}
	// A regular reporter may have had another complaint to the same SKPD closed later than the
	// planted original: the repeat then names that one.
	if same < len(planted.Repeats)*8/10 {
		t.Errorf("only %d of %d planted repeats name their original", same, len(planted.Repeats))
	}
	var inTable, inMonths int64
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM repeats), (SELECT sum(repeats) FROM agency_month)`).Scan(&inTable, &inMonths); err != nil || inTable != inMonths {
		t.Errorf("agency_month.repeats sums to %d, repeats holds %d (%v)", inMonths, inTable, err)
	}
	// The second build raises nothing new.
	cfg := config.Default()
	res := build(t, db, cfg)
	if res.Warnings == 0 || res.NewWarnings != 0 {
		t.Errorf("rebuild: %d warnings, %d new; want the same warnings, none new", res.Warnings, res.NewWarnings)
	}
}

// TestParentRollup: a parent's numbers are recomputed from its children's complaints: sums of
// counts, rates of the sums (not the mean of the children's rates), medians of all the complaints.
func TestParentRollup(t *testing.T) {
	asOf := gen.DefaultAsOf
	pop := gen.FlatPopulation(5, 8000, asOf.AddDate(0, -12, 0), asOf)
	path := filepath.Join(t.TempDir(), "history.csv")
	if err := gen.WriteHistory(path, pop, asOf); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Agencies = []config.Agency{{Name: "RSUD Pambalah Batung", Parent: "dinas  kesehatan"}}
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, path)
	// Instansi Induk as LAPOR!'s export gives it: the regency's own account (not a parent) for
	// most, an SKPD with sub-units for Disperkim.
	for _, q := range []string{
		`UPDATE complaint_versions SET parent_agency = 'Pemerintah Kabupaten Hulu Sungai Utara'`,
		`UPDATE complaint_versions SET parent_agency = 'Dinas Pekerjaan Umum dan Penataan Ruang' WHERE lower(agency) = 'disperkim'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	build(t, db, cfg)
	src := map[string]string{}
	for _, r := range queryMaps(t, db.DB, `SELECT agency, parent, parent_source FROM agency_parents`) {
		src[r["agency"].(string)] = r["parent"].(string) + " " + r["parent_source"].(string)
	}
	for a, want := range map[string]string{
		"RSUD Pambalah Batung": "Dinas Kesehatan master",
		"Disperkim":            "Dinas Pekerjaan Umum dan Penataan Ruang export",
		"Dinas Kesehatan":      "Dinas Kesehatan self",
		"Dinas Pekerjaan Umum dan Penataan Ruang": "Dinas Pekerjaan Umum dan Penataan Ruang self",
		"BPBD": "BPBD self",
	} {
		if src[a] != want {
			t.Errorf("%s: parent %q, want %q", a, src[a], want)
		}
	}
	rows := queryMaps(t, db.DB, `
		WITH kids AS (
		    SELECT a.month, sum(a.received) AS received, sum(a.responded_on_time) AS ot, sum(a.response_base) AS base,
		           avg(a.on_time_response_rate) AS mean_of_rates
		    FROM agency_month AS a WHERE a.agency IN ('Dinas Kesehatan', 'RSUD Pambalah Batung') GROUP BY ALL),
		med AS (
		    SELECT cohort_month AS month, quantile_cont(response_wd, 0.5) AS m, quantile_cont(response_wd, 0.9) AS p90
		    FROM complaint_facts WHERE in_cohort AND agency IN ('Dinas Kesehatan', 'RSUD Pambalah Batung') GROUP BY ALL)
		SELECT p.month, p.children, p.received = k.received AS same_received,
		       abs(p.on_time_response_rate - k.ot / k.base) < 1e-12 AS rate_of_sums,
		       abs(p.on_time_response_rate - k.mean_of_rates) AS off_mean,
		       p.response_wd_median IS NOT DISTINCT FROM med.m AS same_median,
		       p.response_wd_p90 IS NOT DISTINCT FROM med.p90 AS same_p90,
		       p.rank_change IS NOT DISTINCT FROM prev.rank - p.rank AS same_rank_change
		FROM parent_month AS p JOIN kids AS k USING (month) JOIN med USING (month)
		LEFT JOIN parent_month AS prev ON prev.parent = p.parent AND prev.month = p.month - INTERVAL 1 MONTH
		WHERE p.parent = 'Dinas Kesehatan'`)
	if len(rows) < 10 {
		t.Fatalf("%d months of Dinas Kesehatan as a parent", len(rows))
	}
	differs := false
	for _, r := range rows {
		if r["children"] != int64(2) || r["same_received"] != true || r["rate_of_sums"] != true || r["same_median"] != true ||
			r["same_p90"] != true || r["same_rank_change"] != true {
			t.Errorf("parent month %v", r)
		}
		if r["off_mean"].(float64) > 1e-6 {
			differs = true
		}
	}
	if !differs {
		t.Error("the parent's rate equals the mean of its children's every month: the test cannot tell them apart")
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM parent_period WHERE parent = 'Dinas Kesehatan' AND period_type = 'rolling_12m' AND children = 2 AND rank IS NOT NULL`).Scan(&n); err != nil || n == 0 {
		t.Errorf("parent_period: %d rows (%v)", n, err)
	}
	// The closure mix is summed; rank_change compares with the window a month earlier.
	var badMix, moves int
	if err := db.QueryRow(`
		WITH kids AS (
		    SELECT a.period_type, a.period, sum(a.closed_by_system) AS sys, sum(a.archived_other) AS other, sum(a.postponed) AS post
		    FROM agency_period AS a WHERE a.agency IN ('Dinas Kesehatan', 'RSUD Pambalah Batung') GROUP BY ALL)
		SELECT count(*) FILTER (WHERE p.closed_by_system IS DISTINCT FROM k.sys OR p.archived_other IS DISTINCT FROM k.other OR p.postponed IS DISTINCT FROM k.post),
		       count(*) FILTER (WHERE p.period_type = 'rolling_12m' AND p.rank_change IS NOT DISTINCT FROM prev.rank - p.rank AND p.rank_change IS NOT NULL)
		FROM parent_period AS p JOIN kids AS k USING (period_type, period)
		LEFT JOIN parent_period AS prev ON prev.parent = p.parent AND prev.period_type = p.period_type AND prev.end_month = p.end_month - INTERVAL 1 MONTH
		WHERE p.parent = 'Dinas Kesehatan'`).Scan(&badMix, &moves); err != nil || badMix != 0 || moves == 0 {
		t.Errorf("parent_period: %d rows whose closure mix is not the children's sum, %d rank changes (%v)", badMix, moves, err)
	}
}

// The same data gives the same repeats, build after build. Closures seen in one download share
// their instant, so the closure "last before" a complaint is often one of several tied ones: the
// tie must be broken by something the data fixes, not by the order in which parallel threads
// happened to write complaint_facts.
func TestRepeatsDeterministic(t *testing.T) {
	cfg := config.Default()
	db := openDB(t, cfg)
	if _, err := db.Exec(synthSQL, 250000, 3, 3, 250000); err != nil {
		t.Fatal(err)
	}
	// Closures to the day, as a daily series of downloads bounds them: many ties per key.
	if _, err := db.Exec(`UPDATE complaint_versions SET closed_at = date_trunc('day', closed_at)`); err != nil {
		t.Fatal(err)
	}
	var first string
	// Two row groups at least (122,880 rows each), so that complaint_facts is written by parallel
	// threads; a smaller table is written in one piece and hides the problem.
	for i := 0; i < 2; i++ {
		// The same rows in another order, as another sequence of ingests would have left them.
		for _, q := range []string{
			`CREATE OR REPLACE TEMP TABLE v AS SELECT * FROM complaint_versions`,
			`DELETE FROM complaint_versions`,
			`INSERT INTO complaint_versions SELECT * FROM v ORDER BY hash(tracking_id, ` + fmt.Sprint(i) + `)`,
		} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		build(t, db, cfg)
		var d string
		var n int64
		if err := db.QueryRow(`SELECT coalesce(sum(hash(tracking_id, repeat_of, matched_by, title_similarity)), 0)::VARCHAR, count(*) FROM repeats`).Scan(&d, &n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatal("no repeats: the test would prove nothing")
		}
		if i == 0 {
			first = d
		} else if d != first {
			t.Fatalf("build %d found other repeats than build 1 from the same data (%d rows)", i+1, n)
		}
	}
}
