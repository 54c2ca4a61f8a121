-- Records one ingested file in ingest_runs, finished now (inside the file's transaction).
-- $1 run_id, $2 file_path, $3 file_name, $4 file_sha256, $5 file_bytes, $6 format, $7 layout,
-- $8 regency, $9 headers, $10 rows_read, $11 rows_accepted, $12 rows_rejected,
-- $13 max_timestamp (NULL when no accepted row has one), $14 started_at, $15 rapor_version.
INSERT INTO ingest_runs (
    run_id, file_path, file_name, file_sha256, file_bytes, format, layout, regency, headers,
    rows_read, rows_accepted, rows_rejected, max_timestamp, started_at, finished_at, rapor_version
) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15)
