package transform

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
)

// A power cut or kill -9 after a build has committed, before the file is checkpointed (rapor run
// goes on to write its reports), leaves the database file and its WAL as they are while the
// process still holds them. That pair must open, with the build in it. The first build of a
// file comments every ingest table's columns (queries.Describe); with a column default calling
// a function (area_population.loaded_at until migration 0005) DuckDB could not replay that and
// the file no longer opened at all.
func TestCrashAfterFirstBuildReopens(t *testing.T) {
	cfg := config.Default()
	dir := t.TempDir()
	path := filepath.Join(dir, "rapor.duckdb")
	db, err := store.Open(context.Background(), path, store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(synthSQL, 2000, 3, 3, 2000); err != nil {
		t.Fatal(err)
	}
	// As a separate `rapor ingest` leaves it: closed, so checkpointed.
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), db, cfg); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + ".wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the build left no WAL to replay (%v): the test would prove nothing", err)
	}
	again := crashOpen(t, path)
	defer again.Close()
	var builds, months int64
	if err := again.QueryRow(`SELECT (SELECT count(*) FROM build_info), (SELECT count(*) FROM agency_month)`).Scan(&builds, &months); err != nil {
		t.Fatal(err)
	}
	if builds != 1 || months == 0 {
		t.Errorf("after the crash: %d build_info rows and %d agency_month rows, want the committed build", builds, months)
	}
}

// The same after every kind of write that ends in a commit: an ingest into a fresh file, its
// build, an ingest of another layout, a second build, population figures, a third build. Each crash copy opens with what was
// committed.
func TestCrashAfterEveryCommitReopens(t *testing.T) {
	cfg := config.Default()
	path := filepath.Join(t.TempDir(), "rapor.duckdb")
	db, err := store.Open(context.Background(), path, store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(d *store.DB, q string) int64 {
		t.Helper()
		var n int64
		if err := d.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"ingest a CSV", func() { ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv") }},
		{"first build", func() { build(t, db, cfg) }},
		{"ingest a Laporan Ringkas workbook", func() { ingestFiles(t, db, cfg, "../ingest/testdata/ringkas/r26_kab_banjar_exceldate.xlsx") }},
		{"second build", func() { build(t, db, cfg) }},
		{"rapor population", func() {
			if err := ingest.LoadPopulation(context.Background(), db, cfg.Regency, []ingest.PopulationRow{{Area: "Amuntai Tengah", Population: 32000, Year: 2020, Source: "BPS"}}); err != nil {
				t.Fatal(err)
			}
		}},
		{"third build", func() { build(t, db, cfg) }},
	}
	for i, st := range steps {
		st.do()
		state := func(d *store.DB) int64 {
			n := count(d, `SELECT count(*) FROM ingest_runs`)*1000 + count(d, `SELECT count(*) FROM area_population`)*100
			if count(d, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'build_runs'`) > 0 {
				n += count(d, `SELECT count(*) FROM build_runs`)
			}
			return n
		}
		want := state(db)
		crashed := crashOpen(t, path, fmt.Sprint(i))
		if got := state(crashed); got != want {
			t.Errorf("after %s, the crash copy holds %d ingests, %d population rows and %d builds, want %d, %d and %d",
				st.name, got/1000, got%1000/100, got%100, want/1000, want%1000/100, want%100)
		}
		crashed.Close()
	}
}

// crashOpen copies the database file and its WAL as they are while db still holds them (what a
// kill -9 or a power cut leaves) and opens the copy read-only, failing the test if it cannot.
func crashOpen(t *testing.T, path string, tag ...string) *store.DB {
	t.Helper()
	crashed := filepath.Join(filepath.Dir(path), "crashed"+strings.Join(tag, ""))
	if err := os.Mkdir(crashed, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + ".wal"} {
		if _, err := os.Stat(f); err == nil {
			copyFile(t, f, filepath.Join(crashed, filepath.Base(f)))
		}
	}
	db, err := store.Open(context.Background(), filepath.Join(crashed, filepath.Base(path)), store.Options{TimeZone: config.Default().Timezone, ReadOnly: true})
	if err != nil {
		t.Fatalf("the database does not open after a crash: %.400v", err)
	}
	return db
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
