-- The files ingested for one regency, in ingest order: run_id, file_name, layout, rows_read,
-- rows_accepted, rows_rejected, max_timestamp.
-- $1 regency.
SELECT run_id, file_name, layout, rows_read, rows_accepted, rows_rejected, max_timestamp
FROM ingest_runs
WHERE regency = $1
ORDER BY run_id
