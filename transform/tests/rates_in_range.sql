-- Every rate lies in [0, 1].
WITH rates AS (
    SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency,
           response_rate, on_time_response_rate, completion_rate, on_time_completion_rate, satisfaction,
           NULL::DOUBLE AS verified_on_time_rate
    FROM agency_month
    UNION ALL
    SELECT 'agency_period', regency, period_type || ' ' || period, agency,
           response_rate, on_time_response_rate, completion_rate, on_time_completion_rate, satisfaction, NULL
    FROM agency_period
    UNION ALL
    SELECT 'regency_month', regency, month::VARCHAR, NULL,
           response_rate, on_time_response_rate, completion_rate, on_time_completion_rate, satisfaction, verified_on_time_rate
    FROM regency_month
    UNION ALL
    SELECT 'regency_period', regency, period_type || ' ' || period, NULL,
           response_rate, on_time_response_rate, completion_rate, on_time_completion_rate, satisfaction, verified_on_time_rate
    FROM regency_period
)
SELECT tbl, regency, period, agency, rate, value
FROM (UNPIVOT rates ON response_rate, on_time_response_rate, completion_rate, on_time_completion_rate,
      satisfaction, verified_on_time_rate INTO NAME rate VALUE value)
WHERE NOT (value BETWEEN 0 AND 1)
