-- duration_windows (intermediate, dropped after the build): the medians and 90th percentiles of
-- every series of duration_histogram over the 1, 3 and 12 months ending at each month. The table
-- is created empty here and filled by Go (transform/windows.go, run right after this statement):
-- a pass over the histogram, one series at a time, that keeps the counts per value of the last 1,
-- 3 and 12 months (adding the month that enters, subtracting the one that leaves) and reads the
-- quantiles off their cumulative counts. Its cost follows the histogram's cells and the windows
-- (about 40 ms per million cells), where any SQL form measured followed a grid of every series x
-- every value x every month: DuckDB's window functions cost about a microsecond per grid row and
-- aggregate, and with 30 regencies the grid had 3.7 million rows for a million complaints
-- (README, "Benchmark").
--
-- Grain: one row per (series, month, months) whose window holds at least one duration, for months
-- from the series' first month to 11 months after its last, and at most to the December of
-- as_of's year (the last period end). months is 1 for month periods, 3 for rolling_3m and quarters
-- (the 3 months ending at a quarter's last month), 12 for rolling_12m and years.
-- Method (exact: durations are whole days): over the window's N durations, x_k is the k-th
-- smallest (0-based): the smallest value whose cumulative count exceeds k. A continuous quantile
-- q is then, as quantile_cont and pandas compute it, with h = q * (N - 1):
-- x_floor(h) + (h - floor(h)) * (x_ceil(h) - x_floor(h)).
--
-- Columns:
--   series   BIGINT   duration_histogram.series
--   month    BIGINT   the window's last month (year * 12 + month - 1)
--   months   INTEGER  the window's length: 1, 3 or 12 months
--   n        BIGINT   durations in the window
--   q50      DOUBLE   their median
--   q90      DOUBLE   their 90th percentile
CREATE OR REPLACE TEMP TABLE duration_windows (
    series BIGINT,
    month BIGINT,
    months INTEGER,
    n BIGINT,
    q50 DOUBLE,
    q90 DOUBLE
)
