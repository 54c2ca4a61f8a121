// Package transform turns the ingested complaints into the scorecard tables that reports and
// analysts query: the working-day calendar, complaint facts, agency and regency metrics by
// month and by period (quarter, year, rolling 3 and 12 months), and data quality.
//
// A build runs the embedded SQL models (models/NNN_name.sql, in number order; each creates one
// table, named by its file) and then the data tests (tests/*.sql; each returns the rows that
// violate it) in one transaction: a build whose model or test fails changes no table, and the
// failure is logged in build_runs. Every number is defined in the spec (metrics.md); the data
// dictionary is queries/README.md.
//
// Parameters (service levels, weights, zones, min_sample, as_of) reach SQL only as values bound
// to parameters of the seed tables build_info, holidays and agency_master; model SQL reads them
// from there and is never formatted with values.
package transform

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/internal/cputime"
	"github.com/hsu-lapor/rapor/queries"
	"github.com/hsu-lapor/rapor/store"
)

//go:embed models/*.sql
var modelFiles embed.FS

//go:embed tests/*.sql
var testFiles embed.FS

// macros.sql holds the expressions the models share (local dates, day bounds).
//
//go:embed macros.sql
var macrosSQL string

// Model is one SQL model: a statement that creates the table or view Name. A model named in
// fillers is completed by Go right after its statement (duration_windows: a pass over a histogram
// that SQL could only do on a grid of every series, value and month).
type Model struct {
	Order int
	Name  string // table created, from the file name without its number
	File  string
	SQL   string
	// Temp models build intermediate tables that live only during the build.
	Temp bool
}

// DataTest is one data test: a query returning the rows that violate it.
type DataTest struct {
	Name string
	File string
	SQL  string
}

