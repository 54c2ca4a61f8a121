package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPopulation(t *testing.T) {
	rows, err := ReadPopulation("../queries/data/populasi-hsu-sp2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, r := range rows {
		total += r.Population
	}
	if len(rows) != 10 || total != 226727 || rows[0].Area != "Amuntai Tengah" || rows[0].Year != 2020 {
		t.Fatalf("%d rows, %d inhabitants: %+v", len(rows), total, rows[0])
	}
	dir := t.TempDir()
	for _, c := range []struct{ text, err string }{
		{"nama;jumlah\nA;1\n", "needs a kecamatan"},
		{"kecamatan;penduduk\nA;banyak\n", "row 2 column penduduk: \"banyak\""},
		{"kecamatan,penduduk\nA,1.000\nA,2\n", "row 3: A is already on row 2"},
		{"kecamatan,penduduk\n,5\n", "row 2 column kecamatan: empty area"},
	} {
		p := filepath.Join(dir, "p.csv")
		os.WriteFile(p, []byte(c.text), 0o644)
		if _, err := ReadPopulation(p); err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), p) {
			t.Errorf("%q: %v, want %q", c.text, err, c.err)
		}
	}
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	ctx := context.Background()
	if err := LoadPopulation(ctx, db, "Hulu Sungai Utara", rows); err != nil {
		t.Fatal(err)
	}
	if err := LoadPopulation(ctx, db, "Hulu Sungai Utara", rows[:2]); err != nil { // replaces
		t.Fatal(err)
	}
	if got := one(t, db.DB, `SELECT count(*) || '|' || sum(population) FROM area_population`); got != "2|80762" {
		t.Errorf("after replace: %s", got)
	}
}
