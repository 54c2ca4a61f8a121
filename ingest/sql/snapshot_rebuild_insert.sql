-- Snapshot merge, step 8: the rebuilt snapshot versions (snapshot_rebuild.sql) join the history.
-- A version whose content comes from the new file (the stage) gets its title_norm (migration
-- 0006) here; one from a stored version has it already. No parameters.
INSERT INTO complaint_versions BY NAME
SELECT * REPLACE (coalesce(title_norm, title_norm(title)) AS title_norm) FROM rapor_snap_rebuilt
