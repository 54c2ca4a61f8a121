-- The first run that ingested a file with the same content (a file is ingested once): run_id
-- and finished_at; no row when the content is new.
-- $1 file_sha256.
SELECT run_id, finished_at
FROM ingest_runs
WHERE file_sha256 = $1
ORDER BY run_id
LIMIT 1
