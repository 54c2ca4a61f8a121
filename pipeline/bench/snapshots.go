package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

// SnapshotOptions is the benchmark of a year of weekly Laporan Ringkas downloads: K snapshot
// XLSX files of one simulated history, ingested in order and built.
type SnapshotOptions struct {
	Dir       string
	Snapshots int // files (52: a year of weekly downloads)
	Rows      int // complaints in the history (100,000)
	Seed      int64
	Options   Options // Config and Ingest
	// Build runs the metrics build on the database (the cmd passes transform.Build).
	Build func(ctx context.Context, db *store.DB) error
}

// RunSnapshots generates the series (kept in Dir for later runs), ingests every file into a new
// database, builds it, and compares the database's size with that of one snapshot alone (the
// goal: storage grows with the changes, not with the number of downloads).
func RunSnapshots(ctx context.Context, o SnapshotOptions, w io.Writer) ([]Result, error) {
	var results []Result
	add := func(r Result) {
		results = append(results, r)
		fmt.Fprintf(w, "  %-44s %8.2f s  %10s rows  %9.0f rows/s  peak RSS %6.0f MB\n", r.Name, r.Seconds, msg.Number(msg.EN, r.Rows), float64(r.Rows)/r.Seconds, float64(r.PeakRSS)/(1<<20))
	}
	dir := filepath.Join(o.Dir, fmt.Sprintf("ringkas-%dx%d", o.Snapshots, o.Rows))
	var snaps []gen.Snapshot
	r, err := timed(fmt.Sprintf("generate %d weekly Ringkas snapshots", o.Snapshots), 1, func() (int64, error) {
		if err := os.RemoveAll(dir); err != nil {
			return 0, err
		}
		var err error
		snaps, err = gen.WriteRingkasSeries(dir, gen.RingkasOptions{
			Rows: o.Rows, Seed: o.Seed, Snapshots: o.Snapshots, Every: 7 * 24 * time.Hour, Months: 12,
		})
		var n int64
		for _, s := range snaps {
			n += int64(s.Rows)
		}
		return n, err
	})
	if err != nil {
		return results, err
	}
	add(r)
	if len(snaps) == 0 {
		return results, fmt.Errorf("no snapshots generated")
	}

	seriesDB := freshDB(o.Dir, "ringkas-series")
	r, err = timed("ingest every snapshot (XLSX, in order)", 1, func() (int64, error) {
		db, err := store.Open(ctx, seriesDB, o.Options.storeOptions())
		if err != nil {
			return 0, err
		}
		defer db.Close()
		var n int64
		for _, s := range snaps {
			res, err := ingest.File(ctx, db, s.Path, o.Options.Ingest)
			if err != nil {
				return n, err
			}
			n += res.Read
		}
		return n, nil
	})
	if err != nil {
		return results, err
	}
	add(r)
	ingestSeconds := r.Seconds

	r, err = timed("rapor build on the series", 1, func() (int64, error) {
		db, err := store.Open(ctx, seriesDB, o.Options.storeOptions())
		if err != nil {
			return 0, err
		}
		defer db.Close()
		var n int64
		db.QueryRowContext(ctx, `SELECT count(*) FROM complaints`).Scan(&n)
		return n, o.Build(ctx, db)
	})
	if err != nil {
		return results, err
	}
	add(r)
	fmt.Fprintf(w, "  ingest + build of the series: %.1f s (goal < 60 s)\n", ingestSeconds+r.Seconds)

	var versions, complaints int64
	if db, err := store.Open(ctx, seriesDB, store.Options{ReadOnly: true}); err == nil {
		db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT (regency, tracking_id)) FROM complaint_versions`).Scan(&versions, &complaints)
		db.Close()
	}

	oneDB := freshDB(o.Dir, "ringkas-one")
	last := snaps[len(snaps)-1]
	if err := func() error {
		db, err := store.Open(ctx, oneDB, o.Options.storeOptions())
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = ingest.File(ctx, db, last.Path, o.Options.Ingest)
		return err
	}(); err != nil {
		return results, err
	}
	series, one := fileSize(seriesDB), fileSize(oneDB)
	fmt.Fprintf(w, "  database: %.1f MiB for %d snapshots (%s versions of %s complaints) against %.1f MiB for the last snapshot alone (%.2fx)\n",
		float64(series)/(1<<20), len(snaps), msg.Number(msg.EN, versions), msg.Number(msg.EN, complaints), float64(one)/(1<<20), float64(series)/float64(max(one, 1)))
	return results, nil
}

func fileSize(path string) int64 {
	var n int64
	for _, p := range []string{path, path + ".wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}
