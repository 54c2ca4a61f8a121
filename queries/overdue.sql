-- name: overdue
-- title: Tunggakan satu SKPD / Overdue complaints of one SKPD
-- description: Every open complaint of an SKPD that is past its service level at the data
--   cut-off (as_of): unanswered for more than R working days since disposition, or open longer
--   than C. Oldest first. Tracking ids and categories only: never the reporter, never the text
--   of a confidential complaint.
-- param: agency text  the SKPD as named in agency_month.agency (case and spaces ignored)
SELECT
    o.tracking_id,
    o.agency,
    c.category,
    c.area,
    o.disposed_date                              AS disposed_on,
    o.open_days                                  AS days_open,
    o.open_wd                                    AS working_days_open,
    o.first_response_at IS NOT NULL              AS answered,
    o.unanswered_overdue                         AS unanswered_past_r,
    o.overdue                                    AS open_past_c,
    CASE WHEN b.completion_unit = 'working' THEN o.open_wd ELSE o.open_days END
        - b.completion_days                      AS days_past_c
FROM open_complaints AS o
JOIN complaints AS c USING (regency, tracking_id)
CROSS JOIN build_info AS b
WHERE lower(regexp_replace(trim(o.agency), '\s+', ' ', 'g')) = lower(regexp_replace(trim($agency), '\s+', ' ', 'g'))
  AND (o.overdue OR coalesce(o.unanswered_overdue, false))
ORDER BY o.disposed_at, o.tracking_id
