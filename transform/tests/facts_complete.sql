-- Every complaint has its local dates, every disposed complaint its SLA outcomes, and every valid
-- pair its duration (a NULL there would mean a date outside the calendar).
SELECT 'complaint_facts' AS tbl, regency_id, tracking_id
FROM complaint_facts
WHERE submitted_date IS NULL OR submitted_month IS NULL
   OR (disposed_at IS NOT NULL AND (disposed_date IS NULL OR verified_on_time IS NULL OR closed_on_time IS NULL))
   OR (disposed_at >= submitted_at AND verify_wd IS NULL)
   OR (first_response_at >= disposed_at AND response_wd IS NULL)
   OR (closed_at >= disposed_at AND close_days IS NULL)
