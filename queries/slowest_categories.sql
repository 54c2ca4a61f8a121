-- name: slowest-categories
-- title: Kategori paling lambat / Slowest categories
-- description: Complaint categories by median working days from disposition to first follow-up,
--   slowest first, over complaints disposed from `from` to `to` (months, inclusive). Categories
--   with fewer complaints than min_sample are left out (their medians mean little).
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
SELECT
    c.category,
    count(*)                                                          AS complaints,
    quantile_cont(f.response_wd, 0.5)                                 AS response_wd_median,
    quantile_cont(f.response_wd, 0.9)                                 AS response_wd_p90,
    avg(CASE WHEN f.has_first_response THEN coalesce(f.responded_on_time, false)::INTEGER END) AS on_time_response_rate,
    quantile_cont(f.close_days, 0.5)                                  AS close_days_median,
    avg((f.closed_at IS NOT NULL)::INTEGER)                           AS completion_rate
FROM complaint_facts AS f
JOIN complaints AS c USING (regency, tracking_id)
CROSS JOIN build_info AS b
WHERE f.in_cohort
  AND f.disposed_month BETWEEN date_trunc('month', $from::DATE) AND date_trunc('month', $to::DATE)
GROUP BY c.category, b.min_sample
HAVING count(*) >= b.min_sample
ORDER BY response_wd_median DESC NULLS LAST, complaints DESC, c.category
