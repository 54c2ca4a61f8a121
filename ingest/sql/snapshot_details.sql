-- Snapshot merge, step 3b: the details (snapshot_setup.sql) of complaints the snapshot shows in
-- their current state (actions extend and seen) merge into the current version: for each, the
-- greater of the stored and the file's value (NULL: unknown); extra, the more complete object.
-- Only versions whose details change are written (details_new, snapshot_plan.sql). No parameters.
UPDATE complaint_versions AS cv
SET rating = greatest(cv.rating, x.rating),
    reporter_key = greatest(cv.reporter_key, x.reporter_key),
    agency_ref = greatest(cv.agency_ref, x.agency_ref),
    category_ref = greatest(cv.category_ref, x.category_ref),
    extra = CASE WHEN rapor_extra_rank(x.extra) > rapor_extra_rank(cv.extra) OR cv.extra IS NULL
                 THEN x.extra ELSE cv.extra END
FROM (
    SELECT p.last_row, s.rating, s.reporter_key, s.agency_ref, s.category_ref, s.extra
    FROM rapor_snap_plan AS p
    JOIN rapor_snap_stage AS s ON s.rowid = p.stage_ref
    WHERE p.action IN ('extend', 'seen') AND p.details_new
) AS x
WHERE cv.rowid = x.last_row
