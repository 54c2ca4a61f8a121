package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/queries"
)

// TestNamedQueries runs every named query on the demo database (after a build and with the
// census figures loaded) and checks each returns rows with the columns it promises.
func TestNamedQueries(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	demo := filepath.Join(dir, "demo")
	db := filepath.Join(demo, "rapor-demo.duckdb")
	if code, _, errs := cli(t, "--config", cfg, "demo", "--dir", demo, "--rows", "1500"); code != exitOK {
		t.Fatalf("demo: %s", errs)
	}
	if code, _, errs := cli(t, "--config", cfg, "--db", db, "build"); code != exitOK {
		t.Fatalf("build: %s", errs)
	}
	// Before the census figures are loaded, per-capita says what to run instead of counting
	// every complaint as "(tidak dikenali)".
	if code, out, errs := cli(t, "--config", cfg, "--db", db, "query", "per-capita", "--param", "from=2025-01", "--param", "to=2025-10"); code != exitFailure || out != "" ||
		!strings.Contains(errs, "area_population") || !strings.Contains(errs, "rapor population") {
		t.Errorf("per-capita before population: exit %d, %q, %q", code, out, errs)
	}
	if code, _, errs := cli(t, "--config", cfg, "--db", db, "population", "../../queries/data/populasi-hsu-sp2020.csv"); code != exitOK {
		t.Fatalf("population: %s", errs)
	}
	params := map[string][]string{
		"overdue":              {"agency=dinas  KESEHATAN"},
		"slowest-categories":   {"from=2025-01", "to=2025-10"},
		"repeat-complainants":  {"from=2025-01", "to=2025-10"},
		"movers":               {"month=2025-10"},
		"zones":                {"month=2025-10"},
		"verification-backlog": nil,
		"per-capita":           {"from=2025-01", "to=2025-10"},
		"repeats":              {"from=2025-01", "to=2025-10"},
		"warnings":             nil,
		"expired":              {"from=2024-11", "to=2025-10"},
	}
	wantCol := map[string]string{
		"overdue": "days_past_c", "slowest-categories": "response_wd_median", "repeat-complainants": "share_of_complaints",
		"movers": "score_change", "zones": "zone_12m", "verification-backlog": "working_days_waiting", "per-capita": "per_10000",
		"repeats": "repeat_of", "warnings": "kind",
		"expired": "archived_by",
	}
	// The demo's 1,500 complaints are too few for an early warning (transform's tests plant them).
	emptyOK := map[string]bool{"warnings": true}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(params) {
		t.Fatalf("%d named queries, the test knows %d: test the new one", len(all), len(params))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			args := []string{"--config", cfg, "--db", db, "query", q.Name, "--format", "json"}
			for _, p := range params[q.Name] {
				args = append(args, "--param", p)
			}
			code, out, errs := cli(t, args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var rows []map[string]any
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatalf("output is not JSON rows: %v\n%s", err, out)
			}
			if len(rows) == 0 && emptyOK[q.Name] {
				return
			}
			if len(rows) == 0 {
				t.Fatal("no rows on the demo data")
			}
			if _, ok := rows[0][wantCol[q.Name]]; !ok {
				t.Errorf("column %s missing: %v", wantCol[q.Name], rows[0])
			}
			// Floats are rounded for reading (no 25.70000000000001).
			for _, r := range rows {
				for k, v := range r {
					if f, ok := v.(float64); ok && math.Abs(f*1000-math.Round(f*1000)) > 1e-6*math.Max(1, math.Abs(f*1000)) {
						t.Errorf("%s = %v: more than three decimals", k, f)
					}
				}
			}
		})
	}
	// Parameters are checked before anything runs.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "movers"}, "needs --param month=VALUE"},
		{[]string{"query", "movers", "--param", "month=oktober"}, `"oktober" is not a date`},
		{[]string{"query", "movers", "--param", "month=2025-10", "--param", "x=1"}, `no parameter "x"`},
		{[]string{"query", "nope"}, `no query named "nope"`},
	} {
		code, _, errs := cli(t, append([]string{"--config", cfg, "--db", db}, c.args...)...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want usage error %q", c.args, code, errs, c.want)
		}
	}
	// An SKPD name that matches nothing is said so, with the close names, instead of 0 rows.
	for _, c := range []struct {
		agency string
		want   []string
	}{
		{"Dinsos", []string{`tidak ada SKPD bernama "Dinsos"`, `"Dinas Sosial"`}},
		{"kesehatan", []string{`"Dinas Kesehatan"`}},
		{"xyzzy", []string{"tidak ada nama yang mirip", "agency_names"}},
	} {
		code, out, errs := cli(t, "--config", cfg, "--db", db, "query", "overdue", "--param", "agency="+c.agency)
		if code != exitFailure || out != "" {
			t.Errorf("agency %q: exit %d, %q", c.agency, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("agency %q: %q does not say %q", c.agency, errs, w)
			}
		}
	}
	// A hostile parameter value is data, not SQL: it names no SKPD.
	code, out, errs := cli(t, "--config", cfg, "--db", db, "query", "overdue", "--param", "agency=x'); DROP TABLE complaint_versions; --", "--format", "csv")
	if code != exitFailure || out != "" || !strings.Contains(errs, "tidak ada SKPD") {
		t.Errorf("injection attempt: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := cli(t, "--config", cfg, "--db", db, "sql", "--format", "csv", "SELECT count(*) AS n FROM complaint_versions"); code != exitOK || strings.Contains(errs, "rror") {
		t.Errorf("complaint_versions after the attempt: %d %s", code, errs)
	}
}
