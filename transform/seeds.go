package transform

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform/calendar"
)

// The seed tables are written from Go, with every value bound as a parameter, before the models
// run: build_info (one row: the parameters and as_of), holidays (the calendar in force) and
// agency_master (the configured master list, one row per name or alias). So is the build log
// build_runs, after the build. Their SQL is in seeds/: NAME.sql creates table NAME, the insert_
// files write it.

//go:embed seeds/*.sql
var seedFiles embed.FS

// query returns the text of seeds/NAME.sql (each file says what it does and its parameters).
var query = store.SQLDir(seedFiles, "seeds")

type seedInfo struct {
	asOf        time.Time
	first, last time.Time
}

func writeSeeds(ctx context.Context, tx *sql.Tx, cfg config.Config, o options, res *Result) (seedInfo, error) {
	var si seedInfo
	// A download dated after the build's clock is refused before anything is written (a
	// timestamp in the future inside a file is a data error instead, below).
	if err := snapshotsAfter(ctx, tx, res.Started); err != nil {
		return si, err
	}
	// as_of: the newest timestamp ingested, not after the build's own clock (a timestamp in the
	// future is a data error, counted in data_quality, and must not move the cut-off).
	var n int64
	var ts [18]sql.NullTime
	dest := []any{&n}
	for i := range ts {
		dest = append(dest, &ts[i])
	}
	err := tx.QueryRowContext(ctx, query("data_range"), res.Started).Scan(dest...)
	if err != nil {
		return si, err
	}
	if n == 0 {
		return si, ErrNoComplaints
	}
	for i, t := range ts {
		if !t.Valid {
			continue
		}
		switch {
		case i < 6 && t.Time.After(si.asOf):
			si.asOf = t.Time
		case i >= 6 && i < 12 && (si.first.IsZero() || t.Time.Before(si.first)):
			si.first = t.Time
		case i >= 12 && t.Time.After(si.last):
			si.last = t.Time
		}
	}
	if si.asOf.IsZero() {
		return si, fmt.Errorf("every timestamp in the complaints is after the build time %s: check the clock or the exports", res.Started.Format(time.RFC3339))
	}
	si.asOf, si.first, si.last = si.asOf.UTC(), si.first.UTC(), si.last.UTC()

	cal, err := calendar.Load(cfg.HolidaysFile, cfg.HolidaysReplace)
	if err != nil {
		return si, err
	}
	cfgJSON, err := configJSON(cfg)
	if err != nil {
		return si, err
	}
	var duck string
	if err := tx.QueryRowContext(ctx, `SELECT version()`).Scan(&duck); err != nil {
		return si, err
	}
	if _, err := tx.ExecContext(ctx, query("build_info")); err != nil {
		return si, err
	}
	first, last := cal.Range()
	var firstArg, lastArg any
	if !first.IsZero() {
		firstArg, lastArg = first.Format(time.DateOnly), last.Format(time.DateOnly)
	}
	var holFile any
	if cfg.HolidaysFile != "" {
		holFile = cfg.HolidaysFile
	}
	var offset any
	if off, ok := constantOffset(cfg.Location(), si.first, si.last); ok {
		offset = off
	}
	w := cfg.Warnings
	_, err = tx.ExecContext(ctx, query("insert_build_info"),
		res.BuildID, res.Started, si.asOf, cfg.Timezone, cfg.SourceTimezone,
		cfg.SLA.VerificationWorkingDays, cfg.SLA.ResponseWorkingDays, cfg.SLA.CompletionDays, cfg.SLA.CompletionUnit,
		cfg.Weights.OnTimeResponseRate, cfg.Weights.CompletionRate, cfg.Weights.OnTimeCompletionRate, cfg.Weights.Satisfaction,
		cfg.Zones.Hijau, cfg.Zones.Kuning, cfg.MinSample,
		holFile, cfg.HolidaysReplace, firstArg, lastArg, len(cfg.Agencies), n, cfgJSON, o.version, duck,
		si.first, si.last, offset, cfg.SLA.AutoCloseWorkingDays,
		w.MonthsRunning, w.MinReceived, w.ResponseDrop, w.OverdueGrowth, w.OverdueMinIncrease,
		w.BacklogGrowth, w.BacklogMinIncrease, w.ExpiredFactor, w.ExpiredMinIncrease,
		w.VolumeZ, w.VolumeMinChange, w.HistoryMonths, w.MinHistory,
		cfg.Repeats.WindowDays, cfg.Repeats.TitleSimilarity, w.ResponseZ)
	if err != nil {
		return si, fmt.Errorf("build_info: %w", err)
	}

	if _, err := tx.ExecContext(ctx, query("holidays")); err != nil {
		return si, err
	}
	// One statement with three list parameters (a few hundred rows).
	var dates, kinds, names []any
	for _, h := range cal.Holidays() {
		dates, kinds, names = append(dates, h.Date.Format(time.DateOnly)), append(kinds, string(h.Kind)), append(names, h.Name)
	}
	if len(dates) > 0 {
		_, err := tx.ExecContext(ctx, query("insert_holidays"), dates, kinds, names)
		if err != nil {
			return si, fmt.Errorf("holidays: %w", err)
		}
	}

	if _, err := tx.ExecContext(ctx, query("warnings_raised")); err != nil {
		return si, err
	}

	if _, err := tx.ExecContext(ctx, query("agency_master")); err != nil {
		return si, err
	}
	var master [][]any
	for _, a := range cfg.Agencies {
		key := config.FoldName(a.Name)
		var parent any
		if strings.TrimSpace(a.Parent) != "" {
			parent = strings.Join(strings.Fields(a.Parent), " ")
		}
		master = append(master, []any{key, key, a.Name, false, parent})
		for _, alias := range a.Aliases {
			if f := config.FoldName(alias); f != key {
				master = append(master, []any{f, key, a.Name, true, parent})
			}
		}
	}
	if err := insertRows(ctx, tx, query("insert_agency_master"), len(master), func(i int) []any {
		return master[i]
	}); err != nil {
		return si, fmt.Errorf("agency_master: %w", err)
	}
	return si, nil
}

