-- Counts nest as their definitions say (on time <= done <= base <= received, overdue <= open,
-- median <= 90th percentile), and the regency's open stock is at least that of the agencies
-- listed for the month.
WITH t AS (
    SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency, received, response_base, responded,
           responded_on_time, closed, closed_on_time, rated, open_end, overdue_end, unanswered_overdue_end,
           response_wd_median, response_wd_p90,
           NULL::BIGINT AS submitted, NULL::BIGINT AS disposed, NULL::BIGINT AS verified_on_time, NULL::BIGINT AS archived
    FROM agency_month
    UNION ALL
    SELECT 'agency_period', regency, period_type || ' ' || period, agency, received, response_base, responded,
           responded_on_time, closed, closed_on_time, rated, open_end, overdue_end, unanswered_overdue_end,
           response_wd_median, response_wd_p90, NULL, NULL, NULL, NULL
    FROM agency_period
    UNION ALL
    SELECT 'regency_month', regency, month::VARCHAR, NULL, received, response_base, responded,
           responded_on_time, closed, closed_on_time, rated, open_end, overdue_end, unanswered_overdue_end,
           response_wd_median, response_wd_p90, submitted, disposed, verified_on_time, archived
    FROM regency_month
    UNION ALL
    SELECT 'regency_period', regency, period_type || ' ' || period, NULL, received, response_base, responded,
           responded_on_time, closed, closed_on_time, rated, open_end, overdue_end, unanswered_overdue_end,
           response_wd_median, response_wd_p90, submitted, disposed, verified_on_time, archived
    FROM regency_period
),
agency_open AS (
    SELECT regency, month, sum(open_end) AS open_end FROM agency_month GROUP BY ALL
)
SELECT tbl, regency, period, agency, 'nesting' AS problem
FROM t
WHERE NOT (
        response_base <= received
    AND coalesce(responded <= response_base, true)
    AND coalesce(responded_on_time <= responded, true)
    AND closed_on_time <= closed AND closed <= received
    AND rated <= received
    AND overdue_end <= open_end
    AND coalesce(unanswered_overdue_end <= open_end, true)
    AND coalesce(response_wd_median <= response_wd_p90, true)
    AND coalesce(verified_on_time <= disposed AND disposed <= submitted AND archived <= submitted, true)
    AND least(received, response_base, closed, closed_on_time, rated, open_end, overdue_end) >= 0
)
UNION ALL
SELECT 'regency_month', r.regency, r.month::VARCHAR, NULL, 'regency open_end below the agencies'' sum'
FROM regency_month AS r
JOIN agency_open AS a USING (regency, month)
WHERE r.open_end < a.open_end