// Models lists the embedded models in build order.
func Models() []Model {
	entries, err := fs.ReadDir(modelFiles, "models")
	if err != nil {
		panic(err) // fixed at build time
	}
	var ms []Model
	for _, e := range entries {
		file := e.Name()
		num, name, ok := strings.Cut(strings.TrimSuffix(file, ".sql"), "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic(fmt.Sprintf("model %s: name must be NNN_table.sql", file))
		}
		b, err := modelFiles.ReadFile(path.Join("models", file))
		if err != nil {
			panic(err)
		}
		text := string(b)
		ms = append(ms, Model{Order: n, Name: name, File: file, SQL: text, Temp: createsTemp(text)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Order < ms[j].Order })
	return ms
}

// createsTemp reports whether a model's statement creates a TEMP table.
func createsTemp(sqlText string) bool {
	for _, line := range strings.Split(sqlText, "\n") {
		l := strings.ToUpper(strings.TrimSpace(line))
		if strings.HasPrefix(l, "CREATE ") {
			return strings.Contains(l, " TEMP ") || strings.Contains(l, " TEMPORARY ")
		}
	}
	return false
}

// Tests lists the embedded data tests in name order.
func Tests() []DataTest {
	entries, err := fs.ReadDir(testFiles, "tests")
	if err != nil {
		panic(err)
	}
	var ts []DataTest
	for _, e := range entries {
		b, err := testFiles.ReadFile(path.Join("tests", e.Name()))
		if err != nil {
			panic(err)
		}
		ts = append(ts, DataTest{Name: strings.TrimSuffix(e.Name(), ".sql"), File: e.Name(), SQL: string(b)})
	}
	return ts
}

// UsesIntermediate reports whether the test reads a table that exists only during a build.
func (t DataTest) UsesIntermediate() bool {
	for _, m := range Models() {
		if m.Temp && regexp.MustCompile(`\b`+m.Name+`\b`).MatchString(t.SQL) {
			return true
		}
	}
	return false
}

// Option changes how Build runs.
type Option func(*options)

type options struct {
	version string
	now     func() time.Time
	// beforeTests runs inside the build transaction after the models (tests use it to corrupt a table).
	beforeTests func(ctx context.Context, tx *sql.Tx) error
}

// WithVersion records the program version in build_info and build_runs.
func WithVersion(v string) Option { return func(o *options) { o.version = v } }

// WithClock sets the build's clock (started_at; timestamps after it are "in the future").
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// Step is one model or test run.
type Step struct {
	Name     string
	Rows     int64 // rows in the model's table, or violating rows of a test
	Duration time.Duration
	CPU      time.Duration // the process's CPU time over the step (all threads), 0 where unknown
	Skipped  bool          // a data test that needs a build's intermediate tables, run outside a build
}

// Result describes a build.
type Result struct {
	BuildID  int64
	AsOf     time.Time
	Started  time.Time
	Finished time.Time
	Models   []Step
	Tests    []Step
	// Seeds (parameters, holidays, master list, as_of) and Commit (writing the tables) are the
	// build's other costs.
	Seeds, Commit time.Duration
	// Tables holds the row counts of the persisted tables.
	Tables map[string]int64
	// Warnings counts the early warnings of the build (table warnings); NewWarnings those that no
	// earlier build raised (rapor run exits 3 when there are any).
	Warnings, NewWarnings int64
}

// Duration is how long the build took.
func (r Result) Duration() time.Duration { return r.Finished.Sub(r.Started) }

// TestFailure is one failing data test with a few of its violating rows.
type TestFailure struct {
	Test    string
	Count   int64
	Columns []string
	Sample  [][]string
}

// TestsFailedError is returned when data tests fail; the build's tables are left unchanged.
type TestsFailedError struct {
	Failures []TestFailure
}

func (e *TestsFailedError) Error() string {
	var b strings.Builder
	names := make([]string, len(e.Failures))
	for i, f := range e.Failures {
		names[i] = f.Test
	}
	fmt.Fprintf(&b, "data tests failed: %s; the build changed nothing", strings.Join(names, ", "))
	for _, f := range e.Failures {
		fmt.Fprintf(&b, "\n  %s: %d violating row(s)", f.Test, f.Count)
		if len(f.Columns) > 0 {
			fmt.Fprintf(&b, "\n    %s", strings.Join(f.Columns, " | "))
		}
		for _, r := range f.Sample {
			fmt.Fprintf(&b, "\n    %s", strings.Join(r, " | "))
		}
	}
	return b.String()
}

// ErrNoComplaints means there is nothing to build from.
var ErrNoComplaints = errors.New("no complaints in the database: run rapor ingest first")

// sampleRows is how many violating rows a failing test shows.
const sampleRows = 5

// Build recomputes every model from the complaints in db and runs the data tests, in one
// transaction. db must have been opened with cfg.Timezone as its session time zone (store.Options.TimeZone).
func Build(ctx context.Context, db *store.DB, cfg config.Config, opts ...Option) (Result, error) {
	o := options{version: "dev", now: time.Now}
	for _, f := range opts {
		f(&o)
	}
	res := Result{Started: o.now().UTC()}
	if err := cfg.Validate(); err != nil {
		return res, fmt.Errorf("config: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()

	var tz string
	if err := conn.QueryRowContext(ctx, `SELECT current_setting('TimeZone')`).Scan(&tz); err != nil {
		return res, err
	}
	if tz != cfg.Timezone {
		return res, fmt.Errorf("the database session's time zone is %q but config timezone is %q: open the store with store.Options{TimeZone: cfg.Timezone}", tz, cfg.Timezone)
	}
	if _, err := conn.ExecContext(ctx, query("build_runs")); err != nil {
		return res, fmt.Errorf("build_runs: %w", err)
	}
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(build_id), 0) + 1 FROM build_runs`).Scan(&res.BuildID); err != nil {
		return res, err
	}

	buildErr := run(ctx, conn, cfg, o, &res)
	res.Finished = o.now().UTC()
	// Logged even when ctx was cancelled (an interrupted build is a failed one).
	if logErr := logRun(context.WithoutCancel(ctx), conn, cfg, o, res, buildErr); logErr != nil && buildErr == nil {
		buildErr = fmt.Errorf("record build: %w", logErr)
	}
	return res, buildErr
}

func run(ctx context.Context, conn *sql.Conn, cfg config.Config, o options, res *Result) (err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	seedStart := time.Now()
	seeds, err := writeSeeds(ctx, tx, cfg, o, res)
	if err != nil {
		return err
	}
	res.Seeds = time.Since(seedStart)
	res.AsOf = seeds.asOf
	if _, err := tx.ExecContext(ctx, macrosSQL); err != nil {
		return fmt.Errorf("macros.sql: %w", err)
	}
	models := Models()
	for _, m := range models {
		start, cpu := time.Now(), cputime.Now()
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("model %s: %w", m.File, err)
		}
		if fill, ok := fillers[m.Name]; ok {
			if err := fill(ctx, conn); err != nil {
				return fmt.Errorf("model %s: %w", m.File, err)
			}
		}
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+store.QuoteIdent(m.Name)).Scan(&n); err != nil {
			return fmt.Errorf("model %s must create table %s: %w", m.File, m.Name, err)
		}
		res.Models = append(res.Models, Step{Name: m.Name, Rows: n, Duration: time.Since(start), CPU: cputime.Now() - cpu})
	}
	if o.beforeTests != nil {
		if err := o.beforeTests(ctx, tx); err != nil {
			return err
		}
	}
	steps, failures, err := runTests(ctx, tx, false)
	res.Tests = steps
	if err != nil {
		return err
	}
	if len(failures) > 0 {
		return &TestsFailedError{Failures: failures}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE build_info SET finished_at = ?`, o.now().UTC()); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE new) FROM warnings`).Scan(&res.Warnings, &res.NewWarnings); err != nil {
		return fmt.Errorf("warnings: %w", err)
	}
	if _, err := tx.ExecContext(ctx, query("insert_warnings_raised")); err != nil {
		return fmt.Errorf("warnings_raised: %w", err)
	}
	res.Tables = map[string]int64{}
	for _, m := range models {
		if m.Temp {
			if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.main.`+store.QuoteIdent(m.Name)); err != nil {
				return err
			}
			continue
		}
		for _, s := range res.Models {
			if s.Name == m.Name {
				res.Tables[m.Name] = s.Rows
			}
		}
	}
	// The data dictionary's definitions as the tables' comments, for any DuckDB client.
	if err := queries.Describe(ctx, tx); err != nil {
		return err
	}
	commitStart := time.Now()
	if err := tx.Commit(); err != nil {
		return err
	}
	res.Commit = time.Since(commitStart)
	return nil
}

