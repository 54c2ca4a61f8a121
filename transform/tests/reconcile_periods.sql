-- A period's counts are the sums of its months' counts (cohorts partition by month).
WITH pm AS (
    SELECT period_type, period, unnest(months) AS month FROM periods WHERE period_type <> 'month'
),
agency_sums AS (
    SELECT a.regency, pm.period_type, pm.period, a.agency,
           sum(a.received) AS received, sum(a.closed) AS closed, sum(a.rated) AS rated
    FROM agency_month AS a JOIN pm USING (month) GROUP BY ALL
),
regency_sums AS (
    SELECT r.regency, pm.period_type, pm.period,
           sum(r.submitted) AS submitted, sum(r.received) AS received, sum(r.disposed) AS disposed
    FROM regency_month AS r JOIN pm USING (month) GROUP BY ALL
)
SELECT 'agency_period' AS tbl, s.regency, s.period_type, s.period, s.agency,
       s.received AS sum_of_months, p.received AS period_value
FROM agency_sums AS s
FULL JOIN agency_period AS p USING (regency, period_type, period, agency)
WHERE s.received IS DISTINCT FROM p.received OR s.closed IS DISTINCT FROM p.closed OR s.rated IS DISTINCT FROM p.rated
UNION ALL
SELECT 'regency_period', s.regency, s.period_type, s.period, NULL, s.submitted, p.submitted
FROM regency_sums AS s
JOIN regency_period AS p USING (regency, period_type, period)
WHERE s.submitted <> p.submitted OR s.received <> p.received OR s.disposed <> p.disposed
