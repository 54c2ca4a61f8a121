-- Columns the spec never leaves empty are never NULL. (Response metrics may be NULL: see
-- response_null_when_unavailable; on-time rates are NULL where more than half of the cohort is
-- undetermined.)
SELECT 'agency_month' AS tbl, regency, month::VARCHAR AS period, agency
FROM agency_month
WHERE regency IS NULL OR month IS NULL OR agency IS NULL OR received IS NULL OR response_base IS NULL
   OR closed IS NULL OR closed_on_time IS NULL OR rated IS NULL OR completion_rate IS NULL
   OR (on_time_completion_rate IS NULL AND closed_undetermined * 2 <= received) OR open_end IS NULL OR overdue_end IS NULL OR stock_at IS NULL
   OR small_sample IS NULL OR maturing IS NULL OR complete IS NULL
   OR received < 1
UNION ALL
SELECT 'agency_period', regency, period_type || ' ' || period, agency
FROM agency_period
WHERE regency IS NULL OR period_type IS NULL OR period IS NULL OR period_start IS NULL OR period_end IS NULL
   OR agency IS NULL OR received IS NULL OR response_base IS NULL OR closed IS NULL OR closed_on_time IS NULL
   OR rated IS NULL OR completion_rate IS NULL OR (on_time_completion_rate IS NULL AND closed_undetermined * 2 <= received) OR open_end IS NULL
   OR overdue_end IS NULL OR stock_at IS NULL OR small_sample IS NULL
   OR maturing IS NULL OR complete IS NULL OR received < 1
UNION ALL
SELECT 'regency_month', regency, month::VARCHAR, NULL
FROM regency_month
WHERE regency IS NULL OR month IS NULL OR agencies IS NULL OR agencies_ranked IS NULL OR submitted IS NULL
   OR verified_on_time IS NULL OR disposed IS NULL OR archived IS NULL OR undisposed_end IS NULL
   OR received IS NULL OR response_base IS NULL OR closed IS NULL OR closed_on_time IS NULL OR rated IS NULL
   OR open_end IS NULL OR overdue_end IS NULL OR stock_at IS NULL OR small_sample IS NULL
   OR maturing IS NULL OR complete IS NULL
   OR (received > 0 AND (completion_rate IS NULL OR (on_time_completion_rate IS NULL AND closed_undetermined * 2 <= received)))
UNION ALL
SELECT 'regency_period', regency, period_type || ' ' || period, NULL
FROM regency_period
WHERE regency IS NULL OR period_type IS NULL OR period IS NULL OR agencies IS NULL OR submitted IS NULL
   OR disposed IS NULL OR archived IS NULL OR undisposed_end IS NULL OR received IS NULL OR closed IS NULL
   OR open_end IS NULL OR overdue_end IS NULL OR stock_at IS NULL OR small_sample IS NULL
   OR maturing IS NULL OR complete IS NULL
   OR (received > 0 AND (completion_rate IS NULL OR (on_time_completion_rate IS NULL AND closed_undetermined * 2 <= received)))
