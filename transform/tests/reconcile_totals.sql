-- Over all months, the regency tables account for every complaint: submitted, disposed (by
-- submission month) and received (by cohort month) each equal the count in complaint_facts
-- up to as_of's month; disposed = received + disposed complaints without an agency (+ those whose
-- disposition is after as_of's month).
WITH b AS (SELECT as_of_month FROM build_info),
tables AS (
    SELECT regency, sum(submitted) AS submitted, sum(disposed) AS disposed, sum(received) AS received
    FROM regency_month GROUP BY regency
),
facts AS (
    SELECT
        r.regency,
        count(*) FILTER (WHERE submitted_month <= b.as_of_month) AS submitted,
        count(disposed_hi) FILTER (WHERE submitted_month <= b.as_of_month) AS disposed,
        count(*) FILTER (WHERE in_cohort AND cohort_month <= b.as_of_month) AS received,
        count(*) FILTER (WHERE submitted_month <= b.as_of_month AND disposed_hi IS NOT NULL
                         AND (NOT in_cohort OR cohort_month > b.as_of_month)) AS disposed_not_received,
        count(*) FILTER (WHERE in_cohort AND cohort_month <= b.as_of_month AND submitted_month > b.as_of_month) AS received_not_submitted
    FROM complaint_facts AS f JOIN regencies AS r USING (regency_id), b GROUP BY r.regency
)
SELECT f.regency, t.submitted, f.submitted AS facts_submitted, t.disposed, f.disposed AS facts_disposed,
       t.received, f.received AS facts_received, f.disposed_not_received, f.received_not_submitted
FROM facts AS f
FULL JOIN tables AS t USING (regency)
WHERE t.submitted IS DISTINCT FROM f.submitted
   OR t.disposed IS DISTINCT FROM f.disposed
   OR t.received IS DISTINCT FROM f.received
   OR t.disposed IS DISTINCT FROM t.received + f.disposed_not_received - f.received_not_submitted
