-- Snapshot merge, step 7: the stored snapshot versions of the rebuilt complaints go (their
-- replacements are in rapor_snap_rebuilt; snapshot_rebuild_insert.sql adds them). Exact versions
-- (seen_first_from NULL) of the same complaints stay. No parameters.
DELETE FROM complaint_versions
WHERE rowid IN (
    SELECT o.row_ref
    FROM rapor_snap_old AS o
    JOIN rapor_snap_plan AS p USING (regency, tracking_id)
    WHERE p.action = 'rebuild'
)
