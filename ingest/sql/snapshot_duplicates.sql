-- Snapshot merge: how many staged rows repeat a complaint of the same file (0 unless the file
-- holds a complaint twice; then snapshot_plan_duplicates.sql runs). One row, one count.
SELECT count(*) - count(DISTINCT (regency, tracking_id))
FROM rapor_snap_stage
