-- duration_quantiles (intermediate, dropped after the build): the medians and 90th percentiles of
-- the cohort durations for every agency and every regency and period, computed from all the
-- period's complaints (never an average of monthly medians).
--
-- Grain: one row per (regency_id, agency_id, period_id) with at least one valid duration;
-- agency_id 0 holds the regency's quantiles over all its agencies.
-- Method: a period's quantiles are those of the window of duration_windows that ends at its last
-- month and has its length: a month's are the 1-month window's, a quarter's the 3 months ending
-- at its last month, a year's the 12 months ending in December, rolling periods theirs (see
-- duration_windows for how a window's exact quantiles are computed).
--
-- Columns:
--   regency_id           INTEGER  regencies.regency_id
--   agency_id            INTEGER  agency_names.agency_id; 0 for the regency's totals
--   period_id            INTEGER  periods.period_id
--   response_wd_median   DOUBLE   median of wd(disposed_at, first_response_at) over valid pairs
--   response_wd_p90      DOUBLE   90th percentile of the same
--   close_days_median    DOUBLE   median of the completion time in C's unit over valid pairs
CREATE OR REPLACE TEMP TABLE duration_quantiles AS
WITH period_windows AS (
    -- months: 1 for month periods, 3 for rolling_3m and quarters, 12 for rolling_12m and years.
    SELECT period_id, year(end_month) * 12 + month(end_month) - 1 AS month,
           CASE period_type WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'rolling_3m' THEN 3 ELSE 12 END AS months
    FROM periods
)
SELECT
    (q.series // 2000000)::INTEGER AS regency_id,
    (q.series // 2 % 1000000)::INTEGER AS agency_id,
    w.period_id,
    max(q.q50) FILTER (WHERE q.series % 2 = 0) AS response_wd_median,
    max(q.q90) FILTER (WHERE q.series % 2 = 0) AS response_wd_p90,
    max(q.q50) FILTER (WHERE q.series % 2 = 1) AS close_days_median
FROM duration_windows AS q
JOIN period_windows AS w USING (month, months)
GROUP BY ALL
