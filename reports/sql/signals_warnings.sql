-- The early warnings a month's scorecard shows (table warnings): those of the regency that fire in
-- the three months ending with the report's month (warnings only rest on mature months, so for a
-- recent month these are the latest the data can tell). Newest first.
-- $1 regency, $2 the report's month (first day).
SELECT coalesce(agency, ''), kind, month, months, measured, baseline, value, coalesce(z, 0), new
FROM warnings
WHERE regency = $1 AND month BETWEEN ($2::DATE - INTERVAL 2 MONTH)::DATE AND $2::DATE
ORDER BY month DESC, list_position(['response_slide', 'overdue_growth', 'expired_jump', 'volume_outlier', 'verification_backlog'], kind), agency