// Test runs the data tests against the tables of the last build (for `rapor build --test-only`
// and after a table was changed by hand). Tests that read a build's intermediate tables (which
// live only during a build) are skipped: their Step has Skipped set.
func Test(ctx context.Context, db *store.DB) ([]Step, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	steps, failures, err := runTests(ctx, tx, true)
	if err != nil {
		return steps, err
	}
	if len(failures) > 0 {
		return steps, &TestsFailedError{Failures: failures}
	}
	return steps, nil
}

func runTests(ctx context.Context, tx *sql.Tx, skipIntermediate bool) ([]Step, []TestFailure, error) {
	var steps []Step
	var failures []TestFailure
	for _, t := range Tests() {
		if skipIntermediate && t.UsesIntermediate() {
			steps = append(steps, Step{Name: t.Name, Skipped: true})
			continue
		}
		start, cpu := time.Now(), cputime.Now()
		f, err := runTest(ctx, tx, t)
		if err != nil {
			return steps, failures, fmt.Errorf("data test %s: %w", t.Name, err)
		}
		steps = append(steps, Step{Name: t.Name, Rows: f.Count, Duration: time.Since(start), CPU: cputime.Now() - cpu})
		if f.Count > 0 {
			failures = append(failures, f)
		}
	}
	return steps, failures, nil
}

func runTest(ctx context.Context, tx *sql.Tx, t DataTest) (TestFailure, error) {
	f := TestFailure{Test: t.Name}
	q := strings.TrimRight(strings.TrimSpace(t.SQL), ";")
	rows, err := tx.QueryContext(ctx, `SELECT count(*) OVER () AS rapor_violations, * FROM (`+q+"\n) LIMIT "+strconv.Itoa(sampleRows))
	if err != nil {
		return f, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return f, err
	}
	f.Columns = cols[1:]
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return f, err
		}
		if n, ok := vals[0].(int64); ok {
			f.Count = n
		}
		row := make([]string, len(cols)-1)
		for i, v := range vals[1:] {
			row[i] = formatValue(v)
		}
		f.Sample = append(f.Sample, row)
	}
	return f, rows.Err()
}

func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 && x.Location() == time.UTC {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

// logRun appends the build to build_runs, outside the build's transaction so that failures are kept.
func logRun(ctx context.Context, conn *sql.Conn, cfg config.Config, o options, res Result, buildErr error) error {
	status, msgText := "ok", any(nil)
	var failed []any
	if buildErr != nil {
		status, msgText = "failed", buildErr.Error()
		var tf *TestsFailedError
		if errors.As(buildErr, &tf) {
			for _, f := range tf.Failures {
				failed = append(failed, f.Test)
			}
		}
	}
	cfgJSON, err := configJSON(cfg)
	if err != nil {
		return err
	}
	var asOf any
	if !res.AsOf.IsZero() {
		asOf = res.AsOf
	}
	var n sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM complaints`).Scan(&n); err != nil {
		return err
	}
	failedArg := any(nil)
	if failed != nil {
		failedArg = failed
	}
	_, err = conn.ExecContext(ctx, query("insert_build_run"),
		res.BuildID, res.Started, res.Finished, status, msgText, failedArg, asOf, n.Int64, cfgJSON, o.version)
	return err
}
