-- duration_quantiles_grid: the quantiles of duration_quantiles by the method the model used until
-- December 2026, kept as an oracle for TestDurationWindowsMatchGrid: the same rows, computed in
-- SQL alone on a dense grid of every series x value x month (its cost followed the number of
-- SKPD, which is why the model moved to a Go pass over the histogram).
--
-- The original header: the medians and 90th percentiles of
-- the cohort durations for every agency and every regency and period, computed from all the
-- period's complaints (never an average of monthly medians).
--
-- Grain: one row per (regency_id, agency_id, period_id) with at least one valid duration;
-- agency_id 0 holds the regency's quantiles over all its agencies.
-- Method (exact: durations are whole days): each (agency, measure, value) has a monthly count
-- (a histogram); on a grid of consecutive months per series, running sums over the last 3 and
-- last 12 months give the counts of every rolling window, of every quarter (the 3 months ending at
-- its last month) and of every year (the 12 months ending in December). For each group, period
-- and measure, counts accumulated over increasing values give x_k, the k-th smallest duration
-- (0-based): the smallest value whose cumulative count exceeds k. A continuous quantile q over N
-- durations is then, as quantile_cont and pandas compute it, with h = q * (N - 1):
-- x_floor(h) + (h - floor(h)) * (x_ceil(h) - x_floor(h)).
--
-- Columns:
--   regency_id           INTEGER  regencies.regency_id
--   agency_id            INTEGER  agency_names.agency_id; 0 for the regency's totals
--   period_id            INTEGER  periods.period_id
--   response_wd_median   DOUBLE   median of wd(disposed_at, first_response_at) over valid pairs
--   response_wd_p90      DOUBLE   90th percentile of the same
--   close_days_median    DOUBLE   median of the completion time in C's unit over valid pairs
CREATE OR REPLACE TEMP TABLE duration_quantiles_grid AS
WITH hist AS (
    -- series: one number for (regency_id, agency_id, measure), so that the windows below sort on
    -- two columns; measure 0 is response_wd, 1 close_days; agency_id 0 is all the regency's agencies.
    SELECT ((regency_id::BIGINT * 1000000 + agency_id) * 2) AS series, response_wd AS value, cohort_month AS month, count(*) AS n
    FROM complaint_facts WHERE in_cohort AND response_wd IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT regency_id::BIGINT * 1000000 * 2, response_wd, cohort_month, count(*)
    FROM complaint_facts WHERE in_cohort AND response_wd IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT (regency_id::BIGINT * 1000000 + agency_id) * 2 + 1, close_days, cohort_month, count(*)
    FROM complaint_facts WHERE in_cohort AND close_days IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT regency_id::BIGINT * 1000000 * 2 + 1, close_days, cohort_month, count(*)
    FROM complaint_facts WHERE in_cohort AND close_days IS NOT NULL GROUP BY ALL
),
-- Each (series, value) runs from its first month to 11 months after its last (no window holding
-- it ends later), and at most to the December of as_of's year (the last period end).
grid AS (
    SELECT
        s.series, s.value,
        unnest(generate_series(s.first_month,
                               least(s.last_month + INTERVAL 11 MONTH, make_date(year(b.as_of_month), 12, 1)),
                               INTERVAL 1 MONTH))::DATE AS month
    FROM (SELECT series, value, min(month) AS first_month, max(month) AS last_month FROM hist GROUP BY ALL) AS s
    CROSS JOIN build_info AS b
),
rolled AS (
    SELECT
        g.series, g.value, g.month,
        coalesce(h.n, 0) AS n1,
        sum(coalesce(h.n, 0)) OVER w3 AS n3,
        sum(coalesce(h.n, 0)) OVER w12 AS n12
    FROM grid AS g
    LEFT JOIN hist AS h USING (series, value, month)
    WINDOW w3 AS (PARTITION BY g.series, g.value ORDER BY g.month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),
           w12 AS (PARTITION BY g.series, g.value ORDER BY g.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
),
cumulated AS (
    SELECT
        *,
        sum(n1) OVER wc AS c1, sum(n3) OVER wc AS c3, sum(n12) OVER wc AS c12,
        sum(n1) OVER wt AS t1, sum(n3) OVER wt AS t3, sum(n12) OVER wt AS t12
    FROM rolled
    WINDOW wc AS (PARTITION BY series, month ORDER BY value ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
           wt AS (PARTITION BY series, month)
),
-- For each window length (1, 3, 12 months ending at month) and quantile: the values at ranks
-- floor(h) and ceil(h), and h's fraction.
picked AS (
    SELECT
        series, month,
        any_value(t1) AS t1, any_value(t3) AS t3, any_value(t12) AS t12,
        min(value) FILTER (WHERE c1 > floor(0.5::DOUBLE * (t1 - 1))) AS a50_lo,
        min(value) FILTER (WHERE c1 > ceil(0.5::DOUBLE * (t1 - 1))) AS a50_hi,
        min(value) FILTER (WHERE c1 > floor(0.9::DOUBLE * (t1 - 1))) AS a90_lo,
        min(value) FILTER (WHERE c1 > ceil(0.9::DOUBLE * (t1 - 1))) AS a90_hi,
        min(value) FILTER (WHERE c3 > floor(0.5::DOUBLE * (t3 - 1))) AS b50_lo,
        min(value) FILTER (WHERE c3 > ceil(0.5::DOUBLE * (t3 - 1))) AS b50_hi,
        min(value) FILTER (WHERE c3 > floor(0.9::DOUBLE * (t3 - 1))) AS b90_lo,
        min(value) FILTER (WHERE c3 > ceil(0.9::DOUBLE * (t3 - 1))) AS b90_hi,
        min(value) FILTER (WHERE c12 > floor(0.5::DOUBLE * (t12 - 1))) AS c50_lo,
        min(value) FILTER (WHERE c12 > ceil(0.5::DOUBLE * (t12 - 1))) AS c50_hi,
        min(value) FILTER (WHERE c12 > floor(0.9::DOUBLE * (t12 - 1))) AS c90_lo,
        min(value) FILTER (WHERE c12 > ceil(0.9::DOUBLE * (t12 - 1))) AS c90_hi
    FROM cumulated
    GROUP BY ALL
),
quantiles AS (
    -- months: 1 for month periods, 3 for rolling_3m and quarters, 12 for rolling_12m and years.
    SELECT series, month, 1 AS months,
           CASE WHEN t1 > 0 THEN a50_lo + (0.5::DOUBLE * (t1 - 1) - floor(0.5::DOUBLE * (t1 - 1))) * (a50_hi - a50_lo) END AS q50,
           CASE WHEN t1 > 0 THEN a90_lo + (0.9::DOUBLE * (t1 - 1) - floor(0.9::DOUBLE * (t1 - 1))) * (a90_hi - a90_lo) END AS q90
    FROM picked
    UNION ALL
    SELECT series, month, 3,
           CASE WHEN t3 > 0 THEN b50_lo + (0.5::DOUBLE * (t3 - 1) - floor(0.5::DOUBLE * (t3 - 1))) * (b50_hi - b50_lo) END,
           CASE WHEN t3 > 0 THEN b90_lo + (0.9::DOUBLE * (t3 - 1) - floor(0.9::DOUBLE * (t3 - 1))) * (b90_hi - b90_lo) END
    FROM picked
    UNION ALL
    SELECT series, month, 12,
           CASE WHEN t12 > 0 THEN c50_lo + (0.5::DOUBLE * (t12 - 1) - floor(0.5::DOUBLE * (t12 - 1))) * (c50_hi - c50_lo) END,
           CASE WHEN t12 > 0 THEN c90_lo + (0.9::DOUBLE * (t12 - 1) - floor(0.9::DOUBLE * (t12 - 1))) * (c90_hi - c90_lo) END
    FROM picked
),
period_windows AS (
    SELECT period_id, end_month,
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
FROM quantiles AS q
JOIN period_windows AS w ON w.end_month = q.month AND w.months = q.months
GROUP BY ALL
HAVING count(q.q50) > 0
