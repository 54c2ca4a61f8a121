-- duration_windows (intermediate, dropped after the build): the medians and 90th percentiles of
-- every series of duration_histogram over the 1, 3 and 12 months ending at each month. The table
-- is created empty here and filled by Go (transform/windows.go, run right after this statement):
-- a pass over the histogram, one series at a time, that keeps the counts per value of the last 1,
-- 3 and 12 months (adding the month that enters, subtracting the one that leaves) and reads the
-- quantiles off their cumulative counts. Its cost follows the histogram's cells (a million
-- complaints: 0.36 million cells in 3 regencies, 1 million in 30, about 0.2 and 0.6 s). The SQL
-- forms measured instead cost a microsecond or more per row of a grid of every series x value x
-- month (DuckDB's window functions, per row and aggregate): 30 regencies made 3.7 million grid
-- rows out of a million complaints, 3.6 million of them non-zero (a sparse grid saves little),
-- and 9 to 11 CPU-s; windowed quantile_cont over the complaints took 1.5 CPU-s per measure and
-- window length; GROUP BY quantile_cont over each window's complaints is not bit-identical to
-- the formula below.
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
