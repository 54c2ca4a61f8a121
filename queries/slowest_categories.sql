-- name: slowest-categories
-- title: Kategori paling lambat / Slowest categories
-- description: Complaint categories by median working days from disposition to first follow-up,
--   slowest first, over complaints disposed from `from` to `to` (local months, inclusive).
--   Working days as the spec's wd, from the calendar table; durations whose end comes before
--   their start are left out. Categories with fewer complaints than min_sample are left out.
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
WITH cohort AS (
    SELECT
        c.category,
        c.has_first_response,
        c.first_response_at,
        c.closed_at,
        CASE WHEN c.first_response_at >= c.disposed_at THEN cr.wd_index - cd.wd_index END AS response_wd,
        CASE WHEN c.closed_at >= c.disposed_at THEN c.closed_at::DATE - c.disposed_at::DATE END AS close_days,
        CASE WHEN c.first_response_at >= c.disposed_at THEN cr.wd_index - cd.wd_index <= b.response_working_days
             ELSE false END AS responded_on_time
    FROM complaints AS c
    CROSS JOIN build_info AS b
    JOIN calendar AS cd ON cd.date = c.disposed_at::DATE
    LEFT JOIN calendar AS cr ON cr.date = c.first_response_at::DATE
    WHERE c.disposed_at IS NOT NULL AND c.agency IS NOT NULL
      AND c.disposed_at::DATE BETWEEN date_trunc('month', $from::DATE)
                                  AND last_day(date_trunc('month', $to::DATE))
)
SELECT
    category,
    count(*)                                                  AS complaints,
    quantile_cont(response_wd, 0.5)                           AS response_wd_median,
    quantile_cont(response_wd, 0.9)                           AS response_wd_p90,
    avg(CASE WHEN has_first_response THEN responded_on_time::INTEGER END) AS on_time_response_rate,
    quantile_cont(close_days, 0.5)                            AS close_days_median,
    avg((closed_at IS NOT NULL)::INTEGER)                     AS completion_rate
FROM cohort
GROUP BY category
HAVING count(*) >= (SELECT min_sample FROM build_info)
ORDER BY response_wd_median DESC NULLS LAST, complaints DESC, category
