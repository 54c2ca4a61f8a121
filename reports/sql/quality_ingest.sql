-- The ingest's data_quality rows for one regency (what each file rejected or dropped, without
-- the rows_rejected total): run_id, check_name, severity, unit, count, examples (empty list when
-- none), detail ('' when none). By run, then check.
-- $1 regency.
SELECT run_id, check_name, severity, unit, count, coalesce(examples, []::VARCHAR[]), coalesce(detail, '')
FROM data_quality
WHERE source = 'ingest' AND regency = $1 AND check_name <> 'rows_rejected'
ORDER BY run_id, check_name
