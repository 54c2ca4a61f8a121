-- Every table has one row per key.
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
SELECT 'complaint_facts', regency, tracking_id, NULL, count(*)
FROM complaint_facts GROUP BY regency, tracking_id HAVING count(*) > 1
UNION ALL
SELECT 'calendar', NULL, date::VARCHAR, NULL, count(*)
FROM calendar GROUP BY date HAVING count(*) > 1
