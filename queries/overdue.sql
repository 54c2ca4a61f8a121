-- name: overdue
-- title: Tunggakan satu SKPD / Overdue complaints of one SKPD
-- description: Every open complaint of an SKPD that is past its service level at the data
--   cut-off (as_of): unanswered for more than R working days since disposition, or open longer
--   than C. Oldest first. Tracking ids and categories only: never the reporter, never the text
--   of a confidential complaint.
-- param: agency text  the SKPD as named in agency_month.agency (case and spaces ignored)
SELECT
    f.tracking_id,
    f.agency,
    c.category,
    c.area,
    f.disposed_date                              AS disposed_on,
    f.open_days                                  AS days_open,
    f.open_wd                                    AS working_days_open,
    f.first_response_at IS NOT NULL              AS answered,
    f.unanswered_overdue_now                     AS unanswered_past_r,
    f.overdue_now                                AS open_past_c,
    CASE WHEN b.completion_unit = 'working' THEN f.open_wd ELSE f.open_days END
        - b.completion_days                      AS days_past_c
FROM complaint_facts AS f
JOIN complaints AS c USING (regency, tracking_id)
CROSS JOIN build_info AS b
WHERE lower(trim(f.agency)) = lower(trim($agency))
  AND f.open_now
  AND (f.overdue_now OR coalesce(f.unanswered_overdue_now, false))
ORDER BY f.disposed_at, f.tracking_id
