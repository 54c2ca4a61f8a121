-- periods: the months, quarters, years and rolling windows that the scorecard tables report.
--
-- Grain: one row per (period_type, period). Months run from the first local month with a
-- submission or disposition (regencies.first_month) to the month of as_of. period_type is
--   month        one calendar month                          period '2025-03'
--   quarter      a calendar quarter                          period '2025-Q1'
--   year         a calendar year                             period '2025'
--   rolling_3m   the 3 months ending at end_month            period '2025-01..2025-03'
--   rolling_12m  the 12 months ending at end_month           period '2024-04..2025-03'
-- A rolling window exists for every month from the first month to as_of's month (windows that
-- start before the data simply hold fewer months of data). Quarters and years are calendar ones.
-- Stock (open_end ...) is taken at stock_at: the last instant of the period, or as_of when the
-- period is not over yet.
--
-- Columns:
--   period_id       INTEGER      helper: a number for the period in this build
--   period_type     VARCHAR      month | quarter | year | rolling_3m | rolling_12m
--   period          VARCHAR      label (see above)
--   period_start    DATE         first day of the first month
--   period_end      DATE         last day of the last month
--   end_month       DATE         first day of the last month (the anchor: rolling windows end there)
--   prev_end_month  DATE         end_month of the previous period of the same type (for rank_change)
--   months          DATE[]       the months in the period (first days)
--   stock_month     DATE         the month whose stock is the period's: least(end_month, as_of's month)
--   stock_at        TIMESTAMPTZ  instant of the stock: least(last instant of the period, as_of)
--   stock_date      DATE         local date of stock_at
--   complete        BOOLEAN      the period ended at or before as_of
--   maturing        BOOLEAN      less than C (C's unit) separates period_end from as_of's date: rates may still rise
CREATE OR REPLACE TABLE periods AS
WITH bounds AS (
    SELECT least(min(r.first_month), any_value(b.as_of_month)) AS first_month, any_value(b.as_of_month) AS last_month
    FROM regencies AS r, build_info AS b
),
month_list AS (
    SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH))::DATE AS month FROM bounds
),
raw AS (
    SELECT 'month' AS period_type, strftime(month, '%Y-%m') AS period, month AS period_start, month AS end_month,
           (month - INTERVAL 1 MONTH)::DATE AS prev_end_month
    FROM month_list
    UNION ALL
    SELECT DISTINCT 'quarter', strftime(month, '%Y') || '-Q' || quarter(month), date_trunc('quarter', month)::DATE,
           (date_trunc('quarter', month) + INTERVAL 2 MONTH)::DATE, (date_trunc('quarter', month) - INTERVAL 1 MONTH)::DATE
    FROM month_list
    UNION ALL
    SELECT DISTINCT 'year', strftime(month, '%Y'), date_trunc('year', month)::DATE,
           (date_trunc('year', month) + INTERVAL 11 MONTH)::DATE, (date_trunc('year', month) - INTERVAL 1 MONTH)::DATE
    FROM month_list
    UNION ALL
    SELECT 'rolling_3m', strftime(month - INTERVAL 2 MONTH, '%Y-%m') || '..' || strftime(month, '%Y-%m'),
           (month - INTERVAL 2 MONTH)::DATE, month, (month - INTERVAL 1 MONTH)::DATE
    FROM month_list
    UNION ALL
    SELECT 'rolling_12m', strftime(month - INTERVAL 11 MONTH, '%Y-%m') || '..' || strftime(month, '%Y-%m'),
           (month - INTERVAL 11 MONTH)::DATE, month, (month - INTERVAL 1 MONTH)::DATE
    FROM month_list
),
stocked AS (
    SELECT
        r.*,
        last_day(r.end_month) AS period_end,
        list_transform(generate_series(r.period_start, r.end_month, INTERVAL 1 MONTH), m -> m::DATE) AS months,
        least(r.end_month, b.as_of_month) AS stock_month,
        least((last_day(r.end_month) + 1)::TIMESTAMPTZ - INTERVAL 1 MICROSECOND, b.as_of) AS stock_at,
        (last_day(r.end_month) + 1)::TIMESTAMPTZ - INTERVAL 1 MICROSECOND <= b.as_of AS complete,
        b.as_of_date,
        b.completion_unit,
        b.completion_days
    FROM raw AS r, build_info AS b
)
SELECT
    (row_number() OVER (ORDER BY list_position(['month', 'quarter', 'year', 'rolling_3m', 'rolling_12m'], s.period_type), s.end_month))::INTEGER AS period_id,
    s.period_type,
    s.period,
    s.period_start,
    s.period_end,
    s.end_month,
    s.prev_end_month,
    s.months,
    s.stock_month,
    s.stock_at,
    s.stock_at::DATE AS stock_date,
    s.complete,
    CASE WHEN s.completion_unit = 'working' THEN ca.wd_index - ce.wd_index
         ELSE s.as_of_date - s.period_end END < s.completion_days AS maturing
FROM stocked AS s
LEFT JOIN calendar AS ca ON ca.date = s.as_of_date
LEFT JOIN calendar AS ce ON ce.date = s.period_end
ORDER BY list_position(['month', 'quarter', 'year', 'rolling_3m', 'rolling_12m'], s.period_type), s.end_month
