package ingest

import (
	"fmt"
	"time"
)

// Snapshot exports (layout R) are merged as spans, not as one version per file: a complaint a
// snapshot shows unchanged extends the version it is in (seen_first .. seen_last), a changed one
// adds a version, and a snapshot that falls inside a span with another state splits it. The
// result is a function of the set of snapshots, whatever the order they were ingested in
// (sql/snapshot_*.sql say how; input-formats.md, "Versions (and snapshots)").

// snapshotSteps are the statements that file a staged snapshot, in order, after snapshot_setup,
// snapshot_stage_insert and snapshot_plan; each step runs when the count of the same position in
// snapshot_actions.sql is not zero. Each statement says what it does in its header.
var snapshotSteps = [][]string{
	{"snapshot_extend"},
	{"snapshot_details"},
	{"snapshot_append"},
	{"snapshot_demote"},
	{"snapshot_rebuild", "snapshot_rebuild_delete", "snapshot_rebuild_insert", "snapshot_current"},
}

// snapshotTemp are the temporary objects of snapshot_setup and the merge, dropped at its end.
var snapshotTemp = []string{
	"DROP VIEW IF EXISTS rapor_snap_new", "DROP VIEW IF EXISTS rapor_snap_old",
	"DROP TABLE IF EXISTS rapor_snap_rebuilt", "DROP TABLE IF EXISTS rapor_snap_plan",
	"DROP TABLE IF EXISTS rapor_snap_stage", "DROP MACRO IF EXISTS rapor_state_rank",
}

// mergeSnapshot files the staged rows of a snapshot at instant in (inside the file's
// transaction, before its ingest_runs row exists). zone is the export's time zone, in which
// Periode Masuk's dates are read. ints runs a query of one row of counts.
func mergeSnapshot(exec func(string, ...any) error, ints func(string, ...any) ([]int64, error), in *Instant, zone *time.Location) error {
	from, to := in.From.UTC(), in.To.UTC()
	tz := "UTC"
	if zone != nil && zone != time.Local && zone.String() != "Local" {
		tz = zone.String()
	}
	args := map[string][]any{
		"snapshot_plan":    {from, to},
		"snapshot_extend":  {from, to},
		"snapshot_rebuild": {from, to, tz},
	}
	run := func(names ...string) error {
		for _, name := range names {
			if err := exec(query(name), args[name]...); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}
	if err := run("snapshot_plan"); err != nil {
		return err
	}
	dups, err := ints(query("snapshot_duplicates"))
	if err != nil {
		return fmt.Errorf("snapshot_duplicates: %w", err)
	}
	if dups[0] > 0 {
		if err := run("snapshot_plan_duplicates"); err != nil {
			return err
		}
	}
	n, err := ints(query("snapshot_actions"))
	if err != nil {
		return fmt.Errorf("snapshot_actions: %w", err)
	}
	// Statements with nothing to do are skipped: a weekly snapshot is mostly extend.
	for i, step := range snapshotSteps {
		if n[i] > 0 {
			if err := run(step...); err != nil {
				return err
			}
		}
	}
	for _, stmt := range snapshotTemp {
		if err := exec(stmt); err != nil {
			return err
		}
	}
	return nil
}
