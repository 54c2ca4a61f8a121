-- The repeat complaints of a month's cohorts (table repeats): by tracking id, never the reporter.
-- $1 regency, $2 the report's month (first day).
SELECT agency, tracking_id, repeat_of, coalesce(repeat_of_agency, ''), days_after_closure, matched_by
FROM repeats
WHERE regency = $1 AND cohort_month = $2::DATE
ORDER BY agency, tracking_id
