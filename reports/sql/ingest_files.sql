-- The files ingested for one regency that the build includes (finished before it started; a file
-- ingested since is not in the numbers, and the report says so: stale_files.sql), in ingest
-- order: run_id, file_name, layout, rows_read, rows_accepted, rows_rejected, max_timestamp.
-- $1 regency.
SELECT run_id, file_name, layout, rows_read, rows_accepted, rows_rejected, max_timestamp
FROM ingest_runs
WHERE regency = $1 AND finished_at <= (SELECT started_at FROM build_info)
ORDER BY run_id
