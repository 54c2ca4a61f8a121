-- The complaints of one regency open at as_of (open_complaints) that are past a service level:
-- more than C (C's unit) since disposition, or unanswered more than R working days after it.
-- One row per complaint: agency, tracking_id, category, title ('' when confidential),
-- confidential, disposed_us (epoch microseconds), age_days, age_wd, over_c (days past C in C's
-- unit when overdue, else NULL), over_r (working days past R when unanswered past R, else NULL).
-- Ordered by agency, then oldest first. Read through the Arrow interface (column order matters).
-- $1 regency.
WITH b AS (
    SELECT response_working_days AS r, completion_days AS c, completion_unit AS unit FROM build_info
)
SELECT o.agency, o.tracking_id, coalesce(c.category, '') AS category,
       CASE WHEN coalesce(c.confidential, false) THEN '' ELSE coalesce(c.title, '') END AS title,
       coalesce(c.confidential, false) AS confidential,
       epoch_us(o.disposed_at) AS disposed_us, o.open_days::BIGINT AS age_days, o.open_wd::BIGINT AS age_wd,
       CASE WHEN o.overdue THEN (CASE WHEN b.unit = 'working' THEN o.open_wd ELSE o.open_days END) - b.c END::BIGINT AS over_c,
       CASE WHEN o.unanswered_overdue THEN o.open_wd - b.r END::BIGINT AS over_r
FROM open_complaints AS o
CROSS JOIN b
LEFT JOIN complaint_texts AS c ON c.regency = o.regency AND c.tracking_id = o.tracking_id
WHERE o.regency = $1 AND (o.overdue OR coalesce(o.unanswered_overdue, false))
ORDER BY o.agency, o.open_days DESC, o.tracking_id
