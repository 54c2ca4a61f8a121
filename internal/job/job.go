// Package job is the monthly batch run (`rapor run`): ingest every new export in an inbox,
// rebuild the metrics, write the month's reports, and record the run in job_runs. It is safe
// to run again, and a second run while one holds the database waits or fails with a clear
// message instead of interfering.
package job

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it does and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// Options of a run.
type Options struct {
	// Inbox is the directory exports arrive in; processed/ and failed/ are made inside it.
	Inbox string
	// Month to report (first day, local); zero: the month before now, but not after the data's cut-off month.
	Month time.Time
	// Loc is the local time zone (config timezone).
	Loc    *time.Location
	Ingest ingest.Options
	// Build recomputes the metrics; it returns the build's id and the data's cut-off.
	Build func(ctx context.Context, db *store.DB) (buildID int64, asOf time.Time, err error)
	// Report writes the month's reports and returns their paths.
	Report func(ctx context.Context, db *store.DB, month time.Time) ([]string, error)
	// Now is the clock (tests fix it).
	Now     func() time.Time
	Version string
	Out     io.Writer // what happened, for people
	Log     *slog.Logger
}

// Result is what a run did.
type Result struct {
	JobID                            int64
	Files, Ingested, Skipped, Failed int
	Accepted, Rejected               int64
	BuildID                          int64
	Month                            time.Time
	Reports                          []string
	Errors                           []string
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

// Run performs the job on db, which the caller opened for writing (holding the lock for the
// whole run keeps a second run out).
func Run(ctx context.Context, db *store.DB, o Options) (Result, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	var res Result
	start := o.Now().UTC()
	if err := db.QueryRowContext(ctx, `SELECT nextval('job_run_seq')`).Scan(&res.JobID); err != nil {
		return res, err
	}
	absInbox, _ := filepath.Abs(o.Inbox)
	if _, err := db.ExecContext(ctx, query("start_run"),
		res.JobID, start, absInbox, o.Version); err != nil {
		return res, fmt.Errorf("job_runs: %w", err)
	}
	fail := func(format string, args ...any) {
		m := fmt.Sprintf(format, args...)
		res.Errors = append(res.Errors, m)
		o.Log.Error("job step failed", "job", res.JobID, "error", m)
	}

	files, err := Inbox(o.Inbox)
	if err != nil {
		fail("inbox: %v", err)
	}
	res.Files = len(files)
	for _, f := range files {
		if ctx.Err() != nil {
			fail("interrupted: %v", ctx.Err())
			break
		}
		r, err := ingest.File(ctx, db, f, o.Ingest)
		if err != nil {
			res.Failed++
			fail("%s: %v", filepath.Base(f), err)
			if ctx.Err() == nil { // an interrupted ingest is not the file's fault: leave it for the next run
				if dest, merr := moveTo(f, "failed"); merr != nil {
					fail("%s: cannot move to failed/: %v", filepath.Base(f), merr)
				} else {
					os.WriteFile(dest+".alasan.txt", []byte(err.Error()+"\n"), 0o644)
					fmt.Fprintf(o.Out, "%s -> %s\n", f, dest)
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
		fmt.Fprintln(o.Out, r.Summary())
		for _, d := range r.Details() {
			fmt.Fprintln(o.Out, "  "+d)
		}
		if _, err := moveTo(f, "processed"); err != nil {
			fail("%s: cannot move to processed/: %v", filepath.Base(f), err)
		}
	}

	var asOf time.Time
	if ctx.Err() == nil && o.Build != nil {
		res.BuildID, asOf, err = o.Build(ctx, db)
		if err != nil {
			fail("build: %v", err)
		} else {
			fmt.Fprintf(o.Out, "build %d: data as of %s\n", res.BuildID, asOf.In(o.Loc).Format("2006-01-02 15:04"))
		}
	}
	if ctx.Err() == nil && o.Report != nil && err == nil && res.BuildID > 0 {
		res.Month = o.Month
		if res.Month.IsZero() {
			res.Month = DefaultMonth(o.Now(), asOf, o.Loc)
		}
		res.Reports, err = o.Report(ctx, db, res.Month)
		if err != nil {
			fail("report %s: %v", res.Month.Format("2006-01"), err)
		}
		for _, p := range res.Reports {
			fmt.Fprintln(o.Out, p)
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

// DefaultMonth is the month a run reports when none is given: the month before now (the job
// runs early each month for the month that ended), but never later than the data's cut-off.
func DefaultMonth(now, asOf time.Time, loc *time.Location) time.Time {
	n := now.In(loc)
	prev := time.Date(n.Year(), n.Month()-1, 1, 0, 0, 0, 0, loc)
	if !asOf.IsZero() {
		a := asOf.In(loc)
		if cut := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, loc); cut.Before(prev) {
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
