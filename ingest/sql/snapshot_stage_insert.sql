-- Snapshot merge, step 1: the file's accepted rows into the stage (rapor_snap_stage, see
-- snapshot_setup.sql), not into complaint_versions; title_norm (migration 0006) is computed here,
-- once per row of the file. $1 = run_id.
INSERT INTO rapor_snap_stage BY NAME
SELECT $1::BIGINT AS run_id, *, title_norm(title) AS title_norm FROM rapor_stage_in
