package transform

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hsu-lapor/rapor/config"
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
	if _, err := db.Exec(synthSQL, 2000, 2000); err != nil {
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
	crashed := filepath.Join(dir, "crashed")
	if err := os.Mkdir(crashed, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + ".wal"} {
		copyFile(t, f, filepath.Join(crashed, filepath.Base(f)))
	}
	again, err := store.Open(context.Background(), filepath.Join(crashed, "rapor.duckdb"), store.Options{TimeZone: cfg.Timezone, ReadOnly: true})
	if err != nil {
		t.Fatalf("the database does not open after a crash that followed a build: %.400v", err)
	}
	defer again.Close()
	var builds, months int64
	if err := again.QueryRow(`SELECT (SELECT count(*) FROM build_info), (SELECT count(*) FROM agency_month)`).Scan(&builds, &months); err != nil {
		t.Fatal(err)
	}
	if builds != 1 || months == 0 {
		t.Errorf("after the crash: %d build_info rows and %d agency_month rows, want the committed build", builds, months)
	}
}

func copyFile(t *testing.T, from, to string) {
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
