-- Snapshot merge, step 1: the file's accepted rows into the stage (rapor_snap_stage, see
-- snapshot_setup.sql), not into complaint_versions. $1 = run_id.
INSERT INTO rapor_snap_stage BY NAME
SELECT $1::BIGINT AS run_id, * FROM rapor_stage_in
