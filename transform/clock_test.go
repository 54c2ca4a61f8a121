package transform

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
)

// A build whose clock is earlier than a download it would read (Tanggal Generate after it) is
// refused with the files named, and changes nothing; with a clock after it, the same data builds.
// Before, build_snapshots dropped the snapshot while its complaints kept bounds outside the
// calendar, and the build failed on a data test that named none of this.
func TestBuildRefusesSnapshotsAfterClock(t *testing.T) {
	cfg := config.Default()
	db := openDB(t, cfg)
	ingestFiles(t, db, cfg, "testdata/metrics/layout_a.csv")
	build(t, db, cfg)
	ingestFiles(t, db, cfg, "../ingest/testdata/ringkas/r26_kab_banjar_exceldate.xlsx")
	var observed time.Time
	if err := db.QueryRow(`SELECT observed_from FROM ingest_runs WHERE file_name = 'r26_kab_banjar_exceldate.xlsx'`).Scan(&observed); err != nil {
		t.Fatal(err)
	}
	clock := observed.Add(-time.Hour)
	_, err := Build(context.Background(), db, cfg, WithClock(func() time.Time { return clock }))
	var after *SnapshotsAfterClockError
	if !errors.As(err, &after) {
		t.Fatalf("build with a clock before the download: got %v, want a SnapshotsAfterClockError", err)
	}
	if len(after.Files) != 1 || after.Files[0].File != "r26_kab_banjar_exceldate.xlsx" || !after.Files[0].ObservedFrom.Equal(observed) || !after.Started.Equal(clock) {
		t.Errorf("error names %+v at %v, want r26_kab_banjar_exceldate.xlsx at %v, build at %v", after.Files, after.Started, observed, clock)
	}
	var builds, ok int64
	if err := db.QueryRow(`SELECT (SELECT max(build_id) FROM build_info), (SELECT count(*) FROM build_runs WHERE status = 'ok')`).Scan(&builds, &ok); err != nil {
		t.Fatal(err)
	}
	if builds != 1 || ok != 1 {
		t.Errorf("after the refused build: build_info of build %d, %d good builds; want the first build's tables", builds, ok)
	}
	res := build(t, db, cfg, WithClock(func() time.Time { return observed.Add(time.Hour) }))
	if res.BuildID != 3 {
		t.Errorf("the build after the download is build %d, want 3", res.BuildID)
	}
}
