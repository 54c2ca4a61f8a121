-- The roll-up to parents counts every complaint once: per regency and month (and period), the
-- parents' received, closed and open stock are the regency's. Returns the rows that differ.
SELECT 'parent_month' AS tbl, r.regency, r.month::VARCHAR AS period, r.received, p.received AS parents_received
FROM regency_month AS r
LEFT JOIN (SELECT regency, month, sum(received) AS received, sum(closed) AS closed, sum(open_end) AS open_end FROM parent_month GROUP BY ALL) AS p
    USING (regency, month)
WHERE r.received > 0 AND (p.received IS DISTINCT FROM r.received OR p.closed IS DISTINCT FROM r.closed)
UNION ALL
SELECT 'parent_period', r.regency, r.period_type || ' ' || r.period, r.received, p.received
FROM regency_period AS r
LEFT JOIN (SELECT regency, period_type, period, sum(received) AS received FROM parent_period GROUP BY ALL) AS p
    USING (regency, period_type, period)
WHERE r.received > 0 AND p.received IS DISTINCT FROM r.received
