package transform

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/transform/calendar"
)

// The seed tables are written from Go, with every value bound as a parameter, before the models
// run: build_info (one row: the parameters and as_of), holidays (the calendar in force) and
// agency_master (the configured master list, one row per name or alias).

const createBuildInfo = `CREATE OR REPLACE TABLE build_info (
    build_id                        BIGINT NOT NULL,
    started_at                      TIMESTAMPTZ NOT NULL,
    finished_at                     TIMESTAMPTZ,
    as_of                           TIMESTAMPTZ NOT NULL,
    as_of_date                      DATE NOT NULL,
    as_of_month                     DATE NOT NULL,
    data_first                      TIMESTAMPTZ NOT NULL,
    data_last                       TIMESTAMPTZ NOT NULL,
    timezone                        VARCHAR NOT NULL,
    utc_offset_seconds              INTEGER,
    source_timezone                 VARCHAR NOT NULL,
    verification_working_days       INTEGER NOT NULL,
    response_working_days           INTEGER NOT NULL,
    completion_days                 INTEGER NOT NULL,
    completion_unit                 VARCHAR NOT NULL,
    weight_on_time_response_rate    DOUBLE NOT NULL,
    weight_completion_rate          DOUBLE NOT NULL,
    weight_on_time_completion_rate  DOUBLE NOT NULL,
    weight_satisfaction             DOUBLE NOT NULL,
    zone_hijau                      DOUBLE NOT NULL,
    zone_kuning                     DOUBLE NOT NULL,
    min_sample                      INTEGER NOT NULL,
    holidays_file                   VARCHAR,
    holidays_replace                BOOLEAN NOT NULL,
    holidays_first                  DATE,
    holidays_last                   DATE,
    master_agencies                 INTEGER NOT NULL,
    complaints                      BIGINT NOT NULL,
    config                          JSON NOT NULL,
    rapor_version                   VARCHAR NOT NULL,
    duckdb_version                  VARCHAR NOT NULL
)`

const createHolidays = `CREATE OR REPLACE TABLE holidays (
    date  DATE PRIMARY KEY,
    kind  VARCHAR NOT NULL,   -- libur_nasional | cuti_bersama | daerah
    name  VARCHAR NOT NULL
)`

const createAgencyMaster = `CREATE OR REPLACE TABLE agency_master (
    spelling_key  VARCHAR PRIMARY KEY,  -- a name or alias, folded (trimmed, spaces folded, lower case)
    agency_key    VARCHAR NOT NULL,     -- the master name, folded
    agency        VARCHAR NOT NULL,     -- the master name as configured
    is_alias      BOOLEAN NOT NULL
)`

type seedInfo struct {
	asOf        time.Time
	first, last time.Time
}

func writeSeeds(ctx context.Context, tx *sql.Tx, cfg config.Config, o options, res *Result) (seedInfo, error) {
	var si seedInfo
	// as_of: the newest timestamp ingested, not after the build's own clock (a timestamp in the
	// future is a data error, counted in data_quality, and must not move the cut-off).
	var n int64
	var ts [18]sql.NullTime
	dest := []any{&n}
	for i := range ts {
		dest = append(dest, &ts[i])
	}
	err := tx.QueryRowContext(ctx, `SELECT count(*),
        max(submitted_at) FILTER (submitted_at <= $1), max(verified_at) FILTER (verified_at <= $1),
        max(disposed_at) FILTER (disposed_at <= $1), max(first_response_at) FILTER (first_response_at <= $1),
        max(closed_at) FILTER (closed_at <= $1), max(last_activity_at) FILTER (last_activity_at <= $1),
        min(submitted_at), min(verified_at), min(disposed_at), min(first_response_at), min(closed_at), min(last_activity_at),
        max(submitted_at), max(verified_at), max(disposed_at), max(first_response_at), max(closed_at), max(last_activity_at)
        FROM complaints`, res.Started).Scan(dest...)
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
	if _, err := tx.ExecContext(ctx, createBuildInfo); err != nil {
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
	_, err = tx.ExecContext(ctx, `INSERT INTO build_info VALUES (
        $1, $2, NULL, $3, $3::DATE, date_trunc('month', $3::DATE)::DATE, $26, $27, $4, $28, $5,
        $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
        $17, $18, $19::DATE, $20::DATE, $21, $22, $23::JSON, $24, $25)`,
		res.BuildID, res.Started, si.asOf, cfg.Timezone, cfg.SourceTimezone,
		cfg.SLA.VerificationWorkingDays, cfg.SLA.ResponseWorkingDays, cfg.SLA.CompletionDays, cfg.SLA.CompletionUnit,
		cfg.Weights.OnTimeResponseRate, cfg.Weights.CompletionRate, cfg.Weights.OnTimeCompletionRate, cfg.Weights.Satisfaction,
		cfg.Zones.Hijau, cfg.Zones.Kuning, cfg.MinSample,
		holFile, cfg.HolidaysReplace, firstArg, lastArg, len(cfg.Agencies), n, cfgJSON, o.version, duck,
		si.first, si.last, offset)
	if err != nil {
		return si, fmt.Errorf("build_info: %w", err)
	}

	if _, err := tx.ExecContext(ctx, createHolidays); err != nil {
		return si, err
	}
	hols := cal.Holidays()
	if err := insertRows(ctx, tx, `INSERT INTO holidays VALUES (?::DATE, ?, ?)`, len(hols), func(i int) []any {
		h := hols[i]
		return []any{h.Date.Format(time.DateOnly), string(h.Kind), h.Name}
	}); err != nil {
		return si, fmt.Errorf("holidays: %w", err)
	}

	if _, err := tx.ExecContext(ctx, createAgencyMaster); err != nil {
		return si, err
	}
	var master [][]any
	for _, a := range cfg.Agencies {
		key := config.FoldName(a.Name)
		master = append(master, []any{key, key, a.Name, false})
		for _, alias := range a.Aliases {
			if f := config.FoldName(alias); f != key {
				master = append(master, []any{f, key, a.Name, true})
			}
		}
	}
	if err := insertRows(ctx, tx, `INSERT INTO agency_master VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, len(master), func(i int) []any {
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
