-- duration_hist (intermediate, dropped after the build): histograms of the cohort durations.
--
-- Grain: one row per (regency, agency, month, measure, value) that occurs. Durations are whole
-- days, so a period's median and 90th percentile are computed exactly from the sum of its months'
-- histograms (continuous quantiles, as quantile_cont; never an average of monthly medians).
--
-- Columns:
--   regency  VARCHAR  regency
--   agency   VARCHAR  agency shown
--   month    DATE     cohort month (local month of disposed_at)
--   measure  VARCHAR  response_wd (wd(disposed_at, first_response_at)) | close_days (completion time in C's unit)
--   value    BIGINT   the duration
--   n        BIGINT   complaints with that duration (valid pairs only)
CREATE OR REPLACE TEMP TABLE duration_hist AS
SELECT regency, agency, disposed_month AS month, 'response_wd' AS measure, response_wd AS value, count(*) AS n
FROM complaint_facts
WHERE in_cohort AND has_first_response AND response_wd IS NOT NULL
GROUP BY ALL
UNION ALL
SELECT regency, agency, disposed_month, 'close_days', close_days, count(*)
FROM complaint_facts
WHERE in_cohort AND close_days IS NOT NULL
GROUP BY ALL
