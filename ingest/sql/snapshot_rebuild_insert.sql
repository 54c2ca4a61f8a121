-- Snapshot merge, step 8: the rebuilt snapshot versions (snapshot_rebuild.sql) join the history.
-- No parameters.
INSERT INTO complaint_versions BY NAME
SELECT * FROM rapor_snap_rebuilt
