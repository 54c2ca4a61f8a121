-- The month's cohort of one regency (complaints disposed in [$3, $4) to a named agency:
-- agency_month's received, from exports with a first-response column) counted by working days
-- from disposition to the first follow-up, through the calendar as the metrics do (the
-- difference of the two local dates' wd_index). One row per wd with its count; wd is -1 for no
-- first response yet, -2 for a first response before disposition.
-- $1 time zone of the build, $2 regency, $3 start instant, $4 end instant (exclusive).
SELECT
    CASE WHEN c.first_response_at IS NULL THEN -1
         WHEN c.first_response_at < c.disposed_at THEN -2
         ELSE cr.wd_index - cd.wd_index END AS wd,
    count(*)
FROM complaints AS c
JOIN agency_names AS n ON n.regency = c.regency AND n.spelling = c.agency
JOIN calendar AS cd ON cd.date = timezone($1, c.disposed_at)::DATE
LEFT JOIN calendar AS cr ON cr.date = timezone($1, c.first_response_at)::DATE
WHERE c.regency = $2 AND c.disposed_at >= $3 AND c.disposed_at < $4 AND c.has_first_response
GROUP BY wd
