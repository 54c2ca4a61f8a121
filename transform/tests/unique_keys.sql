-- Every table has one row per key; each agency key has one name.
SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency, count(*) AS n
FROM agency_month GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'agency_period', regency, period_type || ' ' || period, agency, count(*)
FROM agency_period GROUP BY regency, period_type, period, agency HAVING count(*) > 1
UNION ALL
SELECT 'regency_month', regency, month::VARCHAR, NULL, count(*)
FROM regency_month GROUP BY regency, month HAVING count(*) > 1
UNION ALL
SELECT 'regency_period', regency, period_type || ' ' || period, NULL, count(*)
FROM regency_period GROUP BY regency, period_type, period HAVING count(*) > 1
UNION ALL
SELECT 'open_complaints', regency, tracking_id, agency, count(*)
FROM open_complaints GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'agency_names', regency, spelling, NULL, count(*)
FROM agency_names GROUP BY regency, spelling HAVING count(*) > 1
UNION ALL
SELECT 'agency_names (one name per agency_key)', NULL, agency_key, NULL, count(DISTINCT agency)
FROM agency_names GROUP BY agency_key HAVING count(DISTINCT agency) > 1
UNION ALL
SELECT 'calendar', NULL, date::VARCHAR, NULL, count(*)
FROM calendar GROUP BY date HAVING count(*) > 1
