-- The build's data_quality checks for one regency: check_name, severity, unit, count, examples
-- (empty list when none), detail ('' when none). Errors first, then by count (descending).
-- $1 regency.
SELECT check_name, severity, unit, count, coalesce(examples, []::VARCHAR[]), coalesce(detail, '')
FROM data_quality
WHERE source = 'build' AND regency = $1
ORDER BY severity DESC, coalesce(count, -1) DESC, check_name
