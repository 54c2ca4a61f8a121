package bench

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/transform/calendar"
)

// pandasScript is the straightforward pandas computation of agency_month that
// rapor bench compares rapor with (pandas/agency_month.py). It is embedded so that `rapor bench`
// runs it from any directory.
//
//go:embed pandas/agency_month.py
var pandasScript []byte

// PandasInstall is how to get pandas where it is missing (Debian, Ubuntu).
const PandasInstall = "apt-get install python3-pandas"

// FindPandas returns a Python interpreter that can import pandas (/usr/bin/python3 first, then
// python3 on PATH) and pandas' version; python is "" when none can, and why says what was tried.
func FindPandas(ctx context.Context) (python, version, why string) {
	var tried []string
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil && p != candidates[0] {
		candidates = append(candidates, p)
	}
	for _, p := range candidates {
		out, err := exec.CommandContext(ctx, p, "-c", "import pandas; print(pandas.__version__)").Output()
		if err == nil {
			return p, strings.TrimSpace(string(out)), ""
		}
		var msg string
		if ee, ok := err.(*exec.ExitError); ok {
			msg = strings.TrimSpace(string(ee.Stderr))
		}
		msg = errorLine(msg)
		if msg == "" {
			msg = err.Error()
		}
		tried = append(tried, p+": "+msg)
	}
	if len(tried) == 0 {
		return "", "", "no python3"
	}
	return "", "", strings.Join(tried, "; ")
}

// errorLine is the exception line of a Python traceback (the last line naming an error), or
// else its last line.
func errorLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "Error") {
			return strings.TrimSpace(lines[i])
		}
	}
	return strings.TrimSpace(lines[len(lines)-1])
}

// PandasRun is one run of the pandas script.
type PandasRun struct {
	Seconds float64 // wall time of the Python process, start to exit
	PeakRSS int64   // bytes: the process's maximum resident set (from wait4), 0 where unknown
	Report  string  // the script's own one-line summary (stderr)
}

// RunPandas writes the embedded script and cfg's holiday calendar into dir and runs the script
// with python on the layout-A export csvPath, writing the agency_month table to outCSV.
// The script uses the spec's default SLA, weights and zones; cfg gives the time zones and the
// holidays.
func RunPandas(ctx context.Context, python, dir, csvPath, outCSV string, cfg config.Config) (PandasRun, error) {
	script := filepath.Join(dir, "agency_month.py")
	if err := os.WriteFile(script, pandasScript, 0o644); err != nil {
		return PandasRun{}, err
	}
	holidays := filepath.Join(dir, "holidays.csv")
	if err := writeHolidays(holidays, cfg); err != nil {
		return PandasRun{}, err
	}
	tz, src := cfg.Timezone, cfg.SourceTimezone
	if tz == "" {
		tz = config.Default().Timezone
	}
	if src == "" {
		src = config.Default().SourceTimezone
	}
	cmd := exec.CommandContext(ctx, python, script, csvPath, outCSV,
		"--holidays", holidays, "--timezone", tz, "--source-timezone", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	run := PandasRun{Seconds: time.Since(start).Seconds(), Report: strings.TrimSpace(stderr.String())}
	if cmd.ProcessState != nil {
		run.PeakRSS = childPeakRSS(cmd.ProcessState)
	}
	if err != nil {
		return run, fmt.Errorf("%s %s: %w\n%s", python, filepath.Base(script), err, run.Report)
	}
	if i := strings.LastIndexByte(run.Report, '\n'); i >= 0 {
		run.Report = run.Report[i+1:]
	}
	return run, nil
}

// writeHolidays writes the calendar that the build uses (built-in list and config
// holidays_file) as date,name.
func writeHolidays(path string, cfg config.Config) error {
	cal, err := calendar.Load(cfg.HolidaysFile, cfg.HolidaysReplace)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"date", "name"})
	for _, h := range cal.Holidays() {
		w.Write([]string{h.Date.Format("2006-01-02"), h.Name})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// comparePandas times the pandas script on the CSV (median of o.Reps runs, highest peak RSS)
// and prints its ratio to rapor's ingest + build (raporSeconds), or one line saying how to get
// pandas when it is missing.
func comparePandas(ctx context.Context, o Options, w io.Writer, csvPath string, rows int64, raporSeconds float64, steps int, add func(Result)) error {
	python, version, why := FindPandas(ctx)
	if python == "" {
		fmt.Fprintf(w, "  pandas comparison skipped: no Python with pandas (%s); to compare: %s\n", why, PandasInstall)
		return nil
	}
	r := Result{Name: "(c) pandas agency_month.py (read_csv, groupby)", Rows: rows}
	var secs []float64
	var report string
	for i := 0; i < o.Reps; i++ {
		run, err := RunPandas(ctx, python, o.Dir, csvPath, filepath.Join(o.Dir, "pandas_agency_month.csv"), o.Config)
		if err != nil {
			return fmt.Errorf("pandas: %w", err)
		}
		secs = append(secs, run.Seconds)
		r.PeakRSS = max(r.PeakRSS, run.PeakRSS)
		report = run.Report
	}
	sort.Float64s(secs)
	r.Seconds = secs[len(secs)/2]
	add(r)
	fmt.Fprintf(w, "  (%s, pandas %s; the script: %s)\n", python, version, report)
	what := "ingest"
	if steps > 0 {
		what = "ingest + build"
	}
	fmt.Fprintf(w, "  pandas / (%s) = %.1f s / %.1f s: rapor is %.1fx as fast\n", what, r.Seconds, raporSeconds, r.Seconds/raporSeconds)
	return nil
}
