-- Snapshot merge, step 4: complaints seen for the first time (action new) or in a new state after
-- every earlier sighting (append): each distinct state the file shows becomes a version [s, s]
-- (the normaliser set seen_* and version_at to s), with the lineage of its first row in the file.
-- is_current is settled by snapshot_current.sql. No parameters.
INSERT INTO complaint_versions BY NAME
SELECT DISTINCT ON (n.regency, n.tracking_id, n.state_hash)
       n.* EXCLUDE (state_hash, state_rank) REPLACE (false AS is_current)
FROM rapor_snap_new AS n
JOIN rapor_snap_plan AS p USING (regency, tracking_id)
WHERE p.action IN ('new', 'append')
ORDER BY n.regency, n.tracking_id, n.state_hash, n.source_row
