-- Each agency's complaints open at as_of (open_complaints) in one regency, by age in C's unit:
-- one row per agency with the counts up to C/2, up to C, up to 2C, beyond 2C, and the total.
-- Ordered by total, then by those older than C (both descending), then agency.
-- $1 regency.
WITH b AS (
    SELECT completion_days AS c, completion_unit AS unit FROM build_info
),
aged AS (
    SELECT o.agency, CASE WHEN b.unit = 'working' THEN o.open_wd ELSE o.open_days END AS age, b.c
    FROM open_complaints AS o
    CROSS JOIN b
    WHERE o.regency = $1
)
SELECT agency,
       count(*) FILTER (WHERE age <= c // 2),
       count(*) FILTER (WHERE age > c // 2 AND age <= c),
       count(*) FILTER (WHERE age > c AND age <= 2 * c),
       count(*) FILTER (WHERE age > 2 * c),
       count(*)
FROM aged
GROUP BY agency
ORDER BY count(*) DESC, count(*) FILTER (WHERE age > c) DESC, agency
