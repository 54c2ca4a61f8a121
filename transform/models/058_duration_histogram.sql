-- duration_histogram (intermediate, dropped after the build): how many complaints of each agency
-- and of each regency took each whole number of days, by cohort month; the input of
-- duration_windows, whose quantiles are computed from these counts (exact: durations are whole
-- days).
--
-- Grain: one row per (series, value, month) with at least one valid duration. A series is one
-- number for (regency_id, agency_id, measure): (regency_id * 1000000 + agency_id) * 2 + measure,
-- measure 0 being response_wd and 1 close_days; agency_id 0 is the regency's totals over all its
-- agencies. Months are numbered (year * 12 + month - 1) so that windows are integer ranges.
--
-- Columns:
--   series   BIGINT   (regency_id * 1000000 + agency_id) * 2 + measure
--   value    INTEGER  the duration: response_wd (measure 0) or close_days (measure 1)
--   month    BIGINT   cohort_month as year * 12 + month - 1
--   n        BIGINT   complaints of the series with this duration in this cohort month
CREATE OR REPLACE TEMP TABLE duration_histogram AS
WITH facts AS (
    SELECT regency_id::BIGINT * 1000000 + agency_id AS ra, response_wd, close_days,
           year(cohort_month) * 12 + month(cohort_month) - 1 AS month
    FROM complaint_facts
    WHERE in_cohort AND (response_wd IS NOT NULL OR close_days IS NOT NULL)
),
agencies AS (
    SELECT ra * 2 AS series, response_wd AS value, month, count(*) AS n
    FROM facts WHERE response_wd IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT ra * 2 + 1, close_days, month, count(*)
    FROM facts WHERE close_days IS NOT NULL GROUP BY ALL
)
SELECT series, value, month, n FROM agencies
UNION ALL
-- the regency's totals (agency_id 0), from its agencies' counts rather than from every complaint again
SELECT series // 2000000 * 2000000 + series % 2, value, month, sum(n)::BIGINT
FROM agencies GROUP BY ALL
