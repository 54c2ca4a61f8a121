// Package bench is rapor's performance run: it generates a million-complaint export and times
// the stages of the monthly job against DuckDB's own CSV reader on the same file and machine,
// so that the figures are ratios that hold on a shared machine.
package bench

import (
	"context"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/gen"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it does and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// Options of a run.
type Options struct {
	Dir      string // working directory for the generated files and databases
	Rows     int    // CSV rows (1,000,000 by default)
	XLSXRows int    // XLSX rows (200,000)
	Reps     int    // repetitions of each timed step; the median is reported
	Seed     int64
	Config   config.Config
	Ingest   ingest.Options
	// Steps run after the ingest on the ingested database (metrics build, reports), by name.
	After []Step
	// Pandas runs the pandas computation of agency_month (pandas/agency_month.py) on the same
	// CSV, when a Python with pandas is found, and compares it with ingest + the Compare steps.
	Pandas bool
}

// Step is a timed stage that runs on the database the ingest made.
type Step struct {
	Name string
	Run  func(ctx context.Context, db *store.DB) error
	// Compare counts the step in "ingest + build", the figure compared with pandas.
	Compare bool
}

// Result is one timed step.
type Result struct {
	Name    string
	Seconds float64 // median
	Rows    int64
	PeakRSS int64 // bytes, high-water mark during the step
}

// Run performs the benchmark and prints a table to w.
func Run(ctx context.Context, o Options, w io.Writer) ([]Result, error) {
	if o.Reps <= 0 {
		o.Reps = 3
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	csvPath := filepath.Join(o.Dir, fmt.Sprintf("lapor-%d.csv", o.Rows))
	xlsxPath := filepath.Join(o.Dir, fmt.Sprintf("lapor-%d.xlsx", o.XLSXRows))
	fmt.Fprintf(w, "rapor bench: %d CPU cores (GOMAXPROCS %d), %s/%s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
	var results []Result
	add := func(r Result) {
		results = append(results, r)
		fmt.Fprintf(w, "  %-44s %8.2f s  %10s rows  %9.0f rows/s  peak RSS %6.0f MB\n", r.Name, r.Seconds, msg.Number(msg.EN, r.Rows), float64(r.Rows)/r.Seconds, float64(r.PeakRSS)/(1<<20))
	}

	r, err := timed("generate CSV (rapor gen)", 1, func() (int64, error) {
		n, err := gen.Write(csvPath, "csv", gen.Options{Rows: o.Rows, Seed: o.Seed})
		return int64(n), err
	})
	if err != nil {
		return results, err
	}
	add(r)
	st, _ := os.Stat(csvPath)
	fmt.Fprintf(w, "  (%s: %.0f MiB)\n", filepath.Base(csvPath), float64(st.Size())/(1<<20))

	// (a) DuckDB's own reader, all columns as text, into a table of a database file.
	baseline, err := timed("(a) DuckDB read_csv(all_varchar) into a table", o.Reps, func() (int64, error) {
		path := freshDB(o.Dir, "baseline")
		db, err := store.Open(ctx, path, store.Options{})
		if err != nil {
			return 0, err
		}
		defer db.Close()
		if _, err := db.ExecContext(ctx, query("baseline"), csvPath); err != nil {
			return 0, err
		}
		var n int64
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM raw`).Scan(&n)
		return n, err
	})
	if err != nil {
		return results, err
	}
	add(baseline)

	// (b) rapor ingest of the same file.
	var ingestDB string
	ing, err := timed("(b) rapor ingest", o.Reps, func() (int64, error) {
		ingestDB = freshDB(o.Dir, "ingest")
		db, err := store.Open(ctx, ingestDB, o.storeOptions())
		if err != nil {
			return 0, err
		}
		defer db.Close()
		res, err := ingest.File(ctx, db, csvPath, o.Ingest)
		return res.Accepted, err
	})
	if err != nil {
		return results, err
	}
	add(ing)
	fmt.Fprintf(w, "  rapor ingest takes %.2fx as long as DuckDB's bare read_csv of the same file\n", ing.Seconds/baseline.Seconds)

	rapor := ing.Seconds // ingest + the Compare steps
	var raporNames []string
	for _, s := range o.After {
		step := s
		r, err := timed(step.Name, o.Reps, func() (int64, error) {
			db, err := store.Open(ctx, ingestDB, o.storeOptions())
			if err != nil {
				return 0, err
			}
			defer db.Close()
			var n int64
			db.QueryRowContext(ctx, `SELECT count(*) FROM complaints`).Scan(&n)
			return n, step.Run(ctx, db)
		})
		if err != nil {
			return results, fmt.Errorf("%s: %w", step.Name, err)
		}
		add(r)
		if step.Compare {
			rapor += r.Seconds
			raporNames = append(raporNames, step.Name)
		}
	}

	if o.Pandas {
		if err := comparePandas(ctx, o, w, csvPath, ing.Rows, rapor, len(raporNames), add); err != nil {
			return results, err
		}
	}

	if o.XLSXRows > 0 {
		r, err := timed("generate XLSX (rapor gen)", 1, func() (int64, error) {
			n, err := gen.Write(xlsxPath, "xlsx", gen.Options{Rows: o.XLSXRows, Seed: o.Seed})
			return int64(n), err
		})
		if err != nil {
			return results, err
		}
		add(r)
		r, err = timed("rapor ingest of the XLSX", o.Reps, func() (int64, error) {
			db, err := store.Open(ctx, freshDB(o.Dir, "xlsx"), o.storeOptions())
			if err != nil {
				return 0, err
			}
			defer db.Close()
			res, err := ingest.File(ctx, db, xlsxPath, o.Ingest)
			return res.Accepted, err
		})
		if err != nil {
			return results, err
		}
		add(r)
	}
	return results, nil
}

// storeOptions opens a benchmark database as the commands do (cmd/rapor/db.go): the configured
// time zone and memory limit, so that the peaks measured are those a user's run would reach.
func (o Options) storeOptions() store.Options {
	return store.Options{TimeZone: o.Config.Timezone, MemoryLimit: o.Config.MemoryLimit}
}

// timed runs f reps times and reports the median time and the highest peak RSS.
func timed(name string, reps int, f func() (int64, error)) (Result, error) {
	var secs []float64
	r := Result{Name: name}
	for i := 0; i < reps; i++ {
		resetPeakRSS()
		start := time.Now()
		n, err := f()
		if err != nil {
			return r, fmt.Errorf("%s: %w", name, err)
		}
		secs = append(secs, time.Since(start).Seconds())
		r.Rows = n
		if p := peakRSS(); p > r.PeakRSS {
			r.PeakRSS = p
		}
	}
	sort.Float64s(secs)
	r.Seconds = secs[len(secs)/2]
	return r, nil
}

func freshDB(dir, name string) string {
	p := filepath.Join(dir, name+".duckdb")
	os.Remove(p)
	os.Remove(p + ".wal")
	return p
}
