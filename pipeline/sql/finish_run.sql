-- Completes a job's row in job_runs with what it did and how it ended.
-- $1 finished_at, $2 month reported (YYYY-MM-DD text or NULL), $3 files_seen, $4 files_ingested,
-- $5 files_skipped, $6 files_failed, $7 rows_accepted, $8 rows_rejected, $9 build_id (NULL: no
-- build), $10 reports (paths), $11 outcome (ok | failed), $12 message (NULL when ok), $13 job_id.
UPDATE job_runs
SET finished_at = $1, month = $2::DATE, files_seen = $3, files_ingested = $4,
    files_skipped = $5, files_failed = $6, rows_accepted = $7, rows_rejected = $8,
    build_id = $9, reports = $10, outcome = $11, message = $12
WHERE job_id = $13