// constantOffset reports the zone's UTC offset in seconds if it is the same at every instant from
// first to last. Models then take local dates by integer arithmetic on epochs, which gives the
// same dates as DuckDB's time-zone conversion and costs a tenth; otherwise (a zone with daylight
// saving time in the span) they use the session time zone.
func constantOffset(loc *time.Location, first, last time.Time) (int, bool) {
	_, off := first.In(loc).Zone()
	for t := first; t.Before(last); {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(last) {
			break
		}
		if _, o := end.In(loc).Zone(); o != off {
			return 0, false
		}
		t = end
	}
	return off, true
}

// insertRows runs one prepared insert per row.
func insertRows(ctx context.Context, tx *sql.Tx, stmt string, n int, row func(int) []any) error {
	if n == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, stmt)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; i < n; i++ {
		if _, err := st.ExecContext(ctx, row(i)...); err != nil {
			return err
		}
	}
	return nil
}

// configJSON renders the effective configuration as JSON with rapor.yaml's key names.
func configJSON(cfg config.Config) (string, error) {
	y, err := cfg.YAML()
	if err != nil {
		return "", err
	}
	var m map[string]any
	if err := yaml.Unmarshal(y, &m); err != nil {
		return "", err
	}
	b, err := json.Marshal(m)
	return string(b), err
}

// SnapshotAfterClock is a snapshot export whose instant begins after the build's clock.
type SnapshotAfterClock struct {
	File         string
	ObservedFrom time.Time
}

// SnapshotsAfterClockError refuses a build whose clock is earlier than snapshots it would read:
// the computer's clock (or the one the files came from) is wrong. The build changes nothing.
type SnapshotsAfterClockError struct {
	Started time.Time
	Files   []SnapshotAfterClock
}

func (e *SnapshotsAfterClockError) Error() string {
	names := make([]string, len(e.Files))
	for i, f := range e.Files {
		names[i] = fmt.Sprintf("%s (%s)", f.File, f.ObservedFrom.UTC().Format(time.RFC3339))
	}
	return fmt.Sprintf("%d snapshot export(s) downloaded after this build's time %s: %s; check this computer's clock",
		len(e.Files), e.Started.UTC().Format(time.RFC3339), strings.Join(names, ", "))
}

func snapshotsAfter(ctx context.Context, tx *sql.Tx, started time.Time) error {
	rows, err := tx.QueryContext(ctx, query("snapshots_after"), started)
	if err != nil {
		return fmt.Errorf("snapshots_after: %w", err)
	}
	defer rows.Close()
	e := &SnapshotsAfterClockError{Started: started}
	for rows.Next() {
		var f SnapshotAfterClock
		if err := rows.Scan(&f.File, &f.ObservedFrom); err != nil {
			return err
		}
		e.Files = append(e.Files, f)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(e.Files) > 0 {
		return e
	}
	return nil
}
