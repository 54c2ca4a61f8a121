-- Where no complaint of a row comes from an export with a first-response column (layout B), the
-- response metrics are NULL, never 0; where some do, the counts and rates are present, except the
-- on-time rate where more than half of the base is undetermined (snapshot exports).
WITH t AS (
    SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency, response_base, responded,
           responded_on_time, response_rate, on_time_response_rate, response_wd_median, response_wd_p90, responded_undetermined
    FROM agency_month
    UNION ALL
    SELECT 'agency_period', regency, period_type || ' ' || period, agency, response_base, responded,
           responded_on_time, response_rate, on_time_response_rate, response_wd_median, response_wd_p90, responded_undetermined
    FROM agency_period
    UNION ALL
    SELECT 'regency_month', regency, month::VARCHAR, NULL, response_base, responded,
           responded_on_time, response_rate, on_time_response_rate, response_wd_median, response_wd_p90, responded_undetermined
    FROM regency_month
    UNION ALL
    SELECT 'regency_period', regency, period_type || ' ' || period, NULL, response_base, responded,
           responded_on_time, response_rate, on_time_response_rate, response_wd_median, response_wd_p90, responded_undetermined
    FROM regency_period
)
SELECT tbl, regency, period, agency, response_base, responded, responded_on_time, response_rate, on_time_response_rate
FROM t
WHERE (response_base = 0 AND (responded IS NOT NULL OR responded_on_time IS NOT NULL OR response_rate IS NOT NULL
                              OR on_time_response_rate IS NOT NULL OR response_wd_median IS NOT NULL
                              OR response_wd_p90 IS NOT NULL))
   OR (response_base > 0 AND (responded IS NULL OR responded_on_time IS NULL OR response_rate IS NULL
                              OR (on_time_response_rate IS NULL AND responded_undetermined * 2 <= response_base)))
