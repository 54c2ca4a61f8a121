-- The month's agency cohorts of one regency (complaints disposed in [$2, $3) to a named agency:
-- agency_month's received) by current status: one row per (agency, status) with its count, by
-- agency, then count (descending).
-- $1 regency, $2 start instant, $3 end instant (exclusive).
SELECT n.agency, c.status, count(*) AS n
FROM complaints AS c
JOIN agency_names AS n ON n.regency = c.regency AND n.spelling = c.agency
WHERE c.regency = $1 AND c.disposed_at >= $2 AND c.disposed_at < $3
GROUP BY ALL
ORDER BY n.agency, n DESC, c.status
