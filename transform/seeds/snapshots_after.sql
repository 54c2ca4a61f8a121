-- The snapshot exports whose instant begins after the build's clock ($1): a download cannot be
-- later than the build that reads it, so the clock of this computer (or of the one the files
-- came from) is wrong. build_snapshots leaves them out, but their complaints' versions are in
-- the history, with bounds outside the build's calendar. Oldest first.
SELECT file_name, observed_from
FROM ingest_runs
WHERE observed_from > $1
ORDER BY observed_from, file_name
