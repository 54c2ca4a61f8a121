package ingest

import (
	"path/filepath"
	"testing"
)

func TestZZHashes(t *testing.T) {
	dir := t.TempDir()
	all := series(t, dir)
	o := snapOptions(t)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	for _, s := range all {
		ingestSnapshot(t, db, o, s)
	}
	for _, r := range rows(t, db.DB, `SELECT tracking_id, status, hash(*COLUMNS(* EXCLUDE (run_id, source_row, version_at, is_current, seen_first_from, seen_first_to, seen_last_from, seen_last_to))) FROM complaint_versions WHERE tracking_id IN ('X','W','V') ORDER BY 1, 3`) {
		t.Log(r)
	}
}
