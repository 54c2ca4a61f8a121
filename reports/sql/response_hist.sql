-- The month's cohort of one regency (agency_month's received, from exports with follow-up data)
-- counted by working days from disposition to the first follow-up, as the build computed them
-- (complaint_facts.response_wd). One row per wd with its count; wd is -1 for no follow-up (seen)
-- yet, -2 for a follow-up before the disposition (invalid exact times), -3 for a follow-up whose
-- duration the snapshots bound only loosely (more than one working day between its bounds).
-- $1 time zone of the build, $2 regency, $3 start instant, $4 end instant (exclusive).
SELECT
    CASE WHEN f.response_invalid THEN -2
         WHEN f.response_hi IS NULL THEN -1
         WHEN f.response_wd IS NULL THEN -3
         ELSE f.response_wd END AS wd,
    count(*)
FROM complaint_facts AS f
WHERE f.regency = $2 AND f.in_cohort AND f.has_first_response
  AND f.cohort_month >= timezone($1, $3)::DATE AND f.cohort_month < timezone($1, $4)::DATE
GROUP BY wd
