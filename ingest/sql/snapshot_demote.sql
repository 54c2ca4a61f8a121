-- Snapshot merge, step 5: the versions that an appended one succeeds (action append) are no
-- longer current. No parameters.
UPDATE complaint_versions AS cv
SET is_current = false
FROM (SELECT DISTINCT last_row FROM rapor_snap_plan WHERE action = 'append') AS p
WHERE cv.rowid = p.last_row
