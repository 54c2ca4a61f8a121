-- Snapshot merge, step 4: complaints seen for the first time (action new) or in a new state after
-- every earlier sighting (append): the state the file shows becomes a version [s, s] (the
-- normaliser set seen_* and version_at to s), with the lineage of its row in the file, and the
-- current one. (A complaint the file shows twice has one such row: snapshot_plan_duplicates.sql.)
-- title_norm (migration 0006) is computed here, for the rows that become versions only: most of
-- a download repeats what is stored. No parameters.
INSERT INTO complaint_versions BY NAME
SELECT s.* REPLACE (true AS is_current, title_norm(s.title) AS title_norm)
FROM rapor_snap_stage AS s
JOIN rapor_snap_plan AS p ON s.rowid = p.stage_ref
WHERE p.action IN ('new', 'append')
