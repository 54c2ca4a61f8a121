package bench_test

import (
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/pipeline/bench"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

// The pandas yardstick of `rapor bench` computes the same agency_month as rapor: generated
// export, real ingest and build on one side, the embedded script on the other. Skipped where no
// python3 has pandas (CI).
func TestPandasComputesAgencyMonth(t *testing.T) {
	ctx := context.Background()
	python, version, why := bench.FindPandas(ctx)
	if python == "" {
		t.Skipf("no Python with pandas (%s); %s", why, bench.PandasInstall)
	}
	dir := t.TempDir()
	export := filepath.Join(dir, "export.csv")
	if _, err := gen.Write(export, "csv", gen.Options{Rows: 3000, Seed: 7}); err != nil {
		t.Fatal(err)
	}

	cfg := config.Default()
	db, err := store.Open(ctx, filepath.Join(dir, "rapor.duckdb"), store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	layouts, err := ingest.LoadLayouts()
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.File(ctx, db, export, ingest.Options{Regency: cfg.Regency, SourceLoc: cfg.SourceLocation(),
		Layouts: layouts, Pseudonymizer: ingest.NewPseudonymizer([]byte("test key, not secret")), Version: "test"})
	if err != nil || res.Rejected > 0 {
		t.Fatalf("ingest: %v (%d rejected)", err, res.Rejected)
	}
	if _, err := transform.Build(ctx, db, cfg, transform.WithVersion("test")); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(dir, "pandas.csv")
	run, err := bench.RunPandas(ctx, python, dir, export, out, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s (pandas %s): %s; peak RSS %d MB", python, version, run.Report, run.PeakRSS>>20)

	// Both tables as key -> column -> value ("" for NULL).
	cols := []string{"received", "responded", "responded_on_time", "closed", "closed_on_time", "rated", "rating_avg",
		"response_wd_median", "response_wd_p90", "close_days_median", "score", "zone"}
	want := map[string]map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT strftime(month, '%Y-%m-%d') || ' | ' || agency,
		received::VARCHAR, responded::VARCHAR, responded_on_time::VARCHAR, closed::VARCHAR, closed_on_time::VARCHAR,
		rated::VARCHAR, rating_avg::VARCHAR, response_wd_median::VARCHAR, response_wd_p90::VARCHAR,
		close_days_median::VARCHAR, score::VARCHAR, zone
		FROM agency_month`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var key string
		vals := make([]*string, len(cols))
		dest := []any{&key}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for i, c := range cols {
			if vals[i] != nil {
				m[c] = *vals[i]
			}
		}
		want[key] = m
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()

	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	got := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for _, c := range cols {
			m[c] = r[idx[c]]
		}
		got[r[idx["month"]]+" | "+r[idx["agency"]]] = m
	}

	if len(want) < 200 {
		t.Fatalf("agency_month has %d rows: too few to compare", len(want))
	}
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		w, okw := want[k]
		g, okg := got[k]
		switch {
		case !okg:
			t.Errorf("%s: in agency_month, not in the pandas table", k)
			bad++
			continue
		case !okw:
			t.Errorf("%s: in the pandas table, not in agency_month", k)
			bad++
			continue
		}
		for _, c := range cols {
			if !same(w[c], g[c]) {
				t.Errorf("%s: %s rapor %q, pandas %q", k, c, w[c], g[c])
				bad++
			}
		}
		if bad > 30 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d agency-months compared", len(want))
}

// same compares two cells: numbers within 1e-6 (pandas writes counts of float columns as 3.0),
// NULL as "".
func same(a, b string) bool {
	if a == b {
		return true
	}
	x, errx := strconv.ParseFloat(a, 64)
	y, erry := strconv.ParseFloat(b, 64)
	return errx == nil && erry == nil && math.Abs(x-y) <= 1e-6
}
