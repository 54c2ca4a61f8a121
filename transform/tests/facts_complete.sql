-- Every complaint has its local dates, every disposed complaint its SLA outcomes, every valid pair
-- its duration (a NULL there would mean a date outside the calendar); bounds are ordered (lo <= hi);
-- exact times leave nothing undetermined.
SELECT 'complaint_facts' AS tbl, regency_id, tracking_id
FROM complaint_facts
WHERE submitted_date IS NULL OR submitted_month IS NULL
   OR (disposed_hi IS NOT NULL AND (disposed_date IS NULL OR verified_on_time IS NULL))
   OR (in_cohort AND (closed_on_time IS NULL OR completion_sla IS NULL OR cohort_month IS NULL))
   OR (in_cohort AND has_first_response AND response_sla IS NULL)
   OR (timing = 'exact' AND (verification_sla = 'undetermined' OR response_sla = 'undetermined' OR completion_sla = 'undetermined'))
   OR disposed_lo > disposed_hi OR response_lo > response_hi OR closed_lo > closed_hi OR archived_lo > archived_hi
   OR (disposed_at >= submitted_at AND verify_wd IS NULL)
   OR (first_response_at >= disposed_at AND response_wd IS NULL)
   OR (closed_at >= disposed_at AND close_days IS NULL)
