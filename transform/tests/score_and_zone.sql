-- score lies in [0, 100] and is the weighted mean of the available components; zone follows the
-- score and config zones.
WITH p AS (SELECT * FROM build_info),
t AS (
    SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency, on_time_response_rate, completion_rate,
           on_time_completion_rate, satisfaction, score, zone FROM agency_month
    UNION ALL
    SELECT 'agency_period', regency, period_type || ' ' || period, agency, on_time_response_rate, completion_rate,
           on_time_completion_rate, satisfaction, score, zone FROM agency_period
    UNION ALL
    SELECT 'regency_month', regency, month::VARCHAR, NULL, on_time_response_rate, completion_rate,
           on_time_completion_rate, satisfaction, score, zone FROM regency_month
    UNION ALL
    SELECT 'regency_period', regency, period_type || ' ' || period, NULL, on_time_response_rate, completion_rate,
           on_time_completion_rate, satisfaction, score, zone FROM regency_period
),
checked AS (
    SELECT t.*,
        100 * (coalesce(p.weight_on_time_response_rate * on_time_response_rate, 0)
             + coalesce(p.weight_completion_rate * completion_rate, 0)
             + coalesce(p.weight_on_time_completion_rate * on_time_completion_rate, 0)
             + coalesce(p.weight_satisfaction * satisfaction, 0))
        / nullif((on_time_response_rate IS NOT NULL)::INT * p.weight_on_time_response_rate
               + (completion_rate IS NOT NULL)::INT * p.weight_completion_rate
               + (on_time_completion_rate IS NOT NULL)::INT * p.weight_on_time_completion_rate
               + (satisfaction IS NOT NULL)::INT * p.weight_satisfaction, 0) AS expected,
        CASE WHEN score >= p.zone_hijau THEN 'hijau' WHEN score >= p.zone_kuning THEN 'kuning' ELSE 'merah' END AS expected_zone
    FROM t, p
)
SELECT tbl, regency, period, agency, score, expected, zone, expected_zone
FROM checked
WHERE NOT (score BETWEEN 0 AND 100)
   OR score IS DISTINCT FROM round(expected, 9) AND abs(score - expected) > 1e-6
   OR (score IS NULL) <> (expected IS NULL)
   OR zone IS DISTINCT FROM CASE WHEN score IS NOT NULL THEN expected_zone END
