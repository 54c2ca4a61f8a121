-- Each month, the regency's received equals the sum of its agencies' received and the count of
-- complaints in that cohort month (complaint_facts.cohort_month).
WITH agencies AS (
    SELECT regency, month, sum(received) AS received FROM agency_month GROUP BY ALL
),
facts AS (
    SELECT r.regency, f.cohort_month AS month, count(*) AS received
    FROM complaint_facts AS f JOIN regencies AS r USING (regency_id)
    WHERE f.in_cohort GROUP BY ALL
)
SELECT r.regency, r.month, r.received AS regency_received,
       coalesce(a.received, 0) AS sum_agency_received, coalesce(f.received, 0) AS complaints_disposed
FROM regency_month AS r
LEFT JOIN agencies AS a USING (regency, month)
LEFT JOIN facts AS f USING (regency, month)
WHERE r.received <> coalesce(a.received, 0) OR r.received <> coalesce(f.received, 0)
UNION ALL
SELECT a.regency, a.month, NULL, a.received, NULL
FROM agencies AS a ANTI JOIN regency_month AS r USING (regency, month)
