-- name: slowest-categories
-- title: Kategori paling lambat / Slowest categories
-- description: Complaint categories by median working days from disposition to first follow-up,
--   slowest first, over complaints disposed from `from` to `to` (local months, inclusive).
--   Durations and on-time outcomes as the build computed them (complaint_facts: known within one
--   working day; invalid pairs left out; on time = service level met). Categories with fewer complaints than min_sample are left out.
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
SELECT
    category,
    count(*)                                                  AS complaints,
    quantile_cont(response_wd, 0.5)                           AS response_wd_median,
    quantile_cont(response_wd, 0.9)                           AS response_wd_p90,
    avg(CASE WHEN has_first_response THEN responded_on_time::INTEGER END) AS on_time_response_rate,
    quantile_cont(close_days, 0.5)                            AS close_days_median,
    avg((closed_hi IS NOT NULL)::INTEGER)                     AS completion_rate
FROM complaint_facts
WHERE in_cohort
  AND cohort_month BETWEEN date_trunc('month', $from::DATE) AND date_trunc('month', $to::DATE)
GROUP BY category
HAVING count(*) >= (SELECT min_sample FROM build_info)
ORDER BY response_wd_median DESC NULLS LAST, complaints DESC, category
