-- Records one ingested file in ingest_runs, finished now (inside the file's transaction).
-- $1 run_id, $2 file_path, $3 file_name, $4 file_sha256, $5 file_bytes, $6 format, $7 layout,
-- $8 regency, $9 headers, $10 rows_read, $11 rows_accepted, $12 rows_rejected,
-- $13 max_timestamp (NULL when no accepted row has one), $14 started_at, $15 rapor_version,
-- snapshot exports (else NULL): $16 observed_from, $17 observed_to, $18 observed_source,
-- from the preamble (else NULL): $19 organisation, $20 generated_raw, $21 period_from,
-- $22 period_to, $23 manager.
INSERT INTO ingest_runs (
    run_id, file_path, file_name, file_sha256, file_bytes, format, layout, regency, headers,
    rows_read, rows_accepted, rows_rejected, max_timestamp, started_at, finished_at, rapor_version,
    observed_from, observed_to, observed_source, organisation, generated_raw, period_from,
    period_to, manager
) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15,
          $16, $17, $18, $19, $20, $21, $22, $23)
