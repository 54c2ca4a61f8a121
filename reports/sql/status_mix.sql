-- The month's agency cohorts of one regency (complaint_facts in the cohort of the month:
-- agency_month's received) by current status: one row per (agency, status) with its count, by
-- agency, then count (descending).
-- $1 regency, $2 the month's first day, $3 the next month's first day (YYYY-MM-DD text).
SELECT agency, status, count(*) AS n
FROM complaint_facts
WHERE regency = $1 AND in_cohort AND cohort_month >= $2::DATE AND cohort_month < $3::DATE
GROUP BY ALL
ORDER BY agency, n DESC, status
