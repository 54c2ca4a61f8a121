-- Snapshot merge, step 4: complaints seen for the first time (action new) or in a new state after
-- every earlier sighting (append): the state the file shows becomes a version [s, s] (the
-- normaliser set seen_* and version_at to s), with the lineage of its first row in the file, and
-- the current one (a complaint shown in two states is rebuilt instead). No parameters.
INSERT INTO complaint_versions BY NAME
SELECT DISTINCT ON (p.regency, p.tracking_id, p.state_hash)
       s.* REPLACE (true AS is_current)
FROM rapor_snap_stage AS s
JOIN rapor_snap_plan AS p ON s.rowid = p.stage_ref
WHERE p.action IN ('new', 'append')
ORDER BY p.regency, p.tracking_id, p.state_hash, s.source_row
