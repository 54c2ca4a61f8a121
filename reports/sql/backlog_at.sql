-- Each agency's complaints of one regency open at the instant $2 (a past month's stock_at), by age
-- in C's unit at $2's local date: up to C/2, up to C, up to 2C, beyond 2C, and the total. Open
-- as the stock counts it (transform/models/050_stock.sql): certainly disposed by $2 and
-- certainly neither closed nor archived by then (complaint_facts' bounds). Ordered as backlog.sql.
-- $1 regency, $2 instant (TIMESTAMPTZ), $3 the build's time zone.
WITH b AS (
    SELECT completion_days AS c, completion_unit AS unit, timezone($3, $2::TIMESTAMPTZ)::DATE AS d FROM build_info
),
aged AS (
    SELECT f.agency,
           CASE WHEN b.unit = 'working' THEN ce.wd_index - f.disposed_wd_index ELSE b.d - f.disposed_date END AS age,
           b.c
    FROM complaint_facts AS f
    CROSS JOIN b
    JOIN calendar AS ce ON ce.date = b.d
    WHERE f.regency = $1 AND f.in_cohort AND f.status <> 'not_authority' AND f.disposed_hi <= $2::TIMESTAMPTZ
      AND (f.closed_hi IS NULL OR f.closed_lo > $2::TIMESTAMPTZ)
      AND (f.archived_hi IS NULL OR f.archived_lo > $2::TIMESTAMPTZ)
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
