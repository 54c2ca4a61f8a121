// Package job is the monthly batch run (`rapor run`): ingest every new export in an inbox,
// rebuild the metrics, write the month's reports, and record the run in job_runs. It is safe
// to run again, and a second run while one holds the database waits or fails with a clear
// message instead of interfering.
package pipeline

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it does and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// JobOptions of a run of the job.
type JobOptions struct {
	// Inbox is the directory exports arrive in; processed/ and failed/ are made inside it.
	Inbox string
	// Month to report (first day, local); zero: DefaultMonth.
	Month time.Time
	// OutDir receives the reports.
	OutDir string
	// Now is the clock (tests fix it).
	Now func() time.Time
}

// Result is what a run did.
type Result struct {
	JobID                            int64
	Files, Ingested, Skipped, Failed int
	Accepted, Rejected               int64
	BuildID                          int64
	// NewWarnings counts the build's early warnings that no earlier build raised (rapor run exits 3).
	NewWarnings int64
	Month       time.Time
	Reports     []string
	Errors      []string
}

// OK reports whether everything succeeded.
func (r Result) OK() bool { return len(r.Errors) == 0 }

// Inbox lists the files waiting in dir (not its subdirectories), in name order.
func Inbox(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "~$") {
			continue
		}
		files = append(files, filepath.Join(dir, n))
	}
	sort.Strings(files)
	return files, nil
}

// Job performs the monthly job on db, which the caller opened for writing (holding the lock for
// the whole run keeps a second run out): every file of the inbox, the build, the reports.
func (p *Pipeline) Job(ctx context.Context, db *store.DB, o JobOptions) (Result, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	l := p.Lang
	var res Result
	start := o.Now().UTC()
	if err := db.QueryRowContext(ctx, `SELECT nextval('job_run_seq')`).Scan(&res.JobID); err != nil {
		return res, err
	}
	absInbox, _ := filepath.Abs(o.Inbox)
	if _, err := db.ExecContext(ctx, query("start_run"),
		res.JobID, start, absInbox, p.Version); err != nil {
		return res, fmt.Errorf("job_runs: %w", err)
	}
	// A failure is kept for job_runs and the final message, which the caller prints once.
	fail := func(key string, args ...any) {
		m := l.T(key, args...)
		res.Errors = append(res.Errors, m)
		p.log().Debug("job step failed", "job", res.JobID, "error", m)
	}

	files, err := Inbox(o.Inbox)
	if err != nil {
		fail("job_inbox", err)
	}
	res.Files = len(files)
	for _, f := range files {
		if ctx.Err() != nil {
			fail("job_interrupted", ctx.Err())
			break
		}
		r, err := p.IngestFile(ctx, db, f)
		if err != nil {
			res.Failed++
			fail("job_file_failed", filepath.Base(f), err)
			if ctx.Err() == nil { // an interrupted ingest is not the file's fault: leave it for the next run
				if dest, merr := moveTo(f, "failed"); merr != nil {
					fail("job_cannot_move", filepath.Base(f), "failed/", merr)
				} else {
					os.WriteFile(dest+".alasan.txt", []byte(err.Error()+"\n"), 0o644)
					fmt.Fprintln(p.out(), l.T("job_moved", f, dest))
				}
			}
			continue
		}
		if r.Skipped {
			res.Skipped++
		} else {
			res.Ingested++
			res.Accepted += r.Accepted
			res.Rejected += r.Rejected
		}
		if _, err := moveTo(f, "processed"); err != nil {
			fail("job_cannot_move", filepath.Base(f), "processed/", err)
		}
	}

	if ctx.Err() == nil {
		var b transform.Result
		b, err = p.Build(ctx, db)
		res.BuildID, res.NewWarnings = b.BuildID, b.NewWarnings
		if err != nil {
			fail("job_step", l.T("step_build"), err)
		} else {
			fmt.Fprintln(p.out(), l.T("job_built", res.BuildID, l.DateTime(b.AsOf.In(p.loc()))))
		}
		if ctx.Err() == nil && err == nil && res.BuildID > 0 {
			res.Month = o.Month
			if res.Month.IsZero() {
				res.Month = DefaultMonth(o.Now(), b.AsOf, p.loc())
			}
			var w Written
			w, err = p.Reports(ctx, db, res.Month, o.OutDir)
			res.Reports = w.All()
			if err != nil {
				fail("job_step", l.T("step_report", l.Month(res.Month)), err)
			}
			for _, path := range res.Reports {
				fmt.Fprintln(p.out(), path)
			}
		}
	}

	outcome, message := "ok", ""
	if !res.OK() {
		outcome, message = "failed", strings.Join(res.Errors, "; ")
	}
	var month, build any
	if !res.Month.IsZero() {
		month = res.Month.Format("2006-01-02")
	}
	if res.BuildID > 0 {
		build = res.BuildID
	}
	reports := make([]any, len(res.Reports))
	for i, p := range res.Reports {
		reports[i] = p
	}
	_, err = db.ExecContext(context.WithoutCancel(ctx), query("finish_run"),
		o.Now().UTC(), month, res.Files, res.Ingested, res.Skipped, res.Failed, res.Accepted, res.Rejected,
		build, reports, outcome, nullIfEmpty(message), res.JobID)
	if err != nil {
		return res, fmt.Errorf("job_runs: %w", err)
	}
	if !res.OK() {
		return res, errors.New(message)
	}
	return res, nil
}

// DefaultMonth is the month reported when none is given (rapor run, rapor report): the month
// before now (the job runs early each month for the month that ended), but never later than
// the month of the data's cut-off asOf.
func DefaultMonth(now, asOf time.Time, loc *time.Location) time.Time {
	n := now.In(loc)
	prev := time.Date(n.Year(), n.Month()-1, 1, 0, 0, 0, 0, loc)
	if !asOf.IsZero() {
		// The data's last complete month: as_of's own month only when as_of is on its last day
		// (a download on the 3rd of December reports November, not three days of December).
		a := asOf.In(loc)
		cut := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, loc)
		if a.AddDate(0, 0, 1).Month() == a.Month() {
			cut = cut.AddDate(0, -1, 0)
		}
		if cut.Before(prev) {
			return cut
		}
	}
	return prev
}

// moveTo moves a file into the named subdirectory of its directory, never over another file.
func moveTo(path, sub string) (string, error) {
	dir := filepath.Join(filepath.Dir(path), sub)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	dest := filepath.Join(dir, filepath.Base(path))
	if _, err := os.Stat(dest); err == nil {
		ext := filepath.Ext(dest)
		dest = strings.TrimSuffix(dest, ext) + time.Now().Format("-20060102-150405.000000") + ext
	}
	return dest, os.Rename(path, dest)
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// AsOf returns the data cut-off of the current build, or reports.ErrNotBuilt before the first.
func AsOf(ctx context.Context, db *store.DB) (time.Time, error) {
	var t time.Time
	err := db.QueryRowContext(ctx, query("as_of")).Scan(&t)
	if err != nil {
		var n int
		if db.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'build_info'`).Scan(&n); n == 0 || errors.Is(err, sql.ErrNoRows) {
			return t, reports.ErrNotBuilt
		}
	}
	return t, err
}
